"""One formatter: a value of any unit reads the same on screen, in the deck, in the workbook and
on the command line, each through the function production calls."""

from __future__ import annotations

import io
import math
import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from types import MappingProxyType

import openpyxl
import pandas as pd
import pytest

from scorecard.dataset import Filters
from scorecard.dictionary import REGISTRY, UNITS, metric
from scorecard.export.deck_data import cascade_frames, vision_frame
from scorecard.export.slides import cascade_kpis
from scorecard.export.tables import header
from scorecard.export.xlsx import build_xlsx
from scorecard.formatting import (
    MISSING,
    PATTERNS,
    TEXT_UNITS,
    currency_symbol,
    excel_format,
    goal_labels,
    number,
)
from scorecard.report import Bonus, Goal, Report, ReportPeriod
from scorecard.report_text import LABEL_WIDTH, report_text
from scorecard.ui import format as screen

VALUES = (0.0, 0.0421, 1234.5, 1e6, float("nan"), -1234.5, 0.9, 17.5)
#: One registry metric per unit: a goal on it shows its actual in that unit everywhere.
METRIC_OF_UNIT = {
    u: next(m.id for m in REGISTRY if m.unit == u) for u in UNITS if u not in TEXT_UNITS
}
CURRENCY = "€"

#: By hand, in the dataset's currency (€); rounding is half away from zero, as Excel's.
EXPECTED = {
    (0.0, "%"): "0.0%",
    (0.0421, "%"): "4.2%",  # 0.0421 × 100 = 4.21 → one decimal
    (1234.5, "count"): "1,235",  # .5 rounds away from zero
    (1e6, "count"): "1,000,000",
    (-1234.5, "currency"): "-€1,235",
    (1234.5, "currency"): "€1,235",
    (0.9, "multiple"): "0.9×",  # a lift below 1
    (17.5, "days"): "18",  # whole days
    (1234.5, "per_post"): "1,234.50",
    (-1234.5, "ratio"): "-1,234.50",
    (1234.5, "points"): "1,234.5",
    (17.5, "score"): "18",
    (0.0421, "score"): "0",
}


def excel_text(value: object, fmt: str) -> str:
    """What Excel shows for ``value`` under ``fmt``, written independently of the app for the
    formats the workbook uses: quoted literals, ``#,##0`` grouping, ``.0…`` decimals, ``%``.
    A missing number is an empty cell, read here as "—"."""
    if value is None:
        return MISSING
    parts = re.split(r'("[^"]*")', fmt)
    core_at = next(i for i, p in enumerate(parts) if "0" in p and not p.startswith('"'))
    prefix = "".join(p.strip('"') for p in parts[:core_at])
    suffix = "".join(p.strip('"') for p in parts[core_at + 1 :])
    core = parts[core_at]
    decimals = len(core.split(".")[1].rstrip("%")) if "." in core else 0
    x = Decimal(repr(float(value))) * (100 if "%" in core else 1)  # type: ignore[arg-type]
    q = x.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    digits = f"{abs(q):,.{decimals}f}" if "," in core else f"{abs(q):.{decimals}f}"
    return ("-" if q < 0 else "") + prefix + digits + ("%" if "%" in core else "") + suffix


def hand_report(
    goals: tuple[Goal, ...] = (), company: dict | None = None, cascade: dict | None = None
) -> Report:
    """A Report built by hand: only the parts a test fills."""
    return Report(
        period=ReportPeriod(
            date(2026, 3, 1), date(2026, 3, 31), 31, 22, date(2026, 1, 29), date(2026, 2, 28)
        ),
        filters=Filters(),
        currency=CURRENCY,
        dictionary=REGISTRY,
        company=MappingProxyType(company or {}),
        departments=MappingProxyType({}),
        people=MappingProxyType({}),
        goals=goals,
        bonus=Bonus(None, None, (), ()),
        benchmarks=MappingProxyType({}),
        stewards=(),
        cascade=MappingProxyType(cascade or {}),
    )


def goal(metric_id: str, actual: float) -> Goal:
    return Goal(
        metric_id,
        "company",
        "company",
        "2026-01-01",
        "2026-12-31",
        "up",
        10.0,
        None if math.isnan(actual) else actual,
        0.25,
        2.5,
        "on track",
        None,
        None,
    )


