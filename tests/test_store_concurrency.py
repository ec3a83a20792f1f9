"""Several processes publishing into one store at the same moment, on SQLite and PostgreSQL.

Each publisher is a separate Python process; all wait at a barrier (a file) and publish at once.
Nothing may be lost, nobody may see a traceback ("database is locked" included), and the
identical-upload check must hold under the race (a unique constraint, not a read-then-write).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from scorecard.dataset import Dataset
from scorecard.store import Store

ROOT = Path(__file__).resolve().parent.parent
PUBLISHERS = 5
ROWS = 100_000  # activity rows per publisher, as an operator's monthly file might hold
PEOPLE = 50
WAIT_S = 600  # bounds a hang on a shared machine; not a speed assertion

#: One publisher: reads its rows, waits for "go", publishes, prints the store's message (or a
#: StoreError's sentence, exit 3). Anything else escaping is a traceback the test refuses.
PUBLISHER = r"""
import sys, time
from pathlib import Path
import pandas as pd
from scorecard.dataset import Dataset
from scorecard.dataset import Dataset
from scorecard.store import Store
from scorecard.storage_errors import StoreError

url, rows, name, sha256, folder = sys.argv[1:]
people = pd.read_parquet(Path(folder, "people.parquet"))
data = Dataset.from_frames(people=people, activity=pd.read_parquet(rows))
Path(folder, name + ".ready").touch()
while not Path(folder, "go").exists():
    time.sleep(0.01)
try:
    print(Store(url).publish(data, uploader=name, file_name=name + ".csv", sha256=sha256).message)
except StoreError as error:
    print(error)
    sys.exit(3)
"""


def activity_rows(seed: int, rows: int) -> pd.DataFrame:
    """``rows`` posts and replies of ``PEOPLE`` people over January-March 2026 (seeded)."""
    rng = np.random.default_rng(seed)
    return pd.DataFrame(
        {
            "date": pd.Timestamp("2026-01-01") + pd.to_timedelta(rng.integers(0, 90, rows), "D"),
            "person_id": pd.Series([f"{i:03d}" for i in rng.integers(0, PEOPLE, rows)]),
            "channel": "LinkedIn",
            "action": np.where(rng.random(rows) < 0.5, "post", "reply"),
            "count": rng.integers(1, 5, rows),
        }
    )


@pytest.fixture(scope="module")
def uploads(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Five different activity files of ``ROWS`` rows each and one people file, generated once
    per module as Parquet (a few hundred milliseconds)."""
    folder = tmp_path_factory.mktemp("uploads")
    people = pd.DataFrame(
        {
            "person_id": [f"{i:03d}" for i in range(PEOPLE)],
            "name": [f"Person {i}" for i in range(PEOPLE)],
            "department": "Ops",
        }
    )
    people.to_parquet(folder / "people.parquet")
    for k in range(PUBLISHERS):
        activity_rows(k, ROWS).to_parquet(folder / f"rows{k}.parquet")
    return folder


