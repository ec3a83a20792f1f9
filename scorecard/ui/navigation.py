"""The app's pages, in one place: ``app.py``'s navigation and the way out of legacy mode.

Both callers must agree on every page's ``url_path`` *and* on the default page: Streamlit
serves the default page at ``""`` whatever its ``url_path`` says, so a navigation whose default
is, say, the Board view cannot find ``/board`` and tells the browser "Page not found".
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

#: Every page: section, file, title, icon, url_path (the page id roles name, see
#: :data:`scorecard.access.ROLES`). The order is the sidebar's, and a role lands on its first.
CATALOGUE: tuple[tuple[str, str, str, str, str], ...] = (
    ("Browse", "pages/me.py", "My scorecard", ":material/person:", "me"),
    ("Browse", "pages/overview.py", "Overview", ":material/dashboard:", "overview"),
    ("Browse", "pages/scorecards.py", "Scorecards", ":material/badge:", "scorecards"),
    ("Browse", "pages/cascades.py", "Cascades", ":material/account_tree:", "cascades"),
    ("Browse", "pages/vision.py", "Vision & bonus", ":material/flag:", "vision"),
    ("Browse", "pages/stewards.py", "Stewards", ":material/campaign:", "stewards"),
    ("Present", "pages/board.py", "Board view", ":material/co_present:", "board"),
    ("Manage", "pages/data.py", "Data", ":material/upload_file:", "data"),
    ("Manage", "pages/definitions.py", "Definitions", ":material/menu_book:", "definitions"),
    ("Manage", "pages/audit.py", "Access & audit", ":material/admin_panel_settings:", "audit"),
)


def pages(
    may_open: Callable[[str], bool] | None = None,
    stand_in: Callable[[str], Callable[[], None]] | None = None,
    landing: str | None = None,
) -> dict[str, list[st.Page]]:
    """Every page of the app by section, with a hidden ``home`` page as the default.

    Fresh objects on each call (``st.Page`` is cheap; Streamlit expects one set per run). The
    default page only forwards to the viewer's first page, so every real page keeps its own
    address and ``/overview`` works as a link, not only ``/``.

    A page the viewer may not open (``may_open`` false) keeps its address but is hidden and
    runs ``stand_in(title)`` instead of its file (a refusal, or the sign-in page): a deep link
    is answered with a sentence and the page's own code, and its data, never run. Home forwards
    to ``landing`` if the viewer may open it, else to their first page. Without ``may_open``
    (the way out of legacy mode) every page is the real one.
    """

    def allowed(url_path: str) -> bool:
        return may_open is None or may_open(url_path)

    opened = [c[4] for c in CATALOGUE if allowed(c[4])]
    target = landing if landing in opened else (opened[0] if opened else None)
    sections: dict[str, list[st.Page]] = {}
    for section, path, title, icon, url_path in CATALOGUE:
        if allowed(url_path):
            page = st.Page(path, title=title, icon=icon, url_path=url_path)
            if url_path == target:
                landing_page = page
        else:
            assert stand_in is not None, "a viewer needs a stand-in page"
            page = st.Page(
                stand_in(title), title=title, icon=icon, url_path=url_path, visibility="hidden"
            )
        sections.setdefault(section, []).append(page)

    if target is None:  # signed out, or no role: home is the stand-in itself
        assert stand_in is not None, "a viewer needs a stand-in page"
        home = st.Page(
            stand_in("Social Scorecard"),
            title="Social Scorecard",
            url_path="home",
            default=True,
            visibility="hidden",
        )
    else:

        def forward() -> None:
            st.switch_page(landing_page)

        home = st.Page(forward, title="Home", url_path="home", default=True, visibility="hidden")
    first = next(iter(sections))
    sections[first].insert(0, home)
    return sections
