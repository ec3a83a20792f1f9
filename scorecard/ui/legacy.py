"""Streamlit's legacy multipage mode, and the one way out of it. Everything about it is here.

Why: the user asked for the folder ``pages/``. Next to the entry point, that name makes
Streamlit run a deep link (say ``/board``) as a bare page, without ``app.py``'s sign-in,
navigation and sidebar, until some run of the process calls ``st.navigation``. A fresh server
process starts that way (and so does every AppTest run). ``app.py`` marks the runs it frames
(:func:`enter_frame`); a page's first call (:func:`scorecard.ui.state.selection`, or
:func:`leave` for a page without the sidebar) finds an unframed run and leaves the mode:

1. it calls ``st.navigation`` with ``app.py``'s own page list, which switches the process to
   ``app.py``'s navigation for good, and reruns, so the page shows inside its frame. It must be
   the same list: Streamlit serves the default page at ``""`` whatever its ``url_path``, so any
   other default would leave the browser a "Page not found" box over the page;
2. in signed-in mode nothing of the page runs before that (the frame's role check did not);
3. a second miss in a row gives up (the page runs bare) so this can never loop.

Tests: :func:`start_warm` makes new runs start as a warm server's do, with ``app.py``'s
navigation, because the rerun of step 1 drops the clicks of the run it interrupts;
:func:`start_cold` makes the next run start as a fresh process does, for the cold-start tests
in tests/test_app.py (deep links on a cold server run inside the frame).
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from scorecard.ui import access, navigation

_FRAMED = "scorecard_framed"
_ESCAPED = "scorecard_escaped_legacy_pages"


def enter_frame() -> None:
    """Mark this run as framed by ``app.py`` (navigation and sidebar before the page)."""
    st.session_state[_FRAMED] = True
    st.session_state.pop(_ESCAPED, None)


def in_frame() -> bool:
    return bool(st.session_state.get(_FRAMED))


def leave_frame() -> None:
    st.session_state.pop(_FRAMED, None)


def leave() -> None:
    """Leave legacy mode if this run is not framed (see the module docstring); a no-op inside
    the frame. Returns only when the page may run: framed, or bare after a second miss."""
    if in_frame():
        return
    if not st.session_state.get(_ESCAPED):
        st.session_state[_ESCAPED] = True
        st.navigation(navigation.pages(), position="hidden")
        st.rerun()
    if access.signed_in_mode():  # the frame's role check never ran: show nothing
        st.info("Open the app from its home page to sign in.")
        st.stop()


def start_cold() -> Callable[[], None]:
    """For the cold-start test: the next script run starts as a fresh server process does, in
    legacy mode (Streamlit decides once per process; a run that called ``st.navigation`` has
    decided "not legacy"). Returns the function that undoes it."""
    from streamlit.runtime.pages_manager import PagesManager

    before = PagesManager.uses_pages_directory
    PagesManager.uses_pages_directory = None  # decided again: pages/ exists → legacy mode

    def undo() -> None:
        PagesManager.uses_pages_directory = before

    return undo


def start_warm() -> Callable[[], None]:
    """For tests: every script run from now on starts with ``app.py``'s navigation, as on a
    server past its first run. Returns the function that undoes it."""
    from streamlit.runtime.pages_manager import PagesManager

    original, before = PagesManager.__init__, PagesManager.uses_pages_directory

    def init(self: PagesManager, *args: object, **kwargs: object) -> None:
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    PagesManager.__init__ = init  # type: ignore[method-assign]

    def undo() -> None:
        PagesManager.__init__ = original  # type: ignore[method-assign]
        PagesManager.uses_pages_directory = before

    return undo