def publish_at_once(url: str, uploads: Path, folder: Path, jobs: list[tuple[str, str, str]]):
    """Start one publisher process per ``(rows file, name, sha256)``, release them together,
    and return their ``(exit code, stdout, stderr)`` in order."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for name in ("people.parquet",):
        (folder / name).write_bytes((uploads / name).read_bytes())
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", PUBLISHER, url, str(rows), name, sha256, str(folder)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for rows, name, sha256 in jobs
    ]
    deadline = time.monotonic() + WAIT_S
    while len(list(folder.glob("*.ready"))) < len(jobs):  # every publisher holds its data
        assert all(p.poll() is None for p in procs), [p.communicate() for p in procs]
        assert time.monotonic() < deadline
        time.sleep(0.05)
    (folder / "go").touch()
    return [(p.wait(WAIT_S), *p.communicate()) for p in procs]


def test_five_publishers_at_once_all_land_as_versions(
    store_url: str, uploads: Path, tmp_path: Path
) -> None:
    jobs = [
        (str(uploads / f"rows{k}.parquet"), f"publisher{k}", f"{k:064d}") for k in range(PUBLISHERS)
    ]
    results = publish_at_once(store_url, uploads, tmp_path, jobs)
    for code, out, err in results:
        assert code == 0, (out, err)
        assert "Traceback" not in err and "locked" not in out + err
        assert out.startswith("Published version ")
    store = Store(store_url)
    versions = store.versions()
    # Nothing lost: five versions, one per publisher, each holding its own 100,000 rows.
    assert sorted(v.version for v in versions) == [1, 2, 3, 4, 5]
    assert sorted(v.uploader for v in versions) == [f"publisher{k}" for k in range(PUBLISHERS)]
    for info in versions:
        k = int(info.uploader.removeprefix("publisher"))
        loaded = store.load(info.version).activity
        assert info.row_counts["activity"] == len(loaded) == ROWS
        assert int(loaded["count"].sum()) == int(activity_rows(k, ROWS)["count"].sum())
    # The version the last commit made current is the newest.
    assert store.current().version == 5
    store.engine.dispose()


def test_five_identical_publishes_at_once_store_one_version(
    store_url: str, uploads: Path, tmp_path: Path
) -> None:
    small = tmp_path / "small.parquet"
    activity_rows(7, 1_000).to_parquet(small)
    jobs = [(str(small), f"publisher{k}", "f" * 64) for k in range(PUBLISHERS)]
    results = publish_at_once(store_url, uploads, tmp_path, jobs)
    outs = [out for _, out, _ in results]
    assert all(code == 0 and "Traceback" not in err for code, _, err in results), results
    # One publisher stored version 1; the four others were told it already is.
    assert sum(out.startswith("Published version 1;") for out in outs) == 1
    assert sum(out.startswith("This file is identical to version 1,") for out in outs) == 4
    store = Store(store_url)
    assert [v.version for v in store.versions()] == [1]
    store.engine.dispose()


def month_of_posts(day: str, count: int) -> Dataset:
    """Ada (id "001") posting once on ``day``, ``count`` times."""
    return Dataset.from_frames(
        people=pd.DataFrame({"person_id": ["001"], "name": ["Ada"], "department": ["Ops"]}),
        activity=pd.DataFrame(
            {
                "date": pd.to_datetime([day]),
                "person_id": ["001"],
                "channel": ["LinkedIn"],
                "action": ["post"],
                "count": [count],
            }
        ),
    )


def test_a_merge_planned_before_another_version_landed_is_planned_again(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import scorecard.db

    store, other = Store(store_url), Store(store_url)  # two processes' stores
    store.publish(
        month_of_posts("2026-01-05", 1), uploader="Mia", file_name="jan.csv", sha256="1" * 64
    )
    real_plan, bases = Store.plan_merge, []

    def march_lands_after_the_first_plan(self: Store, upload: Dataset):
        plan = real_plan(self, upload)
        if self is store:
            bases.append(plan.base.version)
            if len(bases) == 1:  # between February's plan and its write, March is merged
                other.merge(
                    month_of_posts("2026-03-05", 3),
                    uploader="Raj",
                    file_name="mar.csv",
                    sha256="3" * 64,
                )
        return plan

    monkeypatch.setattr(Store, "plan_merge", march_lands_after_the_first_plan)
    monkeypatch.setattr(scorecard.db.time, "sleep", lambda seconds: None)
    result = store.merge(
        month_of_posts("2026-02-05", 2), uploader="Mia", file_name="feb.csv", sha256="2" * 64
    )
    # February was planned on version 1, found version 2 (March) current when storing, and was
    # planned again on it: the third version holds January, February and March, nothing lost.
    assert bases == [1, 2]
    # (PostgreSQL may skip a number: the refused attempt drew one from its sequence.)
    assert result.info.how == "merge" and result.info.version == store.current().version
    assert len(store.versions()) == 3
    assert store.load(result.info.version).activity["count"].tolist() == [1, 2, 3]
    store.engine.dispose()
    other.engine.dispose()
