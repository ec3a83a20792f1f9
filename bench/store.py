"""Bench: the blob store with a year of 1M activity rows, against baselines of the same run.

    python bench/store.py [--rows 1000000] [--people 5000]

Three targets (issue 10):

- load: ``Store.load`` of the 1M-row version ≤ 2x ``pandas.read_parquet`` of the same tables
  (one Parquet file per table, written by pandas with its defaults);
- merge: adding one month (a corrected December) to the 12-month dataset ≤ 0.2x publishing the
  whole year into an empty store;
- size: the SQLite file after twelve monthly merges (January published, February to December
  added one by one) ≤ 1.5x the size of that one Parquet copy of the year.

It also prints the seconds an edit of the assumptions takes on the 1M-row version (one small
blob stored, every other shared; it should be well under a second).

The synthetic year is generated once and cached under bench/.cache/ (pickled, typed). Timings
are the fastest of a few rounds run in turns, so machine load hits baseline and subject alike.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scorecard.dataset import Dataset
from scorecard.schema import TABLES
from scorecard.store import Store

CACHE = ROOT / "bench" / ".cache"
TARGETS = {"load": 2.0, "merge": 0.2, "size": 1.5}
MONTHS = [f"2025-{m:02d}" for m in range(1, 13)]


def synthetic_year(rows: int, people: int, seed: int = 7) -> Dataset:
    """``people`` in 12 departments and ``rows`` activity rows over 2025 with every column a
    tool export fills, plus monthly outcomes; cached under bench/.cache/."""
    path = CACHE / f"store_{rows}_{people}_{seed}.pkl"
    if path.exists():
        return pd.read_pickle(path)
    rng = np.random.default_rng(seed)
    ids = np.array([f"{i:05d}" for i in range(people)], dtype=object)
    managers = np.where(
        np.arange(people) == 0, None, ids[np.maximum(0, (np.arange(people) - 1) // 6)]
    )
    departments = np.array([f"Dept {d}" for d in range(12)], dtype=object)
    people_frame = pd.DataFrame(
        {
            "person_id": ids,
            "name": [f"Person {i}" for i in range(people)],
            "department": rng.choice(departments, people),
            "manager_id": managers,
            "hourly_cost": np.where(rng.random(people) < 0.2, np.nan, rng.uniform(40, 300, people)),
        }
    )
    days = pd.date_range("2025-01-01", "2025-12-31", freq="D").to_numpy()
    n = rows
    activity = pd.DataFrame(
        {
            "date": np.sort(rng.choice(days, n)),
            "person_id": rng.choice(ids, n),
            "channel": rng.choice(["LinkedIn", "X", "Internal", "Blog", "YouTube"], n),
            "action": rng.choice(["post", "reply", "comment", "share", "like"], n),
            "purpose": rng.choice(["marketing", "employees", "customers", None], n),
            "theme": rng.choice(["Customer first", "Innovation", "Our people", None], n),
            "count": rng.integers(1, 5, n),
            "minutes": np.where(rng.random(n) < 0.5, np.nan, rng.integers(1, 60, n)),
            "impressions": rng.integers(0, 5000, n).astype(float),
            "reactions": rng.integers(0, 80, n).astype(float),
            "comments_received": rng.integers(0, 10, n).astype(float),
            "shares_received": rng.integers(0, 5, n).astype(float),
            "clicks": rng.integers(0, 50, n).astype(float),
        }
    )
    month_ends = pd.date_range("2025-01-31", periods=12, freq="ME")
    outcomes = pd.DataFrame(
        {
            "date": np.repeat(month_ends, people // 10),
            "metric": "qualified_leads",
            "value": rng.integers(0, 20, 12 * (people // 10)).astype(float),
            "person_id": np.tile(ids[: people // 10], 12),
        }
    )
    goals = pd.DataFrame(
        {
            "metric": ["qualified_leads"],
            "target": [5000],
            "start": ["2025-01-01"],
            "end": ["2025-12-31"],
        }
    )
    assumptions = pd.DataFrame({"key": ["value_per.qualified_leads"], "value": ["250"]})
    data = Dataset.from_frames(
        people=people_frame,
        activity=activity,
        outcomes=outcomes,
        goals=goals,
        assumptions=assumptions,
    )
    CACHE.mkdir(parents=True, exist_ok=True)
    pd.to_pickle(data, path)
    return data


def month(data: Dataset, label: str) -> Dataset:
    """``data`` with the activity and outcomes of one month ("2025-03"); keyed tables whole."""
    frames = {name: data.table(name) for name in TABLES}
    for name in ("activity", "outcomes"):
        frame = frames[name]
        frames[name] = frame[frame["date"].dt.strftime("%Y-%m") == label].reset_index(drop=True)
    return Dataset(**frames)


def fastest(*fns: Callable[[], object], rounds: int = 3) -> list[float]:
    best = [float("inf")] * len(fns)
    for _ in range(rounds):
        for k, fn in enumerate(fns):
            began = time.perf_counter()
            fn()
            best[k] = min(best[k], time.perf_counter() - began)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--people", type=int, default=5_000)
    args = parser.parse_args()
    data = synthetic_year(args.rows, args.people)
    work = Path(tempfile.mkdtemp(prefix="bench_store_"))
    try:
        # The baseline copy: one Parquet file per table, pandas' defaults.
        files = {name: work / f"{name}.parquet" for name in TABLES}
        for name, path in files.items():
            data.table(name).to_parquet(path, index=False)
        parquet_bytes = sum(p.stat().st_size for p in files.values())

        def read_parquet() -> None:
            for path in files.values():
                pd.read_parquet(path)

        counter = iter(range(1_000_000))

        def publish_year() -> Store:
            k = next(counter)
            store = Store(f"sqlite:///{work / f'year_{k}.db'}")
            store.publish(data, uploader="bench", file_name="year", sha256=f"year-{k}")
            return store

        (publish_seconds,) = fastest(publish_year, rounds=3)
        year = publish_year()
        read_seconds, load_seconds = fastest(read_parquet, lambda: year.load(1))
        assert len(year.load(1).activity) == args.rows

        # Twelve monthly uploads into one store: January published, the rest added.
        monthly_path = work / "monthly.db"
        monthly = Store(f"sqlite:///{monthly_path}")
        monthly.publish(
            month(data, MONTHS[0]), uploader="bench", file_name=MONTHS[0], sha256=MONTHS[0]
        )
        for label in MONTHS[1:]:
            monthly.merge(month(data, label), uploader="bench", file_name=label, sha256=label)
        assert monthly.current().row_counts["activity"] == args.rows
        monthly.engine.dispose()
        size_ratio = monthly_path.stat().st_size / parquet_bytes

        # Adding one month to the 12-month dataset: December again, one count corrected each
        # round (a new blob every time, as a real correction would make).
        december = month(data, MONTHS[-1])
        rounds = iter(range(1, 1_000_000))

        def merge_december() -> None:
            k = next(rounds)
            activity = december.activity.copy()
            activity.loc[0, "count"] = 100 + k
            fixed = Dataset(**{**{n: december.table(n) for n in TABLES}, "activity": activity})
            result = year.merge(
                fixed, uploader="bench", file_name="december", sha256=f"december-{k}"
            )
            assert result.stored

        (merge_seconds,) = fastest(merge_december, rounds=5)

        # Editing the assumptions of the 1M-row version: one small blob, the rest shared.
        edits = iter(range(1, 1_000_000))

        def edit_assumptions() -> None:
            value = pd.DataFrame(
                {"key": ["value_per.qualified_leads"], "value": [str(250 + next(edits))]}
            )
            assert year.edit(1, {"assumptions": value}, uploader="bench").stored

        (edit_seconds,) = fastest(edit_assumptions)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    ratios = {
        "load": load_seconds / read_seconds,
        "merge": merge_seconds / publish_seconds,
        "size": size_ratio,
    }
    print(f"store bench: {args.rows:,} activity rows over 12 months, {args.people:,} people")
    print(f"  pandas.read_parquet of the tables  {read_seconds:8.3f} s")
    print(f"  Store.load of the version          {load_seconds:8.3f} s")
    print(f"  publish the whole year             {publish_seconds:8.3f} s")
    print(f"  merge one month into the year      {merge_seconds:8.3f} s")
    print(
        f"  edit the assumptions               {edit_seconds:8.3f} s  (no ratio: well "
        "under a second)"
    )
    print(f"  one Parquet copy of the year       {parquet_bytes / 1e6:8.1f} MB")
    print(f"  database after 12 monthly merges   {size_ratio * parquet_bytes / 1e6:8.1f} MB")
    failed = False
    for name, ratio in ratios.items():
        ok = ratio <= TARGETS[name]
        failed |= not ok
        print(
            f"  {name:<6} ratio {ratio:6.3f}  (target ≤ {TARGETS[name]})  "
            f"{'ok' if ok else 'MISSED'}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
