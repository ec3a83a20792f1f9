"""Adoption by tier and month, and the cascade front.

``adoption`` = active people / people, per group (department, tier, ...) and month, counting
everyone on the roster (people without activity are inactive). ``front`` of a month = the
deepest tier (in C-suite → Staff order) in which at least half the people were active.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from scorecard.cascade.state import CascadeInputs
from scorecard.schema import TIERS

FRONT_SHARE = 0.5


def adoption_of(
    inputs: CascadeInputs, by: tuple[str, ...] = ("department", "tier")
) -> pd.DataFrame:
    """Adoption per group and month, long format.

    Columns: the ``by`` columns (of the people frame: department, tier, ...), ``month`` (first
    day), ``people``, ``active`` (ints) and ``adoption`` (active / people, 0–1). Groups with
    nobody are absent, so adoption is never 0/0. Tiers are ordered C-suite → Staff.
    ``by=()`` gives the company.
    """
    people = inputs.tree.people
    months = inputs.months
    flags = pd.DataFrame(inputs.activity.active.astype(np.int64), columns=range(len(months)))
    flags["people"] = 1
    if by:
        sums = flags.groupby([people[c] for c in by], sort=False).sum()
        sums.index.names = list(by)
        sums = sums.reset_index()
    else:
        sums = flags.sum().to_frame().T
    out = sums.melt(id_vars=[*by, "people"], var_name="month", value_name="active")
    out["month"] = months[out["month"].to_numpy(dtype=np.int64)]
    out["adoption"] = out["active"] / out["people"]
    out = out[[*by, "month", "people", "active", "adoption"]].astype(
        {"people": np.int64, "active": np.int64}
    )
    sort_keys = [pd.Index(TIERS).get_indexer(out[c]) if c == "tier" else out[c] for c in by]
    order = (
        np.lexsort([out["month"].to_numpy(), *reversed(sort_keys)])
        if by
        else np.argsort(out["month"].to_numpy(), kind="stable")
    )
    return out.iloc[order].reset_index(drop=True)
    return out


def front_of(inputs: CascadeInputs, by: tuple[str, ...] = ("department",)) -> pd.DataFrame:
    """The cascade front per group and month: the deepest tier with adoption ≥ 50%.

    Columns: the ``by`` columns, ``month``, ``front`` (tier name, or missing when no tier
    reaches half) and ``front_rank`` (0 = C-suite … 4 = Staff, -1 when none).
    """
    return front_from(adoption_of(inputs, (*by, "tier")), by)


def front_from(adoption: pd.DataFrame, by: tuple[str, ...] = ("department",)) -> pd.DataFrame:
    """:func:`front_of` from an :func:`adoption_of` frame grouped by ``(*by, "tier")``."""
    rank = pd.Index(TIERS).get_indexer(adoption["tier"])
    reached = np.where(adoption["adoption"].to_numpy() >= FRONT_SHARE, rank, -1)
    out = (
        adoption[[*by, "month"]]
        .assign(front_rank=reached)
        .groupby([*by, "month"], sort=True)["front_rank"]
        .max()
        .reset_index()
    )
    tiers = np.array([*TIERS, None], dtype=object)
    out["front"] = pd.Series(tiers[out["front_rank"].to_numpy()], dtype="str")
    return out[[*by, "month", "front", "front_rank"]]
