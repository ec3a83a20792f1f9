"""Roles file, role resolution, pseudonyms, the scoped report and the audit log (domain only)."""

from __future__ import annotations

import csv
import io
from datetime import date

import pandas as pd
import pytest

from scorecard.access import (
    ROLES,
    RolesFileError,
    initials,
    leaderboard_names,
    local_admin,
    parse_roles,
    pseudonymise,
    resolve,
)
from scorecard.audit import AuditEvent, audit_log, record
from scorecard.dataset import Period
from scorecard.export.safe_text import csv_bytes
from scorecard.report import build_report
from scorecard.store import Store

ROLES_TOML = """
contact = "Dana Admin (dana@corp.example)"

[[grant]]
domain = "board.example"
role = "board"

[[grant]]
claim = "groups"
value = "marketing"
role = "marketer"

[[grant]]
email = "Ben@Example.com"
role = "executive"
departments = ["Sales"]

[[grant]]
email = "dana@corp.example"
role = "admin"
"""

#: Ed shares Di's email: a person found by email must be the only one with it.
PEOPLE = pd.DataFrame(
    {
        "person_id": ["001", "002", "003", "004", "005"],
        "name": ["Ada Byrne", "Ben Okafor", "Cy Lee", "Di Park", "Ed Twin"],
        "department": ["Ops", "Sales", "Sales", "Ops", "Ops"],
        "email": [
            "ada@example.com",
            "ben@example.com",
            "CY@example.com",
            "di@example.com",
            "di@example.com",
        ],
    }
)


def test_a_grant_by_email_wins_over_a_claim_and_a_domain():
    roles = parse_roles(ROLES_TOML, "roles.toml")
    # Ben matches his email grant (case does not count) and the marketing group: email first.
    ben = resolve("ben@example.com", {"groups": ["marketing"]}, "Ben Okafor", roles, PEOPLE)
    assert (ben.role, ben.scope, ben.person_id) == ("executive", ("Sales",), "002")
    assert ben.identity == "Ben Okafor (ben@example.com)"


def test_a_claim_grant_matches_a_list_or_a_single_value_and_beats_a_domain():
    roles = parse_roles(ROLES_TOML)
    assert (
        resolve("x@board.example", {"groups": ["marketing", "x"]}, "", roles, None).role
        == "marketer"
    )
    assert resolve("x@board.example", {"groups": "marketing"}, "", roles, None).role == "marketer"
    board = resolve("x@board.example", {"groups": ["finance"]}, "", roles, None)
    assert (board.role, board.scope, board.downloads, board.names_people) == (
        "board",
        None,
        False,
        False,
    )
    # a domain matches the end of the address after "@", not any suffix
    assert resolve("x@notboard.example", {}, "", roles, None).role is None


def test_without_a_grant_a_person_on_the_people_sheet_is_an_employee_of_their_own_card():
    roles = parse_roles(ROLES_TOML)
    cy = resolve("cy@example.com", {}, "Cy Lee", roles, PEOPLE)  # "CY@example.com" on the sheet
    assert (cy.role, cy.person_id, cy.how) == ("employee", "003", "people sheet")
    assert cy.may_open("me") and cy.may_open("vision") and not cy.may_open("scorecards")
    # an email two people share is never guessed
    assert resolve("di@example.com", {}, "Di", roles, PEOPLE).role is None


def test_nobody_else_gets_a_role_and_is_told_whom_to_ask():
    roles = parse_roles(ROLES_TOML)
    zed = resolve("zed@elsewhere.example", {}, "Zed", roles, PEOPLE)
    assert zed.role is None and not zed.may_open("definitions")
    assert roles.ask == "Dana Admin (dana@corp.example)"
    without_contact = parse_roles(
        ROLES_TOML.replace('contact = "Dana Admin (dana@corp.example)"', "")
    )
    assert without_contact.ask == "dana@corp.example"  # the admins' emails
    assert parse_roles("").ask.startswith("the person who runs this app")


