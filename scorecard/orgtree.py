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
    ids = pd.Index(_as_text(person_ids))
    managers = _as_text(manager_ids)
    parents = ids.get_indexer(managers)
    parents[parents == np.arange(len(parents))] = -1
    return parents.astype(np.int64)


def _as_text(values: Sequence[object]) -> pd.Series:
    """Values as a ``str`` Series; pandas objects are converted whole, not element by element."""
    if isinstance(values, (pd.Series, pd.Index)) and values.dtype == "str":
        return pd.Series(values.array, dtype="str")  # already text: no copy through objects
    if isinstance(values, (pd.Series, pd.Index, np.ndarray)):
        return pd.Series(np.asarray(values, dtype=object), dtype="str")
    return pd.Series(list(values), dtype="str")


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
            cycles.append(path[path.index(node) :])
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


def cycle_members(parents: np.ndarray) -> np.ndarray:
    """Boolean mask of the people on a cycle (not those merely below one).

    Only the nodes :func:`depths` could not place (depth -1) are walked, so a roster without
    cycles costs one vectorised pass.
    """
    on_cycle = np.zeros(len(parents), dtype=bool)
    unplaced = np.flatnonzero(depths(parents) == -1)
    if len(unplaced) == 0:
        return on_cycle
    # Walk only the unplaced sub-graph: every unplaced node's manager is unplaced too.
    local = pd.Index(unplaced).get_indexer(parents[unplaced])
    for cycle in find_cycles(local):
        on_cycle[unplaced[cycle]] = True
    return on_cycle


def cut_cycles(parents: np.ndarray) -> np.ndarray:
    """A forest: ``parents`` with every cycle member made a root (its manager link dropped).

    People below a cycle keep their own manager, so their subtrees survive; the cycle's
    members no longer sit below each other.
    """
    forest = parents.copy()
    forest[cycle_members(parents)] = -1
    return forest


def preorder(
    forest: np.ndarray, sibling_key: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Preorder position and subtree size of every node of a forest (no cycles).

    Node ``i``'s subtree, itself included, is the preorder positions
    ``start[i] .. start[i] + size[i] - 1``, so "everyone below i" is an interval and counts over
    it are differences of one cumulative sum. Siblings (and roots) are laid out by
    ``sibling_key`` (any sortable array; default: row order). Linear work: one vectorised
    step per depth level, bottom-up for sizes, top-down for positions; never recursive.
    Raises ``ValueError`` on a cycle (cut it first with :func:`cut_cycles`).
    """
    n = len(forest)
    depth = depths(forest)
    if (depth == -1).any():
        raise ValueError("preorder needs a forest: cut the cycles first")
    by_depth = np.argsort(depth, kind="stable")
    bounds = np.searchsorted(depth[by_depth], np.arange(depth.max(initial=0) + 2))
    levels = [by_depth[bounds[d] : bounds[d + 1]] for d in range(len(bounds) - 1)]

    size = np.ones(n, dtype=np.int64)
    for nodes in reversed(levels[1:]):
        np.add.at(size, forest[nodes], size[nodes])

    # Offset of each node among its siblings: sizes of the siblings laid out before it.
    key = np.arange(n) if sibling_key is None else np.asarray(sibling_key)
    sib = np.lexsort((np.arange(n), key, forest))
    sizes = size[sib]
    group_start = np.r_[True, forest[sib][1:] != forest[sib][:-1]]
    running = np.cumsum(sizes) - sizes
    offset = np.empty(n, dtype=np.int64)
    offset[sib] = running - np.maximum.accumulate(np.where(group_start, running, 0))

    start = np.empty(n, dtype=np.int64)
    start[levels[0]] = offset[levels[0]]
    for nodes in levels[1:]:
        start[nodes] = start[forest[nodes]] + 1 + offset[nodes]
    return start, size


#: Tier from depth when the roster gives none: the CEO (0) and their direct reports (1) are
#: the C-suite, then one tier per level; everyone from depth 5 down is staff.
DEPTH_TIERS: tuple[str, ...] = ("C-suite", "C-suite", "VP", "Director", "Manager")


def tiers_from_depth(depth: np.ndarray, explicit: pd.Series | None = None) -> np.ndarray:
    """Tier per person: ``explicit`` where given (not missing, not blank), else by depth.

    Depth 0 and 1 → C-suite, 2 → VP, 3 → Director, 4 → Manager, ≥ 5 → Staff; a depth of -1
    (on or below a cycle) → Staff. Returns an object array aligned with ``depth``.
    """
    lookup = np.array([*DEPTH_TIERS, "Staff"], dtype=object)
    deepest = len(DEPTH_TIERS)
    tiers = lookup[np.where(depth < 0, deepest, np.minimum(depth, deepest))]
    if explicit is not None:
        given = explicit.astype("str")
        given = given.where(given.str.strip() != "").to_numpy(dtype=object, na_value=None)
        tiers = np.where(pd.notna(given), given, tiers)
    return tiers


def derive_tiers(people: pd.DataFrame) -> pd.Series:
    """Each person's tier, indexed by person_id (first row of a duplicated ID wins).

    The explicit ``tier`` when given (not missing, not blank); otherwise from depth in the
    manager tree: 0 and 1 → C-suite, 2 → VP, 3 → Director, 4 → Manager, ≥ 5 → Staff. People on
    or below a cycle have no depth and are Staff. Unknown and self managers make a root (0).
    """
    unique = people.drop_duplicates("person_id")
    ids = unique["person_id"].astype("str")
    depth = depths(parent_index(ids, unique["manager_id"]))
    tiers = tiers_from_depth(depth, unique.get("tier"))
    return pd.Series(
        tiers,
        index=pd.Index(ids.to_numpy(), dtype="str", name="person_id"),
        name="tier",
        dtype="str",
    )
