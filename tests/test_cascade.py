"""The cascade on a hand-computed seven-person org (built in tests/companies.py).

    Cora (CEO, Exec)
    ├── Vik (VP, Sales)      ── Sam, Sid (Staff, Sales)
    └── Val (VP, Support)    ── Sue, Stan (Staff, Support)

Period 2026-01-01 .. 2026-03-31 (Jan, Feb, Mar); active threshold 1 action per month.
Active months (J F M) and first active day:
    Cora 1 1 1  Jan 5      Vik 1 1 1  Jan 15     Val 0 0 1  Mar 20
    Sam  0 1 1  Feb 4      Sid 1 0 1  Jan 10     Sue 0 1 0  Feb 14    Stan 0 0 0  —
Stan's only action (2025-12-20) is before the period; an unknown ID's row is ignored.
"""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest

from scorecard.cascade import (
    adoption_of,
    cascade_report,
    departments_of,
    front_of,
    lag_pairs_of,
    leaders_of,
    monthly_reach_of,
    prepare,
    team_reach,
)
from scorecard.dataset import Dataset
from tests.companies import ORG_ACTIVITY as ACTIVITY
from tests.companies import ORG_PEOPLE as PEOPLE
from tests.companies import ORG_PERIOD as PERIOD


@pytest.fixture(scope="module")
def inputs():
    return prepare(Dataset.from_frames(people=PEOPLE, activity=ACTIVITY), PERIOD)


def test_team_reach_counts_everyone_below():
    reach = team_reach(Dataset.from_frames(people=PEOPLE, activity=ACTIVITY), PERIOD)
    assert reach.index.tolist() == ["01", "02", "03", "04", "05", "06", "07"]
    assert reach["01"] == pytest.approx(5 / 6)  # 6 below Cora, all but Stan active
    assert reach["02"] == 1.0  # Sam and Sid both active
    assert reach["03"] == 0.5  # Sue active, Stan not
    assert reach[["04", "05", "06", "07"]].isna().all()  # nobody below staff


def test_monthly_reach_never_above_period_reach(inputs):
    monthly = monthly_reach_of(inputs)
    # Below Cora: Jan Vik, Sid = 2/6; Feb Vik, Sam, Sue = 3/6; Mar Vik, Val, Sam, Sid = 4/6.
    assert monthly.loc["01"].tolist() == pytest.approx([2 / 6, 3 / 6, 4 / 6])


def test_adoption_by_department_and_tier(inputs):
    adoption = adoption_of(inputs).set_index(["department", "tier", "month"])["adoption"]
    jan, feb, mar = (pd.Timestamp(f"2026-0{m}-01") for m in (1, 2, 3))
    # Sales staff Sam, Sid: Jan 1/2 (Sid), Feb 1/2 (Sam), Mar 2/2.
    assert [adoption[("Sales", "Staff", m)] for m in (jan, feb, mar)] == [0.5, 0.5, 1.0]
    # Support staff Sue, Stan: 0/2, 1/2 (Sue), 0/2.
    assert [adoption[("Support", "Staff", m)] for m in (jan, feb, mar)] == [0.0, 0.5, 0.0]
    assert [adoption[("Support", "VP", m)] for m in (jan, feb, mar)] == [0.0, 0.0, 1.0]
    company = adoption_of(inputs, ("tier",))
    # Company staff: Jan 1/4 (Sid), Feb 2/4 (Sam, Sue), Mar 2/4 (Sam, Sid).
    staff = company[company["tier"] == "Staff"]
    assert staff["adoption"].tolist() == [0.25, 0.5, 0.5]
    assert staff["people"].tolist() == [4, 4, 4]
    assert company["tier"].drop_duplicates().tolist() == ["C-suite", "VP", "Staff"]


def test_front_is_the_deepest_tier_at_half(inputs):
    company = front_of(inputs, ())
    # Jan: C-suite 1, VP 1/2, Staff 1/4 → VP. Feb, Mar: Staff 2/4 → Staff.
    assert company["front"].tolist() == ["VP", "Staff", "Staff"]
    support = front_of(inputs).query("department == 'Support'")
    # Jan: VP 0, Staff 0 → none; Feb: Staff 1/2; Mar: VP 1, Staff 0 → VP.
    assert support["front"].isna().tolist() == [True, False, False]
    assert support["front"].tolist()[1:] == ["Staff", "VP"]
    assert support["front_rank"].tolist() == [-1, 4, 1]


