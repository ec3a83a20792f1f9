"""Edge cases of the scorecards: empty period, no people, unknown purpose, one channel, zero
time cost, no assumptions sheet, a weekend, a manager cycle."""

from __future__ import annotations

from datetime import date

import pandas as pd

from scorecard.dataset import Dataset, Period
from scorecard.metrics import compute
from tests.companies import WEEK, activity_frame, people_frame, tiny

PEOPLE = pd.DataFrame({"person_id": ["1"], "name": ["A"], "department": ["D"]})


def one_person(rows: list[dict], assumptions: pd.DataFrame | None = None) -> Dataset:
    frames = {"people": PEOPLE, "activity": pd.DataFrame(rows)}
    if assumptions is not None:
        frames["assumptions"] = assumptions
    return Dataset.from_frames(**frames)


def row(**kw) -> dict:
    return {
        "date": "2026-03-02",
        "person_id": "1",
        "channel": "LinkedIn",
        "action": "post",
        "count": 1,
        **kw,
    }


def test_empty_period_gives_zero_sums_and_missing_ratios():
    cards = compute(tiny(), Period(date(2025, 1, 1), date(2025, 1, 31)))
    assert len(cards.people) == 4
    assert cards.company["actions"] == 0 and cards.company["time_cost"] == 0
    assert pd.isna(cards.company["dialogue_ratio"]) and pd.isna(cards.company["social_roi"])
    # every pillar actual is 0 or missing: the score is 0, not missing
    assert cards.people["leadership_score"].tolist() == [0, 0, 0, 0]


def test_no_people_gives_empty_frames():
    cards = compute(Dataset.from_frames(), WEEK)
    assert cards.people.empty and cards.departments.empty
    assert cards.company["headcount"] == 0 and pd.isna(cards.company["dialogue_ratio"])


def test_person_without_posts_has_missing_rates():
    cards = compute(one_person([row(action="reply", count=4)]), WEEK)
    person = cards.people.loc["1"]
    assert person["posts"] == 0 and person["dialogue_ratio"] == 1.0  # 4 / 4
    assert pd.isna(person["applause_rate"]) and pd.isna(person["engagement_rate"])


def test_unknown_purpose_counts_as_purposed_not_marketing():
    cards = compute(
        one_person([row(purpose="sales", count=3), row(purpose="marketing", count=1)]), WEEK
    )
    # purposed 3 + 1, not marketing 3 → 3 / 4
    assert cards.people.loc["1", "beyond_marketing"] == 0.75
    assert cards.people.loc["1", "mostly_marketing"] == 0.0  # 1 / 4 ≤ 1/2


def test_one_channel_only_leaves_voice_missing():
    cards = compute(one_person([row(theme="A"), row(theme="B")]), WEEK)
    assert pd.isna(cards.people.loc["1", "voice_consistency"])


def test_zero_time_cost_leaves_roi_missing():
    cards = compute(one_person([row(minutes=0)]), WEEK)
    assert cards.people.loc["1", "time_cost"] == 0
    assert pd.isna(cards.people.loc["1", "social_roi"])


def test_no_assumptions_sheet_takes_defaults():
    cards = compute(one_person([row(theme="Vision")]), WEEK)
    assert cards.people.loc["1", "time_cost"] == 20 / 60 * 85  # post 20 min at 85/h
    assert pd.isna(cards.people.loc["1", "on_message"])  # no approved themes: cannot judge


def test_weekend_period_has_no_business_days():
    cards = compute(
        one_person([row(date="2026-03-07", count=9)]), Period(date(2026, 3, 7), date(2026, 3, 8))
    )
    assert cards.people.loc["1", "actions"] == 9
    assert pd.isna(cards.people.loc["1", "multi_daily"])


def test_manager_cycle_does_not_break_tiers():
    people = people_frame().assign(manager_id=["004", "001", "002", "001"], tier=None)
    cards = compute(Dataset.from_frames(people=people, activity=activity_frame()), WEEK)
    assert set(cards.people["tier"]) == {"Staff"}  # everyone is on or below the 001–004 cycle
    assert cards.company["actions"] == 16
