"""Numbers are bounded where cells are typed: a value the arithmetic cannot carry (1e308, a count
that wraps int64, infinity) is a row-level error naming the sheet, row, column, value and range,
so it never reaches a page or an export. At the bounds themselves, every export still works."""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest

from scorecard.assumptions import SETTINGS, out_of_bounds, setting_for
from scorecard.dataset import Dataset, Period
from scorecard.export import render
from scorecard.ingest import load_uploads, validate_tables
from scorecard.ingest.cells import quantity
from scorecard.ingest.raw import Upload
from scorecard.report import build_report
from scorecard.schema import AMOUNT_MAX, AUDIENCE_MAX, COUNT_MAX, MINUTES_MAX, TABLES
from scorecard.workbook import workbook_bytes

#: A sheet as (table, headers, rows); the raw_table fixture (conftest) makes it a RawTable.
Sheet = tuple[str, list[str], list[list[object]]]
PEOPLE: Sheet = (
    "people",
    ["person_id", "name", "department", "manager_id"],
    [["001", "Ann Lee", "Sales", None], ["002", "Bo Chen", "Sales", "001"]],
)


def activity(column: str, *cells: object) -> Sheet:
    rows = [["2026-03-02", "001", "LinkedIn", "post", cell] for cell in cells]
    return "activity", ["date", "person_id", "channel", "action", column], rows


def settings(*pairs: tuple[str, object]) -> Sheet:
    return "assumptions", ["key", "value"], [list(p) for p in pairs]


@pytest.fixture
def problems(raw_table):
    """Validate the people sheet and the given sheets; the errors as (code, sheet, row, column,
    value, message)."""

    def errors(*sheets: Sheet) -> list[tuple[object, ...]]:
        tables = [raw_table(name, headers, *rows) for name, headers, rows in (PEOPLE, *sheets)]
        _, report = validate_tables(tables)
        return [
            (p.code, p.sheet, p.row, p.column, p.value, p.message)
            for p in report.problems
            if p.is_error
        ]

    return errors


def test_every_number_column_and_number_setting_is_bounded():
    # One registry each: a new number column or setting cannot forget its range.
    for table in TABLES.values():
        for column in table.columns:
            if column.type in ("number", "integer"):
                assert column.maximum is not None and column.maximum <= 1e12, column.name
    for setting in SETTINGS:
        if setting.kind in ("number", "fraction"):
            assert setting.bounds is not None, setting.key


def test_a_count_of_99999999999999999999_is_an_error_not_a_wrapped_int64(problems):
    # 99999999999999999999 as an int64 would be -7,766,279,631,452,241,921; as float 1e+20.
    found = problems(activity("count", 99999999999999999999, COUNT_MAX, 9.9e19))
    assert found == [
        (
            "number_out_of_range",
            "activity",
            2,
            "count",
            "99999999999999999999",
            "Column 'count' must be a whole number from 0 to 1,000,000; this cell holds 1e+20.",
        ),
        (
            "number_out_of_range",
            "activity",
            4,
            "count",
            "9.9e+19",
            "Column 'count' must be a whole number from 0 to 1,000,000; this cell holds 9.9e+19.",
        ),
    ]  # row 3 (exactly 1,000,000) is allowed


def test_text_infinity_nan_and_overflowing_exponents(problems):
    found = problems(activity("minutes", "inf", "NaN", "1e400", "-5", "1000001"))
    assert [(code, row, message) for code, _, row, _, _, message in found] == [
        (
            "not_a_number",
            2,
            "Column 'minutes' must be a number of 0 or more; this cell is not a number.",
        ),
        (
            "not_a_number",
            3,
            "Column 'minutes' must be a number of 0 or more; this cell is not a number.",
        ),
        (
            "number_out_of_range",
            4,
            (
                "Column 'minutes' must be a number from 0 to 1,000,000; "
                "this cell holds a value too large to store."
            ),
        ),
        (
            "negative_number",
            5,
            "Column 'minutes' must be a number of 0 or more; this cell is below 0.",
        ),
        (
            "number_out_of_range",
            6,
            "Column 'minutes' must be a number from 0 to 1,000,000; this cell holds 1,000,001.",
        ),
    ]


def test_signed_columns_are_bounded_on_both_sides(problems):
    outcomes = (
        "outcomes",
        ["date", "metric", "value"],
        [["2026-03-31", "leads", -AMOUNT_MAX], ["2026-03-31", "leads", -2e12]],
    )
    found = problems(activity("count", 1), outcomes)
    assert found == [
        (
            "number_out_of_range",
            "outcomes",
            3,
            "value",
            "-2000000000000",
            (
                "Column 'value' must be a number from -1,000,000,000,000 to "
                "1,000,000,000,000; this cell holds -2,000,000,000,000."
            ),
        )
    ]


