"""Storage faults as an operator meets them, each ending in one sentence in the app and the CLI
(never a traceback, never SQL or its parameters, never a password) and never damaging the last
good version: a malformed, in-memory, driverless, foreign or unreachable database URL; a
corrupted or truncated database file; a full disk; a read-only file; an unwritable folder."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

import scorecard.db
from scorecard.cli import EXIT_STORAGE, main
from scorecard.dataset import Dataset
from scorecard.storage_errors import StoreError
from scorecard.store import Store

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
TIMEOUT = 180  # bounds a hang on a shared machine; not a speed assertion
#: What must never reach a user: a traceback, SQL, its parameters, the URL's password.
LEAKS = ("Traceback", "SELECT", "INSERT", "[SQL", "[parameters", "sqlalche.me", "secret")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def assert_one_sentence(text: str, expected: str) -> None:
    """``text`` is one line holding ``expected`` and none of :data:`LEAKS`."""
    text = text.replace("\\", "").replace("\u2060", "")  # the app's Markdown escapes
    assert expected in text, text
    assert "\n" not in text.strip(), text
    for leak in LEAKS:
        assert leak not in text, text


def dataset(rows: int, count: int = 1) -> Dataset:
    """One person (id "007") posting ``rows`` times, one post an hour from 1 January 2026."""
    return Dataset.from_frames(
        people=pd.DataFrame({"person_id": ["007"], "name": ["Ada"], "department": ["Ops"]}),
        activity=pd.DataFrame(
            {
                "date": pd.date_range("2026-01-01", periods=rows, freq="h"),
                "person_id": ["007"] * rows,
                "channel": ["LinkedIn"] * rows,
                "action": ["post"] * rows,
                "count": [count] * rows,
                "minutes": [float(i % 97) for i in range(rows)],
            }
        ),
    )


def good_database(folder: Path, versions: int = 1) -> tuple[str, Path]:
    """A SQLite store with ``versions`` versions, version k holding 20 posts of count k, the
    last one current: its URL and file."""
    path = folder / "scorecard.db"
    store = Store(f"sqlite:///{path}")
    for k in range(1, versions + 1):
        store.publish(dataset(20, k), uploader="Mia", file_name="good.xlsx", sha256=str(k) * 64)
    store.engine.dispose()
    return f"sqlite:///{path}", path


def assert_version_one_intact(url: str, versions: int = 1) -> None:
    """The store still has exactly its ``versions`` versions, the last current and whole."""
    store = Store(url)
    assert [v.version for v in store.versions()] == list(range(versions, 0, -1))
    assert store.current().version == versions
    pd.testing.assert_frame_equal(store.load(versions).activity, dataset(20, versions).activity)
    store.engine.dispose()


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.err


def app_errors(url: str, monkeypatch: pytest.MonkeyPatch, page: str | None = None) -> list[str]:
    """The errors the app shows on its first page (or on ``page``) with the store at ``url``."""
    monkeypatch.setenv("SCORECARD_DATABASE_URL", url)
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    if page is not None:
        at.switch_page(f"pages/{page}.py").run()
        # The Data page runs on after the sidebar's message: the upload is still offered.
        assert at.get_by_key("data_files") is not None
    assert not at.exception, [e.value for e in at.exception]
    return [e.value for e in at.error]


# -- URLs ----------------------------------------------------------------------------------------
URL_FAULTS = {
    "malformed": ("postgresql//ana:secret@db.example.com/scorecard", "is not a database URL"),
    "in memory": ("sqlite:///:memory:", "in-memory SQLite database, which keeps nothing"),
    "in memory, no path": ("sqlite://", "keeps nothing"),
    "driver missing": (
        "postgresql+psycopg2://ana:secret@127.0.0.1/scorecard",
        "driver psycopg2, which is not installed",
    ),
    "another database": (
        "mysql+pymysql://ana:secret@127.0.0.1/scorecard",
        "SQLite or PostgreSQL only",
    ),
    "unreachable": (
        "postgresql+psycopg://ana:secret@127.0.0.1:{port}/scorecard",
        "on 127.0.0.1:{port} cannot be reached",
    ),
}


@pytest.mark.parametrize("fault", list(URL_FAULTS))
def test_a_bad_url_is_one_sentence_in_the_cli_and_the_app(
    fault: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    warm_server: None,
) -> None:
    port = free_port()  # nothing listens there: connecting is refused at once
    url, expected = (s.format(port=port) for s in URL_FAULTS[fault])
    with pytest.raises(StoreError) as raised:
        Store(url)
    assert_one_sentence(str(raised.value), expected)

    monkeypatch.setenv("SCORECARD_DATABASE_URL", url)
    for argv in (["versions"], ["report", "--format", "json"]):
        code, err = cli(capsys, *argv)
        assert code == EXIT_STORAGE
        assert_one_sentence(err, expected)

    for page in (None, "data"):  # the frame's message, on the first page and the Data page
        errors = app_errors(url, monkeypatch, page)
        assert len(errors) == 1
        assert_one_sentence(errors[0], expected)


# -- damaged files -------------------------------------------------------------------------------
def corrupt_header(path: Path) -> None:
    with path.open("r+b") as handle:
        handle.write(b"this is no SQLite header at all!")


def truncate_half(path: Path) -> None:
    os.truncate(path, path.stat().st_size // 2)


def garble_middle(path: Path) -> None:
    """Overwrite pages 3-5 (of 4096 bytes) with noise: the header still reads."""
    with path.open("r+b") as handle:
        handle.seek(3 * 4096)
        handle.write(bytes(range(256)) * 48)


@pytest.mark.parametrize("damage", [corrupt_header, truncate_half, garble_middle])
def test_a_damaged_database_file_is_said_and_left_as_it_is(
    damage,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    warm_server: None,
) -> None:
    url, path = good_database(tmp_path)
    damage(path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    expected = f"The database file {path} is damaged"

    monkeypatch.setenv("SCORECARD_DATABASE_URL", url)
    code, err = cli(capsys, "report", "--format", "json")
    assert code == EXIT_STORAGE
    assert_one_sentence(err, expected)
    errors = app_errors(url, monkeypatch)
    assert errors and all(expected in e.replace("\\", "") for e in errors)
    for error in errors:
        assert_one_sentence(error, expected)
    # Nothing wrote over it (no fresh database in its place, no "repair").
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


# -- a full disk ---------------------------------------------------------------------------------
def disk_full_at_current_size(monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite connections opened from now on may not grow the file: ``PRAGMA max_page_count``
    at its present size answers "database or disk is full", as a full disk does."""
    real = scorecard.db._sqlite_connect

    def limited(dbapi_connection, record) -> None:
        real(dbapi_connection, record)
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count={pages}")

    monkeypatch.setattr(scorecard.db, "_sqlite_connect", limited)


