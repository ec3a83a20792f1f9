"""Cascade lift: is a person likelier to be active in the months their manager is?

Over the person-months of the period of everyone with a manager (a reporting line of the
cycle-free forest: unknown and self managers and cycle links do not count):

    lift = P(active | manager active that month) / P(active | manager inactive that month)

each P = active person-months / person-months on that side. A person counts in their own
department, wherever their manager sits. NaN when a side has no person-months or the
"manager inactive" probability is 0 (a ratio over zero is missing, never inf).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from scorecard.cascade.grouped import share
from scorecard.cascade.state import CascadeInputs

_COUNTS = ("with_active_manager", "active_with_active_manager",
           "with_inactive_manager", "active_with_inactive_manager")


def lift_of(inputs: CascadeInputs, by: tuple[str, ...] = ("department",),
            monthly: bool = False) -> pd.DataFrame:
    """Cascade lift per group of reports (and per month when ``monthly``).

    Columns: the ``by`` columns (people columns of the report), ``month`` when monthly, the
    four person-month counts, ``p_active_manager_active``, ``p_active_manager_inactive`` and
    ``lift`` (their ratio; NaN rules in the module docstring).
    """
    reports, managers = inputs.pairs()
    active = inputs.activity.active
    mine, boss = active[reports], active[managers]
    months = inputs.months
    counts = {
        "with_active_manager": boss, "active_with_active_manager": mine & boss,
        "with_inactive_manager": ~boss, "active_with_inactive_manager": mine & ~boss,
    }
    keys = {c: inputs.tree.people[c].to_numpy()[reports] for c in by}
    if monthly:
        frame = pd.DataFrame({
            **{c: np.repeat(v, len(months)) for c, v in keys.items()},
            "month": np.tile(months.to_numpy(), len(reports)),
            **{name: flags.reshape(-1).astype(np.int64) for name, flags in counts.items()},
        })
        group = [*by, "month"]
    else:
        sums = {name: flags.sum(axis=1) for name, flags in counts.items()}
        frame = pd.DataFrame({**keys, **sums})
        group = list(by)
    if group:
        out = frame.groupby(group, sort=True)[list(_COUNTS)].sum().reset_index()
    else:
        out = frame[list(_COUNTS)].sum().to_frame().T.astype(np.int64)
    p_on = out["active_with_active_manager"] / out["with_active_manager"].where(
        out["with_active_manager"] > 0)
    p_off = out["active_with_inactive_manager"] / out["with_inactive_manager"].where(
        out["with_inactive_manager"] > 0)
    out["p_active_manager_active"] = p_on
    out["p_active_manager_inactive"] = p_off
    out["lift"] = p_on / p_off.where(p_off > 0)
    return out


def lift_counts(inputs: CascadeInputs, groups: np.ndarray, n: int) -> dict[str, np.ndarray]:
    """Lift per group id 0..n-1 of the reports (``groups`` aligned with the people rows).

    Returns the four person-month counts, both probabilities and ``lift`` as arrays, with the
    NaN rules of the module docstring; numpy only, for summaries over many people.
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
    return {"with_active_manager": on, "active_with_active_manager": on_active,
            "with_inactive_manager": off, "active_with_inactive_manager": off_active,
            "p_active_manager_active": p_on, "p_active_manager_inactive": p_off,
            "lift": share(p_on, np.where(np.isnan(p_off), 0, p_off))}
