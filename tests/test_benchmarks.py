"""Our figures beside the published benchmarks, each comparison pinned by hand on the tiny
company (tests/companies.py: week of Mon 2 to Sun 8 March 2026, 5 business days).

People: Ada 001 (C-suite), Ben 002 (C-suite from depth 1), Cy 003 (VP), Di 004 (Staff).
Executives (C-suite and VP) = Ada, Ben, Cy; the C-suite = Ada, Ben.
"""

from __future__ import annotations

import pandas as pd
import pytest

from scorecard.benchmark_registry import REGISTRY
from scorecard.benchmarks import MEASURES, executive_benchmarks, shown
from scorecard.dataset import Dataset, Filters
from tests.companies import (
    WEEK,
    activity_frame,
    assumptions_frame,
    outcomes_frame,
    people_frame,
    tiny,
)


def with_brand() -> Dataset:
    """The tiny company plus clicks and a LinkedIn brand account, 'acme'."""
    activity = activity_frame().assign(clicks=0)
    activity.loc[0, "clicks"] = 30  # Ada's 2 LinkedIn posts: 1,000 impressions, 30 clicks
    brand = pd.DataFrame(
        {
            "date": ["2026-03-03"],
            "person_id": [None],
            "channel": ["LinkedIn"],
            "action": ["post"],
            "count": [1],
            "impressions": [2000],
            "clicks": [20],
            "account": ["acme"],
        }
    )
    accounts = pd.DataFrame(
        {"channel": ["LinkedIn"], "account": ["acme"], "kind": ["brand"], "steward_id": ["002"]}
    )
    return Dataset.from_frames(
        people=people_frame(),
        activity=pd.concat([activity, brand], ignore_index=True),
        outcomes=outcomes_frame(),
        assumptions=assumptions_frame(),
        accounts=accounts,
    )


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return executive_benchmarks(with_brand(), WEEK)


def test_registry_entries_are_complete_and_name_a_measure():
    ids = [f.id for f in REGISTRY]
    assert len(ids) == len(set(ids))
    for f in REGISTRY:
        assert f.measure in MEASURES
        assert f.url.startswith("http") and f.year >= 2010 and f.comparable and f.finding
        assert f.unit in {"%", "multiple", "count"}
        assert str(f.year) in f.source


def test_socialcast_2010(table):
    # multi-daily: Ada (12 actions / 5 business days ≥ 2) → 1 of 3 executives;
    # blogging: Ben → 1/3; mostly marketing: Cy (1 of 1 purposed) of Ada (5/12), Ben (0/1), Cy
    rows = table.loc[
        ["socialcast_2010_multi_daily", "socialcast_2010_blogging", "socialcast_2010_marketing"]
    ]
    assert rows["executives"].tolist() == [3, 3, 3]
    assert rows["ours"].tolist() == pytest.approx([1 / 3, 1 / 3, 1 / 3])
    assert rows["benchmark"].tolist() == [0.40, 0.05, 0.58]
    assert table.loc["socialcast_2010_blogging", "gap"] == pytest.approx(1 / 3 - 0.05)
    assert (rows["year"] == 2010).all()


def test_ceo_presence_studies(table):
    # Ada and Ben both act in the week: 2 of 2 C-suite active, 0 of 2 without any action.
    assert table.loc["weber_shandwick_2014_ceos_online", "ours"] == 1.0
    assert table.loc["weber_shandwick_2014_ceos_online", "gap"] == pytest.approx(1.0 - 0.80)
    assert table.loc["brunswick_2019_presence", "gap"] == pytest.approx(1.0 - 0.48)
    assert table.loc["domo_2014_no_presence", "ours"] == 0.0
    assert table.loc["domo_2014_no_presence", "gap"] == pytest.approx(0.0 - 0.68)
    assert table.loc["brunswick_2019_presence", "executives"] == 2


def test_linkedin_posting_studies(table):
    # Ada posted twice on LinkedIn on 2 March; Ben only commented there → 1 of 2 C-suite.
    assert table.loc["kekst_cnc_2021_linkedin_posting", "benchmark"] == pytest.approx(0.3162)
    assert table.loc["kekst_cnc_2021_linkedin_posting", "ours"] == 0.5
    assert table.loc["fti_2023_linkedin_posting", "gap"] == pytest.approx(0.5 - 0.55)
    # FTI's threshold: 4 active executive-committee members; ours: 1 poster → gap −3.
    assert table.loc["fti_2023_active_exco", "ours"] == 1.0
    assert table.loc["fti_2023_active_exco", "gap"] == -3.0


def test_employees_click_through_against_the_brand(table):
    # people on LinkedIn: 30 clicks / 1,000 impressions = 0.03; brand 'acme': 20 / 2,000 = 0.01
    # → 0.03 / 0.01 = 3.0×, against LinkedIn's 2×.
    assert table.loc["linkedin_2016_employee_ctr", "ours"] == pytest.approx(3.0)
    assert table.loc["linkedin_2016_employee_ctr", "gap"] == pytest.approx(1.0)
    assert table.loc["linkedin_2016_employee_ctr", "unit"] == "multiple"


def test_without_a_brand_account_the_click_through_is_missing_and_not_shown():
    table = executive_benchmarks(tiny(), WEEK)
    assert pd.isna(table.loc["linkedin_2016_employee_ctr", "ours"])
    assert "linkedin_2016_employee_ctr" not in shown(table).index
    # only shares go on the share chart: 8 share rows, all with a figure of ours
    assert len(shown(table, "%")) == 8


def test_staff_filter_leaves_no_executives():
    table = executive_benchmarks(tiny(), WEEK, Filters(tiers=("Staff",)))
    c_suite = table.drop(index="linkedin_2016_employee_ctr")  # Di's clicks are everyone's
    assert (c_suite["executives"] == 0).all() and c_suite["ours"].isna().all()
    assert shown(c_suite).empty


def test_a_channel_filter_without_linkedin_leaves_the_linkedin_figures_missing():
    table = executive_benchmarks(with_brand(), WEEK, Filters(channels=("X",)))
    linkedin = [
        "kekst_cnc_2021_linkedin_posting",
        "fti_2023_linkedin_posting",
        "fti_2023_active_exco",
        "linkedin_2016_employee_ctr",
    ]
    assert table.loc[linkedin, "ours"].isna().all()


def test_the_report_lists_each_benchmark_with_year_and_source():
    from scorecard.report import build_report

    benchmarks = build_report(with_brand(), WEEK).to_dict()["benchmarks"]
    assert set(benchmarks) == {f.id for f in REGISTRY}
    entry = benchmarks["fti_2023_linkedin_posting"]
    assert entry["year"] == 2023 and entry["source"].startswith("FTI Consulting")
    assert entry["ours"] == 0.5 and entry["benchmark"] == 0.55
    assert benchmarks["socialcast_2010_multi_daily"]["year"] == 2010


def test_input_is_not_mutated():
    data = with_brand()
    before = data.activity.copy()
    executive_benchmarks(data, WEEK)
    pd.testing.assert_frame_equal(data.activity, before)
