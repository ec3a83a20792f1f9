"""The typed Report: every number of a period, frozen, and its JSON.

:func:`scorecard.report.build_report` returns a :class:`Report`; the JSON (:meth:`Report.to_dict`,
:meth:`Report.to_json`), the deck, the workbook and the pages read its fields. Values keep
full float precision: rounding happens only where a person reads a number
(:mod:`scorecard.formatting`). Missing values are ``None`` (JSON null); shares are fractions 0–1.

JSON shape (top-level keys)::

    period      {"from", "to", "days", "business_days", "previous": {"from", "to"}}
    filters     {"departments": [...], "tiers": [...], "channels": [...]}
    currency    the dataset's currency (assumption ``currency``, default "$")
    dictionary  [{"id", "label", "sentence", "formula", "unit", "direction", "stage",
                  "provenance", "benchmark", "benchmark_source"}, ...]   in chain order
    company     {metric id: value}
    departments {department: {metric id: value}}
    people      {person_id: {"name", "title", "department", "tier", "manager_id", "email",
                             metric id: value, ..., "leadership_explanation": text}}
    goals       [{"metric", "scope", "key", "start", "end", "direction", "target", "actual",
                  "elapsed_share", "expected", "status", "projected", "progress"}, ...]
    bonus       {"pool", "allocated", "people": [{"person_id", "name", "department", "tier",
                 "board", "raw_points", "points", "eligible", "share", "rank"}, ...],
                 "teams": [{"department", "points", "participants",
                            "points_per_participant", "rank"}, ...]}
    benchmarks  {benchmark id: {"label", "ours", "benchmark", "gap", "unit", "executives",
                 "year", "source", "url", "finding", "population", "sample",
                 "ours_means", "comparable"}}   :mod:`scorecard.benchmark_registry`
    stewards    [{"channel", "account", "steward_id", "steward", "actions", "posts",
                  "impressions", "reactions", "comments_received", "shares_received", "clicks",
                  "engagement_rate"}, ...]   brand accounts (:mod:`scorecard.stewards`), whose
                 activity is in no person's, department's or company's figures
    cascade     :func:`scorecard.cascade.cascade_report_of` (the cascade is not narrowed by
                 filters)
    scope       [departments]   only in a report narrowed with :meth:`Report.within`
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date
from types import MappingProxyType
from typing import Any

import numpy as np
import pandas as pd

from scorecard.dataset import Filters
from scorecard.dictionary import MetricDef

Metrics = Mapping[str, float | None]


def plain(value: Any, decimals: int | None = None) -> Any:
    """A JSON-safe Python value: NaN/NA/±inf → None, numpy scalars → Python, dates → ISO text.
    Floats keep full precision unless ``decimals`` is given (the report never gives it)."""
    if value is None or (not isinstance(value, str | bool | np.bool_) and pd.isna(value)):
        return None
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if isinstance(value, int | np.integer):
        return int(value)
    if isinstance(value, float | np.floating):
        if not math.isfinite(value):
            return None
        return float(value) if decimals is None else round(float(value), decimals)
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def freeze(obj: Any) -> Any:
    """A nested JSON value made read-only: mappings → MappingProxyType, lists → tuples."""
    if isinstance(obj, Mapping):
        return MappingProxyType({str(k): freeze(v) for k, v in obj.items()})
    if isinstance(obj, list | tuple):
        return tuple(freeze(v) for v in obj)
    return plain(obj)


def _thaw(obj: Any) -> Any:
    """The JSON value of a frozen one (the inverse of :func:`_freeze`)."""
    if isinstance(obj, Mapping):
        return {k: _thaw(v) for k, v in obj.items()}
    if isinstance(obj, tuple):
        return [_thaw(v) for v in obj]
    return obj


@dataclass(frozen=True)
class Goal:
    """One goal's progress (:func:`scorecard.goals.goal_progress`), measured on the whole
    dataset up to its last day, unfiltered."""

    metric: str
    scope: str
    key: str | None
    start: str | None
    end: str | None
    direction: str
    target: float | None
    actual: float | None
    elapsed_share: float | None
    expected: float | None
    status: str
    projected: float | None
    progress: float | None


@dataclass(frozen=True)
class BonusShare:
    """A person's points and company-wide share of the pool (:func:`scorecard.bonus.bonus_pool`)."""

    person_id: str
    name: str | None
    department: str | None
    tier: str | None
    board: str | None
    raw_points: float | None
    points: float | None
    eligible: bool | None
    share: float | None
    rank: int | None


@dataclass(frozen=True)
class TeamPoints:
    department: str
    points: float | None
    participants: int | None
    points_per_participant: float | None
    rank: float | None


@dataclass(frozen=True)
class Bonus:
    pool: float | None
    allocated: float | None
    people: tuple[BonusShare, ...]
    teams: tuple[TeamPoints, ...]


@dataclass(frozen=True)
class Benchmark:
    """Our executives' figure beside a published one (:mod:`scorecard.benchmarks`)."""

    label: str | None
    ours: float | None
    benchmark: float | None
    gap: float | None
    unit: str | None
    executives: int | None
    year: int | None
    source: str | None
    url: str | None
    finding: str | None
    population: str | None
    sample: str | None
    ours_means: str | None
    comparable: str | None


