"""Raw uploads for the ingest tests: tables as a reader hands them over (``raw``, ``people``,
``activity``) and workbooks as a marketer's tools export them (``clean_sheets``,
``planted_sheets``). Builders only, no tests: test modules import from here.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd

from scorecard.ingest import RawTable, validate_tables
from scorecard.problems import Problem


def raw(
    table: str,
    headers: list[str],
    *rows: list[object],
    sheet: str | None = None,
    first_row: int = 2,
) -> RawTable:
    """A raw table as a reader would hand it over: object cells, Excel row numbers."""
    columns = tuple(pd.Series([r[i] for r in rows], dtype=object) for i in range(len(headers)))
    return RawTable(
        table,
        sheet or table,
        tuple(headers),
        columns,
        np.arange(first_row, first_row + len(rows), dtype=np.int64),
    )


def people(*rows: list[object], headers=("person_id", "name", "department", "manager_id")):
    rows = rows or (["001", "Ann Lee", "Sales", None], ["002", "Bo Chen", "Sales", "001"])
    return raw("people", list(headers), *rows)


def activity(
    *rows: list[object],
    headers=("date", "person_id", "channel", "action"),
    sheet: str | None = None,
):
    rows = rows or (["2026-03-02", "001", "LinkedIn", "post"],)
    return raw("activity", list(headers), *rows, sheet=sheet)


def run(*tables: RawTable):
    return validate_tables(list(tables))


def only(report, code: str) -> list[Problem]:
    return [p for p in report.problems if p.code == code]


PEOPLE_HEADERS = ["Employee ID", "Full Name", "Dept", "Reports To", "Level"]
ACTIVITY_HEADERS = ["Post date", "Person", "Network", "Action", "Count", "Impressions"]


def write_workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def clean_sheets() -> dict[str, list[list[object]]]:
    return {
        "people": [
            PEOPLE_HEADERS,
            ["001", "Ann Lee", "Sales", None, "C-suite"],
            ["007", "Bo Chen", "Sales", "001", "VP"],
            [12, "Cy Diaz", "Ops", "007", "Staff"],
        ],
        "activity": [
            ["Social activity, March 2026"],  # a title row above the header
            ACTIVITY_HEADERS,
            [dt.datetime(2026, 3, 2, 9, 30), "007", "linkedin", "Post", 1, 1800],
            [dt.datetime(2026, 3, 3), 12, "X", "reply", 4, None],
        ],
    }


def planted_sheets() -> dict[str, list[list[object]]]:
    """A workbook with exactly ten planted problems (also used by the CLI tests)."""
    return {
        "people": [
            PEOPLE_HEADERS,
            ["001", "Ann Lee", "Sales", None, "C-suite"],  # row 2
            ["002", "Bo Chen", "Sales", "001", "VP"],  # row 3
            ["002", "Bo Chen", "Sales", "001", "VP"],  # row 4: duplicate id
            ["003", "Cy Diaz", "Ops", "042", "Staff"],  # row 5: unknown manager
            ["004", "Di Eze", "Ops", "005", "Staff"],  # row 6: cycle 004 → 005 → 004
            ["005", "Ed Fox", "Ops", "004", "Intern"],  # row 7: tier not a tier
        ],
        "activity": [
            ACTIVITY_HEADERS,
            [dt.datetime(2026, 3, 2), "001", "X", "post", 1, 100],  # row 2: clean
            ["31/02/2026", "001", "X", "post", 1, 100],  # row 3: no such day
            [dt.datetime(2026, 3, 3), "001", "X", "post", -2, 100],  # row 4: negative count
            [dt.datetime(2026, 3, 4), "001", "X", "post", 1, "12%"],  # row 5: not a number
            [dt.datetime(1999, 5, 1), "001", "X", "post", 1, 100],  # row 6: out of range
        ],
        "outcomes": [
            ["date", "metric", "value"],
            [dt.datetime(2026, 3, 31), "qualified_leads", "lots"],  # row 2: not a number
        ],
        "goals": [
            ["metric", "target", "start", "end"],
            ["qualified_leads", 600, dt.datetime(2026, 12, 31), dt.datetime(2026, 1, 1)],
        ],
    }
