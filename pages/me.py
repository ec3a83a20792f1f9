"""My scorecard (employees): the viewer's own card, their bonus points under the pool's rules.

Only the signed-in person's row is shown; every figure is the whole company's computation (the
department in the sidebar does not change a person's own numbers or their bonus share).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from scorecard.dataset import Filters
from scorecard.dictionary import metric
from scorecard.formatting import column_format
from scorecard.metrics.params import parse_assumptions
from scorecard.score import explain
from scorecard.ui import access, cache, layout, state
from scorecard.ui import format as fmt
from scorecard.ui.text import literal

CARD_METRICS = (
    "leadership_score",
    "actions",
    "active_days",
    "dialogue_ratio",
    "engagement_rate",
    "bonus_points",
)
COMPANY = Filters()

chosen = state.selection()
who = access.current()
money = literal(chosen.currency)
if not layout.heading(
    "My scorecard",
    chosen,
    "Your own figures, how your leadership score is made, and your bonus points.",
):
    st.stop()

cards = cache.scorecards(chosen.key, chosen.period, COMPANY)
if who.person_id is None or who.person_id not in cards.people.index:
    st.info(
        literal(
            f"{who.identity} is not on the people sheet of {chosen.info.label}, so "
            "there is no card of yours yet. Ask the marketer who uploads the data to "
            "add your work email to the people sheet."
        )
    )
    st.stop()

row = cards.people.loc[who.person_id]
before = cache.scorecards(chosen.key, chosen.previous, COMPANY).people
st.subheader(literal(row["name"]), anchor=False)
st.caption(
    literal(
        " · ".join(
            str(v)
            for v in (row["title"], row["department"], row["tier"])
            if isinstance(v, str) and v
        )
    )
)
columns = st.columns(3)
for i, metric_id in enumerate(m for m in CARD_METRICS if m in row.index):
    previous = before[metric_id].get(who.person_id) if metric_id in before else None
    columns[i % 3].metric(
        metric(metric_id).label,
        fmt.value(metric_id, row[metric_id], money),
        delta=fmt.delta(metric_id, row[metric_id], previous, money),
        delta_color=fmt.delta_color(metric_id),
        help=fmt.metric_help(metric_id),
        border=True,
    )
st.caption(f"Changes are against {state.period_caption(chosen.previous)}.")
sentence = explain(cards.pillars.loc[who.person_id])
st.write(literal(sentence[:1].upper() + sentence[1:] + "."))

st.subheader("Your bonus points", anchor=False)
pool = cache.bonus(chosen.key, chosen.period, COMPANY)
mine = pool.people.loc[who.person_id] if who.person_id in pool.people.index else None
rules = parse_assumptions(cache.dataset(chosen.key).assumptions)
if mine is not None:
    left, middle, right = st.columns(3)
    left.metric(
        "Your points", f"{mine['points']:,.0f}", help=fmt.metric_help("bonus_points"), border=True
    )
    middle.metric(
        "Eligible",
        "Yes" if mine["eligible"] else "Not yet",
        help=f"Points needed in the period: {rules.bonus_min_points:,.0f}.",
        border=True,
    )
    right.metric(
        "Your share",
        fmt.number(mine["share"], "currency_cents", money),
        help=fmt.metric_help("bonus_share"),
        border=True,
    )
st.markdown(
    literal(
        f"The pool of {fmt.number(rules.bonus_pool, 'currency_cents', chosen.currency)} is shared in "
        f"proportion to points among everyone with at least {rules.bonus_min_points:,.0f} points "
        f"in the period; at most {rules.bonus_cap_per_month:,.0f} points count per month."
    )
)
st.dataframe(
    pd.DataFrame(list(rules.points), columns=["action", "points"]),
    hide_index=True,
    key="me_points_rules",
    column_config={
        "action": st.column_config.TextColumn("Action"),
        "points": st.column_config.NumberColumn("Points each", format=column_format("points")),
    },
    placeholder=fmt.MISSING,
)
st.page_link(
    "pages/vision.py", label="How close the company is to its vision", icon=":material/flag:"
)
