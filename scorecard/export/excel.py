"""The one Excel writer: cells, header style and file bytes shared by every workbook we write.

The blank template (:mod:`scorecard.template`), the dataset workbook (:mod:`scorecard.workbook`)
and the board pack (:mod:`scorecard.export.xlsx`) write their cells through these functions, so
they share one formula-injection rule (:func:`scorecard.export.safe_text.write_text`: text that
a spreadsheet would run is a quoted text cell), one date format, one text format for IDs and one
header style. Number formats come from :func:`scorecard.formatting.excel_format`.
"""

from __future__ import annotations

import io
from datetime import date, datetime

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill

from scorecard.export.safe_text import is_missing, write_number, write_text

DATE_FORMAT = "yyyy-mm-dd"
#: Excel's text format: an ID typed into such a cell keeps its leading zeros ("007").
TEXT_FORMAT = "@"
HEADER_FILL = PatternFill("solid", start_color="1F4E79", end_color="1F4E79")
HEADER_FONT = Font(bold=True, color="FFFFFF")
#: A header of an optional column (the template): light, so required ones stand out.
LIGHT_HEADER_FILL = PatternFill("solid", start_color="D9E2F3", end_color="D9E2F3")
LIGHT_HEADER_FONT = Font(bold=True, color="1F2937")


def new_workbook(*, write_only: bool = False) -> Workbook:
    """An empty workbook without openpyxl's default sheet (callers create theirs)."""
    book = Workbook(write_only=write_only)
    if not write_only:
        book.remove(book.active)
    return book


def header_cell(cell: Cell, text: str, *, strong: bool = True, wrap: bool = False) -> None:
    """A header: the text (as text), bold on the dark fill, or on the light fill when not
    ``strong``."""
    write_text(cell, text)
    cell.fill = HEADER_FILL if strong else LIGHT_HEADER_FILL
    cell.font = HEADER_FONT if strong else LIGHT_HEADER_FONT
    cell.alignment = Alignment(wrap_text=wrap, vertical="top" if wrap else "center")


def date_cell(cell: Cell, value: object, *, missing: str = "") -> None:
    """A date (a ``date``, a timestamp or ISO text) as a real date cell; anything that is not
    a date is written as text, ``missing`` when absent."""
    if isinstance(value, datetime | pd.Timestamp):
        value = value.date()
    elif isinstance(value, str):
        stamp = pd.to_datetime(value, errors="coerce", format="ISO8601")
        value = value if pd.isna(stamp) else stamp.date()
    if isinstance(value, date):
        cell.value = value
        cell.number_format = DATE_FORMAT
        return
    write_text(cell, value, missing=missing)


def value_cell(
    cell: Cell, value: object, number_format: str = "General", *, missing: str = ""
) -> None:
    """Any value as the cell it should be: a number (full precision, ``number_format``), a
    date cell, or text through the one injection rule; missing is ``missing`` text (empty by
    default, so a number column stays numeric)."""
    if is_missing(value):
        write_text(cell, None, missing=missing)
    elif isinstance(value, bool):
        write_text(cell, "yes" if value else "no")
    elif isinstance(value, int | float):
        write_number(cell, value, number_format)
    elif isinstance(value, date | pd.Timestamp):
        date_cell(cell, value)
    else:
        write_text(cell, value, missing=missing)


def xlsx_bytes(book: Workbook) -> bytes:
    """The workbook as the bytes of an .xlsx file."""
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
