"""Date parsing: every accepted form, the per-column day/month decision, and what is refused."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from scorecard.ingest.dates import excel_serial_dates, parse_dates
from scorecard.problems import Problem
from tests.uploads import activity, people, run


def parse(*cells: object):
    return parse_dates(pd.Series(list(cells), dtype=object))


def days(parsed) -> list[str | None]:
    return [None if pd.isna(v) else v.strftime("%Y-%m-%d") for v in parsed.values]


def flags(mask: np.ndarray) -> list[int]:
    return [int(i) for i in np.flatnonzero(mask)]


def test_excel_serials_in_the_1900_system():
    # Excel: 45658 = 2025-01-01, 46000 = 45658 + 342 days = 2025-12-09; 2958465 = 9999-12-31.
    out = excel_serial_dates(np.array([45658, 46000, 46000.75, 2958465, 0, 2958466, np.nan]))
    assert [None if np.isnat(v) else str(v)[:10] for v in out] == [
        "2025-01-01",
        "2025-12-09",
        "2025-12-09",
        "9999-12-31",
        None,
        None,
        None,
    ]


def test_every_accepted_form_gives_midnight_of_the_written_day():
    parsed = parse(
        dt.datetime(2026, 3, 4, 10, 15),
        dt.date(2026, 3, 5),
        pd.Timestamp("2026-03-06 23:59"),
        46000,
        46000.5,
        "46000",
        "2026-03-04",
        "2026-03-04T10:15:00Z",
        "2026-03-04T23:30:00-05:00",
        "2026-03-04 10:15",
        "2026/3/4",
        "2026.03.04",
        "4 Mar 2026",
        "Mar 4, 2026",
        "March 4 2026 10:15 PM",
        "  2026-03-07  ",
    )
    assert days(parsed) == [
        "2026-03-04",
        "2026-03-05",
        "2026-03-06",
        "2025-12-09",
        "2025-12-09",
        "2025-12-09",
        "2026-03-04",
        "2026-03-04",
        "2026-03-04",
        "2026-03-04",
        "2026-03-04",
        "2026-03-04",
        "2026-03-04",
        "2026-03-04",
        "2026-03-04",
        "2026-03-07",
    ]
    assert parsed.values.dtype == "datetime64[us]"
    assert not parsed.invalid.any() and not parsed.out_of_range.any()


def test_blank_cells_are_blank_not_invalid():
    parsed = parse(None, "   ", float("nan"), "2026-01-02")
    assert flags(parsed.blank) == [0, 1, 2]
    assert flags(parsed.invalid) == []
    assert days(parsed) == [None, None, None, "2026-01-02"]


def test_a_first_part_over_12_makes_the_column_day_first():
    # 25/03 can only be day-first, so 03/04 is 3 April and 4.3.26 is 4 March 2026.
    parsed = parse("25/03/2026", "03/04/2026", "4.3.26", "05-06-2026")
    assert parsed.order == "day-first"
    assert days(parsed) == ["2026-03-25", "2026-04-03", "2026-03-04", "2026-06-05"]
    assert parsed.ambiguous_example is None


def test_a_second_part_over_12_makes_the_column_month_first():
    parsed = parse("03/25/2026", "03/04/2026 10:15", "12/31/26")
    assert parsed.order == "month-first"
    assert days(parsed) == ["2026-03-25", "2026-03-04", "2026-12-31"]


def test_an_undecidable_column_is_one_finding_with_an_example_and_no_guess():
    parsed = parse("03/04/2026", "05/06/2026", "01/01/2026")
    assert parsed.order is None
    assert parsed.ambiguous_example == "03/04/2026"
    # 01/01 reads the same either way; the others are left unread, not flagged per row.
    assert days(parsed) == [None, None, "2026-01-01"]
    assert flags(parsed.invalid) == [] and flags(parsed.order_conflict) == []


def test_same_first_and_second_parts_are_not_ambiguous():
    parsed = parse("01/01/2026", "07/07/2026")
    assert parsed.ambiguous_example is None
    assert days(parsed) == ["2026-01-01", "2026-07-07"]


def test_conflicting_rows_are_the_minority_order():
    # Two rows say day-first (25/03, 26/03), one says month-first (03/25): that one conflicts.
    parsed = parse("25/03/2026", "03/25/2026", "26/03/2026", "02/03/2026")
    assert parsed.order == "day-first"
    assert flags(parsed.order_conflict) == [1]
    assert days(parsed) == ["2026-03-25", None, "2026-03-26", "2026-03-02"]


def test_the_majority_counts_rows_not_distinct_values():
    # 03/25 appears three times, 25/03 once: month-first wins 3 to 1.
    parsed = parse("25/03/2026", "03/25/2026", "03/25/2026", "03/25/2026")
    assert parsed.order == "month-first"
    assert flags(parsed.order_conflict) == [0]


def test_a_tie_flags_both_sides_and_decides_nothing():
    parsed = parse("25/03/2026", "03/25/2026", "01/02/2026")
    assert parsed.order is None
    assert flags(parsed.order_conflict) == [0, 1]
    assert parsed.ambiguous_example == "01/02/2026"


@pytest.mark.parametrize(
    "cell",
    [
        "31/02/2026",
        "2026-02-30",
        "2026-13-01",
        "Tuesday",
        "garbage",
        "12%",
        "2026-03-04 later",
        True,
        dt.time(10, 15),
        dt.timedelta(days=3),
        0,
        -5,
        3_000_000,
        "20260304",
    ],
)
def test_cells_that_are_no_date_are_invalid(cell):
    parsed = parse(cell)
    assert flags(parsed.invalid) == [0]
    assert days(parsed) == [None]


@pytest.mark.parametrize(
    "cell",
    [
        "1999-12-31",
        "2100-01-01",
        dt.date(1999, 12, 31),
        1,
        36525,
        "Mar 4, 1999",
        dt.datetime(1, 1, 1),
    ],
)
def test_dates_outside_2000_to_2099_are_out_of_range(cell):
    # Serial 36525 = 1999-12-31 (36526 = 2000-01-01); serial 1 = 1900-01-01.
    parsed = parse(cell)
    assert flags(parsed.out_of_range) == [0]
    assert flags(parsed.invalid) == []
    assert days(parsed) == [None]


def test_range_ends_are_inclusive():
    assert days(parse("2000-01-01", "2099-12-31", 36526)) == [
        "2000-01-01",
        "2099-12-31",
        "2000-01-01",
    ]


def test_a_mixed_column_of_cells_serials_and_text():
    parsed = parse(dt.datetime(2026, 1, 5), 46031, "15/01/2026", "Jan 16, 2026", None)
    # 46031 = 46000 + 31 days after 2025-12-09 = 2026-01-09.
    assert days(parsed) == ["2026-01-05", "2026-01-09", "2026-01-15", "2026-01-16", None]


def test_does_not_modify_the_cells():
    cells = pd.Series(["25/03/2026", " 2026-01-01 "], dtype=object)
    parse_dates(cells)
    assert cells.tolist() == ["25/03/2026", " 2026-01-01 "]


# --- as the validator reports them -------------------------------------------------------------------------------


def test_date_problems_name_row_and_column():
    _, report = run(
        people(),
        activity(
            ["2026-02-30", "001", "X", "post"],
            ["1999-12-31", "001", "X", "post"],
            headers=("Post date", "person_id", "channel", "action"),
        ),
    )
    assert [(p.code, p.row, p.column, p.value, p.message) for p in report.problems] == [
        ("date_invalid", 2, "Post date", "2026-02-30", "Column 'Post date' must be a date."),
        (
            "date_out_of_range",
            3,
            "Post date",
            "1999-12-31",
            "Column 'Post date' must be a date between 2000-01-01 and 2099-12-31.",
        ),
    ]


def test_an_ambiguous_date_column_is_one_error():
    _, report = run(
        people(),
        activity(*[[f"0{m}/0{d}/2026", "001", "X", "post"] for m, d in ((3, 4), (5, 6), (7, 8))]),
    )
    assert report.problems == (
        Problem(
            severity="error",
            code="date_ambiguous",
            table="activity",
            sheet="activity",
            column="date",
            value="03/04/2026",
            message="Dates in column 'date' could be day-first or month-first (like '03/04/2026'), "
            "and no date in the column settles which.",
            fix="Write the dates as year-month-day (2026-04-03), or with the month as a word "
            "(3 Apr 2026).",
        ),
    )


def test_rows_against_the_columns_date_order():
    _, report = run(
        people(),
        activity(
            ["25/03/2026", "001", "X", "post"],
            ["26/03/2026", "001", "X", "post"],
            ["03/27/2026", "001", "X", "post"],
        ),
    )
    assert [(p.code, p.row, p.value, p.message) for p in report.problems] == [
        (
            "date_order_conflict",
            4,
            "03/27/2026",
            (
                "Column 'date' mixes day-first and month-first dates, so this one cannot be read "
                "safely."
            ),
        )
    ]
