"""Give one column of raw cells its schema type, reporting every cell that does not fit.

Rules, by :class:`~scorecard.schema.Column` type:

- ``id`` and ``text``: kept as text, spaces around stripped. A numeric cell that is whole becomes
  its digits (7.0 → "7"); text keeps its characters ("007" stays "007"). A text column with
  canonical spellings (``channel``) is canonicalised where known ("linkedin" → "LinkedIn") and
  kept as written otherwise.
- ``number`` and ``integer``: numeric cells, or text that reads as a plain decimal number. A
  thousands separator is accepted only in the exact form "1,234" / "1,234,567.5"; everything else
  ("12%", "$180", "1,5", "12 kg", TRUE) is not a number. Percent and currency signs are refused
  rather than guessed: none of the columns is a rate, and "1,5" may be 1.5 or 15.
  Below 0 is refused unless the column is ``signed``; ``integer`` refuses fractions. A value
  beyond the column's ``maximum`` (in magnitude), or too large to be a float at all ("1e400"),
  is refused with the allowed range: it would overflow a sum, a cent or an ``int64``.
- ``choice``: mapped to its canonical value (:func:`~scorecard.schema.canonical_choice`).
  An unknown value is an error for ``strict`` columns and otherwise a warning, kept lower-cased.

A blank cell in a required column is an error; a blank optional cell takes the column's default.
Text is converted once per distinct value, so repeats cost nothing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from scorecard.identity import clean_column
from scorecard.ingest.kinds import CellKinds
from scorecard.ingest.problemlog import ProblemLog
from scorecard.problems import Severity
from scorecard.schema import CHOICE_ALIASES, Column, canonical_choice

_THOUSANDS = r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?"
#: Largest float whose integer digits are exact; beyond it an ID keeps float notation.
_EXACT_INT = 2.0**53


@dataclass(frozen=True)
class Where:
    """Where a column's cells sit: for messages and row numbers."""

    table: str
    sheet: str
    header: str
    rows: np.ndarray


def _report(
    log: ProblemLog,
    where: Where,
    mask: np.ndarray,
    cells: np.ndarray,
    *,
    code: str,
    message: str,
    fix: str,
    severity: Severity = "error",
) -> None:
    idx = np.flatnonzero(mask)
    log.cells(
        severity=severity,
        code=code,
        table=where.table,
        sheet=where.sheet,
        column=where.header,
        rows=where.rows[idx],
        values=cells[idx],
        message=message,
        fix=fix,
    )


def check_long_cells(kinds: CellKinds, where: Where, log: ProblemLog, max_chars: int) -> None:
    """Error for every text cell longer than ``max_chars`` (Excel's own limit is 32,767)."""
    if not kinds.is_text.any():
        return
    lengths = kinds.text.str.len().to_numpy(dtype=float, na_value=0)
    too_long = lengths > max_chars
    if too_long.any():
        idx = np.flatnonzero(too_long)
        log.cells(
            severity="error",
            code="cell_too_long",
            table=where.table,
            sheet=where.sheet,
            column=where.header,
            rows=where.rows[idx],
            values=kinds.cells[idx],
            message=lambda i: (
                f"Column '{where.header}' has a cell of {int(lengths[idx[i]]):,} "
                f"characters; a cell can hold at most {max_chars:,}."
            ),
            fix="Shorten the text, or keep long notes outside the workbook.",
        )


def check_blanks(column: Column, kinds: CellKinds, where: Where, log: ProblemLog) -> None:
    """Error for every blank cell of a required column."""
    if column.required and kinds.blank.any():
        example = f" (for example {column.example})" if column.example else ""
        _report(
            log,
            where,
            kinds.blank,
            kinds.cells,
            code="blank_required",
            message=f"Column '{where.header}' must not be blank.",
            fix=f"Fill it in{example}, or delete the row if it should not be there.",
        )


