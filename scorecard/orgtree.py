"""The manager tree: parents, cycles and depths, linear in headcount and safe on real rosters.

Real rosters have cycles (A reports to B, B to A), unknown managers, several roots and people who
manage themselves. Every function here terminates on all of them: a node is visited a bounded
number of times, never by recursion. Unknown and self managers are treated as "no manager"
(a root); people on a cycle are reported by :func:`find_cycles` and get no depth.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd


def parent_index(person_ids: Sequence[str], manager_ids: Sequence[object]) -> np.ndarray:
    """Position of each person's manager in ``person_ids``, or -1 (none, unknown or self).

    ``person_ids`` must be unique. Missing managers are ``None`` or ``NaN``.
    """
    ids = pd.Index(pd.Series(list(person_ids), dtype="str"))
    managers = pd.Series(list(manager_ids), dtype="str")
    parents = ids.get_indexer(managers)
    parents[parents == np.arange(len(parents))] = -1
    return parents.astype(np.int64)


def find_cycles(parents: np.ndarray) -> list[list[int]]:
    """Every cycle in the parent array, each as positions in reporting order.

    A self-manager is not a cycle here (:func:`parent_index` already made them roots). Linear:
    each node is coloured once, and a walk stops at the first node coloured before.
    """
    n = len(parents)
    state = np.zeros(n, dtype=np.int64)  # 0 unseen; k > 0 seen on walk k
    done = np.zeros(n, dtype=bool)
    cycles: list[list[int]] = []
    for start in range(n):
        if done[start]:
            continue
        walk_id = start + 1
        path: list[int] = []
        node = start
        while node != -1 and not done[node] and state[node] != walk_id:
            state[node] = walk_id
            path.append(node)
            node = int(parents[node])
        if node != -1 and not done[node] and state[node] == walk_id:
            cycles.append(path[path.index(node):])
        done[path] = True
    return cycles


def depths(parents: np.ndarray) -> np.ndarray:
    """Depth of each node (a root is 0); -1 for nodes on a cycle or below one.

    Vectorised pointer jumping: O(n log d) for depth d, no Python loop over people.
    """
    n = len(parents)
    depth = np.where(parents == -1, 0, 1).astype(np.int64)
    anc = parents.copy()
    # After k rounds, anc[i] is i's 2^k-th ancestor (or -1) and depth[i] counts the hops so far.
    for _ in range(max(1, int(np.ceil(np.log2(n + 1))) + 1)):
        has = anc != -1
        if not has.any():
            break
        idx = np.where(has)[0]
        a = anc[idx]
        depth[idx] = depth[idx] + depth[a]
        anc[idx] = anc[a]
    depth[anc != -1] = -1  # still has an ancestor after log2(n) doublings: a cycle above
    return depth


def cycle_names(cycle: Iterable[int], labels: Sequence[str]) -> str:
    """People on a cycle in reporting order, e.g. "A → B → C → A"."""
    members = [labels[i] for i in cycle]
    return " → ".join([*members, members[0]])
