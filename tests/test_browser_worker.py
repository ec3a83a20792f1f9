"""Hostile uploads in a real browser while another session browses: the server stays up.

One app (``streamlit run``, as users start it, default limits). Session A uploads on the Data
page the files that took the server down before issue 14 (the 808-byte ODS asking for 98
million cells, the xlsx reaching XFD1048576 that made calamine abort the process); session B
opens the Overview in between and after, and must render; the server must still answer. The
worker's own limits (memory, time) are driven through the Data page by AppTest in
tests/test_ingest_worker.py, where the environment can be set per test.
"""

from __future__ import annotations

import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser import BROWSER_WAIT_MS, running_app, settle
from tests.fixtures import hostile

pytestmark = pytest.mark.browser

OVERVIEW_DONE = "Biggest movers"
DATA_READY = "Drop your filled-in template"
RULE = "Files up to 50 MB are accepted."


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with running_app(tmp_path_factory.mktemp("browser_worker")) as url:
        yield url


def new_tab(chromium) -> object:
    context = chromium.new_context(viewport={"width": 1400, "height": 2600})
    tab = context.new_page()
    tab.set_default_timeout(BROWSER_WAIT_MS)
    return tab


def upload(tab, path: Path) -> None:
    tab.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(path))


def test_hostile_uploads_end_in_a_sentence_while_another_session_keeps_working(
    server: str, chromium, tmp_path: Path
):
    uploader, viewer = new_tab(chromium), new_tab(chromium)
    uploader.goto(f"{server}/data")
    settle(uploader, DATA_READY)
    assert uploader.get_by_text(RULE, exact=True).first.is_visible()

    # A: the 808-byte ODS whose repeats ask for 98 million cells; B browses meanwhile.
    bomb = tmp_path / "bomb.ods"
    bomb.write_bytes(hostile.ods_bomb())
    upload(uploader, bomb)
    viewer.goto(f"{server}/overview")
    settle(viewer, OVERVIEW_DONE)
    settle(uploader, "says it reaches cell XFD6000")
    assert uploader.get_by_text(
        "nothing was published and the current dataset is unchanged"
    ).first.is_visible()

    # A: the xlsx whose sheet reaches XFD1048576 (calamine would ask for 549 GB and abort).
    uploader.goto(f"{server}/data")
    settle(uploader, DATA_READY)
    far = tmp_path / "far.xlsx"
    far.write_bytes(hostile.far_cell_without_dimension_xlsx())
    upload(uploader, far)
    viewer.reload()
    settle(viewer, OVERVIEW_DONE)
    settle(uploader, "says it reaches cell XFD1048576")

    # The server is up, and B still gets every page.
    for path, done in (("overview", OVERVIEW_DONE), ("scorecards", "Weakest pillar")):
        viewer.goto(f"{server}/{path}")
        settle(viewer, done)
        assert viewer.get_by_test_id("stException").count() == 0
    viewer.context.close()
    uploader.context.close()


def test_a_file_over_the_size_limit_shows_the_rule(server: str, chromium, tmp_path: Path):
    tab = new_tab(chromium)
    tab.goto(f"{server}/data")
    settle(tab, DATA_READY)
    big = tmp_path / "big.csv"
    big.write_bytes(hostile.oversized_csv(50_000_000))  # one byte over 50 MB of 10^6 bytes
    upload(tab, big)
    # The browser refuses it before sending a byte (its own words), and the page says why.
    tab.get_by_text("50.0MB or smaller").first.wait_for()
    assert tab.get_by_text(RULE, exact=True).first.is_visible()
    tab.context.close()


def test_the_server_process_survived(server: str):
    with urllib.request.urlopen(f"{server}/_stcore/health", timeout=60) as answer:
        assert answer.status == 200
