"""Bonus pool: points, monthly cap, eligibility, cents by largest remainder, leaderboards."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from scorecard.bonus import bonus_pool, largest_remainder
from scorecard.dataset import Dataset, Filters, Period
from tests.companies import WEEK, assumptions_frame, tiny

SETTINGS = pd.DataFrame(
    {"key": ["bonus.pool", "bonus.min_points", "bonus.cap_per_month"], "value": ["100", "10", "20"]}
)


def dataset(extra_activity: pd.DataFrame | None = None) -> Dataset:
    ds = tiny()
    activity = (
        ds.activity
        if extra_activity is None
        else pd.concat([ds.activity, extra_activity], ignore_index=True)
    )
    return Dataset.from_frames(
        people=ds.people,
        activity=activity,
        outcomes=ds.outcomes,
        assumptions=pd.concat([assumptions_frame(), SETTINGS]),
    )


def test_points_cap_eligibility_and_shares():
    pool = bonus_pool(dataset(), WEEK)
    p = pool.people
    # Ada: post 2 × 5 + reply 6 × 2 + post 1 × 5 + share 3 × 1 = 30, capped at 20 in March;
    # Ben: blog 10 + comment 2 × 2 = 14; Cy: post 5 (< 10, not eligible); Di 0
    assert p["raw_points"].to_dict() == {"001": 30, "002": 14, "003": 5, "004": 0}
    assert p["points"].to_dict() == {"001": 20, "002": 14, "003": 5, "004": 0}
    assert p["eligible"].to_dict() == {"001": True, "002": True, "003": False, "004": False}
    # 10000 cents × 20/34 = 5882.35, × 14/34 = 4117.65: floors 5882 + 4117 = 9999, the last
    # cent to the larger remainder (Ben's .65)
    assert p["share"].to_dict() == {"001": 58.82, "002": 41.18, "003": 0, "004": 0}
    assert pool.allocated == 100


def test_cap_applies_per_month():
    april = pd.DataFrame(
        {
            "date": ["2026-04-01"],
            "person_id": ["001"],
            "channel": ["X"],
            "action": ["post"],
            "count": [6],
        }
    )
    pool = bonus_pool(dataset(april), Period(date(2026, 3, 1), date(2026, 4, 30)))
    # March 30 + 5 (9 March) = 35 → 20; April 30 → 20
    assert pool.people.loc["001", "points"] == 40


def test_separate_leaderboards_and_teams_per_participant():
    pool = bonus_pool(dataset(), WEEK)
    p = pool.people
    assert p.loc[p["board"] == "executives", "rank"].to_dict() == {"001": 1, "002": 2, "003": 3}
    assert p.loc[p["board"] == "staff", "rank"].to_dict() == {"004": 1}
    # Ops 20 points / 1 participant (Di did nothing) = 20; Mkt (14 + 5) / 2 = 9.5
    assert pool.teams["points_per_participant"].to_dict() == {"Ops": 20, "Mkt": 9.5}


def test_largest_remainder():
    assert largest_remainder(100, np.array([1, 1, 1])).tolist() == [33.34, 33.33, 33.33]
    assert largest_remainder(0.05, np.array([1, 1])).tolist() == [0.03, 0.02]
    assert largest_remainder(100, np.array([0, 0])).tolist() == [0, 0]


def test_nobody_eligible_shares_nothing():
    ds = tiny()
    pool = bonus_pool(ds, Period(date(2025, 1, 1), date(2025, 1, 31)))
    assert pool.allocated == 0 and not pool.people["eligible"].any()


def test_a_filter_selects_people_and_never_reshares_the_pool():
    # Company-wide (test above): Ada 58.82, Ben 41.18, Cy 0, Di 0 of the pool of 100.
    # Choosing Mkt (Ben, Cy) keeps their company-wide shares; re-sharing among Mkt alone
    # would have given Ben the whole 100.
    mkt = bonus_pool(dataset(), WEEK, Filters(departments=("Mkt",)))
    assert mkt.people["share"].to_dict() == {"002": 41.18, "003": 0}
    assert (mkt.pool, mkt.allocated) == (100, 100)  # the company's pool, all allocated
    # Ranks stay company-wide and say what they are of: Ben is 2nd of the 3 executives.
    assert mkt.people.loc["002", ["rank", "of"]].tolist() == [2, 3]
    assert mkt.teams.index.tolist() == ["Mkt"] and mkt.teams.loc["Mkt", "rank"] == 2
    # A channel filter selects nobody and changes no money: X alone would give Ada 5 + 3.
    x_only = bonus_pool(dataset(), WEEK, Filters(channels=("X",)))
    assert x_only.people["share"].to_dict() == {"001": 58.82, "002": 41.18, "003": 0, "004": 0}
    staff = bonus_pool(dataset(), WEEK, Filters(tiers=("Staff",)))
    assert staff.people.loc["004", ["share", "rank", "of"]].tolist() == [0, 1, 1]
