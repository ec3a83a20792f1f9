"""Date cells as people really type them, parsed per column and never guessed.

Accepted, per cell:

- date or date-time cells (the time of day is dropped);
- Excel serial numbers in the 1900 system, as numbers or numeric text (46000 is 2025-12-09),
  1 to 2958465 only (9999-12-31), the fraction (time of day) dropped;
- year-first text: ``2026-03-04``, ``2026/3/4``, ``2026.03.04``, optionally followed by a time
  (``2026-03-04T10:15:00Z``, ``2026-03-04 10:15``); the time and its zone are dropped, so the
  date is the one written;
- day-first or month-first text with ``/``, ``-`` or ``.`` and a 2- or 4-digit year (``04/03/26``
  is 2026). The order is decided for the whole COLUMN: a first part above 12 anywhere means
  day-first, a second part above 12 means month-first. When both occur, the order with more rows
  wins and the other rows are conflicts (on a tie, all of them are). When neither occurs and some
  cell has different first and second parts (03/04/2026), the column is ambiguous: it is reported
  with an example and no such cell is read;
- text with a month name (``4 Mar 2026``, ``Mar 4, 2026``, ``March 4 2026 10:15``).

Every parsed date must fall between 2000-01-01 and 2099-12-31. Text is parsed once per distinct
value, so a million rows holding a few hundred distinct dates cost a few hundred parses.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from scorecard.ingest.kinds import CellKinds, classify

DATE_DTYPE = "datetime64[us]"
EARLIEST = pd.Timestamp("2000-01-01")
LATEST = pd.Timestamp("2099-12-31")
SERIAL_MIN, SERIAL_MAX = 1, 2_958_465
#: Day 0 of Excel's 1900 system, shifted by its phantom 1900-02-29 (irrelevant after 2000).
EXCEL_EPOCH = np.datetime64("1899-12-30", "D")

DateOrder = Literal["day-first", "month-first"]

_TIME_SUFFIX = (
    r"(?:[T ]\s*\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:[AaPp]\.?[Mm]\.?)?"
    r"\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT)?)$"
)
_YEAR_FIRST = r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"
_DAY_OR_MONTH_FIRST = r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})"
_SERIAL = r"\d+(?:\.\d+)?"
_MONTH_NAME = (
    r"(?i)(?:^|[^a-z])(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
    r"(?:$|[^a-z])"
)


@dataclass(frozen=True)
class ParsedDates:
    """The dates of one column and which cells failed, as masks over its rows.

    ``values`` is ``datetime64[us]`` at midnight, NaT wherever a mask below is set (or the cell is
    blank). ``ambiguous_example`` is set (to a cell as written) when the column's day/month order
    cannot be decided; the cells it stands for are NaT but in no row mask, since the fix is one
    decision for the whole column.
    """

    values: pd.Series
    blank: np.ndarray
    invalid: np.ndarray
    out_of_range: np.ndarray
    order_conflict: np.ndarray
    order: DateOrder | None
    ambiguous_example: str | None


def excel_serial_dates(serials: np.ndarray) -> np.ndarray:
    """Excel 1900-system serials to ``datetime64[us]`` days (fraction dropped).

    Serials outside 1..2958465 (and NaN) give NaT. 46000 → 2025-12-09; 45658 → 2025-01-01.
    """
    serials = np.asarray(serials, dtype=float)
    ok = (serials >= SERIAL_MIN) & (serials < SERIAL_MAX + 1)
    days = np.where(ok, np.floor(np.where(ok, serials, 0)), 0).astype(np.int64)
    out = (EXCEL_EPOCH + days.astype("timedelta64[D]")).astype(DATE_DTYPE)
    out[~ok] = np.datetime64("NaT")
    return out


def _from_parts(year: np.ndarray, month: np.ndarray, day: np.ndarray) -> np.ndarray:
    """Calendar parts to ``datetime64[us]``; impossible dates (31/02, month 13) give NaT."""
    year, month, day = (np.asarray(a, dtype=np.int64) for a in (year, month, day))
    sane = (month >= 1) & (month <= 12) & (day >= 1) & (year >= 1) & (year <= 9999)
    first_of_month = (np.where(sane, year, 2000) - 1970) * 12 + np.where(sane, month, 1) - 1
    start = first_of_month.astype("datetime64[M]").astype("datetime64[D]")
    next_start = (first_of_month + 1).astype("datetime64[M]").astype("datetime64[D]")
    dates = start + (np.where(sane, day, 1) - 1).astype("timedelta64[D]")
    sane &= dates < next_start
    return np.where(sane, dates, np.datetime64("NaT")).astype(DATE_DTYPE)


def _decide_order(
    first: np.ndarray, second: np.ndarray, weight: np.ndarray
) -> tuple[DateOrder | None, np.ndarray, np.ndarray]:
    """The column's order, the values that contradict it, and the values left undecided.

    ``weight`` is how many rows hold each distinct value, so "more rows" counts rows.
    """
    day_evidence = (first > 12) & (second <= 12)
    month_evidence = (second > 12) & (first <= 12)
    n_day, n_month = weight[day_evidence].sum(), weight[month_evidence].sum()
    none = np.zeros(len(first), dtype=bool)
    if n_day and n_month:
        if n_day == n_month:
            order, conflict = None, day_evidence | month_evidence
        elif n_day > n_month:
            order, conflict = "day-first", month_evidence
        else:
            order, conflict = "month-first", day_evidence
    elif n_day:
        order, conflict = "day-first", none
    elif n_month:
        order, conflict = "month-first", none
    else:
        order, conflict = None, none
    undecided = (order is None) & (first != second) & ~conflict & (first <= 12) & (second <= 12)
    return order, conflict, np.asarray(undecided, dtype=bool)


def _parse_text(
    distinct: pd.Series, weight: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, DateOrder | None, str | None]:
    """Parse distinct text values.

    Returns the dates, then masks of the values that are no date, that contradict the column's
    day/month order and that the order leaves undecided, then the order and an undecided example.
    """
    n = len(distinct)
    values = np.full(n, np.datetime64("NaT"), dtype=DATE_DTYPE)
    date_part = distinct.str.replace(_TIME_SUFFIX, "", regex=True).str.strip()
    parsed = np.zeros(n, dtype=bool)

    year_first = date_part.str.fullmatch(_YEAR_FIRST).to_numpy(dtype=bool)
    if year_first.any():
        ymd = date_part[year_first].str.extract(_YEAR_FIRST).astype(int).to_numpy()
        values[year_first] = _from_parts(ymd[:, 0], ymd[:, 1], ymd[:, 2])
        parsed |= year_first

    dmy = date_part.str.fullmatch(_DAY_OR_MONTH_FIRST).to_numpy(dtype=bool) & ~parsed
    conflict = np.zeros(n, dtype=bool)
    undecided = np.zeros(n, dtype=bool)
    order: DateOrder | None = None
    example: str | None = None
    if dmy.any():
        parts = date_part[dmy].str.extract(_DAY_OR_MONTH_FIRST).astype(int).to_numpy()
        first, second, year = parts[:, 0], parts[:, 1], parts[:, 2]
        year = np.where(year < 100, year + 2000, year)
        order, sub_conflict, sub_undecided = _decide_order(first, second, weight[dmy])
        day, month = (second, first) if order == "month-first" else (first, second)
        sub_values = _from_parts(year, month, day)
        sub_values[sub_conflict | sub_undecided] = np.datetime64("NaT")
        values[dmy] = sub_values
        conflict[np.flatnonzero(dmy)[sub_conflict]] = True
        undecided[np.flatnonzero(dmy)[sub_undecided]] = True
        if sub_undecided.any():
            example = str(distinct[dmy].iloc[int(np.argmax(sub_undecided))])
        parsed |= dmy

    serial = distinct.str.fullmatch(_SERIAL).to_numpy(dtype=bool) & ~parsed
    if serial.any():
        values[serial] = excel_serial_dates(distinct[serial].astype(float).to_numpy())
        parsed |= serial

    named = distinct.str.contains(_MONTH_NAME, regex=True).to_numpy(dtype=bool) & ~parsed
    if named.any():
        words = pd.to_datetime(distinct[named], format="mixed", errors="coerce", utc=True)
        values[named] = words.dt.tz_localize(None).dt.normalize().to_numpy().astype(DATE_DTYPE)

    invalid = np.isnat(values) & ~conflict & ~undecided
    return values, invalid, conflict, undecided, order, example


def _temporal_cells(cells: np.ndarray) -> np.ndarray:
    """Date and date-time cells to ``datetime64[us]`` midnights (zones dropped, date kept)."""
    try:
        stamps = pd.to_datetime(pd.Series(cells, dtype=object), errors="coerce")
    except (TypeError, ValueError):
        # Mixed time zones: keep each cell's own calendar date.
        stamps = pd.to_datetime(
            pd.Series(
                [
                    pd.Timestamp(c).tz_localize(None) if pd.Timestamp(c).tzinfo else pd.Timestamp(c)
                    for c in cells
                ],
                dtype=object,
            ),
            errors="coerce",
        )
    if getattr(stamps.dt, "tz", None) is not None:
        stamps = stamps.dt.tz_localize(None)
    return stamps.dt.normalize().to_numpy().astype(DATE_DTYPE)


def parse_dates(cells: pd.Series, kinds: CellKinds | None = None) -> ParsedDates:
    """Parse one column of raw date cells; see the module docstring for what is accepted.

    ``kinds`` is ``classify(cells)`` when the caller has it already. Blank cells give NaT and
    are only flagged in ``blank``. Never raises on cell contents.
    """
    kinds = classify(cells) if kinds is None else kinds
    n = len(kinds)
    values = np.full(n, np.datetime64("NaT"), dtype=DATE_DTYPE)
    invalid = kinds.is_other.copy()
    conflict = np.zeros(n, dtype=bool)
    order: DateOrder | None = None
    example: str | None = None

    if kinds.is_temporal.any():
        values[kinds.is_temporal] = _temporal_cells(kinds.cells[kinds.is_temporal])
    if kinds.is_number.any():
        numbers = kinds.numbers[kinds.is_number]
        values[kinds.is_number] = excel_serial_dates(numbers)
    if kinds.is_text.any():
        codes, distinct = pd.factorize(kinds.text[kinds.is_text])
        weight = np.bincount(codes, minlength=len(distinct))
        d_values, d_invalid, d_conflict, _, order, example = _parse_text(
            pd.Series(distinct, dtype="str"), weight
        )
        rows = np.flatnonzero(kinds.is_text)
        values[rows] = d_values[codes]
        invalid[rows] = d_invalid[codes]
        conflict[rows] = d_conflict[codes]
    # A date cell or serial that would not convert is no date either.
    invalid |= np.isnat(values) & (kinds.is_number | kinds.is_temporal)

    in_range = (values >= EARLIEST.to_datetime64()) & (values <= LATEST.to_datetime64())
    out_of_range = ~np.isnat(values) & ~in_range
    values[out_of_range | invalid | conflict] = np.datetime64("NaT")
    return ParsedDates(
        pd.Series(values, dtype=DATE_DTYPE),
        kinds.blank,
        invalid,
        out_of_range,
        conflict,
        order,
        example,
    )
