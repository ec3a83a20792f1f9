"""A shared deployment on a real PostgreSQL (started by conftest.postgres_server): two app
processes on one database see each other's versions at their next rerun; the URL forms an
operator types work. The store's own tests run on PostgreSQL too (conftest.store_url)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from scorecard.dataset import Dataset
from scorecard.store import Store

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
TIMEOUT = 180  # bounds a hang on a shared machine; not a speed assertion

#: The second app process: the Data page's History tab makes ``version`` current (a rollback,
#: stored as a new version), then prints what its sidebar shows. Runs as a warm server does.
OTHER_APP = r"""
import json, sys
from streamlit.testing.v1 import AppTest
from scorecard.ui.legacy import start_warm

start_warm()
at = AppTest.from_file(sys.argv[1], default_timeout=180).run()
at.switch_page("pages/data.py").run()
dataset = lambda: next(m.value for m in at.sidebar.markdown if "Dataset:" in m.value)
before = dataset()
at.selectbox(key="data_version").set_value(int(sys.argv[2]))
at.button(key="data_make_current").click().run()
print(json.dumps({"before": before, "after": dataset(),
                  "errors": [e.value for e in [*at.error, *at.exception]]}))
"""


def posts(count: int) -> Dataset:
    """Ada (id "007") posting on 2 and 3 March 2026, ``count`` each time."""
    return Dataset.from_frames(
        people=pd.DataFrame({"person_id": ["007"], "name": ["Ada"], "department": ["Ops"]}),
        activity=pd.DataFrame(
            {
                "date": pd.to_datetime(["2026-03-02", "2026-03-03"]),
                "person_id": ["007", "007"],
                "channel": ["LinkedIn"] * 2,
                "action": ["post"] * 2,
                "count": [count, count],
            }
        ),
    )


def other_app(url: str, version: int) -> dict:
    env = dict(os.environ, SCORECARD_DATABASE_URL=url, PYTHONPATH=str(ROOT))
    run = subprocess.run(
        [sys.executable, "-c", OTHER_APP, str(APP), str(version)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    return json.loads(run.stdout.strip().splitlines()[-1])


def sidebar_dataset(at: AppTest) -> str:
    """The sidebar's line naming the dataset shown."""
    return next(m.value for m in at.sidebar.markdown if m.value.startswith("**Dataset:**"))


def test_two_app_processes_on_one_postgresql_see_each_others_versions_at_the_next_rerun(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch, warm_server: None
) -> None:
    store = Store(postgres_url)
    store.publish(posts(1), uploader="Mia", file_name="one.xlsx", sha256="1" * 64)
    store.publish(posts(2), uploader="Mia", file_name="two.xlsx", sha256="2" * 64)
    monkeypatch.setenv("SCORECARD_DATABASE_URL", postgres_url)
    here = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    here.switch_page("pages/data.py").run()
    assert sidebar_dataset(here) == "**Dataset:** Version 2"

    # The other process makes version 1 current again: stored as version 3 (a rollback).
    shown = other_app(postgres_url, 1)
    assert shown == {
        "before": "**Dataset:** Version 2",
        "after": "**Dataset:** Version 3",
        "errors": [],
    }
    here.run()  # this process's next rerun shows it, with version 1's rows (count 1)
    assert not here.exception and sidebar_dataset(here) == "**Dataset:** Version 3"
    history = next(d.value for d in here.dataframe if "current" in d.value.columns)
    assert history.loc[history["current"], "version"].tolist() == [3]
    assert store.load(3).activity["count"].tolist() == [1, 1]

    # And back: this process makes version 2 current (version 4); the other one sees it.
    here.selectbox(key="data_version").set_value(2)
    here.button(key="data_make_current").click().run()
    assert not here.exception and sidebar_dataset(here) == "**Dataset:** Version 4"
    assert other_app(postgres_url, 4)["before"] == "**Dataset:** Version 4"
    assert store.load(4).activity["count"].tolist() == [2, 2]
    store.engine.dispose()


def test_a_plain_postgresql_url_uses_the_installed_driver(postgres_url: str) -> None:
    # Operators write postgresql:// or postgres:// (Heroku); both mean psycopg, shipped with
    # the app, not psycopg2 (SQLAlchemy's default, not installed).
    for scheme in ("postgresql://", "postgres://"):
        url = postgres_url.replace("postgresql+psycopg://", scheme)
        store = Store(url)
        assert store.engine.dialect.driver == "psycopg"
        assert store.versions() == []
        store.engine.dispose()
