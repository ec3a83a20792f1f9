"""Sort raw cells by what they hold: blank, text, number, date-time, or something else.

Readers hand over cells untouched (``str``, ``int``, ``float``, ``bool``, ``datetime``, ``date``,
``time``, ``timedelta`` or ``None``). Every typed parser starts from this split. A column of one
kind (the usual case) is recognised by :func:`pandas.api.types.infer_dtype` in one C pass; only
mixed columns pay for a per-cell type lookup.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd
from pandas.api.types import infer_dtype

_NUMERIC_KINDS = {"floating", "integer", "mixed-integer-float"}
_TEMPORAL_KINDS = {"datetime", "date", "datetime64"}
_TEMPORAL_TYPES = (dt.datetime, dt.date, pd.Timestamp, np.datetime64)


@dataclass(frozen=True)
class CellKinds:
    """Boolean masks over a column's cells (exactly one is true per cell) plus their contents.

    ``text`` is the stripped text of every cell as pandas ``str`` (missing where the cell is not
    text); a text cell of only spaces counts as ``blank``. ``numbers`` holds the float value of
    numeric cells (NaN elsewhere); booleans are ``other``, never numbers.
    """

    blank: np.ndarray
    is_text: np.ndarray
    is_number: np.ndarray
    is_temporal: np.ndarray
    is_other: np.ndarray
    text: pd.Series
    numbers: np.ndarray
    source: pd.Series

    @cached_property
    def cells(self) -> np.ndarray:
        """The raw cells as an object array (for quoting values in messages)."""
        return np.asarray(self.source.to_numpy(dtype=object), dtype=object)

    def __len__(self) -> int:
        return len(self.source)


def null_text(n: int) -> pd.Series:
    """``n`` missing values of pandas ``str`` dtype, without converting ``n`` Python objects."""
    return pd.Series(pd.array([None], dtype="str").take(np.zeros(n, dtype=np.intp)))


def _floats(arr: np.ndarray) -> np.ndarray:
    """Numeric cells (and blanks) as float64; blanks become NaN."""
    try:
        return arr.astype(float)
    except TypeError:  # None among the numbers
        return pd.to_numeric(pd.Series(arr, dtype=object)).to_numpy(dtype=float)


def classify(cells: pd.Series) -> CellKinds:
    """Split raw cells into kinds; see :class:`CellKinds`. Does not modify ``cells``."""
    cells = cells.reset_index(drop=True)
    n = len(cells)
    none = np.zeros(n, dtype=bool)
    numbers = np.full(n, np.nan)
    text = None
    if isinstance(cells.dtype, pd.StringDtype):
        # Already text (a CSV read as strings): no per-cell conversion at all.
        arr, kind, text = None, "string", cells.astype("str")
    else:
        arr = np.asarray(cells.to_numpy(dtype=object), dtype=object)
        kind = infer_dtype(arr, skipna=True)
    # One-kind columns (nearly all of them) take a path without per-cell Python work.
    if kind == "empty":
        missing, is_text, is_number, is_temporal = ~none, none, none, none
    elif kind == "string":
        text = pd.Series(arr, dtype="str") if text is None else text
        missing = text.isna().to_numpy(dtype=bool)
        is_text, is_number, is_temporal = ~missing, none, none
    elif kind in _NUMERIC_KINDS:
        numbers = _floats(arr)
        missing = np.isnan(numbers)
        is_text, is_number, is_temporal = none, ~missing, none
    elif kind in _TEMPORAL_KINDS:
        missing = pd.isna(arr)
        is_text, is_number, is_temporal = none, none, ~missing
    else:
        missing = pd.isna(arr)
        types = pd.Series(arr).map(type)
        distinct = pd.unique(types)
        number_types = {
            t: issubclass(t, (int, float, np.integer, np.floating))
            and not issubclass(t, (bool, np.bool_))
            for t in distinct
        }
        temporal_types = {t: issubclass(t, _TEMPORAL_TYPES) for t in distinct}
        is_text = (types == str).to_numpy(dtype=bool)
        is_number = types.map(number_types).to_numpy(dtype=bool) & ~missing
        is_temporal = types.map(temporal_types).to_numpy(dtype=bool) & ~missing
        if is_text.any():
            text = pd.Series(np.where(is_text, arr, None), dtype="str")
        if is_number.any():
            numbers[is_number] = arr[is_number].astype(float)
    empty_text = none
    if text is None:
        text = null_text(n)
    else:
        text = text.str.strip()
        empty_text = (text == "").to_numpy(dtype=bool, na_value=False)
        if empty_text.any():
            is_text = is_text & ~empty_text
            text = text.where(~empty_text)
    blank = missing | empty_text
    is_other = ~(blank | is_text | is_number | is_temporal)
    return CellKinds(blank, is_text, is_number, is_temporal, is_other, text, numbers, cells)
