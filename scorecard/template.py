"""The blank template workbook, generated from :mod:`scorecard.schema` (never by hand).

An "Instructions" sheet comes first: one line per table and per column saying whether it is
required, its type, default, meaning and the header spellings we accept. Then one sheet per
table: a bold, filled, frozen header (dark for required columns, light for optional ones) with the
description as a note, dropdowns on enumerated columns, ID columns formatted as text so a typed
"007" keeps its zeros, and widths that fit. The table sheets hold headers only, so the blank
template uploaded as it is holds no data (and is refused as empty); the schema's example rows
are on the Instructions sheet, under "Examples", one block per table. Cells are written by
the one Excel writer (:mod:`scorecard.export.excel`), as the dataset workbook and the board pack.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from scorecard.export.excel import (
    DATE_FORMAT,
    TEXT_FORMAT,
    header_cell,
    new_workbook,
    value_cell,
    xlsx_bytes,
)
from scorecard.schema import TABLES, Column, Table

LAST_ROW = 1_048_576  # Excel's last row: dropdowns and text format cover the whole column
AUTHOR = "Social Scorecard"

TITLE_FONT = Font(bold=True, size=16, color="1F4E79")
TABLE_FONT = Font(bold=True, size=12, color="1F4E79")

INTRO = (
    "Fill one sheet per table (or save each sheet as its own CSV named after the table).",
    ("people and activity are required; outcomes, goals, accounts and assumptions are optional."),
    (
        "Column names are matched ignoring case, spaces and underscores; the aliases below work too,"
        " so exports from HR and social tools can be pasted as they are."
    ),
    (
        "Dark headers are required columns, light headers are optional (blank cells take the"
        " default)."
    ),
    (
        'IDs are text: keep leading zeros ("007" stays "007"). Dates: date cells or text such as'
        " 2026-03-04."
    ),
    "The table sheets start empty; the Examples at the bottom of this sheet show filled rows.",
)
INSTRUCTION_HEADERS = (
    "Table",
    "Column",
    "Required",
    "Type",
    "Default",
    "Description",
    "Accepted aliases",
    "Example",
)
INSTRUCTION_WIDTHS = (14, 20, 11, 26, 9, 60, 60, 24)
EXAMPLES_TITLE = "Examples (copy rows like these into the table sheets)"


def type_label(column: Column) -> str:
    """The column's type in words, e.g. "one of: up, down" or "number (0 or more)"."""
    if column.type == "choice":
        return "one of: " + ", ".join(column.choices)
    if column.type in ("number", "integer"):
        kind = "whole number" if column.type == "integer" else "number"
        return kind if column.signed else f"{kind} (0 or more)"
    return {"id": "ID (text)", "text": "text", "date": "date"}[column.type]


def _default_label(column: Column) -> str:
    return "" if column.default in (None, "") else str(column.default)


def _example_cell(column: Column, value: object) -> object:
    """An example value as the cell it should be: a date cell, a number, text, or empty."""
    if value is None or value == "":
        return None
    if column.type == "date":
        return date.fromisoformat(str(value))
    if column.type in ("number", "integer"):
        return value if isinstance(value, int | float) else float(str(value))
    return str(value)


def _append(sheet: Worksheet, values: Sequence[object]) -> None:
    """One row below the last, each value through the one Excel writer."""
    row = sheet.max_row + 1 if sheet.max_row > 1 or sheet["A1"].value is not None else 1
    for index, value in enumerate(values, start=1):
        value_cell(sheet.cell(row=row, column=index), value)


def _column_width(column: Column, table: Table, index: int) -> float:
    samples = [str(column.name)] + [str(row[index]) for row in table.examples if index < len(row)]
    return min(max(len(s) for s in samples) + 4, 40)


def _dropdown(column: Column, letter: str) -> DataValidation:
    """A list dropdown over the whole column; unknown values stop or warn as the schema says."""
    validation = DataValidation(
        type="list",
        formula1='"' + ",".join(column.choices) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="stop" if column.strict else "warning",
        errorTitle=f"Unknown {column.name}",
        error=f"{column.name} should be one of: {', '.join(column.choices)}.",
    )
    validation.add(f"{letter}2:{letter}{LAST_ROW}")
    return validation


