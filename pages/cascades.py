"""Cascades: when the boss is active, does the team follow? Per department: adoption by tier,
lift, lag and reach, the org as an icicle, and each leader's "not started yet" list."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from scorecard.cascade import COMPANY
from scorecard.ui import cache, downloads, layout, state
from scorecard.ui import format as fmt

LIFT_HELP = ("How much likelier people are to be active in a month when their manager is. "
             "Formula: P(active | manager active that month) / P(active | manager inactive that "
             "month) over the person-months of everyone with a manager; 1.0 means no cascade; "
             "missing when either group is empty.")
LAG_HELP = ("Days from the day a manager started (first active day ever) to the day a direct "
            "report started, over the pairs where both started within the period; the median. "
            "People active since before the period did not start in it and are left out.")
REACH_HELP = ("Active share of everyone below the department's heads: people whose manager "
              "is in the same department and who were active in at least one month / those "
              "people.")
ADOPTION_HELP = "People active in at least one month of the period / people."
AFTER_HELP = ("Share of the reporting lines (both started within the period) where the report "
              "started after the manager.")

chosen = state.selection()
if not layout.heading("Cascades", chosen, "If the bosses are doing it, everyone will do it too. "
                      "These views show whether activity flows down each reporting line."):
    st.stop()

frames = cache.cascade_frames(chosen.key, chosen.period)
department = chosen.department
row_name = department or COMPANY
summary = frames.departments.set_index("department")
if row_name not in summary.index:
    layout.nobody("people")
    st.stop()
row = summary.loc[row_name]

columns = st.columns(5)
figures = (
    ("Adoption", fmt.number(row["adoption"], "%"), ADOPTION_HELP),
    ("Team reach", fmt.number(row["reach"], "%"), REACH_HELP),
    ("Cascade lift", "—" if pd.isna(row["lift"]) else f"{row['lift']:.1f}×", LIFT_HELP),
    ("Median lag", "—" if pd.isna(row["median_lag_days"])
     else f"{row['median_lag_days']:.0f} days", LAG_HELP),
    ("Started after their manager", fmt.number(row["started_after_share"], "%"), AFTER_HELP),
)
for column, (label, value, help_text) in zip(columns, figures, strict=True):
    column.metric(label, value, help=help_text, border=True)

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
    st.info("No manager and direct report both started within this period, so there is no lag "
            "to show. Choose a longer period (year to date, or a custom range back to the start "
            "of your data) to see how long teams took to follow.")
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
    st.info("Nobody in this selection has people reporting to them. Fill in manager_id on the "
            "people sheet to see each leader's team.")
else:
    table = leaders.assign(
        not_started=leaders["not_started"].map(", ".join),
        team_reach=leaders["team_reach"].astype("float64") * 100,
        median_lag_days=leaders["median_lag_days"].astype("float64"),
    ).sort_values(["not_started_count", "name"], ascending=[False, True])
    st.caption("Leaders with the most direct reports still to start come first: they are the "
               "people to invite next.")
    st.dataframe(
        table[["name", "tier", "department", "not_started_count", "not_started",
               "direct_reports", "people_below", "team_reach", "median_lag_days"]],
        hide_index=True, width="stretch", key="cascade_leaders",
        column_config={
            "name": st.column_config.TextColumn("Leader"),
            "tier": st.column_config.TextColumn("Tier"),
            "department": st.column_config.TextColumn("Department"),
            "not_started_count": st.column_config.NumberColumn("Not started"),
            "not_started": st.column_config.TextColumn(
                "Direct reports not started yet", width="large",
                help="Direct reports never active in the period: the people to invite next."),
            "direct_reports": st.column_config.NumberColumn("Direct reports"),
            "people_below": st.column_config.NumberColumn("People below"),
            "team_reach": st.column_config.ProgressColumn(
                "Team reach", min_value=0, max_value=100, format="%.0f%%",
                help="Active share of everyone below the leader."),
            "median_lag_days": st.column_config.NumberColumn("Median lag (days)", format="%.0f",
                                                             help=LAG_HELP),
        },
    )
