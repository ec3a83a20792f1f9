"""Issue 13 part 6: at 1440x900 (a laptop) no table hides a column behind a horizontal scroll,
so money, lag and reach columns are always on screen.

Every page of the bundled sample company, each visible ``st.dataframe`` scrolled into view: its
grid's scroller is no wider inside than its frame. Debian's Chromium through Playwright against
`streamlit run`; skips with a reason without /usr/bin/chromium.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.browser import BROWSER_WAIT_MS, running_app, settle

pytestmark = pytest.mark.browser

LAPTOP = {"width": 1440, "height": 900}
#: Each page and a text it shows once its last section has rendered.
PAGES = {
    "me": "My scorecard",
    "overview": "Biggest movers",
    "scorecards": "Weakest pillar",
    "cascades": "Who has not started yet",
    "vision": "Bonus pool",
    "stewards": "Stewards",
    "board": "Board pack",
    "data": "Drop your filled-in template",
    "definitions": "Impact",
    "audit": "Access & audit",
}
#: Pages whose sample-company view has tables: the test must find them (a renamed selector
#: would otherwise make it pass by measuring nothing).
WITH_TABLES = {"overview": 2, "cascades": 1, "vision": 3, "audit": 1}
#: Per visible grid: how far (px) its columns reach past the scroller's visible width.
OVERFLOW = """() => [...document.querySelectorAll('[data-testid=stDataFrame]')]
  .filter(f => f.getBoundingClientRect().width > 0)
  .map(f => { const s = f.querySelector('.dvn-scroller');
    return s ? s.scrollWidth - s.clientWidth : null; })"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with running_app(tmp_path_factory.mktemp("widths")) as url:
        yield url


@pytest.mark.parametrize("name", list(PAGES))
def test_no_table_column_is_cut_at_1440_px(chromium: object, server: str, name: str):
    context = chromium.new_context(viewport=LAPTOP)  # type: ignore[attr-defined]
    page = context.new_page()
    page.set_default_timeout(BROWSER_WAIT_MS)
    try:
        page.goto(f"{server}/{name}")
        settle(page, PAGES[name])
        frames = page.locator("[data-testid=stDataFrame]:visible")
        for i in range(frames.count()):  # drawn lazily: bring each into view, wait for its grid
            frames.nth(i).scroll_into_view_if_needed()
            frames.nth(i).locator(".dvn-scroller").wait_for()
        overflow = page.evaluate(OVERFLOW)
        assert len(overflow) == WITH_TABLES.get(name, 0)
        assert overflow == [0] * len(overflow), f"{name}: columns past the frame by {overflow} px"
    finally:
        context.close()


def test_everyone_table_shows_the_money_before_the_scroll(chromium: object, server: str):
    """The Everyone table has ~35 columns and cannot fit; who and the money figures come
    first so they are on screen at 1440 px, the counts and rates after them."""
    context = chromium.new_context(viewport=LAPTOP)  # type: ignore[attr-defined]
    page = context.new_page()
    page.set_default_timeout(BROWSER_WAIT_MS)
    try:
        page.goto(f"{server}/scorecards")
        settle(page, PAGES["scorecards"])
        page.get_by_role("tab", name="Everyone").click()
        settle(page, "Search by name")
        frame = page.locator("[data-testid=stDataFrame]:visible").first
        frame.scroll_into_view_if_needed()
        frame.locator("[role=columnheader]").first.wait_for(state="attached")
        # the grid is a canvas; its accessible copy (not laid out) carries the header texts
        headers = frame.locator("[role=columnheader]").evaluate_all(
            "hs => hs.map(h => h.textContent)"
        )
        money = ["Leadership score", "Time cost", "Economic value", "Social ROI"]
        assert [h.strip() for h in headers[:6]] == ["ID", "name", *money]
    finally:
        context.close()
