"""Fixtures shared by the test modules (tests never import one another)."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: Debian's Chromium (never `playwright install`); browser tests skip without it.
CHROMIUM = Path("/usr/bin/chromium")
#: Without the networking flags Chromium keeps trying hosts this machine cannot reach.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
BROWSER_WAIT_MS = 120_000  # bounds a hang on a shared machine; not a speed assertion


@pytest.fixture
def warm_server(monkeypatch: pytest.MonkeyPatch) -> None:
    """AppTest runs as a warm server does: with app.py's st.navigation, not the legacy pages/
    mode a fresh process starts in (whose way out, a rerun, drops the clicks of that run)."""
    from streamlit.runtime.pages_manager import PagesManager

    original = PagesManager.__init__

    def init(self: PagesManager, *args: object, **kwargs: object) -> None:
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def running_app(folder: Path) -> Iterator[str]:
    """`streamlit run app.py` on a free port with an empty store in ``folder``; its base URL.
    The server is stopped (by its process id) when the block ends."""
    import os
    import socket
    import subprocess
    import sys
    import time

    port = free_port()
    env = dict(os.environ, SCORECARD_DATABASE_URL=f"sqlite:///{folder / 'scorecard.db'}")
    log = (folder / "server.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
         "--server.port", str(port), "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + BROWSER_WAIT_MS / 1000
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError((folder / "server.log").read_text()) from None
                time.sleep(0.2)
        yield f"http://localhost:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def settle(page: object, text: str) -> None:
    """Wait for ``text``, for the script run to finish and for every chart to be drawn
    (``page`` is a Playwright page)."""
    page.get_by_text(text).first.wait_for()  # type: ignore[attr-defined]
    page.wait_for_function(  # type: ignore[attr-defined]
        "() => document.querySelector('[data-testid=stApp]')"
        "?.getAttribute('data-test-script-state') === 'notRunning'")
    page.wait_for_function(  # type: ignore[attr-defined]
        "() => !document.querySelector('[data-testid=stSkeleton], "
        "[data-testid=stSkeletonElement]')")
    page.wait_for_function(  # type: ignore[attr-defined]
        "() => [...document.querySelectorAll("
        "'[data-testid=stVegaLiteChart], [data-testid=stMetricChart]')]"
        ".every(c => c.querySelector('canvas, svg'))")


@pytest.fixture(scope="module")
def chromium() -> Iterator[object]:
    """Debian's Chromium through Playwright, one per module; skips (or fails when
    SCORECARD_REQUIRE_BROWSER=1, as in CI) without /usr/bin/chromium."""
    import os

    if not CHROMIUM.exists():
        if os.environ.get("SCORECARD_REQUIRE_BROWSER") == "1":
            pytest.fail("SCORECARD_REQUIRE_BROWSER=1 but /usr/bin/chromium is missing "
                        "(apt-get install -y chromium)", pytrace=False)
        pytest.skip("no /usr/bin/chromium: `apt-get install -y chromium` to run the browser "
                    "tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def one_post_activity_csv(tmp_path: Path) -> Path:
    """A template ``activity.csv`` with one post of person 1001 (Northwind Trails' CEO), for
    uploads that need an activity table beside the exports under test."""
    path = tmp_path / "activity.csv"
    path.write_text("date,person_id,channel,action,count\n2026-03-02,1001,LinkedIn,post,1\n",
                    encoding="utf-8")
    return path


@pytest.fixture
def raw_table():
    """Builds a raw table as a reader hands it over: ``raw_table(table, headers, *rows)`` with
    object cells and Excel row numbers from 2 (``sheet=`` names the sheet, default the table)."""
    import numpy as np
    import pandas as pd

    from scorecard.ingest import RawTable

    def build(table: str, headers: list[str], *rows: list[object],
              sheet: str | None = None) -> RawTable:
        columns = tuple(pd.Series([r[i] for r in rows], dtype=object)
                        for i in range(len(headers)))
        return RawTable(table, sheet or table, tuple(headers), columns,
                        np.arange(2, 2 + len(rows), dtype=np.int64))

    return build


if TYPE_CHECKING:
    from scorecard.dataset import Dataset

#: Markup a name could carry: bold, a script link, an image from another host, LaTeX, HTML.
PAYLOADS = ("**b**", "[x](javascript:alert(1))", "![x](http://127.0.0.1:9/x.png)", "$x^2$",
            "<img src=x onerror=alert(1)>")


@pytest.fixture
def payloads() -> tuple[str, ...]:
    return PAYLOADS


@pytest.fixture
def payload_dataset() -> "Dataset":
    """Five people, each field a payload; one reporting chain; everyone posts in March; two
    goals whose metric and department are payloads; a currency symbol that is one too."""
    import pandas as pd

    from scorecard.dataset import Dataset

    n = len(PAYLOADS)
    ids = [f"00{i}" for i in range(1, n + 1)]
    return Dataset.from_frames(
        people=pd.DataFrame(
            {
                "person_id": ids,
                "name": list(PAYLOADS),
                "title": list(reversed(PAYLOADS)),
                "department": [PAYLOADS[0]] * 2 + [PAYLOADS[3]] * (n - 2),
                "manager_id": [None, *ids[:-1]],
                "tier": ["C-suite", "VP", "Director", "Manager", "Staff"],
            }
        ),
        activity=pd.DataFrame(
            {
                "date": pd.to_datetime(
                    ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"]
                ),
                "person_id": ids,
                "channel": [PAYLOADS[2]] * n,
                "action": ["post"] * n,
                "theme": list(PAYLOADS),
                "minutes": [20.0] * n,
            }
        ),
        outcomes=pd.DataFrame(
            {
                "date": pd.to_datetime(["2026-03-31"]),
                "metric": [PAYLOADS[1]],
                "value": [5.0],
                "person_id": ["001"],
            }
        ),
        goals=pd.DataFrame(
            {
                "metric": [PAYLOADS[1], PAYLOADS[4]],
                "target": [10.0, 3.0],
                "start": pd.to_datetime(["2026-01-01"] * 2),
                "end": pd.to_datetime(["2026-12-31"] * 2),
                "department": [PAYLOADS[0], None],
                "person_id": [None, "002"],
            }
        ),
        assumptions=pd.DataFrame(
            {"key": ["currency", f"value_per.{PAYLOADS[1]}"], "value": ["$", "100"]}
        ),
    )
