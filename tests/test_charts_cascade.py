"""Cascade charts, checked through their Vega-Lite dictionaries on the seven-person org."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from scorecard.cascade import (
    adoption_of, departments_of, icicle_of, lag_pairs_of, prepare,
)
from scorecard.charts.cascade import (
    OKABE_ITO, adoption_by_tier_chart, icicle_chart, lag_histogram_chart, lag_title,
    lift_reach_chart,
)
from scorecard.dataset import Dataset
from tests.test_cascade import ACTIVITY, PEOPLE, PERIOD


@pytest.fixture(scope="module")
def inputs():
    return prepare(Dataset.from_frames(people=PEOPLE, activity=ACTIVITY), PERIOD)


def spec(chart) -> dict:
    out = chart.to_dict()  # validates against the Vega-Lite schema
    json.dumps(out)
    return out


def title(out: dict) -> str:
    t = out["title"]
    return t if isinstance(t, str) else t["text"]


def test_adoption_chart_per_department(inputs):
    out = spec(adoption_by_tier_chart(adoption_of(inputs), "Sales"))
    # Sales staff: Jan 1/2 → Mar 2/2.
    assert title(out) == "Sales: staff adoption rose from 50% to 100%"
    assert out["mark"]["type"] == "line"
    colour = out["encoding"]["color"]["scale"]
    assert colour["domain"] == ["VP", "Staff"]
    assert set(colour["range"]) <= set(OKABE_ITO) and len(OKABE_ITO) <= 7
    assert out["config"]["axis"]["labelFontSize"] >= 16
    assert out["config"]["title"]["fontSize"] >= 24
    rows = next(iter(out["datasets"].values()))
    assert len(rows) == 6  # 2 tiers × 3 months


def test_icicle_spans_by_headcount_and_focuses(inputs):
    out = spec(icicle_chart(icicle_of(inputs)))
    # Everyone but Stan active: 6 of 7 = 86%.
    assert title(out) == "Company: 86% of 7 people active"
    assert out["mark"]["type"] == "rect"
    assert out["encoding"]["x2"]["field"] == "x1"
    assert out["encoding"]["color"]["scale"]["domain"] == [0, 1]
    support = icicle_of(inputs, department="Support")
    # A "Support" bar for all 3 at level 0; Val's span holds Val, Sue, Stan (x 0..3) at
    # level 1; Stan and Sue (siblings by name) one level down, one person wide each.
    assert support[["name", "level", "x0", "x1"]].values.tolist() == [
        ["Support", 0, 0, 3], ["Val", 1, 0, 3], ["Stan", 2, 1, 2], ["Sue", 2, 2, 3]]
    assert support["active"].tolist() == [2, 2, 0, 1]  # Val and Sue active; Stan not
    assert title(spec(icicle_chart(support, "Support"))) == "Support: 67% of 3 people active"
    # Focus on Vik: no "everyone" bar; Vik (3 people) on top, Sam and Sid below.
    vik = icicle_of(inputs, leader="02")
    assert vik["people"].tolist() == [3, 1, 1] and vik["level"].tolist() == [0, 1, 1]
    assert icicle_of(inputs, leader="nobody").empty


def test_lag_histogram_title_in_words(inputs):
    pairs = lag_pairs_of(inputs)
    staff = pairs[pairs["tier"] == "Staff"]
    # Sales staff under their VP Vik: Sam +20, Sid −5 → median 7.5 days after.
    assert lag_title(staff, "Sales") == "Sales: staff began 7.5 days after their VP, on median"
    out = spec(lag_histogram_chart(pairs, "Support"))
    # Support pairs both active: Val +74, Sue −34 → median 20, mixed tiers.
    assert title(out) == "Support: reports began 20 days after their manager, on median"
    assert out["encoding"]["x"]["bin"] == {"maxbins": 30}
    empty = pairs[pairs["lag_days"].isna()]
    assert lag_title(empty) == "Company: no report and manager both active yet"


def test_lift_and_reach_side_by_side(inputs):
    departments = departments_of(inputs)
    out = spec(lift_reach_chart(departments))
    # Only Support has a lift (0.8); Sales' is missing, the company row is not a department.
    assert title(out) == ("Support cascades most: people are 0.8× as likely to be active "
                          "when their manager is")
    assert out["facet"]["column"]["field"] == "measure"
    assert out["resolve"]["scale"]["x"] == "independent"
    rows = next(iter(out["datasets"].values()))
    assert {r["measure"] for r in rows} == {"Cascade lift (×)", "Team reach"}


def test_charts_do_not_change_their_input(inputs):
    adoption = adoption_of(inputs)
    before = adoption.copy()
    adoption_by_tier_chart(adoption, "Sales")
    pd.testing.assert_frame_equal(adoption, before)
