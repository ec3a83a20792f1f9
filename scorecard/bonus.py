"""The bonus pool: participation made measurable, and shared to the cent.

- points = Σ count × ``bonus.points.<action>`` (defaults in :mod:`scorecard.assumptions`), summed
  per person and calendar month and capped at ``bonus.cap_per_month`` per month;
- eligible: points in the period ≥ ``bonus.min_points``;
- share = pool × points / Σ eligible points, in cents by the largest-remainder method, so the
  shares add up to the pool exactly (ties in remainder go to the earlier roster row);
- leaderboards: executives (C-suite, VP) and everyone else ranked separately by points;
- teams (departments): points per active participant (people with at least one action), so a
  small team is not buried by a big one; NaN for a team with no participant.

Filters select; they never recompute money. The pool is always shared out over the whole
company (all departments, tiers and channels); a department or tier filter keeps the chosen
people's rows, with their company-wide points, shares and ranks, and ``of`` (the size of their
board, company-wide) says what a rank is of.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from scorecard.dataset import Dataset, Filters, Period
from scorecard.metrics.scope import build_scope
from scorecard.schema import EXECUTIVE_TIERS


@dataclass(frozen=True)
class BonusPool:
    """``people``: index person_id; name, department, tier, board ("executives"/"staff"),
    raw_points (uncapped), points, eligible, share (currency), rank (within the board) and
    ``of`` (people on the board): all company-wide, whatever the filter selects.
    ``teams``: index department; points, participants, points_per_participant, rank (of all
    departments). ``pool`` and ``allocated`` are the company's."""

    people: pd.DataFrame
    teams: pd.DataFrame
    pool: float
    allocated: float


def largest_remainder(amount: float, weights: np.ndarray) -> np.ndarray:
    """``amount`` split in proportion to ``weights``, in cents, summing to ``amount`` exactly.

    Each share is floored to the cent; the cents left go one each to the largest remainders
    (earlier position wins a tie). All-zero weights: all shares 0. Returns currency floats.
    """
    weights = np.asarray(weights, dtype="float64")
    cents = round(amount * 100)
    total = weights.sum()
    if total <= 0 or cents <= 0:
        return np.zeros(len(weights))
    quotas = cents * weights / total
    floors = np.floor(quotas).astype(np.int64)
    left = cents - int(floors.sum())
    order = np.lexsort((np.arange(len(weights)), -(quotas - floors)))
    floors[order[: max(0, min(left, len(weights)))]] += 1
    return floors / 100.0


def _rank(points: pd.Series) -> pd.Series:
    return points.rank(method="min", ascending=False).astype("int64")


def bonus_pool(dataset: Dataset, period: Period, filters: Filters | None = None) -> BonusPool:
    """Points, eligibility, shares, leaderboards and team comparison for ``period``, computed
    company-wide; ``filters`` then select the people (departments, tiers) and teams
    (departments) shown, never changing a share or a rank. The channel filter selects no
    people, so it changes nothing here: the pool rewards all participation."""
    filters = filters or Filters()
    company = _company_pool(dataset, period)
    people, teams = company.people, company.teams
    if filters.departments:
        people = people[people["department"].isin(filters.departments)]
        teams = teams[teams.index.isin(filters.departments)]
    if filters.tiers:
        people = people[people["tier"].isin(filters.tiers)]
    return BonusPool(people=people, teams=teams, pool=company.pool, allocated=company.allocated)


def _company_pool(dataset: Dataset, period: Period) -> BonusPool:
    """The pool shared out over everyone (see the module docstring)."""
    scope = build_scope(dataset, period)
    r, a, people = scope.rows, scope.assumptions, scope.people
    n = len(people)
    per_action = np.array([a.points_for(x) for x in r.action_names], dtype="float64")
    row_points = per_action[r.action] * r.count if len(r.action) else np.zeros(0)
    months, month_of_row = np.unique(r.month, return_inverse=True)
    grid = np.bincount(
        r.person * len(months) + month_of_row, weights=row_points, minlength=n * len(months)
    ).reshape(n, len(months))
    raw = grid.sum(axis=1)
    points = np.minimum(grid, a.bonus_cap_per_month).sum(axis=1)
    eligible = (points >= a.bonus_min_points) & (points > 0)
    shares = largest_remainder(a.bonus_pool, np.where(eligible, points, 0.0))
    actions = np.bincount(r.person, weights=r.count, minlength=n)

    out = people[["name", "department", "tier"]].copy()
    out["board"] = np.where(out["tier"].isin(EXECUTIVE_TIERS), "executives", "staff")
    out["raw_points"] = raw
    out["points"] = points
    out["eligible"] = eligible
    out["share"] = shares
    out["rank"] = out.groupby("board")["points"].transform(_rank) if n else pd.Series(dtype="int64")
    out["of"] = out.groupby("board")["points"].transform("size").astype("int64")
    out = out.sort_values(["board", "points"], ascending=[True, False], kind="stable")

    teams = pd.DataFrame(
        {
            "department": people["department"].to_numpy(),
            "points": points,
            "participants": (actions > 0).astype("int64"),
        }
    )
    teams = teams.groupby("department").sum()
    teams["points_per_participant"] = teams["points"] / teams["participants"].where(
        teams["participants"] > 0
    )
    teams["rank"] = teams["points_per_participant"].rank(method="min", ascending=False)
    teams = teams.sort_values("points_per_participant", ascending=False, na_position="last")
    return BonusPool(
        people=out, teams=teams, pool=a.bonus_pool, allocated=float(round(shares.sum(), 2))
    )
