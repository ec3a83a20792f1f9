"""Validation messages of person references: clashes, whole columns that match nobody (one
message saying what the values look like and what would match), leftovers row by row, and the
accounts sheet's own problems."""

from __future__ import annotations

import pandas as pd
import pytest

from scorecard.ingest import validate_tables

POST = ["2026-03-02", "LinkedIn", "post"]


@pytest.fixture
def tables(raw_table):
    def people(*rows, headers=("person_id", "name", "department", "manager_id")):
        return raw_table("people", list(headers), *rows)

    def activity(*rows, headers=("date", "person_id", "channel", "action")):
        return raw_table(
            "activity", list(headers), *(rows or (["2026-03-02", "001", "X", "post"],))
        )

    return people, activity


def problems(report, code=None):
    return [p for p in report.problems if code is None or p.code == code]


def test_ids_differing_only_by_case_are_an_error_naming_both_rows(tables):
    people, activity = tables
    dataset, report = validate_tables(
        [
            people(
                ["001", "Ann", "Sales", None],
                ["a002", "Bo", "Sales", "001"],
                ["A002", "Cy", "Sales", "001"],
            ),
            activity(),
        ]
    )
    assert dataset is None
    (clash,) = problems(report, "person_id_case_clash")
    assert (clash.row, clash.value) == (4, "A002")
    assert clash.message.startswith(
        "person_ids 'a002' (row 3) and 'A002' (row 4) differ only by case"
    )


def test_one_email_on_two_people_is_an_error(tables):
    people, activity = tables
    headers = ("person_id", "name", "department", "email")
    _, report = validate_tables(
        [
            people(
                ["001", "Ann", "Sales", "Ana@X.com"],
                ["002", "Bo", "Sales", "ana@x.com"],
                headers=headers,
            ),
            activity(),
        ]
    )
    (dup,) = problems(report, "duplicate_email")
    assert (dup.severity, dup.row) == ("error", 3)
    assert dup.message == (
        "Email 'ana@x.com' belongs to 2 people: row 2 (001), row 3 (002) "
        "(case does not count in an email)."
    )


def _upn_roster(with_email: bool, domain: str = "corp.com"):
    # 1 root + 5 people whose manager is the root's UPN, at example.com.
    rows = [["001", "Ann Lee", "Sales", None, f"ann.lee@{domain}"]]
    rows += [
        [f"00{i}", f"P{i}", "Sales", "ANN.LEE@example.com", f"p{i}@{domain}"] for i in range(2, 7)
    ]
    headers = ["person_id", "name", "department", "manager_id", "email"]
    if not with_email:
        rows = [r[:4] for r in rows]
        headers = headers[:4]
    return headers, rows


def test_a_manager_column_of_upns_without_emails_is_one_message(tables):
    people, activity = tables
    headers, rows = _upn_roster(with_email=False)
    dataset, report = validate_tables([people(*rows, headers=headers), activity()])
    assert dataset is None
    assert [(p.code, p.row, p.column) for p in report.problems] == [
        ("unknown_manager", None, "manager_id")
    ]
    (problem,) = report.problems
    assert problem.message == (
        "All 5 values of column 'manager_id' match nobody on sheet 'people'; they are emails "
        "(for example 'ANN.LEE@example.com'; rows 3, 4, 5, …)."
    )
    assert problem.fix.startswith(
        "Add each person's work email or UPN to sheet 'people' as a column 'email'"
    )


def test_the_same_upns_match_once_people_have_emails(tables):
    people, activity = tables
    headers, rows = _upn_roster(with_email=True, domain="example.com")
    dataset, report = validate_tables([people(*rows, headers=headers), activity()])
    assert report.problems == ()
    assert dataset.people["manager_id"].tolist()[1:] == ["001"] * 5


def test_upns_under_another_domain_say_so(tables):
    people, activity = tables
    headers, rows = _upn_roster(with_email=True, domain="corp.com")
    _, report = validate_tables([people(*rows, headers=headers), activity()])
    (problem,) = report.problems
    assert problem.fix == (
        "The email column of sheet 'people' holds none of them: these end in @example.com, "
        "the sheet's emails in @corp.com. 5 of them match an email of 'people' before the @, "
        "under another domain. Use the same addresses in both sheets."
    )


def test_no_manager_sentinels_and_self_are_the_top(tables):
    people, activity = tables
    dataset, report = validate_tables(
        [
            people(
                ["001", "Ann", "Sales", "NO_MGR"],
                ["002", "Bo", "Sales", "none"],
                ["003", "Cy", "Sales", "-"],
                ["004", "Di", "Sales", "004"],
                ["005", "Ed", "Sales", "001"],
            ),
            activity(),
        ]
    )
    assert dataset.people["manager_id"].isna().tolist() == [True, True, True, True, False]
    assert [(p.severity, p.code, p.row) for p in report.problems] == [
        ("warning", "self_manager", 5)
    ]


def test_handles_without_an_accounts_sheet_are_one_warning(tables):
    people, activity = tables
    rows = [["2026-03-02", None, "X", "post", f"@fan{i}"] for i in range(6)]
    dataset, report = validate_tables(
        [
            people(["001", "Ann", "Sales", None]),
            activity(*rows, headers=("date", "person_id", "channel", "action", "account")),
        ]
    )
    assert dataset is not None and len(dataset.activity) == 6  # kept, for nobody
    (problem,) = report.problems
    assert (problem.severity, problem.code, problem.column) == (
        "warning",
        "unknown_account",
        "account",
    )
    assert problem.message.startswith(
        "All 6 values of column 'account' match nobody on sheet 'people'; they look like @handles"
    )
    assert problem.fix.startswith(
        "Add an accounts sheet (channel, account, person_id, kind, steward_id)"
    )


