"""Change over time: deltas against the previous period and monthly series for trends."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Literal

import pandas as pd

from scorecard.dataset import Dataset, Filters, Period
from scorecard.metrics.compute import SCORECARD_METRICS, Scorecards, compute
from scorecard.metrics.scope import NO_FILTERS

Level = Literal["company", "department", "person"]


def level_frame(cards: Scorecards, level: Level) -> pd.DataFrame:
    """The metric columns of one level as a frame (the company is one row keyed "company")."""
    if level == "company":
        return cards.company.to_frame().T.rename(index={cards.company.name: "company"})
    frame = cards.departments if level == "department" else cards.people
    return frame[list(SCORECARD_METRICS)]


def deltas(current: Scorecards, previous: Scorecards, level: Level = "company") -> pd.DataFrame:
    """Current minus previous per metric, on the current rows of ``level``.

    Unit: the metric's own (a share's delta is in fraction points). NaN where either side is
    missing, or for rows (people, departments) absent from the previous period.
    """
    now = level_frame(current, level)
    before = level_frame(previous, level).reindex(now.index)
    return now.astype("float64") - before.astype("float64")


def _slice(dataset: Dataset, period: Period) -> Dataset:
    """The dataset with activity and outcomes cut to ``period`` (frames are trusted)."""
    act = dataset.activity[period.contains(dataset.activity["date"])]
    out = dataset.outcomes[period.contains(dataset.outcomes["date"])]
    return Dataset(
        people=dataset.people,
        activity=act,
        outcomes=out,
        goals=dataset.goals,
        assumptions=dataset.assumptions,
    )


def months_of(period: Period) -> list[Period]:
    """The calendar months of ``period``, the first and last cut to the period's bounds."""
    firsts = pd.date_range(period.start.replace(day=1), period.end, freq="MS")
    out = []
    for first in firsts:
        month = Period.month(first.year, first.month)
        out.append(Period(max(month.start, period.start), min(month.end, period.end)))
    return out


def monthly_series(
    dataset: Dataset,
    period: Period,
    metric_ids: Sequence[str],
    filters: Filters = NO_FILTERS,
    level: Level = "company",
) -> pd.DataFrame:
    """Long frame (month, key, metric, value): each metric per calendar month of ``period``.

    ``month`` is the month's first day; ``key`` is "company", the department or the person_id.
    Partial first/last months cover only the days inside the period. Only months between the
    data's first and last day count (:meth:`Dataset.observed`): a month before the data begins
    is absent, never a trend point of 0. The leadership score here leaves the cascade pillar
    out (no monthly reach).
    """
    unknown = set(metric_ids) - set(SCORECARD_METRICS)
    if unknown:
        raise KeyError(f"not scorecard metrics: {sorted(unknown)}")
    sliced = _slice(dataset, period)
    observed = dataset.observed(period)
    frames = []
    for month in months_of(period):
        if observed is None or month.end < observed.start or month.start > observed.end:
            continue  # a month without data is no month of the trend (never a 0)
        wide = level_frame(compute(sliced, month, filters), level)[list(metric_ids)]
        long = (
            wide.rename_axis("key")
            .reset_index()
            .melt(id_vars="key", var_name="metric", value_name="value")
        )
        long.insert(0, "month", pd.Timestamp(date(month.start.year, month.start.month, 1)))
        frames.append(long)
    if not frames:
        return pd.DataFrame(
            {
                "month": pd.Series(dtype="datetime64[us]"),
                "key": pd.Series(dtype="str"),
                "metric": pd.Series(dtype="str"),
                "value": pd.Series(dtype="float64"),
            }
        )
    out = pd.concat(frames, ignore_index=True)
    out["key"] = out["key"].astype("str")
    out["value"] = out["value"].astype("float64")
    return out
