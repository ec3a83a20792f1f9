"""Cascade lag: how long after their manager each person started.

For every reporting line (report, manager) of the cycle-free forest: ``lag_days`` = report's
start day − manager's start day, in days, both within the period. A start day is the first
active day over all activity up to the period's end (see :mod:`scorecard.cascade.activity`):
someone active since before the period did not start in it, so the pair is left out rather
than read as "started on the period's first day". Missing unless both started in the period.
A report "started after" their manager when the lag is strictly positive (same day is not
after). Summaries run over the pairs where both were active; a pair belongs to the report's
department.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from scorecard.cascade.state import CascadeInputs


def lag_pairs_of(inputs: CascadeInputs) -> pd.DataFrame:
    """One row per reporting line: who, whose report, and the lag in days.

    Columns: person_id, name, department, tier, manager_id, manager_name, manager_tier,
    lag_days (float, NaN unless both were active), started_after (lag > 0; False when missing).
    """
    people = inputs.tree.people
    reports, managers = inputs.pairs()
    lag_days = inputs.lag_days()
    mine = people[["person_id", "name", "department", "tier"]].take(reports)
    boss = people[["person_id", "name", "tier"]].take(managers)
    out = mine.reset_index(drop=True)
    out["manager_id"] = boss["person_id"].to_numpy()
    out["manager_name"] = boss["name"].to_numpy()
    out["manager_tier"] = boss["tier"].to_numpy()
    out["lag_days"] = lag_days
    out["started_after"] = lag_days > 0
    return out


def summarise_lag(pairs: pd.DataFrame, by: tuple[str, ...] = ("department",)) -> pd.DataFrame:
    """Median lag and share started after the manager, per group of ``pairs``.

    Columns: the ``by`` columns, ``lines`` (reporting lines), ``both_active`` (pairs where both
    were active), ``median_lag_days`` (median of lag_days over those pairs, NaN when none) and
    ``started_after_share`` (pairs with lag > 0 / both_active, NaN when none). ``by=()``: one row.
    """
    both = pairs["lag_days"].notna()
    frame = pairs.assign(both_active=both.astype(np.int64),
                         after=(both & pairs["started_after"]).astype(np.int64), lines=1)
    if by:
        grouped = frame.groupby(list(by), sort=True)
        out = grouped[["lines", "both_active", "after"]].sum()
        out["median_lag_days"] = grouped["lag_days"].median()
        out = out.reset_index()
    else:
        out = pd.DataFrame({"lines": [len(frame)], "both_active": [int(both.sum())],
                            "after": [int(frame["after"].sum())],
                            "median_lag_days": [frame["lag_days"].median()]})
    den = out["both_active"].astype(np.float64)
    out["started_after_share"] = (out["after"] / den).where(den > 0)
    return out[[*by, "lines", "both_active", "median_lag_days", "started_after_share"]]
