"""A preset applied to one sheet: contract tables out, row numbers still the export's.

:func:`apply_preset` finds the header row (every fingerprint header present), skips label rows
under it, drops the rows the preset says are no data (:mod:`.rows`), then builds each contract
column from its :class:`~scorecard.sources.preset.FieldRule` (:mod:`.convert`), derived
templates, constants and the account. CRM presets aggregate instead (:mod:`.outcomes`). The
result is one :class:`~scorecard.ingest.raw.RawTable` per contract table, with ``headers`` the
contract names, ``labels`` the export's headers (for messages), ``row_numbers`` the rows the user
sees, ``sheet`` a label naming file and sheet ("posts.xlsx › All posts"), and ``origin`` the
preset id. Whole columns are converted at once, once per distinct value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from scorecard.ingest.raw import RawTable
from scorecard.problems import Problem
from scorecard.schema import TABLES, header_key
from scorecard.sources.convert import (
    Distinct,
    add_columns,
    blank_out,
    to_dates,
    to_numbers,
    to_text,
)
from scorecard.sources.outcomes import aggregate
from scorecard.sources.preset import FieldRule, Preset, expanded
from scorecard.sources.rows import drop_rows

if TYPE_CHECKING:
    from scorecard.ingest.readers import Grid

_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")


@dataclass(frozen=True)
class Applied:
    """What one preset made of one sheet: contract tables (usually one) and problems."""

    tables: tuple[RawTable, ...]
    problems: tuple[Problem, ...]
    sheet: str


def sheet_label(file_name: str, grid: Grid) -> str:
    """How messages name a sheet: the file for a CSV, "file › sheet" for a workbook."""
    return file_name if grid.is_file else f"{file_name} › {grid.name}"


def header_columns(row: np.ndarray) -> dict[str, int]:
    """header_key → index of its first column in a header row.

    A repeated header's later columns are also named "<header>.1", "<header>.2" (pandas' names
    for them): side-by-side tables such as LinkedIn's TOP POSTS repeat "Post URL".
    """
    out: dict[str, int] = {}
    repeats: dict[str, int] = {}
    for j, cell in enumerate(row):
        if cell is None:
            continue
        key = header_key(cell)
        if key in out:
            repeats[key] = repeats.get(key, 0) + 1
            out.setdefault(f"{key}{repeats[key]}", j)
        else:
            out[key] = j
    return out


def find_header(preset: Preset, grid: Grid) -> int | None:
    """Grid index of the first of the top filled rows naming every fingerprint header."""
    need = {header_key(h) for h in preset.fingerprint}
    for i in np.flatnonzero(grid.row_filled)[: preset.header_search_rows]:
        if need <= header_columns(grid.cells[i]).keys():
            return int(i)
    return None


def apply_preset(
    preset: Preset, grid: Grid, file_name: str, header_at: int | None = None
) -> Applied:
    """``grid`` (one sheet of ``file_name``) read the way ``preset`` says; never raises on cells.

    ``header_at`` is the header's grid index when detection found it already.
    """
    label = sheet_label(file_name, grid)
    if header_at is None:
        header_at = find_header(preset, grid)
    if header_at is None:
        return Applied((), (_no_header(preset, label),), label)
    columns = header_columns(grid.cells[header_at])
    filled = np.flatnonzero(grid.row_filled)
    data_at = filled[filled > header_at][preset.header_rows_below :]
    body = grid.cells[data_at]
    keep, problems = drop_rows(preset, body, columns, label)
    body, rows = body[keep], grid.row_numbers[data_at][keep]
    column = SheetColumns(body, columns, preset.blank_values)

    if preset.outcome_rules:
        table, more = aggregate(preset, column, rows, label)
        return Applied((table,) if table is not None else (), tuple(problems + more), label)
    out = _fields(preset, column, len(rows))
    out.update(_account(preset, column, file_name, len(rows), out))
    contract = TABLES.get(preset.table)
    if contract is not None and "source" in contract.column_names and "source" not in out:
        out["source"] = (np.full(len(rows), file_name, dtype=object), "(file name)")
    table = RawTable(
        preset.table,
        label,
        tuple(out),
        tuple(pd.Series(v, dtype=object) for v, _ in out.values()),
        np.asarray(rows, dtype=np.int64),
        labels=tuple(lab for _, lab in out.values()),
        origin=preset.id,
    )
    tables, problems = [table], list(problems)
    for expansion in preset.expansions:  # the same rows read again (posts AND shares)
        more = apply_preset(expanded(preset, expansion), grid, file_name, header_at)
        tables += more.tables
        problems += more.problems
    return Applied(tuple(tables), tuple(problems), label)


Columns = dict[str, tuple[np.ndarray, str]]


class SheetColumns:
    """The data rows' columns by export header, blanks already out; each column is hashed once
    (:class:`~scorecard.sources.convert.Distinct`) and materialised only when asked."""

    def __init__(self, body: np.ndarray, columns: dict[str, int], blanks: tuple[str, ...]):
        self._body, self._columns, self._blanks = body, columns, blanks
        self._distinct: dict[str, Distinct | None] = {}
        self._cells: dict[str, np.ndarray | None] = {}

    def distinct(self, header: str) -> Distinct | None:
        """The column hashed into its distinct cells, for conversions."""
        key = header_key(header)
        if key not in self._distinct:
            cells = self(header)
            self._distinct[key] = None if cells is None else Distinct.of(cells)
        return self._distinct[key]

    def __call__(self, header: str) -> np.ndarray | None:
        """The column's cells, or ``None`` when the sheet has no such header."""
        key = header_key(header)
        if key not in self._cells:
            j = self._columns.get(key)
            self._cells[key] = None if j is None else blank_out(self._body[:, j], self._blanks)
        return self._cells[key]


