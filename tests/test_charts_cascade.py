"""Cascade charts, checked through their Vega-Lite dictionaries on the seven-person org."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pytest

from scorecard.cascade import (
    adoption_of,
    departments_of,
    icicle_of,
    lag_pairs_of,
    prepare,
)
from scorecard.charts.cascade import (
    LABEL_LIMIT,
    NO_COMPARISON,
    OKABE_ITO,
    TITLE_CHARS,
    adoption_by_tier_chart,
    icicle_chart,
    lag_bins,
    lag_histogram_chart,
    lag_title,
    lift_reach_chart,
    lift_reach_title,
    title_lines,
)
from scorecard.dataset import Dataset, Period
from tests.companies import ORG_ACTIVITY as ACTIVITY
from tests.companies import ORG_PEOPLE as PEOPLE
from tests.companies import ORG_PERIOD as PERIOD


@pytest.fixture(scope="module")
def inputs():
    return prepare(Dataset.from_frames(people=PEOPLE, activity=ACTIVITY), PERIOD)


def spec(chart) -> dict:
    out = chart.to_dict()  # validates against the Vega-Lite schema
    json.dumps(out)
    return out


def title(out: dict) -> str:
    """The chart's title as one sentence (titles are drawn as a list of lines)."""
    t = out["title"]
    text = t if isinstance(t, str) else t["text"]
    return text if isinstance(text, str) else " ".join(text)


def test_titles_break_at_spaces_into_short_lines():
    assert title_lines("aaa bbb ccc", 7) == ["aaa bbb", "ccc"]  # 3+1+3 = 7 fits, +4 does not
    # Greedy at 11 leaves "d" alone; 13 chars over 2 lines → 7 a line: "aaa bbb" / "ccc d".
    assert title_lines("aaa bbb ccc d", 11) == ["aaa bbb", "ccc d"]
    assert title_lines("abcdefghij x", 5) == ["abcdefghij", "x"]  # a long word keeps its line
    assert title_lines("") == [""]


def test_adoption_chart_per_department(inputs):
    out = spec(adoption_by_tier_chart(adoption_of(inputs), "Sales"))
    # Sales staff: Jan 1/2 → Mar 2/2.
    assert title(out) == "Sales: staff adoption rose from 50.0% to 100.0%"
    assert out["mark"]["type"] == "line"
    colour = out["encoding"]["color"]["scale"]
    assert colour["domain"] == ["VP", "Staff"]
    assert set(colour["range"]) <= set(OKABE_ITO) and len(OKABE_ITO) <= 7
    assert out["config"]["axis"]["labelFontSize"] >= 16
    assert out["config"]["title"]["fontSize"] >= 24
    rows = next(iter(out["datasets"].values()))
    assert len(rows) == 6  # 2 tiers × 3 months


def test_adoption_title_wraps_narrow_for_present_mode(inputs):
    out = spec(adoption_by_tier_chart(adoption_of(inputs), "Sales", title_chars=30))
    # "Sales: staff adoption rose from 50.0% to 100.0%" is 48 characters: greedy at 30 gives two
    # lines; the even width is tried from 24 up: at 24, "Sales: staff adoption" (21, +" rose"
    # = 26) then "rose from 50.0% to" (18, +" 100.0%" = 25) leaves a third line; at 25 the second
    # line "rose from 50.0% to 100.0%" is exactly 25, so two lines of at most 25 characters.
    assert out["title"]["text"] == ["Sales: staff adoption", "rose from 50.0% to 100.0%"]


