"""The bounded worker: uploads are read in a child process with a memory and a time limit.

Hostile files go through the same path the Data page and the CLI take (``run_ingest``, and
``python -m scorecard`` in a subprocess); the guards are switched off (huge ``Limits``) where a
test needs a file to reach the worker's own limits.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from scorecard.ingest import load_uploads
from scorecard.ingest.raw import Limits, Upload
from scorecard.ingest.worker import WorkerLimits, limits_problem, run_ingest
from scorecard.terminal import printable
from tests.fixtures import hostile

ROOT = Path(__file__).resolve().parent.parent
#: Guards that let every file through, so that it meets the worker's limits instead.
NO_GUARDS = Limits(max_columns=10**9, max_sheet_cells=10**15, min_cell_budget=10**15)
SPLIT_FIX = (
    "Split the data into smaller files (for example one per table or per quarter) and "
    "remove empty rows, columns and sheets, or ask your administrator to raise {}."
)


def worker_children() -> list[int]:
    """Processes of this test run that are (or were, unreaped) a reading worker."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            command = (entry / "cmdline").read_bytes()
        except (OSError, IndexError, ValueError):
            continue
        if parent == os.getpid() and b"scorecard.ingest.worker" in command:
            found.append(int(entry.name))
    return found


def only_error(result) -> tuple[str, str, str]:
    assert result.dataset is None
    (problem,) = result.report.problems
    assert problem.severity == "error"
    return problem.code, problem.message, problem.fix


def test_a_valid_file_reads_the_same_in_the_worker_as_in_process():
    upload = Upload("march.xlsx", hostile.company_xlsx())
    inside = run_ingest([upload], worker=WorkerLimits(2048, 120))
    here = load_uploads([upload])
    assert inside.report == here.report and inside.report.ok
    assert (inside.file_name, inside.sha256) == (here.file_name, here.sha256)
    assert inside.dataset is not None
    # people 007 and 012 ("007" stays text), 1 post + 4 replies = 5 actions in two rows
    assert inside.dataset.people["person_id"].tolist() == ["007", "012"]
    assert inside.dataset.activity["count"].sum() == 5
    assert worker_children() == []  # the child exited and was reaped: nothing of it is left


def test_each_hostile_file_is_refused_by_a_guard_inside_the_worker():
    files = {
        "far.xlsx": (hostile.far_cell_without_dimension_xlsx(), "sheet_extent_impossible"),
        "bomb.ods": (hostile.ods_bomb(), "sheet_extent_impossible"),
        "loop.xls": (hostile.looping_xls(), "malformed_container"),
        "wide.xlsx": (hostile.wide_xlsx(16_384, 3), "sheet_too_wide"),
        "strings.xlsx": (hostile.big_shared_strings_xlsx(10, 4_000_000_000), "malformed_container"),
    }
    uploads = [Upload(name, data) for name, (data, _) in files.items()]
    result = run_ingest(uploads, worker=WorkerLimits(1024, 60))
    assert result.dataset is None
    found = [(p.sheet, p.code) for p in result.report.problems]
    assert found == [(name, code) for name, (_, code) in files.items()]
    assert all(f"'{p.sheet}'" in p.message for p in result.report.problems)


@pytest.mark.parametrize(
    "name, build",
    [
        ("far.xlsx", hostile.far_cell_without_dimension_xlsx),  # calamine asks for 549 GB: abort
        ("bomb.ods", hostile.ods_bomb),  # 98M cells: grows until the limit
    ],
)  # (the looping .xls has no guard to switch off: by hand, calamine aborts at the limit too)
def test_past_the_guards_the_memory_limit_stops_the_reader(name, build):
    result = run_ingest([Upload(name, build())], NO_GUARDS, worker=WorkerLimits(768, 60))
    assert only_error(result) == (
        "worker_memory",
        (
            f"'{name}' needs more than 768 MB of memory to read (the limit, "
            "SCORECARD_WORKER_MEMORY_MB), so it was not read and the current dataset is unchanged."
        ),
        SPLIT_FIX.format("SCORECARD_WORKER_MEMORY_MB"),
    )


