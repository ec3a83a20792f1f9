"""Saved mapping profiles: a user's :class:`~scorecard.sources.preset.Preset` with who saved it.

Profiles live in the store (:meth:`scorecard.store.Store.save_profile`), travel to the ingest
worker as presets (data, never code) ahead of the registry's, and are downloaded and loaded as
the preset's JSON (:func:`load_profile`; the CLI's ``--profile FILE``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from scorecard.sources.preset import Preset


@dataclass(frozen=True)
class SavedProfile:
    """One row of the store's ``profiles`` table; ``preset_json`` is :meth:`Preset.to_json`."""

    name: str
    fingerprint: str
    preset_json: str
    saved_by: str
    saved_at: str  # "2026-03-02 09:15 UTC"

    @property
    def preset(self) -> Preset:
        return Preset.from_json(self.preset_json)

    @property
    def saved_on(self) -> str:
        """The day it was saved, "2026-03-02"."""
        return self.saved_at[:10]

    @property
    def sentence(self) -> str:
        """ "mapped with your profile 'Brandwatch weekly', saved by Mia on 2026-03-02"."""
        return (
            f"mapped with your profile '{self.name}', saved by {self.saved_by} on {self.saved_on}"
        )


def saved_by_line(saved_by: str, saved_on: str) -> str:
    """The preset's ``documented_by`` of a saved profile, so the CLI's "read as" names it too."""
    return f"saved by {saved_by} on {saved_on}"


def load_profile(text: str) -> Preset:
    """A profile from its JSON file; ValueError says what is wrong with it.

    The preset must be sound by the registry's checks (contract columns, units, regexes).
    """
    from scorecard.sources.registry import check_presets

    try:
        preset = Preset.from_json(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"it is not JSON (line {exc.lineno}: {exc.msg})") from None
    except (TypeError, KeyError) as exc:
        raise ValueError(f"it is not a mapping profile ({exc})") from None
    errors = check_presets([preset])
    if errors:
        raise ValueError("; ".join(errors))
    return preset


def presets_of(profiles: Sequence[SavedProfile]) -> tuple[Preset, ...]:
    """The presets of stored profiles, skipping any that no longer loads (a contract change)."""
    out: list[Preset] = []
    for profile in profiles:
        try:
            out.append(profile.preset)
        except (ValueError, TypeError, KeyError):
            continue
    return tuple(out)