def _convert(preset: Preset, rule: FieldRule, column: SheetColumns, header: str) -> np.ndarray:
    """One export column as the contract column ``rule.field`` needs it."""
    contract = TABLES.get(preset.table)
    kind = (
        contract.column(rule.field).type
        if contract is not None and rule.field in contract.column_names
        else "text"
    )
    cells = column.distinct(header)
    if kind == "date":
        return to_dates(cells, preset.date_formats, preset.date_order).cells()
    if kind in ("number", "integer"):
        return to_numbers(cells, preset.number_locale, rule.unit).cells()
    return to_text(cells, rule.vocabulary, rule.default, rule.multi_value, rule.split).cells()


def _fields(preset: Preset, column: SheetColumns, n: int) -> Columns:
    out: Columns = {}
    for rule in preset.fields:
        present = [h for h in rule.headers if column(h) is not None]
        if not present or rule.field in out:
            continue
        used = present if rule.combine == "sum" else present[:1]
        parts = [_convert(preset, rule, column, h) for h in used]
        out[rule.field] = (add_columns(parts) if len(parts) > 1 else parts[0], " + ".join(used))
    for name, template in preset.derived.items():
        value = _derive(template, column, n)
        if value is not None:
            _fill(out, name, value, template)
    for name, constant in preset.constants.items():
        _fill(out, name, np.full(n, constant, dtype=object), f"(constant: {constant})")
    return out


def _fill(out: Columns, name: str, value: np.ndarray, label: str) -> None:
    """Set column ``name``, or fill only its blank cells when a rule already supplies it."""
    if name not in out:
        out[name] = (value, label)
        return
    current, current_label = out[name]
    blank = pd.isna(pd.Series(current, dtype=object)).to_numpy(dtype=bool)
    out[name] = (np.where(blank, value, current).astype(object), current_label)


def _derive(template: str, column: SheetColumns, n: int) -> np.ndarray | None:
    """``template`` with each ``{Header}`` replaced by that column's text (blank: "").

    Spaces are collapsed and trimmed; a result with no text is blank. ``None`` when no header
    of the template is present.
    """
    headers = _PLACEHOLDER.findall(template)
    if not any(column(h) is not None for h in headers):
        return None
    text = pd.Series([""] * n, dtype="str")
    pieces = _PLACEHOLDER.split(template)
    for i, piece in enumerate(pieces):
        if i % 2 == 0:
            text = text + piece
            continue
        cells = column(piece)
        part = pd.Series(cells, dtype=object).astype("str").fillna("") if cells is not None else ""
        text = text + part
    text = text.str.replace(r"\s+", " ", regex=True).str.strip()
    return text.where(text != "", None).to_numpy(dtype=object, na_value=None)


def _account(preset: Preset, column: SheetColumns, file_name: str, n: int, out: Columns) -> Columns:
    """``account`` (and ``person_id`` when nothing else supplies it) from the preset's rule."""
    rule = preset.account_from
    if rule is None:
        return {}
    if not rule.header:
        found = (
            re.search(preset.file_pattern, file_name, re.IGNORECASE)
            if preset.file_pattern
            else None
        )
        handle = found.groupdict().get("account") if found else None
        if handle is None:
            return {}
        value, label = np.full(n, handle, dtype=object), "(file name)"
    else:
        cells = column(rule.header)
        if cells is None:
            return {}
        text = pd.Series(cells, dtype=object).astype("str")
        if rule.pattern:
            extracted = text.str.extract(rule.pattern, flags=re.IGNORECASE, expand=True)
            text = extracted["account"] if "account" in extracted else extracted[0]
        value, label = text.to_numpy(dtype=object, na_value=None), rule.header
    result: Columns = {"account": (value, label)}
    if "person_id" not in out:
        result["person_id"] = (value, label)
    return result


def _no_header(preset: Preset, label: str) -> Problem:
    wanted = ", ".join(f"'{h}'" for h in preset.fingerprint)
    return Problem(
        "error",
        "preset_header_missing",
        f"'{label}' was to be read as {preset.label}, but no row among its first "
        f"{preset.header_search_rows} names all of {wanted}.",
        "Export the file again with its standard columns, or choose another source for it in "
        "the mapping step.",
        table=preset.table,
        sheet=label,
    )


def read_export(preset: Preset, name: str, data: bytes) -> Applied:
    """Apply ``preset`` to every sheet of one file it reads (its ``sheets``, else every sheet
    whose header it finds); tables and problems of all those sheets together."""
    from scorecard.ingest.raw import Limits, Upload
    from scorecard.ingest.readers import read_grids

    grids, problems = read_grids(Upload(name, data), Limits())
    wanted = {header_key(s) for s in preset.sheets}
    tables: list[RawTable] = []
    found: list[Problem] = list(problems)
    for grid in grids:
        if wanted and not grid.is_file and header_key(grid.name) not in wanted:
            continue
        at = find_header(preset, grid)
        if at is None and not (wanted or grid.is_file):
            continue
        applied = apply_preset(preset, grid, name, at)
        tables += applied.tables
        found += applied.problems
    return Applied(tuple(tables), tuple(found), name)
