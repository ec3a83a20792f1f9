"""HR and directory exports (Workday, BambooHR, SuccessFactors, Entra ID, Google Workspace) read
by their presets (:mod:`scorecard.sources.presets.directories`), every value pinned by hand.

Fixtures: ``tests/fixtures/exports/<preset id>/`` (written by ``make_directories.py`` from the
documented layouts, see ``README_hr_crm.md``). Every file describes the same company, Northwind
Trails: 1001 Amélie Durand (CEO, top) › 1002 Jonas Weber (Sales) and 1003 Priya Natarajan
(Marketing); 1002 › 1004 Tomás Ríos › 1006 Ben Okafor; 1003 › 1005 Chloé Martin › 1007 Sara
Lindqvist; plus 1008 Lukas Brandt, who left, and directory accounts that are not people.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scorecard.ingest import load_paths
from scorecard.ingest.raw import Limits, Upload
from scorecard.ingest.readers import read_grids
from scorecard.sources import Preset, read_export
from scorecard.sources.presets.directories import PRESETS
from scorecard.sources.registry import BY_ID, THRESHOLD, candidates, detect
from scorecard.sources.registry import PRESETS as REGISTRY

EXPORTS = Path(__file__).parent / "fixtures" / "exports"
FIXTURES = {
    "workday_custom_report": EXPORTS / "workday_custom_report" / "NWT_Worker_Directory.xlsx",
    "bamboohr_custom_report": EXPORTS / "bamboohr_custom_report" / "NWT Employee Directory.csv",
    "successfactors_user_data_file": (
        EXPORTS / "successfactors_user_data_file" / "UserDataFile.csv"
    ),
    "entra_download_users": EXPORTS / "entra_download_users" / "exportUsers_2026-4-1.csv",
    "google_workspace_users": (
        EXPORTS / "google_workspace_users" / "User_Download_01042026_091532.csv"
    ),
}
IDS = ["1001", "1002", "1003", "1004", "1005", "1006", "1007"]
NAMES = [
    "Amélie Durand", "Jonas Weber", "Priya Natarajan", "Tomás Ríos", "Chloé Martin",
    "Ben Okafor", "Sara Lindqvist",
]  # fmt: skip
EMAILS = [
    f"{local}@northwind-trails.example"
    for local in (
        "amelie.durand", "jonas.weber", "priya.natarajan", "tomas.rios", "chloe.martin",
        "ben.okafor", "sara.lindqvist",
    )
]  # fmt: skip
TITLES = [
    "Chief Executive Officer", "Chief Revenue Officer", "Chief Marketing Officer",
    "Sales Director", "Social Media Manager", "Account Executive", "Content Specialist",
]  # fmt: skip
#: The department column, never the cost centre ("CC-200 Revenue", "CC-310 Digital", ...).
DEPARTMENTS = ["Executive", "Sales", "Marketing", "Sales", "Marketing", "Sales", "Marketing"]
#: Each person's manager as a person_id, once identity resolution has read the export's form.
MANAGERS = [None, "1001", "1001", "1002", "1003", "1004", "1005"]


def people(preset_id: str) -> dict[str, list]:
    """The one people table the preset makes of its fixture: column → list, plus ``_rows``
    (the export's row numbers) and ``_warnings`` (messages)."""
    path = FIXTURES[preset_id]
    applied = read_export(BY_ID[preset_id], path.name, path.read_bytes())
    assert [t.table for t in applied.tables] == ["people"]
    table = applied.tables[0]
    out = {h: c.tolist() for h, c in zip(table.headers, table.columns, strict=True)}
    out["_rows"] = table.row_numbers.tolist()
    out["_warnings"] = [p.message for p in applied.problems]
    return out


@pytest.mark.parametrize("preset_id", FIXTURES)
def test_each_export_is_detected_as_its_own_preset_and_nothing_else(preset_id: str) -> None:
    path = FIXTURES[preset_id]
    (grid,), problems = read_grids(Upload(path.name, path.read_bytes()), Limits())
    assert problems == []
    match = detect(grid, path.name)
    assert match is not None and match.preset.id == preset_id
    assert match.confidence >= THRESHOLD
    assert match.preset.table == "people"
    # No other preset of the registry (HR, social or CRM) comes near the threshold.
    rivals = [c for c in candidates(grid, path.name, REGISTRY) if c.preset.id != preset_id]
    assert all(c.confidence < THRESHOLD / 2 for c in rivals), rivals


def test_workday_report_skips_its_title_row_keeps_primary_values_ignores_cost_centre() -> None:
    got = people("workday_custom_report")
    # Row 1 is the report name, row 2 the header: workers start on row 3; row 10 (Lukas Brandt,
    # Termination_Date 2026-02-27) is a former worker.
    assert got["_rows"] == [3, 4, 5, 6, 7, 8, 9]
    assert got["person_id"] == IDS
    assert got["name"] == NAMES
    # Chloé's Email cell holds "chloe.martin@…\nsocial.lead@…": the first (primary) is kept.
    assert got["email"] == EMAILS
    assert got["title"] == TITLES
    assert got["department"] == DEPARTMENTS
    # Manager_ID wins over Manager_Name: ids as written, the CEO's blank.
    assert got["manager_id"] == MANAGERS
    assert got["_warnings"] == [
        (
            "Rows that are not data for the app were left out of 'NWT_Worker_Directory.xlsx › "
            "Worker Directory': 1 former workers (a Termination_Date)."
        )
    ]


def test_bamboohr_report_builds_names_and_keeps_reports_to_as_the_managers_name() -> None:
    got = people("bamboohr_custom_report")
    assert got["_rows"] == [2, 3, 4, 5, 6, 7, 8]  # row 9: Lukas Brandt, Status Inactive
    assert got["person_id"] == IDS
    assert got["name"] == NAMES  # "{First Name} {Last Name}"
    assert got["email"] == EMAILS
    assert got["department"] == DEPARTMENTS
    assert got["manager_id"] == [
        None, "Amélie Durand", "Amélie Durand", "Jonas Weber", "Priya Natarajan",
        "Tomás Ríos", "Chloé Martin",
    ]  # fmt: skip
    assert got["_warnings"] == [
        (
            "Rows that are not data for the app were left out of 'NWT Employee Directory.csv': "
            "1 inactive employees."
        )
    ]


def bamboohr_variant(edit: dict[str, list[str]]) -> dict[str, list]:
    """The BambooHR fixture with columns replaced or added (header → cells of rows 2..9)."""
    path = FIXTURES["bamboohr_custom_report"]
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    for header, cells in edit.items():
        if header not in rows[0]:
            rows = [[*r, ""] for r in rows]
            rows[0][-1] = header
        j = rows[0].index(header)
        for r, cell in zip(rows[1:], cells, strict=True):
            r[j] = cell
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    applied = read_export(BY_ID["bamboohr_custom_report"], path.name, buffer.getvalue().encode())
    table = applied.tables[0]
    return {h: c.tolist() for h, c in zip(table.headers, table.columns, strict=True)}


def test_bamboohr_reports_to_written_last_first_is_read_first_last() -> None:
    last_first = ["", "Durand, Amélie", "Durand, Amélie", "Weber, Jonas", "Natarajan, Priya"]
    last_first += ["Ríos, Tomás", "Martin, Chloé", "Ríos, Tomás"]
    got = bamboohr_variant({"Reports To": last_first})
    assert got["manager_id"] == [
        None, "Amélie Durand", "Amélie Durand", "Jonas Weber", "Priya Natarajan",
        "Tomás Ríos", "Chloé Martin",
    ]  # fmt: skip


def test_bamboohr_supervisor_eid_wins_over_the_reports_to_name() -> None:
    got = bamboohr_variant({"Supervisor EID": ["", *MANAGERS[1:], "1004"]})
    assert got["manager_id"] == MANAGERS


def test_successfactors_file_skips_its_labels_row_and_keeps_no_mgr() -> None:
    got = people("successfactors_user_data_file")
    # Row 1 system keys (the header), row 2 labels (skipped), users from row 3; row 10 inactive.
    assert got["_rows"] == [3, 4, 5, 6, 7, 8, 9]
    assert got["person_id"] == IDS  # USERID, the id MANAGER refers to
    assert got["name"] == NAMES  # "{FIRSTNAME} {LASTNAME}"
    assert got["email"] == EMAILS
    assert got["title"] == TITLES
    assert got["department"] == DEPARTMENTS
    assert got["manager_id"] == ["NO_MGR", *MANAGERS[1:]]
    assert got["_warnings"] == [
        (
            "Rows that are not data for the app were left out of 'UserDataFile.csv': "
            "1 inactive users."
        )
    ]


def test_entra_download_leaves_out_guests_and_disabled_accounts_in_one_counted_warning() -> None:
    got = people("entra_download_users")
    # Rows 2-8 the seven people; 9 Lukas (accountEnabled False), 10 the guest (#EXT#),
    # 11 the shared mailbox and 12 the room (both disabled): 1 guest + 3 disabled = 4 left out.
    assert got["_rows"] == [2, 3, 4, 5, 6, 7, 8]
    assert got["person_id"] == IDS  # employeeId
    assert got["name"] == NAMES
    assert got["email"] == EMAILS
    assert got["department"] == DEPARTMENTS
    assert got["manager_id"] == [None, *(EMAILS[int(m) - 1001] for m in MANAGERS[1:])]
    assert got["_warnings"] == [
        (
            "Rows that are not data for the app were left out of 'exportUsers_2026-4-1.csv': "
            "1 guest accounts, 3 disabled accounts (former staff, shared mailboxes, rooms)."
        )
    ]


def test_entra_download_without_added_columns_uses_the_upn_as_id_and_mail_fallback() -> None:
    """The plain download (no employeeId, no manager) still reads: person_id and, where 'mail'
    is blank, email both come from the UPN."""
    path = FIXTURES["entra_download_users"]
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    header = rows[0][:-2]  # drop employeeId and managerUserPrincipalName
    body = [r[:-2] for r in rows[1:3]]
    body[1][header.index("mail")] = ""  # Jonas has no mailbox address
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows([header, *body])
    applied = read_export(BY_ID["entra_download_users"], path.name, buffer.getvalue().encode())
    table = applied.tables[0]
    got = {h: c.tolist() for h, c in zip(table.headers, table.columns, strict=True)}
    assert got["person_id"] == EMAILS[:2]
    assert got["email"] == EMAILS[:2]
    assert "manager_id" not in got


def test_google_workspace_download_uses_department_not_cost_center_or_org_unit() -> None:
    got = people("google_workspace_users")
    assert got["_rows"] == [2, 3, 4, 5, 6, 7, 8]  # row 9: Lukas Brandt, Suspended
    assert got["person_id"] == IDS  # Employee ID
    assert got["name"] == NAMES
    assert got["email"] == EMAILS
    assert got["title"] == TITLES
    assert got["department"] == DEPARTMENTS
    assert got["manager_id"] == [None, *(EMAILS[int(m) - 1001] for m in MANAGERS[1:])]
    assert got["_warnings"] == [
        (
            "Rows that are not data for the app were left out of "
            "'User_Download_01042026_091532.csv': 1 suspended or archived users."
        )
    ]


@pytest.mark.parametrize("preset_id", FIXTURES)
def test_every_hr_export_publishes_the_same_company(
    preset_id: str, one_post_activity_csv: Path
) -> None:
    """Through the app's own path (detection, preset, identity, validation): whatever form the
    export gives managers in (id, USERID, NO_MGR, name with accents, email), the dataset's
    people are the same seven with the same manager ids."""
    result = load_paths([FIXTURES[preset_id], one_post_activity_csv])
    assert result.dataset is not None, [p.message for p in result.report.problems]
    assert [p.code for p in result.report.problems] == ["rows_dropped"]
    got = result.dataset.people
    assert got["person_id"].tolist() == IDS
    assert got["name"].tolist() == NAMES
    assert got["email"].tolist() == EMAILS
    assert got["department"].tolist() == DEPARTMENTS
    managers = [None if pd.isna(m) else m for m in got["manager_id"].tolist()]
    assert managers == MANAGERS


@settings(max_examples=8, deadline=None)
@given(order=st.permutations(range(28)))
def test_entra_columns_shuffled_with_a_junk_column_change_nothing(order: list[int]) -> None:
    path = FIXTURES["entra_download_users"]
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    rows = [[*r, "Notes" if i == 0 else f"note {i}"] for i, r in enumerate(rows)]  # 27 + 1
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows([[r[j] for j in order] for r in rows])
    applied = read_export(BY_ID["entra_download_users"], path.name, buffer.getvalue().encode())
    table = applied.tables[0]
    got = {h: c.tolist() for h, c in zip(table.headers, table.columns, strict=True)}
    assert got["person_id"] == IDS
    assert got["department"] == DEPARTMENTS
    assert got["manager_id"][1] == EMAILS[0]


@pytest.mark.parametrize("preset", PRESETS, ids=lambda p: p.id)
def test_presets_are_data_that_round_trip_as_a_mapping_profile(preset: Preset) -> None:
    assert Preset.from_json(preset.to_json()) == preset
    assert "2026" in preset.documented_by  # names the date its source was read
    assert preset.table == "people"
