"""The inputs every cascade measure shares, computed once per dataset and period."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from scorecard.cascade.activity import MonthlyActivity, monthly_activity
from scorecard.cascade.tree import OrgTree, build_tree
from scorecard.dataset import Dataset, Period


@dataclass(frozen=True)
class CascadeInputs:
    """The org tree and the monthly activity of its people over one period."""

    period: Period
    tree: OrgTree
    activity: MonthlyActivity

    @property
    def months(self) -> pd.DatetimeIndex:
        return self.activity.months

    def pairs(self) -> tuple[np.ndarray, np.ndarray]:
        """(report, manager) positions of every reporting line in the cycle-free forest.

        Unknown managers, self-managers and links between members of one cycle are not lines.
        """
        reports = np.flatnonzero(self.tree.forest != -1)
        return reports, self.tree.forest[reports]

    def lag_days(self) -> np.ndarray:
        """Per reporting line of :meth:`pairs`: report's start day − manager's, in days.

        NaN unless both started inside the period (see ``MonthlyActivity.start_day``).
        """
        reports, managers = self.pairs()
        first = self.activity.start_day
        lag = (first[reports] - first[managers]).astype("timedelta64[D]")
        return np.where(np.isnat(lag), np.nan, lag.astype(np.int64).astype(np.float64))


def prepare(dataset: Dataset, period: Period) -> CascadeInputs:
    """Build the org tree of ``dataset.people`` and its monthly activity over ``period``."""
    tree = build_tree(dataset.people)
    return CascadeInputs(period, tree, monthly_activity(dataset, period, tree.ids))
