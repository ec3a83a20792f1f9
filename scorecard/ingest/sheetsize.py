"""How far each sheet of a workbook reaches, found before any parser builds it.

A reader builds a sheet as a dense grid from A1 to its farthest cell, so the farthest row and
column, not the number of cells written, decide its cost: one cell at XFD1048576 costs 17
billion. Here that corner is found cheaply, for the guards (:mod:`scorecard.ingest.guard`):

* xlsx: the ``<dimension ref=...>`` and every cell and row reference in the first and last
  bytes of the sheet's XML (rows come in order, so the tail holds the last ones);
* ods: one streamed pass over ``content.xml`` adding up ``number-columns-repeated`` and
  ``number-rows-repeated`` the way calamine expands them (trailing empty cells and rows are
  not expanded), in constant memory however large the repeats.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from posixpath import dirname, join, normpath

EXCEL_MAX_ROWS = 1_048_576
EXCEL_MAX_COLUMNS = 16_384
#: Bytes read at each end of a worksheet part for its dimension and cell references.
EDGE_BYTES = 64 * 1024
#: Workbook parts naming the sheets are small; never read more of them than this.
NAMES_MAX_BYTES = 4 * 1024 * 1024

_REF = re.compile(r"\$?([A-Za-z]{1,4})\$?([0-9]{1,8})")
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\b[^>]*?\bref="([^"]{1,64})"')
_CELL = re.compile(rb'<(?:\w+:)?c\b[^>]*?\br="\$?([A-Z]{1,4})\$?([0-9]{1,8})"')
_ROW = re.compile(rb'<(?:\w+:)?row\b[^>]*?\br="([0-9]{1,8})"')
_SHEET = re.compile(rb"<(?:\w+:)?sheet\b([^>]*)>")
_RELATIONSHIP = re.compile(rb"<(?:\w+:)?Relationship\b([^>]*)>")
#: Groups: a cell opens, a row opens, a table opens, their attributes, a row closes.
_ODS_TAG = re.compile(
    rb"<table:(?:(table-cell|covered-table-cell)|(table-row)|(table))(?=[\s/>])"
    rb"((?:[^>\"']++|\"[^\"]*+\"|'[^']*+')*+)>|</table:(table-row)>"
)
_CARRY_MAX = 64 * 1024
_COLUMNS_REPEATED = re.compile(
    rb"table:number-columns-repeated\s*=\s*[\"']\s*([0-9]{1,20})\s*[\"']"
)
_ROWS_REPEATED = re.compile(rb"table:number-rows-repeated\s*=\s*[\"']\s*([0-9]{1,20})\s*[\"']")
_TABLE_NAME = re.compile(rb"table:name\s*=\s*(\"[^\"]*\"|'[^']*')")


@dataclass(frozen=True)
class Extent:
    """A sheet's farthest row and column (1-based; 0 when the sheet is empty)."""

    rows: int = 0
    columns: int = 0

    @property
    def cells(self) -> int:
        """Cells of the grid from A1 to the far corner: rows × columns."""
        return self.rows * self.columns

    @property
    def corner(self) -> str:
        """The far corner as Excel names it, e.g. "XFD1048576"."""
        return f"{column_name(self.columns)}{self.rows}" if self.cells else "A1"

    def union(self, other: Extent) -> Extent:
        return Extent(max(self.rows, other.rows), max(self.columns, other.columns))


def column_number(letters: str) -> int:
    """ "A" → 1, "Z" → 26, "AA" → 27, "XFD" → 16384."""
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


def column_name(number: int) -> str:
    """1 → "A", 16384 → "XFD" (the inverse of :func:`column_number`)."""
    name = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        name = chr(65 + rest) + name
    return name


def xlsx_extent(head: bytes, tail: bytes) -> Extent:
    """The far corner named by a worksheet's dimension and the cell/row references at its ends."""
    extent = Extent()
    dimension = _DIMENSION.search(head)
    if dimension:
        for letters, digits in _REF.findall(dimension.group(1).decode("ascii", "replace")):
            extent = extent.union(Extent(int(digits), column_number(letters)))
    for edge in (head, tail):
        for letters, digits in _CELL.findall(edge):
            extent = extent.union(Extent(int(digits), column_number(letters.decode())))
        for digits in _ROW.findall(edge):
            extent = extent.union(Extent(int(digits), 0))
    return extent


