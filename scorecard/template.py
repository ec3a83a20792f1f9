"""The blank template workbook, generated from :mod:`scorecard.schema` (never by hand).

An "Instructions" sheet comes first: one line per table and per column saying whether it is
required, its type, default, meaning and the header spellings we accept. Then one sheet per
table: a bold, filled, frozen header (dark for required columns, light for optional ones) with the
description as a note, the schema's example rows, dropdowns on enumerated columns, ID columns
formatted as text so a typed "007" keeps its zeros, and widths that fit.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from scorecard.schema import TABLES, Column, Table

LAST_ROW = 1_048_576  # Excel's last row: dropdowns and text format cover the whole column
TEXT_FORMAT = "@"
DATE_FORMAT = "yyyy-mm-dd"
AUTHOR = "Social Scorecard"

REQUIRED_FILL = PatternFill("solid", start_color="1F4E79", end_color="1F4E79")
OPTIONAL_FILL = PatternFill("solid", start_color="D9E2F3", end_color="D9E2F3")
REQUIRED_FONT = Font(bold=True, color="FFFFFF")
OPTIONAL_FONT = Font(bold=True, color="1F2937")
TITLE_FONT = Font(bold=True, size=16, color="1F4E79")
TABLE_FONT = Font(bold=True, size=12, color="1F4E79")

INTRO = (
    "Fill one sheet per table (or save each sheet as its own CSV named after the table).",
    ("people and activity are required; outcomes, goals, accounts and assumptions are"
     " optional."),
    "Column names are matched ignoring case, spaces and underscores; the aliases below work too,"
    " so exports from HR and social tools can be pasted as they are.",
    "Dark headers are required columns, light headers are optional (blank cells take the"
    " default).",
    "IDs are text: keep leading zeros (\"007\" stays \"007\"). Dates: date cells or text such as"
    " 2026-03-04.",
)
INSTRUCTION_HEADERS = ("Table", "Column", "Required", "Type", "Default", "Description",
                       "Accepted aliases", "Example")
INSTRUCTION_WIDTHS = (14, 20, 11, 26, 9, 60, 60, 24)


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


def _header_fill(column: Column) -> tuple[PatternFill, Font]:
    return (REQUIRED_FILL, REQUIRED_FONT) if column.required else (OPTIONAL_FILL, OPTIONAL_FONT)


def _column_width(column: Column, table: Table, index: int) -> float:
    samples = [str(column.name)] + [str(row[index]) for row in table.examples
                                    if index < len(row)]
    return min(max(len(s) for s in samples) + 4, 40)


def _dropdown(column: Column, letter: str) -> DataValidation:
    """A list dropdown over the whole column; unknown values stop or warn as the schema says."""
    validation = DataValidation(
        type="list", formula1='"' + ",".join(column.choices) + '"', allow_blank=True,
        showErrorMessage=True, errorStyle="stop" if column.strict else "warning",
        errorTitle=f"Unknown {column.name}",
        error=f"{column.name} should be one of: {', '.join(column.choices)}.",
    )
    validation.add(f"{letter}2:{letter}{LAST_ROW}")
    return validation


def write_table_sheet(sheet: Worksheet, table: Table) -> None:
    """Header, notes, example rows, dropdowns, formats and widths of one table's sheet."""
    for index, column in enumerate(table.columns, start=1):
        letter = get_column_letter(index)
        header = sheet.cell(row=1, column=index, value=column.name)
        header.fill, header.font = _header_fill(column)
        header.alignment = Alignment(vertical="center")
        note = (f"{'Required' if column.required else 'Optional'}, {type_label(column)}. "
                f"{column.description}")
        header.comment = Comment(note, AUTHOR, width=280, height=110)
        dimension = sheet.column_dimensions[letter]
        dimension.width = _column_width(column, table, index - 1)
        if column.type == "id":
            dimension.number_format = TEXT_FORMAT
        elif column.type == "date":
            dimension.number_format = DATE_FORMAT
        for row_number, example in enumerate(table.examples, start=2):
            cell = sheet.cell(row=row_number, column=index,
                              value=_example_cell(column, example[index - 1]
                                                  if index <= len(example) else None))
            if column.type == "id":
                cell.number_format = TEXT_FORMAT
            elif column.type == "date":
                cell.number_format = DATE_FORMAT
        if column.choices:
            sheet.add_data_validation(_dropdown(column, letter))
    sheet.freeze_panes = "A2"


def write_instructions(sheet: Worksheet) -> None:
    """The instructions sheet: an introduction, then one line per table and per column."""
    sheet.append(["Social Scorecard: data template"])
    sheet["A1"].font = TITLE_FONT
    for line in INTRO:
        sheet.append([line])
    sheet.append([])
    sheet.append(list(INSTRUCTION_HEADERS))
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.fill, cell.font = REQUIRED_FILL, REQUIRED_FONT
    for table in TABLES.values():
        sheet.append([table.name, "", "required table" if table.required else "optional table",
                      "", "", table.description, ", ".join(table.sheet_aliases)])
        for cell in sheet[sheet.max_row]:
            cell.font = TABLE_FONT
        for column in table.columns:
            sheet.append([table.name, column.name, "required" if column.required else "optional",
                          type_label(column), _default_label(column), column.description,
                          ", ".join(column.aliases), column.example])
            for cell in sheet[sheet.max_row]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    for index, width in enumerate(INSTRUCTION_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = f"A{header_row + 1}"


def build_workbook() -> Workbook:
    """The template as an openpyxl workbook: Instructions, then one sheet per schema table."""
    book = Workbook()
    instructions = book.active
    instructions.title = "Instructions"
    write_instructions(instructions)
    for table in TABLES.values():
        write_table_sheet(book.create_sheet(title=table.name), table)
    return book


def build_template() -> bytes:
    """The template workbook as xlsx bytes (for a download button)."""
    buffer = io.BytesIO()
    build_workbook().save(buffer)
    return buffer.getvalue()


def write_template(path: str | Path) -> None:
    """Write the template workbook to ``path`` (overwriting it)."""
    build_workbook().save(str(path))
