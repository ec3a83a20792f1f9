"""The app through Streamlit's AppTest, from app.py as users start it.

Every test gets its own SQLite store (SCORECARD_DATABASE_URL in a temp dir). AppTest can upload
files in Streamlit 1.67 (``FileUploader.set_value``), so the Data page is driven through its real
file uploader. The tiny dataset (three people, one reporting line) is small enough that the
figures can be checked by hand; each expected value has its arithmetic beside it.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

from scorecard.dataset import Dataset
from scorecard.store import Store
from scorecard.ui import legacy
from scorecard.workbook import workbook_bytes
from tests.companies import ops_trio as tiny_dataset

APP = Path(__file__).resolve().parent.parent / "app.py"
PAGES = ("overview", "scorecards", "cascades", "vision", "stewards", "board", "data", "definitions")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TIMEOUT = 180  # the machine is shared; this bounds a hang, it is not a speed assertion


def temp_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    url = f"sqlite:///{tmp_path / 'scorecard.db'}"
    monkeypatch.setenv("SCORECARD_DATABASE_URL", url)
    return Store(url)


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, warm_server: None) -> Store:
    return temp_store(tmp_path, monkeypatch)


@pytest.fixture
def tiny(store: Store) -> Store:
    store.publish(tiny_dataset(), uploader="Test Setup", file_name="tiny.xlsx", sha256="tiny-v1")
    return store


def open_app(page: str | None = None) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    if page is not None:
        at.switch_page(f"pages/{page}.py").run()
    return at


def metric_values(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def assert_clean(at: AppTest, page: str) -> None:
    assert not at.exception, f"{page}: {[e.value for e in at.exception]}"
    assert not at.error, f"{page}: {[e.value for e in at.error]}"


# -- smoke -------------------------------------------------------------------------------------
def test_every_page_of_the_sample_company_renders_without_an_error(store: Store):
    at = open_app()
    assert at.sidebar.markdown[0].value == "**Dataset:** Sample company"
    for page in PAGES:
        at.switch_page(f"pages/{page}.py").run()
        assert_clean(at, page)
        # the frame ran: the sidebar's period picker is on every page
        assert at.sidebar.selectbox(key="sidebar_period").value == "Last month"


def test_every_page_of_a_tiny_published_dataset_renders_without_an_error(tiny: Store):
    at = open_app()
    assert at.sidebar.markdown[0].value == "**Dataset:** Version 1"
    for page in PAGES:
        at.switch_page(f"pages/{page}.py").run()
        assert_clean(at, page)


def test_an_empty_activity_sheet_gives_a_next_step_instead_of_figures(store: Store):
    store.publish(
        Dataset.from_frames(people=tiny_dataset().people),
        uploader="t",
        file_name="people-only.xlsx",
        sha256="people-only",
    )
    at = open_app("overview")
    assert_clean(at, "overview")
    assert "no activity rows yet" in at.info[0].value
    assert not at.metric


@pytest.fixture
def cold_server() -> Iterator[None]:
    """The next run starts as a fresh server process does: in legacy pages/ mode."""
    undo = legacy.start_cold()
    yield
    undo()


@pytest.mark.parametrize("page", ["cascades", "data"])  # via state.selection / legacy.leave
def test_a_deep_link_on_a_cold_server_still_runs_inside_the_frame(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cold_server: None, page: str
):
    temp_store(tmp_path, monkeypatch).publish(
        tiny_dataset(), uploader="t", file_name="t.xlsx", sha256="tiny-v1"
    )
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.switch_page(f"pages/{page}.py").run()  # the first run of the process is the deep link
    assert_clean(at, page)
    assert at.title[0].value == page.capitalize()
    # the sidebar comes from app.py's frame, drawn once: dataset/period and department, under
    # the frame's own line on the access mode (a bare legacy run draws no such line) ...
    assert len(at.sidebar.selectbox) == 2
    assert any("Local mode" in c.value for c in at.sidebar.caption)
    # ... and the process has left legacy mode for good, as a warm server has.
    assert PagesManager.uses_pages_directory is False


# -- period ------------------------------------------------------------------------------------
def test_changing_the_period_changes_the_figures_to_the_hand_computed_values(tiny: Store):
    at = open_app("overview")
    month = metric_values(at)
    # Last month = March (the last activity day is 31 March): 1 + 3 (Ada) + 1 (Ben) = 5 actions
    assert month["Actions"] == "5"
    # replies 3 + 1 = 4 of 5 actions = 80% (the one "%" pattern, #,##0.0%)
    assert month["Dialogue ratio"] == "80.0%"
    deltas = {m.label: m.delta for m in at.metric}
    # February had Ada's 2 posts: 5 − 2 = +3
    assert deltas["Actions"] == "+3"

    at.sidebar.selectbox(key="sidebar_period").set_value("Last quarter").run()
    quarter = metric_values(at)
    # Q1 = January–March: 1 (Jan) + 2 (Feb) + 5 (Mar) = 8 actions, 4 replies → 4 / 8 = 50%
    assert quarter["Actions"] == "8"
    assert quarter["Dialogue ratio"] == "50.0%"


def test_the_period_and_department_persist_across_pages(tiny: Store):
    at = open_app("overview")
    at.sidebar.selectbox(key="sidebar_period").set_value("Last quarter").run()
    at.sidebar.selectbox(key="sidebar_department").set_value("Ops").run()
    at.switch_page("pages/scorecards.py").run()
    assert at.sidebar.selectbox(key="sidebar_period").value == "Last quarter"
    assert at.sidebar.selectbox(key="sidebar_department").value == "Ops"
    assert "Ops · last quarter: 01 Jan 2026 – 31 Mar 2026" in at.caption[0].value.replace("\\", "")


# -- data: upload, publish, history ------------------------------------------------------------
def test_a_good_upload_publishes_a_new_version_shown_on_scorecards(
    tiny: Store, monkeypatch: pytest.MonkeyPatch
):
    data = workbook_bytes(tiny_dataset(extra_reply_on_31_march=2))
    monkeypatch.setenv("LOGNAME", "Dana Smith")  # local mode: the uploader is this OS user
    at = open_app("data")
    at.file_uploader(key="data_files").set_value(("march.xlsx", data, XLSX)).run()
    assert_clean(at, "data")
    at.button(key="data_publish").click().run()
    assert_clean(at, "data")
    assert "Published version 2" in at.success[0].value
    current = tiny.current()
    assert current is not None and current.version == 2 and current.uploader == "Dana Smith"

    at.switch_page("pages/scorecards.py").run()
    assert_clean(at, "scorecards")
    assert at.sidebar.markdown[0].value == "**Dataset:** Version 2"
    assert at.caption[0].value.startswith("Version 2")
    at.switch_page("pages/overview.py").run()
    # March now has Ada's 3 + 2 replies: 1 + 5 + 1 = 7 actions
    assert metric_values(at)["Actions"] == "7"


def test_the_same_file_again_is_recognised_and_not_stored_twice(tiny: Store):
    data = workbook_bytes(tiny_dataset(extra_reply_on_31_march=1))
    at = open_app("data")
    at.file_uploader(key="data_files").set_value(("march.xlsx", data, XLSX)).run()
    at.button(key="data_publish").click().run()
    at.file_uploader(key="data_files").set_value(("march again.xlsx", data, XLSX)).run()
    assert any("identical to version 2" in i.value for i in at.info)
    with pytest.raises(KeyError):  # nothing new to publish
        at.button(key="data_publish")
    assert [v.version for v in tiny.versions()] == [2, 1]


def test_a_broken_upload_lists_its_errors_and_leaves_the_current_version(tiny: Store):
    book = load_workbook(io.BytesIO(workbook_bytes(tiny_dataset())))
    sheet = book["activity"]
    sheet["A3"] = "the day after payday"  # row 3 = the second data row
    out = io.BytesIO()
    book.save(out)
    at = open_app("data")
    at.file_uploader(key="data_files").set_value(("broken.xlsx", out.getvalue(), XLSX)).run()
    assert not at.exception
    assert "nothing was published" in at.error[0].value
    problems = at.table[0].value  # the errors, in an st.table that wraps (text cells)
    assert list(problems["Sheet"]) == ["activity"]
    assert list(problems["Row (in Excel)"]) == ["3"]
    with pytest.raises(KeyError):
        at.button(key="data_publish")
    assert tiny.current().version == 1
    assert [v.version for v in tiny.versions()] == [1]


def test_make_current_switches_back_to_an_earlier_version(tiny: Store):
    tiny.publish(
        tiny_dataset(extra_reply_on_31_march=4), uploader="t", file_name="b.xlsx", sha256="tiny-v2"
    )
    at = open_app("data")
    at.selectbox(key="data_version").set_value(1)
    at.button(key="data_make_current").click().run()
    assert_clean(at, "data")
    # a rollback is a new version holding version 1's rows (scorecard.store)
    assert (tiny.current().version, tiny.current().how) == (3, "rollback")
    assert at.sidebar.markdown[0].value == "**Dataset:** Version 3"


def test_the_template_download_is_the_schema_workbook(store: Store):
    at = open_app("data")
    button = at.get_by_key("data_template")
    assert button is not None
    from scorecard.ui.upload import template_bytes

    book = load_workbook(io.BytesIO(template_bytes()))
    assert {"people", "activity", "outcomes", "goals", "assumptions"} <= set(book.sheetnames)


# -- board pack --------------------------------------------------------------------------------
def test_the_board_view_offers_the_board_pack_with_the_numbers_on_screen(tiny: Store):
    import json
    from datetime import date

    from pptx import Presentation

    from scorecard.dataset import Filters, Period
    from scorecard.ui import downloads

    at = open_app("board")
    assert_clean(at, "board")
    for fmt in ("pptx", "xlsx", "json", "pdf"):
        assert at.get_by_key(f"board_pack_{fmt}") is not None, fmt
    assert at.get_by_key("board_scores_save_png") is not None
    # "People active" on screen: everyone acted in Q1 but only Ada and Ben in March → 2 / 3
    assert metric_values(at)["People active"] == "66.7%"

    # The bytes behind the buttons (built on click) carry the same numbers: last month = March.
    march, info = Period(date(2026, 3, 1), date(2026, 3, 31)), tiny.current()
    key = f"{tiny.url}#v1"
    report = json.loads(downloads.pack_bytes(key, march, Filters(), "json", info))
    assert report["company"]["actions"] == 5  # 1 post + 3 replies (Ada) + 1 reply (Ben)
    assert report["company"]["active_share"] == 2 / 3  # unrounded in the JSON
    deck = Presentation(io.BytesIO(downloads.pack_bytes(key, march, Filters(), "pptx", info)))
    titles = [s.shapes.title.text for s in deck.slides if s.shapes.title is not None]
    assert any("Vision" in t for t in titles) and any("cascade" in t.lower() for t in titles)
    book = load_workbook(io.BytesIO(downloads.pack_bytes(key, march, Filters(), "xlsx", info)))
    assert "People scorecards" in book.sheetnames
    from pypdf import PdfReader

    pdf = PdfReader(io.BytesIO(downloads.pack_bytes(key, march, Filters(), "pdf", info)))
    assert "Executive summary" in pdf.pages[1].extract_text()
