"""Overview: the headline figures against the previous period, executives against the 2010
survey, and the people who moved most."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from scorecard.dictionary import metric
from scorecard.formatting import column_format
from scorecard.ui import cache, layout, state
from scorecard.ui import format as fmt
from scorecard.ui.text import literal

HEADLINE = (
    "leadership_score",
    "active_share",
    "actions",
    "dialogue_ratio",
    "beyond_marketing",
    "engagement_rate",
    "impressions",
    "economic_value",
    "time_cost",
    "social_roi",
    "on_message",
    "voice_consistency",
)
BENCHMARKED = ("multi_daily", "blogging", "mostly_marketing")
MOVERS = 5

chosen = state.selection()
money = literal(chosen.currency)  # a metric's value and delta render Markdown: user text
if not layout.heading("Overview", chosen):
    st.stop()

now = cache.scorecards(chosen.key, chosen.period, chosen.filters)
before = cache.scorecards(chosen.key, chosen.previous, chosen.filters)
if now.people.empty:
    layout.nobody("people")
    st.stop()

st.subheader("Headline figures", anchor=False)
st.caption(f"Changes are against {state.period_caption(chosen.previous)}.")
columns = st.columns(4)
for i, metric_id in enumerate(HEADLINE):
    with columns[i % 4]:
        st.metric(
            metric(metric_id).label,
            fmt.value(metric_id, now.company[metric_id], money),
            delta=fmt.delta(metric_id, now.company[metric_id], before.company[metric_id], money),
            delta_color=fmt.delta_color(metric_id),
            help=fmt.metric_help(metric_id),
            border=True,
        )

st.subheader("Executives against the 2010 survey", anchor=False)
execs = cache.scorecards(chosen.key, chosen.period, cache.executives(chosen.filters))
headcount = int(execs.company["headcount"]) if len(execs.people) else 0
if headcount == 0:
    st.info(
        "No C-suite or VP in this selection: set the tier column of the people sheet, or "
        "pick another department."
    )
else:
    st.caption(
        f"Our {headcount} executives (C-suite and VP) beside the Socialcast survey of October 2010."
    )
    columns = st.columns(len(BENCHMARKED))
    for column, metric_id in zip(columns, BENCHMARKED, strict=True):
        definition = metric(metric_id)
        ours = execs.company[metric_id]
        with column:
            st.metric(
                definition.label,
                fmt.value(metric_id, ours),
                delta=fmt.delta(metric_id, ours, definition.benchmark),
                delta_color=fmt.delta_color(metric_id),
                delta_description=f"vs {fmt.value(metric_id, definition.benchmark)} in 2010",
                help=fmt.help_text(definition),
                border=True,
            )

st.subheader(
    "Biggest movers",
    anchor=False,
    help="Change of each person's leadership score against the previous period.",
)
score_now = now.people["leadership_score"].astype("float64")
score_before = before.people["leadership_score"].reindex(now.people.index).astype("float64")
moves = pd.DataFrame(
    {
        "name": now.people["name"],
        "department": now.people["department"],
        "before": score_before,
        "now": score_now,
        "change": score_now - score_before,
    }
).dropna(subset=["change"])
moves = moves[moves["change"] != 0]
if moves.empty:
    st.info(
        "Nobody's leadership score changed against the previous period. Try a longer "
        "period (last quarter) in the sidebar."
    )
else:
    config = {
        "name": st.column_config.TextColumn("Name"),
        "department": st.column_config.TextColumn("Department"),
        "before": st.column_config.NumberColumn("Score before", format=column_format("score")),
        "now": st.column_config.NumberColumn(
            "Score now", format=column_format("score"), help=fmt.metric_help("leadership_score")
        ),
        "change": st.column_config.NumberColumn("Change", format="%+" + column_format("score")[1:]),
    }
    for title, rows in (
        ("Rising", moves[moves["change"] > 0].nlargest(MOVERS, "change")),
        ("Falling", moves[moves["change"] < 0].nsmallest(MOVERS, "change")),
    ):
        st.markdown(f"**{title}**")
        if rows.empty:
            st.caption("Nobody.")
        else:
            st.dataframe(
                rows,
                hide_index=True,
                width="stretch",
                column_config=config,
                key=f"overview_{title.lower()}",  # the key columns first: a phone
                column_order=("name", "now", "change", "before", "department"),
                placeholder=fmt.MISSING,
            )
