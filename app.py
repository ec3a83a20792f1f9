"""Social Scorecard: the frame every page runs in.

Page config, the viewer's role (sign-in, or local mode), the navigation over the pages that
role may open (Browse, Present, Manage), the shared sidebar (dataset, period, department), then
the chosen page. Any failure becomes a message on screen, never a traceback;
the details go to the server log.
"""

from __future__ import annotations

import logging

import streamlit as st

from scorecard.storage_errors import StoreError
from scorecard.ui import access, navigation, state
from scorecard.ui.text import literal

st.set_page_config(page_title="Social Scorecard", page_icon=":material/insights:", layout="wide")

log = logging.getLogger("scorecard.app")
# The role is decided before any data is read; the navigation offers only what it may open,
# and any other address runs a stand-in (sign-in, whom to ask, a refusal), never the page.
viewer = access.viewer()
page = st.navigation(
    navigation.pages(access.opener(viewer), access.stand_in(viewer), access.landing(viewer))
)
access.remember(viewer)
access.sidebar(viewer)
if not access.lets_in(viewer, page.url_path):
    page.run()
    st.stop()

state.enter_frame()
sidebar_failure = ""
try:
    state.sidebar()
except Exception as error:
    log.exception("the sidebar failed")
    sidebar_failure = str(error)
    # A storage failure says itself in one sentence (scorecard.storage_errors), never SQL.
    st.error(
        literal(str(error))
        if isinstance(error, StoreError)
        else "The current dataset could not be read. Check the database "
        "(SCORECARD_DATABASE_URL) or make another version current on the Data page."
    )
    if page.url_path != "data":
        state.leave_frame()
        st.stop()

try:
    page.run()
except StoreError as error:  # already logged; one sentence naming the database and the fix
    if str(error) != sidebar_failure:  # the Data page runs on after the sidebar said it
        st.error(literal(str(error)), icon=":material/database:")
except Exception as error:  # script-control exceptions (rerun, stop) are BaseException
    log.exception("page %s failed", page.title)
    # The error may quote a name or a department from the data: user text.
    st.error(
        f"This page could not be shown: {literal(error)}. Try another period or department; "
        "if it persists, check the current dataset on the Data page."
    )
finally:
    state.leave_frame()
