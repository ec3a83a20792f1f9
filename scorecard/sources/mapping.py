"""The mapping step's pure half: what a sheet looks like, a draft of how to read it, the profile.

A :class:`SheetLayout` is what the readers saw of one sheet (its header, one sample value per
column, whether it is a template sheet); it travels back from the ingest worker inside each
:class:`~scorecard.ingest.readers.SourceNote`, so the app never parses an upload itself.

A :class:`Draft` is what the user edits: the table, the field each column feeds (``""`` =
ignored) and its unit, constants for what the export lacks ("this whole file is one person",
the period of an undated totals report), derived columns (``name = {First} {Last}``), CRM
outcome rules (their text forms: :mod:`.mapping_text`), and how dates and numbers are
written. It starts from the preset that read the
sheet (:func:`draft_from_preset`) or, for an export no preset knows, from the contract's header
aliases (:func:`draft_for_unknown`). :func:`to_profile` turns it into a
:class:`~scorecard.sources.preset.Preset` whose fingerprint is the sheet's whole header, so the
next file with the same header is read the same way without asking.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

import numpy as np

from scorecard.schema import TABLES, header_key
from scorecard.sources.preset import FieldRule, OutcomeRule, Preset

if TYPE_CHECKING:
    from scorecard.ingest.readers import Grid

#: Rows under the header searched for a sample value of each column.
SAMPLE_ROWS = 50
SAMPLE_CHARS = 40
#: Filled rows searched for the header of a sheet no preset knows.
HEADER_SEARCH_ROWS = 20
#: Tables an export can be mapped to.
MAPPABLE_TABLES: tuple[str, ...] = ("activity", "people", "outcomes", "accounts")
#: Columns the engine fills itself, never offered as a target.
ENGINE_COLUMNS = frozenset({"source"})
#: Units a duration column may be written in (minutes is the contract's unit).
DURATION_UNITS: tuple[str, ...] = ("", "seconds", "hours", "milliseconds")
DURATION_FIELDS = frozenset({"minutes"})
PROFILE_PREFIX = "profile_"
DRAFT_PREFIX = "draft_"
#: How a note of the readers starts when no preset and no template read the sheet.
UNMAPPED_PREFIX = "no preset matched"
#: Constants the mapping step asks for by name, per table, with what each means.
CONSTANT_LABELS: dict[str, str] = {
    "channel": "Channel of every row (e.g. LinkedIn, X)",
    "action": "Action of every row (e.g. post)",
    "person_id": "This whole file is one person (person_id, work email or name)",
    "account": "This whole file is one account (handle, page or channel name)",
    "date": "Period of an undated totals report (its first day)",
    "metric": "Metric of every row (e.g. qualified_leads)",
}
NAMED_CONSTANTS: dict[str, tuple[str, ...]] = {
    "activity": ("channel", "action", "person_id", "account", "date"),
    "outcomes": ("metric", "person_id", "date"),
    "people": (),
    "accounts": ("channel",),
}


@dataclass(frozen=True)
class SheetLayout:
    """One sheet as the mapping step shows it: header row (Excel/CSV number, ``None`` when no
    row looks like one), header labels (repeats named "<header>.1"), one sample per column."""

    header_row: int | None
    headers: tuple[str, ...]
    samples: tuple[str, ...]
    template: bool = False
    is_file: bool = False


def sample_text(cell: object, limit: int = SAMPLE_CHARS) -> str:
    """A cell as a short sample: whole floats without ".0", midnight datetimes as dates, at
    most ``limit`` characters."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    elif isinstance(cell, datetime) and (cell.hour, cell.minute, cell.second) == (0, 0, 0):
        cell = cell.date()
    if isinstance(cell, date):
        cell = cell.isoformat()
    text = " ".join(str(cell).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def guess_header(grid: Grid) -> int | None:
    """Grid index of the header of a sheet no preset knows: among the first filled rows, the
    first with the most text cells (numbers and dates are data, not headers)."""
    best, best_count = None, 0
    for i in np.flatnonzero(grid.row_filled)[:HEADER_SEARCH_ROWS]:
        count = sum(isinstance(c, str) and c.strip() != "" for c in grid.cells[i])
        if count > best_count:
            best, best_count = int(i), count
    return best


def sheet_layout(grid: Grid, header_at: int | None = None) -> SheetLayout:
    """What the mapping step needs of ``grid``: header labels and a sample of each column.

    ``header_at`` is the header's grid index when a preset found it; else it is guessed.
    Cost: the header row and at most :data:`SAMPLE_ROWS` rows under it.
    """
    from scorecard.sources.registry import is_template_sheet

    template = is_template_sheet(grid)
    at = guess_header(grid) if header_at is None else header_at
    if at is None:
        return SheetLayout(None, (), (), template, grid.is_file)
    filled = np.flatnonzero(grid.row_filled)
    below = grid.cells[filled[filled > at][:SAMPLE_ROWS]]
    headers: list[str] = []
    samples: list[str] = []
    seen: dict[str, int] = {}
    for j, cell in enumerate(grid.cells[at]):
        label = sample_text(cell, limit=10_000) if cell is not None else ""  # a header in full
        if not label:
            continue
        key = header_key(label)
        seen[key] = seen.get(key, -1) + 1
        headers.append(f"{label}.{seen[key]}" if seen[key] else label)
        column = [c for c in below[:, j] if c is not None and str(c).strip() != ""]
        samples.append(sample_text(column[0]) if column else "")
    row = int(grid.row_numbers[at])
    return SheetLayout(row, tuple(headers), tuple(samples), template, grid.is_file)


def target_fields(table: str) -> tuple[str, ...]:
    """Contract columns a column of an export for ``table`` can feed."""
    return tuple(c for c in TABLES[table].column_names if c not in ENGINE_COLUMNS)


def suggest_fields(headers: Sequence[str], table: str) -> tuple[str, ...]:
    """Per header, the contract column whose name or alias it is (``""``: none); each column
    is fed by its first such header only."""
    owner = {key: c.name for c in TABLES[table].columns for key in c.keys}
    used: set[str] = set()
    out: list[str] = []
    for header in headers:
        name = owner.get(header_key(header), "")
        if name in used or name in ENGINE_COLUMNS:
            name = ""
        used.add(name)
        out.append(name)
    return tuple(out)


def suggest_table(headers: Sequence[str]) -> str:
    """The mappable table whose columns the headers name most (ties: activity first)."""
    counts = {t: sum(bool(f) for f in suggest_fields(headers, t)) for t in MAPPABLE_TABLES}
    return max(MAPPABLE_TABLES, key=lambda t: counts[t])


def header_fingerprint(headers: Sequence[str]) -> str:
    """sha256 hex of a header's distinct keys, sorted: the same header in any column order,
    case or spacing gives the same fingerprint."""
    keys = sorted({header_key(h) for h in headers if header_key(h)})
    return hashlib.sha256("\n".join(keys).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Draft:
    """An editable mapping of one sheet; ``fields[i]``/``units[i]`` belong to ``headers[i]``."""

    table: str
    headers: tuple[str, ...]
    samples: tuple[str, ...]
    fields: tuple[str, ...]
    units: tuple[str, ...]
    constants: Mapping[str, str] = field(default_factory=dict)
    derived: Mapping[str, str] = field(default_factory=dict)
    outcome_rules: tuple[OutcomeRule, ...] = ()
    date_order: str = ""
    number_locale: str = "en"
    base_id: str | None = None


def draft_for_unknown(layout: SheetLayout, table: str | None = None) -> Draft:
    """A first draft for an export no preset knows: columns fed by the contract's aliases."""
    table = table or suggest_table(layout.headers)
    fields = suggest_fields(layout.headers, table)
    return Draft(table, layout.headers, layout.samples, fields, ("",) * len(fields))


def draft_from_preset(preset: Preset, layout: SheetLayout) -> Draft:
    """The draft that reads ``layout`` exactly as ``preset`` does: each rule's first present
    header (every present one for ``combine="sum"``) feeds its field, with its unit."""
    keys = [header_key(h) for h in layout.headers]
    fields = [""] * len(keys)
    units = [""] * len(keys)
    for rule in preset.fields:
        present = [keys.index(header_key(h)) for h in rule.headers if header_key(h) in keys]
        if rule.field in fields:
            continue
        for i in present if rule.combine == "sum" else present[:1]:
            if not fields[i]:
                fields[i], units[i] = rule.field, rule.unit
    return Draft(
        "outcomes" if preset.outcome_rules else preset.table,
        layout.headers,
        layout.samples,
        tuple(fields),
        tuple(units),
        dict(preset.constants),
        dict(preset.derived),
        preset.outcome_rules,
        preset.date_order,
        preset.number_locale,
        preset.id,
    )


def with_table(draft: Draft, table: str) -> Draft:
    """``draft`` for another table: fields suggested again, constants of that table kept."""
    if table == draft.table:
        return draft
    known = set(target_fields(table))
    fields = suggest_fields(draft.headers, table)
    return dataclasses.replace(
        draft,
        table=table,
        fields=fields,
        units=("",) * len(fields),
        constants={k: v for k, v in draft.constants.items() if k in known},
        derived={k: v for k, v in draft.derived.items() if k in known},
        outcome_rules=draft.outcome_rules if table == "outcomes" else (),
    )


def missing_required(draft: Draft) -> tuple[str, ...]:
    """Required columns of the draft's table that no column, constant or derived rule feeds
    (none for CRM rules, which build every outcomes column)."""
    if draft.table == "outcomes" and draft.outcome_rules:
        return ()
    fed = set(draft.fields) | set(draft.constants) | set(draft.derived)
    if draft.table == "activity" and "account" in fed:
        fed.add("person_id")
    return tuple(c.name for c in TABLES[draft.table].required_columns if c.name not in fed)


def profile_id(name: str, headers: Sequence[str]) -> str:
    """ "profile_brandwatch_weekly_1a2b3c4d": the name as snake_case and the header's hash."""
    slug = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")[:40] or "mapping"
    return f"{PROFILE_PREFIX}{slug}_{header_fingerprint(headers)[:8]}"


def draft_id(file: str, sheet: str) -> str:
    """The id of a mapping applied in this session but not saved: one per file and sheet."""
    digest = hashlib.sha256(f"{file}\x00{sheet}".encode()).hexdigest()[:10]
    return f"{DRAFT_PREFIX}{digest}"


def _field_rules(draft: Draft, base: Preset | None) -> tuple[FieldRule, ...]:
    """One rule per mapped field, its headers in column order; a base rule for the same field
    lends its vocabulary, default, multi-value, split and combine (its unit when none is set)."""
    by_field: dict[str, list[int]] = {}
    for i, name in enumerate(draft.fields):
        if name:
            by_field.setdefault(name, []).append(i)
    base_rules = {r.field: r for r in base.fields} if base is not None else {}
    rules: list[FieldRule] = []
    for name, columns in by_field.items():
        headers = tuple(draft.headers[i] for i in columns)
        unit = next((draft.units[i] for i in columns if draft.units[i]), "")
        rule = base_rules.get(name)
        if rule is None:
            rules.append(FieldRule(name, headers, unit=unit))
        else:
            rules.append(dataclasses.replace(rule, headers=headers, unit=unit))
    return tuple(rules)


def to_profile(
    draft: Draft,
    name: str,
    *,
    base: Preset | None = None,
    preset_id: str | None = None,
    sheet: str = "",
    documented_by: str = "",
) -> Preset:
    """The preset that reads a sheet as ``draft`` says: a saved profile, or a draft applied.

    Recognition: the fingerprint is every header of the sheet, so only the same export layout
    (columns in any order, extra columns allowed) matches; a workbook sheet is named in
    ``sheets`` unless ``base`` names its own. Reading rules the step does not show (rows to
    drop, date formats, blanks, the account's source) come from ``base``.
    """
    headers = tuple(dict.fromkeys(h for h in draft.headers if h))
    kept = base if base is not None else Preset(id="_", tool="_", table="activity", fingerprint=())
    sheets = kept.sheets or ((sheet,) if sheet else ())
    return dataclasses.replace(
        kept,
        id=preset_id or profile_id(name, headers),
        tool=name,
        export="mapping profile",
        documented_by=documented_by,
        table=draft.table,  # type: ignore[arg-type]
        fingerprint=headers,
        optional_headers=(),
        sheets=sheets,
        fields=_field_rules(draft, base),
        constants={k: v for k, v in draft.constants.items() if str(v).strip()},
        derived={k: v for k, v in draft.derived.items() if str(v).strip()},
        outcome_rules=draft.outcome_rules if draft.table == "outcomes" else (),
        date_order=draft.date_order,  # type: ignore[arg-type]
        number_locale=draft.number_locale,  # type: ignore[arg-type]
    )
