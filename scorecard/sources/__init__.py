"""Source presets: tool exports (HR, social, CRM) read as tables of the contract.

:mod:`.preset` holds the data types, :mod:`.registry` collects every preset of
``scorecard/sources/presets/`` and detects which one a sheet is, :mod:`.apply` turns a sheet
into contract tables. :func:`read_export` applies one preset to one file, for tests and tools.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scorecard.sources.preset import (
    COUNT,
    AccountRule,
    FieldRule,
    OutcomeRule,
    Preset,
    RowExpansion,
    RowRule,
)

if TYPE_CHECKING:
    from scorecard.sources.apply import Applied

__all__ = [
    "COUNT",
    "AccountRule",
    "FieldRule",
    "OutcomeRule",
    "Preset",
    "RowExpansion",
    "RowRule",
    "read_export",
]


def read_export(preset: Preset, name: str, data: bytes) -> Applied:
    """Apply ``preset`` to one file's bytes (every sheet it reads); see :func:`.apply.read_export`."""
    from scorecard.sources.apply import read_export as _read_export

    return _read_export(preset, name, data)
