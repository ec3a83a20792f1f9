"""Match a sheet's headers to the schema's columns and report what does not match.

A header matches a column when :func:`~scorecard.schema.header_key` of the header equals the key
of the column's name or one of its aliases ("Employee ID", "employee_id" and "EmployeeId" are one
spelling). Missing required columns and two headers meaning one column are errors; headers that
match nothing are one warning per sheet ("ignored").
"""

from __future__ import annotations

from dataclasses import dataclass

from scorecard.ingest.problemlog import ProblemLog
from scorecard.ingest.raw import RawTable
from scorecard.problems import Problem, preview
from scorecard.schema import Table, header_key

#: Aliases quoted after the column's own name when a required column is missing.
ALIASES_QUOTED = 4
#: Headers of the sheet quoted in that message before "…".
HEADERS_QUOTED = 15


@dataclass(frozen=True)
class ColumnMap:
    """Which raw column holds each schema column: ``found[name]`` is an index into headers."""

    found: dict[str, int]
    missing: tuple[str, ...]


def _quote(items: list[str], limit: int) -> str:
    quoted = ", ".join(f"'{preview(i)}'" for i in items[:limit])
    return quoted + (", …" if len(items) > limit else "")


#: What the mapping step sets for the whole file when a tool's export lacks a column.
_EXPORT_CONSTANTS = {
    "date": "the period of this undated totals report ('Period of an undated totals report': "
    "its first day, e.g. 2026-03-01)",
    "channel": "the channel of every row (e.g. LinkedIn)",
    "action": "the action of every row (e.g. post)",
    "metric": "the metric of every row (e.g. qualified_leads)",
}


def _export_fix(name: str) -> str:
    """The fix for a column a tool's export lacks: never "add a column" to the export."""
    what = _EXPORT_CONSTANTS.get(name)
    if what is None:
        return (
            f"In the mapping step, choose the export's column that holds {name}, or set "
            "it for the whole file."
        )
    return (
        f"The tool does not export it: set {what} in the mapping step, where the file's "
        "columns are mapped."
    )


def map_headers(table: Table, raw: RawTable, log: ProblemLog) -> ColumnMap:
    """Map ``raw``'s headers onto ``table``'s columns, logging every header problem."""
    owner = {key: col.name for col in table.columns for key in col.keys}
    found: dict[str, int] = {}
    unknown: list[str] = []
    for i, header in enumerate(raw.headers):
        name = owner.get(header_key(header)) if header.strip() else None
        if name is None:
            if header.strip():
                unknown.append(header)
            elif raw.columns[i].notna().any():
                unknown.append("(a column without a header)")
            continue
        if name in found:
            first = raw.headers[found[name]]
            log.add(
                Problem(
                    severity="error",
                    code="duplicate_column",
                    table=table.name,
                    sheet=raw.sheet,
                    column=header,
                    message=f"Columns '{first}' and '{header}' both mean '{name}'.",
                    fix="Delete or rename one of them, so that each column appears once.",
                )
            )
            continue
        found[name] = i

    missing = tuple(c.name for c in table.required_columns if c.name not in found)
    present = [h for h in raw.headers if h.strip()]
    for name in missing:
        col = table.column(name)
        spellings = _quote([col.name, *col.aliases], 1 + ALIASES_QUOTED)
        headers = _quote(present, HEADERS_QUOTED) if present else "none"
        log.add(
            Problem(
                severity="error",
                code="missing_column",
                table=table.name,
                sheet=raw.sheet,
                column=name,
                message=f"Sheet '{raw.sheet}' has no '{name}' column, which is required.",
                fix=_export_fix(name)
                if raw.origin
                else (
                    f"Add a column with one of these headers: {spellings}. "
                    f"The sheet's headers are: {headers}."
                ),
            )
        )
    if unknown:
        log.add(
            Problem(
                severity="warning",
                code="unknown_columns",
                table=table.name,
                sheet=raw.sheet,
                message=f"These columns are not part of the template and were ignored: "
                f"{_quote(unknown, HEADERS_QUOTED)}.",
                fix="Nothing to do if they are not needed; to use one, rename its header to a "
                "template column (see the template's instructions sheet).",
            )
        )
    return ColumnMap(found, missing)
