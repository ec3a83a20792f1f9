"""The app in a real browser: Playwright driving Debian's Chromium against `streamlit run`.

Opens every page (and screenshots it into tests/screenshots/, git-ignored), uploads a workbook
through the real file input and publishes it, and downloads the template. Without
/usr/bin/chromium the tests skip with a reason, unless SCORECARD_REQUIRE_BROWSER=1 (CI), where
they fail instead. The server has its own SQLite store in a temp dir and starts empty, so the
pages show the bundled sample company until the upload test publishes version 1.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from scorecard.workbook import write_workbook
from tests.browser import running_app, settle
from tests.companies import ops_trio as tiny_dataset

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
SHOTS = ROOT / "tests" / "screenshots"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WAIT_MS = 120_000  # bounds a hang on a shared machine; not a speed assertion
#: Each page and a text that appears once it has rendered its last section.
PAGES = {
    "overview": "Biggest movers",
    "scorecards": "Weakest pillar",
    "cascades": "Who has not started yet",
    "vision": "Bonus pool",
    "board": "Board pack",
    "data": "Drop your filled-in template",
    "definitions": "Impact",
}

if not CHROMIUM.exists():
    if os.environ.get("SCORECARD_REQUIRE_BROWSER") == "1":
        pytest.fail(
            "SCORECARD_REQUIRE_BROWSER=1 but /usr/bin/chromium is missing "
            "(apt-get install -y chromium)",
            pytrace=False,
        )
    pytest.skip(
        "no /usr/bin/chromium: `apt-get install -y chromium` to run the browser tests",
        allow_module_level=True,
    )

from playwright.sync_api import Browser, Page, sync_playwright


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One app for the module's tests; the first test opens it at the root."""
    # Local mode: the uploader of a version is this computer's user (LOGNAME), never typed.
    with running_app(tmp_path_factory.mktemp("browser"), {"LOGNAME": "Dana Smith"}) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    # Streamlit scrolls inside its own container, so a tall window is what makes the
    # screenshot show the whole page.
    context = browser.new_context(viewport={"width": 1400, "height": 2600}, accept_downloads=True)
    tab = context.new_page()
    tab.set_default_timeout(WAIT_MS)
    yield tab
    context.close()


def assert_no_failure(page: Page) -> None:
    assert page.get_by_test_id("stException").count() == 0
    errors = page.get_by_test_id("stAlertContentError")
    assert errors.count() == 0, errors.all_inner_texts()


def test_the_root_opens_the_overview(server: str, page: Page):
    page.goto(server)
    settle(page, PAGES["overview"])
    assert page.url.rstrip("/").endswith("/overview")
    assert_no_failure(page)


@pytest.mark.parametrize("name", list(PAGES))
def test_every_page_opens_and_is_screenshotted(server: str, page: Page, name: str):
    page.goto(f"{server}/{name}")
    settle(page, PAGES[name])
    assert_no_failure(page)
    if name != "board":  # the board view starts with the sidebar folded away
        page.get_by_text("Sample company").first.wait_for()
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_a_deep_link_as_the_first_request_of_a_fresh_server_has_no_page_not_found(
    tmp_path: Path, page: Page
):
    # Streamlit runs a fresh process's first request in its legacy pages/ mode; the way out
    # (scorecard.ui.state) once used a page list whose default was the Board view, served at
    # "" rather than /board, so the browser got "Page not found" over the right page.
    with running_app(tmp_path) as url:
        page.goto(f"{url}/board")
        settle(page, PAGES["board"])
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SHOTS / "board_deep_link_fresh.png"), full_page=True)
        assert page.url.rstrip("/").endswith("/board")
        assert page.get_by_text("Page not found").count() == 0
        assert page.get_by_text("Social leadership").count() >= 1  # the board's own title
        assert_no_failure(page)


def test_the_scorecards_draw_their_small_trend_charts(server: str, page: Page):
    page.goto(f"{server}/scorecards")
    settle(page, PAGES["scorecards"])
    # Trends are on demand (the first view stays fast: bench/pages.py).
    page.get_by_text("Monthly trends", exact=True).click()
    page.locator("[data-testid=stMetricChart]").first.wait_for()
    settle(page, PAGES["scorecards"])
    # The sample's executives have six months each: every card's leadership score has a line.
    drawn = page.locator("[data-testid=stMetricChart] svg, [data-testid=stMetricChart] canvas")
    assert drawn.count() >= 4  # the four cards of the first page
    assert (
        page.locator("[data-testid=stMetricChart] path[aria-roledescription='line mark']").count()
        >= 4
    )


def test_the_template_downloads_as_the_schema_workbook(server: str, page: Page, tmp_path: Path):
    from openpyxl import load_workbook

    page.goto(f"{server}/data")
    settle(page, PAGES["data"])
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the blank template").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name == "social_scorecard_template.xlsx"
    sheets = set(load_workbook(saved, read_only=True).sheetnames)
    assert {"people", "activity", "outcomes", "goals", "assumptions"} <= sheets


def test_upload_through_the_file_input_then_publish(server: str, page: Page, tmp_path: Path):
    workbook = tmp_path / "tiny company.xlsx"
    write_workbook(tiny_dataset(), workbook)
    page.goto(f"{server}/data")
    settle(page, PAGES["data"])
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(workbook))
    settle(page, "No problems found")
    page.get_by_role("button", name="Publish as a new version").click()
    settle(page, "Published version 1")
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "data_published.png"), full_page=True)
    assert page.get_by_text("by Dana Smith").count() >= 1  # the sidebar's dataset line

    page.goto(f"{server}/scorecards")
    settle(page, "Weakest pillar")
    assert page.get_by_text("Version 1").first.is_visible()
    assert_no_failure(page)
