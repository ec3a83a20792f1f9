"""Text from users, made safe to put in a spreadsheet cell or a slide.

Spreadsheet formula injection (CWE-1236): a cell whose text begins with ``=``, ``+``, ``-``, ``@``,
tab, carriage return or line feed may be read by Excel or LibreOffice as a formula
(``=cmd|' /C calc'!A0``), on opening or as soon as someone edits the cell. Names, themes and
departments come from uploaded files, so every such text is written as a string cell with Excel's
"quote prefix" (the hidden leading apostrophe): the value stays exactly what the user typed and is
never evaluated. XML also forbids most control characters, which are dropped.
"""

from __future__ import annotations

import math
import re
from typing import Any

from openpyxl.cell.cell import Cell

#: First characters a spreadsheet may treat as the start of a formula.
FORMULA_TRIGGERS: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r", "\n")

# C0 controls that XML 1.0 cannot carry (tab, LF and CR are allowed).
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

#: What a missing value reads as in a column that is clearly text.
MISSING_TEXT = "—"


def clean_text(value: object) -> str:
    """``value`` as text without the control characters XML cannot hold; ``""`` for missing."""
    if is_missing(value):
        return ""
    return _XML_ILLEGAL.sub("", str(value))


def is_missing(value: object) -> bool:
    """``None``, NaN, NaT or pandas' NA: what the exports show as an empty cell or "—"."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    try:
        import pandas as pd

        result = pd.isna(value)
    except (TypeError, ValueError):
        return False
    return bool(result) if isinstance(result, bool) else False


def is_formula_like(text: str) -> bool:
    """Whether a spreadsheet could read ``text`` as a formula (its first character is a trigger)."""
    return text.startswith(FORMULA_TRIGGERS)


def write_text(cell: Cell, value: object, *, missing: str = "") -> None:
    """Put user text in ``cell`` as a string that is never evaluated.

    Every text is forced to a string cell (openpyxl would otherwise store ``=...`` as a live
    formula); formula-like text also gets the quote prefix, so editing the cell in Excel keeps it
    text. Missing values become ``missing`` (``""`` leaves the cell empty).
    """
    text = clean_text(value) if not is_missing(value) else missing
    if text == "":
        cell.value = None
        return
    cell.value = text
    cell.data_type = "s"
    if is_formula_like(text):
        cell.quotePrefix = True


def write_number(cell: Cell, value: Any, number_format: str) -> None:
    """Put a number in ``cell`` with ``number_format``; missing, NaN or infinite leaves it empty."""
    if is_missing(value):
        cell.value = None
        return
    try:
        number = float(value)
    except (TypeError, ValueError):
        write_text(cell, value)
        return
    if not math.isfinite(number):
        cell.value = None
        return
    cell.value = int(number) if isinstance(value, (bool, int)) else number
    cell.number_format = number_format


def csv_bytes(frame: Any) -> bytes:
    """``frame`` (a pandas DataFrame) as UTF-8 CSV (with a BOM, so Excel reads the accents),
    every formula-like text cell prefixed with an apostrophe, which spreadsheets show as text
    and never evaluate; missing values are empty cells."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([_csv_cell(c) for c in frame.columns])
    for row in frame.itertuples(index=False):
        writer.writerow([_csv_cell(v) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _csv_cell(value: object) -> str:
    if is_missing(value):
        return ""
    if isinstance(value, bool | int | float):
        return str(value)
    text = clean_text(value)
    return "'" + text if is_formula_like(text) else text
