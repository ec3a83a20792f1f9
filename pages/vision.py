"""Vision & bonus: how close each goal of the vision is, and the bonus pool with its two
leaderboards (executives, staff)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from scorecard.formatting import column_format
from scorecard.goals import goal_label, goal_unit, in_scope
from scorecard.ranking import ordinal
from scorecard.ui import access, cache, layout, state
from scorecard.ui import format as fmt
from scorecard.ui.text import literal

STATUS_BADGE = {"on track": "green", "at risk": "orange", "off track": "red"}
GOAL_HELP = (
    "Expected by now = target × the share of the goal's window that has passed (for "
    "sums; a ratio's expected value is its target). On track if the actual reaches the "
    "expected value, at risk if it reaches 80% of it, else off track (mirrored when "
    "lower is better). Progress = actual / target."
)
POINTS_HELP = fmt.metric_help("bonus_points")
SHARE_HELP = fmt.metric_help("bonus_share")

chosen = state.selection()
if not layout.heading(
    "Vision & bonus",
    chosen,
    "Define the vision and its measures, show "
    "everyone how close we are, and make participation part of the bonus.",
):
    st.stop()


def goal_value(name: str, value: object) -> str:
    return fmt.number(value, goal_unit(name), chosen.currency)


def bar_share(actual: float, target: float, direction: str) -> float:
    """How full the bar is: actual / target, or target / actual when lower is better; 0–1."""
    if pd.isna(actual) or pd.isna(target):
        return 0.0
    if direction == "down":
        share = 1.0 if actual <= target else (target / actual if actual else 0.0)
    else:
        share = actual / target if target else 0.0
    return max(0.0, min(float(share), 1.0))


def bar_text(goal) -> str:
    target = goal_value(goal.metric, goal.target)
    if goal.direction == "down":
        return (
            f"Now {goal_value(goal.metric, goal.actual)}: aim for at most {target} by "
            f"{goal.end:%d %b %Y}"
        )
    progress = fmt.apart(goal.progress, 1.0, "%")[0]  # 99.7% is not "100%" of the target
    return f"{progress} of the target: reach {target} by {goal.end:%d %b %Y}"


def scope_label(scope: str, key: str, names: pd.Series) -> str:
    if scope == "person":
        return str(names.get(key, key))
    return "Company" if scope == "company" else key


st.subheader("The vision", anchor=False, help=GOAL_HELP)
goals = cache.goals(chosen.key)
roster = cache.people(chosen.key)
goals = in_scope(goals, roster, chosen.filters.departments)
people = roster.set_index("person_id")
# Employees and the board see others as the leaderboard_names assumption says (access).
shown = access.shown_names(people["name"], people.index.to_series(), chosen.key)
if goals.empty:
    st.info(
        "No goals yet. Add the vision on the goals sheet of the workbook, or in the "
        "Assumptions & goals tab of the Data page: a metric, a target and a window."
    )
    if access.current().may_open("data"):  # a link to a page the role may not open fails
        st.page_link("pages/data.py", label="Set goals on the Data page", icon=":material/flag:")
else:
    on_track = int((goals["status"] == "on track").sum())
    st.caption(f"{on_track} of {len(goals)} goals on track, measured up to the last day of data.")
    columns = st.columns(2)
    for i, goal in enumerate(goals.itertuples(index=False)):
        with columns[i % 2].container(border=True):
            title = (
                f"**{literal(goal_label(goal.metric))}** · "
                f"{literal(scope_label(goal.scope, goal.key, shown))}"
            )
            st.markdown(title)
            st.badge(goal.status.capitalize(), color=STATUS_BADGE.get(goal.status, "gray"))
            st.progress(
                bar_share(goal.actual, goal.target, goal.direction), text=literal(bar_text(goal))
            )  # Markdown, with the currency symbol
            actual, expected = fmt.apart(
                goal.actual, goal.expected, goal_unit(goal.metric), chosen.currency
            )
            st.caption(
                literal(
                    f"Actual {actual}, expected by now {expected}, on course for "
                    f"{goal_value(goal.metric, goal.projected)} · window "
                    f"{goal.start:%d %b %Y} – {goal.end:%d %b %Y}"
                )
            )

st.subheader("Bonus pool", anchor=False)
pool = cache.bonus(chosen.key, chosen.period, chosen.filters)
board = pool.people
eligible = int(board["eligible"].sum()) if len(board) else 0
columns = st.columns(3)
money = literal(chosen.currency)  # a metric's value renders Markdown: user text
columns[0].metric(
    "Pool",
    fmt.number(pool.pool, "currency_cents", money),
    help="Money shared this period (assumption bonus.pool).",
    border=True,
)
columns[1].metric(
    "Allocated", fmt.number(pool.allocated, "currency_cents", money), help=SHARE_HELP, border=True
)
columns[2].metric(
    "Eligible people",
    f"{eligible:,}",
    help="People whose points reach bonus.min_points in the period.",
    border=True,
)
if chosen.department is not None:  # a filter selects; the pool is the company's
    st.caption(
        f"The pool is shared out over the whole company; these are the company-wide "
        f"shares and ranks of the people in {literal(chosen.department)}."
    )
if eligible == 0:
    st.info(
        "Nobody reached the points threshold in this period yet, so the pool is not "
        "shared. A longer period, or a lower bonus.min_points assumption, changes that."
    )

top = float(board["points"].max()) if len(board) else 0.0
config = {
    "rank": st.column_config.TextColumn("Rank", help="Among everyone on the board, company-wide."),
    "name": st.column_config.TextColumn("Name"),
    "department": st.column_config.TextColumn("Department"),
    "points": st.column_config.ProgressColumn(
        "Points",
        width=85,  # two boards side by side at 1440 px: the bar gives way so Share stays shown
        min_value=0.0,
        max_value=max(top, 1.0),
        format=column_format("points"),
        help=POINTS_HELP,
    ),
    "share": st.column_config.NumberColumn(
        "Share",
        format=column_format("currency_cents", chosen.currency),
        help=SHARE_HELP,
    ),
}
left, right = st.columns(2)
for column, name, title in (
    (left, "executives", "Executives (C-suite and VP)"),
    (right, "staff", "Everyone else"),
):
    with column:
        st.markdown(f"**{title}**")
        rows = board[board["board"] == name].sort_values(["rank", "name"])
        if rows.empty:
            st.caption("Nobody on this board in the selection.")
            continue
        rows = rows.assign(
            name=access.shown_names(rows["name"], rows.index.to_series(), chosen.key),
            rank=[f"{ordinal(r)} of {n}" for r, n in zip(rows["rank"], rows["of"], strict=True)],
        )
        st.dataframe(
            rows[["rank", "name", "department", "points", "share"]],
            hide_index=True,
            width="stretch",
            column_config=config,
            key=f"vision_board_{name}",
            height=min(38 + 35 * len(rows), 420),
            placeholder=fmt.MISSING,
        )

if len(pool.teams) > 1:
    st.markdown(
        "**Teams**: points per active participant, so a small team is not buried by a big one."
    )
    st.dataframe(
        pool.teams.reset_index(),
        hide_index=True,
        width="stretch",
        key="vision_teams",
        column_config={
            "department": st.column_config.TextColumn("Team"),
            "points": st.column_config.NumberColumn("Points", format=column_format("points")),
            "participants": st.column_config.NumberColumn("Participants"),
            "points_per_participant": st.column_config.NumberColumn(
                "Points per participant", format=column_format("points")
            ),
            "rank": st.column_config.NumberColumn("Rank", format=column_format("count")),
        },
        placeholder=fmt.MISSING,
    )
