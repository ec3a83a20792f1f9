"""The slides of the board deck, one function each: title, chart, big numbers, speaker notes.

Speaker notes carry each shown metric's formula and provenance (measured from uploaded rows or
estimated through assumptions), from the registry; nothing here spells a formula twice.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from pptx.presentation import Presentation as PresentationType

from scorecard.dictionary import REGISTRY, MetricDef, metric
from scorecard.export.layout import (
    CONTENT,
    SMALL_PT,
    Box,
    cover_slide,
    kpi_column,
    notes,
    picture,
    split,
    text_box,
    titled_slide,
)
from scorecard.formatting import MISSING, is_missing, number

#: Cascade terms: the registry's cascade measures (``home="cascade"``), formula by formula.
CASCADE_TERMS: tuple[str, ...] = (
    "Active in a month: actions ≥ active_threshold (assumption, default 1).",
    *(f"{m.label}: {m.formula}." for m in REGISTRY if m.home == "cascade"),
    "Provenance: measured from the uploaded activity and people rows.",
)
DEFINITIONS_PER_SLIDE = 5


def provenance(m: MetricDef) -> str:
    return (
        "measured from the uploaded rows"
        if m.provenance == "measured"
        else "estimated through the assumptions"
    )


def metric_note(metric_id: str) -> str:
    """ "Label: formula (unit; measured from the uploaded rows)." for speaker notes."""
    m = metric(metric_id)
    return f"{m.label}: {m.formula} (unit {m.unit}; {provenance(m)})."


def cover(
    prs: PresentationType, company: str, period: str, version: str, facts: Sequence[tuple[str, str]]
) -> None:
    slide = cover_slide(
        prs, company, ["Social scorecard: board pack", f"Period: {period}", version]
    )
    notes(slide, [f"{label}: {value}" for label, value in facts])


def chart_slide(
    prs: PresentationType,
    title: str,
    png: bytes | None,
    note_lines: list[str],
    *,
    empty: str,
    caption: str = "",
    kpis: list[tuple[str, str]] | None = None,
) -> None:
    """A title, the chart (or a sentence saying why there is none), optional big numbers on the
    right and a caption under the chart."""
    slide = titled_slide(prs, title)
    chart_box, side = split(CONTENT, 0.74) if kpis else (CONTENT, None)
    if caption:
        caption_h = 500_000  # EMU, about 0.55 inch
        text_box(
            slide,
            Box(
                chart_box.left,
                chart_box.top + chart_box.height - caption_h,
                chart_box.width,
                caption_h,
            ),
            [caption],
            SMALL_PT,
        )
        chart_box = Box(
            chart_box.left, chart_box.top, chart_box.width, chart_box.height - caption_h
        )
    if png is None:
        text_box(slide, chart_box, [empty])
    else:
        picture(slide, png, chart_box)
    if kpis and side is not None:
        kpi_column(slide, side, kpis)
    notes(slide, note_lines)


def cascade_kpis(row: pd.Series | None) -> list[tuple[str, str]]:
    """Lift, median lag, share started after the manager and team reach of one summary row."""
    if row is None:
        return []

    def get(column: str) -> object:
        return row.get(column) if column in row.index else None

    lag = get("median_lag_days")
    return [
        ("as likely to be active when the manager is (lift)", number(get("lift"), "multiple")),
        (
            "median days after their manager began",
            MISSING if is_missing(lag) else days_text(float(lag)),
        ),  # type: ignore[arg-type]
        ("of reports began after their manager", number(get("started_after_share"), "%")),
        ("team reach: active below the heads", number(get("reach"), "%")),
    ]


def definitions(prs: PresentationType, metric_ids: Sequence[str]) -> None:
    """The appendix: each metric used in the deck, its label, sentence and unit; formulas in
    the notes. Five per slide so the type stays large."""
    chunks = [
        metric_ids[i : i + DEFINITIONS_PER_SLIDE]
        for i in range(0, len(metric_ids), DEFINITIONS_PER_SLIDE)
    ]
    for n, chunk in enumerate(chunks, start=1):
        suffix = f" ({n} of {len(chunks)})" if len(chunks) > 1 else ""
        slide = titled_slide(prs, f"Appendix: definitions used{suffix}")
        lines = []
        for metric_id in chunk:
            m = metric(metric_id)
            lines.append(f"{m.label} ({m.provenance}): {m.sentence}")
        text_box(slide, CONTENT, lines, 20)
        notes(slide, [metric_note(m) for m in chunk])
    if not chunks:
        return
    slide = titled_slide(prs, "Appendix: cascade terms")
    # The slide says what each measure means; the notes hold the formulas (too long for 20 pt).
    text_box(
        slide, CONTENT, [f"{m.label}: {m.sentence}" for m in REGISTRY if m.home == "cascade"], 20
    )
    notes(slide, list(CASCADE_TERMS))


def days_text(days: float) -> str:
    """ "1 day", "0 days", "18 days" (17.5 days: whole days, as the ``days`` unit reads)."""
    text = number(days, "days")
    return f"{text} day" if text in ("1", "-1") else f"{text} days"
