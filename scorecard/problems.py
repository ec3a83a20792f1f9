"""Structured validation messages: what is wrong, exactly where, and how to fix it.

A :class:`Problem` names the sheet (or CSV file), the row number the user sees in Excel (the
header is row 1 when it sits at the top), the column header as written in the file, the offending
value, a sentence saying what is wrong, and a sentence saying what to do. Errors block publishing;
warnings do not.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning"]

#: Cells quoted in a message are cut to this many characters, so a hostile cell cannot flood it.
VALUE_PREVIEW_CHARS = 60


def preview(value: object) -> str:
    """A short, printable rendering of a cell value for a message."""
    text = str(value).replace("\r", " ").replace("\n", " ").replace("\t", " ")
    if len(text) > VALUE_PREVIEW_CHARS:
        return text[: VALUE_PREVIEW_CHARS - 1] + "…"
    return text


@dataclass(frozen=True)
class Problem:
    """One finding of the validator.

    ``row`` is the Excel row (or CSV line) number; ``None`` for a problem of a whole sheet,
    column or file. ``code`` is stable for programs and tests; ``message`` and ``fix`` are for
    people.
    """

    severity: Severity
    code: str
    message: str
    fix: str
    table: str | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    value: str | None = None

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    @property
    def location(self) -> str:
        """Where the problem is, in words: "sheet 'activity', row 14, column 'Count'"."""
        parts = []
        if self.sheet is not None:
            parts.append(f"sheet '{self.sheet}'")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column is not None:
            parts.append(f"column '{self.column}'")
        return ", ".join(parts) if parts else "file"

    def as_text(self) -> str:
        """One line for a terminal or a log."""
        value = f" (value: {self.value!r})" if self.value is not None else ""
        return f"{self.severity.upper()} {self.location}{value}: {self.message} Fix: {self.fix}"

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class Report:
    """Every problem found in one upload, errors first, in file order within a severity."""

    problems: tuple[Problem, ...] = ()

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if not p.is_error)

    @property
    def ok(self) -> bool:
        """True when nothing blocks publishing."""
        return not self.errors

    def summary(self) -> str:
        e, w = len(self.errors), len(self.warnings)
        if not e and not w:
            return "No problems found."
        return f"{e} error{'s' * (e != 1)}, {w} warning{'s' * (w != 1)}."

    def as_text(self) -> str:
        lines = [p.as_text() for p in (*self.errors, *self.warnings)]
        return "\n".join([*lines, self.summary()])

    def to_dicts(self) -> list[dict[str, object]]:
        return [p.to_dict() for p in self.problems]

    @classmethod
    def from_dicts(cls, rows: list[dict[str, object]]) -> Report:
        return cls(tuple(Problem(**row) for row in rows))  # type: ignore[arg-type]

    def __add__(self, other: Report) -> Report:
        return Report(self.problems + other.problems)