def test_lag_pairs_and_summary(inputs):
    pairs = lag_pairs_of(inputs).set_index("person_id")
    # Vik Jan 15 − Cora Jan 5 = 10; Val Mar 20 − Jan 5 = 26 + 28 + 20 = 74;
    # Sam Feb 4 − Vik Jan 15 = 16 + 4 = 20; Sid Jan 10 − Jan 15 = −5;
    # Sue Feb 14 − Val Mar 20 = −(14 + 20) = −34; Stan never started.
    assert pairs["lag_days"].to_dict() == pytest.approx(
        {"02": 10, "03": 74, "04": 20, "05": -5, "06": -34, "07": math.nan}, nan_ok=True
    )
    assert pairs.loc["07", "started_after"] == False
    by_dept = departments_of(inputs).set_index("department")  # the summary production shows
    # Sales: 10, 20, −5 → median 10, after 2/3. Support: 74, −34 → median 20, after 1/2.
    assert by_dept.loc["Sales", "median_lag_days"] == 10
    assert by_dept.loc["Sales", "started_after_share"] == pytest.approx(2 / 3)
    assert by_dept.loc["Support", "median_lag_days"] == 20
    assert by_dept.loc["Support", "started_after_share"] == 0.5
    assert by_dept.loc["Support", "lines"] == 3  # Val, Sue, Stan; Stan's pair has no lag
    # Company: −34, −5, 10, 20, 74 → median 10; 3 of 5 after.
    assert by_dept.loc["Company", "median_lag_days"] == 10
    assert by_dept.loc["Company", "started_after_share"] == pytest.approx(3 / 5)


def test_lift_per_department_and_company(inputs):
    lift = departments_of(inputs).set_index("department")  # the one lift production shows
    # Sales reports (Vik under Cora; Sam, Sid under Vik): managers active every month, so the
    # "manager inactive" side is empty → lift missing. Active with active manager 3+2+2 = 7/9.
    assert math.isnan(lift.loc["Sales", "p_active_manager_inactive"])  # 0 person-months
    assert math.isnan(lift.loc["Sales", "lift"])
    assert lift.loc["Sales", "p_active_manager_active"] == pytest.approx(7 / 9)
    # Support: Val (Cora active J F M; Val active M) 1/3; Sue, Stan under Val (active M only):
    # manager active → Sue 0/1, Stan 0/1; inactive (J, F) → Sue 1/2, Stan 0/2.
    # P(on) = 1/5 = 0.2, P(off) = 1/4 = 0.25, lift = 0.8.
    assert lift.loc["Support", "lift"] == pytest.approx(0.8)
    # Cora has no manager: Exec has no person-months on either side, so no lift.
    assert lift.loc["Exec", ["p_active_manager_active", "p_active_manager_inactive"]].isna().all()
    assert math.isnan(lift.loc["Exec", "lift"])
    # On: 9 + 5 = 14 person-months, 7 + 1 = 8 active; off: 4, 1 active → (8/14) / (1/4) = 16/7.
    assert lift.loc["Company", "lift"] == pytest.approx(16 / 7)


def test_departments_summary(inputs):
    table = departments_of(inputs).set_index("department")
    assert table.index.tolist() == ["Exec", "Sales", "Support", "Company"]
    # Reach below the department's heads: Sales Sam, Sid 2/2; Support Sue, Stan 1/2;
    # Exec has nobody with a manager in Exec; company 5 of the 6 with a manager.
    assert table["reach"].tolist()[1:] == pytest.approx([1.0, 0.5, 5 / 6])
    assert math.isnan(table.loc["Exec", "reach"])
    assert table.loc["Exec", "lines"] == 0
    assert table.loc["Support", "adoption"] == pytest.approx(2 / 3)  # Val, Sue of 3


