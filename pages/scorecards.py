"""Scorecards (executives): one card per leader, a person's detail, and a table of everyone."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from scorecard.assumptions import PILLARS
from scorecard.dictionary import REGISTRY, STAGES, metric
from scorecard.metrics import SCORECARD_METRICS
from scorecard.schema import TIERS
from scorecard.score import explain
from scorecard.ui import advice, cache, layout, state
from scorecard.ui import format as fmt

CARD_METRICS = ("actions", "dialogue_ratio", "engagement_rate", "social_roi")
MAX_CARDS = 24
DEFAULT_TIERS = ["C-suite", "VP"]

chosen = state.selection()
if not layout.heading("Scorecards", chosen):
    st.stop()

cards = cache.scorecards(chosen.key, chosen.period, chosen.filters)
before = cache.scorecards(chosen.key, chosen.previous, chosen.filters)
frames = cache.cascade_frames(chosen.key, chosen.period)
not_started = dict(zip(frames.leaders["person_id"], frames.leaders["not_started"], strict=True))
people = cards.people
if people.empty:
    layout.nobody("people")
    st.stop()


def sparkline(trend: pd.DataFrame, person_id: str, metric_id: str) -> list[float] | None:
    values = trend[(trend["key"] == person_id) & (trend["metric"] == metric_id)]
    values = values.sort_values("month")["value"].dropna()
    return values.tolist() if len(values) >= 2 else None


def person_metric(row: pd.Series, metric_id: str, peers: pd.DataFrame, trend: pd.DataFrame,
                  *, border: bool = False) -> None:
    """One figure: value, change on the previous period, trend, rank among ``peers``."""
    definition = metric(metric_id)
    previous = before.people[metric_id].get(row.name) if metric_id in before.people else None
    ranks = advice.ordinal_rank(peers[metric_id], definition.direction == "up")
    st.metric(definition.label, fmt.value(metric_id, row[metric_id], chosen.currency),
              delta=fmt.delta(metric_id, row[metric_id], previous, chosen.currency),
              delta_color=fmt.delta_color(metric_id), delta_description="vs previous period",
              help=fmt.help_text(definition), border=border,
              chart_data=sparkline(trend, row.name, metric_id))
    st.caption(advice.rank_text(ranks.get(row.name), int(peers[metric_id].notna().sum())))


def pillar_bars(person_id: str) -> None:
    pillars = cards.pillars.loc[person_id]
    for p in PILLARS:
        points, top = pillars[f"{p}_points"], pillars[f"{p}_max"]
        if pd.isna(points) or pd.isna(top) or top <= 0:
            st.caption(f"{p.capitalize()}: left out")
            continue
        st.progress(min(float(points) / float(top), 1.0),
                    text=f"{p.capitalize()}: {points:.0f} of {top:.0f}")


def card(person_id: str, peers: pd.DataFrame, trend: pd.DataFrame) -> None:
    row = people.loc[person_id]
    st.subheader(fmt.md(row["name"]), anchor=False)
    st.caption(fmt.md(" · ".join(str(v) for v in (row["title"], row["department"], row["tier"])
                                 if isinstance(v, str) and v)))
    left, right = st.columns([1, 2])
    with left:
        person_metric(row, "leadership_score", peers, trend, border=True)
    with right:
        pillar_bars(person_id)
    st.markdown(fmt.md(explain(cards.pillars.loc[person_id]).capitalize() + "."))
    columns = st.columns(len(CARD_METRICS))
    for column, metric_id in zip(columns, CARD_METRICS, strict=True):
        with column:
            person_metric(row, metric_id, peers, trend)
    st.info(advice.next_step(cards.pillars.loc[person_id], not_started.get(person_id, ())),
            icon=":material/lightbulb:")


def cards_tab() -> None:
    tiers = st.multiselect("Tiers", TIERS, default=DEFAULT_TIERS, key="cards_tiers",
                           help="Executives (C-suite and VP) by default; add any tier.")
    peers = people[people["tier"].isin(tiers)].sort_values(
        ["leadership_score", "name"], ascending=[False, True], na_position="last")
    if peers.empty:
        layout.nobody("people of these tiers")
        return
    st.caption(f"{len(peers)} people, best leadership score first; ranks are among them.")
    trend = cache.trends(chosen.key, chosen.period, chosen.filters, "person",
                         ("leadership_score", *CARD_METRICS))
    shown = peers.index[:MAX_CARDS]
    columns = st.columns(2)
    for i, person_id in enumerate(shown):
        with columns[i % 2].container(border=True):
            card(person_id, peers, trend)
    if len(peers) > MAX_CARDS:
        st.caption(f"The first {MAX_CARDS} of {len(peers)} are shown; the Person tab and the "
                   "Everyone table have the rest.")


def person_tab() -> None:
    labels = {pid: f"{row['name']} — {row['title'] or row['tier']} ({row['department']})"
              for pid, row in people.sort_values("name").iterrows()}
    person_id = st.selectbox("Person", list(labels), format_func=labels.get,
                             key="cards_person", placeholder="Type a name…")
    if person_id is None:
        st.info("Pick a person to see every figure of their scorecard.")
        return
    row = people.loc[person_id]
    peers = people[people["tier"] == row["tier"]]
    st.caption(f"Ranks are among the {len(peers)} people of tier {row['tier']} in this "
               "selection.")
    trend = cache.trends(chosen.key, chosen.period, chosen.filters, "person",
                         tuple(SCORECARD_METRICS))
    card(person_id, peers, trend)
    for stage in STAGES:
        ids = [m.id for m in REGISTRY if m.stage == stage and m.id in SCORECARD_METRICS]
        if not ids:
            continue
        st.markdown(f"**{stage.capitalize()}**")
        columns = st.columns(4)
        for i, metric_id in enumerate(ids):
            with columns[i % 4]:
                person_metric(row, metric_id, peers, trend)


def everyone_tab() -> None:
    query = st.text_input("Search by name, title or department", key="cards_search").strip()
    table = people.reset_index()
    if query:
        text = table[["name", "title", "department", "tier"]].astype("str").agg(" ".join, axis=1)
        table = table[text.str.contains(query, case=False, regex=False)]
    if table.empty:
        st.info("Nobody matches the search; try part of a name.")
        return
    config: dict[str, object] = {"person_id": st.column_config.TextColumn("ID")}
    for metric_id in SCORECARD_METRICS:
        definition = metric(metric_id)
        percent = definition.unit == "%"
        frame_values = table[metric_id] * 100 if percent else table[metric_id]
        table[metric_id] = frame_values
        fmt_string = {"%": "%.0f%%", "currency": "%,.0f", "score": "%.0f",
                      "per_post": "%.2f", "ratio": "%.2f"}.get(definition.unit, "%,.0f")
        config[metric_id] = st.column_config.NumberColumn(
            definition.label, help=fmt.help_text(definition), format=fmt_string)
    st.dataframe(table.sort_values("leadership_score", ascending=False), hide_index=True,
                 width="stretch", column_config=config, key="cards_everyone")
    st.caption("Click a column header to sort. Missing values (a ratio over zero) are blank.")


cards_view, person_view, everyone_view = st.tabs(["Executives", "Person", "Everyone"])
with cards_view:
    cards_tab()
with person_view:
    person_tab()
with everyone_view:
    everyone_tab()
