"""The dataset store: versions round-trip exactly, publishing is atomic, duplicates are said."""

from __future__ import annotations

import pandas as pd
import pytest

from scorecard.dataset import Dataset
from scorecard.problems import Problem, Report
from scorecard.store import Store, database_url


def small_dataset(n_activity: int = 3, first_id: str = "007") -> Dataset:
    return Dataset.from_frames(
        people=pd.DataFrame({
            "person_id": [first_id, "0100", "x-9"],
            "name": ["Ada Byrne", "Ben Okafor", "Chloe Reyes"],
            "department": ["Operations", "Marketing", "Marketing"],
            "manager_id": [None, first_id, "0100"],
            "tier": ["C-suite", "VP", None],
            "hourly_cost": [300.0, None, 55.5],
        }),
        activity=pd.DataFrame({
            "date": pd.date_range("2026-03-02", periods=n_activity, freq="D"),
            "person_id": [first_id] * n_activity,
            "channel": ["LinkedIn"] * n_activity,
            "action": ["post"] * n_activity,
            "count": list(range(1, n_activity + 1)),
            "minutes": [None] * n_activity,
        }),
        goals=pd.DataFrame({"metric": ["qualified_leads"], "target": [600],
                            "start": ["2026-01-01"], "end": ["2026-12-31"]}),
        # "end", "key" and "count" are SQL keywords: the store must not trip on them.
        assumptions=pd.DataFrame({"key": ["value_per.qualified_leads"], "value": ["250"]}),
    )


@pytest.fixture()
def store(tmp_path) -> Store:
    return Store(f"sqlite:///{tmp_path / 'store.db'}")


def assert_same(a: Dataset, b: Dataset) -> None:
    for name in ("people", "activity", "outcomes", "goals", "assumptions"):
        pd.testing.assert_frame_equal(a.table(name), b.table(name), check_exact=True)


def test_publish_round_trips_every_table_exactly(store: Store) -> None:
    data = small_dataset()
    result = store.publish(data, uploader="Mia", file_name="march.xlsx", sha256="a" * 64)
    assert not result.duplicate
    assert result.info.version == 1 and result.info.is_current
    assert result.info.row_counts == {"people": 3, "activity": 3, "outcomes": 0, "goals": 1,
                                      "accounts": 0, "assumptions": 1}
    loaded = store.load(1)
    assert_same(loaded, data)
    assert loaded.people["person_id"].tolist() == ["007", "0100", "x-9"]  # leading zeros kept


def test_versions_are_listed_newest_first_and_can_be_made_current(store: Store) -> None:
    store.publish(small_dataset(2), uploader="Mia", file_name="a.xlsx", sha256="a" * 64)
    store.publish(small_dataset(5), uploader="Raj", file_name="b.xlsx", sha256="b" * 64)
    assert [(v.version, v.is_current) for v in store.versions()] == [(2, True), (1, False)]
    assert store.current().uploader == "Raj"
    store.make_current(1)
    assert store.current().version == 1
    assert len(store.load(store.current().version).activity) == 2
    with pytest.raises(KeyError):
        store.make_current(99)


def test_identical_upload_is_detected_and_not_stored_twice(store: Store) -> None:
    first = store.publish(small_dataset(), uploader="Mia", file_name="a.xlsx", sha256="c" * 64)
    again = store.publish(small_dataset(), uploader="Raj", file_name="a copy.xlsx",
                          sha256="c" * 64)
    assert again.duplicate and again.info.version == first.info.version
    assert again.message.startswith("This file is identical to version 1, published ")
    assert len(store.versions()) == 1


def test_validation_report_is_stored_with_the_version(store: Store) -> None:
    report = Report((Problem("warning", "unknown_action", "Action 'poke' is unknown.",
                             "Use post, reply, share.", table="activity", sheet="activity",
                             row=4, column="Action", value="poke"),))
    store.publish(small_dataset(), uploader="Mia", file_name="a.xlsx", sha256="d" * 64,
                  report=report)
    assert store.report(1) == report


@pytest.mark.parametrize("failure", [RuntimeError("disk full"), KeyboardInterrupt()])
def test_failed_publish_leaves_the_previous_version_current_and_loadable(
        store: Store, monkeypatch: pytest.MonkeyPatch, failure: BaseException) -> None:
    good = small_dataset(4)
    store.publish(good, uploader="Mia", file_name="good.xlsx", sha256="e" * 64)
    calls = {"n": 0}
    real_insert = Store._insert_rows

    def insert_then_fail(conn, table, version, frame):  # fails after the first table is in
        calls["n"] += 1
        if calls["n"] == 2:
            raise failure
        real_insert(conn, table, version, frame)

    monkeypatch.setattr(Store, "_insert_rows", staticmethod(insert_then_fail))
    with pytest.raises(type(failure)):
        store.publish(small_dataset(9), uploader="Raj", file_name="bad.xlsx", sha256="f" * 64)
    monkeypatch.undo()

    assert [v.version for v in store.versions()] == [1]
    assert store.current().version == 1
    assert_same(store.load(1), good)
    # the half-written version left no rows behind either
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT COUNT(*) FROM data_people").scalar() == 3


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