def test_a_few_leftovers_stay_row_messages(tables):
    people, activity = tables
    rows = [["2026-03-02", "001", "X", "post"]] * 8 + [["2026-03-02", "zoe@x.com", "X", "post"]]
    _, report = validate_tables([people(["001", "Ann", "Sales", None]), activity(*rows)])
    (problem,) = report.problems
    assert (problem.code, problem.row, problem.value) == ("unknown_person", 10, "zoe@x.com")
    assert "add each person's work email" in problem.fix.lower()


def test_activity_naming_nobody_is_a_missing_column(tables):
    people, activity = tables
    dataset, report = validate_tables(
        [
            people(["001", "Ann", "Sales", None]),
            activity(["2026-03-02", "X", "post"], headers=("date", "channel", "action")),
        ]
    )
    assert dataset is None
    assert [(p.code, p.column) for p in report.problems] == [("missing_column", "person_id")]


def test_outcomes_name_people_by_email(tables, raw_table):
    people, activity = tables
    dataset, report = validate_tables(
        [
            people(
                ["001", "Ann", "Sales", None, "ann@x.com"],
                headers=("person_id", "name", "department", "manager_id", "email"),
            ),
            activity(),
            raw_table(
                "outcomes",
                ["date", "metric", "value", "Owner"],
                ["2026-03-31", "qualified_leads", 4, "ANN@X.COM"],
            ),
        ]
    )
    assert report.problems == ()
    assert dataset.outcomes["person_id"].tolist() == ["001"]


def test_accounts_sheet_problems(tables, raw_table):
    people, activity = tables
    dataset, report = validate_tables(
        [
            people(["001", "Ann", "Sales", None]),
            activity(),
            raw_table(
                "accounts",
                ["channel", "account", "person_id", "kind"],
                ["X", "@ann", "001", None],
                ["X", "https://x.com/Ann", "001", None],  # the same account as row 2
                ["X", "@bo", None, "personal"],  # personal without an owner
                ["LinkedIn", "https://www.linkedin.com/feed/", None, "brand"],
            ),
        ]
    )
    assert dataset is None
    assert [(p.code, p.row) for p in report.problems] == [
        ("duplicate_account", 3),
        ("account_without_owner", 4),
        ("account_unreadable", 5),
    ]
    assert problems(report, "duplicate_account")[0].message.startswith(
        "This account is already on row 2 for the same channel"
    )


def test_raw_tables_are_not_changed(tables):
    people, activity = tables
    roster = people(["001", "Ann", "Sales", "NO_MGR"])
    before = [c.copy() for c in roster.columns]
    validate_tables([roster, activity()])
    for old, new in zip(before, roster.columns, strict=True):
        pd.testing.assert_series_equal(old, new)


def test_invisible_characters_and_decomposed_accents_make_no_look_alikes(tables):
    people, activity = tables
    nfd = "Chloe\u0301"  # "Chloé" with a combining accent
    dataset, report = validate_tables(
        [
            people(
                ["001", "Chloé", "Sales", None],
                ["\ufeff002", f" {nfd} ", "Sa\u200bles", "001"],
                ["003", "Bo", "Sales  ", "\u200b001"],
            ),
            activity(["2026-03-02", "002\u200b", "X", "post"]),
        ]
    )
    assert report.problems == ()
    assert dataset.people["person_id"].tolist() == ["001", "002", "003"]
    assert dataset.people["name"].tolist() == ["Chloé", "Chloé", "Bo"]  # one spelling (NFC)
    assert dataset.people["department"].unique().tolist() == ["Sales"]  # one department
    assert dataset.people["manager_id"].tolist()[1:] == ["001", "001"]
    assert dataset.activity["person_id"].tolist() == ["002"]


def test_an_ambiguous_manager_name_is_an_error_with_its_candidates(tables):
    people, activity = tables
    dataset, report = validate_tables(
        [
            people(
                ["001", "Ana Silva", "Sales", None],
                ["002", "Ana Silva", "Ops", None],
                ["003", "Bo", "Sales", "ana  SILVA"],
            ),
            activity(),
        ]
    )
    assert dataset is None
    assert [(p.severity, p.code, p.row, p.message) for p in report.problems] == [
        (
            "error",
            "ambiguous_manager",
            4,
            (
                "'ana SILVA' could be 2 people of sheet 'people': Ana Silva (001), "
                "Ana Silva (002); the row is matched to none of them."
            ),
        )
    ]


def test_a_directory_export_with_upns_for_people_and_managers(tables):
    people, activity = tables
    headers = ("Employee ID", "Display Name", "Department", "Manager UPN", "userPrincipalName")
    dataset, report = validate_tables(
        [
            people(
                ["001", "Ann Lee", "Sales", None, "Ann.Lee@corp.com"],
                ["002", "Bo Chen", "Sales", "ann.lee@CORP.com", "bo.chen@corp.com"],
                headers=headers,
            ),
            activity(["2026-03-02", "BO.CHEN@corp.com", "X", "post"]),
        ]
    )
    assert report.problems == ()
    assert dataset.people["email"].tolist() == ["Ann.Lee@corp.com", "bo.chen@corp.com"]
    assert dataset.people["manager_id"].tolist()[1] == "001"
    assert dataset.activity["person_id"].tolist() == ["002"]
