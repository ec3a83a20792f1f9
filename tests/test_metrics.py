"""Every scorecard metric pinned on the tiny company of tests/companies.py.

Rows in the week (2–8 March 2026, 5 business days, months = 7/31); the 9 March row and the
row of unknown person 999 are outside the scope.
  001 Ada (Ops, C-suite, 120/h, 2000 followers):
      post×2 LinkedIn marketing "Vision" 40 min (impr 1000, react 30, comm 6, shr 4)
      reply×6 LinkedIn customers, no minutes → 6 × 3 = 18 min
      post×1 X employees "vision " 20 min (react 10, comm 2)
      share×3 X marketing, no minutes → 3 × 2 = 6 min
  002 Ben (Mkt, tier from depth 1 → C-suite, hourly default 90, followers unknown):
      blog×1 Blog reputation "Culture", minutes.blog = 60 (react 8, comm 4, shr 2)
      comment×2 LinkedIn no purpose 10 min
  003 Cy (Mkt, depth 2 → VP, 60/h, 500 followers): post×1 X marketing "Vision" 15 min (react 1)
  004 Di (Ops, Staff): nothing.
Outcomes in the week at 100 per qualified lead: 3 leads of 001 (300), 2 leads of Mkt alone
(200); brand_mentions has no unit value; 10 unattributed leads are not counted.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from scorecard.dataset import Filters
from scorecard.dictionary import REGISTRY
from scorecard.metrics import SCORECARD_METRICS, compute
from scorecard.metrics.voice import jsd
from tests.companies import WEEK, tiny

NAN = math.nan


@pytest.fixture(scope="module")
def cards():
    return compute(tiny(), WEEK, reach=pd.Series({"001": 0.5}))


def check(actual: pd.Series, expected: dict[str, float]) -> None:
    for key, value in expected.items():
        got = actual[key]
        if isinstance(value, float) and math.isnan(value):
            assert pd.isna(got), key
        else:
            assert got == pytest.approx(value, rel=1e-4), key


def test_every_scorecard_metric_is_a_column(cards):
    assert list(cards.people.columns[4:]) == list(SCORECARD_METRICS)
    assert list(cards.departments.columns) == list(SCORECARD_METRICS)
    assert set(SCORECARD_METRICS) <= {m.id for m in REGISTRY}


def test_ada(cards):
    check(
        cards.people.loc["001"],
        {
            "headcount": 1,
            "actions": 12,  # 2 + 6 + 1 + 3
            "posts": 3,
            "replies": 6,
            "shares": 3,
            "active_days": 3,  # 2, 3, 4 March
            "channels": 2,  # LinkedIn, X
            "time_cost": 168,  # (40 + 18 + 20 + 6) / 60 × 120
            "active_share": 1,
            "multi_daily": 1,  # 12 / 5 = 2.4 ≥ 2
            "blogging": 0,
            "dialogue_ratio": 0.5,  # 6 / 12
            "beyond_marketing": 7 / 12,  # purposed 12, marketing 2 + 3
            "mostly_marketing": 0,  # 5 / 12 ≤ 1/2
            "on_message": 1.0,  # themed posts 3, all "vision" (approved, case and spaces ignored)
            "voice_consistency": 1.0,  # LinkedIn and X both carry only "vision"
            "impressions": 1000,
            "engagement_rate": 52 / 3,  # (40 + 8 + 4) / 3
            "conversation_rate": 8 / 3,
            "amplification_rate": 4 / 3,
            "applause_rate": 40 / 3,
            # per 1,000 followers: denominator 3 posts × 2000 / 1000 = 6
            "conversation_rate_per_1k": 8 / 6,
            "amplification_rate_per_1k": 4 / 6,
            "applause_rate_per_1k": 40 / 6,
            "economic_value": 300,  # 3 leads × 100
            "social_roi": (300 - 168) / 168,
            # presence 3 days vs 12 × 7/31 = 2.71 → 20; dialogue 0.5 vs 0.3 → 20;
            # resonance 17.33 / 25 × 20 = 13.87; cascade 0.5 / 0.6 × 20 = 16.67;
            # outcomes 0.7857 × 20 = 15.71
            "leadership_score": 20 + 20 + 52 / 3 / 25 * 20 + 0.5 / 0.6 * 20 + 132 / 168 * 20,
        },
    )


def test_ben(cards):
    check(
        cards.people.loc["002"],
        {
            "actions": 3,
            "posts": 1,
            "replies": 2,
            "shares": 0,
            "active_days": 2,
            "channels": 2,
            "time_cost": 105,  # (60 + 10) / 60 × 90 (hourly_cost_default)
            "multi_daily": 0,  # 3 / 5 = 0.6
            "blogging": 1,
            "dialogue_ratio": 2 / 3,
            "beyond_marketing": 1.0,  # the comment has no purpose: 1 purposed, reputation
            "mostly_marketing": 0,
            "on_message": 0.0,  # 1 themed post, "culture" not approved
            "voice_consistency": NAN,  # only Blog carries themed posts
            "engagement_rate": 14,
            "conversation_rate": 4,
            "amplification_rate": 2,
            "applause_rate": 8,
            "conversation_rate_per_1k": NAN,  # followers unknown
            "economic_value": 0,
            "social_roi": -1.0,  # (0 − 105) / 105
            # reach not given for Ben although Cy reports to him: cascade 0 of 20.
            # presence 2 / (12 × 7/31) × 20 = 14.76; dialogue 20; resonance 14/25 × 20 = 11.2
            "leadership_score": 2 / (12 * 7 / 31) * 20 + 20 + 11.2,
        },
    )


def test_cy_and_di(cards):
    check(
        cards.people.loc["003"],
        {
            "actions": 1,
            "time_cost": 15,  # 15 / 60 × 60
            "beyond_marketing": 0.0,
            "mostly_marketing": 1.0,
            "on_message": 1.0,
            "applause_rate_per_1k": 2.0,  # 1 / (1 × 500 / 1000)
            "social_roi": -1.0,
            # nobody below Cy: cascade left out, four pillars of 25.
            # presence 1 / 2.71 × 25 = 9.23; resonance 1 / 25 × 25 = 1
            "leadership_score": 1 / (12 * 7 / 31) * 25 + 1,
        },
    )
    check(
        cards.people.loc["004"],
        {
            "actions": 0,
            "active_days": 0,
            "channels": 0,
            "time_cost": 0,
            "active_share": 0,
            "multi_daily": 0,
            "blogging": 0,
            "dialogue_ratio": NAN,
            "beyond_marketing": NAN,
            "mostly_marketing": NAN,
            "engagement_rate": NAN,
            "social_roi": NAN,
            "leadership_score": 0,
        },
    )
    assert cards.people["tier"].tolist() == ["C-suite", "C-suite", "VP", "Staff"]


def test_departments_from_sums(cards):
    check(
        cards.departments.loc["Ops"],
        {
            "headcount": 2,
            "actions": 12,
            "active_days": 3,
            "time_cost": 168,
            "active_share": 0.5,
            "multi_daily": 0.5,  # Ada yes, Di no
            "mostly_marketing": 0.0,  # Di has no purposed actions: not in the denominator
            "economic_value": 300,
            # presence 3 / 2 people = 1.5 vs 2.71; cascade = active share 0.5
            "leadership_score": 1.5 / (12 * 7 / 31) * 20
            + 20
            + 52 / 3 / 25 * 20
            + 0.5 / 0.6 * 20
            + 132 / 168 * 20,
        },
    )
    check(
        cards.departments.loc["Mkt"],
        {
            "actions": 4,
            "posts": 2,
            "replies": 2,
            "channels": 3,  # Blog, LinkedIn, X
            "time_cost": 120,  # 105 + 15
            "blogging": 0.5,
            "dialogue_ratio": 0.5,  # 2 / 4, not the mean of 2/3 and 0
            "beyond_marketing": 0.5,  # (2 − 1) / 2
            "mostly_marketing": 0.5,
            "on_message": 0.5,  # Vision approved, Culture not
            # Blog {culture}, X {vision}: p = (½, ½); JSD(Blog, p) = JSD(X, p) = 0.31128
            "voice_consistency": 1 - jsd(np.array([1.0, 0]), np.array([0.5, 0.5])),
            "engagement_rate": 7.5,  # (9 + 4 + 2) / 2
            "applause_rate_per_1k": 2.0,  # only Cy's followers are known: 1 / 0.5
            "economic_value": 200,  # the 2 leads attributed to Mkt alone
            "social_roi": (200 - 120) / 120,
        },
    )
    assert 1 - jsd(np.array([1.0, 0]), np.array([0.5, 0.5])) == pytest.approx(0.68872, abs=1e-5)


def test_company(cards):
    check(
        cards.company,
        {
            "headcount": 4,
            "actions": 16,
            "posts": 5,
            "replies": 8,
            "shares": 3,
            "active_days": 6,
            "channels": 3,
            "time_cost": 288,
            "active_share": 0.75,
            "multi_daily": 0.25,
            "blogging": 0.25,
            "dialogue_ratio": 0.5,
            "beyond_marketing": 8 / 14,  # purposed 12 + 1 + 1, marketing 5 + 0 + 1
            "mostly_marketing": 1 / 3,  # Cy, of Ada, Ben, Cy
            "on_message": 0.8,  # 4 of 5 themed posts
            # LinkedIn {vision 2}, X {vision 2}, Blog {culture 1}; p = (0.8, 0.2):
            # JSD = 0.108031, 0.108031, 0.609987; weights 0.4, 0.4, 0.2 → 0.208422
            "voice_consistency": 1 - 0.2084222,
            "engagement_rate": 13.4,  # (49 + 12 + 6) / 5
            "conversation_rate": 2.4,
            "amplification_rate": 1.2,
            "applause_rate": 9.8,
            "conversation_rate_per_1k": 8 / 6.5,  # 6 + 0.5 follower-weighted posts
            "applause_rate_per_1k": 41 / 6.5,
            "economic_value": 500,
            "social_roi": (500 - 288) / 288,
        },
    )


def test_filters_narrow_people_and_channels():
    cards = compute(tiny(), WEEK, filters=Filters(departments=("Mkt",), channels=("x",)))
    assert list(cards.people.index) == ["002", "003"]
    # Only Cy's X post remains; Ben has nothing on X.
    assert cards.company["actions"] == 1
    assert cards.people.loc["002", "actions"] == 0


def test_received_sums_per_person_department_and_company(cards):
    # Week rows only (the 9 March row and person 999 are out); the tiny data has no clicks.
    # Ada: reactions 30 + 10, comments 6 + 2, shares 4; Ben: 8, 4, 2; Cy: 1, 0, 0.
    received = ["reactions", "comments_received", "shares_received", "clicks"]
    assert cards.people.loc[["001", "002", "003", "004"], received].values.tolist() == [
        [40, 8, 4, 0],
        [8, 4, 2, 0],
        [1, 0, 0, 0],
        [0, 0, 0, 0],
    ]
    # Departments and the company add their people up: Mkt 8 + 1, 4, 2; Ops = Ada; all 49, 12, 6.
    assert cards.departments.loc[["Mkt", "Ops"], received].values.tolist() == [
        [9, 4, 2, 0],
        [40, 8, 4, 0],
    ]
    assert cards.company[received].tolist() == [49, 12, 6, 0]
