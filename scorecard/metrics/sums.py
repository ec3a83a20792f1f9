"""Sums first: the additive building blocks of every metric, per person and per group.

:func:`person_sums` gives one row per person in scope and only additive columns, so a
department's sums are exactly the sums of its people's rows (:func:`group_sums`). The few
non-additive pieces (distinct channels, voice consistency, outcomes attributed to a department
alone) are computed per group from the rows by :func:`group_extras`. Ratios come after, in
:mod:`scorecard.metrics.ratios`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from scorecard.metrics.scope import Scope
from scorecard.metrics.voice import voice_consistency
from scorecard.schema import POST_ACTIONS, REPLY_ACTIONS, SHARE_ACTIONS

#: Flat boolean grids above this many cells fall back to sorting (memory guard).
_MAX_GRID = 50_000_000


def _distinct_pairs(a: np.ndarray, b: np.ndarray, n_b: int) -> np.ndarray:
    """The distinct ``a * n_b + b`` keys, without sorting all rows when the grid is small."""
    keys = a * n_b + b
    n_cells = (int(a.max()) + 1) * n_b if len(a) else 0
    if n_cells <= _MAX_GRID:
        grid = np.zeros(n_cells, dtype=bool)
        grid[keys] = True
        return np.flatnonzero(grid)
    return np.unique(keys)


def _outcome_value(scope: Scope) -> pd.DataFrame:
    """Outcome rows of the period with their currency value (value × unit value), each with
    the position of its person in scope (-1 when none) and its department text."""
    out = scope.outcomes
    unit_values = pd.Series(
        [scope.assumptions.value_for(m) for m in pd.unique(out["metric"].astype("str"))],
        index=pd.unique(out["metric"].astype("str")),
        dtype="float64",
    )
    value = out["value"].to_numpy(dtype="float64") * unit_values.reindex(
        out["metric"].astype("str")
    ).to_numpy(dtype="float64")
    return pd.DataFrame(
        {
            "value": np.nan_to_num(value),
            "person": scope.people.index.get_indexer(out["person_id"].astype("str")),
            "has_person": out["person_id"].notna().to_numpy(),
            "department": out["department"].astype("str").fillna("").str.strip().to_numpy(),
        }
    )


def _active_in_some_month(scope: Scope) -> np.ndarray:
    """Per person: actions ≥ active_threshold in at least one calendar month of the period
    (the cascade's definition of active, so team reach and active share agree)."""
    r, n = scope.rows, len(scope.people)
    if not len(r.person):
        return np.zeros(n, dtype=bool)
    n_months = int(r.month.max()) + 1
    per_month = np.bincount(
        r.person * n_months + r.month, weights=r.count, minlength=n * n_months
    ).reshape(n, n_months)
    return (per_month >= scope.assumptions.active_threshold).any(axis=1)


@dataclass(frozen=True)
class Cells:
    """Activity reduced once to distinct (person, channel) pairs and themed-post counts per
    (person, channel, theme): groups aggregate these, not the rows, for their extras."""

    pair_person: np.ndarray
    pair_channel: np.ndarray
    cell_person: np.ndarray
    cell_channel: np.ndarray
    cell_theme: np.ndarray
    cell_posts: np.ndarray


def person_cells(scope: Scope) -> Cells:
    """The :class:`Cells` of a scope (one pass over the rows)."""
    r = scope.rows
    n_c = max(len(r.channel_names), 1)
    pairs = _distinct_pairs(r.person, r.channel, n_c)
    themed = r.is_post & (r.theme >= 0) & (r.count > 0)
    n_t = max(len(r.theme_names), 1)
    keys = (r.person[themed] * n_c + r.channel[themed]) * n_t + r.theme[themed]
    n_cells = len(scope.people) * n_c * n_t
    if n_cells <= _MAX_GRID:
        grid = np.bincount(keys, weights=r.count[themed], minlength=n_cells)
        cells = np.flatnonzero(grid)
        posts = grid[cells]
    else:
        cells, inverse = np.unique(keys, return_inverse=True)
        posts = np.bincount(inverse, weights=r.count[themed], minlength=len(cells))
    return Cells(
        pairs // n_c, pairs % n_c, cells // (n_c * n_t), (cells // n_t) % n_c, cells % n_t, posts
    )


def _by_code(
    person: np.ndarray, codes: np.ndarray, n_codes: int, weights: np.ndarray, n: int
) -> np.ndarray:
    """Σ weights per (person, code) as an (n, n_codes + 1) matrix; column 0 holds code -1."""
    width = n_codes + 1
    return np.bincount(person * width + codes + 1, weights=weights, minlength=n * width).reshape(
        n, width
    )


def person_sums(scope: Scope, cells: Cells) -> pd.DataFrame:
    """Additive sums per person in scope (index: positions in ``scope.people``).

    Columns: headcount (1), actions, posts, replies, shares, active_days, impressions,
    reactions, comments_received, shares_received, clicks, minutes, time_cost (minutes / 60 × hourly
    cost), purposed and marketing actions, themed and approved posts, follower-weighted posts
    and received engagements (people with followers > 0 only), economic_value (outcome rows of
    the person), and 0/1 counts behind the shares: md_yes/md_known (multi-daily), blog_yes,
    mm_yes/mm_known (mostly marketing), active_yes. One pass over the rows per matrix: actions
    by type and purposes are (person × code) matrices, summed over the codes that qualify.
    """
    r, people, a = scope.rows, scope.people, scope.assumptions
    n = len(people)

    def total(weights: np.ndarray) -> np.ndarray:
        return np.bincount(r.person, weights=weights, minlength=n)

    by_action = _by_code(r.person, r.action, len(r.action_names), r.count, n)[:, 1:]
    names = r.action_names

    def of_actions(wanted: tuple[str, ...]) -> np.ndarray:
        return by_action[:, np.isin(names, wanted)].sum(axis=1)

    by_purpose = _by_code(r.person, r.purpose, len(r.purpose_names), r.count, n)[:, 1:]
    purposed = by_purpose.sum(axis=1)
    marketing = by_purpose[:, r.purpose_names == "marketing"].sum(axis=1)
    posts = of_actions(POST_ACTIONS)
    approved_theme = np.isin(r.theme_names, list(a.approved_themes))[cells.cell_theme]
    blog_channel = np.array([c.lower() == "blog" for c in r.channel_names] + [False])
    blog_pairs = np.bincount(
        cells.pair_person, weights=blog_channel[cells.pair_channel], minlength=n
    )
    days = scope.period.days
    active_cells = _distinct_pairs(r.person, r.day, days)
    active_days = np.bincount(active_cells // days, minlength=n).astype("float64")

    s = pd.DataFrame(index=pd.RangeIndex(n))  # positions: alignment is free, ids come last
    s["headcount"] = 1.0
    s["actions"] = by_action.sum(axis=1)
    s["posts"] = posts
    s["replies"] = of_actions(REPLY_ACTIONS)
    s["shares"] = of_actions(SHARE_ACTIONS)
    s["active_days"] = active_days
    for col in ("impressions", "reactions", "comments_received", "shares_received", "clicks"):
        s[col] = total(getattr(r, col))
    s["minutes"] = total(r.minutes)
    s["time_cost"] = s["minutes"] / 60.0 * people["hourly_cost"].to_numpy(dtype="float64")
    s["purposed"] = purposed
    s["marketing"] = marketing
    s["themed_posts"] = np.bincount(cells.cell_person, weights=cells.cell_posts, minlength=n)
    s["approved_posts"] = np.bincount(
        cells.cell_person, weights=cells.cell_posts * approved_theme, minlength=n
    )

    followers = people["followers"].to_numpy(dtype="float64")
    known = np.nan_to_num(followers) > 0
    s["fw_posts"] = np.where(known, posts * np.nan_to_num(followers) / 1000.0, 0.0)
    for col in ("reactions", "comments_received", "shares_received"):
        s[f"fw_{col}"] = np.where(known, s[col], 0.0)

    ov = _outcome_value(scope)
    mine = ov[ov["person"] >= 0]
    s["economic_value"] = np.bincount(mine["person"], weights=mine["value"], minlength=n).astype(
        "float64"
    )

    business_days = scope.period.business_days
    s["md_known"] = 1.0 if business_days else 0.0
    s["md_yes"] = (s["actions"] / business_days >= 2).astype("float64") if business_days else 0.0
    s["blog_yes"] = ((blog_pairs > 0) | (of_actions(("blog",)) > 0)).astype("float64")
    s["mm_known"] = (purposed > 0).astype("float64")
    with np.errstate(divide="ignore", invalid="ignore"):
        s["mm_yes"] = ((purposed > 0) & (marketing / purposed > 0.5)).astype("float64")
    s["active_yes"] = _active_in_some_month(scope).astype("float64")
    return s


def group_sums(sums: pd.DataFrame, keys: pd.Series) -> pd.DataFrame:
    """Sums of people's rows per group key (a department, or one company key)."""
    return sums.groupby(keys.to_numpy(), sort=True).sum()


def group_extras(cells: Cells, group_of_person: np.ndarray, n_groups: int) -> pd.DataFrame:
    """Per group (positions 0..n_groups-1) the non-additive pieces: distinct ``channels`` used
    by anyone in the group and the group's own ``voice_consistency`` (see :mod:`.voice`)."""
    n_c = int(cells.pair_channel.max()) + 1 if len(cells.pair_channel) else 1
    pairs = _distinct_pairs(group_of_person[cells.pair_person], cells.pair_channel, n_c)
    channels = np.bincount(pairs // n_c, minlength=n_groups)
    voice = voice_consistency(
        group_of_person[cells.cell_person],
        cells.cell_channel,
        cells.cell_theme,
        cells.cell_posts,
        n_groups,
    )
    return pd.DataFrame({"channels": channels.astype("float64"), "voice_consistency": voice})


def department_only_value(scope: Scope) -> pd.Series:
    """Economic value of outcome rows with a department but no person, per department in
    scope; empty under a tier filter (such rows belong to no tier)."""
    ov = _outcome_value(scope)
    alone = ov[~ov["has_person"] & (ov["department"] != "")]
    departments = pd.unique(scope.people["department"])
    alone = alone[alone["department"].isin(departments)]
    if scope.filters.tiers:
        alone = alone.iloc[0:0]
    return alone.groupby("department")["value"].sum().astype("float64")
