"""The sample company: a plausible org, a year of activity that cascades, outcomes that respond."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

from scorecard.assumptions import setting_for
from scorecard.dataset import Dataset
from scorecard.orgtree import depths, find_cycles, parent_index
from scorecard.sample import generate, write_sample
from scorecard.sample.adoption import FIRST_DAY, LAST_DAY

SAMPLE_WORKBOOK = Path(__file__).resolve().parents[1] / "sample_data" / "sample_company.xlsx"
DEPARTMENTS = {
    "Marketing",
    "Sales",
    "Customer Experience",
    "HR",
    "Engineering",
    "Finance",
    "Operations",
}


@pytest.fixture(scope="module")
def sample() -> Dataset:
    return generate(7)


def _first_active(sample: Dataset) -> pd.DataFrame:
    """People with a manager, their first active day and their manager's (NaT: never)."""
    first = sample.activity.groupby("person_id")["date"].min()
    people = sample.people[sample.people["manager_id"].notna()]
    return people.assign(
        first=people["person_id"].map(first), manager_first=people["manager_id"].map(first)
    )


def test_same_seed_gives_identical_tables(sample: Dataset) -> None:
    again = generate(7)
    for name in ("people", "activity", "outcomes", "goals", "assumptions"):
        pd.testing.assert_frame_equal(sample.table(name), again.table(name))
    assert not generate(8).activity.equals(sample.activity)


def test_headcount_departments_and_ids(sample: Dataset) -> None:
    people = sample.people
    assert 380 <= len(people) <= 420
    assert set(people["department"]) == DEPARTMENTS
    assert people["person_id"].is_unique
    assert people["person_id"].str.fullmatch(r"\d{4}").all()
    assert people["person_id"].iloc[0] == "0001"
    assert people["name"].is_unique


def test_one_root_the_ceo_and_seven_chiefs(sample: Dataset) -> None:
    people = sample.people.set_index("person_id")
    roots = people[people["manager_id"].isna()]
    assert roots["title"].tolist() == ["Chief Executive Officer"]
    assert roots["department"].tolist() == ["Operations"]
    chiefs = people[people["manager_id"] == roots.index[0]]
    assert set(chiefs["department"]) == DEPARTMENTS and len(chiefs) == 7
    assert set(chiefs["tier"]) == {"C-suite"}
    assert "Chief Revenue Officer" in set(chiefs.loc[chiefs["department"] == "Sales", "title"])


def test_every_manager_exists_no_cycles_tiers_follow_depth(sample: Dataset) -> None:
    people = sample.people
    managers = people["manager_id"].dropna()
    assert managers.isin(people["person_id"]).all()
    parents = parent_index(people["person_id"], people["manager_id"])
    assert find_cycles(parents) == []
    depth = depths(parents)
    tier_of_depth = {0: "C-suite", 1: "C-suite", 2: "VP", 3: "Director", 4: "Manager", 5: "Staff"}
    assert (people["tier"].to_numpy() == np.array([tier_of_depth[d] for d in depth])).all()
    # everyone below the chiefs reports within their own department
    boss_department = people["manager_id"].map(people.set_index("person_id")["department"])
    below_chiefs = depth >= 2
    assert (boss_department[below_chiefs] == people["department"][below_chiefs]).all()


def test_costs_and_followers_fall_with_tier(sample: Dataset) -> None:
    by_tier = sample.people.groupby("tier")[["hourly_cost", "followers"]].median()
    order = ["C-suite", "VP", "Director", "Manager", "Staff"]
    assert by_tier.loc[order, "hourly_cost"].is_monotonic_decreasing
    assert by_tier.loc[order, "followers"].is_monotonic_decreasing
    assert sample.people["hourly_cost"].isna().any()  # a few blanks take the default


def test_the_cfo_never_posts(sample: Dataset) -> None:
    people = sample.people
    cfo = people.loc[people["title"] == "Chief Financial Officer", "person_id"]
    assert len(cfo) == 1
    assert not sample.activity["person_id"].isin(cfo).any()


