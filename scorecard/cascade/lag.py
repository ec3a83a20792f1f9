"""Cascade lag: how long after their manager each person started.

For every reporting line (report, manager) of the cycle-free forest: ``lag_days`` = report's
start day − manager's start day, in days, both within the period. A start day is the first
active day over all activity up to the period's end (see :mod:`scorecard.cascade.activity`):
someone active since before the period did not start in it, so the pair is left out rather
than read as "started on the period's first day". Missing unless both started in the period.
A report "started after" their manager when the lag is strictly positive (same day is not
after). A pair belongs to the report's department. The summaries (``median_lag_days`` and
``started_after_share`` of the registry) have one implementation,
:func:`scorecard.cascade.grouped.lag_summary`, used by departments and leaders alike.
"""

from __future__ import annotations

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
