"""The board pack as an Excel workbook: one sheet per table of the JSON report.

Sheets: About, People scorecards, Departments, Cascade, Cascade by month, Leaders, Goals,
Bonus pool (people's shares; Bonus teams when there are teams), Benchmarks, Definitions. Headers, units and
number formats come from the registry's units through :func:`scorecard.formatting.excel_format`
(the patterns the screen and the deck render with, in the report's currency); values are the
report's own numbers, unrounded.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from scorecard.dictionary import REGISTRY, is_metric, metric
from scorecard.export.context import PackContext, company_of
from scorecard.export.excel import new_workbook, xlsx_bytes
from scorecard.export.meta import deck_facts
from scorecard.export.sheet import write_pairs, write_table
from scorecard.export.tables import (
    BONUS_UNITS,
    benchmarks_table,
    bonus_tables,
    cascade_tables,
    column_unit,
    departments_table,
    goals_table,
    header,
    people_table,
)
from scorecard.report import Report

SHEETS = (
    "About",
    "People scorecards",
    "Departments",
    "Cascade",
    "Cascade by month",
    "Leaders",
    "Goals",
    "Bonus pool",
    "Benchmarks",
    "Definitions",
)
#: Goal columns in the unit of the goal's own metric.
GOAL_VALUE_COLUMNS = ("target", "actual", "expected", "projected", "projected_end")


def definitions_table() -> pd.DataFrame:
    """The registry as a table, one row per metric in chain order."""
    return pd.DataFrame.from_records(
        [
            {
                "id": m.id,
                "metric": m.label,
                "stage": m.stage,
                "unit": m.unit,
                "better": "higher" if m.direction == "up" else "lower",
                "provenance": m.provenance,
                "meaning": m.sentence,
                "formula": m.formula,
                "benchmark": m.benchmark,
                "benchmark source": m.benchmark_source or None,
            }
            for m in REGISTRY
        ]
    ).astype({"benchmark": "float64"})


def _goal_units(goals: pd.DataFrame) -> pd.Series | None:
    if "metric" not in goals.columns:
        return None
    return goals["metric"].astype("str").map(lambda m: metric(m).unit if is_metric(m) else None)


def build_xlsx(report: Report, meta: Any = None, context: PackContext | None = None) -> bytes:
    """The workbook of ``report`` (:func:`scorecard.report.build_report`), as bytes.

    ``meta`` (a :class:`~scorecard.dataset.DatasetInfo` or a dict) fills the About sheet, whose
    "Company" is ``context``'s branding (assumption ``company_name``), never the file's name.
    Every user text is written as a text cell (see :mod:`scorecard.export.safe_text`).
    """
    currency = report.currency
    wb = new_workbook()

    def table(
        name: str, frame: pd.DataFrame, units: Mapping[str, str] | None = None, **kw: Any
    ) -> None:
        extra = dict(units or {})
        write_table(
            wb.create_sheet(name),
            frame,
            headers=header,
            unit_of=lambda c: extra.get(c) or column_unit(c),
            currency=currency,
            **kw,
        )

    settings, bonus = bonus_tables(report)
    company = company_of(meta, (context or PackContext()).brand)
    about = [(label, value, None) for label, value in deck_facts(report, meta, company)]
    about += [
        (f"Bonus pool: {header(k).lower()}", v, column_unit(k) or None) for k, v in settings.items()
    ]
    write_pairs(wb.create_sheet("About"), about, currency)
    table("People scorecards", people_table(report))
    table("Departments", departments_table(report))
    cascade = cascade_tables(report)
    table("Cascade", cascade["summary"])
    table("Cascade by month", cascade["adoption"])
    table("Leaders", cascade["leaders"])
    goals = goals_table(report)
    table("Goals", goals, row_units=_goal_units(goals), row_unit_columns=GOAL_VALUE_COLUMNS)
    table("Bonus pool", bonus.get("people", pd.DataFrame()), BONUS_UNITS)
    if "teams" in bonus:
        table("Bonus teams", bonus["teams"], BONUS_UNITS)
    table("Benchmarks", benchmarks_table(report))
    table(
        "Definitions",
        definitions_table(),
        row_units=pd.Series([m.unit for m in REGISTRY]),
        row_unit_columns=("benchmark",),
    )
    return xlsx_bytes(wb)
