"""The leadership score: five pillars, each min(actual / target, 1) × 100, weighted to 0–100.

Pillars and their actuals (targets and weights from assumptions ``score.target.*`` and
``score.weight.*``, defaults in :mod:`scorecard.assumptions`):

- presence: active days, against ``target × months of the period`` (a group: per person);
- dialogue: dialogue_ratio (replies / actions);
- resonance: engagement_rate (engagements received per post);
- cascade: team reach, the active share of everyone below a leader (a group: its active_share);
- outcomes: social_roi.

A missing actual (no posts, no time cost) scores 0 for that pillar. The cascade pillar is left
out, and the remaining weights re-normalised, for people with nobody below them, and for
everyone when no reach is supplied. A pillar's points are ``weight / Σ weights in play × its
0–100 score``, so the points add up to the score and "presence 14 of 20" reads directly.
A target ≤ 0 is met by any actual that is not missing. Negative actuals (a loss) score 0.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from scorecard.assumptions import PILLARS

if TYPE_CHECKING:  # only a type here; importing scorecard.metrics would import this module back
    from scorecard.metrics.params import Assumptions


def pillar_actuals(
    metrics: pd.DataFrame,
    *,
    per_person: bool,
    reach: pd.Series | None,
    has_reports: pd.Series | None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Actual per pillar, and whether the pillar is in play, for rows of metrics.

    ``per_person`` is True for people (presence is active days; cascade is ``reach`` for
    people with reports) and False for groups (presence is active days per person; cascade is
    the group's active_share).
    """
    idx = metrics.index
    actual = pd.DataFrame(index=idx)
    if per_person:
        actual["presence"] = metrics["active_days"]
        cascade = (
            reach.reindex(idx).astype("float64")
            if reach is not None
            else pd.Series(np.nan, index=idx)
        )
        in_play_cascade = (
            has_reports.reindex(idx).fillna(False).astype(bool)
            if reach is not None and has_reports is not None
            else pd.Series(False, index=idx)
        )
    else:
        actual["presence"] = metrics["active_days"] / metrics["headcount"].where(
            metrics["headcount"] > 0
        )
        cascade = metrics["active_share"]
        in_play_cascade = pd.Series(True, index=idx)
    actual["dialogue"] = metrics["dialogue_ratio"]
    actual["resonance"] = metrics["engagement_rate"]
    actual["cascade"] = cascade
    actual["outcomes"] = metrics["social_roi"]
    in_play = pd.DataFrame(True, index=idx, columns=list(PILLARS))
    in_play["cascade"] = in_play_cascade.to_numpy()
    return actual[list(PILLARS)], in_play


def score_table(
    actual: pd.DataFrame, in_play: pd.DataFrame, assumptions: Assumptions, months: float
) -> pd.DataFrame:
    """Per row: for each pillar ``{p}_actual``, ``{p}_target``, ``{p}_points`` (NaN when left
    out), ``{p}_max``, and ``leadership_score`` = Σ points (0–100; NaN if all weights are 0)."""
    columns: dict[str, object] = {}
    weights = pd.DataFrame(
        {p: np.where(in_play[p], assumptions.weight(p), 0.0) for p in PILLARS}, index=actual.index
    )
    total = weights.sum(axis=1)
    total = total.where(total > 0)
    score = pd.Series(0.0, index=actual.index)
    for p in PILLARS:
        target = assumptions.target(p) * (months if p == "presence" else 1.0)
        a = actual[p].astype("float64")
        if target > 0:
            fraction = (a / target).clip(lower=0.0, upper=1.0).fillna(0.0)
        else:
            fraction = a.notna().astype("float64")
        share = weights[p] / total
        points = (share * fraction * 100.0).where(in_play[p])
        columns[f"{p}_actual"] = a
        columns[f"{p}_target"] = target
        columns[f"{p}_points"] = points
        columns[f"{p}_max"] = (share * 100.0).where(in_play[p])
        score = score + points.fillna(0.0)
    columns["leadership_score"] = score.where(total.notna())
    return pd.DataFrame(columns, index=actual.index)


def leadership(
    metrics: pd.DataFrame,
    assumptions: Assumptions,
    months: float,
    *,
    per_person: bool,
    reach: pd.Series | None = None,
    has_reports: pd.Series | None = None,
) -> pd.DataFrame:
    """The pillar table (see :func:`score_table`) for people or groups of ``metrics``."""
    actual, in_play = pillar_actuals(
        metrics, per_person=per_person, reach=reach, has_reports=has_reports
    )
    table = score_table(actual, in_play, assumptions, months)
    why = "no team reach was supplied" if per_person and reach is None else "nobody reports to them"
    table["cascade_note"] = pd.Series(
        np.where(in_play["cascade"], "", why), index=table.index, dtype="str"
    )
    return table


def _num(x: float, decimals: int = 1) -> str:
    return f"{round(x, decimals):g}"


def _pct(x: float) -> str:
    return f"{x * 100:.0f}%"


_MISSING = {
    "presence": "no active days",
    "dialogue": "no actions yet",
    "resonance": "no posts yet",
    "cascade": "no reach measured",
    "outcomes": "no time cost recorded, so no social ROI",
}


def _says(pillar: str, actual: float, target: float) -> str:
    if pillar == "presence":
        return f"{_num(actual)} active days against a target of {_num(target)}"
    if pillar == "dialogue":
        return f"replies are {_pct(actual)} of actions against a target of {_pct(target)}"
    if pillar == "resonance":
        return f"{_num(actual)} engagements per post against a target of {_num(target)}"
    if pillar == "cascade":
        return f"{_pct(actual)} of the people below active against a target of {_pct(target)}"
    return f"social ROI of {actual:.2f} against a target of {target:.2f}"


def explain(row: pd.Series) -> str:
    """One sentence per pillar from a row of :func:`score_table`, joined by "; ", e.g.
    "presence 14 of 20: 9 active days against a target of 13"."""
    parts = []
    for p in PILLARS:
        points, top = row[f"{p}_points"], row[f"{p}_max"]
        if pd.isna(points):
            note = row.get(f"{p}_note", "") or "its weight is 0"
            parts.append(f"{p} left out: {note}")
            continue
        actual, target = row[f"{p}_actual"], row[f"{p}_target"]
        reason = _MISSING[p] if pd.isna(actual) else _says(p, float(actual), float(target))
        parts.append(f"{p} {points:.0f} of {top:.0f}: {reason}")
    return "; ".join(parts)
