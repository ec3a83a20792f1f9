"""The mapping step in a real browser: an export no preset knows is mapped, published, and next
month's file of the same tool is read with the saved profile without asking.

Playwright drives Debian's Chromium against `streamlit run app.py` with its own empty SQLite
store (tests/conftest.py: running_app, chromium). Screenshots of the mapping step at 1920x1080
and 390x844 go to tests/screenshots/ (git-ignored).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from scorecard.sources.profiles import load_profile
from scorecard.store import Store
from tests.browser import BROWSER_WAIT_MS, ROOT, running_app, settle

pytestmark = pytest.mark.browser

SHOTS = ROOT / "tests" / "screenshots"
MARCH, APRIL = "brandwatch_2026-03.csv", "brandwatch_2026-04.csv"
READY = "Drop your filled-in template"


def choose(page, label: str, option: str) -> None:
    """Pick ``option`` in the Streamlit selectbox labelled ``label``."""
    box = page.get_by_test_id("stSelectbox").filter(has_text=label).first
    box.scroll_into_view_if_needed()
    box.click()
    page.get_by_role("option", name=option, exact=True).click()


def shoot(page, name: str) -> None:
    """The mapping step as the viewport shows it (scrolled to its warning), and the whole page in a
    window tall enough to hold it (Streamlit scrolls inside its own container)."""
    page.get_by_text("no export the app knows").first.evaluate(
        "e => e.scrollIntoView({block: 'start'})"
    )
    page.screenshot(path=str(SHOTS / f"{name}.png"))
    size = page.viewport_size
    page.set_viewport_size({"width": size["width"], "height": 4000})
    settle(page, "Table it feeds")
    page.screenshot(path=str(SHOTS / f"{name}_full.png"), full_page=True)
    page.set_viewport_size(size)


def test_an_unknown_export_is_mapped_published_and_recognised_next_month(
    tmp_path: Path, chromium, brandwatch_files: dict[str, bytes], monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("LOGNAME", "Mia")  # local mode: the server's user publishes and saves
    for name, data in brandwatch_files.items():
        (tmp_path / name).write_bytes(data)
    SHOTS.mkdir(exist_ok=True)
    server_dir = tmp_path / "server"
    server_dir.mkdir()
    with running_app(server_dir) as url:
        context = chromium.new_context(viewport={"width": 1920, "height": 1080})
        page = context.new_page()
        page.set_default_timeout(BROWSER_WAIT_MS)
        page.goto(f"{url}/data")
        settle(page, READY)
        page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
            [tmp_path / "people.csv", tmp_path / MARCH]
        )
        settle(page, "no export the app knows")
        shoot(page, "mapping_step_1920")
        # A phone: its own visit (the sidebar starts folded at that width), same files
        phone = chromium.new_context(viewport={"width": 390, "height": 844})
        small = phone.new_page()
        small.set_default_timeout(BROWSER_WAIT_MS)
        small.goto(f"{url}/data")
        settle(small, READY)
        small.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
            [tmp_path / "people.csv", tmp_path / MARCH]
        )
        settle(small, "no export the app knows")
        shoot(small, "mapping_step_390")
        phone.close()

        # The export has no action column: every row is a post. Apply re-reads the files.
        choose(page, "Action of every row", "post")
        page.get_by_role("button", name="Apply").click()
        settle(page, "No problems found")
        with page.expect_download() as download:
            page.get_by_role("button", name="Download profile").click()
        saved = tmp_path / download.value.suggested_filename
        download.value.save_as(saved)
        profile = load_profile(saved.read_text(encoding="utf-8"))
        assert profile.constants == {"action": "post"} and profile.table == "activity"
        page.get_by_label("Profile name", exact=True).and_(
            page.get_by_test_id("stTextInputField")
        ).fill("Brandwatch weekly")
        page.get_by_role("button", name="Save as profile").click()
        settle(page, "Saved the profile")
        page.get_by_role("button", name="Publish as a new version").click()
        settle(page, "Published version 1")

        # Next month, in a fresh visit: no question asked, the saved profile reads the file
        page.goto(f"{url}/data")
        settle(page, READY)
        page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
            [tmp_path / "people.csv", tmp_path / APRIL]
        )
        today = datetime.now(UTC).date().isoformat()
        settle(page, f"mapped with your profile 'Brandwatch weekly', saved by Mia on {today}")
        assert page.get_by_text("no export the app knows").count() == 0
        page.screenshot(path=str(SHOTS / "mapping_recognised_1920.png"))
        page.get_by_role("button", name="Replace: publish as a new version").click()
        settle(page, "Published version 2")
        assert page.get_by_test_id("stException").count() == 0
        context.close()

    store = Store(f"sqlite:///{server_dir / 'scorecard.db'}")
    march, april = store.load(1).activity, store.load(2).activity
    # March: Ada 40 + 12 likes, Ben 7; April: Ada 25, Ben 4; every row a post by a person
    assert march.groupby("person_id")["reactions"].sum().to_dict() == {"001": 52.0, "002": 7.0}
    assert april["reactions"].tolist() == [25.0, 4.0]
    assert april["action"].tolist() == ["post", "post"]
    assert [p.name for p in store.profiles()] == ["Brandwatch weekly"]
