"""The cascade on rosters that fight back, and properties on random orgs."""

from __future__ import annotations

import json
import math
from datetime import date

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scorecard.cascade import (
    adoption_of,
    cascade_report,
    departments_of,
    monthly_reach_of,
    prepare,
    reach_of,
    team_reach,
)
from scorecard.dataset import Dataset, Period

PERIOD = Period(date(2026, 1, 1), date(2026, 2, 28))


def test_cycle_and_orphans_never_hang():
    people = pd.DataFrame(
        {
            "person_id": ["a", "b", "c", "d", "e", "f"],
            "name": ["A", "B", "C", "D", "E", "F"],
            "department": "Ops",
            # a → b → c → a; d reports to an unknown ID; e to themself; f to a.
            "manager_id": ["b", "c", "a", "nobody", "e", "a"],
        }
    )
    activity = pd.DataFrame(
        {
            "date": ["2026-01-03", "2026-01-04"],
            "person_id": ["f", "b"],
            "channel": "X",
            "action": "post",
        }
    )
    data = Dataset.from_frames(people=people, activity=activity)
    reach = team_reach(data, PERIOD)
    # Cycle cut: a keeps only f below it (active) → 1.0; b and c have nobody below.
    assert reach["a"] == 1.0
    assert reach[["b", "c", "d", "e", "f"]].isna().all()
    report = cascade_report(data, PERIOD)
    json.dumps(report, allow_nan=False)
    assert report["cycle_members"] == 3
    # The only reporting line is f → a (cycle links, unknown and self managers are none).
    assert report["company"]["lines"] == 1
    # f active in Jan with a inactive; Feb both inactive: "manager active" side empty.
    assert report["company"]["lift"] is None


def test_lift_missing_when_managers_never_active():
    people = pd.DataFrame(
        {
            "person_id": ["m", "r"],
            "name": ["M", "R"],
            "department": "Ops",
            "manager_id": [None, "m"],
        }
    )
    activity = pd.DataFrame(
        {"date": ["2026-01-03"], "person_id": ["r"], "channel": "X", "action": "post"}
    )
    inputs = prepare(Dataset.from_frames(people=people, activity=activity), PERIOD)
    ops = departments_of(inputs).set_index("department").loc["Ops"]
    # The data covers January only (its one day), so R has 1 person-month, with an inactive
    # manager: P(active | manager active) is 0/0; P(active | manager inactive) = 1/1.
    assert math.isnan(ops["p_active_manager_active"])
    assert ops["p_active_manager_inactive"] == 1.0
    assert math.isnan(ops["lift"])


def test_empty_activity_and_duplicate_ids():
    people = pd.DataFrame(
        {
            "person_id": ["1", "1", "2"],
            "name": ["A", "A again", "B"],
            "department": [None, "X", "X"],
            "manager_id": [None, None, "1"],
        }
    )
    inputs = prepare(Dataset.from_frames(people=people), PERIOD)
    assert reach_of(inputs).tolist()[0] == 0.0 and len(reach_of(inputs)) == 2
    assert inputs.tree.people["department"].tolist() == ["(no department)", "X"]
    # No activity at all: no month of data, so no month of adoption (never a row of 0%).
    assert adoption_of(inputs, ())["adoption"].tolist() == []


def descendants(forest: np.ndarray, node: int) -> set[int]:
    """Brute force, independent of the preorder layout: whose walk up meets ``node``."""
    found = set()
    for i in range(len(forest)):
        j = int(forest[i])
        for _ in range(len(forest)):
            if j in (-1, node):
                break
            j = int(forest[j])
        if j == node:
            found.add(i)
    return found


@st.composite
def orgs(draw):
    n = draw(st.integers(min_value=1, max_value=25))
    managers = draw(st.lists(st.integers(min_value=-3, max_value=n - 1), min_size=n, max_size=n))
    actions = draw(st.lists(st.integers(min_value=0, max_value=3), min_size=2 * n, max_size=2 * n))
    threshold = draw(st.integers(min_value=1, max_value=3))
    ids = [f"{i:03d}" for i in range(n)]
    people = pd.DataFrame(
        {
            "person_id": ids,
            "name": ids,
            "department": [("Sales", "Ops", "R&D")[i % 3] for i in range(n)],
            "manager_id": [ids[m] if m >= 0 else ("ghost" if m == -2 else None) for m in managers],
        }
    )
    rows = [
        {
            "date": f"2026-0{1 + k // n}-{5 + k % 7:02d}",
            "person_id": ids[k % n],
            "channel": "X",
            "action": "post",
            "count": c,
        }
        for k, c in enumerate(actions)
        if c > 0
    ]
    activity = pd.DataFrame(rows, columns=["date", "person_id", "channel", "action", "count"])
    assumptions = pd.DataFrame({"key": ["active_threshold"], "value": [str(threshold)]})
    return Dataset.from_frames(people=people, activity=activity, assumptions=assumptions)


@settings(max_examples=40, deadline=None)
@given(orgs())
def test_adoption_in_unit_interval_and_reach_bounded(data):
    inputs = prepare(data, PERIOD)
    for by in [("department", "tier"), ("tier",), ()]:
        adoption = adoption_of(inputs, by)["adoption"]
        assert ((adoption >= 0) & (adoption <= 1)).all()
    reach = reach_of(inputs)
    monthly = monthly_reach_of(inputs)
    forest, active_any = inputs.tree.forest, inputs.activity.active_any
    for node in range(len(forest)):
        below = np.array(sorted(descendants(forest, node)), dtype=int)
        if len(below) == 0:
            assert math.isnan(reach.iloc[node])
            continue
        # Reach is exactly the share of everyone below who was active in any month ...
        assert reach.iloc[node] == pytest.approx(active_any[below].mean())
        # ... so no single month's reach of a leader is ever above it.
        assert (monthly.iloc[node].to_numpy() <= reach.iloc[node] + 1e-12).all()
    # The company lift equals the spec's formula computed pair by pair, month by month.
    active = inputs.activity.active
    on = off = on_active = off_active = 0
    for report, manager in enumerate(forest):
        if manager == -1:
            continue
        for month in range(active.shape[1]):
            if active[manager, month]:
                on, on_active = on + 1, on_active + int(active[report, month])
            else:
                off, off_active = off + 1, off_active + int(active[report, month])
    p_on = on_active / on if on else math.nan
    p_off = off_active / off if off else math.nan
    expected = p_on / p_off if p_off else math.nan  # NaN p_off is truthy: NaN stays NaN
    lift = departments_of(inputs)["lift"].iloc[-1]  # the company row is last
    assert lift == pytest.approx(expected, nan_ok=True)
    json.dumps(cascade_report(data, PERIOD), allow_nan=False)
    assert np.isfinite(inputs.tree.size).all()


def test_activity_of_unknown_or_missing_ids_is_ignored():
    people = pd.DataFrame(
        {
            "person_id": ["m", "r"],
            "name": ["M", "R"],
            "department": "Ops",
            "manager_id": [None, "m"],
        }
    )
    activity = pd.DataFrame(
        {
            "date": ["2026-01-03", "2026-01-04", "2026-03-01"],
            "person_id": [None, "ghost", "r"],
            "channel": "X",
            "action": "post",
        }
    )
    inputs = prepare(Dataset.from_frames(people=people, activity=activity), PERIOD)
    # The missing and unknown IDs count for nobody; r's March row is outside Jan–Feb.
    assert inputs.activity.actions.sum() == 0
    assert team_reach(Dataset.from_frames(people=people, activity=activity), PERIOD)["m"] == 0
