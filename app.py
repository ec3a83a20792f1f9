"""Social Scorecard: the frame every page runs in.

Page config, the navigation (Browse, Present, Manage), the shared sidebar (dataset, period,
department), then the chosen page. Any failure becomes a message on screen, never a traceback;
the details go to the server log.
"""

from __future__ import annotations

import logging

import streamlit as st

from scorecard.ui import navigation, state
from scorecard.ui.text import literal

st.set_page_config(page_title="Social Scorecard", page_icon=":material/insights:",
                   layout="wide")

page = st.navigation(navigation.pages())
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
    # The error may quote a name or a department from the data: user text.
    st.error(f"This page could not be shown: {literal(error)}. Try another period or department; "
             "if it persists, check the current dataset on the Data page.")
finally:
    state.leave_frame()
