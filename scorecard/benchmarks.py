"""Our figures beside the published benchmarks (:mod:`scorecard.benchmark_registry`).

Each registry entry names a measure of ours in :data:`MEASURES`; :func:`executive_benchmarks`
computes each measure once and returns one row per published figure. Populations: executives
are the C-suite and VPs, CEO studies are set beside the C-suite; the sidebar's filters narrow
both (a tier filter without them leaves nobody: the figure is missing, NaN). Shares are
fractions 0–1 over the people in scope, missing without anybody; a ratio over zero is NaN.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd

from scorecard.benchmark_registry import REGISTRY
from scorecard.dataset import Dataset, Filters, Period
from scorecard.metrics import compute
from scorecard.schema import EXECUTIVE_TIERS
from scorecard.stewards import steward_table

CSUITE = ("C-suite",)
LINKEDIN = "linkedin"
#: The columns of :func:`executive_benchmarks`, in order.
COLUMNS = (
    "label",
    "ours",
    "benchmark",
    "gap",
    "unit",
    "executives",
    "year",
    "finding",
    "population",
    "sample",
    "source",
    "url",
    "ours_means",
    "comparable",
)


@dataclass(frozen=True)
class Measure:
    """A figure of ours: what it means and how it is computed (value, people it covers)."""

    means: str
    compute: Callable[[_Scopes], tuple[float, int]]


class _Scopes:
    """The few scorecard computations the measures share, each computed once on first use."""

    def __init__(self, dataset: Dataset, period: Period, filters: Filters) -> None:
        self.dataset, self.period, self.filters = dataset, period, filters
        self.people = cache(self._people)

    def _people(self, tiers: tuple[str, ...] | None, linkedin: bool) -> pd.DataFrame:
        """People in scope (their metric columns) among ``tiers`` (None: every tier), over
        LinkedIn rows only when ``linkedin``."""
        f = self.filters
        if tiers is not None:
            tiers = tuple(t for t in tiers if not f.tiers or t in f.tiers) or ("none",)
        else:
            tiers = f.tiers
        channels = f.channels
        if linkedin:
            if channels and LINKEDIN not in {c.strip().lower() for c in channels}:
                return pd.DataFrame(columns=["posts", "clicks", "impressions"])  # filtered out
            channels = ("LinkedIn",)
        return compute(
            self.dataset,
            self.period,
            Filters(departments=f.departments, tiers=tiers, channels=channels),
        ).people

    def share(
        self,
        tiers: tuple[str, ...],
        column: str,
        linkedin: bool = False,
    ) -> tuple[float, int]:
        """Mean of a 1/0 ``column`` over the people among ``tiers`` with a value (NaN: none)."""
        values = self.people(tiers, linkedin)[column].astype("float64").dropna()
        return (float(values.mean()) if len(values) else np.nan), len(values)

    def posters(self, tiers: tuple[str, ...]) -> pd.Series:
        """1/0 per person among ``tiers``: did they post on LinkedIn in the period?"""
        return (self.people(tiers, True)["posts"].astype("float64") > 0).astype("float64")


def _inactive(s: _Scopes) -> tuple[float, int]:
    value, n = s.share(CSUITE, "active_share")
    return 1 - value, n


def _posting_share(s: _Scopes) -> tuple[float, int]:
    posted = s.posters(CSUITE)
    return (float(posted.mean()) if len(posted) else np.nan), len(posted)


def _posters(s: _Scopes) -> tuple[float, int]:
    posted = s.posters(CSUITE)
    return float(posted.sum()), len(posted)


def _ctr_multiple(s: _Scopes) -> tuple[float, int]:
    """(people's clicks / impressions) / (brand accounts' clicks / impressions), LinkedIn."""
    people = s.people(None, True)
    brands = steward_table(s.dataset, s.period)
    brands = brands[brands["channel"].astype("str").str.strip().str.lower() == LINKEDIN]
    ours = _ratio(people["clicks"].sum(), people["impressions"].sum())
    theirs = _ratio(brands["clicks"].sum(), brands["impressions"].sum())
    return _ratio(ours, theirs), len(people)


def _ratio(top: float, bottom: float) -> float:
    top, bottom = float(top), float(bottom)
    return top / bottom if bottom and np.isfinite(bottom) and np.isfinite(top) else np.nan


#: Every figure of ours a published benchmark can stand beside.
MEASURES: dict[str, Measure] = {
    "executives_multi_daily": Measure(
        "Share of our C-suite and VPs averaging two actions or more per business day",
        lambda s: s.share(EXECUTIVE_TIERS, "multi_daily"),
    ),
    "executives_blogging": Measure(
        "Share of our C-suite and VPs with a blog action",
        lambda s: s.share(EXECUTIVE_TIERS, "blogging"),
    ),
    "executives_mostly_marketing": Measure(
        "Share of our C-suite and VPs (with purposed actions) mostly doing marketing",
        lambda s: s.share(EXECUTIVE_TIERS, "mostly_marketing"),
    ),
    "csuite_active": Measure(
        "Share of our C-suite active in the period", lambda s: s.share(CSUITE, "active_share")
    ),
    "csuite_inactive": Measure("Share of our C-suite with no action in the period", _inactive),
    "csuite_linkedin_posting": Measure(
        "Share of our C-suite with a LinkedIn post in the period", _posting_share
    ),
    "csuite_linkedin_posters": Measure(
        "How many of our C-suite posted on LinkedIn in the period", _posters
    ),
    "linkedin_ctr_multiple": Measure(
        "Our people's LinkedIn click-through rate over our brand accounts'", _ctr_multiple
    ),
}


def executive_benchmarks(
    dataset: Dataset, period: Period, filters: Filters | None = None
) -> pd.DataFrame:
    """One row per published figure of the registry, indexed by its id: ``label``, ``ours``
    (NaN without anybody to measure), ``benchmark`` (the published value), ``gap`` (ours −
    benchmark, in the unit), ``unit``, ``executives`` (people ours covers), ``year``,
    ``finding``, ``population``, ``sample``, ``source``, ``url``, ``ours_means`` and
    ``comparable`` (the how-comparable note). Never mutates ``dataset``."""
    scopes = _Scopes(dataset, period, filters or Filters())
    computed = {
        key: m.compute(scopes)
        for key, m in MEASURES.items()
        if any(f.measure == key for f in REGISTRY)
    }
    rows = []
    for f in REGISTRY:
        ours, covered = computed[f.measure]
        ours = ours if covered else np.nan
        rows.append(
            {
                "id": f.id,
                "label": f.label,
                "ours": ours,
                "benchmark": f.value,
                "gap": ours - f.value,
                "unit": f.unit,
                "executives": covered,
                "year": f.year,
                "finding": f.finding,
                "population": f.population,
                "sample": f.sample,
                "source": f.source,
                "url": f.url,
                "ours_means": MEASURES[f.measure].means,
                "comparable": f.comparable,
            }
        )
    return pd.DataFrame(rows, columns=["id", *COLUMNS]).set_index("id")


def shown(table: pd.DataFrame, unit: str | None = None) -> pd.DataFrame:
    """The rows to put on a screen or slide: those with a figure of ours (a benchmark is shown
    only beside a comparable figure of ours), of ``unit`` when given."""
    keep = table["ours"].notna()
    if unit is not None:
        keep &= table["unit"] == unit
    return table[keep]
