"""Helpers of the browser tests (Debian's Chromium through Playwright, the app started as
users start it). A helper module, not a test module: tests and conftest import it."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: Debian's Chromium (never `playwright install`); browser tests skip without it.
CHROMIUM = Path("/usr/bin/chromium")
#: Without the networking flags Chromium keeps trying hosts this machine cannot reach.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
BROWSER_WAIT_MS = 120_000  # bounds a hang on a shared machine; not a speed assertion


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def running_app(
    folder: Path, env: dict[str, str] | None = None, port: int | None = None
) -> Iterator[str]:
    """`streamlit run app.py` on a free port with an empty store in ``folder``; its base URL.
    ``env`` adds environment variables (e.g. ``LOGNAME``: local mode's user). The server is
    stopped (by its process id) when the block ends."""
    import os
    import socket
    import subprocess
    import sys
    import time

    port = port or free_port()  # given when a setting must name it first (a sign-in redirect)
    env = dict(
        os.environ, SCORECARD_DATABASE_URL=f"sqlite:///{folder / 'scorecard.db'}", **(env or {})
    )
    log = (folder / "server.log").open("w")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.headless",
            "true",
            "--server.port",
            str(port),
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
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
        "?.getAttribute('data-test-script-state') === 'notRunning'"
    )
    page.wait_for_function(  # type: ignore[attr-defined]
        "() => !document.querySelector('[data-testid=stSkeleton], [data-testid=stSkeletonElement]')"
    )
    page.wait_for_function(  # type: ignore[attr-defined]
        "() => [...document.querySelectorAll("
        "'[data-testid=stVegaLiteChart], [data-testid=stMetricChart]')]"
        ".every(c => c.querySelector('canvas, svg'))"
    )


#: Markup a name could carry: bold, a script link, an image from another host, LaTeX, HTML.
PAYLOADS = (
    "**b**",
    "[x](javascript:alert(1))",
    "![x](http://127.0.0.1:9/x.png)",
    "$x^2$",
    "<img src=x onerror=alert(1)>",
)
