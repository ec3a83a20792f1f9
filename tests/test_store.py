"""The dataset store: versions round-trip exactly, publishing is atomic, duplicates are said."""

from __future__ import annotations

import pandas as pd
import pytest

from scorecard.dataset import Dataset
from scorecard.problems import Problem, Report
from scorecard.schema import TABLES
from scorecard.store import Store, database_url


def small_dataset(n_activity: int = 3, first_id: str = "007") -> Dataset:
    return Dataset.from_frames(
        people=pd.DataFrame(
            {
                "person_id": [first_id, "0100", "x-9"],
                "name": ["Ada Byrne", "Ben Okafor", "Chloe Reyes"],
                "department": ["Operations", "Marketing", "Marketing"],
                "manager_id": [None, first_id, "0100"],
                "tier": ["C-suite", "VP", None],
                "hourly_cost": [300.0, None, 55.5],
            }
        ),
        activity=pd.DataFrame(
            {
                "date": pd.date_range("2026-03-02", periods=n_activity, freq="D"),
                "person_id": [first_id] * n_activity,
                "channel": ["LinkedIn"] * n_activity,
                "action": ["post"] * n_activity,
                "count": list(range(1, n_activity + 1)),
                "minutes": [None] * n_activity,
            }
        ),
        goals=pd.DataFrame(
            {
                "metric": ["qualified_leads"],
                "target": [600],
                "start": ["2026-01-01"],
                "end": ["2026-12-31"],
            }
        ),
        # "end", "key" and "count" are SQL keywords: the store must not trip on them.
        assumptions=pd.DataFrame({"key": ["value_per.qualified_leads"], "value": ["250"]}),
    )


@pytest.fixture()
def store(store_url: str):
    """An empty store on SQLite and on PostgreSQL (``store_url`` in conftest.py)."""
    store = Store(store_url)
    yield store
    store.engine.dispose()


def assert_same(a: Dataset, b: Dataset) -> None:
    for name in TABLES:
        pd.testing.assert_frame_equal(a.table(name), b.table(name), check_exact=True)


def test_publish_round_trips_every_table_exactly(store: Store) -> None:
    data = small_dataset()
    result = store.publish(data, uploader="Mia", file_name="march.xlsx", sha256="a" * 64)
    assert not result.duplicate
    assert result.info.version == 1 and result.info.is_current
    assert result.info.row_counts == {
        "people": 3,
        "activity": 3,
        "outcomes": 0,
        "goals": 1,
        "accounts": 0,
        "assumptions": 1,
    }
    loaded = store.load(1)
    assert_same(loaded, data)
    assert loaded.people["person_id"].tolist() == ["007", "0100", "x-9"]  # leading zeros kept


def test_versions_are_listed_newest_first_and_a_rollback_is_a_new_version(store: Store) -> None:
    store.publish(small_dataset(2), uploader="Mia", file_name="a.xlsx", sha256="a" * 64)
    store.publish(small_dataset(5), uploader="Raj", file_name="b.xlsx", sha256="b" * 64)
    assert [(v.version, v.is_current) for v in store.versions()] == [(2, True), (1, False)]
    assert store.current().uploader == "Raj"
    back = store.make_current(1, uploader="Lee")
    # Version 3 holds version 1's rows; version 2 had 5 activity rows in March, version 1 two.
    assert (back.version, back.how, back.uploader, back.file_name) == (
        3,
        "rollback",
        "Lee",
        "a.xlsx",
    )
    assert back.changes == "back to version 1: activity 3 removed in 2026-03"
    assert store.current().version == 3
    assert_same(store.load(3), small_dataset(2))
    assert store.make_current(3).version == 3  # already current: nothing new
    assert len(store.versions()) == 3
    with pytest.raises(KeyError):
        store.make_current(99)


def test_each_version_says_how_it_was_made_and_what_changed(store: Store) -> None:
    first = store.publish(small_dataset(2), uploader="Mia", file_name="a.xlsx", sha256="a" * 64)
    # 3 people, 2 activity rows (March), 1 goal, 1 assumption; everyone joins.
    assert first.info.how == "publish"
    assert first.info.changes == (
        "people 3 added; activity 2 added in 2026-03; goals 1 added; "
        "assumptions 1 added; people: 3 joined"
    )
    second = store.publish(small_dataset(4), uploader="Raj", file_name="b.xlsx", sha256="b" * 64)
    # Days 1-2 are identical; days 3 and 4 (counts 3, 4) are new.
    assert second.info.changes == "activity 2 added in 2026-03"
    assert second.message == "Published version 2; it is now the current dataset."


