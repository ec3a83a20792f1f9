"""Every source preset in one registry, and detection of the preset a sheet was exported by.

:data:`PRESETS` collects the ``PRESETS`` tuple of every module in ``scorecard/sources/presets/``
(sorted by module name), so a preset author adds a file and never edits this one. The registry
is checked at import (:func:`check_presets`): unique ids, known tables and contract columns,
units, splits and regular expressions that compile.

Detection (:func:`detect`): a preset is a candidate for a sheet when one of the sheet's first
``header_search_rows`` filled rows names every fingerprint header. Its confidence, in 0..1, is
the share of fingerprint + optional headers found; a preset with a ``file_pattern`` takes 85% of
that share plus 0.15 when the file name matches. The best candidate at or above
:data:`THRESHOLD` wins (ties: more headers found, then registry order; saved profiles passed
first win ties). The template's own sheets (named after a table, naming its required columns)
are never matched.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from scorecard.schema import TABLES, header_key, table_for_sheet
from scorecard.sources import presets as _presets_package
from scorecard.sources.apply import header_columns
from scorecard.sources.preset import SPLITS, UNITS, Preset, expanded

if TYPE_CHECKING:
    from scorecard.ingest.readers import Grid

#: Lowest confidence at which a preset is applied without asking.
THRESHOLD = 0.5
#: Share of the confidence a file-name match is worth, for presets with a ``file_pattern``.
FILE_NAME_WEIGHT = 0.15
_DATE_ORDERS = ("", "DMY", "MDY", "YMD")
#: Columns (and the accounts table) the identity change adds to the contract, accepted before
#: they land in :mod:`scorecard.schema` so preset authors are not blocked; the schema wins once
#: they exist.
_PENDING: dict[str, tuple[str, ...]] = {
    "people": ("email",),
    "activity": ("account",),
    "accounts": ("channel", "account", "person_id", "kind", "steward_id"),
}
_LOCALES = ("en", "de", "fr")


@dataclass(frozen=True)
class Match:
    """A preset recognised on a sheet: how sure (0..1) and where its header row is."""

    preset: Preset
    confidence: float
    header_at: int
    headers_found: int

    @property
    def read_as(self) -> str:
        """ "LinkedIn Page content export → activity, confidence 0.92"."""
        return f"{self.preset.label} → {self.preset.table}, confidence {self.confidence:.2f}"


def load_presets() -> tuple[Preset, ...]:
    """The ``PRESETS`` of every module of the presets package, by module name."""
    found: list[Preset] = []
    modules = sorted(m.name for m in pkgutil.iter_modules(_presets_package.__path__))
    for name in modules:
        module = importlib.import_module(f"{_presets_package.__name__}.{name}")
        found += getattr(module, "PRESETS", ())
    return tuple(found)


def _compiles(pattern: str) -> bool:
    try:
        re.compile(pattern)
    except re.error:
        return False
    return True


def check_presets(presets: Sequence[Preset]) -> list[str]:
    """Every mistake in ``presets``, one sentence each (empty when all are sound)."""
    errors: list[str] = []
    seen: set[str] = set()
    for p in presets:
        if not isinstance(p, Preset):
            errors.append(f"{p!r} is not a Preset")
            continue
        if p.id in seen:
            errors.append(f"preset id {p.id!r} is used twice")
        seen.add(p.id)
        name = "outcomes" if p.outcome_rules else p.table
        if name not in TABLES and name not in _PENDING:
            errors.append(f"{p.id}: table {p.table!r} is not a table of the contract")
            continue
        if not p.fingerprint:
            errors.append(f"{p.id}: the fingerprint is empty")
        known = set(TABLES[name].column_names if name in TABLES else ())
        known |= set(_PENDING.get(name, ()))
        names = [r.field for r in p.fields] + list(p.constants) + list(p.derived)
        errors += [f"{p.id}: {n!r} is not a column of {name}" for n in names if n not in known]
        errors += [
            f"{p.id}: unit {r.unit!r} of {r.field} is unknown (use one of "
            f"{', '.join(u for u in UNITS if u)})"
            for r in p.fields
            if r.unit not in UNITS
        ]
        errors += [
            f"{p.id}: split {r.split!r} of {r.field} is unknown"
            for r in p.fields
            if r.split and r.split not in SPLITS
        ]
        patterns = [p.file_pattern, *(r.pattern for r in p.drop_rows)]
        if p.account_from is not None:
            patterns.append(p.account_from.pattern)
        errors += [
            f"{p.id}: {x!r} is not a regular expression" for x in patterns if not _compiles(x)
        ]
        if p.date_order not in _DATE_ORDERS:
            errors.append(f"{p.id}: date_order {p.date_order!r} is not one of DMY, MDY, YMD")
        if p.number_locale not in _LOCALES:
            errors.append(f"{p.id}: number_locale {p.number_locale!r} is not en, de or fr")
        for e in p.expansions:  # each reading must be as sound as a preset
            errors += [f"{err} (expansion {e.reason!r})" for err in check_presets([expanded(p, e)])]
    return errors


def _checked(presets: tuple[Preset, ...]) -> tuple[Preset, ...]:
    errors = check_presets(presets)
    if errors:
        raise ValueError("Broken source presets: " + "; ".join(errors))
    return presets


PRESETS: tuple[Preset, ...] = _checked(load_presets())
BY_ID: dict[str, Preset] = {p.id: p for p in PRESETS}


def is_template_sheet(grid: Grid) -> bool:
    """A sheet (or CSV) named after a contract table whose header names its required columns."""
    from pathlib import PurePath

    table = table_for_sheet(PurePath(grid.name).stem if grid.is_file else grid.name)
    if table is None:
        return False
    owner = {key: c.name for c in table.columns for key in c.keys}
    required = {c.name for c in table.required_columns}
    for i in np.flatnonzero(grid.row_filled)[:20]:
        named = {owner.get(k) for k in header_columns(grid.cells[i])}
        if required <= named:
            return True
    return False


def score(preset: Preset, keys: set[str], file_name: str) -> tuple[float, int]:
    """(confidence, headers found) of ``preset`` for a header row with ``keys``; 0 when a
    fingerprint header is missing."""
    fingerprint = {header_key(h) for h in preset.fingerprint}
    if not fingerprint <= keys:
        return 0.0, 0
    optional = {header_key(h) for h in preset.optional_headers} - fingerprint
    found = len(fingerprint) + len(optional & keys)
    share = found / (len(fingerprint) + len(optional))
    if not preset.file_pattern:
        return share, found
    named = re.search(preset.file_pattern, file_name, re.IGNORECASE) is not None
    return (1 - FILE_NAME_WEIGHT) * share + FILE_NAME_WEIGHT * named, found


def candidates(grid: Grid, file_name: str, presets: Iterable[Preset]) -> list[Match]:
    """Every preset whose fingerprint a top row of ``grid`` names, with its confidence."""
    rows = [
        (int(i), set(header_columns(grid.cells[i])))
        for i in np.flatnonzero(grid.row_filled)[
            : max((p.header_search_rows for p in presets), default=0)
        ]
    ]
    out: list[Match] = []
    for preset in presets:
        if (
            preset.sheets
            and not grid.is_file
            and header_key(grid.name) not in {header_key(s) for s in preset.sheets}
        ):
            continue
        best: Match | None = None
        for i, keys in rows[: preset.header_search_rows]:
            confidence, found = score(preset, keys, file_name)
            if confidence > 0 and (
                best is None or (confidence, found) > (best.confidence, best.headers_found)
            ):
                best = Match(preset, confidence, i, found)
        if best is not None:
            out.append(best)
    return out


def detect(grid: Grid, file_name: str, presets: Sequence[Preset] | None = None) -> Match | None:
    """The preset ``grid`` (a sheet of ``file_name``) was exported by, or ``None``.

    ``presets`` defaults to :data:`PRESETS`; pass saved profiles first to let them win ties.
    """
    if is_template_sheet(grid):
        return None
    best: Match | None = None
    for match in candidates(grid, file_name, PRESETS if presets is None else presets):
        if match.confidence >= THRESHOLD and (
            best is None
            or (match.confidence, match.headers_found) > (best.confidence, best.headers_found)
        ):
            best = match
    return best
