"""Properties over random small companies (hypothesis).

- a department's sums equal the sums of its people, and the company's those of its departments;
- multiplying every count (and minutes, received engagements, outcome values) by k leaves every
  ratio unchanged;
- bonus shares always add up to the pool to the cent;
- the leadership score stays within 0–100.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scorecard.bonus import largest_remainder
from scorecard.dataset import Dataset, Period
from scorecard.dictionary import REGISTRY
from scorecard.metrics import compute

PERIOD = Period(date(2026, 3, 1), date(2026, 3, 14))
SUMS = [m.id for m in REGISTRY if m.home == "scorecard" and m.aggregation == "sum"]
RATIOS = [m.id for m in REGISTRY if m.home == "scorecard" and m.aggregation == "ratio"]
SCALED = ["count", "minutes", "impressions", "reactions", "comments_received", "shares_received"]

activity_keys = (
    "day",
    "person",
    "channel",
    "action",
    "purpose",
    "theme",
    "count",
    "minutes",
    "reactions",
    "comments_received",
    "shares_received",
)
activity_rows = st.lists(
    st.fixed_dictionaries(
        {
            "day": st.integers(1, 14),
            "person": st.integers(0, 5),
            "channel": st.sampled_from(["LinkedIn", "X", "Blog", "Internal"]),
            "action": st.sampled_from(
                ["post", "video", "reply", "comment", "share", "like", "live"]
            ),
            "purpose": st.sampled_from([None, "marketing", "customers", "employees"]),
            "theme": st.sampled_from([None, "", "Vision", "People", "growth"]),
            "count": st.integers(1, 5),
            "minutes": st.sampled_from([None, 0.0, 5.0, 30.0]),
            "reactions": st.integers(0, 50),
            "comments_received": st.integers(0, 9),
            "shares_received": st.integers(0, 9),
        }
    ),
    max_size=40,
)


@st.composite
def companies(draw) -> Dataset:
    n = draw(st.integers(1, 6))
    people = pd.DataFrame(
        {
            "person_id": [f"{i:03d}" for i in range(n)],
            "name": [f"P{i}" for i in range(n)],
            "department": [draw(st.sampled_from(["A", "B", "C"])) for _ in range(n)],
            "manager_id": [None] + [f"{draw(st.integers(0, i - 1)):03d}" for i in range(1, n)],
            "hourly_cost": [draw(st.sampled_from([None, 50.0, 200.0])) for _ in range(n)],
            "followers": [draw(st.sampled_from([None, 0.0, 800.0, 5000.0])) for _ in range(n)],
        }
    )
    rows = draw(activity_rows)
    activity = pd.DataFrame(rows, columns=list(activity_keys))
    activity["date"] = [f"2026-03-{d:02d}" for d in activity["day"]]
    activity["person_id"] = [f"{p % n:03d}" for p in activity["person"]]
    activity = activity.drop(columns=["day", "person"])
    outcomes = pd.DataFrame(
        {
            "date": ["2026-03-05", "2026-03-06"],
            "metric": ["qualified_leads"] * 2,
            "value": [draw(st.integers(0, 9)), draw(st.integers(0, 9))],
            "person_id": ["000", None],
            "department": [None, "A"],
        }
    )
    assumptions = pd.DataFrame(
        {
            "key": ["approved_themes", "value_per.qualified_leads"],
            "value": ["vision, growth", "120"],
        }
    )
    return Dataset.from_frames(
        people=people, activity=activity, outcomes=outcomes, assumptions=assumptions
    )


FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(companies())
def test_department_sums_equal_sums_of_people(ds):
    cards = compute(ds, PERIOD)
    by_dept = cards.people.groupby("department")[SUMS].sum()
    dept = cards.departments[SUMS].drop(columns="economic_value")
    pd.testing.assert_frame_equal(
        dept, by_dept.drop(columns="economic_value").reindex(dept.index), check_names=False
    )
    np.testing.assert_allclose(
        cards.company[SUMS].astype(float), cards.departments[SUMS].sum().astype(float)
    )


@FAST
@given(companies(), st.integers(2, 7))
def test_scaling_counts_leaves_ratios_unchanged(ds, k):
    scaled = Dataset.from_frames(
        people=ds.people,
        activity=ds.activity.assign(**{c: ds.activity[c] * k for c in SCALED}),
        outcomes=ds.outcomes.assign(value=ds.outcomes["value"] * k),
        assumptions=ds.assumptions,
    )
    before, after = compute(ds, PERIOD), compute(scaled, PERIOD)
    for level in ("people", "departments"):
        np.testing.assert_allclose(
            getattr(after, level)[RATIOS].to_numpy(dtype=float),
            getattr(before, level)[RATIOS].to_numpy(dtype=float),
            rtol=1e-9,
            equal_nan=True,
        )
    np.testing.assert_allclose(
        after.company[RATIOS].astype(float),
        before.company[RATIOS].astype(float),
        rtol=1e-9,
        equal_nan=True,
    )


@settings(max_examples=300, deadline=None)
@given(
    st.floats(0, 1e7, allow_nan=False),
    st.lists(st.floats(0, 1e4, allow_nan=False), min_size=1, max_size=30),
)
def test_bonus_shares_add_up_to_the_pool_to_the_cent(pool, weights):
    shares = largest_remainder(pool, np.array(weights))
    cents = np.round(shares * 100).astype(np.int64)
    if sum(weights) > 0 and round(pool * 100) > 0:
        assert cents.sum() == round(pool * 100)
    else:
        assert cents.sum() == 0
    assert (cents >= 0).all()


@FAST
@given(
    companies(),
    st.one_of(st.floats(0, 1), st.just(float("nan"))),
    st.lists(st.sampled_from(["0", "1", "50", "0.001"]), min_size=5, max_size=5),
)
def test_score_stays_within_0_and_100(ds, reach_value, weights):
    keys = [
        f"score.weight.{p}" for p in ("presence", "dialogue", "resonance", "cascade", "outcomes")
    ]
    ds = Dataset.from_frames(
        people=ds.people,
        activity=ds.activity,
        outcomes=ds.outcomes,
        assumptions=pd.concat([ds.assumptions, pd.DataFrame({"key": keys, "value": weights})]),
    )
    reach = pd.Series(reach_value, index=ds.people["person_id"])
    cards = compute(ds, PERIOD, reach=reach)
    for scores in (cards.people["leadership_score"], cards.departments["leadership_score"]):
        known = scores.dropna()
        assert ((known >= 0) & (known <= 100 + 1e-9)).all()
