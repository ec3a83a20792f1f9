"""Department and company summaries, and the ``cascade`` key of the JSON report."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from scorecard.cascade.adoption import adoption_of, front_from
from scorecard.cascade.grouped import lag_summary, share
from scorecard.cascade.leaders import leaders_of
from scorecard.cascade.lift import lift_counts
from scorecard.cascade.state import CascadeInputs, prepare
from scorecard.dataset import Dataset, Period

COMPANY = "Company"


def departments_of(inputs: CascadeInputs) -> pd.DataFrame:
    """One row per department: people, lift, lag and reach, the company last.

    Columns: ``department``, ``people``, ``lift`` (and its two probabilities), ``lines``,
    ``median_lag_days``, ``started_after_share`` (see :mod:`~scorecard.cascade.lift` and
    :mod:`~scorecard.cascade.lag`), ``adoption`` (people active in ≥ 1 month / people) and
    ``reach``: the department's team reach = its people whose manager is in the same
    department, active in ≥ 1 month / those people — everyone below the department's heads;
    NaN when nobody in it has a manager in it. The company row uses every person with a manager.
    """
    tree = inputs.tree
    codes, names = pd.factorize(tree.people["department"], sort=True)
    n = len(names)
    groups = codes.astype(np.int64)
    has_boss = tree.forest != -1
    same = has_boss & (codes == codes[np.where(has_boss, tree.forest, 0)])
    active = inputs.activity.active_any
    reports, _ = inputs.pairs()
    lag_days = inputs.lag_days()

    def per_group(mask: np.ndarray, below: np.ndarray) -> dict[str, np.ndarray]:
        """Counts per department, the company appended as the last entry."""
        company = np.zeros(len(groups), dtype=np.int64)
        return {
            "people": np.append(np.bincount(groups, minlength=n), len(groups)),
            "active": np.append(np.bincount(groups, weights=mask, minlength=n), mask.sum()),
            "below": np.append(np.bincount(groups, weights=below, minlength=n), has_boss.sum()),
            "below_active": np.append(
                np.bincount(groups, weights=below & mask, minlength=n), (has_boss & mask).sum()
            ),
            **{
                k: np.append(v, w)
                for (k, v), w in zip(
                    lift_counts(inputs, groups, n).items(),
                    lift_counts(inputs, company, 1).values(),
                    strict=True,
                )
            },
            **{
                k: np.append(v, w)
                for (k, v), w in zip(
                    lag_summary(groups[reports], lag_days, n).items(),
                    lag_summary(company[reports], lag_days, 1).values(),
                    strict=True,
                )
            },
        }

    g = per_group(active, same)
    out = pd.DataFrame(
        {
            "department": pd.Series([*names, COMPANY], dtype="str"),
            "people": g["people"].astype(np.int64),
            "adoption": share(g["active"], g["people"]),
            "reach": share(g["below_active"], g["below"]),
        }
    )
    for column in ("lift", "p_active_manager_active", "p_active_manager_inactive"):
        out[column] = g[column]
    out["lines"] = g["lines"].astype(np.int64)
    out["median_lag_days"] = g["median_lag_days"]
    out["started_after_share"] = g["started_after_share"]
    return out


def _json_value(value: Any) -> Any:
    """A JSON-ready scalar: NaN → None, numpy → Python, timestamps → ISO dates."""
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return None
    return value


def _records(frame: pd.DataFrame, columns: list[str]) -> list[dict[str, Any]]:
    """Rows as JSON-ready dicts, converted column by column (fast on 50,000 rows)."""
    out: dict[str, list[Any]] = {}
    for name in columns:
        col = frame[name]
        if pd.api.types.is_datetime64_any_dtype(col):
            out[name] = [d.isoformat() for d in col.dt.date]
        elif col.dtype == object:
            out[name] = col.tolist()  # lists of names
        else:  # numbers and text: numpy's object cast yields Python scalars
            values = col.to_numpy(dtype=object)
            values[col.isna().to_numpy()] = None
            out[name] = values.tolist()
    return [dict(zip(columns, row, strict=True)) for row in zip(*out.values(), strict=True)]


def cascade_report_of(inputs: CascadeInputs) -> dict[str, Any]:
    """The ``cascade`` key of the JSON report (see :func:`cascade_report`)."""
    departments = departments_of(inputs)
    by_tier = adoption_of(inputs)
    company_tier = adoption_of(inputs, ("tier",))
    adoption = pd.concat([by_tier, company_tier.assign(department=COMPANY)])
    front = pd.concat(
        [front_from(by_tier), front_from(company_tier, ()).assign(department=COMPANY)]
    )
    summary_cols = [c for c in departments.columns if c != "department"]
    by_dept: dict[str, Any] = {}
    adoption_groups = dict(tuple(adoption.groupby("department", sort=False)))
    front_groups = dict(tuple(front.groupby("department", sort=False)))
    for row in departments.itertuples(index=False):
        name = row.department
        entry = {k: _json_value(v) for k, v in zip(summary_cols, row[1:], strict=True)}
        # No month of data in the period (no activity): no month of adoption or front.
        entry["adoption_by_month"] = _records(
            adoption_groups.get(name, adoption.iloc[:0]),
            ["month", "tier", "people", "active", "adoption"],
        )
        entry["front_by_month"] = _records(
            front_groups.get(name, front.iloc[:0]), ["month", "front"]
        )
        by_dept[name] = entry
    leaders = leaders_of(inputs)
    return {
        "period": {"start": inputs.period.start.isoformat(), "end": inputs.period.end.isoformat()},
        "active_threshold": inputs.activity.threshold,
        "months": [m.date().isoformat() for m in inputs.months],
        "company": by_dept.pop(COMPANY),
        "departments": by_dept,
        "leaders": _records(
            leaders,
            [
                "person_id",
                "name",
                "department",
                "tier",
                "direct_reports",
                "people_below",
                "team_reach",
                "median_lag_days",
                "started_after_share",
                "not_started",
            ],
        ),
        "cycle_members": int(inputs.tree.on_cycle.sum()),
    }


def cascade_report(dataset: Dataset, period: Period) -> dict[str, Any]:
    """The cascade of a dataset over a period as plain JSON data (NaN → None, dates ISO).

    Keys: ``period``, ``active_threshold``, ``months``, ``company`` and ``departments`` (a dict by
    department: people, adoption, reach, lift with its two probabilities, lines,
    median_lag_days, started_after_share, ``adoption_by_month`` as month/tier records and
    ``front_by_month``), ``leaders`` (person_id, name, department, tier, direct_reports,
    people_below, team_reach, median lag and share of their direct reports, not_started
    names) and ``cycle_members`` (people on a manager cycle, cut loose from it).
    """
    return cascade_report_of(prepare(dataset, period))
