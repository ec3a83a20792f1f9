"""Ranks on the Scorecards page: among people with a value, and saying what they are of.

The three-person Ops company of tests/companies.py (``ops_trio``), last month (March):
Ada (C-suite) 1 post + 3 replies = 4 actions, dialogue 3/4 = 75%, 1 post with 0 engagements;
Ben (VP) 1 reply = 1 action, dialogue 1/1 = 100%, no post (engagement per post missing).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from scorecard.store import Store
from tests.companies import ops_trio

APP = Path(__file__).resolve().parent.parent / "app.py"
TIMEOUT = 180  # bounds a hang on a shared machine; not a speed assertion


@pytest.fixture
def ops_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, warm_server: None) -> Store:
    url = f"sqlite:///{tmp_path / 'scorecard.db'}"
    monkeypatch.setenv("SCORECARD_DATABASE_URL", url)
    store = Store(url)
    store.publish(ops_trio(), uploader="t", file_name="t.xlsx", sha256="ops-trio")
    return store


def test_card_ranks_say_what_they_are_of_and_skip_missing_values(ops_store: Store) -> None:
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    at.switch_page("pages/scorecards.py").run()
    at.sidebar.selectbox(key="sidebar_department").set_value("Ops").run()
    assert not at.exception, [e.value for e in at.exception]
    captions = [c.value for c in at.caption]
    # Actions: Ada 4 beats Ben 1; dialogue: Ben 100% beats Ada 75%. Both "of 2", among the
    # executives shown (C-suite and VP) of the department chosen.
    assert captions.count("1st of 2 among C-suite and VP in Ops") >= 2
    assert captions.count("2nd of 2 among C-suite and VP in Ops") >= 2
    # Engagement per post: only Ada has a value, so nobody is ranked on it ("1st of 1" would
    # rank nothing), and no rank ever counts a missing value ("of 3" does not appear).
    assert not any(" of 1 " in f"{c} " or " of 3 " in f"{c} " for c in captions)