def test_identical_upload_is_detected_and_not_stored_twice(store: Store) -> None:
    first = store.publish(small_dataset(), uploader="Mia", file_name="a.xlsx", sha256="c" * 64)
    again = store.publish(small_dataset(), uploader="Raj", file_name="a copy.xlsx", sha256="c" * 64)
    assert again.duplicate and again.info.version == first.info.version
    assert again.message.startswith("This file is identical to version 1, published ")
    assert len(store.versions()) == 1


def test_validation_report_is_stored_with_the_version(store: Store) -> None:
    report = Report(
        (
            Problem(
                "warning",
                "unknown_action",
                "Action 'poke' is unknown.",
                "Use post, reply, share.",
                table="activity",
                sheet="activity",
                row=4,
                column="Action",
                value="poke",
            ),
        )
    )
    store.publish(
        small_dataset(), uploader="Mia", file_name="a.xlsx", sha256="d" * 64, report=report
    )
    assert store.report(1) == report


@pytest.mark.parametrize("failure", [RuntimeError("disk full"), KeyboardInterrupt()])
def test_failed_publish_leaves_the_previous_version_current_and_loadable(
    store: Store, monkeypatch: pytest.MonkeyPatch, failure: BaseException
) -> None:
    good = small_dataset(4)
    store.publish(good, uploader="Mia", file_name="good.xlsx", sha256="e" * 64)
    real_insert = Store._insert_blobs

    def insert_then_fail(conn, blobs):  # fails after the version row and the blobs are in
        real_insert(conn, blobs)
        raise failure

    monkeypatch.setattr(Store, "_insert_blobs", staticmethod(insert_then_fail))
    with pytest.raises(type(failure)):
        store.publish(small_dataset(9), uploader="Raj", file_name="bad.xlsx", sha256="f" * 64)
    monkeypatch.undo()

    assert [v.version for v in store.versions()] == [1]
    assert store.current().version == 1
    assert_same(store.load(1), good)
    # the half-written version left no blob, manifest or version row behind either
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT COUNT(*) FROM manifests").scalar() == len(
            store.manifest(1)
        )
        assert conn.exec_driver_sql("SELECT COUNT(*) FROM blobs").scalar() == len(
            {sha for sha, _ in store.manifest(1).values()}
        )
        assert conn.exec_driver_sql("SELECT COUNT(*) FROM dataset_versions").scalar() == 1


def test_loading_an_unknown_version_is_a_key_error(store: Store) -> None:
    with pytest.raises(KeyError):
        store.load(3)


def test_empty_store_has_no_current_version(store: Store) -> None:
    assert store.current() is None and store.versions() == []


def test_database_url_comes_from_the_environment(monkeypatch, tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'elsewhere.db'}"
    monkeypatch.setenv("SCORECARD_DATABASE_URL", url)
    assert database_url() == url
    assert Store().url == url
    monkeypatch.delenv("SCORECARD_DATABASE_URL")
    assert database_url().endswith("data/scorecard.db")


