"""Ingest speed and memory: our read+validate against pandas on the same workbook.

    python bench/ingest.py [--sizes 10000,100000,1000000]

For each size an activity-only workbook (plus a three-row people sheet) is written once with
openpyxl's write-only mode and cached under ``bench/.cache/``. Every measurement then runs in a
fresh subprocess, so one run's memory never colours the next:

* time ratio   = our read+validate / ``pandas.read_excel(sheet_name=None, engine="openpyxl")``
  (target: at most 0.2 at 100k and 1M rows);
* memory ratio = our peak RSS growth / ``pandas.read_excel(sheet_name=None, engine="calamine")``'s
  (target: at most 1.5). Peak growth = ``ru_maxrss`` at the end minus ``ru_maxrss`` after imports.

"Ours" is ``scorecard.ingest.load_paths`` when it exists, else the reader alone
(``scorecard.ingest.readers.read_tables``); the report says which.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "bench" / ".cache"
DEFAULT_SIZES = (10_000, 100_000, 1_000_000)

ACTIVITY_HEADER = (
    "date", "person_id", "channel", "action", "purpose", "theme", "count", "minutes",
    "impressions", "reactions", "comments_received", "shares_received", "clicks",
)
CHANNELS = ("LinkedIn", "X", "Facebook", "YouTube", "Blog", "Internal")
ACTIONS = ("post", "video", "reply", "comment", "share", "blog")
PURPOSES = ("marketing", "employees", "reputation", "initiatives", "customers", None)
THEMES = ("Customer first", "Innovation", "Our people", None)


def workbook_path(rows: int) -> Path:
    """The cached benchmark workbook of ``rows`` activity rows, written on first use."""
    path = CACHE / f"activity_{rows}.xlsx"
    if path.exists():
        return path
    from openpyxl import Workbook

    CACHE.mkdir(parents=True, exist_ok=True)
    rng = random.Random(rows)
    wb = Workbook(write_only=True)
    people = wb.create_sheet("people")
    people.append(["person_id", "name", "department", "manager_id"])
    people.append(["0001", "Ada Byrne", "Operations", None])
    people.append(["0002", "Ben Okafor", "Marketing", "0001"])
    people.append(["0003", "Chloe Reyes", "Marketing", "0002"])
    sheet = wb.create_sheet("activity")
    sheet.append(ACTIVITY_HEADER)
    start = dt.datetime(2025, 1, 1)
    for _ in range(rows):
        posted = rng.random() < 0.4
        sheet.append([
            start + dt.timedelta(days=rng.randrange(365)),
            f"{rng.randrange(1, 4):04d}",
            rng.choice(CHANNELS),
            rng.choice(ACTIONS),
            rng.choice(PURPOSES),
            rng.choice(THEMES),
            rng.randrange(1, 4),
            rng.choice((5, 10, 20, None)),
            rng.randrange(10_000) if posted else 0,
            rng.randrange(200) if posted else 0,
            rng.randrange(30) if posted else 0,
            rng.randrange(10) if posted else 0,
            rng.randrange(100) if posted else 0,
        ])
    tmp = path.with_suffix(".tmp.xlsx")
    wb.save(tmp)
    tmp.replace(path)
    return path


def _peak_kb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def measure(kind: str, path: Path) -> dict[str, object]:
    """Time and peak RSS growth of one read of ``path`` in this (fresh) process."""
    import pandas as pd

    which = kind
    if kind == "ours":
        try:
            from scorecard.ingest import load_paths  # type: ignore[attr-defined]

            def run() -> object:
                return load_paths([path])
            which = "load_paths (read+validate)"
        except ImportError:
            from scorecard.ingest.raw import Upload
            from scorecard.ingest.readers import read_tables

            def run() -> object:
                return read_tables([Upload(path.name, path.read_bytes())])
            which = "read_tables (reader only)"
    else:
        def run() -> object:
            return pd.read_excel(path, sheet_name=None, engine=kind)
    base = _peak_kb()
    began = time.perf_counter()
    result = run()
    seconds = time.perf_counter() - began
    peak = _peak_kb()
    del result
    return {"kind": kind, "which": which, "seconds": seconds, "peak_mb": (peak - base) / 1024}


def measure_in_subprocess(kind: str, path: Path) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, __file__, "--measure", kind, "--path", str(path)],
        check=True, capture_output=True, text=True, env=env,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def ratio(a: float, b: float) -> float:
    return a / b if b else float("nan")


def bench(sizes: tuple[int, ...]) -> list[dict[str, object]]:
    """Run every measurement for every size; print one block per size; return the figures."""
    results = []
    for rows in sizes:
        path = workbook_path(rows)
        ours = measure_in_subprocess("ours", path)
        openpyxl = measure_in_subprocess("openpyxl", path)
        calamine = measure_in_subprocess("calamine", path)
        figures = {
            "rows": rows,
            "ours": ours,
            "openpyxl": openpyxl,
            "calamine": calamine,
            "time_ratio_vs_openpyxl": ratio(ours["seconds"], openpyxl["seconds"]),
            "time_ratio_vs_calamine": ratio(ours["seconds"], calamine["seconds"]),
            "memory_ratio_vs_calamine": ratio(ours["peak_mb"], calamine["peak_mb"]),
        }
        results.append(figures)
        print(
            f"{rows:>9,} rows  ours[{ours['which']}] {ours['seconds']:7.2f} s "
            f"{ours['peak_mb']:7.1f} MB | openpyxl {openpyxl['seconds']:7.2f} s | "
            f"calamine {calamine['seconds']:6.2f} s {calamine['peak_mb']:7.1f} MB\n"
            f"{'':>15}time ratio vs openpyxl {figures['time_ratio_vs_openpyxl']:.3f} "
            f"(target <= 0.2), vs pandas+calamine {figures['time_ratio_vs_calamine']:.2f}; "
            f"memory ratio vs pandas+calamine {figures['memory_ratio_vs_calamine']:.2f} "
            f"(target <= 1.5)",
            flush=True,
        )
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(str(s) for s in DEFAULT_SIZES))
    parser.add_argument("--measure", choices=("ours", "openpyxl", "calamine"))
    parser.add_argument("--path", type=Path)
    args = parser.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(args.measure, args.path)))
        return
    bench(tuple(int(s) for s in args.sizes.split(",") if s))


if __name__ == "__main__":
    main()
