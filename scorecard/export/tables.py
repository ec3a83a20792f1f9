"""The :class:`~scorecard.report.Report` as flat tables, read from its fields.

Both the workbook and the deck go through these functions, so both show exactly the numbers of
:func:`scorecard.report.build_report`. Metric columns follow :data:`scorecard.dictionary.REGISTRY`
order; nested values (lists of names) become text, nested mappings are left out. Every function
returns a new frame; an empty section gives an empty frame.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, fields
from typing import Any

import pandas as pd

from scorecard.dictionary import REGISTRY, is_metric, metric
from scorecard.goals import goal_label
from scorecard.report import Goal, Report

#: Identity columns first, in this order, wherever they appear.
IDENTITY = (
    "scope",
    "person_id",
    "name",
    "title",
    "department",
    "tier",
    "manager_id",
    "metric",
    "label",
    "month",
)
COMPANY_LABEL = "Company"

#: Units of report columns that are not dictionary metrics (None: a plain number).
COLUMN_UNITS: dict[str, str] = {
    "adoption": "%",
    "reach": "%",
    "team_reach": "%",
    "started_after_share": "%",
    "p_active_manager_active": "%",
    "p_active_manager_inactive": "%",
    "progress": "%",
    "ours": "%",
    "benchmark": "%",
    "lift": "multiple",
    "median_lag_days": "days",
    "people": "count",
    "active": "count",
    "lines": "count",
    "direct_reports": "count",
    "people_below": "count",
    "points": "points",
    "capped_points": "points",
    "amount": "currency",
    "pool": "currency_cents",
    "allocated": "currency_cents",
    "points_per_participant": "points",
    "participants": "count",
    "raw_points": "points",
    "elapsed_share": "%",
    "gap": "%",
    "executives": "count",
    "rank": "count",
}
#: Goal columns that are numbers (missing ones included).
GOAL_NUMBERS = ("target", "actual", "elapsed_share", "expected", "projected", "progress")
#: Bonus tables: a person's ``share`` is money from the pool.
BONUS_UNITS: dict[str, str] = {"share": "currency_cents"}


def _nested(value: Any) -> bool:
    """A mapping, or a list holding mappings or lists: a table of its own, not a cell."""
    if isinstance(value, Mapping):
        return True
    return isinstance(value, (list, tuple)) and any(
        isinstance(v, (Mapping, list, tuple)) for v in value
    )


def _scalar(value: Any) -> Any:
    """A cell value: a list of scalars joined as text, "yes"/"no" for a flag."""
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value


def _flat(record: Mapping[str, Any]) -> dict[str, Any]:
    return {c: _scalar(v) for c, v in record.items() if not _nested(v)}


def records_frame(obj: Any, key_name: str) -> pd.DataFrame:
    """A frame from a list of records, or a mapping of key → record (the key in ``key_name``).

    Columns holding only mappings are dropped; identity columns come first, then dictionary
    metrics in registry order, then the rest as they appear.
    """
    if isinstance(obj, Mapping):
        rows = [
            {key_name: str(k), **_flat(rec)} for k, rec in obj.items() if isinstance(rec, Mapping)
        ]
    elif isinstance(obj, (list, tuple)):
        rows = [_flat(rec) for rec in obj if isinstance(rec, Mapping)]
    else:
        rows = []
    if not rows:
        return pd.DataFrame()
    return order_columns(pd.DataFrame.from_records(rows))


def order_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """Identity columns, then registry metrics in chain order, then the remaining columns."""
    cols = list(frame.columns)
    ident = [c for c in IDENTITY if c in cols]
    metrics = [m.id for m in REGISTRY if m.id in cols and m.id not in ident]
    rest = [c for c in cols if c not in ident and c not in metrics]
    return frame[ident + metrics + rest]


def column_unit(column: str) -> str | None:
    """The unit of a report column: the registry's for a metric id, else a known column's."""
    if is_metric(column):
        return metric(column).unit
    return COLUMN_UNITS.get(column)


def header(column: str) -> str:
    """Column header: the registry label for a metric id, else the words of the column name."""
    if is_metric(column):
        return metric(column).label
    text = column.replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def people_table(report: Report) -> pd.DataFrame:
    """One row per person: identity, then every metric of the report, registry order."""
    return records_frame({pid: p.to_dict() for pid, p in report.people.items()}, "person_id")


def departments_table(report: Report) -> pd.DataFrame:
    """The company first (scope "Company"), then one row per department (scope "Department")."""
    parts = []
    if report.company:
        parts.append(
            records_frame(
                [{"scope": COMPANY_LABEL, "department": COMPANY_LABEL, **report.company}],
                "department",
            )
        )
    depts = records_frame(report.departments, "department")
    if len(depts):
        parts.append(depts.assign(scope="Department"))
    return order_columns(pd.concat(parts, ignore_index=True)) if parts else pd.DataFrame()


def goals_table(report: Report) -> pd.DataFrame:
    """One row per goal as the report lists them, led by the metric's label."""
    frame = pd.DataFrame.from_records(
        [asdict(g) for g in report.goals], columns=[f.name for f in fields(Goal)]
    )
    frame.insert(0, "label", frame["metric"].astype("str").map(metric_label))
    return frame.astype({c: "float64" for c in GOAL_NUMBERS})


def metric_label(metric_id: str) -> str:
    """The registry label of a metric id, else the id in words ("qualified_leads": "Qualified
    leads"), for outcome metrics that goals may name."""
    return goal_label(metric_id)  # one rule for screen and exports: scorecard.goals


def bonus_tables(report: Report) -> tuple[dict[str, Any], dict[str, pd.DataFrame]]:
    """The bonus pool's settings (``pool``, ``allocated``) and its tables (``people`` and
    ``teams``, each left out when empty)."""
    bonus = report.bonus
    tables = {
        "people": records_frame([asdict(p) for p in bonus.people], "person_id"),
        "teams": records_frame([asdict(t) for t in bonus.teams], "department"),
    }
    return (
        {"pool": bonus.pool, "allocated": bonus.allocated},
        {k: t for k, t in tables.items() if len(t)},
    )


def benchmarks_table(report: Report) -> pd.DataFrame:
    """One row per benchmark: ``metric``, ``label``, ``ours``, ``benchmark`` (fractions), then
    ``gap``, ``executives`` and ``source``."""
    frame = records_frame({k: asdict(b) for k, b in report.benchmarks.items()}, "metric")
    if frame.empty:
        return pd.DataFrame(columns=["metric", "label", "ours", "benchmark"])
    return order_columns(frame)


def cascade_tables(report: Report) -> dict[str, pd.DataFrame]:
    """The cascade as three tables: ``summary`` (company first, then departments),
    ``adoption`` (department, month, tier, people, active, adoption) and ``leaders``."""
    cascade = report.cascade
    entries = [("Company", COMPANY_LABEL, cascade["company"])] if cascade.get("company") else []
    entries += [
        ("Department", str(name), entry)
        for name, entry in dict(cascade.get("departments") or {}).items()
    ]
    summary = records_frame(
        [{"scope": scope, "department": name, **entry} for scope, name, entry in entries],
        "department",
    )
    adoption = records_frame(
        [
            {"scope": scope, "department": name, **rec}
            for scope, name, entry in entries
            for rec in entry.get("adoption_by_month", ())
        ],
        "department",
    )
    return {
        "summary": summary,
        "adoption": adoption,
        "leaders": records_frame(cascade.get("leaders", ()), "person_id"),
    }
