"""One dataset in memory: a small typed bundle of the six tables, plus the period value object.

Frames inside a :class:`Dataset` are trusted: the ingest layer (or :meth:`Dataset.from_frames`
for code and tests) has already given every column of the schema its dtype:

- ``id``, ``text`` and ``choice`` columns: pandas ``str`` (missing is ``NaN``);
- ``date``: ``datetime64[us]`` at midnight;
- ``number``: ``float64`` (missing is ``NaN`` where the column has no default);
- ``integer``: ``int64``.

References are resolved: ``person_id`` and ``manager_id`` everywhere are person_ids of the people
table (or unknown ones, kept with a warning), never an email or a name
(:mod:`scorecard.identity`). An activity row of a brand account has a blank ``person_id``: it
belongs to its account and steward (:mod:`scorecard.stewards`), never to a person's own numbers.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np
import pandas as pd

from scorecard.schema import ACCOUNTS, TABLES, Column, Table

DATE_DTYPE = "datetime64[us]"


def column_dtype(column: Column) -> str:
    """The pandas dtype of a schema column inside a trusted frame."""
    return {
        "id": "str",
        "text": "str",
        "choice": "str",
        "date": DATE_DTYPE,
        "number": "float64",
        "integer": "int64",
    }[column.type]


def empty_frame(table: Table) -> pd.DataFrame:
    """A frame with no rows and every column of ``table`` in its dtype."""
    return pd.DataFrame({c.name: pd.Series(dtype=column_dtype(c)) for c in table.columns})


def conform(table: Table, frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` with exactly the schema's columns, defaults filled, dtypes cast.

    For frames built by code (tests, the sample generator, the store): a column that is absent
    takes its default (or missing); unknown columns are dropped. Values are not validated here;
    user files go through :mod:`scorecard.ingest`, which does.
    """
    n = len(frame)
    out: dict[str, pd.Series] = {}
    for col in table.columns:
        if col.name in frame.columns:
            series = frame[col.name].reset_index(drop=True)
        else:
            series = pd.Series([col.default] * n, dtype=object)
        if col.default is not None and col.type != "date":
            series = series.where(series.notna(), col.default)
        dtype = column_dtype(col)
        if col.type in ("id", "text", "choice"):
            series = series.astype(object).where(series.notna(), None).astype("str")
            if col.default == "":
                series = series.fillna("")
        elif col.type == "date":
            series = pd.to_datetime(series).dt.normalize().astype(dtype)
        else:
            series = pd.to_numeric(series).astype(dtype)
        out[col.name] = series
    return pd.DataFrame(out, index=pd.RangeIndex(n))


@dataclass(frozen=True)
class Dataset:
    """The tables of one dataset version. Never mutated: derive new frames instead.

    ``accounts`` is optional (empty by default), so code that builds a dataset from the five
    older tables keeps working.
    """

    people: pd.DataFrame
    activity: pd.DataFrame
    outcomes: pd.DataFrame
    goals: pd.DataFrame
    assumptions: pd.DataFrame
    accounts: pd.DataFrame = field(default_factory=lambda: empty_frame(ACCOUNTS))

    @classmethod
    def from_frames(cls, **frames: pd.DataFrame) -> Dataset:
        """Build a dataset from partial frames; absent tables are empty, columns conformed."""
        unknown = set(frames) - set(TABLES)
        if unknown:
            raise ValueError(f"unknown tables: {sorted(unknown)}")
        return cls(
            **{
                name: conform(table, frames[name]) if name in frames else empty_frame(table)
                for name, table in TABLES.items()
            }
        )

    def table(self, name: str) -> pd.DataFrame:
        return getattr(self, name)

    @property
    def row_counts(self) -> dict[str, int]:
        return {name: len(self.table(name)) for name in TABLES}

    @property
    def date_range(self) -> tuple[date, date] | None:
        """First and last activity day, or ``None`` without activity."""
        if self.activity.empty:
            return None
        dates = self.activity["date"]
        return dates.min().date(), dates.max().date()

    def observed(self, period: Period) -> Period | None:
        """``period`` cut to the data's first and last activity day (:attr:`date_range`), or
        ``None`` when they do not meet: no chart, trend or headline shows a month the data
        does not cover as a zero."""
        span = self.date_range
        if span is None or span[0] > period.end or span[1] < period.start:
            return None
        return Period(max(period.start, span[0]), min(period.end, span[1]))


@dataclass(frozen=True)
class DatasetInfo:
    """What the store knows about a dataset version (``version`` is ``None`` for the sample)."""

    version: int | None
    created_at: str
    uploader: str
    file_name: str
    sha256: str
    row_counts: dict[str, int] = field(default_factory=dict)
    is_current: bool = False
    #: How the version was made (publish, merge, edit, rollback) and what it changed against
    #: the version before, in one line (:meth:`scorecard.merge.MergeSummary.one_line`).
    how: str = "publish"
    changes: str = ""

    @property
    def label(self) -> str:
        if self.version is None:
            return "Sample company"
        return f"Version {self.version}"


@dataclass(frozen=True, order=True)
class Period:
    """An inclusive range of days. Value object: hashable, so caches can key on it."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"period ends ({self.end}) before it starts ({self.start})")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def business_days(self) -> int:
        """Monday-to-Friday days in the period (no holiday calendar)."""
        return int(np.busday_count(self.start, self.end + timedelta(days=1)))

    def previous(self) -> Period:
        """The period of equal length that ends the day before this one starts."""
        end = self.start - timedelta(days=1)
        return Period(end - timedelta(days=self.days - 1), end)

    def contains(self, dates: pd.Series) -> pd.Series:
        """Boolean mask of ``dates`` that fall inside the period."""
        return (dates >= pd.Timestamp(self.start)) & (dates <= pd.Timestamp(self.end))

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        last = calendar.monthrange(year, month)[1]
        return cls(date(year, month, 1), date(year, month, last))

    def __str__(self) -> str:
        return f"{self.start.isoformat()} to {self.end.isoformat()}"


@dataclass(frozen=True)
class Filters:
    """Optional narrowing of a computation; empty tuples mean everything."""

    departments: tuple[str, ...] = ()
    tiers: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
