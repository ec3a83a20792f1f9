"""The assumptions sheet parsed once into a typed, hashable value with its documented defaults.

Defaults live in :mod:`scorecard.assumptions`; this module only reads the sheet over them. A blank
or unparsable number takes its default (the validator already warned about it).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from scorecard.assumptions import (
    DEFAULT_MINUTES,
    DEFAULT_POINTS,
    DEFAULT_TARGETS,
    DEFAULT_WEIGHTS,
    PILLARS,
    SETTINGS,
    as_mapping,
    theme_list,
)

_DEFAULTS = {s.key: s.default for s in SETTINGS}

Pairs = tuple[tuple[str, float], ...]


def _number(values: dict[str, str], key: str, default: float) -> float:
    try:
        text = values.get(key, "")
        return float(text) if text not in ("", "nan") else default
    except ValueError:
        return default


def _family(values: dict[str, str], prefix: str, defaults: dict[str, float]) -> Pairs:
    merged = dict(defaults)
    for key in values:
        if key.startswith(prefix) and len(key) > len(prefix):
            name = key[len(prefix) :]
            merged[name] = _number(values, key, defaults.get(name, float("nan")))
    return tuple(sorted((k, v) for k, v in merged.items() if not math.isnan(v)))


@dataclass(frozen=True)
class Assumptions:
    """Every setting the dictionary uses. Hashable (mappings are sorted pairs)."""

    hourly_cost_default: float = float(_DEFAULTS["hourly_cost_default"])  # type: ignore[arg-type]
    currency: str = str(_DEFAULTS["currency"])
    active_threshold: float = float(_DEFAULTS["active_threshold"])  # type: ignore[arg-type]
    approved_themes: frozenset[str] = frozenset()
    value_per: Pairs = ()
    minutes: Pairs = tuple(sorted(DEFAULT_MINUTES.items()))
    points: Pairs = tuple(sorted(DEFAULT_POINTS.items()))
    weights: Pairs = tuple(sorted(DEFAULT_WEIGHTS.items()))
    targets: Pairs = tuple(sorted(DEFAULT_TARGETS.items()))
    bonus_pool: float = float(_DEFAULTS["bonus.pool"])  # type: ignore[arg-type]
    bonus_cap_per_month: float = float(_DEFAULTS["bonus.cap_per_month"])  # type: ignore[arg-type]
    bonus_min_points: float = float(_DEFAULTS["bonus.min_points"])  # type: ignore[arg-type]

    def minutes_for(self, action: str) -> float:
        """Default minutes of one action; unknown actions take ``minutes.other``."""
        table = dict(self.minutes)
        return table.get(action, table.get("other", DEFAULT_MINUTES["other"]))

    def points_for(self, action: str) -> float:
        """Bonus points of one action; unknown actions take ``bonus.points.other``."""
        table = dict(self.points)
        return table.get(action, table.get("other", DEFAULT_POINTS["other"]))

    def value_for(self, outcome_metric: str) -> float:
        """Currency per unit of an outcome metric; NaN when the sheet sets none."""
        return dict(self.value_per).get(outcome_metric.strip().lower(), float("nan"))

    def weight(self, pillar: str) -> float:
        return dict(self.weights)[pillar]

    def target(self, pillar: str) -> float:
        return dict(self.targets)[pillar]


def parse_assumptions(frame: pd.DataFrame | None) -> Assumptions:
    """The typed assumptions of a dataset's ``assumptions`` table; an empty/absent sheet gives
    every default (hourly cost 85, threshold 1, no approved themes, no unit values, ...)."""
    if frame is None or frame.empty:
        return Assumptions()
    values = as_mapping(frame)
    base = Assumptions()
    return Assumptions(
        hourly_cost_default=_number(values, "hourly_cost_default", base.hourly_cost_default),
        currency=values.get("currency", "") or base.currency,
        active_threshold=_number(values, "active_threshold", base.active_threshold),
        approved_themes=theme_list(values),
        value_per=_family(values, "value_per.", {}),
        minutes=_family(values, "minutes.", DEFAULT_MINUTES),
        points=_family(values, "bonus.points.", DEFAULT_POINTS),
        weights=_family(values, "score.weight.", {p: DEFAULT_WEIGHTS[p] for p in PILLARS}),
        targets=_family(values, "score.target.", {p: DEFAULT_TARGETS[p] for p in PILLARS}),
        bonus_pool=_number(values, "bonus.pool", base.bonus_pool),
        bonus_cap_per_month=_number(values, "bonus.cap_per_month", base.bonus_cap_per_month),
        bonus_min_points=_number(values, "bonus.min_points", base.bonus_min_points),
    )
