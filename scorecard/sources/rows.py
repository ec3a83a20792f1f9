"""Rows of an export that are not data: footers, totals, notes, non-person directory rows."""

from __future__ import annotations

import numpy as np
import pandas as pd

from scorecard.problems import Problem
from scorecard.schema import header_key
from scorecard.sources.preset import Preset, RowRule


def first_filled(body: np.ndarray) -> np.ndarray:
    """Each row's first non-empty cell (``None`` for an empty row)."""
    if body.size == 0:
        return np.empty(len(body), dtype=object)
    filled = body != None
    return body[np.arange(len(body)), filled.argmax(axis=1)]


def matches(cells: np.ndarray, pattern: str) -> np.ndarray:
    """Whether each cell, as stripped text, matches ``pattern`` whole (case-insensitive);
    a blank cell is the empty text. Decided once per distinct cell."""
    codes, uniques = pd.factorize(pd.Series(cells, dtype=object, copy=False), sort=False)
    text = pd.Series([str(u) for u in uniques] + [""], dtype="str").str.strip()
    hit = text.str.fullmatch(pattern, case=False).to_numpy(dtype=bool, na_value=False)
    return hit[np.where(codes < 0, len(uniques), codes)]


def _rule_hits(
    rule: RowRule, body: np.ndarray, columns: dict[str, int], keep: np.ndarray
) -> np.ndarray:
    if rule.header:
        j = columns.get(header_key(rule.header))
        if j is None:
            return np.zeros(len(body), dtype=bool)
        subject = body[:, j]
    else:
        subject = first_filled(body)
    hit = matches(subject, rule.pattern) & keep
    alive = np.flatnonzero(keep)
    if rule.position != "any" and len(alive):
        only = alive[0] if rule.position == "first" else alive[-1]
        hit &= np.arange(len(body)) == only
    if rule.and_below and hit.any():
        hit[int(np.argmax(hit)) :] = True
        hit &= keep
    return hit


def drop_rows(
    preset: Preset, body: np.ndarray, columns: dict[str, int], label: str
) -> tuple[np.ndarray, list[Problem]]:
    """Mask of the rows to keep, and ONE warning counting the dropped rows per reason.

    Rules apply in order; a row dropped by one rule is not counted again. Rules with
    ``warn=False`` (footers, totals) drop silently.
    """
    keep = np.ones(len(body), dtype=bool)
    counts: dict[str, int] = {}
    for rule in preset.drop_rows:
        hit = _rule_hits(rule, body, columns, keep)
        keep &= ~hit
        if rule.warn and hit.any():
            counts[rule.reason] = counts.get(rule.reason, 0) + int(hit.sum())
    if not counts:
        return keep, []
    listed = ", ".join(f"{n:,} {reason}" for reason, n in counts.items())
    return keep, [
        Problem(
            "warning",
            "rows_dropped",
            f"Rows that are not data for the app were left out of '{label}': {listed}.",
            "Nothing to do if that is right; if one of them should count, change its row in the "
            "export (or in the mapping step) so it no longer looks like one.",
            table=preset.table,
            sheet=label,
        )
    ]
