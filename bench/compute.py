"""Bench: every scorecard (people, departments, company, score) for a 1M-row activity frame,
against one ``activity.groupby(["person_id"]).sum()`` over the same frame in the same run.

    python bench/compute.py [--rows 1000000] [--people 5000] [--repeat 3]

Prints best-of-``repeat`` seconds and the ratio (target: ≤ 5x). The baseline sums the numeric
columns (``numeric_only=True``): a plain ``.sum()`` raises on the date column in pandas 3.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scorecard.dataset import Dataset, Period
from scorecard.metrics import compute

CACHE = ROOT / "bench" / ".cache"
PERIOD = Period(date(2026, 1, 1), date(2026, 3, 31))


def synthetic(rows: int, people: int, seed: int = 7) -> Dataset:
    """A company of ``people`` in 12 departments and ``rows`` activity rows over Q1 2026,
    cached under bench/.cache/ (pickled: the frames are typed already)."""
    path = CACHE / f"compute_{rows}_{people}_{seed}.pkl"
    if path.exists():
        return pd.read_pickle(path)
    rng = np.random.default_rng(seed)
    ids = np.array([f"{i:05d}" for i in range(people)], dtype=object)
    managers = np.where(
        np.arange(people) == 0, None, ids[np.maximum(0, (np.arange(people) - 1) // 6)]
    )
    people_frame = pd.DataFrame(
        {
            "person_id": ids,
            "name": [f"Person {i}" for i in range(people)],
            "department": rng.choice([f"Dept {d}" for d in range(12)], people),
            "manager_id": managers,
            "hourly_cost": np.where(rng.random(people) < 0.2, np.nan, rng.uniform(40, 300, people)),
            "followers": np.where(
                rng.random(people) < 0.3, np.nan, rng.integers(50, 20000, people)
            ),
        }
    )
    days = pd.date_range(PERIOD.start, PERIOD.end, freq="D").to_numpy()
    activity = pd.DataFrame(
        {
            "date": days[rng.integers(0, len(days), rows)],
            "person_id": ids[rng.zipf(1.6, rows) % people],
            "channel": rng.choice(
                ["LinkedIn", "X", "Facebook", "YouTube", "Blog", "Internal"],
                rows,
                p=[0.35, 0.25, 0.1, 0.05, 0.05, 0.2],
            ),
            "action": rng.choice(
                ["post", "video", "blog", "reply", "comment", "share", "like"],
                rows,
                p=[0.25, 0.05, 0.02, 0.25, 0.13, 0.2, 0.1],
            ),
            "purpose": rng.choice(
                np.array(["marketing", "employees", "customers", "reputation", None], dtype=object),
                rows,
            ),
            "theme": rng.choice(
                np.array(
                    ["Customer first", "Innovation", "Our people", "Growth", None], dtype=object
                ),
                rows,
            ),
            "count": rng.integers(1, 4, rows),
            "minutes": np.where(rng.random(rows) < 0.5, np.nan, rng.uniform(1, 60, rows)),
            "impressions": rng.integers(0, 5000, rows),
            "reactions": rng.integers(0, 80, rows),
            "comments_received": rng.integers(0, 10, rows),
            "shares_received": rng.integers(0, 6, rows),
        }
    )
    assumptions = pd.DataFrame(
        {
            "key": ["approved_themes", "value_per.qualified_leads"],
            "value": ["Customer first, Innovation, Our people", "250"],
        }
    )
    outcomes = pd.DataFrame(
        {
            "date": ["2026-02-01"] * 50,
            "metric": ["qualified_leads"] * 50,
            "value": rng.integers(1, 20, 50),
            "person_id": ids[:50],
        }
    )
    ds = Dataset.from_frames(
        people=people_frame, activity=activity, outcomes=outcomes, assumptions=assumptions
    )
    CACHE.mkdir(parents=True, exist_ok=True)
    pd.to_pickle(ds, path)
    return ds


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def run(rows: int = 1_000_000, people: int = 5_000, repeat: int = 3) -> dict[str, float]:
    """Time compute against the groupby baselines; returns the seconds and ratios."""
    ds = synthetic(rows, people)
    act = ds.activity
    numeric = best(lambda: act.groupby(["person_id"]).sum(numeric_only=True), repeat)
    ours = best(lambda: compute(ds, PERIOD), repeat)
    return {"compute_s": ours, "groupby_s": numeric, "ratio": ours / numeric}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--people", type=int, default=5_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    r = run(args.rows, args.people, args.repeat)
    print(
        f"compute (all scorecards), {args.rows:,} rows, {args.people:,} people: "
        f"{r['compute_s']:.3f} s"
    )
    print(f"groupby(person_id).sum(numeric_only=True): {r['groupby_s']:.3f} s")
    print(f"ratio {r['ratio']:.2f}x (target <= 5x)")


if __name__ == "__main__":
    main()
