"""The rows a computation works on: people after filters, activity of the period as numpy arrays.

Text columns are factorised once into integer codes (themes and channels compared trimmed and
case-insensitively), so every later sum is a ``np.bincount`` over codes: linear, no Python loop
over rows. Inputs are never mutated.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from scorecard import orgtree
from scorecard.dataset import Dataset, Filters, Period
from scorecard.metrics.params import Assumptions, parse_assumptions
from scorecard.schema import POST_ACTIONS, REPLY_ACTIONS, SHARE_ACTIONS

PEOPLE_COLUMNS = ("name", "title", "department", "tier")
#: The default of every ``filters`` argument: everyone (``Filters`` is immutable).
NO_FILTERS = Filters()


def factorize(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Integer codes (-1 for missing) and the distinct values of a text column.

    Arrow-backed ``str`` columns go through ``pyarrow.compute.dictionary_encode``, about twice
    as fast as ``pd.factorize`` on them; anything else through ``pd.factorize``.
    """
    if getattr(values.dtype, "storage", None) == "pyarrow":
        import pyarrow as pa
        import pyarrow.compute as pc

        encoded = pc.dictionary_encode(pa.chunked_array(values.array.__arrow_array__()))
        chunks = encoded.chunks
        if chunks and all(c.dictionary.equals(chunks[0].dictionary) for c in chunks):
            codes = np.concatenate(
                [c.indices.fill_null(-1).to_numpy(zero_copy_only=False) for c in chunks]
            ).astype(np.int64)
            return codes, np.asarray(chunks[0].dictionary.to_pylist(), dtype=object)
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    return codes.astype(np.int64), np.asarray(uniques, dtype=object)


