"""Cell conversions a preset asks for, done once per distinct value of a whole column.

Every function takes a column of raw cells (an ``object`` array: ``str``, numbers, dates or
``None``) and returns a new ``object`` array; the input is never changed. A cell that cannot be
converted is returned AS WRITTEN, so the validator reports it against the export's row and
column with its usual message; blanks (and the preset's blank values) become ``None``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TypeVar

import numpy as np
import pandas as pd
from pandas.api.types import infer_dtype

from scorecard.schema import header_key
from scorecard.sources.preset import UNITS

_TIME_TAIL = r"(?:[T ]\s*\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:[AaPp]\.?[Mm]\.?)?)?"
_ZONE_TAIL = r"\s*(?:Z|UTC|GMT|[+-]\d{2}:?\d{2})$"
_NUMERIC_DATE = r"(\d{1,2})([-/.])(\d{1,2})[-/.](\d{4}|\d{2})" + _TIME_TAIL + r"\s*"
#: Locale → (thousands separators removed, decimal mark).
_LOCALES: dict[str, tuple[str, str]] = {
    "en": (r"[,\s\u00a0\u202f']", "."),
    "de": (r"[.\s\u00a0\u202f']", ","),
    "fr": (r"[\s\u00a0\u202f.]", ","),
}
_PLAIN_NUMBER = r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?"


@dataclass(frozen=True)
class Distinct:
    """A column as its distinct cells (``values``) and, per row, which one (``codes``; -1 for an
    empty cell). Conversions run on ``values`` only: a column is hashed once, however many
    conversions follow."""

    codes: np.ndarray
    values: np.ndarray

    @classmethod
    def of(cls, cells: np.ndarray) -> Distinct:
        codes, uniques = pd.factorize(pd.Series(cells, dtype=object, copy=False), sort=False)
        return cls(codes, np.asarray(uniques, dtype=object))

    def map(self, convert: Callable[[np.ndarray], np.ndarray]) -> Distinct:
        return Distinct(self.codes, np.asarray(convert(self.values), dtype=object))

    def cells(self) -> np.ndarray:
        """One cell per row again (``None`` where empty)."""
        values = np.append(self.values, None).astype(object)
        return values[np.where(self.codes < 0, len(self.values), self.codes)]


Cells = TypeVar("Cells", np.ndarray, Distinct)


def per_distinct(cells: Cells, convert: Callable[[np.ndarray], np.ndarray]) -> Cells:
    """Apply ``convert`` (object array → object array, same length) to the distinct non-null
    cells only; a :class:`Distinct` stays one, an array of cells comes back as cells."""
    if isinstance(cells, Distinct):
        return cells.map(convert)
    return Distinct.of(cells).map(convert).cells()


def blank_spellings(blank_values: tuple[str, ...]) -> frozenset[str]:
    """Every spelling of the blank values matched: as given, lower, upper and title case, each
    with or without one space on either side ("N/A", "n/a", " - ")."""
    forms = set()
    for value in {v.strip() for v in blank_values} | {""}:
        for cased in {value, value.lower(), value.upper(), value.title(), value.capitalize()}:
            forms |= {cased, f" {cased}", f"{cased} ", f" {cased} "}
    return frozenset(forms)


def blank_out(cells: Cells, blank_values: tuple[str, ...]) -> Cells:
    """``None`` for blank cells: one of ``blank_values`` in a spelling of
    :func:`blank_spellings` (cells of spaces only are blank for the validator anyway).

    One hashed look-up per cell (no per-cell Python), so it is cheap on a raw column.
    """
    spellings = list(blank_spellings(blank_values))

    def convert(values: np.ndarray) -> np.ndarray:
        hits = pd.Series(values, dtype=object, copy=False).isin(spellings).to_numpy(dtype=bool)
        if not hits.any():
            return values  # nothing to blank: no copy (callers never write into it)
        out = values.copy()
        out[hits] = None
        return out

    if isinstance(cells, Distinct):
        return cells.map(convert)
    return convert(np.asarray(cells, dtype=object))


def _is_text(values: np.ndarray) -> np.ndarray:
    """Which values are ``str`` (one C pass when all of them are)."""
    if infer_dtype(values, skipna=False) == "string":
        return np.ones(len(values), dtype=bool)
    return np.array([isinstance(v, str) for v in values], dtype=bool)


def _is_number(values: np.ndarray) -> np.ndarray:
    """Which values are numbers (not booleans); one C pass when all of them are."""
    if infer_dtype(values, skipna=False) in ("floating", "integer", "mixed-integer-float"):
        return np.ones(len(values), dtype=bool)
    return np.array(
        [isinstance(v, (int, float)) and not isinstance(v, bool) for v in values], dtype=bool
    )


def _text_part(values: np.ndarray) -> tuple[np.ndarray, pd.Series]:
    """Which values are text, and that text stripped (``str`` dtype)."""
    is_text = _is_text(values)
    return is_text, pd.Series(values[is_text], dtype="str").str.strip()


def to_numbers(cells: Cells, locale: str, unit: str) -> Cells:
    """Numbers written the locale's way ("1,234.5" en; "1.234,5" de; "1 234,5" fr), a trailing
    "%" dividing by 100, then times the unit's factor (:data:`UNITS`: seconds → minutes / 60).

    Numeric cells are only scaled. Text that is no number is returned as written.
    """
    thousands, decimal = _LOCALES[locale]
    factor = UNITS[unit]

    def convert(values: np.ndarray) -> np.ndarray:
        out = values.copy()
        is_number = _is_number(values)
        if is_number.any() and factor != 1.0:
            out[is_number] = values[is_number].astype(float) * factor
        is_text, text = _text_part(values)
        if is_text.any():
            percent = text.str.endswith("%").to_numpy(dtype=bool)
            core = text.str.rstrip("%").str.replace(thousands, "", regex=True)
            if decimal != ".":
                core = core.str.replace(decimal, ".", regex=False)
            plain = core.str.fullmatch(_PLAIN_NUMBER).to_numpy(dtype=bool)
            numbers = pd.to_numeric(core.where(plain), errors="coerce").to_numpy(dtype=float)
            numbers = numbers * np.where(percent, 0.01, 1.0) * factor
            ok = np.isfinite(numbers)
            out[np.flatnonzero(is_text)[ok]] = numbers[ok]
        return out

    return per_distinct(cells, convert)


def to_dates(cells: Cells, formats: tuple[str, ...], order: str) -> Cells:
    """Dates read by the preset's explicit ``formats`` (tried in turn; a zone such as ``%z`` is
    dropped so the local calendar date is kept), then numeric d/m/y text in ``order`` ("DMY" or
    "MDY"; dotted dates are always day-first). Returns ``pandas.Timestamp`` at midnight where
    read; other cells (date cells, ISO text, serials) are left for the validator to read.
    """

    def convert(values: np.ndarray) -> np.ndarray:
        out = values.copy()
        is_text, text = _text_part(values)
        if not is_text.any():
            return out
        found = pd.Series(pd.NaT, index=text.index, dtype="datetime64[us]")
        for fmt in formats:
            todo = found.isna()
            if not todo.any():
                break
            subject = text[todo]
            if "%z" in fmt or "%Z" in fmt:
                fmt = fmt.replace("%z", "").replace("%Z", "").strip()
                subject = subject.str.replace(_ZONE_TAIL, "", regex=True).str.strip()
            parsed = pd.to_datetime(subject, format=fmt, errors="coerce")
            found[todo] = parsed.dt.normalize().astype("datetime64[us]")
        todo = found.isna() & text.str.fullmatch(_NUMERIC_DATE)
        if todo.any():
            parts = text[todo].str.extract(_NUMERIC_DATE)
            dotted = parts[1] == "."
            # Without an order only dotted dates are settled here; the validator decides the
            # rest from the whole column (and reports it ambiguous when nothing tells).
            day_first = dotted | (order == "DMY")
            read = dotted | (order in ("DMY", "MDY"))
            a, b = parts[0].astype(int), parts[2].astype(int)
            year = parts[3].astype(int)
            year = year.where(year >= 100, year + 2000)
            day, month = a.where(day_first, b), b.where(day_first, a)
            stamps = pd.to_datetime(
                pd.DataFrame({"year": year, "month": month, "day": day}), errors="coerce"
            ).astype("datetime64[us]")
            found[parts.index[read.to_numpy()]] = stamps[read]
        ok = found.notna().to_numpy(dtype=bool)
        out[np.flatnonzero(is_text)[ok]] = found[ok].to_numpy(dtype=object)
        return out

    return per_distinct(cells, convert)


def to_text(
    cells: Cells, vocabulary: Mapping[str, str], default: str, multi_value: str, split: str
) -> Cells:
    """Text cells rewritten: first value of a multi-value cell, "Last, First" → "First Last",
    then the vocabulary (case- and space-insensitive) with ``default`` for a value it lacks.
    Numbers and dates pass through untouched (the validator turns 7.0 into "7")."""
    lookup = {header_key(k): v for k, v in vocabulary.items()}

    def convert(values: np.ndarray) -> np.ndarray:
        out = values.copy()
        is_text, text = _text_part(values)
        if not is_text.any():
            return out
        if multi_value:
            text = text.str.split(multi_value, n=1, regex=False).str[0].str.strip()
        if split == "Last, First":
            parts = text.str.split(",", n=1, regex=False)
            two = parts.str.len() == 2
            if two.any():  # with no comma at all, parts.str[1] is all-NaN floats (no .str)
                pairs = parts[two]
                text = text.where(~two, pairs.str[1].str.strip() + " " + pairs.str[0].str.strip())
        if lookup:
            keys = text.map(header_key)
            mapped = keys.map(lookup)
            if default:
                mapped = mapped.fillna(default)
            text = mapped.where(mapped.notna(), text)
        out[np.flatnonzero(is_text)] = text.to_numpy(dtype=object)
        return out

    return per_distinct(cells, convert)


def add_columns(columns: list[np.ndarray]) -> np.ndarray:
    """Cell-wise sum of converted numeric columns: a row blank in all of them stays blank; a
    cell that is no number is kept as written instead (so the validator reports it)."""
    raw = [pd.Series(col, dtype=object, copy=False) for col in columns]
    numbers = np.vstack([pd.to_numeric(col, errors="coerce").to_numpy(dtype=float) for col in raw])
    filled = ~np.isnan(numbers)
    total = np.where(filled, numbers, 0.0).sum(axis=0)
    out = np.where(filled.any(axis=0), total, None).astype(object)
    for col, num in zip(raw, numbers, strict=True):
        bad = np.isnan(num) & col.notna().to_numpy(dtype=bool)
        out[bad] = col.to_numpy(dtype=object)[bad]
    return out
