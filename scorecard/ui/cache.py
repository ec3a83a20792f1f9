"""Loaders behind every page: one store per process, datasets and results cached by version.

A dataset version never changes once published, so ``(store URL, version)`` is a complete cache
key (the sample company is keyed by its file's sha256). Datasets and domain results are cached
as resources, keyed on ``(dataset key, period, filters)`` with ``max_entries``: shared between
sessions and never copied, so a page or filter seen before costs a dictionary lookup, not the
unpickling of its frames (0.3 s of CPU per view with 2,000 people). Pages therefore never mutate
what they get from here (pandas' copy-on-write keeps derived frames apart;
tests/test_app_cost.py checks a run of every page leaves the results as they were). Small
results the page hands to Streamlit elements (chart specs, trend lists) stay ``cache_data``
copies. Only the "which version is current" question reaches the database on every rerun, so a
publish from another session shows up at once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from scorecard.assumptions import as_mapping
from scorecard.cascade import (
    adoption_of,
    departments_of,
    icicle_of,
    lag_pairs_of,
    leaders_of,
    prepare,
    team_reach,
)
from scorecard.dataset import Dataset, DatasetInfo, Filters, Period
from scorecard.metrics import SCORECARD_METRICS, Scorecards, compute, monthly_series
from scorecard.metrics.series import Level
from scorecard.schema import EXECUTIVE_TIERS
from scorecard.store import Store, database_url
from scorecard.ui import periods

RESULT_ENTRIES = 64
TREND_MONTHS = 6
SAMPLE_PREFIX = "sample:"


@st.cache_resource(show_spinner=False)
def _store(url: str) -> Store:
    return Store(url)


def store() -> Store:
    """The process's store for ``SCORECARD_DATABASE_URL`` (one engine per URL)."""
    return _store(database_url())


@dataclass(frozen=True)
class Current:
    """What the app shows now and the key its results are cached under."""

    info: DatasetInfo
    key: str


@st.cache_data(show_spinner=False, max_entries=4)
def _file_sha256(path: str, mtime_ns: int) -> str:
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def current() -> Current:
    """The current version (one small query), or the sample company when nothing is published."""
    s = store()
    info = s.current()
    if info is None or info.version is None:
        from scorecard.current import SAMPLE_WORKBOOK, sample_info

        stat = SAMPLE_WORKBOOK.stat()
        return Current(
            sample_info(), SAMPLE_PREFIX + _file_sha256(str(SAMPLE_WORKBOOK), stat.st_mtime_ns)
        )
    return Current(info, f"{s.url}#v{info.version}")


@st.cache_resource(show_spinner="Loading the dataset…", max_entries=4)
def dataset(key: str) -> Dataset:
    """The tables behind ``key`` (shared between sessions; never mutate them)."""
    if key.startswith(SAMPLE_PREFIX):
        from scorecard.current import load_sample

        return load_sample()
    url, version = key.rsplit("#v", 1)
    return _store(url).load(int(version))


@dataclass(frozen=True)
class Facts:
    """What the sidebar needs to offer choices: departments, the data's days, the currency."""

    departments: tuple[str, ...]
    first_day: date | None
    last_day: date | None
    currency: str


@st.cache_data(show_spinner=False, max_entries=8)
def facts(key: str) -> Facts:
    data = dataset(key)
    departments = tuple(sorted(data.people["department"].dropna().astype(str).unique()))
    span = data.date_range
    currency = as_mapping(data.assumptions).get("currency", "") or "$"
    return Facts(departments, span[0] if span else None, span[1] if span else None, currency)


def executives(filters: Filters) -> Filters:
    """``filters`` narrowed to the C-suite and VPs (the executives of the 2010 survey)."""
    return Filters(
        departments=filters.departments, tiers=EXECUTIVE_TIERS, channels=filters.channels
    )


@st.cache_resource(show_spinner="Computing scorecards…", max_entries=RESULT_ENTRIES)
def scorecards(key: str, period: Period, filters: Filters) -> Scorecards:
    """Every scorecard metric of the period: people, departments and company frames.

    Team reach comes from the whole org (a leader's reach does not depend on the filter).
    """
    data = dataset(key)
    return compute(data, period, filters, reach=team_reach(data, period))


def trend_window(period: Period) -> Period:
    """The months a small trend shows: up to six calendar months ending with the period."""
    start = periods.shift_months(period.end.replace(day=1), -(TREND_MONTHS - 1))
    return Period(min(start, period.start), period.end)


@st.cache_resource(show_spinner="Computing trends…", max_entries=RESULT_ENTRIES)
def trends(
    key: str, period: Period, filters: Filters, level: Level, metrics: tuple[str, ...]
) -> pd.DataFrame:
    """Monthly values (month, key, metric, value) over :func:`trend_window` of ``period``."""
    return monthly_series(dataset(key), trend_window(period), list(metrics), filters, level)


@dataclass(frozen=True)
class CascadeFrames:
    """The cascade of one period, every frame the Cascades and Board pages draw."""

    departments: pd.DataFrame  # departments_of: one row per department, the company last
    adoption: pd.DataFrame  # adoption_of by department and tier, per month
    company_adoption: pd.DataFrame  # adoption_of by tier, per month
    pairs: pd.DataFrame  # lag_pairs_of: one row per reporting line
    leaders: pd.DataFrame  # leaders_of: one row per leader


