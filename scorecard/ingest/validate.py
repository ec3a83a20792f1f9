"""Raw tables in, a trusted :class:`~scorecard.dataset.Dataset` (or none) and a report out.

Every problem is collected, not the first: headers (:mod:`.columns`), cells (:mod:`.cells`,
:mod:`.dates`), then rows and tables against each other (:mod:`.crosscheck`). Repeats are capped
per sheet, column and problem (:mod:`.problemlog`). The dataset is built only when no error was
found; warnings never block it.
"""

from __future__ import annotations

from collections.abc import Sequence

from scorecard.dataset import Dataset
from scorecard.ingest.combine import concatenate, drop_repeated_posts
from scorecard.ingest.crosscheck import cross_check
from scorecard.ingest.problemlog import ProblemLog
from scorecard.ingest.raw import Limits, RawTable
from scorecard.ingest.typed import TypedTable, type_table
from scorecard.problems import Problem, Report
from scorecard.schema import TABLES


def _pick_tables(raw: Sequence[RawTable], log: ProblemLog) -> dict[str, list[RawTable]]:
    """The raw tables of each schema table, in upload order.

    Several tables from source presets (two creators' exports) are all kept, to be concatenated;
    a second TEMPLATE sheet for the same table is an error.
    """
    chosen: dict[str, list[RawTable]] = {}
    for table in raw:
        if table.table not in TABLES:
            continue
        earlier = next((t for t in chosen.get(table.table, ()) if not t.origin), None)
        if earlier is not None and not table.origin:
            log.add(
                Problem(
                    severity="error",
                    code="duplicate_table",
                    table=table.table,
                    sheet=table.sheet,
                    message=f"Sheets '{earlier.sheet}' and '{table.sheet}' both hold the "
                    f"{table.table} table.",
                    fix="Copy the rows into one sheet and delete the other, or rename the other "
                    "sheet after what it holds.",
                )
            )
            continue
        chosen.setdefault(table.table, []).append(table)
    for name, table in TABLES.items():
        if table.required and name not in chosen:
            log.add(
                Problem(
                    severity="error",
                    code="missing_table",
                    table=name,
                    message=f"The upload has no {name} sheet.",
                    fix=f"Add a sheet named '{name}' (or a CSV file named {name}.csv) with the "
                    "template's columns.",
                )
            )
    _refuse_an_empty_upload(chosen, log)
    return chosen


def _refuse_an_empty_upload(chosen: dict[str, list[RawTable]], log: ProblemLog) -> None:
    """An error when every sheet has headers and no row (the blank template as downloaded):
    publishing it would replace the company with nobody. A sheet left empty beside filled
    ones is fine (an update of the people alone, say)."""
    required = [name for name, table in TABLES.items() if table.required and name in chosen]
    if not required or any(len(part) for parts in chosen.values() for part in parts):
        return
    names = " and ".join(required)
    log.add(
        Problem(
            severity="error",
            code="empty_upload",
            table=required[0],
            sheet=chosen[required[0]][0].sheet,
            message=f"No data: the {names} sheets have their headers but no rows (no people, "
            "no activity).",
            fix="Enter one row per person on the people sheet and one per action on the "
            "activity sheet, below the headers (the Instructions sheet shows example rows), "
            "then upload the file again.",
        )
    )


def _typed(name: str, parts: list[RawTable], log: ProblemLog, max_cell_chars: int) -> TypedTable:
    """Each part typed on its own (messages name its file), then one table that keeps its
    parts, so the cross-checks' row messages name each row's own file too."""
    return concatenate([type_table(TABLES[name], part, log, max_cell_chars) for part in parts])


def validate_tables(
    raw: Sequence[RawTable], *, limits: Limits | None = None
) -> tuple[Dataset | None, Report]:
    """Validate and type raw tables; the dataset is ``None`` when the report has errors.

    Tables other than people and activity may be absent (they become empty). ``limits`` only
    supplies ``max_cell_chars`` here (default: Excel's 32,767).
    """
    limits = limits or Limits()
    log = ProblemLog(sheet_order=[t.sheet for t in raw])
    chosen = _pick_tables(raw, log)
    typed: dict[str, TypedTable] = {
        name: _typed(name, parts, log, limits.max_cell_chars) for name, parts in chosen.items()
    }
    typed = cross_check(typed, log)
    # Posts two files both hold count once (after the checks, which name every file's rows).
    typed = {name: drop_repeated_posts(t, log) if t.parts else t for name, t in typed.items()}
    report = log.report()
    if not report.ok:
        return None, report
    empty = Dataset.from_frames()
    dataset = Dataset(
        **{name: typed[name].frame() if name in typed else empty.table(name) for name in TABLES}
    )
    return dataset, report
