"""Out-of-range numbers stop at the Data page: an upload with a 1e308 bonus pool and a count of
99999999999999999999 lists both as row-level errors, publishes nothing, and every page keeps
showing the last good version. An edit in the table editor goes through the same bounds."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from scorecard.dataset import Dataset
from scorecard.schema import AMOUNT_MAX, AUDIENCE_MAX, COUNT_MAX, MINUTES_MAX
from scorecard.store import Store
from scorecard.ui import upload
from scorecard.workbook import workbook_bytes

APP = Path(__file__).resolve().parent.parent / "app.py"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TIMEOUT = 180  # a shared machine; bounds a hang, not a speed assertion


def good() -> Dataset:
    """Ann (CEO) → Bo; Ann posts 3 times on 2 March; a pool of 1,000."""
    return Dataset.from_frames(
        people=pd.DataFrame(
            {
                "person_id": ["001", "002"],
                "name": ["Ann Lee", "Bo Chen"],
                "department": ["Sales", "Sales"],
                "manager_id": [None, "001"],
                "tier": ["C-suite", "Staff"],
            }
        ),
        activity=pd.DataFrame(
            {
                "date": pd.to_datetime(["2026-03-02"]),
                "person_id": ["001"],
                "channel": ["LinkedIn"],
                "action": ["post"],
                "count": [3],
            }
        ),
        assumptions=pd.DataFrame({"key": ["bonus.pool"], "value": ["1000"]}),
    )


def hostile_workbook() -> bytes:
    """``good()`` with the pool at 1e308 (assumptions row 2) and the count at 1e20 (activity
    row 2)."""
    book = load_workbook(io.BytesIO(workbook_bytes(good())))
    book["assumptions"]["B2"] = "1e308"
    activity = book["activity"]
    count = next(c.column for c in activity[1] if c.value == "count")
    activity.cell(row=2, column=count, value=99999999999999999999)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, warm_server: None) -> Store:
    url = f"sqlite:///{tmp_path / 'scorecard.db'}"
    monkeypatch.setenv("SCORECARD_DATABASE_URL", url)
    published = Store(url)
    published.publish(good(), uploader="t", file_name="good.xlsx", sha256="good-v1")
    return published


def test_an_upload_out_of_range_lists_its_rows_and_publishes_nothing(store: Store):
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    at.switch_page("pages/data.py").run()
    at.file_uploader(key="data_files").set_value(("huge.xlsx", hostile_workbook(), XLSX)).run()
    assert not at.exception
    assert "nothing was published" in at.error[0].value
    # the errors, in an st.table that wraps; its text is Markdown-escaped ("\\+" shows "+")
    problems = at.table[0].value.replace(r"\\(.)", r"\1", regex=True)
    where = zip(problems["Sheet"], problems["Row (in Excel)"], problems["Column"], strict=True)
    assert list(where) == [("activity", "2", "count"), ("assumptions", "2", "value")]
    assert "from 0 to 1,000,000; this cell holds 1e+20" in problems["What is wrong"].iloc[0]
    assert "from 0 to 1,000,000,000,000; it is 1e+308" in problems["What is wrong"].iloc[1]
    with pytest.raises(KeyError):
        at.button(key="data_publish")
    assert store.current().version == 1
    # The pages go on showing version 1: its pool of 1,000, Ann's 3 actions.
    at.switch_page("pages/vision.py").run()
    assert not at.exception and not at.error
    assert {m.label: m.value for m in at.metric}["Pool"] == r"\$1,000.00"  # "$" escaped: Markdown


def test_an_edited_goal_target_of_1e308_is_an_error_on_its_row():
    goals = pd.DataFrame(
        {
            "metric": ["actions"],
            "target": [1e308],
            "start": pd.to_datetime(["2026-01-01"]),
            "end": pd.to_datetime(["2026-12-31"]),
            "department": [None],
            "person_id": [None],
            "direction": ["up"],
        }
    )
    edited = upload.edited_dataset(good(), good().assumptions, goals)
    result = upload.revalidate(edited, "edit.xlsx")
    assert result.dataset is None
    assert [(p.code, p.sheet, p.row, p.column) for p in result.report.errors] == [
        ("number_out_of_range", "goals", 2, "target")
    ]


def test_every_page_renders_a_dataset_at_the_bounds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, warm_server: None
):
    # The largest values the validator lets through: 1,000,000 actions on one row, 1e10
    # audience figures, a 1e12 outcome worth 1e9 a unit, a 1e12 goal and a 1e12 pool.
    base = good()
    extreme = Dataset.from_frames(
        people=base.people.assign(hourly_cost=1e6, followers=AUDIENCE_MAX),
        activity=base.activity.assign(
            count=int(COUNT_MAX),
            minutes=MINUTES_MAX,
            impressions=AUDIENCE_MAX,
            reactions=AUDIENCE_MAX,
            comments_received=AUDIENCE_MAX,
            shares_received=AUDIENCE_MAX,
            clicks=AUDIENCE_MAX,
        ),
        outcomes=pd.DataFrame(
            {
                "date": pd.to_datetime(["2026-03-31"]),
                "metric": ["leads"],
                "value": [AMOUNT_MAX],
                "person_id": ["001"],
            }
        ),
        goals=pd.DataFrame(
            {
                "metric": ["leads"],
                "target": [AMOUNT_MAX],
                "start": pd.to_datetime(["2026-01-01"]),
                "end": pd.to_datetime(["2026-12-31"]),
            }
        ),
        assumptions=pd.DataFrame(
            {"key": ["bonus.pool", "value_per.leads"], "value": ["1e12", "1e9"]}
        ),
    )
    result = upload.revalidate(extreme, "bounds.xlsx")
    assert result.report.errors == ()
    url = f"sqlite:///{tmp_path / 'scorecard.db'}"
    monkeypatch.setenv("SCORECARD_DATABASE_URL", url)
    Store(url).publish(result.dataset, uploader="t", file_name="bounds.xlsx", sha256="bounds")
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    for page in sorted(p.stem for p in (APP.parent / "pages").glob("*.py")):
        at.switch_page(f"pages/{page}.py").run()
        assert not at.exception, (page, [e.value for e in at.exception])
        assert not at.error, (page, [e.value for e in at.error])
    at.switch_page("pages/vision.py").run()
    # 1e12 shared and shown to the cent: $1,000,000,000,000.00 ("$" escaped for Markdown).
    assert {m.label: m.value for m in at.metric}["Pool"] == r"\$1,000,000,000,000.00"