def test_a_full_disk_stores_nothing_and_keeps_the_current_version(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url, path = good_database(tmp_path)
    expected = f"The disk holding the database file {path} is full"
    disk_full_at_current_size(monkeypatch)
    store = Store(url)
    with pytest.raises(StoreError) as raised:
        store.publish(dataset(5_000, 2), uploader="Raj", file_name="big.xlsx", sha256="9" * 64)
    assert_one_sentence(str(raised.value), expected)
    store.engine.dispose()

    # The CLI's publish: the same sentence, exit 3.
    people, activity = tmp_path / "people.csv", tmp_path / "activity.csv"
    dataset(5_000, 3).people.to_csv(people, index=False)
    dataset(5_000, 3).activity.to_csv(activity, index=False)
    monkeypatch.setenv("SCORECARD_DATABASE_URL", url)
    code, err = cli(capsys, "publish", str(people), str(activity), "--by", "Raj")
    assert code == EXIT_STORAGE
    assert_one_sentence(err, expected)
    monkeypatch.undo()
    assert_version_one_intact(url)


# -- permissions ---------------------------------------------------------------------------------
def unprivileged() -> list[str]:
    """A command prefix that makes file permissions count: root (as in CI) ignores them, so it
    runs without the capabilities that override them; anyone else needs nothing."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: file permissions cannot be tested")
    caps = "-dac_override,-dac_read_search"
    return ["setpriv", f"--bounding-set={caps}", f"--inh-caps={caps}"]


#: The Data page, History tab, "Make current" on version 1 (a write); prints the page's errors
#: and exceptions as JSON. Runs as app.py runs on a warm server (see conftest.warm_server).
APP_ROLLBACK = r"""
import json, sys
from streamlit.testing.v1 import AppTest
from scorecard.ui.legacy import start_warm

start_warm()
at = AppTest.from_file(sys.argv[1], default_timeout=180).run()
at.switch_page("pages/data.py").run()
at.selectbox(key="data_version").set_value(1)
at.button(key="data_make_current").click().run()
print(json.dumps({"errors": [e.value for e in at.error],
                  "exceptions": [e.value for e in at.exception],
                  "sidebar": [m.value for m in at.sidebar.markdown]}))
"""


def run_unprivileged(url: str, *argv: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, SCORECARD_DATABASE_URL=url, PYTHONPATH=str(ROOT))
    return subprocess.run(
        [*unprivileged(), sys.executable, *argv],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )


def read_only_file(path: Path) -> None:
    path.chmod(0o444)


def read_only_folder(path: Path) -> None:
    path.parent.chmod(0o555)


@pytest.mark.parametrize(
    ("lock", "expected"),
    [
        (read_only_file, "The database file {path} is read-only"),
        (read_only_folder, "The folder {folder} cannot be written"),
    ],
)
def test_a_read_only_file_or_folder_refuses_writes_and_still_shows_the_current_version(
    lock,
    expected: str,
    tmp_path: Path,
) -> None:
    url, path = good_database(tmp_path / "data", versions=2)  # the app rolls back to 1
    expected = expected.format(path=path, folder=path.parent)
    people, activity = tmp_path / "people.csv", tmp_path / "activity.csv"
    dataset(30, 2).people.to_csv(people, index=False)
    dataset(30, 2).activity.to_csv(activity, index=False)
    lock(path)
    try:
        cli_run = run_unprivileged(
            url, "-m", "scorecard", "publish", str(people), str(activity), "--by", "Raj"
        )
        assert cli_run.returncode == EXIT_STORAGE, cli_run.stderr
        assert_one_sentence(cli_run.stderr.strip(), expected)
        assert "Published" not in cli_run.stdout

        app_run = run_unprivileged(url, "-c", APP_ROLLBACK, str(APP))
        assert app_run.returncode == 0, app_run.stderr[-2000:]
        shown = json.loads(app_run.stdout.strip().splitlines()[-1])
        assert shown["exceptions"] == []
        assert len(shown["errors"]) == 1
        assert_one_sentence(shown["errors"][0], expected)
        # Reading still works: the sidebar shows version 2.
        assert "**Dataset:** Version 2" in shown["sidebar"]
    finally:
        path.chmod(0o644)
        path.parent.chmod(0o755)
    assert_version_one_intact(url, versions=2)


def test_a_database_in_a_folder_that_cannot_be_created_is_one_sentence(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o555)
    url = f"sqlite:///{locked / 'data' / 'scorecard.db'}"
    try:
        run = run_unprivileged(url, "-m", "scorecard", "versions")
    finally:
        locked.chmod(0o755)
    assert run.returncode == EXIT_STORAGE, run.stderr
    assert_one_sentence(
        run.stderr.strip(),
        f"The folder {locked / 'data'} for the database cannot be created or written",
    )


# -- a busy database ------------------------------------------------------------------------------
@pytest.fixture
def impatient(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Stores made from now on wait 0.2 s for a lock and pause (recorded, not slept) between
    their attempts; the pauses are returned."""
    pauses: list[float] = []
    monkeypatch.setattr(scorecard.db, "BUSY_TIMEOUT_S", 0.2)
    monkeypatch.setattr(scorecard.db.time, "sleep", pauses.append)
    return pauses


def hold_write_lock(path: Path) -> sqlite3.Connection:
    """Another process's publish in progress: a connection holding SQLite's write lock."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    return other


def test_a_database_busy_for_too_long_says_try_again_and_keeps_the_current_version(
    tmp_path: Path,
    impatient: list[float],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url, path = good_database(tmp_path)
    store = Store(url)
    other = hold_write_lock(path)
    try:
        with pytest.raises(StoreError) as raised:
            store.publish(dataset(30, 2), uploader="Raj", file_name="b.xlsx", sha256="9" * 64)
        # Every attempt waited for the lock, then paused before the next (ATTEMPTS - 1 pauses).
        assert len(impatient) == scorecard.db.ATTEMPTS - 1
        assert_one_sentence(str(raised.value), "is busy with other publishes")
        assert str(raised.value).endswith("Try again in a minute.")
        monkeypatch.setenv("SCORECARD_DATABASE_URL", url)
        code, err = cli(capsys, "versions")  # reading waits for no lock: it still works
        assert (code, err) == (0, "")
    finally:
        other.rollback()
        other.close()
    store.engine.dispose()
    assert_version_one_intact(url)


def test_a_publish_that_finds_the_database_busy_retries_and_lands(
    tmp_path: Path, impatient: list[float], monkeypatch: pytest.MonkeyPatch
) -> None:
    url, path = good_database(tmp_path)
    store = Store(url)
    other = hold_write_lock(path)

    def the_other_publish_ends(seconds: float) -> None:  # during the first pause
        impatient.append(seconds)
        other.rollback()

    monkeypatch.setattr(scorecard.db.time, "sleep", the_other_publish_ends)
    result = store.publish(dataset(30, 2), uploader="Raj", file_name="b.xlsx", sha256="9" * 64)
    other.close()
    assert len(impatient) == 1  # one attempt failed, the second landed
    assert (result.info.version, store.current().version) == (2, 2)
    store.engine.dispose()
