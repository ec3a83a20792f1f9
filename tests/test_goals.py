"""Vision progress: actual, expected by now, status (mirrored for down), projection."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from scorecard.dataset import Dataset
from scorecard.goals import (
    as_of_date,
    goal_label,
    goal_progress,
    goal_unit,
    in_scope,
    status_of,
)
from tests.companies import tiny


def with_goals(goals: pd.DataFrame) -> Dataset:
    ds = tiny()
    return Dataset.from_frames(
        people=ds.people,
        activity=ds.activity,
        outcomes=ds.outcomes,
        assumptions=ds.assumptions,
        goals=goals,
    )


@pytest.fixture(scope="module")
def progress() -> pd.DataFrame:
    goals = pd.DataFrame(
        {
            "metric": ["qualified_leads", "actions", "dialogue_ratio", "nonsense", "posts"],
            "target": [20, 60, 0.42, 5, 10],
            "start": ["2026-03-01", "2026-03-01", "2026-03-01", "2026-03-01", "2026-04-01"],
            "end": ["2026-03-31"] * 4 + ["2026-04-30"],
            "department": [None, None, "Ops", None, None],
            "person_id": [None, "001", None, None, None],
        }
    )
    return goal_progress(with_goals(goals)).set_index("metric")


def test_as_of_is_the_last_day_of_data():
    assert as_of_date(tiny()) == date(2026, 3, 20)  # outcome of 20 March; activity ends 9th


def test_outcome_goal_accumulates(progress):
    g = progress.loc["qualified_leads"]
    # window 1–20 March of 31 days; leads 3 + 2 + 10 + 4 = 19; expected 20 × 20/31 = 12.9
    assert g["scope"] == "company" and g["actual"] == 19
    assert g["elapsed_share"] == pytest.approx(20 / 31)
    assert g["expected"] == pytest.approx(20 * 20 / 31)
    assert g["status"] == "on track"
    assert g["projected"] == pytest.approx(19 * 31 / 20)
    assert g["progress"] == pytest.approx(0.95)


def test_person_goal_on_a_dictionary_sum(progress):
    g = progress.loc["actions"]
    # Ada 12 in the week + 5 on 9 March = 17; expected 60 × 20/31 = 38.7; 80% is 31.0
    assert (g["scope"], g["key"], g["actual"]) == ("person", "001", 17)
    assert g["status"] == "off track"
    assert g["projected"] == pytest.approx(17 * 31 / 20)


def test_level_goal_is_not_prorated(progress):
    g = progress.loc["dialogue_ratio"]
    # Ops: replies 6 / actions 17 = 0.353; expected 0.42 (a ratio does not accumulate);
    # 0.8 × 0.42 = 0.336 ≤ 0.353 → at risk
    assert g["actual"] == pytest.approx(6 / 17) and g["expected"] == 0.42
    assert g["status"] == "at risk" and g["projected"] == pytest.approx(6 / 17)


def test_unknown_and_future_goals(progress):
    assert progress.loc["nonsense", "status"] == "unknown metric"
    assert progress.loc["posts", "status"] == "not started"
    assert pd.isna(progress.loc["posts", "actual"])


@pytest.mark.parametrize(
    "actual, direction, status",
    [
        (30, "up", "on track"),
        (24, "up", "at risk"),
        (23.9, "up", "off track"),
        (30, "down", "on track"),
        (37.5, "down", "at risk"),  # 37.5 × 0.8 = 30
        (38, "down", "off track"),
        (float("nan"), "up", "no data"),
    ],
)
def test_status_is_mirrored_for_direction_down(actual, direction, status):
    assert status_of(actual, 30, direction) == status


def test_no_goals_sheet_gives_an_empty_frame():
    assert goal_progress(tiny()).empty


def test_goal_on_an_averaged_outcome_uses_the_mean_and_is_not_prorated():
    # response_minutes is a level: with aggregate.response_minutes = mean the actual is the mean
    # of the window's rows, (50 + 40 + 30) / 3 = 40, against the full target 45 (not 45 × share):
    # direction down, 40 ≤ 45 → on track; projected = actual = 40.
    # Without the assumption the same rows would sum to 120 and read off track.
    goals = pd.DataFrame(
        {
            "metric": ["response_minutes"],
            "target": [45],
            "start": ["2026-03-01"],
            "end": ["2026-03-31"],
            "direction": ["down"],
        }
    )
    outcomes = pd.DataFrame(
        {
            "date": ["2026-03-05", "2026-03-12", "2026-03-19", "2026-04-02"],
            "metric": ["response_minutes"] * 4,
            "value": [50, 40, 30, 99],
        }
    )
    base = tiny()
    averaged = Dataset.from_frames(
        people=base.people,
        activity=base.activity,
        outcomes=outcomes,
        goals=goals,
        assumptions=pd.DataFrame({"key": ["aggregate.response_minutes"], "value": ["mean"]}),
    )
    g = goal_progress(averaged, as_of=date(2026, 3, 20)).iloc[0]
    assert (g["actual"], g["expected"], g["projected"], g["status"]) == (40, 45, 40, "on track")

    summed = Dataset.from_frames(
        people=base.people, activity=base.activity, outcomes=outcomes, goals=goals
    )
    g = goal_progress(summed, as_of=date(2026, 3, 20)).iloc[0]
    # sum 120 against expected 45 × 20/31 = 29.0: 120 × 0.8 = 96 > 29.0 → off track
    assert g["actual"] == 120 and g["status"] == "off track"


def test_a_persons_leadership_goal_reads_the_score_on_their_scorecard():
    # Ada (001) leads everyone, so her score has a cascade pillar; the goal must measure the
    # same score as her scorecard (team reach included), not the one without that pillar.
    from datetime import date as day

    from scorecard.cascade import team_reach
    from scorecard.dataset import Period
    from scorecard.metrics import compute

    week = Period(day(2026, 3, 2), day(2026, 3, 8))
    goals = pd.DataFrame(
        {
            "metric": ["leadership_score"],
            "target": [80],
            "start": ["2026-03-02"],
            "end": ["2026-03-08"],
            "person_id": ["001"],
        }
    )
    actual = goal_progress(with_goals(goals)).iloc[0]["actual"]
    on_card = compute(tiny(), week, reach=team_reach(tiny(), week)).people.at[
        "001", "leadership_score"
    ]
    without_reach = compute(tiny(), week).people.at["001", "leadership_score"]
    assert actual == pytest.approx(on_card)
    assert on_card != pytest.approx(without_reach)  # the two really differ on this data


def test_a_department_sees_company_goals_its_own_and_its_peoples():
    goals = pd.DataFrame(
        {
            "scope": ["company", "department", "department", "person", "person"],
            "key": ["company", "Mkt", "Ops", "002", "001"],
        }
    )
    people = tiny().people  # Ben 002 and Cy 003 are in Mkt; Ada 001 and Di 004 in Ops
    assert in_scope(goals, people, ("Mkt",)).index.tolist() == [0, 1, 3]
    assert in_scope(goals, people, ()).index.tolist() == [0, 1, 2, 3, 4]  # no filter: all
    assert (goal_label("qualified_leads"), goal_unit("qualified_leads")) == (
        "Qualified leads",
        "count",
    )
    assert (goal_label("social_roi"), goal_unit("social_roi")) == ("Social ROI", "ratio")
