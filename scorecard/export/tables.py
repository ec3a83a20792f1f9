"""The JSON report as flat tables: the one place the exports read the report's shape.

Both the workbook and the deck go through these functions, so both show exactly the numbers of
:func:`scorecard.report.build_report`. Metric columns follow :data:`scorecard.dictionary.REGISTRY`
order; nested values (lists of names) become text, nested mappings are left out. Every function
returns a new frame and accepts a report whose optional keys are absent (an empty frame).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from scorecard.dictionary import REGISTRY, is_metric, metric

#: Identity columns first, in this order, wherever they appear.
IDENTITY = ("scope", "person_id", "name", "title", "department", "tier", "manager_id",
            "metric", "label", "month")
COMPANY_LABEL = "Company"

#: Units of report columns that are not dictionary metrics (None: a plain number).
COLUMN_UNITS: dict[str, str] = {
    "adoption": "%", "reach": "%", "team_reach": "%", "started_after_share": "%",
    "p_active_manager_active": "%", "p_active_manager_inactive": "%", "progress": "%",
    "ours": "%", "benchmark": "%", "lift": "ratio",
    "people": "count", "active": "count", "lines": "count", "direct_reports": "count",
    "people_below": "count", "points": "points", "capped_points": "points",
    "amount": "currency", "pool": "currency", "allocated": "currency",
    "points_per_participant": "points", "participants": "count", "raw_points": "points",
    "elapsed_share": "%", "gap": "%", "executives": "count", "rank": "count",
}
#: Bonus tables: a person's ``share`` is money from the pool.
BONUS_UNITS: dict[str, str] = {"share": "currency"}


def _nested(value: Any) -> bool:
    """A mapping, or a list holding mappings or lists: a table of its own, not a cell."""
    if isinstance(value, Mapping):
        return True
    return isinstance(value, (list, tuple)) and any(
        isinstance(v, (Mapping, list, tuple)) for v in value)


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
        rows = [{key_name: str(k), **_flat(rec)} for k, rec in obj.items()
                if isinstance(rec, Mapping)]
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


def people_table(report: Mapping[str, Any]) -> pd.DataFrame:
    """One row per person: identity, then every metric of the report, registry order."""
    return records_frame(report.get("people", {}), "person_id")


def departments_table(report: Mapping[str, Any]) -> pd.DataFrame:
    """The company first (scope "Company"), then one row per department (scope "Department")."""
    parts = []
    company = report.get("company") or {}
    if company:
        parts.append(records_frame([{"scope": COMPANY_LABEL, "department": COMPANY_LABEL,
                                     **company}], "department"))
    depts = records_frame(report.get("departments", {}), "department")
    if len(depts):
        parts.append(depts.assign(scope="Department"))
    return order_columns(pd.concat(parts, ignore_index=True)) if parts else pd.DataFrame()


def goals_table(report: Mapping[str, Any]) -> pd.DataFrame:
    """One row per goal as the report lists them; a dictionary metric gets its label."""
    frame = records_frame(report.get("goals", []), "goal")
    if "metric" in frame.columns and "label" not in frame.columns:
        frame.insert(0, "label", frame["metric"].astype("str").map(metric_label))
    first = [c for c in ("label", "metric", "scope", "key", "department", "person_id")
             if c in frame.columns]
    return frame[first + [c for c in frame.columns if c not in first]]


def metric_label(metric_id: str) -> str:
    """The registry label of a metric id, else the id in words ("qualified_leads": "Qualified
    leads"), for outcome metrics that goals may name."""
    return metric(metric_id).label if is_metric(metric_id) else header(metric_id)


def bonus_tables(report: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, pd.DataFrame]]:
    """The bonus pool's settings (scalars) and its tables (every list or mapping of records)."""
    bonus = report.get("bonus") or {}
    if isinstance(bonus, list):
        return {}, {"allocation": records_frame(bonus, "person_id")}
    settings = {k: v for k, v in bonus.items() if not isinstance(v, (Mapping, list, tuple))}
    tables = {k: records_frame(v, "person_id") for k, v in bonus.items()
              if isinstance(v, (Mapping, list, tuple)) and v}
    return settings, {k: t for k, t in tables.items() if len(t)}


def benchmarks_table(report: Mapping[str, Any]) -> pd.DataFrame:
    """One row per benchmark: ``metric``, ``label``, ``ours``, ``benchmark`` (fractions).

    Accepts records or a mapping by metric id; ``value``/``share``/``executives`` are read as
    ours; the label and a missing benchmark come from the registry.
    """
    frame = records_frame(report.get("benchmarks", {}), "metric")
    if frame.empty:
        return pd.DataFrame(columns=["metric", "label", "ours", "benchmark"])
    for alias in ("executives", "share", "value", "actual", "ours_share"):
        if "ours" not in frame.columns and alias in frame.columns:
            frame = frame.rename(columns={alias: "ours"})
    ids = frame["metric"].astype("str")
    if "label" not in frame.columns:
        frame["label"] = ids.map(lambda m: metric(m).label if is_metric(m) else m)
    if "benchmark" not in frame.columns:
        frame["benchmark"] = ids.map(lambda m: metric(m).benchmark if is_metric(m) else None)
    return order_columns(frame)


def cascade_tables(report: Mapping[str, Any]) -> dict[str, pd.DataFrame]:
    """The cascade as three tables: ``summary`` (company first, then departments),
    ``adoption`` (department, month, tier, people, active, adoption) and ``leaders``."""
    cascade = report.get("cascade") or {}
    entries = [("Company", COMPANY_LABEL, cascade["company"])] if cascade.get("company") else []
    entries += [("Department", str(name), entry)
                for name, entry in dict(cascade.get("departments") or {}).items()]
    summary = records_frame([{"scope": scope, "department": name, **entry}
                             for scope, name, entry in entries], "department")
    adoption = records_frame([{"scope": scope, "department": name, **rec}
                              for scope, name, entry in entries
                              for rec in entry.get("adoption_by_month", [])], "department")
    return {
        "summary": summary,
        "adoption": adoption,
        "leaders": records_frame(cascade.get("leaders", []), "person_id"),
    }