def sheet_rows(book: openpyxl.Workbook, name: str) -> list[dict[str, openpyxl.cell.Cell]]:
    rows = list(book[name].iter_rows())
    heads = [c.value for c in rows[0]]
    return [dict(zip(heads, row, strict=True)) for row in rows[1:]]


@pytest.mark.parametrize("value", VALUES)
def test_every_unit_reads_the_same_on_screen_deck_workbook_and_cli(value: float) -> None:
    units = list(METRIC_OF_UNIT)
    report = hand_report(
        goals=tuple(goal(METRIC_OF_UNIT[u], value) for u in units),
        company={METRIC_OF_UNIT[u]: value for u in units},
    )
    deck = vision_frame(report)["actual"].tolist()  # the deck's goal notes print these
    book = openpyxl.load_workbook(io.BytesIO(build_xlsx(report)))
    cells = [row["Actual"] for row in sheet_rows(book, "Goals")]
    # "  Label (padded to LABEL_WIDTH) text": the label column, then the text
    cli = {
        line[2 : 2 + LABEL_WIDTH].strip(): line[3 + LABEL_WIDTH :]
        for line in report_text(report).splitlines()
        if line.startswith("  ")
    }
    for unit, shown, cell in zip(units, deck, cells, strict=True):
        text = screen.number(value, unit, CURRENCY)
        assert shown == text, unit
        assert excel_text(cell.value, cell.number_format) == text, (unit, cell.number_format)
        assert cli[metric(METRIC_OF_UNIT[unit]).label] == text, unit
        if (value, unit) in EXPECTED:
            assert text == EXPECTED[(value, unit)]
        if math.isnan(value):
            assert text == MISSING  # never 0


def test_cascade_lift_lag_and_shares_read_alike_in_deck_and_workbook() -> None:
    # 0.9× lift (below 1: no team follows its manager yet), 17.5 days → "18", 4.21% → "4.2%"
    entry = {
        "people": 4,
        "lift": 0.9,
        "median_lag_days": 17.5,
        "started_after_share": 0.0421,
        "reach": 0.5,
        "adoption_by_month": (),
    }
    report = hand_report(
        cascade={
            "company": MappingProxyType(entry),
            "departments": MappingProxyType({}),
            "leaders": (),
        }
    )
    summary = cascade_frames(report)["summary"]
    kpis = [text for _, text in cascade_kpis(summary.iloc[0])]
    assert kpis == ["0.9×", "18 days", "4.2%", "50.0%"]
    row = sheet_rows(openpyxl.load_workbook(io.BytesIO(build_xlsx(report))), "Cascade")[0]
    lift = row[header("lift")]
    assert excel_text(lift.value, lift.number_format) == "0.9×"
    lag = row[header("median_lag_days")]
    assert excel_text(lag.value, lag.number_format) + " days" == kpis[1]
    share = row[header("started_after_share")]
    assert excel_text(share.value, share.number_format) == kpis[2]


def test_every_numeric_unit_of_the_registry_has_one_pattern() -> None:
    assert set(UNITS) - set(TEXT_UNITS) == set(PATTERNS)
    assert excel_format("currency", "EUR") == '"€"#,##0'  # an ISO code becomes its symbol
    assert excel_format("tier") == "General"
    assert currency_symbol(None) == "$" and number(5, "currency") == "$5"
    assert number("VP", "tier") == "VP" and number(None, "tier") == MISSING


def test_a_repeated_goal_reads_the_same_on_the_board_page_and_in_the_deck() -> None:
    assert goal_labels(["Posts · Company → 10", "Posts · Company → 10", "Leads"]) == [
        "Posts · Company → 10",
        "Posts · Company → 10 (2)",
        "Leads",
    ]
    report = hand_report(goals=(goal("posts", 3.0), goal("posts", 4.0)))
    assert vision_frame(report)["goal"].tolist() == [
        "Posts · Company → 10",
        "Posts · Company → 10 (2)",
    ]


def test_screen_deltas_use_the_same_patterns() -> None:
    # 0.50 − 0.46 = 0.04 → 4.0 percentage points; 1200 − 1000 = €200
    assert screen.delta("dialogue_ratio", 0.50, 0.46) == "+4.0 pp"
    assert screen.delta("time_cost", 1200.0, 1000.0, CURRENCY) == "+€200"
    assert screen.delta("time_cost", 1000.2, 1000.0, CURRENCY) is None  # rounds to nothing
    assert pd.isna(float("nan")) and screen.value("posts", float("nan")) == MISSING
