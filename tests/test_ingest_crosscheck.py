"""Cross-table checks of the validator: people (IDs, managers, cycles) and the other tables
referring to them. Helpers come from tests/test_ingest_validate.py."""

from __future__ import annotations

from scorecard.problems import Problem
from tests.uploads import activity, people, raw, run

# --- people --------------------------------------------------------------------------------


def test_duplicate_person_ids_name_every_row():
    _, report = run(
        people(
            ["001", "Ann", "Sales", None],
            ["002", "Bo", "Sales", "001"],
            ["001", "Ann L", "Sales", None],
            ["001", "A", "Ops", None],
        ),
        activity(),
    )
    assert report.problems == (
        Problem(
            severity="error",
            code="duplicate_person_id",
            table="people",
            sheet="people",
            row=4,
            column="person_id",
            value="001",
            message="person_id '001' is used on 3 rows: 2, 4, 5.",
            fix="Give each person exactly one row: delete the extra rows or correct their IDs.",
        ),
    )


def test_unknown_and_self_managers():
    _, report = run(
        people(
            ["001", "Ann", "Sales", None],
            ["002", "Bo", "Sales", "042"],
            ["003", "Cy", "Sales", "003"],
        ),
        activity(),
    )
    assert [(p.code, p.row, p.column, p.value, p.message, p.fix) for p in report.problems] == [
        (
            "unknown_manager",
            3,
            "manager_id",
            "042",
            "This manager matches no person_id, email or name on sheet 'people'.",
            (
                "Add the manager as a row of people, or leave the cell blank (or NO_MGR) for the top "
                "of the tree."
            ),
        ),
        # A self-manager is the top of the tree: a warning, after the errors.
        (
            "self_manager",
            4,
            "manager_id",
            "003",
            "This person is listed as their own manager; they are taken as the top of the tree.",
            (
                "Nothing to do if they are at the top; otherwise enter their manager's person_id, "
                "email or name."
            ),
        ),
    ]
    assert [p.severity for p in report.problems] == ["error", "warning"]


def test_each_cycle_is_one_error_naming_everyone_on_it():
    _, report = run(
        people(
            ["001", "Ann Lee", "Sales", "002"],
            ["002", "Bo Chen", "Sales", "001"],
            ["003", "Cy Diaz", "Ops", None],
            ["004", "Di Eze", "Ops", "006"],
            ["005", "Ed Fox", "Ops", "004"],
            ["006", "Fa Gu", "Ops", "005"],
            ["007", "Gil Ho", "Ops", "004"],
        ),
        activity(),
    )
    assert [(p.code, p.row, p.column, p.message) for p in report.problems] == [
        (
            "manager_cycle",
            2,
            "manager_id",
            "Managers go round in a circle: Ann Lee (001) → Bo Chen (002) → Ann Lee (001).",
        ),
        (
            "manager_cycle",
            5,
            "manager_id",
            (
                "Managers go round in a circle: Di Eze (004) → Fa Gu (006) → Ed Fox (005) → "
                "Di Eze (004)."
            ),
        ),
    ]
    assert report.problems[0].fix == (
        "Correct the manager_id of one person on the circle; whoever is at the top of the tree "
        "has a blank manager_id."
    )


def test_several_roots_are_fine():
    dataset, report = run(
        people(["001", "Ann", "Sales", None], ["002", "Bo", "Ops", None]), activity()
    )
    assert report.problems == () and dataset is not None


# --- other tables --------------------------------------------------------------------------


def test_activity_for_an_unknown_person_is_a_warning_and_kept():
    dataset, report = run(people(), activity(["2026-03-02", "099", "X", "post"]))
    assert len(dataset.activity) == 1
    assert report.problems == (
        Problem(
            severity="warning",
            code="unknown_person",
            table="activity",
            sheet="activity",
            row=2,
            column="person_id",
            value="099",
            message="This person is not on sheet 'people' (by person_id, email, name or account); "
            "the activity is kept but counts for nobody's scorecard.",
            fix="Add the person to sheet 'people', or correct the reference.",
        ),
    )


def test_goals_checks():
    dataset, report = run(
        people(),
        activity(),
        raw(
            "goals",
            ["metric", "target", "start", "end", "department", "person_id"],
            ["leads", 10, "2026-12-31", "2026-01-01", "Sales", "001"],
            ["leads", 10, "2026-01-01", "2026-12-31", "Marketing", "099"],
        ),
    )
    assert dataset is None
    assert [(p.severity, p.code, p.row, p.column, p.value) for p in report.problems] == [
        ("error", "goal_dates_reversed", 2, "start", "2026-12-31"),
        ("warning", "unknown_person", 3, "person_id", "099"),
        ("warning", "unknown_department", 3, "department", "Marketing"),
    ]
    assert report.problems[0].message == "The goal starts after it ends (column 'end')."
    assert report.problems[2].message == (
        "No one on sheet 'people' is in this department; the goal is kept but matches no "
        "department."
    )
    assert report.problems[2].fix == (
        "Spell it exactly as on sheet 'people' (for example 'Sales')."
    )


def test_outcomes_checks():
    dataset, report = run(
        people(),
        activity(),
        raw(
            "outcomes",
            ["date", "metric", "value", "person_id", "Dept"],
            ["2026-03-31", "leads", 3, "001", "Sales"],
            ["2026-03-31", "leads", 3, "077", "HR"],
        ),
    )
    assert dataset is not None
    assert [(p.code, p.row, p.column, p.value) for p in report.problems] == [
        ("unknown_person", 3, "person_id", "077"),
        ("unknown_department", 3, "Dept", "HR"),
    ]
    assert report.problems[0].message.endswith(
        "the outcome is kept but counts for nobody's scorecard."
    )


def test_assumptions_checks():
    dataset, report = run(
        people(),
        activity(),
        raw(
            "assumptions",
            ["key", "value"],
            ["value_per.qualified_leads", 250.0],
            ["hourly_cost_default", "85 dollars"],
            ["approved_themes", "A, B"],
            ["colour", "blue"],
        ),
    )
    assert dataset is None
    assert [(p.severity, p.code, p.row, p.column, p.value, p.message) for p in report.problems] == [
        (
            "error",
            "setting_not_a_number",
            3,
            "value",
            "85 dollars",
            "This setting must be a number.",
        ),
        (
            "warning",
            "unknown_setting",
            5,
            "key",
            "colour",
            "This setting is not one the app knows; it is ignored.",
        ),
    ]


def test_assumption_numbers_are_kept_as_plain_text():
    dataset, _ = run(
        people(),
        activity(),
        raw(
            "assumptions",
            ["key", "value"],
            ["value_per.qualified_leads", 250.0],
            ["score.target.dialogue", 0.3],
        ),
    )
    assert dataset.assumptions["value"].tolist() == ["250", "0.3"]
