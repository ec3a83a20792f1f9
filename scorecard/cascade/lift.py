"""Cascade lift: is a person likelier to be active in the months their manager is?

The one implementation of the registry's ``cascade_lift``, whose entry in
:mod:`scorecard.dictionary` holds the formula, unit and edge cases (written nowhere else). A
reporting line is one of the cycle-free forest: unknown and self managers and cycle links do
not count.
"""

from __future__ import annotations

import numpy as np

from scorecard.cascade.grouped import share
from scorecard.cascade.state import CascadeInputs


def lift_counts(inputs: CascadeInputs, groups: np.ndarray, n: int) -> dict[str, np.ndarray]:
    """Lift per group id 0..n-1 of the reports (``groups`` aligned with the people rows).

    Returns the four person-month counts (``with_active_manager``,
    ``active_with_active_manager``, ``with_inactive_manager``, ``active_with_inactive_manager``),
    ``p_active_manager_active`` = active / person-months with the manager active,
    ``p_active_manager_inactive`` likewise, and ``lift`` = their ratio: NaN when a side has no
    person-months or the "manager inactive" probability is 0.
    """
    reports, managers = inputs.pairs()
    active = inputs.activity.active
    mine, boss = active[reports], active[managers]
    g = groups[reports]
    on = np.bincount(g, weights=boss.sum(axis=1), minlength=n)
    on_active = np.bincount(g, weights=(mine & boss).sum(axis=1), minlength=n)
    off = np.bincount(g, weights=(~boss).sum(axis=1), minlength=n)
    off_active = np.bincount(g, weights=(mine & ~boss).sum(axis=1), minlength=n)
    p_on, p_off = share(on_active, on), share(off_active, off)
    return {
        "with_active_manager": on,
        "active_with_active_manager": on_active,
        "with_inactive_manager": off,
        "active_with_inactive_manager": off_active,
        "p_active_manager_active": p_on,
        "p_active_manager_inactive": p_off,
        "lift": share(p_on, np.where(np.isnan(p_off), 0, p_off)),
    }
