"""Which path each sheet takes: a source preset, the template, or none, and the note saying so.

Each sheet (or CSV file) is offered to the presets first (:func:`scorecard.sources.registry
.detect`); a confident match is read by its preset. Once one sheet of a file matched, the file's
other sheets are skipped silently (LinkedIn's "Metrics" sheet, a description sheet) unless they
are template sheets. Anything else takes the template path of :mod:`scorecard.ingest.readers`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from scorecard.ingest.raw import RawTable
from scorecard.problems import Problem

if TYPE_CHECKING:
    from scorecard.ingest.readers import Grid
    from scorecard.sources.mapping import SheetLayout
    from scorecard.sources.preset import Preset


@dataclass(frozen=True)
class SourceNote:
    """What one sheet (or CSV file) was read as, for the Data page and ``validate``.

    ``read_as`` is a sentence ("LinkedIn Page content export → activity, confidence 0.92");
    ``table`` the contract table it fed (``None`` when skipped), ``preset_id`` and
    ``confidence`` are set when a source preset read it.
    """

    file: str
    sheet: str
    read_as: str
    table: str | None = None
    preset_id: str | None = None
    confidence: float | None = None
    #: The sheet's header and a sample of each column, for the Data page's mapping step.
    layout: SheetLayout | None = None

    def as_text(self) -> str:
        where = self.file if self.sheet == self.file else f"{self.file} › {self.sheet}"
        return f"{where}: {self.read_as}"


@dataclass(frozen=True)
class ReadResult:
    """Every upload read: the raw tables, the problems, and what each sheet was read as."""

    tables: list[RawTable]
    problems: list[Problem]
    notes: list[SourceNote]


def read_upload_grids(
    file_name: str, grids: Sequence[Grid], presets: Sequence[Preset]
) -> Iterator[tuple[list[RawTable], list[Problem], SourceNote]]:
    """Each sheet of one file through a matching preset or the template path, with its note."""
    from scorecard.ingest.readers import to_raw_table  # the readers import this module
    from scorecard.sources.apply import apply_preset
    from scorecard.sources.mapping import sheet_layout
    from scorecard.sources.registry import detect, is_template_sheet

    matches = [detect(grid, file_name, presets) for grid in grids]
    tool = next((m.preset.tool for m in matches if m is not None), None)
    for grid, match in zip(grids, matches, strict=True):
        note = partial(
            SourceNote,
            file_name,
            grid.name,
            layout=sheet_layout(grid, match.header_at if match is not None else None),
        )
        if match is not None:
            applied = apply_preset(match.preset, grid, file_name, match.header_at)
            made = ", ".join(dict.fromkeys(t.table for t in applied.tables)) or None
            yield (
                list(applied.tables),
                list(applied.problems),
                note(match.read_as, made, match.preset.id, round(match.confidence, 2)),
            )
            continue
        if tool is not None and not is_template_sheet(grid):
            yield [], [], note(f"not a data sheet of the {tool} export; skipped")
            continue
        raw, sheet_problems = to_raw_table(grid)
        if raw is None:
            what = "skipped" if not sheet_problems else "no preset matched; ignored"
            yield [], sheet_problems, note(what)
        elif is_template_sheet(grid):
            yield [raw], sheet_problems, note(f"template sheet → {raw.table}", raw.table)
        else:
            yield (
                [raw],
                sheet_problems,
                note(f"no preset matched; read as the template's {raw.table} table", raw.table),
            )
