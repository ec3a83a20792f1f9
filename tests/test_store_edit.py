"""Saving edited assumptions and goals of a stored version: checked without re-reading its
activity, stored as one new small blob per edited table, every other blob shared."""

from __future__ import annotations

import dataclasses

import pandas as pd

from scorecard.dataset import Dataset
from scorecard.store import Store
from scorecard.ui.publishing import check_edits

PEOPLE = pd.DataFrame(
    {
        "person_id": ["001", "002"],
        "name": ["Ada", "Ben"],
        "department": ["Ops", "Ops"],
        "manager_id": [None, "001"],
    }
)
DATA = Dataset.from_frames(
    people=PEOPLE,
    activity=pd.DataFrame(
        {
            "date": pd.to_datetime(["2026-01-05", "2026-02-05"]),
            "person_id": ["001", "002"],
            "channel": ["X", "X"],
            "action": ["post", "reply"],
        }
    ),
    goals=pd.DataFrame(
        {"metric": ["posts"], "target": [10], "start": ["2026-01-01"], "end": ["2026-12-31"]}
    ),
    assumptions=pd.DataFrame({"key": ["currency"], "value": ["$"]}),
)


def test_an_edit_is_checked_on_its_own_tables_and_stored_beside_the_shared_activity(
    tmp_path,
) -> None:
    store = Store(f"sqlite:///{tmp_path / 'store.db'}")
    store.publish(DATA, uploader="Mia", file_name="q1.xlsx", sha256="1" * 64)
    goals = DATA.goals.assign(target=[12.0])
    result = check_edits(dataclasses.replace(DATA, goals=goals), 1, "edit of version 1.xlsx")
    assert result.report.ok and result.dataset.goals["target"].tolist() == [12.0]
    assert result.dataset.activity.empty  # the stored activity was not written and re-read
    saved = store.edit(
        1,
        {"assumptions": result.dataset.assumptions, "goals": result.dataset.goals},
        uploader="Raj",
    )
    # goal target 10 → 12: one goal replaced; the assumptions came back the same.
    assert (saved.info.how, saved.info.changes) == ("edit", "goals 1 replaced")
    one, two = store.manifest(1), store.manifest(2)
    assert {k for k in one if one[k] != two[k]} == {("goals", "")}
    assert store.load(2).activity.equals(store.load(1).activity)


def test_an_edited_goal_that_ends_before_it_starts_is_still_an_error(tmp_path) -> None:
    goals = DATA.goals.assign(
        start=pd.to_datetime(["2026-12-31"]), end=pd.to_datetime(["2026-01-01"])
    )
    result = check_edits(dataclasses.replace(DATA, goals=goals), 1, "edit.xlsx")
    assert [p.code for p in result.report.errors] == ["goal_dates_reversed"]
