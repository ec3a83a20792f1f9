"""Scorecards for a dataset, a period and filters: per person, per department, for the company."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from scorecard.dataset import Dataset, Filters, Period
from scorecard.dictionary import metric_ids
from scorecard.metrics.ratios import metrics_from_sums
from scorecard.metrics.scope import NO_FILTERS, PEOPLE_COLUMNS, Scope, build_scope
from scorecard.metrics.sums import (
    Cells,
    department_only_value,
    group_extras,
    group_sums,
    person_cells,
    person_sums,
)
from scorecard.score import leadership

#: Metric columns of every scorecard frame, in chain order.
SCORECARD_METRICS: tuple[str, ...] = metric_ids("scorecard")


@dataclass(frozen=True)
class Scorecards:
    """Tidy results of :func:`compute`.

    - ``people``: index person_id; name, title, department, tier, then one column per metric;
    - ``departments``: index department; one column per metric;
    - ``company``: a Series, metric id → value;
    - ``pillars``: index person_id; the leadership-score table (see :func:`scorecard.score.
      score_table`), input to :func:`scorecard.score.explain`.
    """

    people: pd.DataFrame
    departments: pd.DataFrame
    company: pd.Series
    pillars: pd.DataFrame
    period: Period
    filters: Filters


def _group_metrics(
    scope: Scope, sums: pd.DataFrame, cells: Cells, keys: np.ndarray, extra_value: pd.Series
) -> pd.DataFrame:
    """Metrics of groups: sums of their people, then their own ratios and score."""
    labels, group_of_person = np.unique(keys, return_inverse=True)
    gsums = group_sums(sums, pd.Series(group_of_person, index=sums.index))
    gsums = gsums.reindex(range(len(labels)), fill_value=0.0)
    gsums.index = pd.Index(labels)
    gsums["economic_value"] = gsums["economic_value"] + extra_value.reindex(
        gsums.index, fill_value=0.0
    )
    extras = group_extras(cells, group_of_person.astype(np.int64), len(labels))
    extras.index = gsums.index
    metrics = metrics_from_sums(gsums, extras, bool(scope.assumptions.approved_themes))
    table = leadership(metrics, scope.assumptions, scope.months, per_person=False)
    metrics["leadership_score"] = table["leadership_score"]
    return metrics[list(SCORECARD_METRICS)]


def compute(
    dataset: Dataset, period: Period, filters: Filters = NO_FILTERS, reach: pd.Series | None = None
) -> Scorecards:
    """Every scorecard metric for ``period`` under ``filters``: sums first, ratios after.

    ``reach`` (person_id → team reach, 0–1; from :func:`scorecard.cascade.team_reach`) feeds
    the cascade pillar of people with reports; without it that pillar is left out for
    everyone. People in scope with no activity get zero sums and missing ratios. Empty scope:
    empty frames and a company of zero sums and missing ratios.

    Departments and the company are their people's sums, so they hold people's own activity
    only: a brand account's rows have no person_id (validation sees to it) and are counted in
    :mod:`scorecard.stewards`, never here; nor are rows of unknown or ambiguous people.
    """
    scope = build_scope(dataset, period, filters)
    cells = person_cells(scope)
    sums = person_sums(scope, cells)
    n = len(sums)
    extras = group_extras(cells, np.arange(n, dtype=np.int64), n)
    metrics = metrics_from_sums(sums, extras, bool(scope.assumptions.approved_themes))
    ids = scope.people.index
    aligned_reach = (
        None
        if reach is None
        else pd.Series(reach.reindex(ids).to_numpy(dtype="float64"), index=sums.index)
    )
    pillars = leadership(
        metrics,
        scope.assumptions,
        scope.months,
        per_person=True,
        reach=aligned_reach,
        has_reports=pd.Series(scope.people["has_reports"].to_numpy(), index=sums.index),
    )
    metrics["leadership_score"] = pillars["leadership_score"]
    people = pd.concat(
        [scope.people[list(PEOPLE_COLUMNS)], metrics[list(SCORECARD_METRICS)].set_axis(ids)], axis=1
    )

    dept_value = department_only_value(scope)
    departments = _group_metrics(
        scope, sums, cells, scope.people["department"].to_numpy(dtype=object), dept_value
    )
    departments.index.name = "department"
    company = _group_metrics(
        scope, sums, cells, np.zeros(n, dtype=np.int64), pd.Series({0: float(dept_value.sum())})
    )
    if company.empty:
        empty = metrics_from_sums(
            sums.sum().to_frame().T.assign(headcount=0.0),
            pd.DataFrame({"channels": [0.0], "voice_consistency": [np.nan]}),
            False,
        )
        empty["leadership_score"] = np.nan
        company = empty[list(SCORECARD_METRICS)]
    return Scorecards(
        people=people,
        departments=departments,
        company=company.iloc[0].rename("company"),
        pillars=pillars.set_axis(ids),
        period=period,
        filters=filters,
    )
