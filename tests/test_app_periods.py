"""The sidebar's period choices and the number formats (pure helpers of scorecard.ui)."""

from __future__ import annotations

from datetime import date

import pytest

from scorecard.dataset import Period
from scorecard.ui import format as fmt
from scorecard.ui import periods


@pytest.mark.parametrize(
    ("choice", "last", "expected"),
    [
        # the month holding the last activity day, up to that day
        (periods.LAST_MONTH, date(2026, 3, 31), Period(date(2026, 3, 1), date(2026, 3, 31))),
        (periods.LAST_MONTH, date(2026, 3, 15), Period(date(2026, 3, 1), date(2026, 3, 15))),
        # Q1 = January–March
        (periods.LAST_QUARTER, date(2026, 3, 31), Period(date(2026, 1, 1), date(2026, 3, 31))),
        (periods.LAST_QUARTER, date(2026, 5, 10), Period(date(2026, 4, 1), date(2026, 5, 10))),
        (periods.YEAR_TO_DATE, date(2026, 5, 10), Period(date(2026, 1, 1), date(2026, 5, 10))),
        # custom without a complete range falls back to the month
        (periods.CUSTOM, date(2026, 5, 10), Period(date(2026, 5, 1), date(2026, 5, 10))),
    ],
)
def test_resolve_counts_back_from_the_last_activity_day(choice, last, expected):
    assert periods.resolve(choice, last) == expected


def test_custom_range_is_taken_as_given_in_either_order():
    got = periods.resolve(periods.CUSTOM, date(2026, 5, 10), (date(2026, 2, 9), date(2026, 2, 3)))
    assert got == Period(date(2026, 2, 3), date(2026, 2, 9))


@pytest.mark.parametrize(
    ("choice", "period", "expected"),
    [
        # 31 days of March compare with February, cut at its 28th
        (
            periods.LAST_MONTH,
            Period(date(2026, 3, 1), date(2026, 3, 31)),
            Period(date(2026, 2, 1), date(2026, 2, 28)),
        ),
        # 1–15 March with 1–15 February
        (
            periods.LAST_MONTH,
            Period(date(2026, 3, 1), date(2026, 3, 15)),
            Period(date(2026, 2, 1), date(2026, 2, 15)),
        ),
        # January compares with December of the year before
        (
            periods.LAST_MONTH,
            Period(date(2026, 1, 1), date(2026, 1, 31)),
            Period(date(2025, 12, 1), date(2025, 12, 31)),
        ),
        # Q2 (91 days) with Q1 (90 days): cut at 31 March
        (
            periods.LAST_QUARTER,
            Period(date(2026, 4, 1), date(2026, 6, 30)),
            Period(date(2026, 1, 1), date(2026, 3, 31)),
        ),
        # 130 days of 2026 with the first 130 days of 2025 (1 Jan + 129 = 10 May)
        (
            periods.YEAR_TO_DATE,
            Period(date(2026, 1, 1), date(2026, 5, 10)),
            Period(date(2025, 1, 1), date(2025, 5, 10)),
        ),
        # 7 custom days with the 7 days before
        (
            periods.CUSTOM,
            Period(date(2026, 2, 3), date(2026, 2, 9)),
            Period(date(2026, 1, 27), date(2026, 2, 2)),
        ),
    ],
)
def test_previous_is_the_same_stretch_of_the_period_before(choice, period, expected):
    assert periods.previous(choice, period) == expected


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        (float("nan"), "%", "—"),
        (None, "count", "—"),
        ("n/a", "count", "—"),
        (0.4167, "%", "41.7%"),
        (0.042, "%", "4.2%"),
        (0.0, "%", "0.0%"),
        (1234.0, "count", "1,234"),
        (12.5, "days", "13"),  # whole days, half away from zero
        (1234.4, "currency", "$1,234"),
        (-50.0, "currency", "-$50"),
        (3.254, "per_post", "3.25"),
        (1.5, "ratio", "1.50"),
        (71.6, "score", "72"),
    ],
)
def test_number_formats_by_unit(value, unit, text):
    assert fmt.number(value, unit) == text


def test_delta_in_points_for_shares_and_missing_without_both_sides():
    # 0.50 − 0.46 = 0.04 → 4.0 percentage points
    assert fmt.delta("dialogue_ratio", 0.50, 0.46) == "+4.0 pp"
    # 12 − 15 = −3 posts
    assert fmt.delta("posts", 12.0, 15.0) == "-3"
    assert fmt.delta("posts", 12.0, float("nan")) is None
    # 80 − 79.8 = 0.2 → a score shows "0": no arrow rather than a rise of nothing
    assert fmt.delta("leadership_score", 80.0, 79.8) is None
    # 0.4 − 0.3996 = 0.0004 → 0.0 pp: no arrow
    assert fmt.delta("dialogue_ratio", 0.4, 0.3996) is None
    # $1,200 − $1,000 = +$200
    assert fmt.delta("time_cost", 1200.0, 1000.0) == "+$200"


def test_markdown_escape_keeps_dollars_and_underscores_literal():
    assert fmt.md("value_per.x = $5") == r"value\_per\.x = \$5"


def test_values_that_differ_never_read_alike_on_a_goal_card():
    # The sample's leadership goal: 69.81 against an expected 70 is "at risk" — "70 against 70"
    # would contradict the badge, so both get one more decimal.
    assert fmt.apart(69.81, 70.0, "score") == ("69.8", "70.0")
    assert fmt.apart(0.7957, 0.80, "%") == ("79.6%", "80.0%")  # 80% vs 80% otherwise
    assert fmt.apart(0.997, 1.0, "%")[0] == "99.7%"
    assert fmt.apart(1333.0, 1499.18, "count") == ("1,333", "1,499")  # already apart
    assert fmt.apart(70.0, 70.0, "score") == ("70", "70")  # equal values stay coarse
    assert fmt.apart(float("nan"), 70.0, "score") == ("—", "70")
    assert fmt.apart(100.4, 100.2, "currency") == ("$100", "$100")  # money stays in whole units
