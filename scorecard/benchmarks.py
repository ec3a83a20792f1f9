"""Our executives beside the published benchmarks (Socialcast, October 2010).

For the executives in scope (C-suite and VP): the share who are multi-daily (40%), who blog
(5%) and whose purposed activity is mostly marketing (58%). Definitions, units (fractions 0–1)
and sources come from the dictionary; the shares are the metrics' own group aggregation over
the executives (mostly_marketing counts only executives with purposed actions).
"""

from __future__ import annotations

import pandas as pd

from scorecard.dataset import Dataset, Filters, Period
from scorecard.dictionary import REGISTRY
from scorecard.metrics import compute

EXECUTIVE_TIERS = ("C-suite", "VP")


def benchmarked() -> tuple[str, ...]:
    """Ids of the dictionary metrics that carry a published benchmark."""
    return tuple(m.id for m in REGISTRY if m.benchmark is not None)


def executive_benchmarks(dataset: Dataset, period: Period, filters: Filters = Filters()
                         ) -> pd.DataFrame:
    """One row per benchmarked metric: label, ours (share of executives, NaN without any),
    benchmark, gap (ours − benchmark), executives (how many in scope), source."""
    tiers = tuple(t for t in EXECUTIVE_TIERS if not filters.tiers or t in filters.tiers)
    execs = Filters(departments=filters.departments, tiers=tiers or ("none",),
                    channels=filters.channels)
    company = compute(dataset, period, execs).company
    rows = []
    for m in REGISTRY:
        if m.benchmark is None:
            continue
        ours = float(company[m.id]) if company["headcount"] > 0 else float("nan")
        rows.append({"metric": m.id, "label": m.label, "ours": ours, "benchmark": m.benchmark,
                     "gap": ours - m.benchmark, "executives": int(company["headcount"]),
                     "source": m.benchmark_source})
    return pd.DataFrame(rows).set_index("metric")
