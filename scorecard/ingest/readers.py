"""Uploaded files in, :class:`RawTable` values out: cells as the file holds them.

Workbooks (xlsx, xlsm, xlsb, xls, ods) are read with python-calamine; CSV/TSV/TXT with the
:mod:`csv` module, as text only, so "007" stays "007". Each sheet (or file) becomes a table by
its name (:func:`scorecard.schema.table_for_sheet`) or, failing that, by its header row. The
header is the first of the first 20 non-blank rows that matches the most of the table's column
names, so title rows above it do no harm. Row numbers are those Excel (or a text editor) shows.

Memory: a sheet is pulled into one 2-D ``object`` array filled in chunks, its columns are views
of that array, and the workbook is closed as soon as its sheets are read.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import PurePath
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import python_calamine as calamine

from scorecard.ingest.guard import check_upload, file_problem, password_protected, unreadable
from scorecard.ingest.raw import Limits, RawTable, Upload
from scorecard.ingest.routing import ReadResult, SourceNote, read_upload_grids  # re-exported
from scorecard.problems import Problem
from scorecard.schema import TABLES, Table, header_key, table_for_sheet

if TYPE_CHECKING:
    from scorecard.sources.preset import Preset

__all__ = [
    "Grid",
    "ReadResult",
    "SourceNote",
    "read_grids",
    "read_sources",
    "read_tables",
    "read_upload_grids",
    "to_raw_table",
]

HEADER_SEARCH_ROWS = 20
CHUNK_ROWS = 65_536
DELIMITERS = (",", ";", "\t")
SNIFF_CHARS = 65_536
#: Sheets that explain a workbook rather than hold data: skipped without a word.
HELPER_SHEETS = frozenset(
    header_key(n)
    for n in (
        "instructions",
        "instruction",
        "readme",
        "read me",
        "notes",
        "help",
        "about",
        "guide",
        "how to",
        "lists",
        "choices",
        "dropdowns",
        "validation",
        "lookups",
    )
)
TABLE_LIST = ", ".join(TABLES)
DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class Grid:
    """One sheet's cells (``None`` where empty) and the row number of each grid row."""

    name: str
    cells: np.ndarray
    row_numbers: np.ndarray
    row_filled: np.ndarray  # True where a row has at least one cell
    is_file: bool = False  # a CSV file (named by its stem) rather than a workbook sheet


def read_tables(
    uploads: Sequence[Upload], limits: Limits = DEFAULT_LIMITS
) -> tuple[list[RawTable], list[Problem]]:
    """:func:`read_sources` without the notes (and without saved profiles)."""
    result = read_sources(uploads, limits)
    return result.tables, result.problems


def read_sources(
    uploads: Sequence[Upload], limits: Limits = DEFAULT_LIMITS, profiles: Sequence[Preset] = ()
) -> ReadResult:
    """Read every upload into raw tables; collect every problem instead of raising.

    Each sheet is offered to the source presets first (``profiles``, then the registry): a
    confident match is read by its preset (:mod:`scorecard.sources`), and the file's other
    sheets are skipped unless they are template sheets. Anything else takes the template path.
    Several preset tables of one contract table are kept (validation concatenates them); two
    template sheets of one table are an error.

    Errors: a guard failed (see :mod:`scorecard.ingest.guard`), the file could not be parsed,
    an empty workbook, two sheets for one table, too many rows, a missing people or activity
    table. Warnings: hidden sheets and sheets that match no table (both ignored).
    """
    from scorecard.sources.registry import PRESETS

    presets = (*profiles, *PRESETS)
    tables: list[RawTable] = []
    problems: list[Problem] = []
    notes: list[SourceNote] = []
    found: list[str] = []
    for upload in uploads:
        grids, file_problems = read_grids(upload, limits)
        problems += file_problems
        found += [g.name for g in grids]
        for made, more, note in read_upload_grids(upload.name, grids, presets):
            problems += more
            notes.append(note)
            for raw in made:
                earlier = (
                    None
                    if raw.origin
                    else next((t for t in tables if t.table == raw.table and not t.origin), None)
                )
                if earlier is not None:
                    problems.append(duplicate(raw, earlier))
                else:
                    tables.append(raw)
    if not any(p.is_error for p in problems):
        problems += missing_tables(tables, found)
    return ReadResult(tables, problems, notes)


