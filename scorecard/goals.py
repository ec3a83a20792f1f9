"""Vision progress: each goal's actual, expected-by-now, status and projected end value.

A goal names a dictionary metric id or an outcomes metric, a target, a window (start, end) and
optionally a department or a person (neither: the company). The actual is measured over the
window up to the data's last day (``as_of``: the latest activity or outcome date).

- elapsed share = days from start to min(as_of, end), inclusive / days of the window (0–1);
- additive metrics (outcome sums, dictionary metrics aggregated by ``sum``) accumulate:
  expected = target × elapsed share, projected end value = actual / elapsed share (linear);
- levels (ratios, shares, scores, and outcomes whose assumption ``aggregate.<metric>`` is
  ``mean``, such as response minutes, whose actual is the mean of the window's rows) do not
  accumulate: expected = target, projected = actual;
- status, direction up: on track if actual ≥ expected, at risk if ≥ 80% of expected, else off
  track; direction down mirrors it: on track if actual ≤ expected, at risk if ≤ expected / 0.8;
- progress = actual / target (NaN for a target of 0).

A goal whose window has not started reads "not started"; a metric that is neither a dictionary
id nor a metric in the outcomes reads "unknown metric"; no measurement reads "no data".
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from scorecard.assumptions import as_mapping, averaged_outcomes
from scorecard.cascade import team_reach
from scorecard.dataset import Dataset, Filters, Period
from scorecard.dictionary import is_metric, metric
from scorecard.metrics import Scorecards, compute

AT_RISK_SHARE = 0.8
COLUMNS = (
    "metric",
    "scope",
    "key",
    "start",
    "end",
    "direction",
    "target",
    "actual",
    "elapsed_share",
    "expected",
    "status",
    "projected",
    "progress",
)


def as_of_date(dataset: Dataset) -> date | None:
    """The data's last day: the latest activity or outcome date (None without either)."""
    dates = pd.concat([dataset.activity["date"], dataset.outcomes["date"]]).dropna()
    return None if dates.empty else dates.max().date()


def status_of(actual: float, expected: float, direction: str) -> str:
    """on track / at risk / off track (mirrored for direction down); "no data" without actual."""
    if pd.isna(actual) or pd.isna(expected):
        return "no data"
    if direction == "down":
        if actual <= expected:
            return "on track"
        return "at risk" if actual * AT_RISK_SHARE <= expected else "off track"
    if actual >= expected:
        return "on track"
    return "at risk" if actual >= AT_RISK_SHARE * expected else "off track"


def _outcome_actual(
    dataset: Dataset, name: str, window: Period, scope: str, key: str, averaged: bool
) -> float:
    out = dataset.outcomes
    rows = out[
        window.contains(out["date"])
        & (out["metric"].astype("str").str.strip().str.lower() == name.strip().lower())
    ]
    if scope == "person":
        rows = rows[rows["person_id"] == key]
    elif scope == "department":
        members = dataset.people.loc[dataset.people["department"] == key, "person_id"]
        rows = rows[(rows["department"] == key) | rows["person_id"].isin(members)]
    if averaged:
        return float(rows["value"].mean()) if len(rows) else np.nan
    return float(rows["value"].sum())


def _metric_actual(cards: Scorecards, name: str, scope: str, key: str) -> float:
    if scope == "company":
        return float(cards.company[name])
    frame = cards.departments if scope == "department" else cards.people
    return float(frame.at[key, name]) if key in frame.index else np.nan


def goal_progress(dataset: Dataset, as_of: date | None = None) -> pd.DataFrame:
    """One row per goal with the columns of :data:`COLUMNS` (see the module docstring).

    Loops over goals (a handful), computing the scorecards once per distinct window.
    """
    as_of = as_of or as_of_date(dataset)
    outcome_names = set(dataset.outcomes["metric"].astype("str").str.strip().str.lower())
    averaged = averaged_outcomes(as_mapping(dataset.assumptions))
    cache: dict[Period, Scorecards] = {}
    records = []
    for goal in dataset.goals.itertuples(index=False):
        person, dept = goal.person_id, goal.department
        scope, key = (
            ("person", str(person))
            if pd.notna(person) and str(person)
            else ("department", str(dept))
            if pd.notna(dept) and str(dept)
            else ("company", "company")
        )
        start, end = goal.start.date(), goal.end.date()
        direction = goal.direction if goal.direction in ("up", "down") else "up"
        name = str(goal.metric).strip()
        known = is_metric(name) and metric(name).home == "scorecard"
        is_mean = not known and name.lower() in averaged
        additive = not is_mean and (not known or metric(name).aggregation == "sum")
        row = {
            "metric": name,
            "scope": scope,
            "key": key,
            "start": start,
            "end": end,
            "direction": direction,
            "target": float(goal.target),
            "actual": np.nan,
            "elapsed_share": 0.0,
            "expected": np.nan,
            "status": "not started",
            "projected": np.nan,
            "progress": np.nan,
        }
        if not known and name.lower() not in outcome_names:
            row["status"] = "unknown metric"
        elif as_of is not None and as_of >= start and end >= start:
            window = Period(start, min(end, as_of))
            row["elapsed_share"] = window.days / Period(start, end).days
            if known:
                if window not in cache:
                    # With team reach, so a person's leadership score here is the one on
                    # their scorecard (the cascade pillar included).
                    cache[window] = compute(
                        dataset, window, Filters(), reach=team_reach(dataset, window)
                    )
                row["actual"] = _metric_actual(cache[window], name, scope, key)
            else:
                row["actual"] = _outcome_actual(dataset, name, window, scope, key, is_mean)
            share = row["elapsed_share"]
            row["expected"] = row["target"] * share if additive else row["target"]
            row["projected"] = row["actual"] / share if additive else row["actual"]
            row["status"] = status_of(row["actual"], row["expected"], direction)
            row["progress"] = row["actual"] / row["target"] if row["target"] else np.nan
        records.append(row)
    return pd.DataFrame(records, columns=list(COLUMNS))


def goal_label(name: str) -> str:
    """A goal's metric in words, the same on screen and in every export: the registry label,
    else the outcome metric's name with its first letter raised ("NPS_score" → "NPS score").

    >>> goal_label("posts"), goal_label("qualified_leads"), goal_label("NPS_score")
    ('Posts', 'Qualified leads', 'NPS score')
    """
    if is_metric(name):
        return metric(name).label
    text = name.replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def goal_unit(name: str) -> str:
    """The unit a goal's target and actual are read in: the registry's, else ``count``."""
    return metric(name).unit if is_metric(name) else "count"


def in_scope(
    goals: pd.DataFrame, people: pd.DataFrame, departments: tuple[str, ...]
) -> pd.DataFrame:
    """The goals a selection of ``departments`` shows (all of them for ``()``): company goals,
    the departments' own goals and the goals of their people (``people``: person_id and
    department columns). Rows of :func:`goal_progress`; selected, never recomputed.
    """
    if not departments or goals.empty:
        return goals
    members = set(people.loc[people["department"].isin(departments), "person_id"])
    scope, key = goals["scope"], goals["key"]
    keep = (
        (scope == "company")
        | ((scope == "department") & key.isin(departments))
        | ((scope == "person") & key.isin(members))
    )
    return goals[keep]
