"""load_paths / load_uploads on real files written in the test: read, validate, report."""

from __future__ import annotations

import hashlib

import pandas as pd

from scorecard.ingest import Upload, load_paths, load_uploads
from tests.uploads import (
    clean_sheets,
    planted_sheets,
    write_workbook,
)


def test_a_clean_workbook_keeps_leading_zeros(tmp_path):
    path = write_workbook(tmp_path / "march.xlsx", clean_sheets())
    result = load_paths([path])
    assert result.report.problems == ()
    people, activity = result.dataset.people, result.dataset.activity
    assert people["person_id"].tolist() == ["001", "007", "12"]
    assert people["manager_id"].tolist()[1:] == ["001", "007"]
    assert activity["person_id"].tolist() == ["007", "12"]
    assert activity["date"].dt.strftime("%Y-%m-%d").tolist() == ["2026-03-02", "2026-03-03"]
    assert activity["channel"].tolist() == ["LinkedIn", "X"]
    assert activity["impressions"].tolist() == [1800.0, 0.0]  # blank takes the default 0
    assert result.file_name == "march.xlsx"
    assert result.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_ten_planted_problems_are_each_reported_with_sheet_row_and_column(tmp_path):
    result = load_paths([write_workbook(tmp_path / "planted.xlsx", planted_sheets())])
    assert result.dataset is None
    assert [(p.severity, p.code, p.sheet, p.row, p.column) for p in result.report.problems] == [
        ("error", "duplicate_person_id", "people", 4, "Employee ID"),
        ("error", "unknown_manager", "people", 5, "Reports To"),
        ("error", "manager_cycle", "people", 6, "Reports To"),
        ("error", "invalid_choice", "people", 7, "Level"),
        ("error", "date_invalid", "activity", 3, "Post date"),
        ("error", "negative_number", "activity", 4, "Count"),
        ("error", "not_a_number", "activity", 5, "Impressions"),
        ("error", "date_out_of_range", "activity", 6, "Post date"),
        ("error", "not_a_number", "outcomes", 2, "value"),
        ("error", "goal_dates_reversed", "goals", 2, "start"),
    ]
    assert result.report.summary() == "10 errors, 0 warnings."
    # Cells are quoted as typed: -2 (not -2.0), a date cell as its day.
    assert [p.value for p in result.report.problems] == [
        "002",
        "042",
        None,
        "Intern",
        "31/02/2026",
        "-2",
        "12%",
        "1999-05-01",
        "lots",
        "2026-12-31",
    ]


def test_several_csv_files_one_per_table(tmp_path):
    people = tmp_path / "people.csv"
    people.write_text(
        "person_id;name;department;manager_id\n007;Ann Lee;Sales;\n008;Bo Chen;Sales;007\n",
        encoding="utf-8-sig",
    )
    activity = tmp_path / "activity.csv"
    activity.write_text(
        "date,person_id,channel,action,count\n"
        '25/03/2026,007,LinkedIn,post,"1,234"\n'
        "03/04/2026,008,X,reply,2\n",
        encoding="utf-8",
    )
    result = load_paths([people, activity])
    assert result.report.problems == ()
    assert result.dataset.people["person_id"].tolist() == ["007", "008"]
    # 25/03 settles the column as day-first, so 03/04 is 3 April.
    assert result.dataset.activity["date"].dt.strftime("%Y-%m-%d").tolist() == [
        "2026-03-25",
        "2026-04-03",
    ]
    assert result.dataset.activity["count"].tolist() == [1234, 2]
    assert result.file_name == "people.csv, activity.csv"
    digests = sorted(
        f"{p.name}:{hashlib.sha256(p.read_bytes()).hexdigest()}" for p in (people, activity)
    )
    assert result.sha256 == hashlib.sha256("\n".join(digests).encode()).hexdigest()


def test_an_unreadable_file_gives_no_dataset_and_no_traceback():
    result = load_uploads([Upload("people.xlsx", b"this is not a spreadsheet")])
    assert result.dataset is None
    assert result.report.errors
    # The reader's file-level error explains everything; no validator noise on top.
    assert all(p.code not in ("missing_column",) for p in result.report.problems)


def test_the_dataset_frames_have_the_trusted_dtypes(tmp_path):
    result = load_paths([write_workbook(tmp_path / "clean.xlsx", clean_sheets())])
    activity = result.dataset.activity
    assert str(activity["date"].dtype) == "datetime64[us]"
    assert str(activity["count"].dtype) == "int64"
    assert isinstance(activity["person_id"].dtype, pd.StringDtype)
