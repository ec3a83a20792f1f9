"""Social Scorecard: the frame every page runs in.

Page config, the navigation (Browse, Present, Manage), the shared sidebar (dataset, period,
department), then the chosen page. Any failure becomes a message on screen, never a traceback;
the details go to the server log.
"""

from __future__ import annotations

import logging

import streamlit as st

from scorecard.ui import state

st.set_page_config(page_title="Social Scorecard", page_icon=":material/insights:",
                   layout="wide")

OVERVIEW = st.Page("pages/overview.py", title="Overview", icon=":material/dashboard:",
                   url_path="overview")


def _home() -> None:
    # The root URL opens the Overview at its own address, so /overview works as a link too
    # (a default page would be served at "/" only).
    st.switch_page(OVERVIEW)


PAGES = {
    "Browse": [
        st.Page(_home, title="Home", url_path="home", default=True, visibility="hidden"),
        OVERVIEW,
        st.Page("pages/scorecards.py", title="Scorecards", icon=":material/badge:",
                url_path="scorecards"),
        st.Page("pages/cascades.py", title="Cascades", icon=":material/account_tree:",
                url_path="cascades"),
        st.Page("pages/vision.py", title="Vision & bonus", icon=":material/flag:",
                url_path="vision"),
    ],
    "Present": [
        st.Page("pages/board.py", title="Board view", icon=":material/co_present:",
                url_path="board"),
    ],
    "Manage": [
        st.Page("pages/data.py", title="Data", icon=":material/upload_file:", url_path="data"),
        st.Page("pages/definitions.py", title="Definitions", icon=":material/menu_book:",
                url_path="definitions"),
    ],
}

page = st.navigation(PAGES)
log = logging.getLogger("scorecard.app")

state.enter_frame()
try:
    state.sidebar()
except Exception:
    log.exception("the sidebar failed")
    st.error("The current dataset could not be read. Check the database "
             "(SCORECARD_DATABASE_URL) or make another version current on the Data page.")
    if page.url_path != "data":
        state.leave_frame()
        st.stop()

try:
    page.run()
except Exception as error:  # script-control exceptions (rerun, stop) are BaseException
    log.exception("page %s failed", page.title)
    st.error(f"This page could not be shown: {error}. Try another period or department; if it "
             "persists, check the current dataset on the Data page.")
finally:
    state.leave_frame()
