"""Build the :class:`~scorecard.report_model.Report` of a period once, from the domain.

Every output (the JSON, the deck, the workbook, the pages' board pack, the CLI) reads the fields
of the Report this module builds; the JSON shape is in :mod:`scorecard.report_model`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields
from types import MappingProxyType
from typing import Any, TypeVar

import pandas as pd

from scorecard.assumptions import as_mapping
from scorecard.benchmarks import executive_benchmarks
from scorecard.bonus import bonus_pool
from scorecard.cascade import cascade_report_of, prepare, reach_of
from scorecard.dataset import Dataset, Filters, Period
from scorecard.dictionary import REGISTRY
from scorecard.formatting import DEFAULT_CURRENCY
from scorecard.goals import goal_progress
from scorecard.metrics import SCORECARD_METRICS, compute
from scorecard.report_model import (
    Benchmark,
    Bonus,
    BonusShare,
    Goal,
    Metrics,
    Person,
    Report,
    ReportPeriod,
    Steward,
    TeamPoints,
    freeze,
    plain,
)
from scorecard.score import explain
from scorecard.stewards import steward_table

__all__ = [
    "Benchmark",
    "Bonus",
    "BonusShare",
    "Goal",
    "Person",
    "Report",
    "ReportPeriod",
    "Steward",
    "TeamPoints",
    "build_report",
    "plain",
    "report_currency",
]

Row = TypeVar("Row")


def _rows(kind: type[Row], frame: pd.DataFrame, index_name: str | None = None) -> tuple[Row, ...]:
    """One ``kind`` per row of ``frame``, its fields read from the columns of the same name
    (an absent column gives ``None``)."""
    frame = frame.reset_index(names=index_name) if index_name else frame
    names = [f.name for f in fields(kind)]  # type: ignore[arg-type]
    return tuple(
        kind(**{n: plain(rec.get(n)) for n in names}) for rec in frame.to_dict(orient="records")
    )


def _metrics(values: pd.Series) -> Metrics:
    return MappingProxyType({m: plain(values[m]) for m in SCORECARD_METRICS})


def _people(dataset: Dataset, cards: Any) -> Mapping[str, Person]:
    # Reporting line and email as the people table has them (first row of a duplicated id).
    contact = dataset.people.drop_duplicates("person_id").set_index("person_id")[
        ["manager_id", "email"]
    ]
    people: dict[str, Person] = {}
    for pid, row in cards.people.iterrows():  # one entry per person: output-sized, not data
        people[str(pid)] = Person(
            str(pid),
            *(plain(row[c]) for c in ("name", "title", "department", "tier")),
            *(plain(contact.at[pid, c]) for c in ("manager_id", "email")),
            metrics=_metrics(row),
            leadership_explanation=explain(cards.pillars.loc[pid]),
        )
    return MappingProxyType(people)


def report_currency(dataset: Dataset) -> str:
    """The dataset's currency: assumption ``currency``, else :data:`DEFAULT_CURRENCY`."""
    return str(as_mapping(dataset.assumptions).get("currency") or "").strip() or DEFAULT_CURRENCY


def build_report(dataset: Dataset, period: Period, filters: Filters | None = None) -> Report:
    """Every number of the dictionary for ``period`` and ``filters``, once, as a
    :class:`Report`. Goals are measured on the whole dataset up to its last day, unfiltered;
    the bonus shares are the pool's for ``filters`` (see :func:`scorecard.bonus.bonus_pool`)."""
    filters = filters or Filters()
    cascade = prepare(dataset, period)  # once: team reach and the cascade key share it
    cards = compute(dataset, period, filters, reach=reach_of(cascade))
    pool = bonus_pool(dataset, period, filters)
    previous = period.previous()
    benchmarks = executive_benchmarks(dataset, period, filters)
    return Report(
        period=ReportPeriod(
            period.start,
            period.end,
            period.days,
            period.business_days,
            previous.start,
            previous.end,
        ),
        filters=filters,
        currency=report_currency(dataset),
        dictionary=REGISTRY,
        company=_metrics(cards.company),
        departments=MappingProxyType(
            {str(d): _metrics(row) for d, row in cards.departments.iterrows()}
        ),
        people=_people(dataset, cards),
        goals=_rows(Goal, goal_progress(dataset)),
        bonus=Bonus(
            plain(pool.pool),
            plain(pool.allocated),
            _rows(BonusShare, pool.people, "person_id"),
            _rows(TeamPoints, pool.teams, "department"),
        ),
        benchmarks=MappingProxyType(
            {str(k): b for k, b in zip(benchmarks.index, _rows(Benchmark, benchmarks), strict=True)}
        ),
        stewards=_rows(Steward, steward_table(dataset, period)),
        cascade=freeze(cascade_report_of(cascade)),
    )