def _write_example_rows(sheet: Worksheet, table: Table, first_row: int) -> None:
    """The schema's example rows of ``table`` from ``first_row`` on, as typed cells."""
    for offset, example in enumerate(table.examples):
        for index, column in enumerate(table.columns, start=1):
            cell = sheet.cell(row=first_row + offset, column=index)
            value_cell(
                cell, _example_cell(column, example[index - 1] if index <= len(example) else None)
            )
            if column.type == "id":
                cell.number_format = TEXT_FORMAT
            elif column.type == "date":
                cell.number_format = DATE_FORMAT


def write_table_sheet(sheet: Worksheet, table: Table) -> None:
    """Header, notes, dropdowns, formats and widths of one table's sheet: no rows (a blank
    template holds no data)."""
    for index, column in enumerate(table.columns, start=1):
        letter = get_column_letter(index)
        header = sheet.cell(row=1, column=index)
        header_cell(header, column.name, strong=column.required)
        note = (
            f"{'Required' if column.required else 'Optional'}, {type_label(column)}. "
            f"{column.description}"
        )
        header.comment = Comment(note, AUTHOR, width=280, height=110)
        dimension = sheet.column_dimensions[letter]
        dimension.width = _column_width(column, table, index - 1)
        if column.type == "id":
            dimension.number_format = TEXT_FORMAT
        elif column.type == "date":
            dimension.number_format = DATE_FORMAT
        if column.choices:
            sheet.add_data_validation(_dropdown(column, letter))
    sheet.freeze_panes = "A2"


def write_instructions(sheet: Worksheet) -> None:
    """The instructions sheet: an introduction, then one line per table and per column."""
    _append(sheet, ["Social Scorecard: data template"])
    sheet["A1"].font = TITLE_FONT
    for line in INTRO:
        _append(sheet, [line])
    header_row = sheet.max_row + 2  # a blank row between the introduction and the table
    for index, text in enumerate(INSTRUCTION_HEADERS, start=1):
        header_cell(sheet.cell(row=header_row, column=index), text)
    for table in TABLES.values():
        _append(
            sheet,
            [
                table.name,
                "",
                "required table" if table.required else "optional table",
                "",
                "",
                table.description,
                ", ".join(table.sheet_aliases),
            ],
        )
        for cell in sheet[sheet.max_row]:
            cell.font = TABLE_FONT
        for column in table.columns:
            _append(
                sheet,
                [
                    table.name,
                    column.name,
                    "required" if column.required else "optional",
                    type_label(column),
                    _default_label(column),
                    column.description,
                    ", ".join(column.aliases),
                    column.example,
                ],
            )
            for cell in sheet[sheet.max_row]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    write_examples(sheet)
    for index, width in enumerate(INSTRUCTION_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = f"A{header_row + 1}"


def write_examples(sheet: Worksheet) -> None:
    """Below the column list: per table its name, its headers and the schema's example rows."""
    title_row = sheet.max_row + 2  # a blank row after the column list
    sheet.cell(row=title_row, column=1, value=EXAMPLES_TITLE).font = TITLE_FONT
    for table in TABLES.values():
        name_row = sheet.max_row + 2  # a blank row before each table's block
        sheet.cell(row=name_row, column=1, value=table.name).font = TABLE_FONT
        for index, column in enumerate(table.columns, start=1):
            header_cell(
                sheet.cell(row=name_row + 1, column=index), column.name, strong=column.required
            )
        _write_example_rows(sheet, table, name_row + 2)


def build_workbook() -> Workbook:
    """The template as an openpyxl workbook: Instructions, then one sheet per schema table."""
    book = new_workbook()
    instructions = book.create_sheet(title="Instructions")
    write_instructions(instructions)
    for table in TABLES.values():
        write_table_sheet(book.create_sheet(title=table.name), table)
    return book


def build_template() -> bytes:
    """The template workbook as xlsx bytes (for a download button)."""
    return xlsx_bytes(build_workbook())


def write_template(path: str | Path) -> None:
    """Write the template workbook to ``path`` (overwriting it)."""
    build_workbook().save(str(path))
