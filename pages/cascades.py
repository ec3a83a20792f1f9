"""Cascades: when the boss is active, does the team follow? Per department: adoption by tier,
lift, lag and reach, the org as an icicle, and each leader's "not started yet" list."""

from __future__ import annotations

import streamlit as st

from scorecard.cascade import COMPANY
from scorecard.dictionary import metric
from scorecard.formatting import column_format
from scorecard.ui import cache, downloads, layout, state
from scorecard.ui import format as fmt

#: The department summary's figures: (registry id, column of ``departments_of``). Labels, help
#: and number formats come from the registry (:mod:`scorecard.dictionary`).
FIGURES = (
    ("adoption", "adoption"),
    ("team_reach", "reach"),
    ("cascade_lift", "lift"),
    ("median_lag_days", "median_lag_days"),
    ("started_after_share", "started_after_share"),
)
LAG_HELP = fmt.metric_help("median_lag_days")

chosen = state.selection()
if not layout.heading(
    "Cascades",
    chosen,
    "If the bosses are doing it, everyone will do it too. "
    "These views show whether activity flows down each reporting line.",
):
    st.stop()

frames = cache.cascade_frames(chosen.key, chosen.period)
department = chosen.department
row_name = department or COMPANY
summary = frames.departments.set_index("department")
if row_name not in summary.index:
    layout.nobody("people")
    st.stop()
row = summary.loc[row_name]

for column, (metric_id, name) in zip(st.columns(len(FIGURES)), FIGURES, strict=True):
    column.metric(
        metric(metric_id).label,
        fmt.value(metric_id, row[name]),
        help=fmt.metric_help(metric_id),
        border=True,
    )

charts = cache.cascade_charts(chosen.key, chosen.period, department)
if "adoption" in charts:  # drawn over the months up to the period's end: a story over time
    st.vega_lite_chart(charts["adoption"], width="stretch", key="cascade_adoption")
    downloads.chart_buttons(charts["adoption"], "adoption-by-tier", "cascade_adoption_save")
else:
    st.info("Nobody on the roster of this selection yet.")
if "lag" in charts:
    st.vega_lite_chart(charts["lag"], width="stretch", key="cascade_lag")
    downloads.chart_buttons(charts["lag"], "cascade-lag", "cascade_lag_save")
else:
    st.info(
        "No manager and direct report both started within this period, so there is no lag "
        "to show. Choose a longer period (year to date, or a custom range back to the start "
        "of your data) to see how long teams took to follow."
    )
if "icicle" in charts:
    st.vega_lite_chart(charts["icicle"], width="stretch", key="cascade_icicle")
    downloads.chart_buttons(charts["icicle"], "organisation", "cascade_icicle_save")
elif "lift_reach" in charts:
    st.vega_lite_chart(charts["lift_reach"], width="stretch", key="cascade_lift_reach")
    downloads.chart_buttons(charts["lift_reach"], "lift-and-reach", "cascade_lift_reach_save")
elif department:
    st.info("Nobody in this department's tree.")

st.subheader("Who has not started yet", anchor=False)
leaders = frames.leaders
if department:
    leaders = leaders[leaders["department"] == department]
if leaders.empty:
    st.info(
        "Nobody in this selection has people reporting to them. Fill in manager_id on the "
        "people sheet to see each leader's team."
    )
else:
    table = leaders.assign(
        not_started=leaders["not_started"].map(", ".join),
        team_reach=leaders["team_reach"].astype("float64") * 100,
        median_lag_days=leaders["median_lag_days"].astype("float64"),
    ).sort_values(["not_started_count", "name"], ascending=[False, True])
    st.caption(
        "Leaders with the most direct reports still to start come first: they are the "
        "people to invite next."
    )
    st.dataframe(
        table[
            [
                "name",
                "tier",
                "department",
                "not_started_count",
                "direct_reports",
                "people_below",
                "team_reach",
                "median_lag_days",
                "not_started",  # last and medium: a long list of names must not push reach off
            ]
        ],
        hide_index=True,
        width="stretch",
        key="cascade_leaders",
        column_config={
            "name": st.column_config.TextColumn("Leader"),
            "tier": st.column_config.TextColumn("Tier"),
            "department": st.column_config.TextColumn("Department"),
            "not_started_count": st.column_config.NumberColumn("Not started"),
            "not_started": st.column_config.TextColumn(
                "Direct reports not started yet",
                width=130,
                help="Direct reports never active in the period: the people to invite next.",
            ),
            "direct_reports": st.column_config.NumberColumn("Reports"),
            "people_below": st.column_config.NumberColumn("People below"),
            "team_reach": st.column_config.ProgressColumn(
                "Team reach",
                min_value=0,
                max_value=100,
                format=column_format("%"),
                help="Active share of everyone below the leader.",
            ),
            "median_lag_days": st.column_config.NumberColumn(
                "Median lag (days)", format=column_format("days"), help=LAG_HELP
            ),
        },
        placeholder=fmt.MISSING,
    )
