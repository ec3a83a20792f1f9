"""What each page of the board pack says, once, for the deck and the PDF alike.

:func:`board_pages` turns a Report (and the report of the previous period of equal length, when
the data reaches back that far) into a list of :class:`Page`: a title, sentences, a chart key,
big numbers, a small table and speaker notes. :mod:`scorecard.export.deck` draws them as slides
and :mod:`scorecard.export.pdf` as PDF pages, so both files carry the same words and numbers.

Order: title; executive summary; vision; leadership; cascade (company: a line chart over
several months, a table for a single month, where a line would be one dot per tier);
departments side by side (a department with no cascade figure is one line there, not a slide
of dashes); one page per department with figures; benchmarks; bonus pool in brief; what
changed since the previous period; the definitions appendix.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from scorecard.dictionary import REGISTRY, is_metric, metric
from scorecard.export.context import Branding, company_of
from scorecard.export.deck_data import MOST_BARS, cascade_frames, executives_frame, vision_frame
from scorecard.export.meta import deck_facts, period_text, version_text
from scorecard.export.slides import CASCADE_TERMS, cascade_kpis, metric_note
from scorecard.formatting import MISSING, number
from scorecard.report import Report
from scorecard.schema import TIERS
from scorecard.summary import changes, executive_summary

#: Metrics every pack defines (vision, scores and their pillars, benchmarks); goals add theirs.
PACK_METRICS = (
    "vision_progress",
    "leadership_score",
    "active_days",
    "dialogue_ratio",
    "engagement_rate",
    "active_share",
    "social_roi",
    "economic_value",
    "time_cost",
    "multi_daily",
    "blogging",
    "mostly_marketing",
)
STATUS_RULE = (
    "Goal status: expected = target × elapsed share of the goal's window; on track "
    "if actual ≥ expected, at risk if ≥ 80% of expected, else off track (mirrored "
    "for goals whose direction is down)."
)
DEFINITIONS_PER_PAGE = 5
#: Teams listed on the bonus page; the workbook has them all.
BONUS_TEAMS = 5


@dataclass(frozen=True)
class Page:
    """One slide or PDF page. ``chart`` names a chart of :func:`scorecard.export.deck.deck_charts`
    (``empty`` says why when it is missing); ``table`` is a header row and body rows of text;
    ``kpis`` are (label, value) big numbers shown beside the chart or table."""

    title: str
    notes: tuple[str, ...] = ()
    lines: tuple[str, ...] = ()
    chart: str | None = None
    empty: str = ""
    caption: str = ""
    kpis: tuple[tuple[str, str], ...] = ()
    table: tuple[tuple[str, ...], ...] = ()
    cover: bool = False
    subtitle: tuple[str, ...] = field(default=())


def _cover(report: Report, meta: Any, brand: Branding) -> Page:
    company = company_of(meta, brand)  # the bundled sample names itself unless renamed
    facts = [f"Company: {company}"] + [
        f"{label}: {value}" for label, value in deck_facts(report, meta) if label != "Company"
    ]
    return Page(
        company,
        cover=True,
        notes=tuple(facts),
        subtitle=(
            "Social scorecard: board pack",
            f"Period: {period_text(report)}",
            version_text(meta),
        ),
    )


def _summary(report: Report, previous: Report | None) -> Page:
    summary = executive_summary(report, previous)
    return Page(
        "Executive summary",
        lines=summary.sentences(),
        notes=(
            (
                "What moved compares the company's figures with the period of equal length just "
                "before; what is at risk counts goals off track or at risk; the decision follows from "
                "the goal furthest behind."
            ),
            metric_note("actions"),
            metric_note("active_share"),
            STATUS_RULE,
        ),
    )


def _vision(report: Report) -> Page:
    goals = vision_frame(report)
    shown = (
        f"First {MOST_BARS} of {len(goals)} goals; all are in the workbook."
        if len(goals) > MOST_BARS
        else "Bar: progress toward the target. Black tick: where the goal should be by now."
    )
    return Page(
        "Vision progress",
        chart="vision",
        caption=shown,
        empty="No goals in this period: add them to the goals sheet.",
        notes=(
            metric_note("vision_progress"),
            STATUS_RULE,
            *(
                f"{g.goal}: actual {g.actual}, status {g.status}."
                for g in goals.itertuples(index=False)
            ),
        ),
    )


def _leadership(report: Report) -> Page:
    scored = int(executives_frame(report)["score"].notna().sum())
    caption = (
        f"Top {MOST_BARS} of {scored} executives shown; everyone is in the workbook."
        if scored > MOST_BARS
        else "Executives: C-suite and VP."
    )
    return Page(
        "Leadership scores of the executives",
        chart="leadership",
        caption=caption,
        empty="No executive (C-suite or VP) has a score in this period.",
        notes=tuple(
            metric_note(m)
            for m in (
                "leadership_score",
                "active_days",
                "dialogue_ratio",
                "engagement_rate",
                "social_roi",
            )
        ),
    )


def _row(summary: pd.DataFrame, scope: str, name: str) -> pd.Series | None:
    if summary.empty:
        return None
    rows = summary[(summary["scope"] == scope) & (summary["department"] == name)]
    return rows.iloc[0] if len(rows) else None


def adoption_table(adoption: pd.DataFrame) -> tuple[tuple[str, ...], ...]:
    """One month's adoption by tier as text rows (header first), tiers top-down."""
    rows = adoption.assign(
        order=adoption["tier"].map(lambda t: TIERS.index(t) if t in TIERS else len(TIERS))
    ).sort_values("order")
    return (
        ("Tier", "People", "Active", "Active share"),
        *(
            (
                str(r.tier),
                number(r.people, "count"),
                number(r.active, "count"),
                number(r.adoption, "%"),
            )
            for r in rows.itertuples(index=False)
        ),
    )