def test_local_mode_is_one_admin_of_everything():
    who = local_admin("mia")
    assert (who.identity, who.role, who.scope) == ("mia", "admin", None)
    assert all(who.may_open(p) for p in ROLES["admin"].pages)
    assert local_admin("").identity == "local admin"


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("[[grant]\nemail = 'x'", "at line 1"),
        ('[[grant]]\nemail = "a@b.c"\nrole = "boss"', "Use one of admin, marketer, executive"),
        ('[[grant]]\nrole = "admin"', "names nobody"),
        ('[[grant]]\nemail = "a@b.c"\ndomain = "b.c"\nrole = "admin"', "names email and domain"),
        ('[[grant]]\nclaim = "groups"\nrole = "admin"', "without a value"),
        ('[[grant]]\nemail = "a@b.c"\nrole = "admin"\ndepartments = "Sales"', "list of text"),
        ('[[grant]]\nemail = "a@b.c"\nrole = "admin"\nteam = "x"', "unknown key 'team'"),
    ],
)
def test_a_bad_roles_file_is_a_message_naming_the_file_the_place_and_the_fix(text, says):
    with pytest.raises(RolesFileError) as error:
        parse_roles(text, "/etc/scorecard/roles.toml")
    assert "/etc/scorecard/roles.toml" in str(error.value) and says in str(error.value)


def test_pseudonyms_follow_the_assumption_and_the_viewer_is_you():
    names = pd.Series(["Ada Byrne", "Byrne, Al", "Cy Lee"], index=["001", "002", "003"])
    ids = names.index.to_series()
    assert initials("Ada Byrne") == "A. B." and initials("Byrne, Al") == "A. B."
    assert pseudonymise(names, ids, "initials", "003").tolist() == ["A. B.", "A. B. (2)", "You"]
    assert pseudonymise(names, ids, "hidden", None).tolist() == ["Person 1", "Person 2", "Person 3"]
    assert pseudonymise(names, ids, "full", "001").tolist() == ["You", "Byrne, Al", "Cy Lee"]
    assert names.tolist() == ["Ada Byrne", "Byrne, Al", "Cy Lee"]  # input untouched
    assert leaderboard_names({"leaderboard_names": " Hidden "}) == "hidden"
    assert leaderboard_names({"leaderboard_names": "nicknames"}) == "initials"  # the default
    assert leaderboard_names({}) == "initials"


def test_a_sales_pack_holds_sales_only_with_the_company_figures_it_had(two_departments):
    whole = build_report(two_departments, Period(date(2026, 3, 1), date(2026, 3, 31)))
    sales = whole.within(("Sales",)).to_dict()  # what a Sales executive's pack is built from
    assert set(sales["people"]) == {"002", "003"}
    assert set(sales["departments"]) == {"Sales"}
    # Company goal and Cy's own goal stay; Ops' goal goes.
    assert [(g["scope"], g["key"]) for g in sales["goals"]] == [
        ("company", "company"),
        ("person", "003"),
    ]
    # Shares are the whole company's: 700 × 10/70 = 100 each, not 700 × 10/20 = 350.
    shares = {p["person_id"]: p["share"] for p in sales["bonus"]["people"]}
    assert shares == {"002": 100.0, "003": 100.0}
    assert [t["department"] for t in sales["bonus"]["teams"]] == ["Sales"]
    assert set(sales["cascade"]["departments"]) == {"Sales"}
    assert sales["cascade"]["company"] is None
    assert {x["department"] for x in sales["cascade"]["leaders"]} <= {"Sales"}
    assert set(whole.people) == {"001", "002", "003", "004"}  # the input is untouched
    assert whole.within(None) == whole


def test_the_audit_log_keeps_who_did_what_newest_first_and_its_csv_is_formula_safe(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'scorecard.db'}")
    record(store.engine, AuditEvent("Mia (mia@x.com)", "publish", "version 1 from q1.xlsx"))
    record(store.engine, AuditEvent("=cmd|' /C calc'!A0", "download", "board pack", "Sales"))
    log = audit_log(store.engine)
    assert [(e.who, e.action, e.scope) for e in log] == [
        ("=cmd|' /C calc'!A0", "download", "Sales"),
        ("Mia (mia@x.com)", "publish", "whole company"),
    ]
    assert all(e.at.endswith(" UTC") for e in log)
    frame = pd.DataFrame([{"who": e.who, "action": e.action} for e in log])
    rows = list(csv.reader(io.StringIO(csv_bytes(frame).decode("utf-8-sig"))))
    assert rows == [
        ["who", "action"],
        ["'=cmd|' /C calc'!A0", "download"],
        ["Mia (mia@x.com)", "publish"],
    ]