@dataclass(frozen=True)
class Steward:
    """A brand account and who runs it, with its figures over the period."""

    channel: str | None
    account: str | None
    steward_id: str | None
    steward: str | None
    actions: float | None
    posts: float | None
    impressions: float | None
    reactions: float | None
    comments_received: float | None
    shares_received: float | None
    clicks: float | None
    engagement_rate: float | None


@dataclass(frozen=True)
class Person:
    """One person's card: who they are, every scorecard metric, and how the score was made."""

    person_id: str
    name: str | None
    title: str | None
    department: str | None
    tier: str | None
    manager_id: str | None
    email: str | None
    metrics: Metrics
    leadership_explanation: str

    def to_dict(self) -> dict[str, Any]:
        ident = {
            f.name: getattr(self, f.name)
            for f in fields(self)
            if f.name not in ("person_id", "metrics", "leadership_explanation")
        }
        return {**ident, **self.metrics, "leadership_explanation": self.leadership_explanation}


@dataclass(frozen=True)
class ReportPeriod:
    start: date
    end: date
    days: int
    business_days: int
    previous_start: date
    previous_end: date

    def to_dict(self) -> dict[str, Any]:
        return {
            "from": self.start.isoformat(),
            "to": self.end.isoformat(),
            "days": self.days,
            "business_days": self.business_days,
            "previous": {
                "from": self.previous_start.isoformat(),
                "to": self.previous_end.isoformat(),
            },
        }

    def text(self) -> str:
        """ "2026-01-01 to 2026-03-31"."""
        return f"{self.start.isoformat()} to {self.end.isoformat()}"


@dataclass(frozen=True)
class Report:
    """Every number of a period for a set of filters; see the module docstring for the JSON.

    ``cascade`` is the cascade's own read-only JSON tree (:mod:`scorecard.cascade`).
    ``scope`` is ``None`` for a whole report, else the departments :meth:`within` kept.
    """

    period: ReportPeriod
    filters: Filters
    currency: str
    dictionary: tuple[MetricDef, ...]
    company: Metrics
    departments: Mapping[str, Metrics]
    people: Mapping[str, Person]
    goals: tuple[Goal, ...]
    bonus: Bonus
    benchmarks: Mapping[str, Benchmark]
    stewards: tuple[Steward, ...]
    cascade: Mapping[str, Any]
    scope: tuple[str, ...] | None = field(default=None)

    def to_dict(self) -> dict[str, Any]:
        """The JSON report as Python values (full precision; ``None`` for missing)."""
        out: dict[str, Any] = {
            "period": self.period.to_dict(),
            "filters": {k: list(v) for k, v in asdict(self.filters).items()},
            "currency": self.currency,
            "dictionary": [
                {k: plain(v) for k, v in asdict(m).items() if k not in ("aggregation", "home")}
                for m in self.dictionary
            ],
            "company": dict(self.company),
            "departments": {d: dict(v) for d, v in self.departments.items()},
            "people": {pid: p.to_dict() for pid, p in self.people.items()},
            "goals": [asdict(g) for g in self.goals],
            "bonus": {
                "pool": self.bonus.pool,
                "allocated": self.bonus.allocated,
                "people": [asdict(p) for p in self.bonus.people],
                "teams": [asdict(t) for t in self.bonus.teams],
            },
            "benchmarks": {k: asdict(b) for k, b in self.benchmarks.items()},
            "stewards": [asdict(s) for s in self.stewards],
            "cascade": _thaw(self.cascade),
        }
        if self.scope is not None:
            out["scope"] = list(self.scope)
        return out

    def to_json(self) -> str:
        """The JSON report: indented UTF-8 text, nulls for missing, floats unrounded."""
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False, allow_nan=False)

    def within(self, departments: tuple[str, ...] | None) -> Report:
        """This report with only what ``departments`` may see (``None``: unchanged).

        Rows outside the scope are dropped, never recomputed: the bonus shares, ranks and goal
        figures of the people kept are the whole report's. Dropped: people, departments, goals
        of another department or person, bonus people and teams, cascade departments and
        leaders outside the scope, and the company-wide cascade.
        """
        if departments is None:
            return self
        keep = set(departments)
        people = {pid: p for pid, p in self.people.items() if p.department in keep}
        goals = tuple(
            g
            for g in self.goals
            if g.scope == "company"
            or (g.scope == "department" and g.key in keep)
            or (g.scope == "person" and g.key in people)
        )
        bonus = replace(
            self.bonus,
            people=tuple(p for p in self.bonus.people if p.department in keep),
            teams=tuple(t for t in self.bonus.teams if t.department in keep),
        )
        cascade = dict(self.cascade)
        if cascade:
            cascade["company"] = None
            cascade["departments"] = MappingProxyType(
                {d: v for d, v in (self.cascade.get("departments") or {}).items() if d in keep}
            )
            cascade["leaders"] = tuple(
                x for x in self.cascade.get("leaders") or () if x.get("department") in keep
            )
        return replace(
            self,
            people=MappingProxyType(people),
            departments=MappingProxyType({d: v for d, v in self.departments.items() if d in keep}),
            goals=goals,
            bonus=bonus,
            cascade=MappingProxyType(cascade),
            scope=tuple(departments),
        )
