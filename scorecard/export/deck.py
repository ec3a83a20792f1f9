"""The board pack as a 16:9 PowerPoint deck, from the JSON report and offline chart images.

Slides: title; vision progress; the executives' leadership scores; the company cascade, the
departments side by side and one cascade slide per department; executives against the 2010
benchmarks; an appendix with the definitions used. Charts are Altair builders over the report's
small aggregated tables (:mod:`scorecard.export.deck_data`), rendered to PNG at projector width.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any

import altair as alt
import pandas as pd

from scorecard.charts.board import benchmarks_chart, leadership_scores_chart, vision_progress_chart
from scorecard.charts.cascade import adoption_by_tier_chart, lift_reach_chart
from scorecard.dictionary import REGISTRY, is_metric
from scorecard.export import slides
from scorecard.export.deck_data import (
    MOST_BARS, adoption_of_scope, benchmark_frame, cascade_frames, executives_frame, vision_frame,
)
from scorecard.export.images import chart_png_at_width
from scorecard.export.layout import drop_empty_placeholders, new_deck
from scorecard.export.meta import company_name, deck_facts, period_text, version_text
from scorecard.report import Report

#: Metrics every deck shows (vision, scores and their pillars, benchmarks); goals add theirs.
DECK_METRICS = ("vision_progress", "leadership_score", "active_days", "dialogue_ratio",
                "engagement_rate", "active_share", "social_roi", "economic_value", "time_cost",
                "multi_daily", "blogging", "mostly_marketing")
STATUS_RULE = ("Goal status: expected = target × elapsed share of the goal's window; on track "
               "if actual ≥ expected, at risk if ≥ 80% of expected, else off track (mirrored "
               "for goals whose direction is down).")


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


def _used_metrics(report: Report) -> list[str]:
    """Registry ids the deck shows, in chain order: the fixed ones and the goals' metrics."""
    wanted = set(DECK_METRICS) | {g.metric for g in report.goals}
    return [m.id for m in REGISTRY if m.id in wanted and is_metric(m.id)]


def _row(summary: pd.DataFrame, scope: str, name: str) -> pd.Series | None:
    if summary.empty:
        return None
    rows = summary[(summary["scope"] == scope) & (summary["department"] == name)]
    return rows.iloc[0] if len(rows) else None


def build_pptx(report: Report, meta: Any = None,
               charts: Mapping[str, alt.Chart] | None = None) -> bytes:
    """The deck of ``report`` (:func:`scorecard.report.build_report`) as .pptx bytes.

    ``meta`` (:class:`~scorecard.dataset.DatasetInfo` or a dict) names the company and dataset
    version on the title slide; ``charts`` replaces charts of :func:`deck_charts` by key. No
    network is used: vl-convert renders with its bundled fonts.
    """
    built = deck_charts(report) | dict(charts or {})
    png = {key: chart_png_at_width(chart) for key, chart in built.items()}
    prs = new_deck()
    slides.cover(prs, company_name(meta), period_text(report), version_text(meta),
                 deck_facts(report, meta))

    goals = vision_frame(report)
    goal_notes = [f"{g.goal}: actual {g.actual}, status {g.status}."
                  for g in goals.itertuples(index=False)]
    shown = "" if len(goals) <= MOST_BARS else f"First {MOST_BARS} of {len(goals)} goals; " \
        "all are in the workbook."
    slides.chart_slide(prs, "Vision progress", png.get("vision"),
                       [slides.metric_note("vision_progress"), STATUS_RULE, *goal_notes],
                       empty="No goals in this period: add them to the goals sheet.",
                       caption=shown or "Bar: progress toward the target. Black tick: where "
                       "the goal should be by now.")

    execs = executives_frame(report)
    scored = execs["score"].notna().sum()
    caption = (f"Top {MOST_BARS} of {scored} executives shown; everyone is in the workbook."
               if scored > MOST_BARS else "Executives: C-suite and VP.")
    slides.chart_slide(prs, "Leadership scores of the executives", png.get("leadership"),
                       [slides.metric_note(m) for m in ("leadership_score", "active_days",
                        "dialogue_ratio", "engagement_rate", "social_roi")],
                       empty="No executive (C-suite or VP) has a score in this period.",
                       caption=caption)

    cascade = cascade_frames(report)
    summary = cascade["summary"]
    cascade_notes = list(slides.CASCADE_TERMS)
    slides.chart_slide(prs, "The cascade: the whole company", png.get("cascade:company"),
                       cascade_notes, empty="No cascade: nobody on the roster in this period.",
                       kpis=slides.cascade_kpis(_row(summary, "Company", "Company")))
    slides.chart_slide(prs, "The cascade: departments side by side",
                       png.get("cascade:departments"), cascade_notes,
                       empty="No department has a cascade in this period.")
    departments = summary.loc[summary["scope"] == "Department", "department"] \
        if len(summary) else []
    for name in departments:
        slides.chart_slide(prs, f"The cascade: {name}", png.get(f"cascade:{name}"),
                           cascade_notes, empty=f"{name}: nobody on the roster in this period.",
                           kpis=slides.cascade_kpis(_row(summary, "Department", name)))

    bench_notes = [slides.metric_note(m.id) + f" Benchmark: {m.benchmark_source}."
                   for m in REGISTRY if m.benchmark is not None]
    slides.chart_slide(prs, "Executives against the 2010 benchmarks", png.get("benchmarks"),
                       bench_notes, empty="No executive activity in this period.",
                       caption="Executives: C-suite and VP. Survey: Socialcast, October 2010.")

    slides.definitions(prs, _used_metrics(report))
    for slide in prs.slides:
        drop_empty_placeholders(slide)
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()
