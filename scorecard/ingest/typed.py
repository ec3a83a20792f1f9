"""One raw table, headers mapped and every cell typed: the input of the cross-table checks."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from scorecard.assumptions import out_of_bounds, setting_for
from scorecard.dataset import DATE_DTYPE, column_dtype
from scorecard.ingest.cells import (
    OUT_OF_RANGE_FIX,
    Where,
    allowed_range,
    check_blanks,
    check_long_cells,
    quantity,
    type_choice,
    type_number,
    type_text,
)
from scorecard.ingest.columns import map_headers
from scorecard.ingest.dates import EARLIEST, LATEST, parse_dates
from scorecard.ingest.kinds import CellKinds, classify
from scorecard.ingest.problemlog import ProblemLog
from scorecard.ingest.raw import RawTable
from scorecard.schema import Table


@dataclass(frozen=True)
class TypedTable:
    """Typed columns of one table (only those the sheet has), keyed by schema name.

    ``headers[name]`` is the header as the user wrote it; ``rows`` the Excel row numbers.
    ``complete`` is False when a required column is missing. ``origin`` is the source preset's
    id ("" for a template sheet). ``parts`` are the tables of each file when several were
    concatenated (:mod:`.combine`), so a row's message names ITS file, column and row.
    """

    table: Table
    sheet: str
    columns: dict[str, pd.Series]
    headers: dict[str, str]
    rows: np.ndarray
    complete: bool
    origin: str = ""
    parts: tuple[TypedTable, ...] = ()

    def has(self, name: str) -> bool:
        return name in self.columns

    def where(self, name: str) -> Where:
        return Where(self.table.name, self.sheet, self.headers[name], self.rows)

    def frame(self) -> pd.DataFrame:
        """Exactly the schema's columns in their trusted dtypes; absent columns take defaults."""
        n = len(self.rows)
        out = {}
        for col in self.table.columns:
            series = self.columns.get(col.name)
            if series is None:
                fill = col.default if col.default is not None else None
                series = pd.Series([fill] * n, dtype=object)
            out[col.name] = series.reset_index(drop=True).astype(column_dtype(col))
        return pd.DataFrame(out, index=pd.RangeIndex(n), copy=False)


def _type_dates(cells: pd.Series, kinds: CellKinds, where: Where, log: ProblemLog) -> pd.Series:
    parsed = parse_dates(cells, kinds)
    raw = cells.to_numpy(dtype=object)
    rows = where.rows
    common = {"table": where.table, "sheet": where.sheet, "column": where.header}
    for mask, code, message, fix in (
        (
            parsed.invalid,
            "date_invalid",
            f"Column '{where.header}' must be a date.",
            "Write it as year-month-day, like 2026-03-04, or format the cell as a date.",
        ),
        (
            parsed.out_of_range,
            "date_out_of_range",
            (
                f"Column '{where.header}' must be a date between {EARLIEST.date()} and "
                f"{LATEST.date()}."
            ),
            (
                "Check the year. A plain number here is read as an Excel date serial "
                "(46000 is 2025-12-09)."
            ),
        ),
        (
            parsed.order_conflict,
            "date_order_conflict",
            (
                f"Column '{where.header}' mixes day-first and month-first dates, so this one cannot "
                "be read safely."
            ),
            "Write every date of the column in one order, best as year-month-day (2026-03-25).",
        ),
    ):
        idx = np.flatnonzero(mask)
        log.cells(
            severity="error",
            code=code,
            rows=rows[idx],
            values=raw[idx],
            message=message,
            fix=fix,
            **common,
        )
    if parsed.ambiguous_example is not None:
        log.cells(
            severity="error",
            code="date_ambiguous",
            rows=np.array([-1]),
            values=[parsed.ambiguous_example],
            **common,
            message=(
                f"Dates in column '{where.header}' could be day-first or month-first "
                f"(like '{parsed.ambiguous_example}'), and no date in the column settles "
                "which."
            ),
            fix="Write the dates as year-month-day (2026-04-03), or with the month as a word "
            "(3 Apr 2026).",
        )
    return parsed.values.astype(DATE_DTYPE)


def check_setting_bounds(assumptions: TypedTable, log: ProblemLog) -> None:
    """Error for every number setting outside its bounds (:mod:`scorecard.assumptions`), e.g.
    ``bonus.pool`` = 1e308. A value that is no number at all is the cross-check's message."""
    if not (assumptions.has("key") and assumptions.has("value")):
        return
    keys, values = assumptions.columns["key"], assumptions.columns["value"]
    numbers = pd.to_numeric(values.where(values.notna(), None), errors="coerce").to_numpy(
        dtype=float, na_value=np.nan
    )
    settings = [setting_for(k) if isinstance(k, str) else None for k in keys]
    # Infinite or NaN values are already "not a number" (cross-check); only finite ones here.
    bad = [
        i
        for i, s in enumerate(settings)
        if s is not None and np.isfinite(numbers[i]) and out_of_bounds(s, float(numbers[i]))
    ]
    if not bad:
        return
    idx = np.array(bad)

    def message(i: int) -> str:
        setting = settings[idx[i]]
        span = allowed_range(*setting.bounds)  # type: ignore[union-attr,misc]
        return f"Setting '{keys.iloc[idx[i]]}' must be {span}; it is {quantity(numbers[idx[i]])}."

    log.cells(
        severity="error",
        code="setting_out_of_range",
        table=assumptions.table.name,
        sheet=assumptions.sheet,
        column=assumptions.headers["value"],
        rows=assumptions.rows[idx],
        values=values.iloc[idx].to_numpy(dtype=object),
        message=message,
        fix=OUT_OF_RANGE_FIX,
    )


def type_table(table: Table, raw: RawTable, log: ProblemLog, max_cell_chars: int) -> TypedTable:
    """Map headers and type every mapped column of ``raw``, logging each problem found."""
    mapping = map_headers(table, raw, log)
    rows = np.asarray(raw.row_numbers, dtype=np.int64)
    columns: dict[str, pd.Series] = {}
    headers: dict[str, str] = {}
    for col in table.columns:
        if col.name not in mapping.found:
            continue
        i = mapping.found[col.name]
        cells = raw.columns[i].reset_index(drop=True)
        where = Where(table.name, raw.sheet, raw.label(i), rows)
        headers[col.name] = raw.label(i)
        if col.type == "date":
            kinds = classify(cells)
            check_long_cells(kinds, where, log, max_cell_chars)
            check_blanks(col, kinds, where, log)
            columns[col.name] = _type_dates(cells, kinds, where, log)
            continue
        kinds = classify(cells)
        check_long_cells(kinds, where, log, max_cell_chars)
        if col.type in ("id", "text"):
            columns[col.name] = type_text(col, kinds, where, log)
        elif col.type == "choice":
            columns[col.name] = type_choice(col, kinds, where, log)
        else:
            columns[col.name] = type_number(col, kinds, where, log)
    # Ignored columns are not typed, but a hostile cell there is still reported.
    for i in sorted(set(range(len(raw.headers))) - set(mapping.found.values())):
        where = Where(table.name, raw.sheet, raw.label(i) or "(no header)", rows)
        check_long_cells(
            classify(raw.columns[i].reset_index(drop=True)), where, log, max_cell_chars
        )
    typed = TypedTable(
        table, raw.sheet, columns, headers, rows, not mapping.missing, origin=raw.origin
    )
    if table.name == "assumptions":  # a value's type and range depend on its row's key
        check_setting_bounds(typed, log)
    return typed