def read_grids(upload: Upload, limits: Limits) -> tuple[list[Grid], list[Problem]]:
    """The non-empty sheets of one upload, after its guards; never raises."""
    kind, problems = check_upload(upload, limits)
    if kind is None:
        return [], problems
    try:
        if kind == "text":
            grids, problems = read_text(upload, limits)
        else:
            grids, problems = read_workbook(upload, limits)
    except calamine.PasswordError:
        return [], [password_protected(upload)]
    except (KeyboardInterrupt, SystemExit, GeneratorExit, MemoryError):  # MemoryError: worker
        raise
    except BaseException as exc:  # noqa: BLE001 - calamine panics surface as BaseException
        return [], [unreadable(upload, exc)]
    if not grids and not any(p.is_error for p in problems):
        problems.append(
            file_problem(
                upload,
                "empty_workbook",
                f"The file '{upload.name}' contains no data.",
                "Fill in its sheets (the template shows the layout) and upload it again.",
            )
        )
    return grids, problems


def read_workbook(upload: Upload, limits: Limits) -> tuple[list[Grid], list[Problem]]:
    """Every visible, non-empty worksheet of a workbook, read through calamine."""
    grids: list[Grid] = []
    problems: list[Problem] = []
    with calamine.CalamineWorkbook.from_filelike(io.BytesIO(upload.data)) as book:
        for meta in book.sheets_metadata:
            if meta.typ != calamine.SheetTypeEnum.WorkSheet:
                continue
            if meta.visible != calamine.SheetVisibleEnum.Visible:
                if header_key(meta.name) not in HELPER_SHEETS:
                    problems.append(
                        Problem(
                            "warning",
                            "hidden_sheet",
                            f"The hidden sheet '{meta.name}' was ignored.",
                            "If it holds data for the app, unhide it in Excel (right-click a sheet "
                            "tab › Unhide) and upload the file again.",
                            sheet=meta.name,
                        )
                    )
                continue
            sheet = book.get_sheet_by_name(meta.name)
            if sheet.end is None:
                continue
            if sheet.height - 1 > limits.max_rows:
                problems.append(too_many_rows(meta.name, sheet.height - 1, limits))
                continue
            grid = sheet_grid(meta.name, sheet)
            del sheet  # frees calamine's copy of the cells before the next sheet
            if grid is not None:
                grids.append(grid)
    return grids, problems


def sheet_grid(name: str, sheet: calamine.CalamineSheet) -> Grid | None:
    """A calamine sheet as a Grid; ``None`` when every cell is empty.

    The last row calamine yields is always ``sheet.end``'s row, so counting back from it gives
    true Excel row numbers whether or not leading blank rows are yielded.
    """
    end_row = sheet.end[0] + 1  # type: ignore[index]
    cells, filled = fill_grid(sheet.iter_rows(), capacity=end_row)
    row_numbers = np.arange(end_row - len(cells) + 1, end_row + 1, dtype=np.int64)
    return grid_or_none(name, cells, row_numbers, filled)


