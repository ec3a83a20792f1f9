"""Definitions: the ROI dictionary, read from the registry, along the chain inputs → impact."""

from __future__ import annotations

import streamlit as st

from scorecard.dictionary import STAGES, by_stage
from scorecard.ui import format as fmt
from scorecard.ui import state

STAGE_TEXT = {
    "inputs": "What social costs us: people and their time.",
    "activities": "What was done: posts, replies, shares, days and channels.",
    "outputs": "How it was done: talking with people, beyond marketing, on message.",
    "outtakes": "How the audience answered: seen, discussed, passed on, applauded.",
    "outcomes": "What it brought the business, valued with the assumptions.",
    "impact": "Whether it is worth it: the return and the leadership grade.",
}
UNIT_TEXT = {
    "count": "count",
    "days": "days",
    "points": "points",
    "%": "percent",
    "per_post": "per post",
    "currency": "money",
    "ratio": "ratio (1.0 = value twice the cost)",
    "score": "score 0–100",
}

state.selection()  # the frame: navigation and sidebar
st.title("Definitions")
st.write(
    "Every number in the app comes from this dictionary: what it means in one sentence, "
    "how it is computed, and whether it is measured or estimated from the assumptions. "
    "The chain runs from what social costs to what it returns."
)
query = (
    st.text_input(
        "Find a definition", key="definitions_search", placeholder="e.g. dialogue, ROI, blog"
    )
    .strip()
    .lower()
)

shown = 0
for stage in STAGES:
    definitions = [
        m
        for m in by_stage()[stage]
        if not query or query in f"{m.id} {m.label} {m.sentence} {m.formula}".lower()
    ]
    if not definitions:
        continue
    st.header(stage.capitalize(), divider="gray")
    st.caption(STAGE_TEXT[stage])
    columns = st.columns(2)
    for i, m in enumerate(definitions):
        shown += 1
        with columns[i % 2].container(border=True):
            st.markdown(f"**{fmt.md(m.label)}** · `{m.id}`")
            st.markdown(fmt.md(m.sentence))
            st.markdown(f"*Formula:* {fmt.md(m.formula)}")
            details = [
                f"Unit: {UNIT_TEXT.get(m.unit, m.unit)}",
                f"{m.provenance.capitalize()}",
                "higher is better" if m.direction == "up" else "lower is better",
            ]
            st.caption(" · ".join(details))
            if m.benchmark is not None:
                st.caption(
                    fmt.md(f"Benchmark: {fmt.number(m.benchmark, m.unit)} — {m.benchmark_source}")
                )
if not shown:
    st.info(
        "No definition matches your search. Try a shorter word, or clear the box to see "
        "the whole dictionary."
    )
