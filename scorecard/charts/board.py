"""Charts for the board view and deck: few marks, large type, words in every title.

Pure Altair builders over small, already aggregated frames (one row per goal, executive,
benchmark or tier-month). Colours are the Okabe-Ito palette, safe for the common colour-vision
deficiencies, and no chart uses more than seven of them. Every chart states its point in its title
so a slide reads without a speaker.

Bar charts size themselves by rows: each goal, executive or benchmark owns one band of
``alt.Step`` pixels (shrinking to fit ``Size.max_height``, never below a readable minimum), so
two rows never share a band or overlap their labels whatever the container does, from 1 to 20
rows. Legends sit above the plot, where no container cuts them off.
"""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import pandas as pd

#: Okabe & Ito (2008), colour-blind safe; black left out for text.
OKABE_ITO: tuple[str, ...] = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#D55E00",
    "#56B4E9",
    "#CC79A7",
    "#F0E442",
)
STATUS_COLOURS: dict[str, str] = {
    "on track": "#009E73",
    "at risk": "#E69F00",
    "off track": "#D55E00",
    "not started": "#56B4E9",
    "no data": "#999999",
    "unknown metric": "#CC79A7",
}
TITLE_SIZE, LABEL_SIZE = 30, 22
WIDTH = 1000  # CSS pixels; rendered at 1,600 px for the projector


@dataclass(frozen=True)
class Size:
    """How big a board chart is drawn: plot width, the most height its rows may take, type
    sizes and the widest label (longer labels end in an ellipsis; the tooltip has them whole)."""

    width: int = WIDTH
    max_height: int = 560
    title: int = TITLE_SIZE
    label: int = LABEL_SIZE
    label_limit: int = 640
    step: int = 56  # band per row when there is room


#: The deck and the downloads: one chart per 16:9 slide.
SLIDE = Size()
#: Present mode: three charts side by side on one 1920x1080 screen.
PRESENT = Size(width=520, max_height=520, title=22, label=16, label_limit=300, step=44)


def title_lines(title: str, size: Size) -> str | list[str]:
    """The title, broken after its colon when it would be wider than the plot (about 0.55 em
    per character), so a narrow chart never cuts its point off."""
    head, colon, tail = title.partition(": ")
    if not colon or len(title) * size.title * 0.55 <= size.width:
        return title
    return [f"{head}:", tail]


def _projector(chart: alt.TopLevelMixin, title: str, size: Size) -> alt.TopLevelMixin:
    """Large type and a plain background, the same on every board chart."""
    return (
        chart.properties(
            title=alt.TitleParams(title_lines(title, size), fontSize=size.title, anchor="start"),
            width=size.width,
        )
        .configure(background="white")
        .configure_axis(
            labelFontSize=size.label, titleFontSize=size.label, labelLimit=size.label_limit
        )
        .configure_legend(
            labelFontSize=size.label,
            titleFontSize=size.label,
            orient="top",
            labelLimit=size.label_limit,
        )
        .configure_view(strokeWidth=0)
    )