def _codes(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Codes of trimmed, lower-cased text (-1 for missing or blank) and the first trimmed
    spelling seen of each code. Factorises the raw column first, so the string work is done
    once per distinct value, not per row."""
    raw_codes, uniques = factorize(values)
    trimmed = pd.Series(uniques, dtype="str").str.strip()
    keys = trimmed.str.lower()
    key_codes, _ = pd.factorize(keys.where(keys != ""), use_na_sentinel=True)
    valid = key_codes >= 0
    names = trimmed[valid].groupby(key_codes[valid]).first().to_numpy(dtype=object)
    mapping = np.append(key_codes, -1).astype(np.int64)  # raw -1 (missing) stays -1
    return mapping[raw_codes], names


@dataclass(frozen=True)
class Rows:
    """Activity rows in scope, column arrays aligned; ``person`` indexes ``Scope.people``."""

    person: np.ndarray
    day: np.ndarray  # days since the period's first day
    month: np.ndarray  # calendar month of the period, 0 for the first
    channel: np.ndarray  # codes into channel_names
    channel_names: np.ndarray
    action: np.ndarray  # codes into action_names
    action_names: np.ndarray
    purpose: np.ndarray  # codes into purpose_names, -1 missing
    purpose_names: np.ndarray
    theme: np.ndarray  # codes into theme_names (lower-case), -1 missing or blank
    theme_names: np.ndarray
    count: np.ndarray
    minutes: np.ndarray  # the row's minutes, or default minutes × count
    impressions: np.ndarray
    reactions: np.ndarray
    comments_received: np.ndarray
    shares_received: np.ndarray
    clicks: np.ndarray

    def action_flag(self, names: tuple[str, ...]) -> np.ndarray:
        """Per row: is its action one of ``names``."""
        return (
            np.isin(self.action_names, names)[self.action]
            if len(self.action)
            else np.zeros(0, dtype=bool)
        )

    @property
    def is_post(self) -> np.ndarray:
        return self.action_flag(POST_ACTIONS)

    @property
    def is_reply(self) -> np.ndarray:
        return self.action_flag(REPLY_ACTIONS)

    @property
    def is_share(self) -> np.ndarray:
        return self.action_flag(SHARE_ACTIONS)


@dataclass(frozen=True)
class Scope:
    """People in scope (index person_id, in roster order) and their activity in the period."""

    people: pd.DataFrame
    rows: Rows
    outcomes: pd.DataFrame
    period: Period
    filters: Filters
    assumptions: Assumptions

    @property
    def months(self) -> float:
        """Calendar months the period spans, fractional: a full month is 1, Q1 is 3."""
        return month_fraction(self.period)


def month_fraction(period: Period) -> float:
    """Σ over calendar months of (period days in that month / days in that month)."""
    days = pd.date_range(period.start, period.end, freq="D")
    return float((1.0 / days.days_in_month.to_numpy(dtype="float64")).sum())


def _people_in_scope(dataset: Dataset, filters: Filters, hourly_default: float) -> pd.DataFrame:
    people = dataset.people
    parents = orgtree.parent_index(people["person_id"], people["manager_id"])
    has_reports = np.bincount(parents[parents >= 0], minlength=len(people)) > 0
    frame = pd.DataFrame(
        {
            "name": people["name"].astype("str"),
            "title": people["title"].astype("str"),
            "department": people["department"].astype("str").fillna(""),
            "tier": orgtree.derive_tiers(people)
            .reindex(people["person_id"].astype("str"))
            .to_numpy(),
            "hourly_cost": people["hourly_cost"].astype("float64").fillna(hourly_default),
            "followers": people["followers"].astype("float64"),
            "has_reports": has_reports,
        }
    )
    frame.index = pd.Index(people["person_id"].astype("str"), name="person_id")
    keep = np.ones(len(frame), dtype=bool)
    if filters.departments:
        keep &= frame["department"].isin(filters.departments).to_numpy()
    if filters.tiers:
        keep &= frame["tier"].isin(filters.tiers).to_numpy()
    # A duplicated id cannot be told apart from its twin: the first row wins.
    keep &= ~frame.index.duplicated()
    return frame[keep]


def _month_starts(period: Period) -> np.ndarray:
    """Day offsets (from the period's start) of each calendar month's first day in the period,
    the first month starting at 0."""
    firsts = pd.date_range(period.start.replace(day=1), period.end, freq="MS")
    offsets = (firsts.to_numpy(dtype="datetime64[D]") - np.datetime64(period.start, "D")).astype(
        np.int64
    )
    return np.maximum(offsets, 0)


def _rows(
    activity: pd.DataFrame,
    people: pd.Index,
    period: Period,
    filters: Filters,
    assumptions: Assumptions,
) -> Rows:
    # Text columns are factorised whole (fast on Arrow strings) and only the integer codes are
    # cut to the period: cutting the text columns first would copy every string.
    # Days as integers since the period's start: comparisons and offsets without calendar work.
    day = (
        activity["date"].to_numpy(dtype="datetime64[us]").view(np.int64)
        - np.datetime64(period.start, "us").astype(np.int64)
    ) // 86_400_000_000
    mask = (day >= 0) & (day < period.days)
    id_codes, id_uniques = factorize(activity["person_id"])
    person = np.append(people.get_indexer(pd.Index(id_uniques, dtype="str")), -1)[id_codes]
    mask &= person >= 0
    channel, channel_names = _codes(activity["channel"])
    if filters.channels:
        wanted = {c.strip().lower() for c in filters.channels}
        kept = np.array([c.lower() in wanted for c in channel_names] + [False])
        mask &= kept[channel]
    action, action_names = _codes(activity["action"])
    action_names = np.array([a.lower() for a in action_names], dtype=object)
    purpose, purpose_names = _codes(activity["purpose"])
    theme, theme_names = _codes(activity["theme"])
    take = slice(None) if mask.all() else np.flatnonzero(mask)
    day = day[take]
    action = action[take]
    count = activity["count"].to_numpy(dtype="float64")[take]
    default_minutes = np.array([assumptions.minutes_for(a) for a in action_names], dtype="float64")
    minutes = activity["minutes"].to_numpy(dtype="float64")[take]
    if len(minutes):
        minutes = np.where(np.isnan(minutes), default_minutes[action] * count, minutes)
    return Rows(
        person=person[take],
        day=day,
        month=np.searchsorted(_month_starts(period), day, side="right") - 1,
        channel=channel[take],
        channel_names=channel_names,
        action=action,
        action_names=action_names,
        purpose=purpose[take],
        purpose_names=np.array([p.lower() for p in purpose_names], dtype=object),
        theme=theme[take],
        theme_names=np.array([t.lower() for t in theme_names], dtype=object),
        count=count,
        minutes=minutes,
        **{
            col: activity[col].to_numpy(dtype="float64")[take]
            for col in (
                "impressions",
                "reactions",
                "comments_received",
                "shares_received",
                "clicks",
            )
        },
    )


def build_scope(dataset: Dataset, period: Period, filters: Filters = NO_FILTERS) -> Scope:
    """People after the department/tier filters and their activity rows inside ``period``
    (and the channel filter). Activity of people not on the roster is left out."""
    assumptions = parse_assumptions(dataset.assumptions)
    people = _people_in_scope(dataset, filters, assumptions.hourly_cost_default)
    rows = _rows(dataset.activity, people.index, period, filters, assumptions)
    outcomes = dataset.outcomes[period.contains(dataset.outcomes["date"])]
    return Scope(people, rows, outcomes, period, filters, assumptions)
