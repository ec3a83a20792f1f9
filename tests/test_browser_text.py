"""User text is text, in a real browser: a dataset whose people, titles, departments, themes,
goal metrics, file name and uploader are Markdown / LaTeX / HTML payloads is uploaded and
published through the Data page, then every page is opened. No bold, no script link, no image
from another host, no formula and no injected element may appear, no request may leave for the
payload's host and no dialog may open, while the payload text itself is visible as written.
Also: the tables offer no "Download as CSV" (``client.disableDataExport``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from scorecard.dataset import Dataset
from scorecard.workbook import write_workbook
from tests.browser import BROWSER_WAIT_MS, PAYLOADS, ROOT, running_app, settle

pytestmark = pytest.mark.browser

SHOTS = ROOT / "tests" / "screenshots"
#: Each page and a text that appears once it has rendered its last section.
MARKERS = {
    "overview": "Biggest movers",
    "scorecards": "Take these scorecards into a meeting",
    "cascades": "Who has not started yet",
    "vision": "Bonus pool",
    "stewards": "No brand accounts yet",
    "board": "Board pack",
    "data": "Drop your filled-in template",
    "definitions": "Impact",
    "me": "is not on the people sheet",  # local mode's admin has no card of their own
    "audit": "Audit log",
}
#: A file name cannot hold "/", so the image payload is left out of it.
FILE_NAME = "**b** $x^2$ [x](javascript:alert(1)) <img src=x onerror=alert(1)>.xlsx"
#: Who publishes: in local mode, this computer's user name (getpass reads LOGNAME first).
UPLOADER = "Mia " + " ".join(PAYLOADS)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with running_app(tmp_path_factory.mktemp("browser_text"), env={"LOGNAME": UPLOADER}) as url:
        yield url


@pytest.fixture
def tab(chromium) -> Iterator[object]:
    context = chromium.new_context(viewport={"width": 1400, "height": 2600})
    page = context.new_page()
    page.set_default_timeout(BROWSER_WAIT_MS)
    page.requested = []  # type: ignore[attr-defined]
    page.dialogs = []  # type: ignore[attr-defined]
    page.on("request", lambda request: page.requested.append(request.url))
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    context.close()


def assert_nothing_rendered(page, name: str) -> None:
    """No element any payload could make, and no request or dialog it could cause."""
    assert page.locator("strong", has_text=re.compile(r"^\s*b\s*$")).count() == 0, name
    links = "a[href^='javascript:' i], a[href^='mailto:' i], a[href*='127.0.0.1:9']"
    assert page.locator(links).count() == 0, name
    assert (
        page.locator("img[src='http://127.0.0.1:9/x.png'], img[src='x'], img[onerror]").count() == 0
    ), name
    assert page.locator(".katex, .katex-display, .katex-mathml").count() == 0, name
    assert page.get_by_test_id("stException").count() == 0, name
    assert not [u for u in page.requested if "127.0.0.1:9" in u], name
    assert page.dialogs == [], name


def publish_payloads(page, server: str, dataset: Dataset, folder: Path) -> None:
    workbook = folder / FILE_NAME
    write_workbook(dataset, workbook)
    page.goto(f"{server}/data")
    settle(page, MARKERS["data"])
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(workbook))
    page.get_by_role("button", name="Publish as a new version").click()
    settle(page, "Published version 1")


def test_payloads_show_as_literal_text_on_every_page(
    server: str,
    tab,
    tmp_path: Path,
    payload_dataset: Dataset,
    payloads: tuple[str, ...],
):
    publish_payloads(tab, server, payload_dataset, tmp_path)
    assert_nothing_rendered(tab, "data")
    SHOTS.mkdir(exist_ok=True)
    for name in sorted(p.stem for p in (ROOT / "pages").glob("*.py")):
        tab.goto(f"{server}/{name}")
        settle(tab, MARKERS.get(name, "Social Scorecard"))
        tab.screenshot(path=str(SHOTS / f"text_{name}.png"), full_page=True)
        assert_nothing_rendered(tab, name)
        if name != "board":  # the board starts with the sidebar folded away
            # Read as typed (the invisible word joiners that stop autolinks aside).
            sidebar = tab.get_by_test_id("stSidebar").inner_text().replace("\u2060", "")
            assert UPLOADER in sidebar and FILE_NAME in sidebar, name
    # The executives' cards (C-suite and VP: the first two people) carry each name as a
    # heading that reads exactly as typed.
    tab.goto(f"{server}/scorecards")
    settle(tab, MARKERS["scorecards"])
    headings = tab.locator("h3").all_inner_texts()
    assert set(payloads[:2]) <= {h.strip() for h in headings}
    # The goal titles on the Vision page: the metric and the department, as typed.
    tab.goto(f"{server}/vision")
    settle(tab, MARKERS["vision"])
    assert tab.get_by_text(f"{payloads[1]} · {payloads[0]}", exact=False).count() >= 1


def test_tables_offer_no_csv_download(server: str, tab):
    tab.goto(f"{server}/vision")  # the bonus leaderboards are tables, whatever the dataset
    settle(tab, MARKERS["vision"])
    table = tab.get_by_test_id("stDataFrame").first
    table.hover()
    toolbar = tab.get_by_test_id("stElementToolbar").first
    toolbar.wait_for()  # the toolbar is there (search, fullscreen) ...
    assert tab.get_by_role("button", name=re.compile("download", re.IGNORECASE)).count() == 0
