"""validate_tables on tiny raw tables: each check triggered once, its exact message asserted."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from scorecard.dataset import column_dtype, conform
from scorecard.problems import Problem
from scorecard.schema import TABLES
from tests.uploads import activity, only, people, raw, run

# --- a clean upload ------------------------------------------------------------------------


def test_a_clean_upload_gives_the_trusted_dtypes_and_no_problems():
    dataset, report = run(people(), activity())
    assert report.problems == ()
    for name, table in TABLES.items():
        frame = dataset.table(name)
        assert list(frame.columns) == list(table.column_names)
        assert {c: str(frame[c].dtype) for c in frame} == {
            c.name: str(pd.Series(dtype=column_dtype(c)).dtype) for c in table.columns
        }
        pd.testing.assert_frame_equal(conform(table, frame), frame)
    # Absent optional tables are empty, without a word.
    assert dataset.row_counts == {
        "people": 2,
        "activity": 1,
        "outcomes": 0,
        "goals": 0,
        "accounts": 0,
        "assumptions": 0,
    }


def test_defaults_fill_blank_optional_cells_and_absent_columns():
    dataset, _ = run(
        people(
            ["001", "Ann Lee", "Sales", None, None],
            headers=("person_id", "name", "department", "manager_id", "title"),
        ),
        activity(
            ["2026-03-02", "001", "X", "post", None, None],
            headers=("date", "person_id", "channel", "action", "count", "impressions"),
        ),
        raw(
            "goals",
            ["metric", "target", "start", "end", "direction"],
            ["qualified_leads", 10, "2026-01-01", "2026-12-31", None],
        ),
    )
    row = dataset.activity.iloc[0]
    assert (row["count"], row["impressions"], row["clicks"]) == (1, 0.0, 0.0)  # defaults 1, 0, 0
    assert pd.isna(row["minutes"]) and pd.isna(row["purpose"])  # no default: missing
    assert dataset.people.loc[0, "title"] == ""
    assert dataset.goals.loc[0, "direction"] == "up"


def test_headers_match_by_alias_case_and_spacing():
    dataset, report = run(
        people(
            ["001", "Ann Lee", "Sales", None],
            headers=("Employee ID", "FULL NAME", "dept", "Reports To"),
        ),
        activity(
            ["2026-03-02", "001", "LinkedIn", "post", 7, 3],
            headers=(
                "Post date",
                "employee_id",
                "Network",
                "Action Type",
                "Impressions",
                "Reposts",
            ),
        ),
    )
    assert report.problems == ()
    assert dataset.activity.loc[0, "impressions"] == 7.0
    assert dataset.activity.loc[0, "shares_received"] == 3.0


# --- headers -------------------------------------------------------------------------------


def test_missing_required_column_names_the_spellings_and_the_sheets_headers():
    dataset, report = run(
        people(), activity(["2026-03-02", "001", "post"], headers=("When", "Person", "Action"))
    )
    assert dataset is None
    assert only(report, "missing_column") == [
        Problem(
            severity="error",
            code="missing_column",
            table="activity",
            sheet="activity",
            column="date",
            message="Sheet 'activity' has no 'date' column, which is required.",
            fix="Add a column with one of these headers: 'date', 'day', 'post date', 'posted', "
            "'published', …. The sheet's headers are: 'When', 'Person', 'Action'.",
        ),
        Problem(
            severity="error",
            code="missing_column",
            table="activity",
            sheet="activity",
            column="channel",
            message="Sheet 'activity' has no 'channel' column, which is required.",
            fix="Add a column with one of these headers: 'channel', 'network', 'platform', "
            "'social network', 'site', …. The sheet's headers are: 'When', 'Person', "
            "'Action'.",
        ),
    ]


def test_two_headers_for_one_column_is_an_error():
    _, report = run(
        people(),
        activity(
            ["2026-03-02", "001", "X", "post", 1, 2],
            headers=("date", "person_id", "channel", "action", "Comments", "comments_received"),
        ),
    )
    assert only(report, "duplicate_column") == [
        Problem(
            severity="error",
            code="duplicate_column",
            table="activity",
            sheet="activity",
            column="comments_received",
            message="Columns 'Comments' and 'comments_received' both mean 'comments_received'.",
            fix="Delete or rename one of them, so that each column appears once.",
        )
    ]


def test_unknown_headers_are_one_warning_per_sheet_and_do_not_block():
    dataset, report = run(
        people(),
        activity(
            ["2026-03-02", "001", "X", "post", "a", "b"],
            headers=("date", "person_id", "channel", "action", "Sentiment", "Notes"),
        ),
    )
    assert dataset is not None
    assert report.problems == (
        Problem(
            severity="warning",
            code="unknown_columns",
            table="activity",
            sheet="activity",
            message="These columns are not part of the template and were ignored: 'Sentiment', "
            "'Notes'.",
            fix="Nothing to do if they are not needed; to use one, rename its header to a "
            "template column (see the template's instructions sheet).",
        ),
    )


def test_missing_and_duplicate_tables():
    _, report = run(activity(), activity(sheet="Posts"))
    # Upload-level problems (no sheet) come before sheet-level ones.
    assert [(p.code, p.table, p.sheet, p.message) for p in report.problems] == [
        ("missing_table", "people", None, "The upload has no people sheet."),
        (
            "duplicate_table",
            "activity",
            "Posts",
            "Sheets 'activity' and 'Posts' both hold the activity table.",
        ),
    ]


# --- cells -------------------------------------------------------------------------------


def test_ids_are_text_leading_zeros_kept_whole_numbers_without_point():
    dataset, report = run(
        people([7.0, "Ann", "Sales", None], [" 007 ", "Bo", "Sales", 7], ["A-1", "Cy", "Ops", 7.0]),
        activity(["2026-03-02", 7, "X", "post"]),
    )
    assert report.problems == ()
    assert dataset.people["person_id"].tolist() == ["7", "007", "A-1"]
    assert dataset.people["manager_id"].tolist()[1:] == ["7", "7"]
    assert dataset.activity.loc[0, "person_id"] == "7"


def test_blank_required_cell():
    # person_id may be blank when an account column names the account; here nothing does.
    _, report = run(people(), activity(["2026-03-02", "  ", "X", "post"]))
    assert report.problems == (
        Problem(
            severity="error",
            code="blank_required",
            table="activity",
            sheet="activity",
            row=2,
            column="person_id",
            value=None,
            message="Column 'person_id' must not be blank: the row names no person and no account.",
            fix="Fill in the person (person_id, email or name) or the account, or delete the row "
            "if it should not be there.",
        ),
    )


def test_numbers_from_cells_and_plain_text_with_thousands():
    dataset, report = run(
        people(),
        activity(
            ["2026-03-02", "001", "X", "post", 1234.0, "1,234", " 12.5 ", "1,234,567.5"],
            headers=(
                "date",
                "person_id",
                "channel",
                "action",
                "impressions",
                "reactions",
                "minutes",
                "clicks",
            ),
        ),
    )
    assert report.problems == ()
    row = dataset.activity.iloc[0]
    assert (row["impressions"], row["reactions"], row["minutes"], row["clicks"]) == (
        1234.0,
        1234.0,
        12.5,
        1234567.5,
    )


@pytest.mark.parametrize(
    "cell",
    ["12%", "$180", "1,5", "12 kg", "n/a", True, "1,23,456", dt.date(2026, 1, 1), "inf", "nan"],
)
def test_non_numbers_are_refused(cell):
    _, report = run(
        people(),
        activity(
            ["2026-03-02", "001", "X", "post", cell],
            headers=("date", "person_id", "channel", "action", "Impressions"),
        ),
    )
    assert report.problems == (
        Problem(
            severity="error",
            code="not_a_number",
            table="activity",
            sheet="activity",
            row=2,
            column="Impressions",
            value=str(cell),
            message="Column 'Impressions' must be a number of 0 or more; this cell is not a "
            "number.",
            fix="Type digits only, like 1234.5 or 1,234 (no words, units, currency or percent "
            "signs).",
        ),
    )


def test_negative_and_fractional_counts():
    _, report = run(
        people(),
        activity(
            ["2026-03-02", "001", "X", "post", -1],
            ["2026-03-03", "001", "X", "post", "2.5"],
            headers=("date", "person_id", "channel", "action", "count"),
        ),
    )
    assert [(p.code, p.row, p.column, p.value, p.message, p.fix) for p in report.problems] == [
        (
            "negative_number",
            2,
            "count",
            "-1",
            "Column 'count' must be a whole number of 0 or more; this cell is below 0.",
            "Correct the value: it counts something, so it cannot be negative.",
        ),
        (
            "not_whole_number",
            3,
            "count",
            "2.5",
            "Column 'count' must be a whole number of 0 or more; this cell has a fraction.",
            "Round it to a whole number.",
        ),
    ]


def test_signed_columns_accept_negatives():
    dataset, report = run(
        people(),
        activity(),
        raw("outcomes", ["date", "metric", "value"], ["2026-03-31", "net_sentiment", "-3"]),
    )
    assert report.problems == ()
    assert dataset.outcomes.loc[0, "value"] == -3.0


def test_choices_are_canonical_and_channels_known_spellings():
    dataset, report = run(
        people(
            ["001", "Ann", "Sales", None, "c-suite"],
            headers=("person_id", "name", "department", "manager_id", "tier"),
        ),
        activity(
            ["2026-03-02", "001", "linkedin", "Repost", "Brand"],
            ["2026-03-02", "001", "Mastodon", "TWEET", "Support"],
            headers=("date", "person_id", "channel", "action", "purpose"),
        ),
    )
    assert report.problems == ()
    assert dataset.people.loc[0, "tier"] == "C-suite"
    assert dataset.activity[["channel", "action", "purpose"]].values.tolist() == [
        ["LinkedIn", "share", "marketing"],
        ["Mastodon", "post", "customers"],
    ]


def test_unknown_action_and_purpose_are_warnings_kept_lower_case():
    dataset, report = run(
        people(),
        activity(
            ["2026-03-02", "001", "X", "Boost", "Fun"],
            headers=("date", "person_id", "channel", "action", "purpose"),
        ),
    )
    assert dataset.activity.loc[0, "action"] == "boost"
    assert dataset.activity.loc[0, "purpose"] == "fun"
    assert [(p.severity, p.code, p.column, p.value) for p in report.problems] == [
        ("warning", "unknown_choice", "action", "Boost"),
        ("warning", "unknown_choice", "purpose", "Fun"),
    ]
    assert report.problems[1].message == (
        "Column 'purpose' has a value other than marketing, employees, reputation, initiatives, "
        "customers; it is kept, in lower case."
    )


def test_unknown_strict_choice_is_an_error():
    _, report = run(
        people(
            ["001", "Ann", "Sales", None, "Intern"],
            headers=("person_id", "name", "department", "manager_id", "Level"),
        ),
        activity(),
    )
    assert report.problems == (
        Problem(
            severity="error",
            code="invalid_choice",
            table="people",
            sheet="people",
            row=2,
            column="Level",
            value="Intern",
            message="Column 'Level' must be one of: C-suite, VP, Director, Manager, Staff.",
            fix="Pick one of those values (the template offers them in a list), or leave the cell "
            "blank.",
        ),
    )


def test_cells_over_the_limit_are_errors_with_a_short_preview():
    long_text = "x" * 32_768
    _, report = run(
        people(),
        activity(
            ["2026-03-02", "001", "X", "post", long_text],
            headers=("date", "person_id", "channel", "action", "theme"),
        ),
    )
    (problem,) = report.problems
    assert (problem.code, problem.row, problem.column) == ("cell_too_long", 2, "theme")
    assert problem.message == (
        "Column 'theme' has a cell of 32,768 characters; a cell can hold at most 32,767."
    )
    assert problem.value == "x" * 59 + "…"


# --- the report --------------------------------------------------------------------------


def test_repeats_are_capped_at_20_then_summarised():
    rows = [["2026-03-02", "001", "X", "post", "lots"] for _ in range(25)]
    _, report = run(
        people(), activity(*rows, headers=("date", "person_id", "channel", "action", "count"))
    )
    assert len(report.problems) == 21
    assert [p.row for p in report.problems[:20]] == list(range(2, 22))
    summary = report.problems[20]
    # 25 bad rows (2..26) - 20 shown = 5 more, the first three of them rows 22, 23, 24.
    assert (summary.code, summary.row, summary.column, summary.value) == (
        "not_a_number",
        None,
        "count",
        None,
    )
    assert summary.message == (
        "… and 5 more rows with the same problem in column 'count' (rows 22, 23, 24, …)."
    )


def test_every_problem_is_collected_errors_before_warnings():
    dataset, report = run(
        people(["001", "Ann", "Sales", "001"]),
        activity(
            ["2026-03-02", "099", "X", "post", "x"],
            ["nope", "001", "X", "zap", 1],
            headers=("date", "person_id", "channel", "action", "count"),
        ),
    )
    assert dataset is None
    assert [(p.severity, p.sheet, p.row, p.code) for p in report.problems] == [
        ("error", "activity", 2, "not_a_number"),
        ("error", "activity", 3, "date_invalid"),
        ("warning", "people", 2, "self_manager"),
        ("warning", "activity", 2, "unknown_person"),
        ("warning", "activity", 3, "unknown_choice"),
    ]


def test_does_not_modify_the_raw_tables():
    table = activity([46000.0, 7.0, "linkedin", "Repost"])
    before = [c.copy() for c in table.columns]
    run(people(["7", "Ann", "Sales", None]), table)
    for now, then in zip(table.columns, before, strict=True):
        pd.testing.assert_series_equal(now, then)