def as_text(kinds: CellKinds) -> pd.Series:
    """Every non-blank cell as stripped text (``str`` dtype, NaN for blanks); see module doc."""
    if not (kinds.is_number.any() or kinds.is_temporal.any() or kinds.is_other.any()):
        return kinds.text
    out = kinds.text.to_numpy(dtype=object, na_value=None).copy()
    if kinds.is_number.any():
        nums = kinds.numbers[kinds.is_number]
        whole = (np.floor(nums) == nums) & (np.abs(nums) < _EXACT_INT)
        digits = np.where(
            whole, np.where(whole, nums, 0).astype(np.int64).astype(str), nums.astype(str)
        )
        out[kinds.is_number] = digits
    if kinds.is_temporal.any():
        stamps = pd.to_datetime(pd.Series(kinds.cells[kinds.is_temporal]), errors="coerce")
        out[kinds.is_temporal] = np.asarray(stamps.dt.strftime("%Y-%m-%d"), dtype=object)
    if kinds.is_other.any():
        out[kinds.is_other] = pd.Series(kinds.cells[kinds.is_other]).map(str).to_numpy()
    return pd.Series(out, dtype="str")


def _map_distinct(text: pd.Series, func) -> pd.Series:  # func: str -> str | None
    """Apply ``func`` once per distinct value of ``text`` (NaN stays NaN)."""
    codes, distinct = pd.factorize(text)
    mapped = pd.array([func(v) for v in distinct] + [None], dtype="str")
    return pd.Series(mapped.take(np.where(codes < 0, len(distinct), codes)))


def type_text(column: Column, kinds: CellKinds, where: Where, log: ProblemLog) -> pd.Series:
    """An ``id`` or ``text`` column as ``str``; canonical spellings applied where the schema has
    them (``channel``); blanks take the default. Text is cleaned (:func:`scorecard.identity.
    clean`: NFC, no zero-width characters or BOM, spaces collapsed), so look-alikes are one."""
    check_blanks(column, kinds, where, log)
    text = clean_column(as_text(kinds))
    if column.name in CHOICE_ALIASES and text.notna().any():
        canonical = _map_distinct(text, lambda v: canonical_choice(column.name, v))
        text = canonical.where(canonical.notna(), text)
    if column.default is not None:
        text = text.fillna(str(column.default))
    return text


def type_choice(column: Column, kinds: CellKinds, where: Where, log: ProblemLog) -> pd.Series:
    """A ``choice`` column as its canonical values; see the module docstring."""
    check_blanks(column, kinds, where, log)
    text = clean_column(as_text(kinds))
    canonical = _map_distinct(text, lambda v: canonical_choice(column.name, v))
    unknown = (text.notna() & canonical.isna()).to_numpy(dtype=bool)
    if unknown.any():
        known = ", ".join(column.choices)
        if column.strict:
            _report(
                log,
                where,
                unknown,
                kinds.cells,
                code="invalid_choice",
                message=f"Column '{where.header}' must be one of: {known}.",
                fix="Pick one of those values (the template offers them in a list), "
                "or leave the cell blank.",
            )
        else:
            _report(
                log,
                where,
                unknown,
                kinds.cells,
                code="unknown_choice",
                severity="warning",
                message=(
                    f"Column '{where.header}' has a value other than {known}; "
                    "it is kept, in lower case."
                ),
                fix="Nothing to do if the value is right; otherwise correct its spelling.",
            )
    out = canonical.where(~unknown, text.str.lower())
    if column.default is not None:
        out = out.fillna(str(column.default))
    return out


def _requirement(column: Column) -> str:
    kind = "a whole number" if column.type == "integer" else "a number"
    return kind if column.signed else f"{kind} of 0 or more"


def quantity(x: float) -> str:
    """A number for a message: digits with separators while readable (1,000,000), else
    scientific notation (1e+20), so a huge value never floods the message."""
    if not math.isfinite(x):
        return "a value too large to store"
    if abs(x) < 1e15:
        return f"{x:,.0f}" if x == int(x) else f"{x:,.6g}"
    return f"{x:.4g}"


def allowed_range(low: float, high: float, kind: str = "a number") -> str:
    """e.g. "a number from 0 to 1,000,000" (the words of every out-of-range message)."""
    return f"{kind} from {quantity(low)} to {quantity(high)}"


