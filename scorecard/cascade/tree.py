"""The organisation as arrays: one row per person, the manager forest and its preorder layout.

Built once per dataset and reused by every cascade measure. Positions (0..n-1) index the
people in roster order; ``start``/``size`` give each person's subtree as a preorder interval,
so "everyone below X" is positions ``start[X] + 1 .. start[X] + size[X] - 1`` of ``order``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from scorecard import orgtree
from scorecard.schema import TIERS

NO_DEPARTMENT = "(no department)"


@dataclass(frozen=True)
class OrgTree:
    """The reporting lines of one roster, cycles cut (see :func:`scorecard.orgtree.cut_cycles`)."""

    people: pd.DataFrame  # person_id, name, department, tier, manager_id; one row per ID
    parents: np.ndarray  # manager position or -1 (none, unknown, self)
    forest: np.ndarray  # parents with cycle members made roots
    on_cycle: np.ndarray  # bool: on a manager cycle
    depth: np.ndarray  # depth in the forest (a root is 0)
    start: np.ndarray  # preorder position
    size: np.ndarray  # subtree size, the person included
    order: np.ndarray  # order[k] = person at preorder position k

    @property
    def ids(self) -> pd.Index:
        return pd.Index(self.people["person_id"], dtype="str", name="person_id")

    @property
    def below(self) -> np.ndarray:
        """How many people are below each person (all descendants)."""
        return self.size - 1

    def subtree_sums(self, values: np.ndarray) -> np.ndarray:
        """Sum of ``values`` (rows = people, any trailing shape) over everyone below each person.

        One cumulative sum in preorder and a difference per interval: linear in headcount.
        """
        values = np.asarray(values)
        ordered = values[self.order].astype(np.int64 if values.dtype == bool else values.dtype)
        cum = np.concatenate(
            [np.zeros((1, *values.shape[1:]), dtype=ordered.dtype), np.cumsum(ordered, axis=0)]
        )
        return cum[self.start + self.size] - cum[self.start + 1]

    @property
    def tier_rank(self) -> np.ndarray:
        """Position of each person's tier in :data:`TIERS` (0 = C-suite), -1 when unknown."""
        return pd.Index(TIERS).get_indexer(self.people["tier"])


def build_tree(people: pd.DataFrame) -> OrgTree:
    """The org tree of a people table (first row of a duplicated person_id wins).

    Tiers come from :func:`scorecard.orgtree.derive_tiers`; a missing department becomes
    "(no department)". Siblings are laid out by department then name, so a department's
    people sit together in the icicle.
    """
    unique = people.drop_duplicates("person_id").reset_index(drop=True)
    ids = unique["person_id"].astype("str")
    parents = orgtree.parent_index(ids, unique["manager_id"])
    department = unique["department"].astype("str")
    frame = pd.DataFrame(
        {
            "person_id": ids,
            "name": unique["name"].astype("str").fillna(ids),
            "department": department.where(department.str.strip() != "").fillna(NO_DEPARTMENT),
            "tier": pd.Series(
                orgtree.tiers_from_depth(orgtree.depths(parents), unique.get("tier")), dtype="str"
            ),
            "manager_id": unique["manager_id"].astype("str"),
        }
    )
    on_cycle = orgtree.cycle_members(parents)
    forest = parents.copy()
    forest[on_cycle] = -1
    by_name = np.lexsort(
        (pd.factorize(frame["name"], sort=True)[0], pd.factorize(frame["department"], sort=True)[0])
    )
    sibling_key = np.empty(len(by_name), dtype=np.int64)
    sibling_key[by_name] = np.arange(len(by_name))
    start, size = orgtree.preorder(forest, sibling_key)
    order = np.empty(len(start), dtype=np.int64)
    order[start] = np.arange(len(start))
    return OrgTree(frame, parents, forest, on_cycle, orgtree.depths(forest), start, size, order)