@st.cache_resource(show_spinner="Computing the cascade…", max_entries=RESULT_ENTRIES)
def cascade_frames(key: str, period: Period) -> CascadeFrames:
    inputs = prepare(dataset(key), period)
    return CascadeFrames(
        departments=departments_of(inputs),
        adoption=adoption_of(inputs),
        company_adoption=adoption_of(inputs, ("tier",)),
        pairs=lag_pairs_of(inputs),
        leaders=leaders_of(inputs),
    )


@st.cache_resource(show_spinner="Drawing the org…", max_entries=RESULT_ENTRIES)
def icicle(key: str, period: Period, department: str | None) -> pd.DataFrame:
    return icicle_of(prepare(dataset(key), period), department=department)


@st.cache_resource(show_spinner="Measuring the vision…", max_entries=RESULT_ENTRIES)
def goals(key: str) -> pd.DataFrame:
    """:func:`scorecard.goals.goal_progress` up to the data's last day (periods do not apply:
    each goal has its own window)."""
    from scorecard.goals import goal_progress

    return goal_progress(dataset(key))


@st.cache_resource(show_spinner="Sharing the bonus pool…", max_entries=RESULT_ENTRIES)
def bonus(key: str, period: Period, filters: Filters):
    from scorecard.bonus import bonus_pool

    return bonus_pool(dataset(key), period, filters)


@st.cache_resource(show_spinner=False, max_entries=RESULT_ENTRIES)
def benchmarks(key: str, period: Period, filters: Filters) -> pd.DataFrame:
    """:func:`scorecard.benchmarks.executive_benchmarks`: executives against the 2010 survey."""
    from scorecard.benchmarks import executive_benchmarks

    return executive_benchmarks(dataset(key), period, filters)


def people(key: str) -> pd.DataFrame:
    """The roster of the dataset behind ``key`` (shared: never mutate it)."""
    return dataset(key).people


@st.cache_resource(show_spinner=False, max_entries=RESULT_ENTRIES)
def stewards(key: str, period: Period) -> pd.DataFrame:
    """:func:`scorecard.stewards.steward_table`: brand accounts, stewards and figures."""
    from scorecard.stewards import steward_table

    return steward_table(dataset(key), period)


@st.cache_data(show_spinner=False, max_entries=RESULT_ENTRIES)
def sparklines(
    key: str,
    period: Period,
    filters: Filters,
    metrics: tuple[str, ...],
    person_ids: tuple[str, ...],
) -> dict[tuple[str, str], list[float]]:
    """Monthly values per (person, metric) for the small trends of the given people only, so a
    rerun copies a few lists instead of the whole monthly frame. Missing months are left out."""
    # One monthly computation serves every metric (the frame is cached once per period).
    trend = trends(key, period, filters, "person", SCORECARD_METRICS)
    mine = trend[
        trend["key"].isin(person_ids) & trend["metric"].isin(metrics) & trend["value"].notna()
    ]
    grouped = mine.sort_values("month").groupby(["key", "metric"], sort=False)["value"]
    return {k: v for k, v in grouped.agg(list).items()}


@st.cache_data(show_spinner=False, max_entries=RESULT_ENTRIES)
def cascade_charts(key: str, period: Period, department: str | None) -> dict[str, dict]:
    """The Cascades page's charts as Vega-Lite specs, built once per period and department:
    building and validating Altair charts costs more than the page's numbers do.

    Keys: ``adoption`` (over :func:`trend_window`), ``lag`` (absent without a both-active
    pair), ``icicle`` (a department) or ``lift_reach`` (the company)."""
    from scorecard.charts.cascade import (
        adoption_by_tier_chart,
        icicle_chart,
        lag_histogram_chart,
        lift_reach_chart,
    )

    frames = cascade_frames(key, period)
    history = cascade_frames(key, trend_window(period))
    specs: dict[str, dict] = {}
    adoption = history.adoption if department else history.company_adoption
    if not adoption.empty:
        specs["adoption"] = adoption_by_tier_chart(adoption, department).to_dict()
    pairs = frames.pairs
    if department:
        pairs = pairs[pairs["department"] == department]
    if pairs["lag_days"].notna().any():
        specs["lag"] = lag_histogram_chart(pairs, department).to_dict()
    if department:
        tree = icicle(key, period, department)
        if not tree.empty:
            specs["icicle"] = icicle_chart(tree, department).to_dict()
    else:
        specs["lift_reach"] = lift_reach_chart(frames.departments).to_dict()
    return specs


@dataclass(frozen=True)
class ChartSpecs:
    """One Altair chart as the two Vega-Lite specs the app needs."""

    screen: dict[str, Any]  # what ``st.altair_chart`` would send: Streamlit's own conversion
    file: dict[str, Any]  # ``chart.to_dict()``: what the PNG/SVG downloads render


@st.cache_data(show_spinner=False, max_entries=RESULT_ENTRIES)
def chart_specs(
    name: str, key: str, period: Period, filters: Filters, _build: Callable[[], Any]
) -> ChartSpecs:
    """The specs of the chart ``name`` of one view, built by ``_build`` once per dataset key,
    period and filters (``_build`` is not hashed: ``name`` and the arguments must determine
    the chart). Building and validating an Altair chart costs far more than the numbers it
    draws, so a repeat view sends the cached spec with ``st.vega_lite_chart`` instead.

    ``screen`` is Streamlit's conversion of ``st.altair_chart`` (data as Arrow datasets, no
    Altair default theme), so the element on screen is the one ``st.altair_chart`` draws.
    """
    # Private, but it is exactly what st.altair_chart runs (Streamlit is pinned).
    from streamlit.elements.vega_charts import _convert_altair_to_vega_lite_spec

    chart = _build()
    return ChartSpecs(screen=_convert_altair_to_vega_lite_spec(chart), file=chart.to_dict())
