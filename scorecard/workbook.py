"""Write a dataset as an xlsx workbook: one sheet per table, headers = schema column names.

The workbook is the same contract the reader accepts, so anything written here reads back
clean. openpyxl's write-only mode streams rows to disk, which keeps 100k-row activity sheets
fast and memory flat. IDs and text go out as text cells ("007" stays "007"), dates as real date
cells, numbers as numbers (whole numbers without a trailing ".0"), missing values as empty cells.
Formula-looking text takes the one injection rule of every workbook we write
(:mod:`scorecard.export.excel`).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from scorecard.dataset import Dataset
from scorecard.export.excel import new_workbook, xlsx_bytes
from scorecard.export.safe_text import FORMULA_TRIGGERS, write_text
from scorecard.schema import TABLES, Column


def cell_values(column: Column, series: pd.Series) -> list[object]:
    """The cells of one column as Python values openpyxl writes with the right cell type.

    Text columns: ``str`` (a number-looking ID stays text); dates: ``datetime.date``;
    numbers: ``int`` when the whole column holds whole numbers, else ``float``. Missing
    values (NaN, NaT, None) become ``None``, an empty cell.
    """
    missing = series.isna().to_numpy()
    if column.type == "date":
        values = pd.to_datetime(series).dt.date.to_numpy(dtype=object, copy=True)
    elif column.type in ("number", "integer"):
        numbers = pd.to_numeric(series).to_numpy(dtype="float64")
        finite = numbers[~missing]
        whole = bool(np.all(np.mod(finite, 1) == 0)) and bool(np.all(np.abs(finite) < 2**53))
        # tolist() turns numpy scalars into Python int/float in one C pass
        values = np.array(
            np.where(missing, 0, numbers).astype(np.int64).tolist() if whole else numbers.tolist(),
            dtype=object,
        )
    else:
        values = series.astype("str").to_numpy(dtype=object, copy=True)
    values[missing] = None
    return values.tolist()


def _literal_text(
    sheet: WriteOnlyWorksheet, values: list[object], series: pd.Series
) -> list[object]:
    """``values`` with formula-like text (``=``, ``+``, ``-``, ``@``, ...) written by the one
    injection rule, :func:`scorecard.export.safe_text.write_text`: a quoted text cell."""
    hits = np.flatnonzero(
        series.astype("str").str.startswith(FORMULA_TRIGGERS).fillna(False).to_numpy()
    )
    if not len(hits):
        return values
    out = list(values)
    for i in hits:  # only the rare formula-looking cells, not every row
        cell = WriteOnlyCell(sheet)
        write_text(cell, out[i])
        out[i] = cell
    return out


def _column_cells(sheet: WriteOnlyWorksheet, column: Column, series: pd.Series) -> list[object]:
    """One column's cells, ready for ``sheet.append``."""
    values = cell_values(column, series)
    if column.type in ("id", "text", "choice"):
        return _literal_text(sheet, values, series)
    return values


def build_workbook(dataset: Dataset) -> Workbook:
    """A write-only workbook holding ``dataset``, one sheet per schema table, in schema order."""
    book = new_workbook(write_only=True)
    for name, table in TABLES.items():
        frame = dataset.table(name)
        sheet = book.create_sheet(title=name)
        sheet.append(list(table.column_names))
        columns = [_column_cells(sheet, col, frame[col.name]) for col in table.columns]
        for row in zip(*columns, strict=True):
            sheet.append(row)
    return book


def write_workbook(dataset: Dataset, path: str | Path) -> None:
    """Write ``dataset`` to ``path`` as xlsx (overwriting it).

    Sheets: people, activity, outcomes, goals, assumptions; row 1 holds the schema's column
    names. An empty table still gets its sheet with the header row.
    """
    build_workbook(dataset).save(str(path))


def workbook_bytes(dataset: Dataset) -> bytes:
    """The xlsx file :func:`write_workbook` would write, as bytes (for downloads)."""
    return xlsx_bytes(build_workbook(dataset))
