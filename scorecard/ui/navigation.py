"""The app's pages, in one place: ``app.py``'s navigation and the way out of legacy mode.

Both callers must agree on every page's ``url_path`` *and* on the default page: Streamlit
serves the default page at ``""`` whatever its ``url_path`` says, so a navigation whose default
is, say, the Board view cannot find ``/board`` and tells the browser "Page not found".
"""

from __future__ import annotations

import streamlit as st


def pages() -> dict[str, list[st.Page]]:
    """Every page of the app by section, with a hidden ``home`` page as the default.

    Fresh objects on each call (``st.Page`` is cheap; Streamlit expects one set per run). The
    default page only forwards to the Overview, so every real page keeps its own address and
    ``/overview`` works as a link, not only ``/``.
    """
    overview = st.Page("pages/overview.py", title="Overview", icon=":material/dashboard:",
                       url_path="overview")

    def home() -> None:
        st.switch_page(overview)

    return {
        "Browse": [
            st.Page(home, title="Home", url_path="home", default=True, visibility="hidden"),
            overview,
            st.Page("pages/scorecards.py", title="Scorecards", icon=":material/badge:",
                    url_path="scorecards"),
            st.Page("pages/cascades.py", title="Cascades", icon=":material/account_tree:",
                    url_path="cascades"),
            st.Page("pages/vision.py", title="Vision & bonus", icon=":material/flag:",
                    url_path="vision"),
            st.Page("pages/stewards.py", title="Stewards", icon=":material/campaign:",
                    url_path="stewards"),
        ],
        "Present": [
            st.Page("pages/board.py", title="Board view", icon=":material/co_present:",
                    url_path="board"),
        ],
        "Manage": [
            st.Page("pages/data.py", title="Data", icon=":material/upload_file:",
                    url_path="data"),
            st.Page("pages/definitions.py", title="Definitions", icon=":material/menu_book:",
                    url_path="definitions"),
        ],
    }