def row_step(rows: int, size: Size = SLIDE) -> int:
    """Pixels per row: ``size.step``, shrunk so ``rows`` fit ``size.max_height``, at least
    18 (a label's height at 16 px type)."""
    return max(18, min(size.step, size.max_height // max(rows, 1)))


def vision_progress_chart(goals: pd.DataFrame, size: Size = SLIDE) -> alt.LayerChart:
    """Progress bars of the vision: one row per goal, coloured by status.

    ``goals`` has one row per goal: ``goal`` (label text, unique), ``progress`` (actual /
    target, a fraction; missing draws no bar), ``expected`` (expected-by-now / target, a
    fraction; drawn as a black tick) and ``status`` (on track, at risk, off track). The x axis
    is clipped at 150% so one runaway goal does not flatten the others.
    """
    frame = goals[["goal", "progress", "expected", "status"]].copy()
    status = frame["status"].astype("str").fillna("no data")
    frame["status"] = status.where(status.isin(list(STATUS_COLOURS)), "no data")
    frame["shown"] = pd.to_numeric(frame["progress"]).clip(lower=0, upper=1.5)
    on_track = int((frame["status"] == "on track").sum())
    title = f"Vision: {on_track} of {len(frame)} goals on track"
    statuses = [s for s in STATUS_COLOURS if s in set(frame["status"])] or ["no data"]
    step = row_step(len(frame), size)
    y = alt.Y("goal:N", sort=list(frame["goal"]), title=None)
    bars = (
        alt.Chart(frame)
        .mark_bar(height=alt.RelativeBandSize(0.6))
        .encode(
            y=y,
            x=alt.X(
                "shown:Q",
                title="Progress toward the target",
                scale=alt.Scale(domain=[0, 1.5]),
                axis=alt.Axis(format="%", values=[0, 0.25, 0.5, 0.75, 1, 1.25, 1.5]),
            ),
            color=alt.Color(
                "status:N",
                title="Status",
                scale=alt.Scale(domain=statuses, range=[STATUS_COLOURS[s] for s in statuses]),
            ),
            tooltip=[
                "goal:N",
                "status:N",
                alt.Tooltip("progress:Q", format=".0%"),
                alt.Tooltip("expected:Q", format=".0%", title="expected by now"),
            ],
        )
    )
    expected = (
        alt.Chart(frame)
        .mark_tick(color="black", thickness=4, size=round(step * 0.8))
        .encode(y=y, x=alt.X("expected:Q"))
    )
    layered = alt.layer(bars, expected).properties(height=alt.Step(step))
    return _projector(layered, title, size)


def leadership_scores_chart(
    scores: pd.DataFrame, top: int | None = None, size: Size = SLIDE
) -> alt.LayerChart:
    """Executives' leadership scores, 0–100, best first, each bar labelled with its value.

    ``scores`` has ``name`` and ``score`` (missing scores are left out). The title's median is
    over everyone scored; only the ``top`` best are drawn when given.
    """
    frame = scores[["name", "score"]].dropna(subset=["score"]).copy()
    frame["score"] = pd.to_numeric(frame["score"])
    frame = frame.sort_values(["score", "name"], ascending=[False, True])
    median = frame["score"].median()
    frame = frame.head(top) if top else frame
    title = (
        "Leadership score of the executives (0–100)"
        if frame.empty
        else f"Leadership score of the executives: median {median:.0f} of 100"
    )
    y = alt.Y("name:N", sort=None, title=None)
    base = alt.Chart(frame)
    bars = base.mark_bar(color=OKABE_ITO[0], height=alt.RelativeBandSize(0.6)).encode(
        y=y,
        x=alt.X(
            "score:Q",
            title="Leadership score",
            scale=alt.Scale(domain=[0, 100]),
            axis=alt.Axis(values=[0, 25, 50, 75, 100]),
        ),
    )
    labels = base.mark_text(align="left", dx=8, fontSize=size.label).encode(
        y=y, x="score:Q", text=alt.Text("score:Q", format=".0f")
    )
    layered = alt.layer(bars, labels).properties(height=alt.Step(row_step(len(frame), size)))
    return _projector(layered, title, size)


def benchmarks_chart(benchmarks: pd.DataFrame, size: Size = SLIDE) -> alt.LayerChart:
    """Our figure beside each published share, one row (two bars) per benchmark.

    ``benchmarks`` has ``label``, ``ours`` and ``benchmark`` (fractions) and optionally
    ``year``, ``source`` and ``unit``: only shares (``unit`` "%") with a figure of ours are
    drawn, each row labelled with its year. The published bars are grey, ours blue.
    """
    frame = benchmarks.copy()
    if "unit" in frame:
        frame = frame[frame["unit"] == "%"]
    frame = frame[pd.to_numeric(frame["ours"]).notna()]
    dated = "year" in frame
    years = sorted({int(y) for y in frame["year"]}) if dated and len(frame) else [2010]
    published = f"Executives, {years[0]}" if years == [2010] else "Published figure"
    if dated:
        frame = frame.assign(
            label=[
                f"{label} ({int(year)})"
                for label, year in zip(frame["label"], frame["year"], strict=True)
            ]
        )
    long = frame.melt(
        id_vars="label", value_vars=["ours", "benchmark"], var_name="who", value_name="share"
    )
    ours = "Our executives" if years == [2010] else "Ours"
    long["who"] = long["who"].map({"ours": ours, "benchmark": published})
    domain = [ours, published]
    rows = max(len(frame), 1)
    encoding = {
        "y": alt.Y("label:N", sort=list(frame["label"]), title=None),
        "yOffset": alt.YOffset("who:N", sort=domain),
        "x": alt.X(
            "share:Q",
            title="Share",
            axis=alt.Axis(format="%", tickCount=5),
            scale=alt.Scale(domain=[0, 1]),
        ),
    }
    base = alt.Chart(long)
    bars = base.mark_bar().encode(
        **encoding,
        color=alt.Color(
            "who:N", title=None, scale=alt.Scale(domain=domain, range=[OKABE_ITO[0], "#999999"])
        ),
    )
    labels = base.mark_text(align="left", dx=6, fontSize=size.label).encode(
        **encoding, text=alt.Text("share:Q", format=".0%")
    )
    title = (
        "Our executives against the 2010 survey"
        if years == [2010]
        else "Our leaders against published benchmarks"
    )
    layered = alt.layer(bars, labels).properties(
        height=alt.Step(max(18, row_step(rows, size) // 2))
    )
    return _projector(layered, title, size)
