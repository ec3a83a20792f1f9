"""One table to one worksheet: typed cells, number formats, frozen header, widths, colours.

Cells go through the one Excel writer (:mod:`scorecard.export.excel`), so text from users is
never a formula. Numbers keep full precision (the formats only change how they look), so a cell equals
the JSON report's value. Missing numbers are empty cells; a missing text is "—".
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
from openpyxl.formatting.rule import ColorScaleRule, FormulaRule
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from scorecard.export.excel import date_cell, header_cell
from scorecard.export.safe_text import MISSING_TEXT, clean_text, write_number, write_text
from scorecard.formatting import excel_format

#: Light fills of the Okabe-Ito status colours (colour-blind safe, readable with black text).
STATUS_FILLS: dict[str, str] = {"on track": "BFE5D9", "at risk": "F9E2B3", "off track": "F3C7AE"}
STATUS_COLUMNS = ("status",)
SCORE_COLUMNS = ("leadership_score",)
MIN_WIDTH, MAX_WIDTH = 8, 60

UnitOf = Callable[[str], str | None]


DATE_COLUMNS = ("start", "end", "month", "date", "first_active", "as_of")
#: A number of no registry unit.
GENERAL_NUMBER = excel_format(None)


def _is_numeric(series: pd.Series, unit: str | None) -> bool:
    """A numeric column, or a unit column whose values are all missing (still numbers)."""
    if pd.api.types.is_bool_dtype(series):
        return False
    return pd.api.types.is_numeric_dtype(series) or (unit is not None and series.isna().all())


def write_table(
    ws: Worksheet,
    frame: pd.DataFrame,
    *,
    headers: Callable[[str], str],
    unit_of: UnitOf,
    currency: str,
    row_units: pd.Series | None = None,
    row_unit_columns: tuple[str, ...] = (),
) -> None:
    """Write ``frame`` to ``ws`` from A1: a header row, then one row per record.

    ``unit_of(column)`` gives a column's dictionary unit (its Excel format); ``row_units``, when
    given, overrides the unit per row for ``row_unit_columns`` (a goal's actual and target take
    the unit of the goal's metric).
    """
    columns = list(frame.columns)
    for j, column in enumerate(columns, start=1):
        header_cell(ws.cell(row=1, column=j), headers(column), wrap=True)
    for j, column in enumerate(columns, start=1):
        series = frame[column]
        unit = unit_of(column)
        numeric = _is_numeric(series, unit)
        dates = column in DATE_COLUMNS
        fmt = excel_format(unit, currency) if unit else GENERAL_NUMBER
        for i, value in enumerate(series.tolist(), start=2):
            cell = ws.cell(row=i, column=j)
            if numeric:
                cell_fmt = fmt
                if row_units is not None and column in row_unit_columns:
                    row_unit = row_units.iloc[i - 2]
                    cell_fmt = excel_format(row_unit, currency) if row_unit else GENERAL_NUMBER
                write_number(cell, value, cell_fmt)
            elif dates:
                date_cell(cell, value, missing=MISSING_TEXT)
            else:
                write_text(cell, value, missing=MISSING_TEXT)
    _finish(ws, frame, columns)


def _finish(ws: Worksheet, frame: pd.DataFrame, columns: list[str]) -> None:
    """Frozen header (and first column), widths from content, filters, colours."""
    n = len(frame)
    ws.freeze_panes = "B2" if len(columns) > 1 else "A2"
    if columns:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(n, 1) + 1}"
    for j, column in enumerate(columns, start=1):
        letter = get_column_letter(j)
        # texts set the width; a number's full-precision digits would not show anyway
        sample = (
            frame[column].head(200).map(lambda v: len(clean_text(v)) if isinstance(v, str) else 0)
        )
        longest = max(
            [
                len(str(ws.cell(row=1, column=j).value or "")) // 2 + 2,
                int(sample.max()) if len(sample) else 0,
                10,
            ]
        )
        ws.column_dimensions[letter].width = max(MIN_WIDTH, min(MAX_WIDTH, longest + 2))
        if n == 0:
            continue
        cells = f"{letter}2:{letter}{n + 1}"
        if column in SCORE_COLUMNS:
            # vermillion → white → blue: a diverging scale safe for colour-blind readers
            ws.conditional_formatting.add(
                cells,
                ColorScaleRule(
                    start_type="num",
                    start_value=0,
                    start_color="F3A07A",
                    mid_type="num",
                    mid_value=50,
                    mid_color="FFFFFF",
                    end_type="num",
                    end_value=100,
                    end_color="6AAED6",
                ),
            )
        if column in STATUS_COLUMNS:
            for status, colour in STATUS_FILLS.items():
                ws.conditional_formatting.add(
                    cells,
                    FormulaRule(
                        formula=[f'{letter}2="{status}"'],
                        fill=PatternFill("solid", fgColor=colour, bgColor=colour),
                    ),
                )
    ws.row_dimensions[1].height = 32


def write_pairs(ws: Worksheet, pairs: list[tuple[str, object, str | None]], currency: str) -> None:
    """A two-column key/value sheet (About): label, value formatted by its unit."""
    header_cell(ws.cell(row=1, column=1), "Item")
    header_cell(ws.cell(row=1, column=2), "Value")
    for i, (label, value, unit) in enumerate(pairs, start=2):
        write_text(ws.cell(row=i, column=1), label)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            write_number(
                ws.cell(row=i, column=2),
                value,
                excel_format(unit, currency) if unit else GENERAL_NUMBER,
            )
        else:
            write_text(ws.cell(row=i, column=2), value, missing=MISSING_TEXT)
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 60
    ws.freeze_panes = "A2"
