"""The Data page adds an upload to the current dataset: what it changes is shown before
anything is stored, and the history says how each version was made."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from scorecard.dataset import Dataset
from scorecard.store import Store
from scorecard.workbook import workbook_bytes

APP = Path(__file__).resolve().parent.parent / "app.py"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TIMEOUT = 180  # bounds a hang on a shared machine; not a speed assertion

PEOPLE = pd.DataFrame(
    {
        "person_id": ["001", "002", "003"],
        "name": ["Ada", "Ben", "Cy"],
        "department": ["Ops"] * 3,
        "manager_id": [None, "001", "002"],
        "tier": ["C-suite", "VP", "Staff"],
    }
)


def activity(*rows: tuple[str, str, str, int]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["date", "person_id", "action", "count"])
    frame["date"] = pd.to_datetime(frame["date"])
    frame["channel"] = "LinkedIn"
    return frame


#: January: Cy shares once; March: Ada posts on 2 Mar, replies 3 times on 31 Mar; Ben replies
#: on 10 Mar.
QUARTER = Dataset.from_frames(
    people=PEOPLE,
    activity=activity(
        ("2026-01-15", "003", "share", 1),
        ("2026-03-02", "001", "post", 1),
        ("2026-03-31", "001", "reply", 3),
        ("2026-03-10", "002", "reply", 1),
    ),
)
#: Late March again: Cy posts on 20 Mar; Ada's 31 Mar replies were 5, not 3.
LATE_MARCH = Dataset.from_frames(
    people=PEOPLE,
    activity=activity(("2026-03-20", "003", "post", 1), ("2026-03-31", "001", "reply", 5)),
)


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, warm_server: None) -> Store:
    url = f"sqlite:///{tmp_path / 'scorecard.db'}"
    monkeypatch.setenv("SCORECARD_DATABASE_URL", url)
    store = Store(url)
    store.publish(QUARTER, uploader="Mia", file_name="q1.xlsx", sha256="q1")
    return store


def upload(at: AppTest) -> AppTest:
    data = workbook_bytes(LATE_MARCH)
    return at.file_uploader(key="data_files").set_value(("late march.xlsx", data, XLSX)).run()


def test_adding_late_march_shows_the_change_first_then_stores_only_it(store: Store) -> None:
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    at.switch_page("pages/data.py").run()
    upload(at)
    assert not at.exception
    # The upload's range is 20-31 March: the 31 March row is replaced (3 → 5), 20 March added;
    # 2 and 10 March are outside the range and kept. People are the same rows.
    said = [m.value for m in at.markdown if "changes:" in m.value]
    assert said and "activity 1 added, 1 replaced in 2026\\-03" in said[0]
    assert [v.version for v in store.versions()] == [1]  # nothing stored yet
    add = at.button(key="data_merge")
    assert add.proto.type == "primary"  # dates inside the current months: adding is suggested
    add.click().run()
    assert not at.exception
    assert "Merged into version 2" in at.success[0].value
    current = store.current()
    assert (current.version, current.how) == (2, "merge")
    march = store.load(2).activity
    # 1 (2 Mar) + 1 (10 Mar) + 1 (20 Mar) + 5 (31 Mar) = 8 actions in March; January's 1 kept.
    assert march["count"].sum() == 9
    history = next(d.value for d in at.dataframe if "what changed" in d.value.columns)
    assert history[["version", "how", "what changed"]].values.tolist()[0] == [
        2,
        "merge",
        "activity 1 added, 1 replaced in 2026-03",
    ]

    upload(at)  # the same file again
    assert any("already holds every row" in i.value for i in at.info)
    assert at.button(key="data_merge").disabled
    assert [v.version for v in store.versions()] == [2, 1]


def test_a_months_activity_csv_alone_is_added_with_the_current_people(store: Store) -> None:
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    at.switch_page("pages/data.py").run()
    csv = b"date,person_id,channel,action,count\n2026-04-02,002,LinkedIn,post,2\n"
    at.file_uploader(key="data_files").set_value(("activity.csv", csv, "text/csv")).run()
    assert not at.exception and not at.error  # no "No people table was found"
    said = [m.value for m in at.markdown if "changes:" in m.value]
    assert said and "activity 1 added in 2026\\-04" in said[0]
    add = at.button(key="data_merge")
    assert add.proto.type == "primary"  # some tables only: adding is suggested
    add.click().run()
    data = store.load(2)
    # The quarter's 4 rows kept, Ben's 2 posts of 2 April added; the people unchanged.
    assert len(data.activity) == 5 and data.activity["count"].sum() == 1 + 1 + 3 + 1 + 2
    assert data.people["person_id"].tolist() == ["001", "002", "003"]