def test_a_bonus_pool_of_1e308_and_other_settings_out_of_range(problems):
    found = problems(
        activity("count", 1),
        settings(
            ("bonus.pool", "1e308"),
            ("value_per.negative_mentions", "-50"),
            ("bonus.pool", "-1"),
            ("Score.Weight.presence", "2e6"),
            ("bonus.pool", "inf"),
            ("currency", "1e308"),
        ),
    )  # text settings have no range
    assert found == [
        (
            "setting_out_of_range",
            "assumptions",
            2,
            "value",
            "1e308",
            "Setting 'bonus.pool' must be a number from 0 to 1,000,000,000,000; it is 1e+308.",
        ),
        (
            "setting_out_of_range",
            "assumptions",
            4,
            "value",
            "-1",
            "Setting 'bonus.pool' must be a number from 0 to 1,000,000,000,000; it is -1.",
        ),
        (
            "setting_out_of_range",
            "assumptions",
            5,
            "value",
            "2e6",
            (
                "Setting 'Score.Weight.presence' must be a number from 0 to 1,000,000; it is "
                "2,000,000."
            ),
        ),
        (
            "setting_not_a_number",
            "assumptions",
            6,
            "value",
            "inf",
            "This setting must be a number.",
        ),
    ]


def test_out_of_bounds_and_quantity():
    pool = setting_for("bonus.pool")
    assert pool is not None
    assert out_of_bounds(pool, 1e308) and out_of_bounds(pool, -0.01)
    assert out_of_bounds(pool, math.inf)
    assert not out_of_bounds(pool, 0.0) and not out_of_bounds(pool, 1e12)
    assert not out_of_bounds(pool, math.nan)  # "not a number" is another message
    assert [quantity(x) for x in (1e6, 2.5, 1e20, -1e15, math.inf)] == [
        "1,000,000",
        "2.5",
        "1e+20",
        "-1e+15",
        "a value too large to store",
    ]


def at_the_bounds() -> Dataset:
    """The largest values the validator accepts, on a tiny company: Ann posts 1,000,000 times
    in one row, with every audience figure at 1e10, and a 1e12 lead worth 1e9 each."""
    return Dataset.from_frames(
        people=pd.DataFrame(
            {
                "person_id": ["001", "002"],
                "name": ["Ann Lee", "Bo Chen"],
                "department": ["Sales", "Sales"],
                "manager_id": [None, "001"],
                "tier": ["C-suite", "Staff"],
                "hourly_cost": [1e6, 1e6],
                "followers": [AUDIENCE_MAX, AUDIENCE_MAX],
            }
        ),
        activity=pd.DataFrame(
            {
                "date": pd.to_datetime(["2026-03-02", "2026-03-03"]),
                "person_id": ["001", "002"],
                "channel": ["LinkedIn", "X"],
                "action": ["post", "reply"],
                "count": [int(COUNT_MAX), int(COUNT_MAX)],
                "minutes": [MINUTES_MAX, MINUTES_MAX],
                "impressions": [AUDIENCE_MAX] * 2,
                "reactions": [AUDIENCE_MAX] * 2,
                "comments_received": [AUDIENCE_MAX] * 2,
                "shares_received": [AUDIENCE_MAX] * 2,
                "clicks": [AUDIENCE_MAX] * 2,
            }
        ),
        outcomes=pd.DataFrame(
            {
                "date": pd.to_datetime(["2026-03-31"]),
                "metric": ["leads"],
                "value": [AMOUNT_MAX],
                "person_id": ["001"],
            }
        ),
        goals=pd.DataFrame(
            {
                "metric": ["leads"],
                "target": [AMOUNT_MAX],
                "start": pd.to_datetime(["2026-01-01"]),
                "end": pd.to_datetime(["2026-12-31"]),
            }
        ),
        assumptions=pd.DataFrame(
            {
                "key": ["bonus.pool", "value_per.leads", "minutes.post"],
                "value": ["1e12", "1e9", "1e4"],
            }
        ),
    )


def test_the_largest_accepted_values_pass_validation_and_every_export():
    data = at_the_bounds()
    result = load_uploads([Upload("bounds.xlsx", workbook_bytes(data))])
    assert result.report.errors == ()
    report = build_report(
        result.dataset, Period(pd.Timestamp("2026-03-01").date(), pd.Timestamp("2026-03-31").date())
    )
    # Company actions: 1,000,000 + 1,000,000 = 2,000,000 (not a wrapped negative).
    assert report.company["actions"] == 2_000_000
    # The pool is shared to the cent: 1e12 = 1,000,000,000,000.00 allocated in full.
    assert report.bonus.allocated == pytest.approx(1e12)
    parsed = json.loads(render(report, "json"))
    assert parsed["company"]["actions"] == 2_000_000
    assert render(report, "xlsx")[:2] == b"PK"
    assert render(report, "pptx")[:2] == b"PK"


def test_an_upload_with_a_1e308_pool_publishes_nothing():
    data = at_the_bounds()
    bad = Dataset.from_frames(
        people=data.people,
        activity=data.activity,
        assumptions=pd.DataFrame({"key": ["bonus.pool"], "value": ["1e308"]}),
    )
    result = load_uploads([Upload("huge pool.xlsx", workbook_bytes(bad))])
    assert result.dataset is None
    assert [(p.code, p.sheet, p.row, p.column) for p in result.report.errors] == [
        ("setting_out_of_range", "assumptions", 2, "value")
    ]
