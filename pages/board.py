"""Board view (presenters): full width, large type, the few numbers that matter. Nothing to
configure here: the period and department come from the sidebar, which starts folded away.

**Present mode** (``?present=1``, the Present button): sidebar folded, no save buttons, and
one 1920x1080 screen at 100% zoom holds it all: four big numbers, then vision, leadership and
the cascade side by side, each chart sized by its rows (:data:`scorecard.charts.board.PRESENT`).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from scorecard.benchmarks import shown
from scorecard.charts.board import (
    PRESENT,
    SLIDE,
    benchmarks_chart,
    leadership_scores_chart,
    vision_progress_chart,
)
from scorecard.charts.cascade import TITLE_CHARS, adoption_by_tier_chart
from scorecard.dictionary import is_metric, metric
from scorecard.formatting import goal_labels, number
from scorecard.schema import EXECUTIVE_TIERS
from scorecard.ui import access, cache, downloads, state
from scorecard.ui import format as fmt
from scorecard.ui.text import literal

#: Characters per title line of a chart sharing the projector screen with two others.
PRESENT_TITLE_CHARS = 30
#: The charts' own styling (the board pack's): Streamlit's theme squeezes their bar bands.
THEME = None
BOARD_TOP = 10  # executives drawn on the leadership chart: a slide holds about ten bars

chosen = state.selection()
present = st.query_params.get("present") == "1"
st.set_page_config(initial_sidebar_state="collapsed")
if present:  # the sidebar is folded away (set_page_config above); no raw HTML here
    st.subheader(
        literal(
            f"Social leadership · {state.period_caption(chosen.period)} · "
            f"{chosen.scope.capitalize()}"
        ),
        anchor=False,
    )
else:
    st.title(f"Social leadership · {state.period_caption(chosen.period)}")
    st.caption(literal(f"{chosen.scope.capitalize()} · {chosen.info.label}"))
    if st.button(
        "Present",
        icon=":material/slideshow:",
        help="Full screen for the projector: no sidebar, no buttons, one screen.",
    ):
        st.query_params["present"] = "1"
        st.rerun()
if not chosen.has_activity:
    st.info(
        "No activity in the current dataset yet: publish a workbook on the Data page "
        "before the meeting."
    )
    st.stop()

cards = cache.scorecards(chosen.key, chosen.period, chosen.filters)
goals = cache.goals(chosen.key)
if chosen.department is not None and len(goals):  # a department's board: its goals, and the
    roster = cache.people(chosen.key)  # company's (a scoped viewer sees no others)
    members = set(roster["person_id"][roster["department"] == chosen.department])
    goals = goals[
        (goals["scope"] == "company")
        | ((goals["scope"] == "department") & (goals["key"] == chosen.department))
        | ((goals["scope"] == "person") & goals["key"].isin(members))
    ]
frames = cache.cascade_frames(chosen.key, chosen.period)
execs = cards.people[cards.people["tier"].isin(EXECUTIVE_TIERS)]
summary = frames.departments.set_index("department")
row = summary.loc[chosen.department] if chosen.department in summary.index else summary.iloc[-1]

on_track = int((goals["status"] == "on track").sum())
median_score = execs["leadership_score"].median()
columns = st.columns(4)
columns[0].metric(
    "Vision goals on track",
    f"{on_track} of {len(goals)}" if len(goals) else "—",
    help="Goals whose actual reaches the value expected by now.",
    border=True,
)
columns[1].metric(
    "Executives' median leadership score",
    fmt.value("leadership_score", median_score),
    help=fmt.metric_help("leadership_score"),
    border=True,
)
columns[2].metric(
    "People active",
    fmt.value("active_share", cards.company["active_share"]),
    help=fmt.metric_help("active_share"),
    border=True,
)
columns[3].metric(
    "Cascade lift",
    fmt.value("cascade_lift", row["lift"]),  # the deck's "0.9×", "—" when missing
    help=fmt.metric_help("cascade_lift"),
    border=True,
)

size, mode = (PRESENT, "present") if present else (SLIDE, "screen")
width = "stretch" if present else None  # present: each chart fills its third of the screen


def show(specs: cache.ChartSpecs, file_name: str, widget_key: str) -> None:
    """A chart on screen, with its save buttons outside Present mode."""
    st.vega_lite_chart(specs.screen, theme=THEME, key=widget_key, width=width)
    if not present:
        downloads.chart_buttons(specs.file, file_name, f"{widget_key}_save")


# Present: the vision's long goal labels take the widest third.
vision_box, leaders_box, cascade_box = st.columns([1.3, 1, 1]) if present else (st.container(),) * 3
with vision_box:
    if len(goals):
        labels = pd.Series(
            [
                (metric(m).label if is_metric(m) else m.replace("_", " ").capitalize())
                + ("" if scope == "company" else f" ({key})")
                + f", by {end:%b %Y}"
                for m, scope, key, end in zip(
                    goals["metric"], goals["scope"], goals["key"], goals["end"], strict=True
                )
            ]
        )
        # Two goals may read alike (same metric, scope and end): number the repeats.
        labels = pd.Series(goal_labels(labels.tolist()))  # the deck numbers them alike
        table = goals.assign(
            goal=labels.to_numpy(),
            expected=goals["expected"] / goals["target"].where(goals["target"] != 0),
        )
        # Charts are built once per view and period (cache.chart_specs): Altair is the slow part.
        vision = cache.chart_specs(
            f"board_vision_{mode}",
            chosen.key,
            chosen.period,
            chosen.filters,
            lambda: vision_progress_chart(table, size),
        )
        show(vision, "vision-progress", "board_vision")

with leaders_box:
    if len(execs):
        # Names as this viewer may see them; the cached chart is one per way of showing names.
        names = access.names_mode(chosen.key)
        execs = execs.assign(
            name=access.shown_names(execs["name"], execs.index.to_series(), chosen.key)
        )
        scores = cache.chart_specs(
            f"board_scores_{names}_{mode}",
            chosen.key,
            chosen.period,
            chosen.filters,
            lambda: leadership_scores_chart(
                execs.rename(columns={"leadership_score": "score"}), top=BOARD_TOP, size=size
            ),
        )
        show(scores, "leadership-scores", "board_scores")

with cascade_box:
    history = cache.cascade_frames(chosen.key, cache.trend_window(chosen.period))
    adoption = history.adoption if chosen.department else history.company_adoption
    if len(adoption):
        cascade = cache.chart_specs(
            "board_adoption_present" if present else "board_adoption",
            chosen.key,
            chosen.period,
            chosen.filters,
            # a third of the projector screen holds about 30 characters of the 26 px title
            lambda: adoption_by_tier_chart(
                adoption,
                chosen.department,
                title_chars=PRESENT_TITLE_CHARS if present else TITLE_CHARS,
            ),
        )
        st.vega_lite_chart(cascade.screen, width="stretch", theme=THEME, key="board_adoption")
        if not present:
            downloads.chart_buttons(cascade.file, "adoption-by-tier", "board_adoption_save")

if present:
    if st.button("Leave Present mode", type="tertiary", icon=":material/close:"):
        del st.query_params["present"]
        st.rerun()
    st.stop()

bench = shown(cache.benchmarks(chosen.key, chosen.period, chosen.filters))
if len(bench):
    st.subheader("Beside published benchmarks", anchor=False)
    shares = cache.chart_specs(
        "board_benchmarks",
        chosen.key,
        chosen.period,
        chosen.filters,
        lambda: benchmarks_chart(bench.reset_index()),
    )
    show(shares, "benchmarks", "board_benchmarks")
    # st.table wraps long text where st.dataframe would cut it; every cell is filled.
    st.table(
        pd.DataFrame(
            {
                "Benchmark": [
                    f"{label} ({year})"
                    for label, year in zip(bench["label"], bench["year"], strict=True)
                ],
                "Ours": [number(v, u) for v, u in zip(bench["ours"], bench["unit"], strict=True)],
                "Published": [
                    number(v, u) for v, u in zip(bench["benchmark"], bench["unit"], strict=True)
                ],
                "What was counted": bench["finding"]
                + " Ours: "
                + bench["ours_means"].str.slice(0, 1).str.lower()
                + bench["ours_means"].str.slice(1)
                + ".",
                "Source": bench["source"],
                "How comparable": bench["comparable"],
            }
        ),
        hide_index=True,
    )

st.divider()
st.subheader("Board pack", anchor=False)
st.caption(
    "The deck, the workbook and the JSON carry exactly the numbers on this page: "
    f"{chosen.scope}, {state.period_caption(chosen.period)}. Each file is built when you "
    "click, in a few seconds."
)
downloads.board_pack_buttons(
    chosen.key, chosen.info, chosen.period, chosen.filters, chosen.scope, "board"
)