def test_icicle_spans_by_headcount_and_focuses(inputs):
    out = spec(icicle_chart(icicle_of(inputs)))
    # Everyone but Stan active: 6 of 7 = 85.71…% → "85.7%".
    assert title(out) == "Company: 85.7% of 7 people active"
    assert out["mark"]["type"] == "rect"
    assert out["encoding"]["x2"]["field"] == "x1"
    assert out["encoding"]["color"]["scale"]["domain"] == [0, 1]
    support = icicle_of(inputs, department="Support")
    # A "Support" bar for all 3 at level 0; Val's span holds Val, Sue, Stan (x 0..3) at
    # level 1; Stan and Sue (siblings by name) one level down, one person wide each.
    assert support[["name", "level", "x0", "x1"]].values.tolist() == [
        ["Support", 0, 0, 3],
        ["Val", 1, 0, 3],
        ["Stan", 2, 1, 2],
        ["Sue", 2, 2, 3],
    ]
    assert support["active"].tolist() == [2, 2, 0, 1]  # Val and Sue active; Stan not
    # Val and Sue of 3: 66.67% → "66.7%".
    assert title(spec(icicle_chart(support, "Support"))) == "Support: 66.7% of 3 people active"
    # Focus on Vik: no "everyone" bar; Vik (3 people) on top, Sam and Sid below.
    vik = icicle_of(inputs, leader="02")
    assert vik["people"].tolist() == [3, 1, 1] and vik["level"].tolist() == [0, 1, 1]
    assert icicle_of(inputs, leader="nobody").empty


def test_lag_histogram_title_in_words(inputs):
    pairs = lag_pairs_of(inputs)
    staff = pairs[pairs["tier"] == "Staff"]
    # Sales staff under their VP Vik: Sam +20, Sid −5 → median 7.5 days, read in whole days
    # as the ``days`` unit reads everywhere (half away from zero): 8.
    assert lag_title(staff, "Sales") == "Sales: staff began 8 days after their VP, on median"
    out = spec(lag_histogram_chart(pairs, "Support"))
    # Support pairs both active: Val +74, Sue −34 → median 20, mixed tiers.
    assert title(out) == "Support: reports began 20 days after their manager, on median"
    # 61 characters: two lines (> TITLE_CHARS = 56), 31 each at most, split evenly.
    assert out["title"]["text"] == [
        "Support: reports began 20 days",
        "after their manager, on median",
    ]
    # −34..74 is 109 one-day bins (> 30); weeks: −34//7 = −5 to 74//7 = 10 → 16 bins, edges
    # −35..77. 16 bins / 12 labelled ticks → every 2nd edge, the even multiples of 7.
    assert out["encoding"]["x"]["bin"] == {"step": 7, "extent": [-35, 77], "nice": False}
    assert out["encoding"]["x"]["axis"] == {
        "format": "d",
        "values": [-28, -14, 0, 14, 28, 42, 56, 70],
    }
    empty = pairs[pairs["lag_days"].isna()]
    assert lag_title(empty) == "Company: no report and manager both active yet"


def test_lag_bins_are_whole_days_or_weeks_with_zero_on_an_edge():
    assert lag_bins(pd.Series([-3.0, 2.0, float("nan")])) == (1, [-3, -2, -1, 0, 1, 2, 3])
    # 0..29 is 30 one-day bins: still days. 0..30 is 31: weeks, 0//7 = 0 to 30//7 = 4 → edges
    # 0..35.
    assert lag_bins(pd.Series([0, 29]))[0] == 1
    assert lag_bins(pd.Series([0, 30])) == (7, [0, 7, 14, 21, 28, 35])
    # −160..280: weeks give −23..40 = 64 bins, fortnights −12..20 = 33, 28 days −6..10 = 17.
    step, edges = lag_bins(pd.Series([-160, 280]))
    assert step == 28 and edges[0] == -168 and edges[-1] == 308
    assert lag_bins(pd.Series([], dtype="float64")) == (1, [0, 1])


