"""Deltas against the previous period and monthly series."""

from __future__ import annotations

from datetime import date

import pandas as pd

from scorecard.dataset import Period
from scorecard.metrics import compute, deltas, monthly_series, months_of
from tests.companies import WEEK, tiny


def test_deltas_against_the_previous_period():
    current = compute(tiny(), WEEK)
    previous = compute(tiny(), WEEK.previous())  # 23 Feb – 1 Mar: no activity
    company = deltas(current, previous).loc["company"]
    assert company["actions"] == 16  # 16 − 0
    assert pd.isna(company["dialogue_ratio"])  # 0.5 − missing
    assert deltas(current, previous, "department").loc["Mkt", "actions"] == 4


def test_monthly_series_per_department():
    series = monthly_series(
        tiny(),
        Period(date(2026, 2, 15), date(2026, 3, 31)),
        ["actions", "dialogue_ratio"],
        level="department",
    )
    actions = series[series["metric"] == "actions"].set_index(["month", "key"])["value"]
    # Ops in March: Ada's 12 in the week + 5 on 9 March; Mkt: 3 + 1. The data begins on
    # 2 March, so February is no month of the trend: absent, never a point at 0.
    assert actions[(pd.Timestamp("2026-03-01"), "Ops")] == 17
    assert actions[(pd.Timestamp("2026-03-01"), "Mkt")] == 4
    assert set(series["month"]) == {pd.Timestamp("2026-03-01")}
    assert list(series.columns) == ["month", "key", "metric", "value"]


def test_months_of_cuts_the_ends():
    assert months_of(Period(date(2026, 2, 15), date(2026, 3, 10))) == [
        Period(date(2026, 2, 15), date(2026, 2, 28)),
        Period(date(2026, 3, 1), date(2026, 3, 10)),
    ]
