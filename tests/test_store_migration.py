"""A database written before the blob store is migrated once, in one transaction."""

from __future__ import annotations

import pandas as pd
import pytest
import sqlalchemy as sa

from scorecard.dataset import Dataset
from scorecard.schema import TABLES
from scorecard.store import Store


def version_one() -> Dataset:
    return Dataset.from_frames(
        people=pd.DataFrame(
            {
                "person_id": ["007", "0100"],
                "name": ["Ada", "Ben"],
                "department": ["Ops", "Sales"],
                "manager_id": [None, "007"],
                "hourly_cost": [120.5, None],
            }
        ),
        activity=pd.DataFrame(
            {
                "date": pd.to_datetime(["2026-01-05", "2026-02-03"]),
                "person_id": ["007", "0100"],
                "channel": ["LinkedIn", "X"],
                "action": ["post", "reply"],
                "count": [2, 1],
                "minutes": [15.0, None],
            }
        ),
        goals=pd.DataFrame(
            {"metric": ["leads"], "target": [600], "start": ["2026-01-01"], "end": ["2026-12-31"]}
        ),
        assumptions=pd.DataFrame({"key": ["currency"], "value": ["$"]}),
    )


def version_two() -> Dataset:
    one = version_one()
    activity = pd.concat(
        [
            one.activity,
            Dataset.from_frames(
                activity=pd.DataFrame(
                    {
                        "date": pd.to_datetime(["2026-03-09"]),
                        "person_id": ["007"],
                        "channel": ["Blog"],
                        "action": ["blog"],
                    }
                )
            ).activity,
        ],
        ignore_index=True,
    )
    return Dataset(**{**{n: one.table(n) for n in TABLES}, "activity": activity})


def assert_same(a: Dataset, b: Dataset) -> None:
    for name in TABLES:
        pd.testing.assert_frame_equal(a.table(name), b.table(name), check_exact=True)


def test_an_old_database_is_migrated_once_with_its_history(tmp_path, legacy_store) -> None:
    url = legacy_store(tmp_path / "old.db", [("a" * 64, version_one()), ("b" * 64, version_two())])
    store = Store(url)
    assert [(v.version, v.is_current, v.how) for v in store.versions()] == [
        (2, True, "publish"),
        (1, False, "publish"),
    ]
    assert_same(store.load(1), version_one())
    assert_same(store.load(2), version_two())
    assert store.load(1).people["person_id"].tolist() == ["007", "0100"]
    # Version 2 added one blog post in March to version 1.
    assert store.info(2).changes == "activity 1 added in 2026-03"
    # January and February are the same blobs in both versions: stored once.
    one, two = store.manifest(1), store.manifest(2)
    assert {k for k in one.keys() | two.keys() if one.get(k) != two.get(k)} == {
        ("activity", "2026-03")
    }
    inspector = sa.inspect(store.engine)
    assert not [t for t in inspector.get_table_names() if t.startswith("data_")]
    # Opening it again does nothing more; an old file is still recognised as published.
    again = Store(url)
    assert len(again.versions()) == 2
    assert again.publish(
        version_one(), uploader="Raj", file_name="v1.xlsx", sha256="a" * 64
    ).duplicate
    assert (
        again.publish(
            version_one(), uploader="Raj", file_name="new.xlsx", sha256="c" * 64
        ).info.version
        == 3
    )


def test_an_older_database_without_the_new_columns_reads_them_as_missing(
    tmp_path, legacy_store
) -> None:
    url = legacy_store(
        tmp_path / "older.db",
        [("a" * 64, version_one())],
        without={"people": ("email",), "activity": ("account", "source")},
        without_tables=("accounts",),
    )
    loaded = Store(url).load(1)
    assert_same(loaded, version_one())
    assert loaded.people["email"].isna().all() and loaded.accounts.empty


def test_a_failed_migration_leaves_the_old_database_as_it_was(
    tmp_path, legacy_store, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = legacy_store(tmp_path / "old.db", [("a" * 64, version_one()), ("b" * 64, version_two())])
    from scorecard.storage import legacy

    calls = {"n": 0}
    real = legacy.blobs_of

    def fail_on_the_second_version(name, frame):
        calls["n"] += 1
        if calls["n"] > len(TABLES):
            raise OSError("disk full")
        return real(name, frame)

    monkeypatch.setattr(legacy, "blobs_of", fail_on_the_second_version)
    with pytest.raises(OSError):
        Store(url)
    monkeypatch.undo()
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT COUNT(*) FROM data_activity").scalar() == 5  # 2 + 3
        # The new tables are created in the migration's transaction: rolled back with it.
        assert "manifests" not in sa.inspect(conn).get_table_names() or (
            conn.exec_driver_sql("SELECT COUNT(*) FROM manifests").scalar() == 0
        )
    engine.dispose()
    assert_same(Store(url).load(2), version_two())  # the next start migrates it