def fill_grid(rows: Iterator[list[object]], capacity: int) -> tuple[np.ndarray, np.ndarray]:
    """Rows into one preallocated 2-D object array, chunk by chunk ("" becomes None).

    Returns the cells and, per row, whether it holds any cell. Memory: 8 bytes per cell plus
    one chunk of row lists; the array only grows (by copying) if ``capacity`` was too small.
    """
    first = next(rows, None)
    if first is None:
        return np.empty((0, 0), dtype=object), np.zeros(0, dtype=bool)
    cells = np.empty((capacity, len(first)), dtype=object)
    filled = np.zeros(capacity, dtype=bool)
    count = 0
    rows = _chain_first(first, rows)
    while chunk := list(islice(rows, CHUNK_ROWS)):
        block = np.array(chunk, dtype=object).reshape(len(chunk), -1)
        empty = block == ""
        block[empty] = None
        end = count + len(block)
        if end > len(cells):
            cells = np.concatenate([cells, np.empty((end - len(cells), cells.shape[1]), object)])
            filled = np.concatenate([filled, np.zeros(end - len(filled), dtype=bool)])
        cells[count:end] = block
        filled[count:end] = ~empty.all(axis=1)
        count = end
    return cells[:count], filled[:count]


def _chain_first(first: list[object], rest: Iterator[list[object]]) -> Iterator[list[object]]:
    yield first
    yield from rest


def grid_or_none(
    name: str, cells: np.ndarray, row_numbers: np.ndarray, filled: np.ndarray, is_file: bool = False
) -> Grid | None:
    if not filled.any():
        return None
    return Grid(name, cells, row_numbers, filled, is_file)


def read_text(upload: Upload, limits: Limits) -> tuple[list[Grid], list[Problem]]:
    """A CSV/TSV/TXT file as one Grid of text cells; line numbers of each record's first line."""
    text = decode(upload.data)
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    delimiter = sniff_delimiter(text[:SNIFF_CHARS])
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    if len(records) - 1 > limits.max_rows:
        return [], [too_many_rows(upload.name, len(records) - 1, limits)]
    starts = record_start_lines(text, delimiter, len(records))
    width = max(map(len, records), default=0)
    if width == 0:
        return [], []
    if any(len(r) != width for r in records):
        records = [r + [""] * (width - len(r)) for r in records]
    cells, filled = fill_grid(iter(records), capacity=len(records))
    del records
    grid = grid_or_none(upload.name, cells, starts, filled, is_file=True)
    return ([grid] if grid is not None else []), []


def decode(data: bytes) -> str:
    """UTF-8 (BOM or not), UTF-16 with a BOM, else Windows-1252, else Latin-1 (never fails)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def sniff_delimiter(sample: str) -> str:
    """The delimiter among , ; TAB that splits the most records into one consistent width.

    Score: how many records share the most common width above 1 (a title row above the header
    has width 1 and does not count), then that width. Ties keep the earlier candidate, comma.
    """
    if len(sample) == SNIFF_CHARS and "\n" in sample:
        sample = sample[: sample.rindex("\n")]
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        try:
            widths = Counter(
                len(r)
                for r in csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
                if len(r) > 1
            )
        except csv.Error:
            continue
        if widths:
            width, count = widths.most_common(1)[0]
            if (count, width) > best_score:
                best, best_score = delimiter, (count, width)
    return best


def record_start_lines(text: str, delimiter: str, n_records: int) -> np.ndarray:
    """The line each record starts on; a quoted field may span lines (re-read only then)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    lines = sum(1 for _ in io.StringIO(text, newline=""))
    if lines == n_records:
        return np.arange(1, n_records + 1, dtype=np.int64)
    starts = np.empty(n_records, dtype=np.int64)
    previous = 0
    for i, _ in enumerate(reader):
        starts[i] = previous + 1
        previous = reader.line_num
    return starts