def test_past_the_guards_the_time_limit_stops_the_reader(monkeypatch):
    # 16,384 columns × 20 rows: validating its headers alone takes seconds, not half of one.
    monkeypatch.setenv("SCORECARD_WORKER_SECONDS", "0.5")
    result = run_ingest([Upload("wide.xlsx", hostile.wide_xlsx(16_384, 20))], NO_GUARDS)
    assert only_error(result) == (
        "worker_timeout",
        (
            "'wide.xlsx' took longer than 0.5 seconds to read (the limit, SCORECARD_WORKER_SECONDS), "
            "so it was not read and the current dataset is unchanged."
        ),
        SPLIT_FIX.format("SCORECARD_WORKER_SECONDS"),
    )
    assert worker_children() == []  # the child exited and was reaped: nothing of it is left


def test_the_memory_limit_comes_from_the_environment(monkeypatch):
    # 100 MB is below what the child already maps (Python, pandas, calamine): the first
    # allocation of the read fails.
    monkeypatch.setenv("SCORECARD_WORKER_MEMORY_MB", "100")
    result = run_ingest(
        [Upload("a.xlsx", hostile.company_xlsx()), Upload("b.csv", b"person_id,name\n1,A\n")]
    )
    code, message, _ = only_error(result)
    assert (code, message) == (
        "worker_memory",
        (
            "The files 'a.xlsx', 'b.csv' need more than 100 MB of memory to read (the limit, "
            "SCORECARD_WORKER_MEMORY_MB), so they were not read and the current dataset is "
            "unchanged."
        ),
    )
    assert result.file_name == "a.xlsx, b.csv"


@pytest.mark.parametrize(
    "outcome, exitcode, code",
    [
        (None, -signal.SIGKILL, "worker_memory"),  # the kernel's OOM killer
        (None, -signal.SIGABRT, "worker_memory"),  # a Rust allocation failure
        (None, -signal.SIGSEGV, "worker_memory"),
        (("memory", None), 0, "worker_memory"),
        (None, 75, "worker_memory"),  # out of memory while saying so
        (("timeout", None), -signal.SIGKILL, "worker_timeout"),  # killed because of the timeout
        (None, 1, "worker_crash"),
        (("crash", "ValueError('x')"), 0, "worker_crash"),
    ],
)
def test_every_way_a_child_ends_maps_to_one_sentence(outcome, exitcode, code):
    problem = limits_problem([Upload("f.xlsx", b"")], WorkerLimits(2048, 120), outcome, exitcode)
    assert problem.code == code and problem.severity == "error" and problem.sheet == "f.xlsx"
    if code == "worker_crash":
        assert problem.message == (
            "'f.xlsx' made the reader stop unexpectedly, so it was not "
            "read and the current dataset is unchanged."
        )
        assert problem.value == ("ValueError('x')" if outcome else "exit code 1")
    if code == "worker_memory":
        assert problem.message.startswith("'f.xlsx' needs more than 2 GB of memory to read")


def test_worker_limits_from_the_environment(monkeypatch):
    assert WorkerLimits.from_env() == WorkerLimits(2048, 120.0)
    monkeypatch.setenv("SCORECARD_WORKER_MEMORY_MB", "512")
    monkeypatch.setenv("SCORECARD_WORKER_SECONDS", "30")
    assert WorkerLimits.from_env() == WorkerLimits(512, 30.0)
    assert WorkerLimits(512).memory_text == "512 MB" and WorkerLimits(3072).memory_text == "3 GB"


def test_printable_shows_control_characters_escaped():
    assert printable("Mia") == "Mia"
    assert printable("a\x1b]0;pwned\x07b") == "a\\x1b]0;pwned\\x07b"
    assert printable("x\u202eslx.exe\r") == "x\\u202eslx.exe\\x0d"
    assert printable("line 1\n\tline 2") == "line 1\n\tline 2"  # the CLI's own layout stays