def _adoption_rows(adoption: pd.DataFrame, scope: str, name: str) -> pd.DataFrame:
    if adoption.empty:
        return adoption
    return adoption[(adoption["scope"] == scope) & (adoption["department"] == name)]


def _cascade_page(
    title: str,
    key: str,
    adoption: pd.DataFrame,
    months: int,
    kpis: list[tuple[str, str]],
    empty: str,
) -> Page:
    """A cascade page: the adoption lines over several months, or one month's table."""
    notes = tuple(CASCADE_TERMS)
    if months == 1 and len(adoption):
        return Page(
            title,
            table=adoption_table(adoption),
            kpis=tuple(kpis),
            notes=notes,
            caption="One month: adoption by tier (a trend needs two months or more).",
        )
    return Page(title, chart=key, kpis=tuple(kpis), notes=notes, empty=empty)


def has_figures(kpis: Sequence[tuple[str, str]]) -> bool:
    """Whether any big number of a cascade page is known (not "—")."""
    return any(value != MISSING for _, value in kpis)


def _cascade(report: Report) -> list[Page]:
    frames = cascade_frames(report)
    summary, adoption = frames["summary"], frames["adoption"]
    months = len(report.cascade.get("months") or ()) if report.cascade else 0
    pages = [
        _cascade_page(
            "The cascade: the whole company",
            "cascade:company",
            _adoption_rows(adoption, "Company", "Company"),
            months,
            cascade_kpis(_row(summary, "Company", "Company")),
            "No cascade: nobody on the roster in this period.",
        )
    ]
    names = (
        list(summary.loc[summary["scope"] == "Department", "department"]) if len(summary) else []
    )
    with_figures, without = [], []
    for name in names:
        kpis = cascade_kpis(_row(summary, "Department", name))
        (with_figures if has_figures(kpis) else without).append((name, kpis))
    lines = tuple(
        f"{name}: no reporting line with both sides on the roster in this period, "
        "so no cascade figure."
        for name, _ in without
    )
    pages.append(
        Page(
            "The cascade: departments side by side",
            chart="cascade:departments",
            lines=lines,
            notes=tuple(CASCADE_TERMS),
            empty="No department has a cascade in this period.",
        )
    )
    for name, kpis in with_figures:
        pages.append(
            _cascade_page(
                f"The cascade: {name}",
                f"cascade:{name}",
                _adoption_rows(adoption, "Department", name),
                months,
                kpis,
                f"{name}: nobody on the roster in this period.",
            )
        )
    return pages


def _benchmarks(report: Report) -> Page:
    sources = sorted(
        {
            (b.year, (b.source or "").split(",")[0])
            for b in report.benchmarks.values()
            if b.year is not None
        },
        key=lambda ys: (ys[0], ys[1]),
    )
    caption = (
        "Executives: C-suite and VP. Sources: "
        + "; ".join(f"{who} {year}" for year, who in sources)
        + "."
        if sources
        else ""
    )
    notes = tuple(
        f"{b.label}: {b.finding} Population: {b.population}; sample: {b.sample}. "
        f"How comparable: {b.comparable} Source: {b.source}."
        for b in report.benchmarks.values()
    )
    return Page(
        "Executives against published benchmarks",
        chart="benchmarks",
        caption=caption,
        empty="No executive activity in this period.",
        notes=notes,
    )


