"""The board pack as a 16:9 PowerPoint deck, from the Report and offline chart images.

The pages, their words and numbers are :func:`scorecard.export.board_pages.board_pages`
(shared with the PDF); this module builds their charts (Altair builders over the report's small
aggregated tables, :mod:`scorecard.export.deck_data`), renders the ones the pages use to PNG at
projector width and draws each page as a slide (:mod:`scorecard.export.page_slides`).
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any

import altair as alt

from scorecard.charts.board import benchmarks_chart, leadership_scores_chart, vision_progress_chart
from scorecard.charts.cascade import adoption_by_tier_chart, lift_reach_chart
from scorecard.export.board_pages import Page, board_pages
from scorecard.export.context import PackContext
from scorecard.export.deck_data import (
    MOST_BARS,
    adoption_of_scope,
    benchmark_frame,
    cascade_frames,
    executives_frame,
    vision_frame,
)
from scorecard.export.images import chart_png_at_width
from scorecard.export.layout import drop_empty_placeholders, new_deck
from scorecard.export.page_slides import draw_page
from scorecard.report import Report


def deck_charts(report: Report) -> dict[str, alt.Chart]:
    """Every chart of the deck by key: ``vision``, ``leadership``, ``benchmarks``,
    ``cascade:company``, ``cascade:departments`` and ``cascade:<department>``; a chart whose
    data is empty is left out (its slide then says why)."""
    charts: dict[str, alt.Chart] = {}
    goals = vision_frame(report)
    if len(goals):
        charts["vision"] = vision_progress_chart(goals.head(MOST_BARS))
    execs = executives_frame(report).dropna(subset=["score"])
    if len(execs):
        charts["leadership"] = leadership_scores_chart(execs, top=MOST_BARS)
    bench = benchmark_frame(report)
    if len(bench):
        charts["benchmarks"] = benchmarks_chart(bench)
    cascade = cascade_frames(report)
    summary, adoption = cascade["summary"], cascade["adoption"]
    if len(adoption):
        company = adoption_of_scope(adoption, "Company", "Company")
        if len(company):
            charts["cascade:company"] = adoption_by_tier_chart(company)
        for name in summary.loc[summary["scope"] == "Department", "department"]:
            rows = adoption_of_scope(adoption, "Department", name)
            if len(rows):
                charts[f"cascade:{name}"] = adoption_by_tier_chart(rows, name)
    if len(summary):
        charts["cascade:departments"] = lift_reach_chart(summary[["department", "lift", "reach"]])
    return charts


def chart_pngs(pages: list[Page], charts: Mapping[str, alt.Chart]) -> dict[str, bytes]:
    """PNGs of the charts ``pages`` show (each once), at projector width."""
    wanted = {p.chart for p in pages if p.chart is not None and p.chart in charts}
    return {key: chart_png_at_width(charts[key]) for key in sorted(wanted)}


def build_pptx(
    report: Report,
    meta: Any = None,
    charts: Mapping[str, alt.Chart] | None = None,
    context: PackContext | None = None,
) -> bytes:
    """The deck of ``report`` (:func:`scorecard.report.build_report`) as .pptx bytes.

    ``meta`` (:class:`~scorecard.dataset.DatasetInfo` or a dict) names the dataset version on
    the title slide; ``context`` brings the company's name, brand colour and the previous
    period's report (:func:`scorecard.export.context.pack_context`); ``charts`` replaces charts
    of :func:`deck_charts` by key. No network is used: vl-convert renders with its bundled fonts.
    """
    context = context or PackContext()
    pages = board_pages(report, meta, context.previous, context.brand)
    png = chart_pngs(pages, deck_charts(report) | dict(charts or {}))
    prs = new_deck()
    for page in pages:
        draw_page(prs, page, png.get(page.chart or ""), context.brand)
    for slide in prs.slides:
        drop_empty_placeholders(slide)
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()
