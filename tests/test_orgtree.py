"""The manager tree: preorder intervals, cycles cut, tiers derived, on hostile rosters."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scorecard.dataset import Dataset
from scorecard.orgtree import (
    cut_cycles,
    cycle_members,
    depths,
    derive_tiers,
    parent_index,
    preorder,
)


def brute_descendants(parents: np.ndarray, node: int) -> set[int]:
    """Everyone whose walk up (bounded by n steps) meets ``node``."""
    out = set()
    for i in range(len(parents)):
        j, steps = int(parents[i]), 0
        while j != -1 and steps <= len(parents):
            if j == node:
                out.add(i)
                break
            j, steps = int(parents[j]), steps + 1
    return out


def test_preorder_of_the_seven_person_org():
    # 0 → (1 → 3, 4), (2 → 5, 6): preorder 0 1 3 4 2 5 6.
    start, size = preorder(np.array([-1, 0, 0, 1, 1, 2, 2]))
    assert start.tolist() == [0, 1, 4, 2, 3, 5, 6]
    assert size.tolist() == [7, 3, 3, 1, 1, 1, 1]


def test_cycle_of_three_plus_unknown_and_self_managers():
    people = pd.DataFrame(
        {
            "person_id": ["a", "b", "c", "d", "e", "f", "g"],
            "name": list("ABCDEFG"),
            "department": "Ops",
            # a → b → c → a is a cycle; d's manager is unknown; e manages themself;
            # f reports to a (below the cycle), g to f.
            "manager_id": ["b", "c", "a", "zz", "e", "a", "f"],
        }
    )
    parents = parent_index(people["person_id"], people["manager_id"])
    assert parents.tolist() == [1, 2, 0, -1, -1, 0, 5]
    assert cycle_members(parents).tolist() == [True, True, True, False, False, False, False]
    forest = cut_cycles(parents)
    assert forest.tolist() == [-1, -1, -1, -1, -1, 0, 5]
    _start, size = preorder(forest)
    assert size.tolist() == [3, 1, 1, 1, 1, 2, 1]  # a keeps f and g below it
    tiers = derive_tiers(Dataset.from_frames(people=people).people)
    # Cycle members and those below a cycle have no depth → Staff; d and e are roots.
    assert tiers.to_dict() == {
        "a": "Staff",
        "b": "Staff",
        "c": "Staff",
        "d": "C-suite",
        "e": "C-suite",
        "f": "Staff",
        "g": "Staff",
    }


def test_preorder_refuses_a_cycle():
    with pytest.raises(ValueError):
        preorder(np.array([1, 0]))


def test_derive_tiers_from_depth_and_explicit():
    # A chain 0 → 1 → ... → 6: depths 0..6 → C-suite, C-suite, VP, Director, Manager, Staff,
    # Staff; person 3 says "VP" explicitly, person 5 is blank (derived).
    ids = [str(i) for i in range(7)]
    people = pd.DataFrame(
        {
            "person_id": ids,
            "name": ids,
            "department": "Ops",
            "manager_id": [None, *ids[:-1]],
            "tier": [None, None, None, "VP", None, "", None],
        }
    )
    tiers = derive_tiers(Dataset.from_frames(people=people).people)
    assert tiers.tolist() == ["C-suite", "C-suite", "VP", "VP", "Manager", "Staff", "Staff"]
    assert tiers.index.tolist() == ids


def test_long_chain_terminates_with_right_sizes():
    n = 3000
    parents = np.arange(-1, n - 1)
    start, size = preorder(parents)
    assert start.tolist() == list(range(n))
    assert size.tolist() == list(range(n, 0, -1))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=-2, max_value=29), min_size=1, max_size=30))
def test_intervals_match_brute_force(raw):
    # Random manager positions (-2 and out-of-range mean unknown), cycles allowed.
    n = len(raw)
    parents = np.array([p if 0 <= p < n else -1 for p in raw])
    parents[parents == np.arange(n)] = -1
    forest = cut_cycles(parents)
    assert (depths(forest) >= 0).all()
    start, size = preorder(forest)
    order = np.empty(n, dtype=int)
    order[start] = np.arange(n)
    assert sorted(start.tolist()) == list(range(n))
    for node in range(n):
        interval = set(order[start[node] + 1 : start[node] + size[node]].tolist())
        assert interval == brute_descendants(forest, node)
