"""Who was active in which month of a period, and on which day each person started.

``active`` in a month = actions (the sum of ``count``) in that month ≥ ``active_threshold``
(assumption, default 1). Months are the calendar months the period touches between the data's
first and last day (:meth:`Dataset.observed`): a month before the data begins is not a month
of inactivity, so it is neither drawn as 0% nor counted in the lift. Only activity inside the
period counts, so a period starting mid-month sees part of its first month.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from scorecard.assumptions import as_mapping, number
from scorecard.dataset import Dataset, Period


@dataclass(frozen=True)
class MonthlyActivity:
    """Actions per person and month, the active flags, and the days people started."""

    months: pd.DatetimeIndex  # first day of each month the period touches inside the data
    actions: np.ndarray  # float (people, months)
    active: np.ndarray  # bool (people, months)
    first_day: np.ndarray  # datetime64[D] per person; NaT when never active in the period
    #: datetime64[D] per person: the day they started (first active day over all activity up to
    #: the period's end), NaT unless that day falls inside the period.
    start_day: np.ndarray
    threshold: float

    @property
    def active_any(self) -> np.ndarray:
        """Active in at least one month of the period."""
        return self.active.any(axis=1)


def month_starts(period: Period | None) -> pd.DatetimeIndex:
    """First day of every calendar month the period touches, in order (none for ``None``)."""
    if period is None:
        return pd.DatetimeIndex([], dtype="datetime64[us]")
    first = pd.Timestamp(period.start).to_period("M")
    last = pd.Timestamp(period.end).to_period("M")
    return pd.period_range(first, last, freq="M").to_timestamp()


def active_threshold(dataset: Dataset) -> float:
    """The ``active_threshold`` assumption: actions in a month that make a person active."""
    return number(as_mapping(dataset.assumptions), "active_threshold", 1.0)


def monthly_activity(dataset: Dataset, period: Period, ids: pd.Index) -> MonthlyActivity:
    """Monthly actions and active flags for the people ``ids``, over ``period``.

    Activity of IDs outside ``ids`` is ignored. The first active day is the first day with an
    action (count > 0) inside the person's first active month: with the default threshold of
    1 simply their first action. ``first_day`` looks inside the period only; ``start_day`` looks
    at all activity up to the period's end, so a person active since before the period has no
    start inside it (the cascade lag compares real starts, not the period's first Monday).
    """
    threshold = active_threshold(dataset)
    activity = dataset.activity
    before_end = activity["date"] <= pd.Timestamp(period.end)
    in_period = before_end & (activity["date"] >= pd.Timestamp(period.start))
    months, actions, active, first_day = _monthly(
        activity.loc[in_period], dataset.observed(period), ids, threshold
    )
    earlier = before_end & ~in_period
    if earlier.any():
        history = Period(activity.loc[earlier, "date"].min().date(), period.end)
        started = _monthly(activity.loc[before_end], history, ids, threshold)[3]
        start_day = np.where(
            started >= np.datetime64(period.start, "D"), started, np.datetime64("NaT", "D")
        )
    else:
        start_day = first_day
    return MonthlyActivity(months, actions, active, first_day, start_day, threshold)


def _monthly(
    rows: pd.DataFrame, period: Period | None, ids: pd.Index, threshold: float
) -> tuple[pd.DatetimeIndex, np.ndarray, np.ndarray, np.ndarray]:
    """(months, actions, active, first active day) of ``rows`` (all inside ``period``; no
    rows and no months when ``period`` is ``None``)."""
    months = month_starts(period)
    n, m = len(ids), len(months)
    # Factorise first: looking up 50,000 distinct IDs is far cheaper than 500,000 rows.
    codes, distinct = pd.factorize(rows["person_id"].astype("str"))
    pos = np.append(ids.get_indexer(distinct), -1)[codes]  # code -1 (missing ID) → -1
    known = pos >= 0
    pos = pos[known]
    day = _day_numbers(rows["date"])[known]
    counts = rows["count"].to_numpy(dtype=np.float64)[known]
    month_first_days = _day_numbers(pd.Series(months))
    month = np.searchsorted(month_first_days, day, side="right") - 1
    actions = np.bincount(pos * m + month, weights=counts, minlength=n * m).reshape(n, m)
    active = actions >= threshold

    first_month = np.where(active.any(axis=1), active.argmax(axis=1) if m else 0, -1)
    in_first = (month == first_month[pos]) & (counts > 0)
    never = np.iinfo(np.int64).max
    first_day = np.full(n, never, dtype=np.int64)
    np.minimum.at(first_day, pos[in_first], day[in_first])
    first_day = np.where(
        first_day == never, np.datetime64("NaT", "D"), first_day.astype("datetime64[D]")
    )
    return months, actions, active, first_day


def _day_numbers(dates: pd.Series) -> np.ndarray:
    """Days since 1970-01-01 as int64 (integer division; no calendar work per row)."""
    micro = dates.to_numpy().astype("datetime64[us]").view(np.int64)
    return micro // 86_400_000_000
