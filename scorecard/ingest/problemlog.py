"""Collects validation problems with a cap on repeats, and orders them for the report.

A file with a bad column can have a million bad cells; the user needs the first few and a count,
not a million lines. :class:`ProblemLog` keeps at most ``cap`` problems per (sheet, column, code)
and turns the rest into one summary problem: "… and 4,980 more rows with the same problem in
column 'count' (rows 25, 31, 40, …)".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from scorecard.problems import Problem, Report, Severity, preview

#: Problems kept per (sheet, column, code) before the rest are summarised.
REPEAT_CAP = 20
#: Row numbers quoted in a summary before "…".
SUMMARY_ROWS = 3


def _plain(value: object) -> object:
    """A cell as the user typed it: 7.0 shows as 7, a midnight date-time as its date."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:  # not 1e308's digits
        return int(value)
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date().isoformat()
    return value


@dataclass
class _Overflow:
    severity: Severity
    table: str | None
    fix: str
    count: int = 0
    rows: list[int] = field(default_factory=list)


class ProblemLog:
    """An append-only list of problems with repeats capped; :meth:`report` freezes it."""

    def __init__(self, sheet_order: Sequence[str] = (), cap: int = REPEAT_CAP) -> None:
        self._cap = cap
        self._sheet_rank = {sheet: i for i, sheet in enumerate(dict.fromkeys(sheet_order))}
        self._entries: list[tuple[tuple[float, float], Problem]] = []
        self._kept: dict[tuple[str | None, str | None, str], int] = {}
        self._overflow: dict[tuple[str | None, str | None, str], _Overflow] = {}

    @property
    def cap(self) -> int:
        """Problems kept per (sheet, column, code); callers need values for no more than these."""
        return self._cap

    def add(self, problem: Problem) -> None:
        """Add one problem (still counted against its group's cap)."""
        self.cells(
            severity=problem.severity,
            code=problem.code,
            table=problem.table,
            sheet=problem.sheet,
            column=problem.column,
            rows=np.array([-1 if problem.row is None else problem.row]),
            values=[problem.value],
            message=problem.message,
            fix=problem.fix,
            raw_values=False,
        )

    def cells(
        self,
        *,
        severity: Severity,
        code: str,
        table: str | None,
        sheet: str | None,
        column: str | None,
        rows: np.ndarray,
        values: Sequence[object] | np.ndarray | None,
        message: str | Callable[[int], str],
        fix: str,
        raw_values: bool = True,
    ) -> None:
        """Add one problem per row in ``rows`` (row -1 means "no row"), capped per group.

        ``values[i]`` is the cell of ``rows[i]`` (previewed unless ``raw_values`` is False, when
        it is already text or ``None``). ``message`` may be a function of ``i`` for messages
        that name something row-specific; it is called only for the problems kept.
        """
        rows = np.asarray(rows)
        if len(rows) == 0:
            return
        key = (sheet, column, code)
        kept = self._kept.get(key, 0)
        take = max(0, min(len(rows), self._cap - kept))
        for i in range(take):
            row = int(rows[i])
            value = None if values is None else values[i]
            if raw_values and value is not None:
                value = preview(_plain(value))
            text = message(i) if callable(message) else message
            problem = Problem(
                severity=severity,
                code=code,
                message=text,
                fix=fix,
                table=table,
                sheet=sheet,
                row=None if row < 0 else row,
                column=column,
                value=value,
            )
            self._entries.append((self._sort_key(sheet, row), problem))
        self._kept[key] = kept + take
        if take < len(rows):
            over = self._overflow.setdefault(key, _Overflow(severity, table, fix))
            over.count += len(rows) - take
            over.rows.extend(int(r) for r in rows[take : take + SUMMARY_ROWS + 1] if r >= 0)

    def _sort_key(self, sheet: str | None, row: int) -> tuple[float, float]:
        rank = -1 if sheet is None else self._sheet_rank.get(sheet, len(self._sheet_rank))
        return (rank, row)

    def _summaries(self) -> list[tuple[tuple[float, float], Problem]]:
        out = []
        for (sheet, column, code), over in self._overflow.items():
            rows = sorted(set(over.rows))
            quoted = ", ".join(f"{r:,}" for r in rows[:SUMMARY_ROWS])
            more = ", …" if over.count > SUMMARY_ROWS else ""
            where = f" in column '{column}'" if column is not None else ""
            noun = "row" if over.count == 1 else "rows"
            listed = f" ({'row' if len(rows) == 1 else 'rows'} {quoted}{more})" if rows else ""
            message = f"… and {over.count:,} more {noun} with the same problem{where}{listed}."
            problem = Problem(
                severity=over.severity,
                code=code,
                message=message,
                fix=over.fix,
                table=over.table,
                sheet=sheet,
                column=column,
            )
            first = rows[0] if rows else -1
            out.append((self._sort_key(sheet, first), problem))
        return out

    def report(self) -> Report:
        """Every problem: errors first, then in sheet order and row order (stable otherwise)."""
        entries = [*self._entries, *self._summaries()]
        entries.sort(key=lambda e: (not e[1].is_error, *e[0]))
        return Report(tuple(p for _, p in entries))

    @property
    def has_errors(self) -> bool:
        return any(p.is_error for _, p in self._entries) or any(
            o.severity == "error" for o in self._overflow.values()
        )
