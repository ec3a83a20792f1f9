"""The assumptions a dataset may set, with their documented defaults.

The assumptions sheet is a list of ``key, value`` rows. Keys are either fixed (``hourly_cost_default``)
or families with a suffix (``value_per.<outcome metric>``, ``minutes.<action>``,
``bonus.points.<action>``, ``score.weight.<pillar>``, ``score.target.<pillar>``). A key the dataset
does not set takes the default below; a key nobody knows is a warning, never an error.
A number setting outside its ``bounds`` is an error: a pool of 1e308 would overflow the cents
of the bonus shares and every export.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

import pandas as pd

Kind = Literal["number", "fraction", "text", "list"]


@dataclass(frozen=True)
class Setting:
    """One assumption key (or key family when ``key`` ends with a dot)."""

    key: str
    kind: Kind
    default: float | str | None
    unit: str
    description: str
    #: Inclusive range of a number setting (``None`` for text).
    bounds: tuple[float, float] | None = None
    #: A regular expression a text setting's whole value must match (``None``: any text).
    pattern: str | None = None

    @property
    def is_family(self) -> bool:
        return self.key.endswith(".")


PILLARS: tuple[str, ...] = ("presence", "dialogue", "resonance", "cascade", "outcomes")

DEFAULT_MINUTES: dict[str, float] = {
    "post": 20,
    "video": 60,
    "blog": 90,
    "article": 60,
    "reply": 3,
    "comment": 3,
    "share": 2,
    "like": 0.5,
    "message": 3,
    "live": 45,
    "other": 5,
}
DEFAULT_POINTS: dict[str, float] = {
    "post": 5,
    "video": 8,
    "blog": 10,
    "article": 10,
    "reply": 2,
    "comment": 2,
    "share": 1,
    "like": 0,
    "message": 1,
    "live": 8,
    "other": 1,
}
DEFAULT_WEIGHTS: dict[str, float] = {p: 20.0 for p in PILLARS}
#: Pillar targets: active days per month, replies per action, engagements received per post,
#: team reach (share of everyone below a leader who is active), social ROI.
DEFAULT_TARGETS: dict[str, float] = {
    "presence": 12.0,
    "dialogue": 0.30,
    "resonance": 25.0,
    "cascade": 0.60,
    "outcomes": 1.0,
}

# Bounds far beyond a real company's settings and far below what breaks the arithmetic: money up
# to 1e12 keeps cents exact in int64 (1e14), points and minutes stay small against 1e15.
MONEY = (0.0, 1e12)
HOURLY = (0.0, 1e6)
UNIT_VALUE = (-1e9, 1e9)  # negative: an outcome that costs (negative_mentions)
POINTS = (0.0, 1e9)
MINUTES = (0.0, 1e4)  # default minutes of one action: up to a week
WEIGHT = (0.0, 1e6)
TARGET = (0.0, 1e12)

SETTINGS: tuple[Setting, ...] = (
    Setting(
        "hourly_cost_default",
        "number",
        85.0,
        "currency per hour",
        "Cost of an hour for a person without hourly_cost.",
        HOURLY,
    ),
    Setting("currency", "text", "$", "symbol", "Currency symbol shown beside money."),
    Setting(
        "company_name",
        "text",
        "Your company",
        "text",
        "The company's name on the board deck's and the PDF's title page.",
    ),
    Setting(
        "brand_color",
        "text",
        "#0072B2",
        "hex colour",
        "The accent colour of the board deck and the PDF, as #RRGGBB (e.g. #0072B2).",
        pattern=r"#[0-9A-Fa-f]{6}",
    ),
    Setting(
        "active_threshold",
        "number",
        1.0,
        "actions per month",
        "Actions in a month that make a person active that month.",
        POINTS,
    ),
    Setting(
        "leaderboard_names",
        "text",
        "initials",
        "full, initials or hidden",
        "How employees and the board see other people on leaderboards (scorecard.access): "
        "full names, initials, or hidden (Person 1, 2...); their own row reads You.",
    ),
    Setting(
        "approved_themes",
        "list",
        "",
        "comma-separated",
        "Message pillars that count as on message (compared case-insensitively).",
    ),
    Setting(
        "value_per.",
        "number",
        None,
        "currency per outcome unit",
        "Value of one unit of an outcome metric, e.g. value_per.qualified_leads = 250. "
        "Outcomes without a value are not counted in economic value.",
        UNIT_VALUE,
    ),
    Setting(
        "aggregate.",
        "text",
        "sum",
        "sum or mean",
        "How an outcome metric adds up over time: sum (default, for counts such as "
        "qualified_leads) or mean (for levels such as response_minutes, averaged over the "
        "rows of the period). A goal on a mean metric is not pro-rated over its window.",
    ),
    Setting(
        "minutes.",
        "number",
        None,
        "minutes per action",
        "Default minutes per action type for rows without minutes; defaults: "
        + ", ".join(f"{k} {v:g}" for k, v in DEFAULT_MINUTES.items())
        + ".",
        MINUTES,
    ),
    Setting("bonus.pool", "number", 10000.0, "currency", "Money shared by the bonus pool.", MONEY),
    Setting(
        "bonus.cap_per_month",
        "number",
        100.0,
        "points",
        "Most points a person can earn in one month.",
        POINTS,
    ),
    Setting(
        "bonus.min_points",
        "number",
        20.0,
        "points",
        "Points needed in the period to share in the pool.",
        POINTS,
    ),
    Setting(
        "bonus.points.",
        "number",
        None,
        "points per action",
        "Points per action type; defaults: "
        + ", ".join(f"{k} {v:g}" for k, v in DEFAULT_POINTS.items())
        + ".",
        POINTS,
    ),
    Setting(
        "score.weight.",
        "number",
        None,
        "weight",
        "Weight of a leadership-score pillar (presence, dialogue, resonance, cascade, "
        "outcomes); default 20 each.",
        WEIGHT,
    ),
    Setting(
        "score.target.",
        "number",
        None,
        "per pillar",
        "Target of a pillar: presence in active days per month (12), dialogue as replies "
        "per action (0.30), resonance as engagements per post (25), cascade as team reach "
        "(0.60), outcomes as social ROI (1.0).",
        TARGET,
    ),
)


def setting_for(key: str) -> Setting | None:
    """The setting a key belongs to, or ``None`` for an unknown key."""
    key = key.strip().lower()
    for setting in SETTINGS:
        if setting.is_family and key.startswith(setting.key) and len(key) > len(setting.key):
            return setting
        if key == setting.key:
            return setting
    return None


def bad_text(setting: Setting, value: str) -> bool:
    """Whether a text setting's ``value`` fails its ``pattern`` (blank takes the default)."""
    text = value.strip()
    return setting.pattern is not None and text != "" and not re.fullmatch(setting.pattern, text)