def test_activity_volume_window_and_references(sample: Dataset) -> None:
    activity = sample.activity
    assert 60_000 <= len(activity) <= 120_000
    assert activity["date"].min() >= pd.Timestamp(FIRST_DAY)
    assert activity["date"].max() <= pd.Timestamp(LAST_DAY)
    assert activity["person_id"].isin(sample.people["person_id"]).all()
    keys = ["person_id", "date", "channel", "action"]
    assert not activity.duplicated(keys).any()  # one row per person, day, channel, action
    assert (activity["count"] >= 1).all()


def test_weekdays_are_busier_than_weekends(sample: Dataset) -> None:
    days = pd.date_range(FIRST_DAY, LAST_DAY, freq="D")
    weekend_days = int((days.day_of_week >= 5).sum())
    weekday_days = len(days) - weekend_days
    weekend_rows = int((sample.activity["date"].dt.day_of_week >= 5).sum())
    weekday_rows = len(sample.activity) - weekend_rows
    assert weekday_rows / weekday_days > 3 * weekend_rows / weekend_days


def test_minutes_filled_on_about_sixty_percent(sample: Dataset) -> None:
    filled = sample.activity["minutes"].notna().mean()
    assert 0.55 < filled < 0.65


def test_channels_actions_and_blogging_executives(sample: Dataset) -> None:
    activity = sample.activity.merge(sample.people[["person_id", "tier"]], on="person_id")
    assert set(activity["action"]) == {
        "post",
        "video",
        "blog",
        "article",
        "reply",
        "comment",
        "share",
    }
    bloggers = activity.loc[activity["action"] == "blog", "tier"]
    assert set(bloggers) <= {"C-suite", "VP"} and 1 <= bloggers.index.size
    assert activity.loc[activity["action"] == "blog", "person_id"].nunique() <= 5
    staff = activity[activity["tier"] == "Staff"]["channel"].value_counts(normalize=True)
    assert staff[["LinkedIn", "Internal", "X"]].sum() > 0.85


def test_replies_lead_in_customer_experience(sample: Dataset) -> None:
    activity = sample.activity.merge(sample.people[["person_id", "department"]], on="person_id")
    dialogue = activity["count"].where(activity["action"].isin(["reply", "comment"]), 0)
    ratio = (
        dialogue.groupby(activity["department"]).sum()
        / activity.groupby("department")["count"].sum()
    )
    assert ratio.idxmax() == "Customer Experience"


def test_themes_mix_approved_and_off_message(sample: Dataset) -> None:
    themes = set(sample.activity["theme"].dropna())
    assert themes == {
        "Customer first",
        "Innovation",
        "Our people",
        "Sustainability",
        "Personal",
        "Industry news",
        "Events",
    }


def test_adoption_cascades_in_marketing_not_in_finance(sample: Dataset) -> None:
    people = _first_active(sample)
    after = (
        people["first"].notna()
        & people["manager_first"].notna()
        & (people["first"] >= people["manager_first"])
    )
    share = after.groupby(people["department"]).mean()
    assert share["Marketing"] > 0.8
    assert share["Finance"] < 0.2
    assert share["Marketing"] - share["Finance"] > 0.6


def test_cascade_lift_marketing_far_above_finance(sample: Dataset) -> None:
    """P(active | manager active) / P(active | manager inactive) over person-months."""
    activity, people = sample.activity, sample.people
    months = pd.period_range(FIRST_DAY, LAST_DAY, freq="M")
    monthly = activity.groupby(["person_id", activity["date"].dt.to_period("M")])["count"].sum()
    active = (
        (monthly >= 1)
        .unstack(fill_value=False)
        .reindex(index=people["person_id"], columns=months, fill_value=False)
    )
    managed = people[people["manager_id"].notna()]
    me = active.loc[managed["person_id"]].to_numpy()
    boss = active.loc[managed["manager_id"]].to_numpy()
    lift = {}
    for department in ("Marketing", "Finance"):
        rows = (managed["department"] == department).to_numpy()
        mine, bosses = me[rows], boss[rows]
        lift[department] = mine[bosses].mean() / mine[~bosses].mean()
    assert lift["Marketing"] > 4
    assert lift["Finance"] < 1.5