def test_lift_and_reach_side_by_side(inputs):
    departments = departments_of(inputs)
    out = spec(lift_reach_chart(departments))
    # Only Support has a lift (0.8); Sales' is missing, the company row is not a department.
    # 0.8 is below 1: nobody "cascades most"; the title says no team follows yet.
    assert title(out) == (
        "No team follows its manager yet: at best people are 0.8× as likely "
        "to be active when their manager is"
    )
    assert out["facet"]["column"]["field"] == "measure"
    assert out["resolve"]["scale"]["x"] == "independent"
    rows = next(iter(out["datasets"].values()))
    assert {r["measure"] for r in rows} == {"Cascade lift (×)", "Team reach"}
    # The 103-character finding is drawn on two even lines (52 each at most).
    assert len(out["title"]["text"]) == 2
    assert all(len(line) <= TITLE_CHARS for line in out["title"]["text"])
    # Long department names keep their full label.
    bars, labels = out["spec"]["layer"]
    assert bars["encoding"]["y"]["axis"]["labelLimit"] == LABEL_LIMIT >= 300
    assert out["config"]["axis"]["labelLimit"] == LABEL_LIMIT
    # Exec and Sales have no lift (one side empty): no bar, the words at zero instead. Exec
    # has nobody below its head either: reach "—". Support's 0.8 is written in its unit.
    by = {(r["department"], r["measure"]): r for r in rows}
    assert by["Sales", "Cascade lift (×)"]["value"] is None
    assert by["Sales", "Cascade lift (×)"]["label"] == NO_COMPARISON == "— no comparison"
    assert by["Sales", "Cascade lift (×)"]["at"] == 0
    assert by["Exec", "Team reach"]["label"] == "—"
    assert by["Support", "Cascade lift (×)"]["label"] == "0.8×"
    assert by["Support", "Team reach"]["label"] == "50.0%"  # Sue of Sue, Stan
    assert by["Support", "Cascade lift (×)"]["at"] == 0.8
    assert labels["encoding"]["text"]["field"] == "label"
    assert labels["encoding"]["x"]["field"] == "at"
    assert bars["encoding"]["x"]["field"] == "value"


def test_charts_do_not_change_their_input(inputs):
    adoption = adoption_of(inputs)
    before = adoption.copy()
    adoption_by_tier_chart(adoption, "Sales")
    pd.testing.assert_frame_equal(adoption, before)


def test_cascades_most_only_for_a_lift_above_one():
    rows = pd.DataFrame(
        {
            "department": ["Ops", "Sales", "Company"],
            "lift": [1.04, 3.06, 2.0],
            "reach": [0.5, 0.5, 0.5],
        }
    )
    # Sales' 3.06 reads "3.1×" (one decimal, half away from zero); the company row never wins.
    assert lift_reach_title(rows) == (
        "Sales cascades most: people are 3.1× as likely to be active when their manager is"
    )
    # 1.04 reads "1.0×": no better than no cascade, so no superlative.
    assert lift_reach_title(rows.iloc[[0, 2]]) == (
        "No team follows its manager yet: at best people are 1.0× as likely to be active "
        "when their manager is"
    )


def test_no_month_before_the_data_begins(inputs):
    # The data begins 20 Dec 2025 (Stan) and ends 20 Mar 2026; a period from 1 Oct 2025
    # would add Oct and Nov, months without data: they are left out, not drawn as 0%.
    data = Dataset.from_frames(people=PEOPLE, activity=ACTIVITY)
    longer = prepare(data, Period(date(2025, 10, 1), date(2026, 6, 30)))
    months = [m.strftime("%Y-%m") for m in longer.months]
    assert months == ["2025-12", "2026-01", "2026-02", "2026-03"]
    company = adoption_of(longer, ("tier",))
    staff = company[company["tier"] == "Staff"]
    # Staff Sam, Sid, Sue, Stan: Dec Stan 1/4, Jan Sid 1/4, Feb Sam, Sue 2/4, Mar Sam, Sid 2/4.
    assert staff["adoption"].tolist() == [0.25, 0.25, 0.5, 0.5]
    assert title(spec(adoption_by_tier_chart(company))) == (
        "Company: staff adoption rose from 25.0% to 50.0%"
    )
