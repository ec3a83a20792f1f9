"""The dataset writer: real xlsx files written, then read back cell by cell."""

from __future__ import annotations

import io
from datetime import datetime

import numpy as np
import openpyxl
import pandas as pd
import pytest

from scorecard.dataset import Dataset
from scorecard.schema import TABLES
from scorecard.workbook import workbook_bytes, write_workbook


@pytest.fixture(scope="module")
def tiny() -> Dataset:
    return Dataset.from_frames(
        people=pd.DataFrame(
            {
                "person_id": ["007", "010"],
                "name": ["Ada Byrne", "Ben Okafor"],
                "title": ["CEO", "=SUM(A1:A9)"],
                "department": ["Operations", "Sales"],
                "manager_id": [None, "007"],
                "tier": ["C-suite", None],
                "hourly_cost": [300.0, np.nan],
                "followers": [12000.0, 640.0],
            }
        ),
        activity=pd.DataFrame(
            {
                "date": pd.to_datetime(["2026-03-02", "2026-03-07"]),
                "person_id": ["007", "010"],
                "channel": ["LinkedIn", "X"],
                "action": ["post", "reply"],
                "count": [1, 3],
                "minutes": [12.5, np.nan],
                "impressions": [1800.0, 0.0],
            }
        ),
        outcomes=pd.DataFrame(
            {
                "date": pd.to_datetime(["2026-03-31"]),
                "metric": ["qualified_leads"],
                "value": [-2.0],
                "person_id": ["010"],
            }
        ),
    )


@pytest.fixture(scope="module")
def book(tiny: Dataset, tmp_path_factory: pytest.TempPathFactory) -> openpyxl.Workbook:
    path = tmp_path_factory.mktemp("wb") / "tiny.xlsx"
    write_workbook(tiny, path)
    return openpyxl.load_workbook(path)


def test_one_sheet_per_table_with_schema_headers(book: openpyxl.Workbook) -> None:
    assert book.sheetnames == ["people", "activity", "outcomes", "goals", "accounts", "assumptions"]
    for name, table in TABLES.items():
        header = [c.value for c in next(book[name].iter_rows(max_row=1))]
        assert header == list(table.column_names)


def test_empty_tables_keep_their_header_only(book: openpyxl.Workbook) -> None:
    assert book["goals"].max_row == 1
    assert book["assumptions"].max_row == 1


def test_ids_are_text_cells_with_leading_zeros(book: openpyxl.Workbook) -> None:
    people = book["people"]
    assert (people["A2"].value, people["A2"].data_type) == ("007", "s")
    assert (people["E3"].value, people["E3"].data_type) == ("007", "s")
    assert (book["activity"]["B3"].value, book["activity"]["B3"].data_type) == ("010", "s")


def test_dates_are_date_cells(book: openpyxl.Workbook) -> None:
    cell = book["activity"]["A2"]
    assert cell.is_date
    assert cell.value == datetime(2026, 3, 2)
    assert book["outcomes"]["A2"].value == datetime(2026, 3, 31)


def test_missing_values_are_empty_cells(book: openpyxl.Workbook) -> None:
    people, activity = book["people"], book["activity"]
    assert people["E2"].value is None  # the root's manager_id
    assert people["F3"].value is None  # tier not given
    assert people["G3"].value is None  # hourly_cost NaN
    assert activity["H3"].value is None  # minutes NaN
    assert activity["E2"].value is None  # purpose absent from the frame


def test_numbers_keep_their_values_and_whole_numbers_stay_whole(book: openpyxl.Workbook) -> None:
    activity = book["activity"]
    assert activity["G3"].value == 3 and isinstance(activity["G3"].value, int)  # count
    assert activity["H2"].value == 12.5  # minutes: a fraction stays a fraction
    assert activity["I2"].value == 1800 and isinstance(activity["I2"].value, int)
    assert book["outcomes"]["C2"].value == -2


def test_text_that_looks_like_a_formula_stays_text(book: openpyxl.Workbook) -> None:
    cell = book["people"]["C3"]
    assert (cell.value, cell.data_type) == ("=SUM(A1:A9)", "s")


def test_workbook_bytes_is_the_same_workbook(tiny: Dataset) -> None:
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(tiny)))
    assert book.sheetnames == list(TABLES)
    assert [c.value for c in book["people"]["A"]] == ["person_id", "007", "010"]


def test_written_workbook_reads_back_clean(tiny: Dataset, tmp_path) -> None:
    from scorecard.ingest import load_paths

    path = tmp_path / "tiny.xlsx"
    write_workbook(tiny, path)
    result = load_paths([path])
    assert [p.message for p in result.report.errors] == []
    assert result.dataset.people["person_id"].tolist() == ["007", "010"]
    for name in TABLES:
        pd.testing.assert_frame_equal(result.dataset.table(name), tiny.table(name))
