"""Scorecards (executives): one card per leader, a person's detail, and a table of everyone."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from scorecard import ranking
from scorecard.assumptions import PILLARS
from scorecard.dataset import Filters
from scorecard.dictionary import REGISTRY, STAGES, metric
from scorecard.formatting import PERCENT_UNITS, column_format
from scorecard.metrics import SCORECARD_METRICS
from scorecard.schema import EXECUTIVE_TIERS, TIERS
from scorecard.score import explain
from scorecard.ui import advice, cache, downloads, layout, state
from scorecard.ui import format as fmt
from scorecard.ui.text import literal

CARD_METRICS = ("actions", "dialogue_ratio", "engagement_rate", "social_roi")
#: Cards per page: four cards draw in about the time the Overview takes
#: (bench/pages.py); the pages, the Person tab and the table have everyone.
CARDS_PER_PAGE = 4
DEFAULT_TIERS = list(EXECUTIVE_TIERS)

chosen = state.selection()
money = literal(chosen.currency)  # a metric's value and delta render Markdown: user text
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


Lines = dict[tuple[str, str], list[float]]


def rank_table(
    peers: pd.DataFrame, metric_ids: tuple[str, ...], tiers: tuple[str, ...]
) -> pd.DataFrame:
    """Rank text of each peer on each metric by :mod:`scorecard.ranking`'s rules, saying what
    it is of ("=2nd of 9 among VP in Sales"); "" where there is no rank."""
    scope = ranking.scope_words(Filters(departments=chosen.filters.departments, tiers=tiers))
    none = pd.Series("", index=peers.index, dtype="str")
    return pd.DataFrame(
        {
            m: ranking.rank_texts(peers[m], metric(m).direction, scope)
            if ranking.ranks_people(metric(m))
            else none
            for m in metric_ids
        },
        index=peers.index,
    )


def person_metric(
    row: pd.Series,
    metric_id: str,
    peers: pd.DataFrame,
    ranks: pd.DataFrame,
    lines: Lines,
    *,
    border: bool = False,
) -> None:
    """One figure: value, change on the previous period (named in the tab's caption), the
    monthly trend and the rank among ``peers``."""
    definition = metric(metric_id)
    previous = before.people[metric_id].get(row.name) if metric_id in before.people else None
    line = lines.get((row.name, metric_id), [])
    st.metric(
        definition.label,
        fmt.value(metric_id, row[metric_id], money),
        delta=fmt.delta(metric_id, row[metric_id], previous, money),
        delta_color=fmt.delta_color(metric_id),
        help=fmt.help_text(definition),
        border=border,
        chart_data=line if len(line) >= 2 else None,
    )
    rank = ranks.at[row.name, metric_id]
    if rank:
        st.caption(rank)


def pillar_bars(pillars: pd.Series) -> None:
    for p in PILLARS:
        points, top = pillars[f"{p}_points"], pillars[f"{p}_max"]
        if pd.isna(points) or pd.isna(top) or top <= 0:
            st.caption(f"{p.capitalize()}: left out")
            continue
        st.progress(
            min(float(points) / float(top), 1.0),
            text=f"{p.capitalize()}: {points:.0f} of {top:.0f}",
        )


def card(person_id: str, peers: pd.DataFrame, ranks: pd.DataFrame, lines: Lines) -> None:
    row = people.loc[person_id]
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
    left, right = st.columns([2, 3])
    with left:
        person_metric(row, "leadership_score", peers, ranks, lines, border=True)
    pillars = cards.pillars.loc[person_id]
    with right:
        pillar_bars(pillars)
    sentence = explain(pillars)
    st.markdown(literal(sentence[:1].upper() + sentence[1:] + "."))
    columns = st.columns(2)
    for i, metric_id in enumerate(CARD_METRICS):
        with columns[i % 2]:
            person_metric(row, metric_id, peers, ranks, lines)
    st.info(
        literal(advice.next_step(pillars, not_started.get(person_id, ()))),  # names
        icon=":material/lightbulb:",
    )


def cards_tab() -> None:
    tiers = st.multiselect(
        "Tiers",
        TIERS,
        default=DEFAULT_TIERS,
        key="cards_tiers",
        help="Executives (C-suite and VP) by default; add any tier.",
    )
    peers = people[people["tier"].isin(tiers)].sort_values(
        ["leadership_score", "name"], ascending=[False, True], na_position="last"
    )
    if peers.empty:
        layout.nobody("people of these tiers")
        return
    st.caption(
        f"{len(peers)} people, best leadership score first; ranks are among them. "
        f"Changes are against {state.period_caption(chosen.previous)}; monthly trends "
        f"show the months up to {chosen.period.end:%B %Y}."
    )
    pages = -(-len(peers) // CARDS_PER_PAGE)
    page = 1
    if pages > 1:
        page = (
            st.segmented_control(
                "Page", range(1, pages + 1), default=1, key="cards_page", required=True
            )
            or 1
        )
    first = (min(page, pages) - 1) * CARDS_PER_PAGE
    shown = peers.index[first : first + CARDS_PER_PAGE]
    metric_ids = ("leadership_score", *CARD_METRICS)
    # Trends on demand: the monthly series cost the first view more than all the cards, and
    # each trend is a chart the browser draws (bench/pages.py). Leadership score only.
    trends = st.toggle(
        "Monthly trends",
        key="cards_trends",
        help="A small chart of each leadership score, month by month.",
    )
    lines = (
        cache.sparklines(
            chosen.key, chosen.period, chosen.filters, ("leadership_score",), tuple(shown)
        )
        if trends
        else {}
    )
    ranks = rank_table(peers, metric_ids, tuple(tiers))
    columns = st.columns(2)
    for i, person_id in enumerate(shown):
        with columns[i % 2].container(border=True):
            card(person_id, peers, ranks, lines)
    if pages > 1:
        st.caption(
            f"Cards {first + 1}–{first + len(shown)} of {len(peers)}: pick a page above; "
            "the Person tab has every figure of one person with its trend."
        )


def person_tab() -> None:
    ordered = people.sort_values("name")
    role = ordered["title"].where(ordered["title"].fillna("") != "", ordered["tier"])
    labels = dict(
        zip(
            ordered.index,
            ordered["name"] + " — " + role.fillna("") + " (" + ordered["department"] + ")",
            strict=True,
        )
    )
    person_id = st.selectbox(
        "Person",
        list(labels),
        format_func=labels.get,
        index=None,
        key="cards_person",
        placeholder="Type a name…",
    )
    if person_id is None:
        st.info(
            "Type a name above to see every figure of that person's scorecard: your own, "
            "or a peer's."
        )
        return
    row = people.loc[person_id]
    peers = people[people["tier"] == row["tier"]]
    st.caption(f"Ranks are among the {len(peers)} people of tier {row['tier']} in this selection.")
    lines = cache.sparklines(
        chosen.key, chosen.period, chosen.filters, tuple(SCORECARD_METRICS), (person_id,)
    )
    ranks = rank_table(peers, tuple(SCORECARD_METRICS), (row["tier"],))
    card(person_id, peers, ranks, lines)
    for stage in STAGES:
        ids = [m.id for m in REGISTRY if m.stage == stage and m.id in SCORECARD_METRICS]
        if not ids:
            continue
        st.markdown(f"**{stage.capitalize()}**")
        columns = st.columns(3)
        for i, metric_id in enumerate(ids):
            with columns[i % 3]:
                person_metric(row, metric_id, peers, ranks, lines)


def everyone_column_rank(column: str) -> int:
    """Who first, then the money figures (score, value, ROI, cost), then the rest: on a
    1440 px screen the money is in view before the counts that need a horizontal scroll."""
    if column in ("person_id", "name"):
        return 0
    unit = metric(column).unit if column in SCORECARD_METRICS else ""
    return {"score": 1, "currency": 2, "ratio": 2}.get(unit, 3)


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
        percent = definition.unit in PERCENT_UNITS
        frame_values = table[metric_id] * 100 if percent else table[metric_id]
        table[metric_id] = frame_values
        fmt_string = column_format(definition.unit, chosen.currency)
        config[metric_id] = st.column_config.NumberColumn(
            definition.label, help=fmt.help_text(definition), format=fmt_string
        )
    st.dataframe(
        table.sort_values("leadership_score", ascending=False),
        hide_index=True,
        width="stretch",
        column_config=config,
        column_order=sorted(table.columns, key=everyone_column_rank),
        key="cards_everyone",
        placeholder=fmt.MISSING,
    )
    st.caption(
        f"Click a column header to sort. A missing value (a ratio over zero) is {fmt.MISSING}."
    )


# Lazy tabs: only the open tab runs and is drawn (the Everyone table is the browser's
# slowest element), so the first view costs one tab (bench/pages.py).
views = st.tabs(["Executives", "Person", "Everyone"], key="cards_view", on_change="rerun")
for view, render in zip(views, (cards_tab, person_tab, everyone_tab), strict=True):
    if view.open:
        with view:
            render()

st.divider()
st.caption(
    "Take these scorecards into a meeting: the same numbers as a deck, a workbook or "
    "JSON, built when you click."
)
downloads.board_pack_buttons(
    chosen.key, chosen.info, chosen.period, chosen.filters, chosen.scope, "cards"
)