def cli(*args: str, db: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "SCORECARD_DATABASE_URL": f"sqlite:///{db}", **env}
    return subprocess.run(
        [sys.executable, "-m", "scorecard", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_cli_refuses_every_hostile_file_with_its_sentence(tmp_path):
    files = {
        "far.xlsx": hostile.far_cell_without_dimension_xlsx(),
        "bomb.ods": hostile.ods_bomb(),
        "loop.xls": hostile.looping_xls(),
        "wide.xlsx": hostile.wide_xlsx(16_384, 3),
        "evil\x1b]0;pwned\x07.csv": hostile.oversized_csv(1_000_000),
    }
    paths = []
    for name, data in files.items():
        paths.append(tmp_path / name)
        paths[-1].write_bytes(data)
    done = cli("validate", *map(str, paths), db=tmp_path / "cli.db", SCORECARD_MAX_UPLOAD_MB="1")
    assert done.returncode == 1, done.stderr
    errors = [line for line in done.stdout.splitlines() if line.startswith("ERROR ")]
    assert len(errors) == 5 and "Traceback" not in done.stderr
    text = done.stdout
    assert "The sheet 'people' in 'far.xlsx' says it reaches cell XFD1048576" in text
    assert "The sheet 'people' in 'bomb.ods' says it reaches cell XFD6000" in text
    assert "The file 'loop.xls' was not opened: a chain of its FAT" in text
    assert "The sheet 'people' in 'wide.xlsx' is 16,384 columns wide" in text
    # the name's escape sequence is shown, never sent to the terminal
    assert (
        "The file 'evil\\x1b]0;pwned\\x07.csv' is 1.0 MB, so it was not read. Files up to "
        "1 MB are accepted."
    ) in text
    assert "\x1b" not in done.stdout + done.stderr and "\x07" not in done.stdout + done.stderr


def test_a_hostile_publish_leaves_the_current_version(tmp_path):
    from scorecard.store import Store

    db = tmp_path / "cli.db"
    store = Store(f"sqlite:///{db}")
    good = load_uploads([Upload("march.xlsx", hostile.company_xlsx())])
    store.publish(
        good.dataset,
        uploader="Mia",
        file_name=good.file_name,
        sha256=good.sha256,
        report=good.report,
    )
    bad = tmp_path / "april.xlsx"
    bad.write_bytes(hostile.company_xlsx())
    # The publish dies of its memory limit (100 MB, below what the child maps from the start).
    done = cli("publish", str(bad), "--by", "Raj", db=db, SCORECARD_WORKER_MEMORY_MB="100")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stdout.splitlines() == [
        "ERROR sheet 'april.xlsx': 'april.xlsx' needs more than 100 MB of memory to read (the "
        "limit, SCORECARD_WORKER_MEMORY_MB), so it was not read and the current dataset is "
        "unchanged. Fix: " + SPLIT_FIX.format("SCORECARD_WORKER_MEMORY_MB"),
        "1 error, 0 warnings.",
        "Nothing was published: fix the errors above and try again.",
    ]
    versions = Store(f"sqlite:///{db}").versions()
    assert [(v.version, v.is_current, v.file_name) for v in versions] == [(1, True, "march.xlsx")]


def test_the_data_page_reads_uploads_in_the_worker_and_says_its_sentence(
    tmp_path, monkeypatch, warm_server
):
    from streamlit.testing.v1 import AppTest

    from scorecard.store import Store

    url = f"sqlite:///{tmp_path / 'app.db'}"
    monkeypatch.setenv("SCORECARD_DATABASE_URL", url)
    monkeypatch.setenv("SCORECARD_WORKER_MEMORY_MB", "100")  # below what the child maps
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180).run()
    at.switch_page("pages/data.py").run()
    assert "Files up to 50 MB are accepted." in [c.value for c in at.caption]
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    at.file_uploader(key="data_files").set_value(
        ("memory test.xlsx", hostile.company_xlsx(), xlsx)
    ).run()
    assert not at.exception
    shown = [e.value.replace("\\", "") for e in at.error]  # user text is Markdown-escaped
    assert shown[0].startswith("1 error, 0 warnings.")
    assert shown[1] == (
        "'memory test.xlsx' needs more than 100 MB of memory to read (the limit, "
        "SCORECARD_WORKER_MEMORY_MB), so it was not read and the current dataset is unchanged. "
        + SPLIT_FIX.format("SCORECARD_WORKER_MEMORY_MB")
    )
    assert Store(url).versions() == []
