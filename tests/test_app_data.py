"""The Data page's helpers (scorecard.ui.upload) and the scorecards' advice (scorecard.ui.advice).

Edits in the table editor are saved through the same validator as uploads: the edited dataset
is written as a workbook and read back, so a bad cell is a row-level message, never a crash.
"""

from __future__ import annotations

import math

import pandas as pd

from scorecard import ranking
from scorecard.dictionary import metric
from scorecard.problems import Problem, Report
from scorecard.ui import advice, upload
from tests.companies import ops_trio as tiny_dataset

ASSUMPTIONS = pd.DataFrame(
    {"key": ["hourly_cost_default", "value_per.qualified_leads"], "value": ["100", "250"]}
)
GOALS = pd.DataFrame(
    {
        "metric": ["actions"],
        "target": [40.0],
        "start": pd.to_datetime(["2026-01-01"]),
        "end": pd.to_datetime(["2026-12-31"]),
        "department": [None],
        "person_id": [None],
        "direction": ["up"],
    }
)


def test_edited_assumptions_and_goals_pass_the_upload_validator():
    edited = upload.edited_dataset(tiny_dataset(), ASSUMPTIONS, GOALS)
    result = upload.revalidate(edited, "edit.xlsx")
    assert result.report.ok
    assert result.dataset is not None
    assert result.dataset.goals["target"].tolist() == [40.0]
    assert result.dataset.assumptions["value"].tolist() == ["100", "250"]
    # the rest of the dataset is carried over unchanged: 5 activity rows, 3 people
    assert result.dataset.row_counts["activity"] == 5
    assert result.dataset.row_counts["people"] == 3


def test_an_edited_goal_that_ends_before_it_starts_is_an_error_on_its_row():
    bad = GOALS.assign(start=pd.to_datetime(["2027-01-01"]))
    result = upload.revalidate(upload.edited_dataset(tiny_dataset(), ASSUMPTIONS, bad), "e.xlsx")
    assert result.dataset is None
    (problem,) = result.report.errors
    # the first goal sits on row 2 of the goals sheet, under the header
    assert (problem.sheet, problem.row, problem.column) == ("goals", 2, "start")


def test_a_word_where_an_assumption_needs_a_number_is_an_error():
    bad = pd.DataFrame({"key": ["hourly_cost_default"], "value": ["lots"]})
    result = upload.revalidate(upload.edited_dataset(tiny_dataset(), bad, GOALS), "e.xlsx")
    assert [(p.sheet, p.row, p.column, p.value) for p in result.report.errors] == [
        ("assumptions", 2, "value", "lots")
    ]


def test_blank_rows_added_in_the_editor_are_dropped():
    blank = pd.DataFrame({"key": [None], "value": [None]})
    edited = upload.edited_dataset(tiny_dataset(), pd.concat([ASSUMPTIONS, blank]), GOALS)
    assert len(edited.assumptions) == 2


def test_problems_frame_has_one_row_per_problem_of_the_severity():
    report = Report(
        (
            Problem(
                "error",
                "bad_date",
                "Not a date.",
                "Use YYYY-MM-DD.",
                "activity",
                "activity",
                14,
                "Date",
                "yesterday",
            ),
            Problem(
                "warning",
                "unknown_key",
                "Unknown key.",
                "Check it.",
                "assumptions",
                "assumptions",
                None,
                "key",
                "foo",
            ),
        )
    )
    errors = upload.problems_frame(report, "error")
    assert errors.to_dict("records") == [
        {
            "severity": "error",
            "sheet": "activity",
            "row": 14,
            "column": "Date",
            "value": "yesterday",
            "message": "Not a date.",
            "fix": "Use YYYY-MM-DD.",
        }
    ]
    warnings = upload.problems_frame(report, "warning")
    assert len(warnings) == 1 and pd.isna(warnings["row"].iloc[0])


def pillar_row(**points: float) -> pd.Series:
    """A score_table row with every pillar worth 20 points; ``points`` as given."""
    row = {}
    for p in ("presence", "dialogue", "resonance", "cascade", "outcomes"):
        row[f"{p}_points"] = points.get(p, 20.0)
        row[f"{p}_max"] = 20.0 if not math.isnan(points.get(p, 0.0)) else float("nan")
    return pd.Series(row)


def test_the_weakest_pillar_is_the_smallest_share_of_its_points():
    # dialogue 5/20 = 0.25 < resonance 10/20 = 0.5
    assert advice.weakest_pillar(pillar_row(dialogue=5.0, resonance=10.0)) == "dialogue"
    # ties go to the earlier pillar: presence before outcomes
    assert advice.weakest_pillar(pillar_row(presence=4.0, outcomes=4.0)) == "presence"
    # a pillar left out (NaN points) is never the weakest
    assert advice.weakest_pillar(pillar_row(cascade=float("nan"), outcomes=19.0)) == "outcomes"
    assert advice.weakest_pillar(pillar_row()) is None


def test_cascade_advice_names_who_has_not_started():
    text = advice.next_step(pillar_row(cascade=2.0), ["Cy Lee", "Dee Moss"])
    assert text.startswith("Weakest pillar: cascade.")
    assert text.endswith("Not started yet: Cy Lee, Dee Moss.")


def test_rank_text_orders_from_the_best_and_skips_missing():
    ranks = ranking.rank_texts(pd.Series([0.2, 0.5, float("nan"), 0.5]), "up", " in Sales")
    # 0.5 and 0.5 share first place ("="); 0.2 is third; missing is not ranked and not
    # counted: "of 3", not "of 4".
    assert ranks.tolist() == ["3rd of 3 in Sales", "=1st of 3 in Sales", "", "=1st of 3 in Sales"]
    # Lower is better (time cost): 11 people, the dearest is 11th.
    assert (
        ranking.rank_texts(pd.Series(range(11), dtype="float64"), "down").iloc[-1] == "11th of 11"
    )
    # Everyone equal (zeros): no rank at all. Headcount and yes/no shares rank nobody.
    assert ranking.rank_texts(pd.Series([0.0, 0.0, 0.0]), "up").tolist() == ["", "", ""]
    assert not ranking.ranks_people(metric("headcount"))
    assert not ranking.ranks_people(metric("active_share"))
    assert ranking.ranks_people(metric("social_roi"))
