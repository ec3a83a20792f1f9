"""Every page looked at as people see it: 1920x1080 (a projector, a desktop) and 390x844 (a
phone), screenshots into tests/screenshots/ (git-ignored: look at them), and the Board view's
Present mode fitting one 1920x1080 screen without scrolling.

Debian's Chromium through Playwright against `streamlit run` on the bundled sample company;
skips with a reason without /usr/bin/chromium (fails under SCORECARD_REQUIRE_BROWSER=1).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser import BROWSER_WAIT_MS, ROOT, running_app, settle

pytestmark = pytest.mark.browser

SHOTS = ROOT / "tests" / "screenshots"
SCREENS = {"desktop": {"width": 1920, "height": 1080}, "phone": {"width": 390, "height": 844}}
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
#: The height of everything Streamlit draws in its main area, scrolled or not.
SCROLL_HEIGHT = """() => Math.max(...['[data-testid=stMain]', '[data-testid=stAppViewContainer]',
  '[data-testid=stAppScrollToBottomContainer]'].map(s => document.querySelector(s))
  .filter(Boolean).map(e => e.scrollHeight), document.documentElement.scrollHeight)"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with running_app(tmp_path_factory.mktemp("screens")) as url:
        yield url


def open_page(chromium: object, url: str, screen: str) -> object:
    context = chromium.new_context(viewport=SCREENS[screen])  # type: ignore[attr-defined]
    page = context.new_page()
    page.set_default_timeout(BROWSER_WAIT_MS)
    page.goto(url)
    return page


def shoot(page: object, name: str) -> Path:
    """The screen as seen (``name``.png), then the whole page (``name``_full.png): Streamlit
    scrolls inside its own container, so the window is stretched to the content's height."""
    SHOTS.mkdir(exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path))  # type: ignore[attr-defined]
    size = page.viewport_size  # type: ignore[attr-defined]
    height = page.evaluate(SCROLL_HEIGHT)  # type: ignore[attr-defined]
    if height > size["height"]:
        page.set_viewport_size({"width": size["width"], "height": height})  # type: ignore
        page.wait_for_timeout(300)  # type: ignore[attr-defined]  # let the layout settle
        page.screenshot(path=str(SHOTS / f"{name}_full.png"))  # type: ignore[attr-defined]
        page.set_viewport_size(size)  # type: ignore[attr-defined]
    return path


def visible_text(page: object) -> str:
    return page.locator("[data-testid=stMain]").inner_text()  # type: ignore[attr-defined]


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("name", list(PAGES))
def test_every_page_at_desktop_and_phone_size(
    chromium: object, server: str, name: str, screen: str
):
    page = open_page(chromium, f"{server}/{name}", screen)
    try:
        settle(page, PAGES[name])
        assert page.get_by_test_id("stException").count() == 0  # type: ignore[attr-defined]
        shoot(page, f"{name}_{screen}")
        # st.table and captions are text: no missing value printed as None or nan
        words = set(visible_text(page).replace("\n", " ").split(" "))
        assert not words & {"None", "nan", "NaN"}
    finally:
        page.context.close()  # type: ignore[attr-defined]


def test_present_mode_fits_one_projector_screen(chromium: object, server: str):
    page = open_page(chromium, f"{server}/board?present=1", "desktop")
    try:
        settle(page, "Vision")
        shoot(page, "board_present_desktop")
        assert page.get_by_test_id("stSidebar").is_visible() is False  # type: ignore
        assert page.get_by_text("Save chart").count() == 0  # type: ignore[attr-defined]
        assert page.get_by_text("Board pack").count() == 0  # type: ignore[attr-defined]
        charts = page.get_by_test_id("stVegaLiteChart")  # type: ignore[attr-defined]
        assert charts.count() == 3  # vision, leadership, cascade
        assert page.evaluate(SCROLL_HEIGHT) <= SCREENS["desktop"]["height"]  # type: ignore
    finally:
        page.context.close()  # type: ignore[attr-defined]