OUT_OF_RANGE_FIX = (
    "Check the cell: a value this large is usually a typo, a column total pasted "
    "into a row, or a unit mix-up (cents for currency, seconds for minutes)."
)


def out_of_range(numbers: np.ndarray, high: float | None) -> np.ndarray:
    """Where ``numbers`` (NaN for blanks) are infinite or beyond ``high`` in magnitude (the
    sign of an unsigned column is the negative check's business)."""
    with np.errstate(invalid="ignore"):
        beyond = np.isinf(numbers)
        if high is not None:
            beyond |= np.abs(numbers) > high
    return beyond


def _bounds(column: Column) -> tuple[float, float]:
    high = math.inf if column.maximum is None else float(column.maximum)
    return (-high if column.signed else 0.0), high


def _parse_number_text(text: pd.Series) -> np.ndarray:
    """Numbers from distinct text values; NaN where a value is not a plain number."""
    codes, distinct = pd.factorize(text)
    values = pd.Series(distinct, dtype="str")
    grouped = values.str.fullmatch(_THOUSANDS).to_numpy(dtype=bool)
    cleaned = values.where(~grouped, values.str.replace(",", "", regex=False))
    plain = cleaned.str.fullmatch(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
    numbers = pd.to_numeric(cleaned.where(plain), errors="coerce").to_numpy(dtype=float)
    return np.append(numbers, np.nan)[codes]


def type_number(column: Column, kinds: CellKinds, where: Where, log: ProblemLog) -> pd.Series:
    """A ``number`` or ``integer`` column as ``float64`` / ``int64``; see the module docstring.

    An ``integer`` column keeps ``float64`` when a blank cell has no default (it cannot be
    ``int64`` then); the schema gives every integer column a default.
    """
    check_blanks(column, kinds, where, log)
    numbers = kinds.numbers.copy()
    if kinds.is_text.any():
        numbers[kinds.is_text] = _parse_number_text(kinds.text[kinds.is_text])
    filled = ~kinds.blank
    not_number = filled & np.isnan(numbers)
    requirement = _requirement(column)
    _report(
        log,
        where,
        not_number,
        kinds.cells,
        code="not_a_number",
        message=f"Column '{where.header}' must be {requirement}; this cell is not a number.",
        fix="Type digits only, like 1234.5 or 1,234 (no words, units, currency or percent signs).",
    )
    too_big = filled & out_of_range(numbers, column.maximum)
    if too_big.any():
        idx = np.flatnonzero(too_big)
        kind = "a whole number" if column.type == "integer" else "a number"
        span = allowed_range(*_bounds(column), kind)
        log.cells(
            severity="error",
            code="number_out_of_range",
            table=where.table,
            sheet=where.sheet,
            column=where.header,
            rows=where.rows[idx],
            values=kinds.cells[idx],
            fix=OUT_OF_RANGE_FIX,
            message=lambda i: (
                f"Column '{where.header}' must be {span}; this cell holds "
                f"{quantity(numbers[idx[i]])}."
            ),
        )
    ok = filled & ~not_number & ~too_big
    if not column.signed:
        negative = ok & (numbers < 0)
        _report(
            log,
            where,
            negative,
            kinds.cells,
            code="negative_number",
            message=f"Column '{where.header}' must be {requirement}; this cell is below 0.",
            fix="Correct the value: it counts something, so it cannot be negative.",
        )
    if column.type == "integer":
        fraction = ok & (np.floor(numbers) != numbers)
        _report(
            log,
            where,
            fraction,
            kinds.cells,
            code="not_whole_number",
            message=f"Column '{where.header}' must be {requirement}; this cell has a fraction.",
            fix="Round it to a whole number.",
        )
    numbers[~ok] = np.nan
    if column.default is not None:
        numbers[kinds.blank] = float(column.default)  # type: ignore[arg-type]
    if column.type == "integer" and not np.isnan(numbers).any():
        return pd.Series(numbers.astype(np.int64))
    return pd.Series(numbers)