def _bonus(report: Report) -> Page:
    bonus, currency = report.bonus, report.currency
    eligible = sum(bool(p.eligible) for p in bonus.people)
    earning = sum((p.points or 0) > 0 for p in bonus.people)
    lines = (
        (
            f"Pool {number(bonus.pool, 'currency_cents', currency)}; "
            f"{number(bonus.allocated, 'currency_cents', currency)} shared among {eligible} eligible "
            f"{'person' if eligible == 1 else 'people'} (of {earning} with points)."
        ),
    )
    teams = sorted(bonus.teams, key=lambda t: (t.rank is None, t.rank or 0))[:BONUS_TEAMS]
    table = (
        (
            ("Department", "Points", "Participants", "Points per participant"),
            *(
                (
                    t.department,
                    number(t.points, "points"),
                    number(t.participants, "count"),
                    number(t.points_per_participant, "points"),
                )
                for t in teams
            ),
        )
        if teams
        else ()
    )
    return Page(
        "Bonus pool in brief",
        lines=lines,
        table=table,
        notes=(
            (
                "Points per action type, capped per person per month; people at or above the minimum "
                "points share the pool in proportion to their points, rounded to cents so the shares "
                "add up to the pool (assumptions bonus.*)."
            ),
            f"Teams: the first {BONUS_TEAMS} by points; every person and team is in the workbook.",
        ),
    )


def _changes(report: Report, previous: Report | None) -> Page:
    title = "What changed since the previous period"
    if previous is None:
        return Page(
            title,
            lines=(
                (
                    f"The data holds no period of equal length before "
                    f"{report.period.start.isoformat()}, so nothing is compared."
                ),
            ),
        )
    rows = changes(report, previous)
    table = (
        ("Company figure", previous.period.text(), report.period.text(), "Change"),
        *((c.label, c.previous, c.current, c.change) for c in rows),
    )
    return Page(
        title,
        table=table,
        notes=(
            (
                "Both periods are computed with the same filters and assumptions; a share's change is "
                "in percentage points."
            ),
            *(
                metric_note(m)
                for m in (
                    "actions",
                    "active_share",
                    "leadership_score",
                    "economic_value",
                    "social_roi",
                )
            ),
        ),
    )


def used_metrics(report: Report) -> list[str]:
    """Registry ids the pack shows, in chain order: the fixed ones and the goals' metrics."""
    wanted = set(PACK_METRICS) | {g.metric for g in report.goals}
    return [m.id for m in REGISTRY if m.id in wanted and is_metric(m.id)]


def _definitions(report: Report) -> list[Page]:
    ids = used_metrics(report)
    chunks = [ids[i : i + DEFINITIONS_PER_PAGE] for i in range(0, len(ids), DEFINITIONS_PER_PAGE)]
    pages = []
    for n, chunk in enumerate(chunks, start=1):
        suffix = f" ({n} of {len(chunks)})" if len(chunks) > 1 else ""
        pages.append(
            Page(
                f"Appendix: definitions used{suffix}",
                lines=tuple(
                    f"{metric(m).label} ({metric(m).provenance}): {metric(m).sentence}"
                    for m in chunk
                ),
                notes=tuple(metric_note(m) for m in chunk),
            )
        )
    if chunks:
        pages.append(
            Page(
                "Appendix: cascade terms",
                notes=tuple(CASCADE_TERMS),
                lines=tuple(f"{m.label}: {m.sentence}" for m in REGISTRY if m.home == "cascade"),
            )
        )
    return pages


def board_pages(
    report: Report, meta: Any = None, previous: Report | None = None, brand: Branding | None = None
) -> list[Page]:
    """Every page of the board pack, in order (see the module docstring)."""
    brand = brand or Branding()
    return [
        _cover(report, meta, brand),
        _summary(report, previous),
        _vision(report),
        _leadership(report),
        *_cascade(report),
        _benchmarks(report),
        _bonus(report),
        _changes(report, previous),
        *_definitions(report),
    ]
