"""Stewards: the company's brand accounts, who runs them and how they perform in the period.

Brand activity is never part of a person's own scorecard; this is where it is counted
(:mod:`scorecard.stewards`). Figures and their labels come from the dictionary.
"""

from __future__ import annotations

import streamlit as st

from scorecard.dictionary import metric
from scorecard.formatting import column_format
from scorecard.stewards import FIGURES
from scorecard.ui import cache, layout, state
from scorecard.ui import format as fmt

chosen = state.selection()
if not layout.heading(
    "Stewards",
    chosen,
    "Let the people who like it run accounts: the company's brand accounts, who runs each one, "
    "and what they published and received. Brand activity counts here, never in a person's "
    "own scorecard, department or company figures.",
):
    st.stop()

table = cache.stewards(chosen.key, chosen.period)
if table.empty:
    st.info(
        "No brand accounts yet. Add an accounts sheet (channel, account, person_id, kind, "
        "steward_id) with kind 'brand' and the person who runs each account as steward_id."
    )
    st.stop()

totals = {m: table[m].sum() for m in FIGURES if m != "engagement_rate"}
engaged = totals["reactions"] + totals["comments_received"] + totals["shares_received"]
totals["engagement_rate"] = engaged / totals["posts"] if totals["posts"] else float("nan")
tiles = ("posts", "impressions", "reactions", "engagement_rate")
for column, metric_id in zip(st.columns(len(tiles)), tiles, strict=True):
    column.metric(
        metric(metric_id).label,
        fmt.value(metric_id, totals[metric_id], chosen.currency),
        help=fmt.metric_help(metric_id),
        border=True,
    )

config: dict[str, object] = {
    "channel": st.column_config.TextColumn("Channel"),
    "account": st.column_config.TextColumn("Account"),
    "steward_id": st.column_config.TextColumn("Steward ID"),
    "steward": st.column_config.TextColumn("Steward"),
}
for metric_id in FIGURES:
    definition = metric(metric_id)
    config[metric_id] = st.column_config.NumberColumn(
        definition.label,
        help=fmt.help_text(definition),
        format=column_format(definition.unit),
    )
st.dataframe(
    table[[*config]],
    hide_index=True,
    width="stretch",
    column_config=config,
    key="stewards_table",
    placeholder=fmt.MISSING,
)
st.caption(
    "Engagement per post = (reactions + comments + shares received) / posts; blank without "
    "posts. A steward who is not on the people sheet shows without a name."
)
