"""The Report: every number of a period, built once by the domain, read by every output.

:func:`build_report` returns a frozen :class:`Report`; the JSON (:meth:`Report.to_dict`,
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
    benchmarks  {metric id: {"label", "ours", "benchmark", "gap", "executives", "source"}}
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
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from scorecard.assumptions import as_mapping
from scorecard.benchmarks import executive_benchmarks
from scorecard.bonus import bonus_pool
from scorecard.cascade import cascade_report_of, prepare, reach_of
from scorecard.dataset import Dataset, Filters, Period
from scorecard.dictionary import REGISTRY, MetricDef
from scorecard.formatting import DEFAULT_CURRENCY
from scorecard.goals import goal_progress
from scorecard.metrics import SCORECARD_METRICS, compute
from scorecard.score import explain
from scorecard.stewards import steward_table

Value = float | int | str | bool | None
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


def _freeze(obj: Any) -> Any:
    """A nested JSON value made read-only: mappings → MappingProxyType, lists → tuples."""
    if isinstance(obj, Mapping):
        return MappingProxyType({str(k): _freeze(v) for k, v in obj.items()})
    if isinstance(obj, list | tuple):
        return tuple(_freeze(v) for v in obj)
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
    executives: int | None
    source: str | None


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
        ident = {f.name: getattr(self, f.name) for f in fields(self)
                 if f.name not in ("person_id", "metrics", "leadership_explanation")}
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
        return {"from": self.start.isoformat(), "to": self.end.isoformat(), "days": self.days,
                "business_days": self.business_days,
                "previous": {"from": self.previous_start.isoformat(),
                             "to": self.previous_end.isoformat()}}

    def text(self) -> str:
        """"2026-01-01 to 2026-03-31"."""
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
            "dictionary": [{k: plain(v) for k, v in asdict(m).items()
                            if k not in ("aggregation", "home")} for m in self.dictionary],
            "company": dict(self.company),
            "departments": {d: dict(v) for d, v in self.departments.items()},
            "people": {pid: p.to_dict() for pid, p in self.people.items()},
            "goals": [asdict(g) for g in self.goals],
            "bonus": {"pool": self.bonus.pool, "allocated": self.bonus.allocated,
                      "people": [asdict(p) for p in self.bonus.people],
                      "teams": [asdict(t) for t in self.bonus.teams]},
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
        goals = tuple(g for g in self.goals if g.scope == "company"
                      or (g.scope == "department" and g.key in keep)
                      or (g.scope == "person" and g.key in people))
        bonus = replace(self.bonus,
                        people=tuple(p for p in self.bonus.people if p.department in keep),
                        teams=tuple(t for t in self.bonus.teams if t.department in keep))
        cascade = dict(self.cascade)
        if cascade:
            cascade["company"] = None
            cascade["departments"] = MappingProxyType({
                d: v for d, v in (self.cascade.get("departments") or {}).items() if d in keep})
            cascade["leaders"] = tuple(x for x in self.cascade.get("leaders") or ()
                                       if x.get("department") in keep)
        return replace(self, people=MappingProxyType(people),
                       departments=MappingProxyType({d: v for d, v in self.departments.items()
                                                     if d in keep}),
                       goals=goals, bonus=bonus, cascade=MappingProxyType(cascade),
                       scope=tuple(departments))


Row = TypeVar("Row")


def _rows(kind: type[Row], frame: pd.DataFrame, index_name: str | None = None
          ) -> tuple[Row, ...]:
    """One ``kind`` per row of ``frame``, its fields read from the columns of the same name
    (an absent column gives ``None``)."""
    frame = frame.reset_index(names=index_name) if index_name else frame
    names = [f.name for f in fields(kind)]  # type: ignore[arg-type]
    return tuple(kind(**{n: plain(rec.get(n)) for n in names})
                 for rec in frame.to_dict(orient="records"))


def _metrics(values: pd.Series) -> Metrics:
    return MappingProxyType({m: plain(values[m]) for m in SCORECARD_METRICS})


def _people(dataset: Dataset, cards: Any) -> Mapping[str, Person]:
    # Reporting line and email as the people table has them (first row of a duplicated id).
    contact = dataset.people.drop_duplicates("person_id").set_index("person_id")[
        ["manager_id", "email"]]
    people: dict[str, Person] = {}
    for pid, row in cards.people.iterrows():  # one entry per person: output-sized, not data
        people[str(pid)] = Person(
            str(pid), *(plain(row[c]) for c in ("name", "title", "department", "tier")),
            *(plain(contact.at[pid, c]) for c in ("manager_id", "email")),
            metrics=_metrics(row), leadership_explanation=explain(cards.pillars.loc[pid]))
    return MappingProxyType(people)


def report_currency(dataset: Dataset) -> str:
    """The dataset's currency: assumption ``currency``, else :data:`DEFAULT_CURRENCY`."""
    return str(as_mapping(dataset.assumptions).get("currency") or "").strip() \
        or DEFAULT_CURRENCY


def build_report(dataset: Dataset, period: Period, filters: Filters | None = None) -> Report:
    """Every number of the dictionary for ``period`` and ``filters``, once, as a
    :class:`Report`. Goals are measured on the whole dataset up to its last day, unfiltered;
    the bonus shares are the pool's for ``filters`` (see :func:`scorecard.bonus.bonus_pool`)."""
    filters = filters or Filters()
    cascade = prepare(dataset, period)  # once: team reach and the cascade key share it
    cards = compute(dataset, period, filters, reach=reach_of(cascade))
    pool = bonus_pool(dataset, period, filters)
    previous = period.previous()
    benchmarks = executive_benchmarks(dataset, period, filters)
    return Report(
        period=ReportPeriod(period.start, period.end, period.days, period.business_days,
                            previous.start, previous.end),
        filters=filters,
        currency=report_currency(dataset),
        dictionary=REGISTRY,
        company=_metrics(cards.company),
        departments=MappingProxyType({str(d): _metrics(row)
                                      for d, row in cards.departments.iterrows()}),
        people=_people(dataset, cards),
        goals=_rows(Goal, goal_progress(dataset)),
        bonus=Bonus(plain(pool.pool), plain(pool.allocated),
                    _rows(BonusShare, pool.people, "person_id"),
                    _rows(TeamPoints, pool.teams, "department")),
        benchmarks=MappingProxyType({
            str(k): b for k, b in zip(benchmarks.index,
                                      _rows(Benchmark, benchmarks), strict=True)}),
        stewards=_rows(Steward, steward_table(dataset, period)),
        cascade=_freeze(cascade_report_of(cascade)),
    )