def text_setting(values: Mapping[str, str], key: str) -> str:
    """A text assumption, or its documented default when absent, blank or malformed."""
    setting = setting_for(key)
    default = str(setting.default) if setting is not None and setting.default is not None else ""
    text = values.get(key, "").strip()
    if not text or text == "nan" or (setting is not None and bad_text(setting, text)):
        return default
    return text


def out_of_bounds(setting: Setting, value: float) -> bool:
    """Whether a number setting's ``value`` lies outside its inclusive ``bounds`` (infinity
    always does; NaN, "not a number", is the validator's other message)."""
    if setting.bounds is None:
        return False
    low, high = setting.bounds
    return not math.isnan(value) and not low <= value <= high


def as_mapping(frame: pd.DataFrame) -> dict[str, str]:
    """The assumptions table as ``{lower-case key: value text}``; a later row wins."""
    keys = frame["key"].astype("str").str.strip().str.lower()
    values = frame["value"].astype("str").fillna("").str.strip()
    return dict(zip(keys, values, strict=True))


def number(values: Mapping[str, str], key: str, default: float) -> float:
    """A numeric assumption, or ``default`` when it is absent or blank."""
    text = values.get(key, "")
    return float(text) if text not in ("", "nan") else default


def theme_list(values: Mapping[str, str]) -> frozenset[str]:
    """The approved themes, lower-cased, from the comma-separated ``approved_themes``."""
    raw = values.get("approved_themes", "")
    return frozenset(t.strip().lower() for t in raw.split(",") if t.strip())


def averaged_outcomes(values: Mapping[str, str]) -> frozenset[str]:
    """Outcome metrics whose ``aggregate.<metric>`` is ``mean`` (lower-cased names)."""
    return frozenset(
        key.removeprefix("aggregate.")
        for key, value in values.items()
        if key.startswith("aggregate.") and value.strip().lower() in ("mean", "average")
    )
