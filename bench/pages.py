"""Bench: the Scorecards page's first view against the Overview's, in a real browser.

    python bench/pages.py [--rounds 2]

Each round starts the app as users do (``streamlit run app.py``, its own empty SQLite store: the
bundled sample company) and drives it in Debian's Chromium (/usr/bin/chromium) with Playwright:
a warm-up tab opens the Definitions page (the dataset is read and the browser has the app's
scripts), then the Overview and the Scorecards each get a first view in a new tab, timed until
the page's last section and every chart (st.metric's small trends included) are drawn. Rounds
alternate which page goes first, since each computes the period's scorecards the other reuses.
Prints the medians and the ratio Scorecards / Overview (target ≤ 1.5). The server is stopped by
its process id at the end of each round.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from views import (  # bench/views.py: the same server and viewer helpers
    CHROMIUM,
    LAUNCH_ARGS,
    PAGES,
    new_browser,
    open_tab,
    running_app,
    store_url,
)

TARGET = 1.5
COMPARED = ("overview", "scorecards")


async def one_round(order: tuple[str, ...]) -> dict[str, float]:
    """Seconds to the first view of each page of ``order``, on a fresh server."""
    from playwright.async_api import async_playwright

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with running_app(folder, store_url(folder, 0, 0), None) as (base, _pid):
            async with async_playwright() as p:
                browser = await p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
                try:
                    context = await new_browser(browser)
                    _, warm, _ = await open_tab(
                        context, f"{base}/definitions", PAGES["definitions"]
                    )
                    await warm.close()
                    seconds = {}
                    for name in order:
                        seconds[name], tab, _ = await open_tab(
                            context, f"{base}/{name}", PAGES[name]
                        )
                        await tab.close()
                    return seconds
                finally:
                    await browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    if not CHROMIUM.exists():
        print("bench/pages.py: skipped, no /usr/bin/chromium (apt-get install -y chromium)")
        return
    times: dict[str, list[float]] = {name: [] for name in COMPARED}
    for i in range(args.rounds):
        order = COMPARED if i % 2 == 0 else COMPARED[::-1]
        for name, seconds in asyncio.run(one_round(order)).items():
            times[name].append(seconds)
        print(f"round {i + 1}: " + ", ".join(f"{n} {times[n][-1]:.2f} s" for n in order))
    overview = statistics.median(times["overview"])
    scorecards = statistics.median(times["scorecards"])
    ratio = scorecards / overview
    verdict = "meets" if ratio <= TARGET else "misses"
    print(
        f"First view, median of {args.rounds}: Overview {overview:.2f} s, "
        f"Scorecards {scorecards:.2f} s; ratio {ratio:.2f} ({verdict} the target ≤ {TARGET})"
    )


if __name__ == "__main__":
    main()
