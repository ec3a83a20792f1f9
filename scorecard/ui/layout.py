"""Pieces every page shares: the heading with scope and period, and the empty state."""

from __future__ import annotations

import streamlit as st

from scorecard.ui import access
from scorecard.ui.state import Selection, period_caption
from scorecard.ui.text import literal


def heading(title: str, selection: Selection, intro: str = "") -> bool:
    """Title, scope and period; ``False`` (after saying what to do) when there is no activity."""
    st.title(title)
    st.caption(
        literal(
            f"{selection.info.label} · {selection.scope} · "
            f"{selection.choice.lower()}: {period_caption(selection.period)}"
        )
    )
    if intro:
        st.write(intro)
    if not selection.has_activity:
        st.info(
            "This dataset has no activity rows yet, so there is nothing to show. Fill in "
            "the activity sheet of the template and publish it on the Data page."
        )
        if access.current().may_open("data"):  # a link to a page the role may not open fails
            st.page_link(
                "pages/data.py", label="Go to the Data page", icon=":material/upload_file:"
            )
        return False
    return True


def nobody(what: str) -> None:
    """The empty state of a filter that leaves nobody."""
    st.info(
        f"No {what} in this selection. Pick another department or a longer period in the sidebar."
    )
