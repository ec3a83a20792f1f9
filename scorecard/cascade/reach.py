"""Team reach: how much of everyone below a leader is active.

``team_reach`` of a person = people below them (all descendants, not only direct reports)
who were active in at least one month of the period / people below them. A person with nobody
below has no reach (NaN). The person themself is not counted. Members of a manager cycle are
cut loose from each other (see :func:`scorecard.orgtree.cut_cycles`): their reach covers only
the people hanging below them outside the cycle.
"""

from __future__ import annotations

import pandas as pd

from scorecard.cascade.grouped import share
from scorecard.cascade.state import CascadeInputs, prepare
from scorecard.dataset import Dataset, Period


def reach_of(inputs: CascadeInputs) -> pd.Series:
    """Team reach of every person over the period (see the module docstring)."""
    tree = inputs.tree
    active_below = tree.subtree_sums(inputs.activity.active_any)
    return pd.Series(share(active_below, tree.below), index=tree.ids, name="team_reach")


def monthly_reach_of(inputs: CascadeInputs) -> pd.DataFrame:
    """Team reach per month: share of everyone below each person active in that month.

    Rows person_id, columns the month starts; NaN for people with nobody below. A month's
    reach is never above the period's reach (active in a month implies active in the period).
    """
    tree = inputs.tree
    active_below = tree.subtree_sums(inputs.activity.active)
    values = share(active_below, tree.below[:, None])
    return pd.DataFrame(values, index=tree.ids, columns=inputs.months)


def team_reach(dataset: Dataset, period: Period) -> pd.Series:
    """Team reach of every person, indexed by person_id (str): 0–1, NaN with nobody below.

    reach = people below them active in ≥ 1 month of the period / people below them, where
    active in a month = actions ≥ ``active_threshold``. Linear in headcount.
    """
    return reach_of(prepare(dataset, period))


def team_reach_by_month(dataset: Dataset, period: Period) -> pd.DataFrame:
    """:func:`monthly_reach_of` for a dataset and period."""
    return monthly_reach_of(prepare(dataset, period))
