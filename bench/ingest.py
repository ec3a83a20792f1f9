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

Source presets (issue 9): the same workbook is also read with the preset step bypassed (every
sheet straight to the template path, as before presets existed), alternating with the full
path, median CPU time of :data:`REPEATS` runs each (``--presets-only`` measures only this):

* preset step ratio = full read+validate / read+validate without the preset step (target: at
  most 1.10, i.e. detection adds at most 10%);
* mapping ratio = the same rows as a tool export CSV read through a preset (detection + mapping
  + validation) / those rows as a template ``activity.csv`` (both cached under ``bench/.cache``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "bench" / ".cache"
DEFAULT_SIZES = (10_000, 100_000, 1_000_000)
REPEATS = 5
#: A tool export of the benchmark rows: header and how each template column is written there.
EXPORT_HEADER = (
    "Post ID",
    "Published",
    "Author",
    "Network",
    "Post Type",
    "Impressions",
    "Reactions",
    "Comments",
    "Shares",
    "Clicks",
    "Watch time (s)",
)

ACTIVITY_HEADER = (
    "date",
    "person_id",
    "channel",
    "action",
    "purpose",
    "theme",
    "count",
    "minutes",
    "impressions",
    "reactions",
    "comments_received",
    "shares_received",
    "clicks",
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
        sheet.append(
            [
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
            ]
        )
    tmp = path.with_suffix(".tmp.xlsx")
    wb.save(tmp)
    tmp.replace(path)
    return path


def csv_paths(rows: int) -> tuple[Path, Path]:
    """The benchmark rows as a template ``activity.csv`` and as a tool export CSV (cached).

    Both hold the same rows; the export writes dates "Mar 04, 2026", numbers "1,234",
    seconds instead of minutes and its own action words, as real exports do.
    """
    import csv

    import openpyxl

    folder = CACHE / f"csv_{rows}"
    template, export = folder / "activity.csv", folder / "bench_export_posts.csv"
    if template.exists() and export.exists():
        return template, export
    folder.mkdir(parents=True, exist_ok=True)
    book = openpyxl.load_workbook(workbook_path(rows), read_only=True)
    words = {
        "post": "Status",
        "video": "Clip",
        "reply": "Reply",
        "comment": "Comment",
        "share": "Repost",
        "blog": "Article",
    }
    with template.open("w", newline="") as t, export.open("w", newline="") as e:
        tw, ew = csv.writer(t), csv.writer(e)
        tw.writerow(ACTIVITY_HEADER)
        ew.writerow(EXPORT_HEADER)
        for i, row in enumerate(book["activity"].iter_rows(min_row=2, values_only=True)):
            (
                day,
                person,
                channel,
                action,
                _purpose,
                _theme,
                _count,
                minutes,
                impressions,
                reactions,
                comments,
                shares,
                clicks,
            ) = row
            tw.writerow(
                [
                    day.date().isoformat(),
                    person,
                    channel,
                    action,
                    "",
                    "",
                    1,
                    "" if minutes is None else minutes,
                    impressions,
                    reactions,
                    comments,
                    shares,
                    clicks,
                ]
            )
            ew.writerow(
                [
                    f"p{i}",
                    day.strftime("%b %d, %Y"),
                    person,
                    channel,
                    words[action],
                    f"{impressions:,}",
                    reactions,
                    comments,
                    shares,
                    clicks,
                    "" if minutes is None else minutes * 60,
                ]
            )
    book.close()
    return template, export


def bench_preset() -> object:
    """The preset the export CSV is read with (passed as a saved profile)."""
    from scorecard.sources import FieldRule, Preset

    return Preset(
        id="bench_export",
        tool="Bench tool",
        export="posts CSV",
        table="activity",
        fingerprint=("Post ID", "Published", "Author", "Post Type"),
        optional_headers=EXPORT_HEADER,
        file_pattern=r"bench_export",
        fields=(
            FieldRule("post_id", ("Post ID",)),
            FieldRule("date", ("Published",)),
            FieldRule("person_id", ("Author",)),
            FieldRule("channel", ("Network",)),
            FieldRule(
                "action",
                ("Post Type",),
                vocabulary={
                    "status": "post",
                    "clip": "video",
                    "reply": "reply",
                    "comment": "comment",
                    "repost": "share",
                    "article": "blog",
                },
            ),
            FieldRule("impressions", ("Impressions",)),
            FieldRule("reactions", ("Reactions",)),
            FieldRule("comments_received", ("Comments",)),
            FieldRule("shares_received", ("Shares",)),
            FieldRule("clicks", ("Clicks",)),
            FieldRule("minutes", ("Watch time (s)",), unit="seconds"),
        ),
        date_formats=("%b %d, %Y",),
    )


def _without_preset_step() -> None:
    """Route every sheet straight to the template path, as before source presets existed."""
    from scorecard.ingest import readers

    def template_only(file_name, grids, presets):  # same signature as the function replaced
        for grid in grids:
            raw, problems = readers.to_raw_table(grid)
            yield (
                ([raw] if raw is not None else []),
                problems,
                readers.SourceNote(file_name, grid.name, "template path"),
            )

    readers.read_upload_grids = template_only


def _time_preset_step() -> dict[str, float]:
    """Wrap the preset step's functions (detection, template check, layout, mapping) so the
    seconds spent in them add up in the returned dict (key "seconds")."""
    import importlib

    spent = {"seconds": 0.0}

    def timed(function):  # any of the wrapped functions
        def run(*args, **kwargs):
            began = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent["seconds"] += time.perf_counter() - began

        return run

    for module, names in (
        ("scorecard.sources.registry", ("detect", "is_template_sheet")),
        ("scorecard.sources.apply", ("apply_preset",)),
        ("scorecard.sources.mapping", ("sheet_layout",)),
    ):
        try:
            loaded = importlib.import_module(module)
        except ImportError:
            continue
        for name in names:
            if hasattr(loaded, name):
                setattr(loaded, name, timed(getattr(loaded, name)))
    return spent


def _peak_kb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def measure(kind: str, path: Path) -> dict[str, object]:
    """Time and peak RSS growth of one read of ``path`` in this (fresh) process."""
    import pandas as pd

    which = kind
    step: dict[str, float] | None = None
    if kind in ("export", "template-csv"):
        from scorecard.ingest import load_paths

        people = CACHE / "bench_people.csv"
        people.write_text(
            "person_id,name,department,manager_id\n0001,Ada Byrne,Operations,\n"
            "0002,Ben Okafor,Marketing,0001\n0003,Chloe Reyes,Marketing,0002\n"
        )
        profiles = (bench_preset(),) if kind == "export" else ()

        def run() -> object:
            return load_paths([people, path], profiles=profiles)
    elif kind in ("ours", "no-presets"):
        if kind == "no-presets":
            _without_preset_step()
        else:
            step = _time_preset_step()
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
    began, began_cpu = time.perf_counter(), time.process_time()
    result = run()
    seconds = time.perf_counter() - began
    cpu_seconds = time.process_time() - began_cpu
    peak = _peak_kb()
    del result
    figures = {
        "kind": kind,
        "which": which,
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,
        "peak_mb": (peak - base) / 1024,
    }
    if step is not None:
        figures["preset_step_seconds"] = step["seconds"]
    return figures


def measure_in_subprocess(kind: str, path: Path) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, __file__, "--measure", kind, "--path", str(path)],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def ratio(a: float, b: float) -> float:
    return a / b if b else float("nan")


def median_seconds(
    kinds: tuple[str, str],
    paths: tuple[Path, Path],
    share: list[float] | None = None,
    clock: str = "seconds",
) -> tuple[float, float]:
    """Median time (``clock``: "seconds" wall, "cpu_seconds" CPU of the process) of each of two
    measurements, run alternately :data:`REPEATS` times. CPU time is the fairer clock on a
    shared machine: other processes' load stretches wall time, not this process's CPU time.

    ``share`` collects, for runs that report it, the preset step's share of their own time.
    """
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(REPEATS):
        for i in (0, 1):
            figures = measure_in_subprocess(kinds[i], paths[i])
            times[i].append(figures[clock])
            if share is not None and "preset_step_seconds" in figures:
                share.append(figures["preset_step_seconds"] / figures["seconds"])
    return statistics.median(times[0]), statistics.median(times[1])


def bench_presets(rows: int) -> dict[str, float]:
    """The two preset figures of the module docstring for ``rows`` rows; printed."""
    path = workbook_path(rows)
    shares: list[float] = []
    full, without = median_seconds(("ours", "no-presets"), (path, path), shares, "cpu_seconds")
    template, export = csv_paths(rows)
    mapped, plain = median_seconds(
        ("export", "template-csv"), (export, template), clock="cpu_seconds"
    )
    figures = {
        "with_presets_s": full,
        "without_presets_s": without,
        "preset_step_ratio": ratio(full, without),
        "preset_step_share": statistics.median(shares) if shares else float("nan"),
        "export_mapped_s": mapped,
        "template_csv_s": plain,
        "mapping_ratio": ratio(mapped, plain),
    }
    print(
        f"{'':>15}preset step (CPU): {full:.2f} s with, {without:.2f} s without, ratio "
        f"{figures['preset_step_ratio']:.3f} (target <= 1.10; timed inside the run: "
        f"{figures['preset_step_share']:.2%} of read+validate); export CSV through a preset "
        f"{mapped:.2f} s vs template CSV {plain:.2f} s, ratio {figures['mapping_ratio']:.2f}",
        flush=True,
    )
    return figures


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
        figures["presets"] = bench_presets(rows)
    return results


def main(argv: list[str] | None = None) -> None:
    # The 1M-row bench workbook is about 50.4 MB, just over the app's 50 MB upload limit: the
    # bench measures the cost of reading, not the limit (its children inherit this).
    os.environ.setdefault("SCORECARD_MAX_UPLOAD_MB", "200")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(str(s) for s in DEFAULT_SIZES))
    parser.add_argument(
        "--measure",
        choices=("ours", "no-presets", "export", "template-csv", "openpyxl", "calamine"),
    )
    parser.add_argument("--path", type=Path)
    parser.add_argument(
        "--presets-only",
        action="store_true",
        help="only the preset step figures (no openpyxl/calamine comparison)",
    )
    args = parser.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(args.measure, args.path)))
        return
    sizes = tuple(int(s) for s in args.sizes.split(",") if s)
    if args.presets_only:
        for rows in sizes:
            print(f"{rows:>9,} rows")
            bench_presets(rows)
        return
    bench(sizes)


if __name__ == "__main__":
    main()