def test_leaders_list_who_to_nudge(inputs):
    leaders = leaders_of(inputs).set_index("name")
    assert leaders.index.tolist() == ["Cora", "Vik", "Val"]  # Exec, Sales, Support
    # Cora's reports: Vik 10, Val 74 → median 42. Vik's: 20, −5 → 7.5. Val's: −34 only.
    assert leaders["median_lag_days"].tolist() == [42, 7.5, -34]
    assert leaders["started_after_share"].tolist() == [1.0, 0.5, 0.0]
    assert leaders.loc["Val", "not_started"] == ["Stan"]
    assert leaders.loc["Cora", "not_started"] == []
    assert leaders["people_below"].tolist() == [6, 2, 2]
    assert leaders.loc["Val", "team_reach"] == 0.5


def test_report_is_json_without_nan():
    report = cascade_report(Dataset.from_frames(people=PEOPLE, activity=ACTIVITY), PERIOD)
    text = json.dumps(report, allow_nan=False)
    assert json.loads(text) == report
    sales = report["departments"]["Sales"]
    assert sales["lift"] is None and sales["median_lag_days"] == 10
    assert report["company"]["lift"] == pytest.approx(16 / 7)
    assert report["months"] == ["2026-01-01", "2026-02-01", "2026-03-01"]
    assert sales["adoption_by_month"][0] == {
        "month": "2026-01-01",
        "tier": "VP",
        "people": 1,
        "active": 1,
        "adoption": 1.0,
    }
    assert [r["front"] for r in report["departments"]["Support"]["front_by_month"]] == [
        None,
        "Staff",
        "VP",
    ]
    assert report["leaders"][2]["not_started"] == ["Stan"]
    assert report["leaders"][0]["team_reach"] == pytest.approx(5 / 6)


def test_threshold_assumption_changes_who_is_active():
    # With 2 actions needed per month nobody in this org is ever active (one action a month).
    assumptions = pd.DataFrame({"key": ["active_threshold"], "value": ["2"]})
    data = Dataset.from_frames(people=PEOPLE, activity=ACTIVITY, assumptions=assumptions)
    assert team_reach(data, PERIOD)[["01", "02", "03"]].tolist() == [0.0, 0.0, 0.0]


def test_lag_compares_real_starts_and_leaves_out_people_active_since_before_the_period():
    # Period Q1 2026. Mo started 3 Nov 2025 (before the period) and posts again 5 Jan;
    # Rae (reports to Mo) starts 12 Jan: Mo did not start in the period → pair left out.
    # Max starts 7 Jan; Ria (reports to Max) starts 16 Feb → 16 Feb − 7 Jan = 40 days.
    # Rob (reports to Max) was active 15 Dec 2025 and again 2 Feb → started before → left out.
    # Only Ria's pair counts: median 40, 1 of 1 started after. (Reading only the period, the
    # lags would have been 12 − 5 = 7, 40 and 2 Feb − 7 Jan = 26: median 26.)
    people = pd.DataFrame(
        {
            "person_id": ["m1", "r1", "m2", "r2", "r3"],
            "name": ["Mo", "Rae", "Max", "Ria", "Rob"],
            "department": ["Ops"] * 5,
            "manager_id": [None, "m1", None, "m2", "m2"],
        }
    )
    days = {
        "m1": ["2025-11-03", "2026-01-05"],
        "r1": ["2026-01-12"],
        "m2": ["2026-01-07"],
        "r2": ["2026-02-16"],
        "r3": ["2025-12-15", "2026-02-02"],
    }
    activity = pd.DataFrame(
        [
            {"date": d, "person_id": p, "channel": "X", "action": "post"}
            for p, ds in days.items()
            for d in ds
        ]
    )
    inputs = prepare(Dataset.from_frames(people=people, activity=activity), PERIOD)
    pairs = lag_pairs_of(inputs).set_index("person_id")
    assert pairs["lag_days"].isna().to_dict() == {"r1": True, "r2": False, "r3": True}
    assert pairs.at["r2", "lag_days"] == 40
    company = departments_of(inputs).set_index("department").loc["Company"]
    assert company["median_lag_days"] == 40
    assert company["started_after_share"] == 1.0