def test_two_identical_publishes_at_once_store_one_version(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Both publishers looked before either wrote (the race): the unique upload key refuses
    # the second insert, and the second publisher is told it is a duplicate.
    monkeypatch.setattr(Store, "_by_upload_key", lambda self, key: None)
    store.publish(small_dataset(), uploader="Mia", file_name="a.xlsx", sha256="c" * 64)
    monkeypatch.undo()
    real = Store._by_upload_key
    calls = {"n": 0}

    def first_look_misses(self: Store, key: str):
        calls["n"] += 1
        return None if calls["n"] == 1 else real(self, key)

    monkeypatch.setattr(Store, "_by_upload_key", first_look_misses)
    again = store.publish(small_dataset(), uploader="Raj", file_name="a.xlsx", sha256="c" * 64)
    assert again.duplicate and again.info.version == 1
    assert [v.version for v in store.versions()] == [1]


def blob_count(store: Store) -> int:
    with store.engine.connect() as conn:
        return int(conn.exec_driver_sql("SELECT COUNT(*) FROM blobs").scalar())


def quarter(march_count: int = 3) -> Dataset:
    """Three activity rows, one per month Jan-Mar; March's count varies."""
    data = small_dataset()
    activity = pd.DataFrame(
        {
            "date": pd.to_datetime(["2026-01-05", "2026-02-05", "2026-03-05"]),
            "person_id": ["007"] * 3,
            "channel": ["LinkedIn"] * 3,
            "action": ["post"] * 3,
            "count": [1, 2, march_count],
        }
    )
    return Dataset.from_frames(**{**{n: data.table(n) for n in TABLES}, "activity": activity})


def test_months_and_tables_are_blobs_shared_between_versions(store: Store) -> None:
    store.publish(quarter(3), uploader="Mia", file_name="q1.xlsx", sha256="1" * 64)
    # Blobs: people, goals, assumptions, three activity months, and one empty frame each for
    # outcomes and accounts = 3 + 3 + 2 = 8.
    assert blob_count(store) == 8
    assert sorted(m for t, m in store.manifest(1) if t == "activity") == [
        "2026-01",
        "2026-02",
        "2026-03",
    ]
    store.publish(quarter(9), uploader="Mia", file_name="q1 fixed.xlsx", sha256="2" * 64)
    assert blob_count(store) == 9  # only March is new
    first, second = store.manifest(1), store.manifest(2)
    assert {k for k in first if first[k] != second[k]} == {("activity", "2026-03")}
    assert store.load(2).activity["count"].tolist() == [1, 2, 9]


def test_rows_load_month_by_month_in_upload_order_within_a_month(store: Store) -> None:
    data = Dataset.from_frames(
        activity=pd.DataFrame(
            {
                "date": pd.to_datetime(["2026-03-09", "2026-01-05", "2026-03-01", "2026-01-02"]),
                "person_id": ["a", "b", "c", "d"],
                "channel": ["X"] * 4,
                "action": ["post"] * 4,
            }
        )
    )
    store.publish(data, uploader="Mia", file_name="a.csv", sha256="3" * 64)
    assert store.load(1).activity["person_id"].tolist() == ["b", "d", "a", "c"]


def test_blobs_round_trip_every_dtype_exactly() -> None:
    from scorecard.storage.blobs import encode, read

    frame = pd.DataFrame(
        {
            "person_id": pd.Series(["007", None, "x-9"], dtype="str"),
            "date": pd.to_datetime(["2026-01-31", None, "2026-03-01"]).astype("datetime64[us]"),
            "count": pd.Series([1, 2, 3], dtype="int64"),
            "maybe": pd.Series([1, None, 3], dtype="Int64"),
            "minutes": [1.5, float("nan"), 0.1],
        }
    )
    sha, data = encode(frame)
    assert sha == encode(frame.copy())[0]  # deterministic: same rows, same name
    pd.testing.assert_frame_equal(read([data]), frame, check_exact=True)
    pd.testing.assert_frame_equal(
        read([data, data]), pd.concat([frame, frame], ignore_index=True), check_exact=True
    )


def test_editing_assumptions_stores_one_small_blob_and_shares_the_rest(store: Store) -> None:
    store.publish(quarter(), uploader="Mia", file_name="q1.xlsx", sha256="4" * 64)
    before = blob_count(store)
    edited = pd.DataFrame({"key": ["value_per.qualified_leads"], "value": ["300"]})
    result = store.edit(1, {"assumptions": edited}, uploader="Raj")
    assert (result.info.version, result.info.how) == (2, "edit")
    assert result.info.changes == "assumptions 1 replaced"
    assert blob_count(store) == before + 1
    first, second = store.manifest(1), store.manifest(2)
    assert {k for k in first if first[k] != second[k]} == {("assumptions", "")}
    assert store.load(2).assumptions["value"].tolist() == ["300"]
    assert_same(
        Dataset(
            **{**{n: store.load(2).table(n) for n in TABLES}, "assumptions": quarter().assumptions}
        ),
        quarter(),
    )
    same = store.edit(2, {"assumptions": edited}, uploader="Raj")
    assert same.unchanged and not same.stored and len(store.versions()) == 2
    assert "nothing changed" in same.message
