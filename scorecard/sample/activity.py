"""The sample company's activity rows: one per person, day, channel and action, with a count.

From the active-day matrix, each active day gets a handful of channel and action draws
(executives on LinkedIn, X, Internal, YouTube and, for a few, the Blog; staff mostly LinkedIn,
Internal and X), merged so each (person, day, channel, action) is one row. Purposes and themes
lean per department; minutes are filled on about 60% of rows; what the content gets back
(impressions, reactions, ...) scales with the author's followers, with noise.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from scorecard.assumptions import DEFAULT_MINUTES
from scorecard.sample.adoption import DAYS
from scorecard.sample.org import DEPARTMENTS

DEPTS = tuple(DEPARTMENTS)
CHANNELS = ("LinkedIn", "X", "Internal", "YouTube", "Blog", "Facebook", "Instagram")
ACTIONS = ("post", "video", "blog", "article", "reply", "comment", "share")
PURPOSES = ("marketing", "employees", "reputation", "initiatives", "customers")
THEMES = (
    "Customer first",
    "Innovation",
    "Our people",
    "Sustainability",
    "Personal",
    "Industry news",
    "Events",
)

#: Channel mix per tier level (C-suite, VP, Director, Manager, Staff), columns as CHANNELS.
CHANNEL_MIX = np.array(
    [
        [0.40, 0.20, 0.22, 0.10, 0.04, 0.03, 0.01],
        [0.44, 0.18, 0.24, 0.07, 0.03, 0.03, 0.01],
        [0.50, 0.15, 0.28, 0.03, 0.00, 0.03, 0.01],
        [0.50, 0.14, 0.30, 0.02, 0.00, 0.03, 0.01],
        [0.48, 0.14, 0.32, 0.01, 0.00, 0.03, 0.02],
    ]
)
#: Department tilt on channels: Marketing on Facebook and Instagram, CX answers on X.
CHANNEL_TILT = {"Marketing": {"Facebook": 3.0, "Instagram": 4.0}, "Customer Experience": {"X": 1.6}}
#: Which actions each channel allows (relative weight), rows as CHANNELS, columns as ACTIONS.
CHANNEL_ACTIONS = np.array(
    [
        [1.0, 0.4, 0.0, 0.5, 1.0, 1.0, 1.0],
        [1.0, 0.2, 0.0, 0.0, 1.0, 0.3, 1.0],
        [1.0, 0.3, 0.0, 0.3, 1.0, 1.0, 0.6],
        [0.0, 1.0, 0.0, 0.0, 0.25, 0.1, 0.0],
        [0.0, 0.0, 1.0, 0.0, 0.3, 0.0, 0.0],
        [1.0, 0.3, 0.0, 0.0, 0.6, 0.6, 1.0],
        [1.0, 0.6, 0.0, 0.0, 0.5, 0.5, 0.3],
    ]
)
#: Action mix per department (rows as DEPTS): CX replies and comments the most.
DEPT_ACTIONS = np.array(
    [
        [0.34, 0.08, 1.0, 0.06, 0.06, 0.07, 0.24],
        [0.24, 0.04, 1.0, 0.05, 0.12, 0.13, 0.28],
        [0.14, 0.08, 1.0, 0.02, 0.34, 0.26, 0.08],
        [0.30, 0.06, 1.0, 0.05, 0.11, 0.11, 0.24],
        [0.24, 0.04, 1.0, 0.08, 0.12, 0.14, 0.22],
        [0.25, 0.02, 1.0, 0.10, 0.08, 0.10, 0.30],
        [0.26, 0.04, 1.0, 0.05, 0.11, 0.13, 0.26],
    ]
)
#: Purpose mix per department (rows as DEPTS, columns as PURPOSES); Internal leans employees.
DEPT_PURPOSES = np.array(
    [
        [0.68, 0.06, 0.12, 0.08, 0.06],
        [0.45, 0.03, 0.07, 0.05, 0.40],
        [0.08, 0.05, 0.12, 0.05, 0.70],
        [0.06, 0.70, 0.08, 0.14, 0.02],
        [0.15, 0.20, 0.10, 0.45, 0.10],
        [0.10, 0.15, 0.35, 0.35, 0.05],
        [0.12, 0.25, 0.18, 0.35, 0.10],
    ]
)
INTERNAL_PURPOSES = np.array([0.03, 0.55, 0.05, 0.32, 0.05])
#: Theme mix per department (rows as DEPTS, columns as THEMES; the first four are approved).
DEPT_THEMES = np.array(
    [
        [0.30, 0.25, 0.10, 0.17, 0.05, 0.05, 0.08],
        [0.38, 0.20, 0.05, 0.05, 0.09, 0.15, 0.08],
        [0.62, 0.08, 0.10, 0.04, 0.07, 0.05, 0.04],
        [0.08, 0.07, 0.62, 0.07, 0.08, 0.04, 0.04],
        [0.10, 0.57, 0.08, 0.07, 0.07, 0.08, 0.03],
        [0.10, 0.10, 0.10, 0.20, 0.15, 0.30, 0.05],
        [0.10, 0.15, 0.12, 0.40, 0.10, 0.08, 0.05],
    ]
)
#: Share of rows carrying a theme, per action (original content nearly always does).
THEMED = np.array([0.9, 0.9, 0.95, 0.9, 0.08, 0.08, 0.4])
#: Impressions per follower for original content, per channel.
REACH = np.array([0.35, 0.25, 0.0, 0.5, 0.6, 0.2, 0.3])
#: Extra replies/comments per row (Poisson mean): CX answers customers in volume.
DIALOGUE_EXTRA = {"Customer Experience": 0.5}
MINUTES_FILLED = 0.6


def _pick(rng: np.random.Generator, probs: np.ndarray) -> np.ndarray:
    """One category per row from a rows × categories matrix of (unnormalised) weights."""
    cum = np.cumsum(probs, axis=1)
    u = rng.random(len(probs)) * cum[:, -1]
    return (u[:, None] >= cum).sum(axis=1)


def _channel_weights(people: pd.DataFrame, bloggers: np.ndarray) -> np.ndarray:
    weights = CHANNEL_MIX[people["tier_level"].to_numpy()].copy()
    weights[~bloggers, CHANNELS.index("Blog")] = 0.0
    for department, tilt in CHANNEL_TILT.items():
        rows = (people["department"] == department).to_numpy()
        for channel, factor in tilt.items():
            weights[rows, CHANNELS.index(channel)] *= factor
    return weights


def draw_rows(
    people: pd.DataFrame,
    active: np.ndarray,
    rows_per_day: np.ndarray,
    bloggers: np.ndarray,
    rng: np.random.Generator,
) -> pd.DataFrame:
    """Positions (person, day, channel, action) with counts, one row per distinct tuple.

    Each active day of person p gets 1 + Poisson(rows_per_day[p]) draws; a reply or comment
    draw counts 1 + Poisson(0.2 + the department's extra), a share 1 + Poisson(0.3), other
    actions 1.
    """
    person, day = np.nonzero(active)
    draws = 1 + rng.poisson(rows_per_day[person])
    person, day = np.repeat(person, draws), np.repeat(day, draws)
    dept = pd.Index(DEPTS).get_indexer(people["department"])[person]
    channel = _pick(rng, _channel_weights(people, bloggers)[person])
    action = _pick(rng, CHANNEL_ACTIONS[channel] * DEPT_ACTIONS[dept])
    extra = np.array([DIALOGUE_EXTRA.get(d, 0.0) for d in DEPTS])[dept]
    dialogue = np.isin(action, [ACTIONS.index("reply"), ACTIONS.index("comment")])
    share = action == ACTIONS.index("share")
    count = (
        1
        + np.where(dialogue, rng.poisson(0.2 + extra), 0)
        + np.where(share, rng.poisson(0.3, len(action)), 0)
    )
    frame = pd.DataFrame(
        {"person": person, "day": day, "channel": channel, "action": action, "count": count}
    )
    return frame.groupby(["person", "day", "channel", "action"], sort=True, as_index=False)[
        "count"
    ].sum()


def describe_rows(
    people: pd.DataFrame, rows: pd.DataFrame, rng: np.random.Generator
) -> pd.DataFrame:
    """The activity table (schema columns) for the drawn rows: purposes, themes, minutes and
    what the content got back."""
    n = len(rows)
    person = rows["person"].to_numpy()
    channel = rows["channel"].to_numpy()
    action = rows["action"].to_numpy()
    count = rows["count"].to_numpy()
    dept = pd.Index(DEPTS).get_indexer(people["department"])[person]
    internal = channel == CHANNELS.index("Internal")
    purpose_weights = np.where(
        internal[:, None], 0.5 * DEPT_PURPOSES[dept] + INTERNAL_PURPOSES, DEPT_PURPOSES[dept]
    )
    purpose = np.array(PURPOSES, dtype=object)[_pick(rng, purpose_weights)]
    purpose[rng.random(n) < 0.08] = None
    theme = np.array(THEMES, dtype=object)[_pick(rng, DEPT_THEMES[dept])]
    theme[rng.random(n) >= THEMED[action]] = None
    default_minutes = np.array([DEFAULT_MINUTES[a] for a in ACTIONS])[action]
    minutes = np.maximum(1.0, np.round(default_minutes * count * rng.lognormal(0, 0.45, n)))
    minutes[rng.random(n) >= MINUTES_FILLED] = np.nan
    impressions, reactions, comments, shares, clicks = _response(
        people, person, channel, action, count, rng
    )
    return pd.DataFrame(
        {
            "date": DAYS[rows["day"].to_numpy()],
            "person_id": people["person_id"].to_numpy()[person],
            "channel": np.array(CHANNELS, dtype=object)[channel],
            "action": np.array(ACTIONS, dtype=object)[action],
            "purpose": purpose,
            "theme": theme,
            "count": count,
            "minutes": minutes,
            "impressions": impressions,
            "reactions": reactions,
            "comments_received": comments,
            "shares_received": shares,
            "clicks": clicks,
        }
    )


def _response(
    people: pd.DataFrame,
    person: np.ndarray,
    channel: np.ndarray,
    action: np.ndarray,
    count: np.ndarray,
    rng: np.random.Generator,
) -> tuple[np.ndarray, ...]:
    """Impressions ~ followers × channel reach × noise (Internal: colleagues, a few hundred);
    shares reach 12% and replies 2% of followers per action; engagement ~ Poisson of a rate
    per impression."""
    n = len(person)
    followers = people["followers"].to_numpy()[person]
    original = action <= ACTIONS.index("article")
    reach = np.where(
        original, REACH[channel], np.where(action == ACTIONS.index("share"), 0.12, 0.02)
    )
    internal = np.where(original, 150.0, 15.0) * count
    noise = rng.lognormal(0.0, 0.6, n)
    impressions = np.round(
        np.where(channel == CHANNELS.index("Internal"), internal, followers * reach * count) * noise
    )
    appeal = rng.lognormal(0.0, 0.4, n)  # some content lands, some does not
    rate = np.where(original, 1.0, 0.4) * appeal
    reactions = rng.poisson(impressions * 0.025 * rate)
    comments = rng.poisson(impressions * 0.003 * rate)
    shares = rng.poisson(impressions * 0.0015 * rate)
    clicks = rng.poisson(impressions * np.where(original, 0.01, 0.003) * appeal)
    return impressions, reactions, comments, shares, clicks
