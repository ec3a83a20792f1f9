"""The machine-readable report: one JSON-serialisable dict of every number for a period.

Shape (top-level keys)::

    period      {"from", "to", "days", "business_days", "previous": {"from", "to"}}
    filters     {"departments": [...], "tiers": [...], "channels": [...]}
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
    cascade     :func:`scorecard.cascade.cascade_report_of` — {"period", "active_threshold",
                 "months", "company", "departments": {department: {"lift",
                 "median_lag_days", "started_after_share", "reach", "adoption" by month and
                 tier, "front" by month, ...}}, "leaders": [{"person_id", "reach", ...}],
                 "cycle_members"}; the cascade is not narrowed by filters

Missing values are ``None`` (JSON null). Metric values are rounded to their unit's decimals
(:data:`scorecard.dictionary.UNIT_DECIMALS`); shares are fractions 0–1.
"""

from __future__ import annotations

import math
from dataclasses import asdict
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from scorecard.benchmarks import executive_benchmarks
from scorecard.bonus import bonus_pool
from scorecard.cascade import cascade_report_of, prepare, reach_of
from scorecard.dataset import Dataset, Filters, Period
from scorecard.dictionary import REGISTRY, metric
from scorecard.goals import goal_progress
from scorecard.metrics import SCORECARD_METRICS, compute
from scorecard.score import explain


def plain(value: Any, decimals: int = 4) -> Any:
    """A JSON-safe Python value: NaN/NA → None, numpy scalars → Python, dates → ISO text,
    floats rounded to ``decimals``."""
    if value is None or (not isinstance(value, str | bool | np.bool_) and pd.isna(value)):
        return None
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if isinstance(value, int | np.integer):
        return int(value)
    if isinstance(value, float | np.floating):
        return None if not math.isfinite(value) else round(float(value), decimals)
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _metric_map(values: pd.Series) -> dict[str, Any]:
    return {m: plain(values[m], metric(m).decimals) for m in SCORECARD_METRICS}


def _records(frame: pd.DataFrame, index_name: str | None = None) -> list[dict[str, Any]]:
    frame = frame.reset_index() if index_name else frame
    return [{k: plain(v) for k, v in row.items()} for row in frame.to_dict(orient="records")]


def build_report(dataset: Dataset, period: Period, filters: Filters = Filters()
                 ) -> dict[str, Any]:
    """Every number of the dictionary for ``period`` and ``filters`` (see the module docstring
    for the shape). Goals are measured on the whole dataset up to its last day, unfiltered."""
    cascade = prepare(dataset, period)  # once: team reach and the cascade key share it
    cards = compute(dataset, period, filters, reach=reach_of(cascade))
    # Reporting line and email as the people table has them (first row of a duplicated id).
    contact = dataset.people.drop_duplicates("person_id").set_index("person_id")[
        ["manager_id", "email"]]
    people: dict[str, Any] = {}
    for pid, row in cards.people.iterrows():  # one entry per person: output-sized, not data
        entry = {c: plain(row[c]) for c in ("name", "title", "department", "tier")}
        entry.update({c: plain(contact.at[pid, c]) for c in ("manager_id", "email")})
        entry.update(_metric_map(row))
        entry["leadership_explanation"] = explain(cards.pillars.loc[pid])
        people[str(pid)] = entry
    pool = bonus_pool(dataset, period, filters)
    previous = period.previous()
    return {
        "period": {"from": period.start.isoformat(), "to": period.end.isoformat(),
                   "days": period.days, "business_days": period.business_days,
                   "previous": {"from": previous.start.isoformat(),
                                "to": previous.end.isoformat()}},
        "filters": {k: list(v) for k, v in asdict(filters).items()},
        "dictionary": [{k: plain(v) for k, v in asdict(m).items()
                        if k not in ("aggregation", "home")} for m in REGISTRY],
        "company": _metric_map(cards.company),
        "departments": {str(d): _metric_map(row) for d, row in cards.departments.iterrows()},
        "people": people,
        "goals": _records(goal_progress(dataset)),
        "bonus": {"pool": plain(pool.pool, 2), "allocated": plain(pool.allocated, 2),
                  "people": _records(pool.people, "person_id"),
                  "teams": _records(pool.teams, "department")},
        "benchmarks": {k: {c: plain(v) for c, v in row.items()}
                       for k, row in executive_benchmarks(dataset, period, filters).iterrows()},
        "cascade": cascade_report_of(cascade),
    }