def to_raw_table(grid: Grid) -> tuple[RawTable | None, list[Problem]]:
    """Name the grid's table, find its header row and cut its columns."""
    stem = PurePath(grid.name).stem if grid.is_file else grid.name
    if header_key(stem) in HELPER_SHEETS:
        return None, []
    candidates = np.flatnonzero(grid.row_filled)
    head = candidates[:HEADER_SEARCH_ROWS]
    table = table_for_sheet(stem)
    if table is not None:
        header_at = best_header_row(grid.cells, head, table)[0]
    else:
        table, header_at = table_by_header(grid.cells, head)
        if table is None:
            return None, [unknown_sheet(grid.name, grid.is_file)]
    data_at = candidates[candidates > header_at]
    header = grid.cells[header_at]
    body = grid.cells[header_at + 1 :]
    if len(data_at) != len(body):
        body = grid.cells[data_at]
    keep = [
        j for j in range(grid.cells.shape[1]) if header[j] is not None or (body[:, j] != None).any()
    ]
    headers = tuple("" if header[j] is None else str(header[j]).strip() for j in keep)
    columns = tuple(pd.Series(body[:, j], dtype=object, copy=False) for j in keep)
    return RawTable(table.name, grid.name, headers, columns, grid.row_numbers[data_at]), []


def best_header_row(cells: np.ndarray, rows: Iterable[int], table: Table) -> tuple[int, int]:
    """(row index, number of the table's columns it names): the first row with the most."""
    keys = {key: column.name for column in table.columns for key in column.keys}
    best_at, best_score = -1, -1
    for i in rows:
        named = {keys.get(header_key(c)) for c in cells[i] if isinstance(c, str)} - {None}
        if len(named) > best_score:
            best_at, best_score = int(i), len(named)
    return best_at, best_score


def table_by_header(cells: np.ndarray, rows: np.ndarray) -> tuple[Table | None, int]:
    """The table whose required columns a header row names in full (most columns wins)."""
    best: tuple[Table | None, int, int] = (None, -1, -1)
    for table in TABLES.values():
        required = {c.name for c in table.required_columns}
        keys = {key: column.name for column in table.columns for key in column.keys}
        for i in rows:
            named = {keys.get(header_key(c)) for c in cells[i] if isinstance(c, str)}
            if required <= named and len(named - {None}) > best[2]:
                best = (table, int(i), len(named - {None}))
    return best[0], best[1]


def unknown_sheet(name: str, is_text: bool) -> Problem:
    what = f"The file '{name}'" if is_text else f"The sheet '{name}'"
    rename = (
        "rename the file to one of " + ", ".join(f"{t}.csv" for t in TABLES)
        if is_text
        else f"rename the sheet to one of {TABLE_LIST}"
    )
    return Problem(
        "warning",
        "unknown_sheet",
        f"{what} was ignored: neither its name nor its header row matches a table of the app.",
        f"If it holds data for the app, {rename} (or use the template's column headers); "
        "otherwise you can leave it.",
        sheet=name,
    )


def duplicate(raw: RawTable, earlier: RawTable) -> Problem:
    return Problem(
        "error",
        "duplicate_table",
        f"Both '{earlier.sheet}' and '{raw.sheet}' hold the {raw.table} table; only "
        f"'{earlier.sheet}' was read.",
        "Keep one of them: move all the rows into one sheet (or file), then rename or delete "
        "the other.",
        table=raw.table,
        sheet=raw.sheet,
    )


def too_many_rows(name: str, rows: int, limits: Limits) -> Problem:
    return Problem(
        "error",
        "too_many_rows",
        f"'{name}' has {rows:,} rows, more than the {limits.max_rows:,} the app reads.",
        "Split the data across several uploads (for example by quarter), or ask your "
        "administrator to raise the limit.",
        sheet=name,
    )


def missing_tables(tables: list[RawTable], found: list[str]) -> list[Problem]:
    """An error for each required table (people, activity) that no sheet provided."""
    present = {t.table for t in tables}
    names = ", ".join(f"'{n}'" for n in found) if found else "none"
    return [
        Problem(
            "error",
            "missing_table",
            f"No {table.name} table was found. Sheets and files read: {names}.",
            f"Add a sheet (or a CSV file) named '{table.name}' with the template's columns, or "
            "rename the sheet that holds it.",
            table=table.name,
        )
        for table in TABLES.values()
        if table.required and table.name not in present
    ]