def _attribute(attributes: bytes, name: bytes) -> bytes | None:
    found = re.search(rb"(?:^|\s)" + re.escape(name) + rb"\s*=\s*(\"[^\"]*\"|'[^']*')", attributes)
    return found.group(1)[1:-1] if found else None


def worksheet_names(archive: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet part → the sheet's name in Excel (from workbook.xml and its relationships).

    Parts the workbook does not name are missing; a damaged workbook part gives ``{}``.
    """
    try:
        book = _read_small(archive, "xl/workbook.xml")
        rels = _read_small(archive, "xl/_rels/workbook.xml.rels")
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, EOFError):
        return {}
    targets = {}
    for attributes in _RELATIONSHIP.findall(rels):
        rid, target = _attribute(attributes, b"Id"), _attribute(attributes, b"Target")
        if rid and target:
            path = target.decode("utf-8", "replace")
            targets[rid] = (
                path.lstrip("/")
                if path.startswith("/")
                else normpath(join(dirname("xl/workbook.xml"), path))
            )
    names = {}
    for attributes in _SHEET.findall(book):
        name, rid = _attribute(attributes, b"name"), _attribute(attributes, b"r:id")
        if name is not None and rid in targets:
            names[targets[rid]] = name.decode("utf-8", "replace")
    return names


def _read_small(archive: zipfile.ZipFile, part: str) -> bytes:
    with archive.open(part) as handle:
        return handle.read(NAMES_MAX_BYTES)


@dataclass
class OdsExtents:
    """Fed ``content.xml`` chunk by chunk; ``extents`` maps each table to its far corner.

    Mirrors calamine's expansion: a row's width ends at its last non-empty cell (trailing
    empty cells are not expanded); a row with content counts ``number-rows-repeated`` times;
    empty rows count only when a row with content follows them. A cell is empty when it is
    self-closing and has neither a value type nor a formula.
    """

    extents: dict[str, Extent] = field(default_factory=dict)
    _carry: bytes = b""
    _table: str = ""
    _rows_before: int = 0  # rows passed in the current table, repeats included
    _row_repeat: int = 1
    _column: int = 0  # columns passed in the current row, repeats included
    _row_width: int = 0  # the column after the row's last non-empty cell

    def feed(self, chunk: bytes) -> None:
        buffer = self._carry + chunk
        end = 0
        # One pass with the state in locals: this loop meets every cell of the file.
        table, rows_before, row_repeat = self._table, self._rows_before, self._row_repeat
        column, row_width, extents = self._column, self._row_width, self.extents
        for match in _ODS_TAG.finditer(buffer):
            cell, row, new_table, attributes, row_end = match.groups()
            end = match.end()
            if cell:
                column += _repeats(attributes, _COLUMNS_REPEATED)
                if (
                    not attributes.endswith(b"/")
                    or b"office:value-type" in attributes
                    or (b"table:formula" in attributes)
                ):
                    row_width = column
                continue
            if row:
                row_repeat = _repeats(attributes, _ROWS_REPEATED)
                column = row_width = 0
                if not attributes.endswith(b"/"):
                    continue
            if row or row_end:  # the row ended: count it
                if row_width:
                    reached = Extent(rows_before + row_repeat, row_width)
                    extents[table] = extents.get(table, Extent()).union(reached)
                rows_before += row_repeat
                row_repeat = 1
            elif new_table:
                name = _TABLE_NAME.search(attributes)
                table = name.group(1)[1:-1].decode("utf-8", "replace") if name else ""
                rows_before = 0
                extents.setdefault(table, Extent())
        self._table, self._rows_before, self._row_repeat = table, rows_before, row_repeat
        self._column, self._row_width = column, row_width
        last_open = buffer.rfind(b"<")
        self._carry = buffer[last_open:] if last_open >= end else b""
        if len(self._carry) > _CARRY_MAX:  # a tag this long is not one calamine reads either
            self._carry = b""


def _repeats(attributes: bytes, pattern: re.Pattern[bytes]) -> int:
    """A repeat attribute's number (1 when absent or not a positive whole number)."""
    if b"-repeated" not in attributes:
        return 1
    found = pattern.search(attributes)
    return max(1, int(found.group(1))) if found else 1
