"""The report as plain text for a terminal: every figure of the company and each department,
formatted by :mod:`scorecard.formatting` exactly as the screen, the deck and the workbook read.
"""

from __future__ import annotations

from scorecard.dictionary import metric
from scorecard.formatting import number
from scorecard.report import Metrics, Report

#: Width of the label column.
LABEL_WIDTH = 28


def figure_lines(figures: Metrics, currency: str) -> list[str]:
    """One "  Label ......... value" line per metric, in the report's (registry) order."""
    lines = []
    for metric_id, value in figures.items():
        definition = metric(metric_id)
        lines.append(
            f"  {definition.label:<{LABEL_WIDTH}} {number(value, definition.unit, currency)}"
        )
    return lines


def report_text(report: Report) -> str:
    """The period, the filters, then the company's and each department's figures, one
    "  Dialogue ratio    4.2%" line per metric."""
    chosen = [
        f"{name}: {', '.join(values)}"
        for name, values in (
            ("departments", report.filters.departments),
            ("tiers", report.filters.tiers),
            ("channels", report.filters.channels),
        )
        if values
    ]
    lines = [
        f"Period: {report.period.text()}",
        f"Filters: {'; '.join(chosen) if chosen else 'none (everyone)'}",
        "",
        "Company",
    ]
    lines += figure_lines(report.company, report.currency)
    for name, figures in report.departments.items():
        lines += ["", name, *figure_lines(figures, report.currency)]
    return "\n".join(lines)
