"""Per leader: how far their team has come, and whom to nudge next.

A leader is anyone with at least one direct report in the cycle-free forest.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from scorecard.cascade.grouped import lag_summary
from scorecard.cascade.reach import reach_of
from scorecard.cascade.state import CascadeInputs


def leaders_of(inputs: CascadeInputs) -> pd.DataFrame:
    """One row per leader, ordered by department, tier (C-suite first) and name.

    Columns: person_id, name, department, tier, ``direct_reports``, ``people_below`` (all
    descendants), ``team_reach`` (see :mod:`scorecard.cascade.reach`), ``median_lag_days`` and
    ``started_after_share`` over their direct reports (as in :mod:`scorecard.cascade.lag`:
    over the reports who and whose leader were both active, lag > 0 counts as after; NaN when
    there are none), ``not_started`` (names of the direct reports never active in the
    period, alphabetical: the people to nudge) and ``not_started_count``.
    """
    tree = inputs.tree
    people = tree.people
    n = len(people)
    reports, managers = inputs.pairs()
    direct = np.bincount(managers, minlength=n)
    leaders = np.flatnonzero(direct > 0)

    lag = lag_summary(managers, inputs.lag_days(), n)

    idle = ~inputs.activity.active_any[reports]
    idle_boss = managers[idle]
    idle_names = people["name"].to_numpy(dtype=object)[reports[idle]]
    order = np.lexsort((idle_names.astype(str), idle_boss))
    idle_boss, idle_names = idle_boss[order], idle_names[order]
    cuts = np.searchsorted(idle_boss, leaders)
    ends = np.searchsorted(idle_boss, leaders, side="right")
    names = idle_names.tolist()  # list slices are far cheaper than 25,000 array slices
    not_started = [names[a:b] for a, b in zip(cuts.tolist(), ends.tolist(), strict=True)]

    rank = tree.tier_rank[leaders]
    out = people[["person_id", "name", "department", "tier"]].take(leaders).reset_index(drop=True)
    out["direct_reports"] = direct[leaders]
    out["people_below"] = tree.below[leaders]
    out["team_reach"] = reach_of(inputs).to_numpy()[leaders]
    out["median_lag_days"] = lag["median_lag_days"][leaders]
    out["started_after_share"] = lag["started_after_share"][leaders]
    out["not_started"] = pd.Series(not_started, dtype=object)
    out["not_started_count"] = ends - cuts
    sort = np.lexsort(
        (
            pd.factorize(out["name"], sort=True)[0],
            rank,
            pd.factorize(out["department"], sort=True)[0],
        )
    )
    return out.take(sort).reset_index(drop=True)