def test_outcomes_respond_to_activity(sample: Dataset) -> None:
    activity, outcomes = sample.activity, sample.outcomes
    month = activity["date"].dt.to_period("M")
    actions = activity.groupby(["person_id", month])["count"].sum()
    leads = outcomes[outcomes["metric"] == "qualified_leads"]
    leads = leads.set_index(["person_id", leads["date"].dt.to_period("M")])["value"]
    sales = sample.people.loc[sample.people["department"] == "Sales", "person_id"]
    pairs = pd.DataFrame({"leads": leads}).join(actions.rename("actions")).fillna(0)
    pairs = pairs[pairs.index.get_level_values(0).isin(sales)]
    assert len(pairs) == len(sales) * 12  # every Sales person, every month
    assert pairs["leads"].corr(pairs["actions"]) > 0.3
    busiest = pairs.groupby(level=0)["actions"].sum().idxmax()
    one = pairs.loc[busiest]
    assert one["leads"].corr(one["actions"]) > 0


def test_response_minutes_fall_as_cx_gets_going(sample: Dataset) -> None:
    response = sample.outcomes[sample.outcomes["metric"] == "response_minutes"]
    values = response.sort_values("date")["value"].to_numpy()
    assert len(values) == 12
    assert values[-6:].mean() < values[:2].mean() - 15


def test_outcome_metrics_and_attribution(sample: Dataset) -> None:
    outcomes = sample.outcomes
    assert set(outcomes["metric"]) == {
        "qualified_leads",
        "brand_mentions",
        "positive_mentions",
        "negative_mentions",
        "issues_resolved",
        "response_minutes",
        "minutes_saved",
        "referral_hires",
    }
    company = outcomes[outcomes["metric"] == "brand_mentions"]
    assert company["person_id"].isna().all() and company["department"].isna().all()
    hires = outcomes[outcomes["metric"] == "referral_hires"]
    assert set(hires["department"]) == {"HR"}
    assert (outcomes["value"] >= 0).all()


def test_goals_and_assumptions(sample: Dataset) -> None:
    goals = sample.goals
    assert 6 <= len(goals) <= 8
    assert (goals["start"].dt.year == 2026).all() and (goals["end"].dt.year == 2026).all()
    assert {
        "qualified_leads",
        "response_minutes",
        "referral_hires",
        "dialogue_ratio",
        "on_message",
        "leadership_score",
    } <= set(goals["metric"])
    settings = dict(zip(sample.assumptions["key"], sample.assumptions["value"], strict=True))
    assert settings["value_per.qualified_leads"] == "250"
    assert settings["bonus.pool"] == "25000"
    assert all(setting_for(key) is not None for key in settings)


def test_write_sample_keeps_ids_as_text(tmp_path) -> None:
    path = tmp_path / "sample.xlsx"
    write_sample(path, seed=7)
    sheet = openpyxl.load_workbook(path, read_only=True)["people"]
    first = next(sheet.iter_rows(min_row=2, max_row=2, values_only=True))
    assert first[0] == "0001" and first[4] is None


def test_committed_sample_reads_clean_and_is_current(sample: Dataset) -> None:
    from scorecard.ingest import load_paths

    result = load_paths([SAMPLE_WORKBOOK])
    assert [p.message for p in result.report.errors] == []
    # exact round trip: the committed file is what generate(7) makes today
    for name in ("people", "activity", "outcomes", "goals", "assumptions"):
        pd.testing.assert_frame_equal(result.dataset.table(name), sample.table(name))
