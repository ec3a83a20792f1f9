"""Board view (presenters): full width, large type, the few numbers that matter. Nothing to
configure here: the period and department come from the sidebar, which starts folded away."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from scorecard.charts.board import (
    benchmarks_chart, leadership_scores_chart, vision_progress_chart,
)
from scorecard.charts.cascade import adoption_by_tier_chart
from scorecard.dictionary import is_metric, metric
from scorecard.formatting import goal_labels
from scorecard.ui import access, cache, downloads, state
from scorecard.ui import format as fmt
from scorecard.ui.text import literal

EXECUTIVE_TIERS = ("C-suite", "VP")
#: The charts' own styling (the board pack's): Streamlit's theme squeezes their bar bands.
THEME = None
BOARD_TOP = 10  # executives drawn on the leadership chart: a slide holds about ten bars

chosen = state.selection()
st.set_page_config(initial_sidebar_state="collapsed")
st.title(f"Social leadership · {state.period_caption(chosen.period)}")
st.caption(literal(f"{chosen.scope.capitalize()} · {chosen.info.label}"))
if not chosen.has_activity:
    st.info("No activity in the current dataset yet: publish a workbook on the Data page "
            "before the meeting.")
    st.stop()

cards = cache.scorecards(chosen.key, chosen.period, chosen.filters)
goals = cache.goals(chosen.key)
frames = cache.cascade_frames(chosen.key, chosen.period)
execs = cards.people[cards.people["tier"].isin(EXECUTIVE_TIERS)]
summary = frames.departments.set_index("department")
row = summary.loc[chosen.department] if chosen.department in summary.index else \
    summary.iloc[-1]

on_track = int((goals["status"] == "on track").sum())
median_score = execs["leadership_score"].median()
columns = st.columns(4)
columns[0].metric("Vision goals on track", f"{on_track} of {len(goals)}" if len(goals) else "—",
                  help="Goals whose actual reaches the value expected by now.", border=True)
columns[1].metric("Executives' median leadership score", fmt.value("leadership_score",
                                                                   median_score),
                  help=fmt.metric_help("leadership_score"), border=True)
columns[2].metric("People active", fmt.value("active_share", cards.company["active_share"]),
                  help=fmt.metric_help("active_share"), border=True)
columns[3].metric("Cascade lift", "—" if row["lift"] != row["lift"] else f"{row['lift']:.1f}×",
                  help="How much likelier people are to be active when their manager is: "
                       "P(active | manager active) / P(active | manager inactive).",
                  border=True)

if len(goals):
    labels = pd.Series([
        (metric(m).label if is_metric(m) else m.replace("_", " ").capitalize())
        + ("" if scope == "company" else f" ({key})") + f", by {end:%b %Y}"
        for m, scope, key, end in zip(goals["metric"], goals["scope"], goals["key"],
                                      goals["end"], strict=True)])
    # Two goals may read alike (same metric, scope and end): number the repeats.
    labels = pd.Series(goal_labels(labels.tolist()))  # the deck numbers them alike
    table = goals.assign(goal=labels.to_numpy(),
                         expected=goals["expected"] / goals["target"].where(goals["target"] != 0))
    # Charts are built once per view and period (cache.chart_specs): Altair is the slow part.
    vision = cache.chart_specs("board_vision", chosen.key, chosen.period, chosen.filters,
                               lambda: vision_progress_chart(table))
    st.vega_lite_chart(vision.screen, theme=THEME, key="board_vision")
    downloads.chart_buttons(vision.file, "vision-progress", "board_vision_save")

if len(execs):
    # Names as this viewer may see them; the cached chart is one per way of showing names.
    names = access.names_mode(chosen.key)
    execs = execs.assign(name=access.shown_names(execs["name"], execs.index.to_series(),
                                                 chosen.key))
    scores = cache.chart_specs(
        f"board_scores_{names}", chosen.key, chosen.period, chosen.filters,
        lambda: leadership_scores_chart(execs.rename(columns={"leadership_score": "score"}),
                                        top=BOARD_TOP))
    st.vega_lite_chart(scores.screen, theme=THEME, key="board_scores")
    downloads.chart_buttons(scores.file, "leadership-scores", "board_scores_save")

left, right = st.columns(2)
with left:
    bench = cache.benchmarks(chosen.key, chosen.period, chosen.filters)
    if len(bench) and bench["executives"].iloc[0] > 0:
        versus_2010 = cache.chart_specs("board_benchmarks", chosen.key, chosen.period,
                                        chosen.filters, lambda: benchmarks_chart(bench))
        st.vega_lite_chart(versus_2010.screen, width="stretch", theme=THEME,
                           key="board_benchmarks")
        downloads.chart_buttons(versus_2010.file, "executives-vs-2010", "board_benchmarks_save")
with right:
    history = cache.cascade_frames(chosen.key, cache.trend_window(chosen.period))
    adoption = history.adoption if chosen.department else history.company_adoption
    if len(adoption):
        cascade = cache.chart_specs(
            "board_adoption", chosen.key, chosen.period, chosen.filters,
            lambda: adoption_by_tier_chart(adoption, chosen.department))
        st.vega_lite_chart(cascade.screen, width="stretch", theme=THEME, key="board_adoption")
        downloads.chart_buttons(cascade.file, "adoption-by-tier", "board_adoption_save")

st.divider()
st.subheader("Board pack", anchor=False)
st.caption("The deck, the workbook and the JSON carry exactly the numbers on this page: "
           f"{chosen.scope}, {state.period_caption(chosen.period)}. Each file is built when you "
           "click, in a few seconds.")
downloads.board_pack_buttons(chosen.key, chosen.info, chosen.period, chosen.filters,
                             chosen.scope, "board")
