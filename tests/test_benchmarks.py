"""Executives beside Socialcast 2010: 40% multi-daily, 5% blogging, 58% mostly marketing."""

from __future__ import annotations

import pandas as pd
import pytest

from scorecard.benchmarks import executive_benchmarks
from scorecard.dataset import Filters
from tests.test_metrics_data import WEEK, tiny


def test_executives_against_socialcast():
    table = executive_benchmarks(tiny(), WEEK)
    # executives: Ada (C-suite), Ben (C-suite from depth 1), Cy (VP); Di (Staff) is not one.
    # multi-daily: Ada (12 / 5 ≥ 2) → 1/3; blogging: Ben → 1/3;
    # mostly marketing: Cy (1 of 1 purposed) of Ada (5/12), Ben (0/1), Cy → 1/3
    assert table["executives"].tolist() == [3, 3, 3]
    assert table["ours"].tolist() == pytest.approx([1 / 3, 1 / 3, 1 / 3])
    assert table["benchmark"].tolist() == [0.40, 0.05, 0.58]
    assert table.loc["blogging", "gap"] == pytest.approx(1 / 3 - 0.05)


def test_staff_filter_leaves_no_executives():
    table = executive_benchmarks(tiny(), WEEK, Filters(tiers=("Staff",)))
    assert (table["executives"] == 0).all() and table["ours"].isna().all()
    assert isinstance(table, pd.DataFrame)
