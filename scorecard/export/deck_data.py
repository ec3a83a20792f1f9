"""What each slide of the deck shows, taken from the report's tables (never recomputed).

Every frame here is small and aggregated (one row per goal, executive, benchmark or tier-month)
before any chart is built from it, so no chart spec ever carries raw activity rows.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from scorecard.export.tables import benchmarks_table, cascade_tables, goals_table, people_table
from scorecard.formatting import goal_labels, number
from scorecard.goals import goal_unit
from scorecard.report import Report
from scorecard.schema import EXECUTIVE_TIERS

MOST_BARS = 12  # rows a bar chart shows on a slide; the workbook has them all


def _number(frame: pd.DataFrame, column: str) -> pd.Series:
    if column not in frame.columns:
        return pd.Series(float("nan"), index=frame.index, dtype="float64")
    return pd.to_numeric(frame[column], errors="coerce").astype("float64")


def vision_frame(report: Report) -> pd.DataFrame:
    """One row per goal: ``goal`` (label, scope, target in words; a repeated one numbered by
    :func:`scorecard.formatting.goal_labels`), ``progress`` (the report's), ``expected``
    (expected / target; a zero target gives missing), ``status``, and the ``actual``/``target``
    texts in the report's currency."""
    goals = goals_table(report)
    if goals.empty:
        return pd.DataFrame(columns=["goal", "progress", "expected", "status"])
    currency = report.currency
    target = _number(goals, "target")
    safe_target = target.where(target != 0)
    progress = _number(goals, "progress")
    units = goals["metric"].astype("str").map(goal_unit)  # as the Vision page reads them
    scope = goal_scopes(goals, report)
    target_text = [number(t, u, currency) for t, u in zip(target, units, strict=True)]
    out = pd.DataFrame(
        {
            "goal": goal_labels(
                [
                    f"{label} · {where} → {t}"
                    for label, where, t in zip(
                        goals["label"].astype("str"), scope, target_text, strict=True
                    )
                ]
            ),
            "progress": progress,
            "expected": _number(goals, "expected") / safe_target,
            "status": goals["status"].astype("str"),
            "actual": [
                number(a, u, currency) for a, u in zip(_number(goals, "actual"), units, strict=True)
            ],
            "target": target_text,
        }
    )
    return out


def goal_scopes(goals: pd.DataFrame, report: Report) -> pd.Series:
    """Where each goal applies in words: "Company", the department, or the person's name."""
    kinds = goals["scope"].astype("str")
    keys = goals["key"].astype("str")
    names = keys.map(lambda k: str(getattr(report.people.get(k), "name", None) or k))
    return pd.Series(
        np.select([kinds == "department", kinds == "person"], [keys, names], "Company"),
        index=goals.index,
        dtype="str",
    )


def executives_frame(report: Report) -> pd.DataFrame:
    """C-suite and VP people with ``name`` (made unique) and ``score``, best first."""
    people = people_table(report)
    if people.empty or "tier" not in people.columns:
        return pd.DataFrame(columns=["name", "score"])
    execs = people[people["tier"].isin(EXECUTIVE_TIERS)].copy()
    names = execs["name"].astype("str") if "name" in execs.columns else execs["person_id"]
    dup = names.duplicated(keep=False)
    names = names.where(~dup, names + " (" + execs["person_id"].astype("str") + ")")
    return (
        pd.DataFrame({"name": names, "score": _number(execs, "leadership_score")})
        .sort_values(["score", "name"], ascending=[False, True], na_position="last")
        .reset_index(drop=True)
    )


def benchmark_frame(report: Report) -> pd.DataFrame:
    """``label``, ``ours``, ``benchmark`` per benchmark, in the report's order."""
    table = benchmarks_table(report)
    return pd.DataFrame(
        {
            "label": table["label"].astype("str"),
            "ours": _number(table, "ours"),
            "benchmark": _number(table, "benchmark"),
            "unit": table.get("unit"),
            "year": table.get("year"),
        }
    )


def cascade_frames(report: Report) -> dict[str, pd.DataFrame]:
    """``summary`` (scope, department, lift, reach, ...; the company row first) and ``adoption``
    (scope, department, month, tier, people, active, adoption), from the report."""
    tables = cascade_tables(report)
    summary, adoption = tables["summary"], tables["adoption"]
    if not summary.empty:
        summary = summary.assign(lift=_number(summary, "lift"), reach=_number(summary, "reach"))
    if not adoption.empty:
        adoption = adoption.assign(
            month=pd.to_datetime(adoption["month"]), adoption=_number(adoption, "adoption")
        )
    return {"summary": summary, "adoption": adoption}


def adoption_of_scope(adoption: pd.DataFrame, scope: str, department: str) -> pd.DataFrame:
    """Adoption rows of the company (``scope`` "Company") or of one department, without the
    scope and department columns (so a chart builder does not filter them again)."""
    if adoption.empty:
        return adoption
    rows = adoption[(adoption["scope"] == scope) & (adoption["department"] == department)]
    return rows.drop(columns=["scope", "department"]).reset_index(drop=True)
