"""The org as an icicle: one rectangle per person, as wide as the people in their subtree.

Preorder layout (see :func:`scorecard.orgtree.preorder`): a subtree is an interval, so with a
cumulative count of the people in focus, a person's rectangle spans ``x0 = people in focus
before their subtree`` to ``x1 = x0 + people in focus in their subtree``; children sit inside
their manager's span one level down. ``level`` = how many of their managers are in focus.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from scorecard.cascade.state import CascadeInputs


def icicle_of(
    inputs: CascadeInputs,
    department: str | None = None,
    leader: str | None = None,
    max_levels: int = 5,
    min_share: float = 0.002,
) -> pd.DataFrame:
    """Rectangles of the icicle, focused on a department and/or a leader's subtree.

    In focus: everyone (default), the people of ``department``, the ``leader`` (a person_id)
    and everyone below them, or both. Columns: person_id, name, department, tier, ``level``
    (0 = top of the focus), ``x0``, ``x1`` (people), ``people`` (in focus in the subtree),
    ``active`` (of those, active in ≥ 1 month of the period) and ``adoption`` (active / people).
    Without a leader, level 0 is one bar for everyone in focus (person_id "", name the
    department or "Everyone") holding the exact totals, and the tops of the tree sit at
    level 1. Levels ≥ ``max_levels`` and rectangles narrower than ``min_share`` of the whole
    are left out so a 50,000-person org stays drawable. An unknown leader gives an empty frame.
    """
    tree = inputs.tree
    people = tree.people
    n = len(people)
    focus = np.ones(n, dtype=bool)
    if department is not None:
        focus &= people["department"].to_numpy() == department
    if leader is not None:
        at = tree.ids.get_indexer([leader])[0]
        inside = np.zeros(n, dtype=bool)
        if at >= 0:
            inside[tree.order[tree.start[at] : tree.start[at] + tree.size[at]]] = True
        focus &= inside

    def prefix(values: np.ndarray) -> np.ndarray:
        return np.concatenate([[0], np.cumsum(values[tree.order])])

    counted = prefix(focus.astype(np.int64))
    active = prefix((focus & inputs.activity.active_any).astype(np.int64))
    x0 = counted[tree.start]
    width = counted[tree.start + tree.size] - x0
    active_in = active[tree.start + tree.size] - active[tree.start]
    # Managers in focus above each person: +1 over every focused subtree, read at the person.
    marks = np.zeros(n + 1, dtype=np.int64)
    np.add.at(marks, tree.start[focus] + 1, 1)
    np.add.at(marks, tree.start[focus] + tree.size[focus], -1)
    level = np.cumsum(marks)[tree.start]

    total = int(focus.sum())
    top = active[-1]
    if leader is None:  # several tops: an "everyone" bar above them holds the exact totals
        level = level + 1
    keep = focus & (level < max_levels) & (width >= min_share * max(total, 1))
    out = pd.DataFrame(
        {
            "person_id": people["person_id"].to_numpy()[keep],
            "name": people["name"].to_numpy()[keep],
            "department": people["department"].to_numpy()[keep],
            "tier": people["tier"].to_numpy()[keep],
            "level": level[keep],
            "x0": x0[keep],
            "x1": x0[keep] + width[keep],
            "people": width[keep],
            "active": active_in[keep],
        }
    ).astype({"person_id": "str", "name": "str", "department": "str", "tier": "str"})
    if leader is None and total:
        everyone = department if department is not None else "Everyone"
        root = pd.DataFrame(
            {
                "person_id": [""],
                "name": [everyone],
                "department": [everyone],
                "tier": [""],
                "level": [0],
                "x0": [0],
                "x1": [total],
                "people": [total],
                "active": [int(top)],
            }
        )
        out = pd.concat([root.astype(out.dtypes.to_dict()), out], ignore_index=True)
    out["adoption"] = out["active"] / out["people"]
    return out.sort_values(["level", "x0"], kind="stable").reset_index(drop=True)
