"""Charts for the board deck: few marks, large type, words in every title.

Pure Altair builders over small, already aggregated frames (one row per goal, executive,
benchmark or tier-month). Colours are the Okabe-Ito palette, safe for the common colour-vision
deficiencies, and no chart uses more than seven of them. Every chart states its point in its title
so a slide reads without a speaker.
"""

from __future__ import annotations

import altair as alt
import pandas as pd


#: Okabe & Ito (2008), colour-blind safe; black left out for text.
OKABE_ITO: tuple[str, ...] = (
    "#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442",
)
STATUS_COLOURS: dict[str, str] = {
    "on track": "#009E73", "at risk": "#E69F00", "off track": "#D55E00",
    "not started": "#56B4E9", "no data": "#999999", "unknown metric": "#CC79A7",
}
TITLE_SIZE, LABEL_SIZE = 30, 22
WIDTH = 1000  # CSS pixels; rendered at 1,600 px for the projector


def _projector(chart: alt.Chart, title: str, height: int) -> alt.Chart:
    """Large type and a plain background, the same on every board chart."""
    return (
        chart.properties(title=alt.TitleParams(title, fontSize=TITLE_SIZE, anchor="start"),
                         width=WIDTH, height=height)
        .configure(background="white")
        .configure_axis(labelFontSize=LABEL_SIZE, titleFontSize=LABEL_SIZE, labelLimit=640)
        .configure_legend(labelFontSize=LABEL_SIZE, titleFontSize=LABEL_SIZE, orient="bottom")
        .configure_view(strokeWidth=0)
    )


def _bar_height(rows: int) -> int:
    return max(160, min(560, 56 * rows))


def vision_progress_chart(goals: pd.DataFrame) -> alt.Chart:
    """Progress bars of the vision: one bar per goal, coloured by status.

    ``goals`` has one row per goal: ``goal`` (label text), ``progress`` (actual / target, a
    fraction; missing draws no bar), ``expected`` (expected-by-now / target, a fraction; drawn
    as a black tick) and ``status`` (on track, at risk, off track). The x axis is clipped at
    150% so one runaway goal does not flatten the others.
    """
    frame = goals[["goal", "progress", "expected", "status"]].copy()
    status = frame["status"].astype("str").fillna("no data")
    frame["status"] = status.where(status.isin(list(STATUS_COLOURS)), "no data")
    frame["shown"] = pd.to_numeric(frame["progress"]).clip(lower=0, upper=1.5)
    on_track = int((frame["status"] == "on track").sum())
    title = f"Vision: {on_track} of {len(frame)} goals on track"
    statuses = [s for s in STATUS_COLOURS if s in set(frame["status"])] or ["no data"]
    y = alt.Y("goal:N", sort=None, title=None)
    bars = alt.Chart(frame).mark_bar(height=30).encode(
        y=y,
        x=alt.X("shown:Q", title="Progress toward the target", scale=alt.Scale(domain=[0, 1.5]),
                axis=alt.Axis(format="%", values=[0, 0.25, 0.5, 0.75, 1, 1.25, 1.5])),
        color=alt.Color("status:N", title="Status", scale=alt.Scale(
            domain=statuses, range=[STATUS_COLOURS[s] for s in statuses])),
    )
    expected = alt.Chart(frame).mark_tick(color="black", thickness=4, size=44).encode(
        y=y, x=alt.X("expected:Q"))
    return _projector(alt.layer(bars, expected), title, _bar_height(len(frame)))


def leadership_scores_chart(scores: pd.DataFrame, top: int | None = None) -> alt.Chart:
    """Executives' leadership scores, 0–100, best first, each bar labelled with its value.

    ``scores`` has ``name`` and ``score`` (missing scores are left out). The title's median is
    over everyone scored; only the ``top`` best are drawn when given.
    """
    frame = scores[["name", "score"]].dropna(subset=["score"]).copy()
    frame["score"] = pd.to_numeric(frame["score"])
    frame = frame.sort_values(["score", "name"], ascending=[False, True])
    median = frame["score"].median()
    frame = frame.head(top) if top else frame
    title = ("Leadership score of the executives (0–100)" if frame.empty else
             f"Leadership score of the executives: median {median:.0f} of 100")
    y = alt.Y("name:N", sort=None, title=None)
    base = alt.Chart(frame)
    bars = base.mark_bar(color=OKABE_ITO[0], height=28).encode(
        y=y, x=alt.X("score:Q", title="Leadership score", scale=alt.Scale(domain=[0, 100]),
                       axis=alt.Axis(values=[0, 25, 50, 75, 100])))
    labels = base.mark_text(align="left", dx=8, fontSize=LABEL_SIZE).encode(
        y=y, x="score:Q", text=alt.Text("score:Q", format=".0f"))
    return _projector(alt.layer(bars, labels), title, _bar_height(len(frame)))


def benchmarks_chart(benchmarks: pd.DataFrame) -> alt.Chart:
    """Our executives beside the 2010 survey, one pair of bars per benchmark.

    ``benchmarks`` has ``label`` (e.g. "Multi-daily"), ``ours`` and ``benchmark`` (fractions).
    """
    long = benchmarks.melt(id_vars="label", value_vars=["ours", "benchmark"],
                           var_name="who", value_name="share")
    long["who"] = long["who"].map({"ours": "Our executives", "benchmark": "Executives, 2010"})
    domain = ["Our executives", "Executives, 2010"]
    base = alt.Chart(long)
    encoding = dict(
        x=alt.X("label:N", sort=None, title=None, axis=alt.Axis(labelAngle=0)),
        xOffset=alt.XOffset("who:N", sort=domain),
        y=alt.Y("share:Q", title="Share of executives", axis=alt.Axis(format="%", tickCount=5),
                scale=alt.Scale(domain=[0, 1])),
    )
    bars = base.mark_bar().encode(**encoding, color=alt.Color(
        "who:N", title=None, scale=alt.Scale(domain=domain, range=[OKABE_ITO[0], "#999999"])))
    labels = base.mark_text(dy=-14, fontSize=LABEL_SIZE).encode(
        **encoding, text=alt.Text("share:Q", format=".0%"))
    return _projector(alt.layer(bars, labels), "Our executives against the 2010 survey", 420)

