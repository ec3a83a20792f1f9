"""The mapping step's pure helpers (scorecard.sources.mapping, .mapping_text), profiles and their store, the CLI.

Each test takes a grid the way the readers make it, a mapping the way the step edits it, and
pins the contract rows the engine makes of them (the production path: to_profile → apply_preset,
or load_uploads with the profile).
"""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from scorecard.ingest import load_uploads
from scorecard.ingest.raw import Limits, Upload
from scorecard.ingest.readers import read_grids
from scorecard.sources import mapping as m
from scorecard.sources import mapping_text as mt
from scorecard.sources.apply import apply_preset
from scorecard.sources.profiles import SavedProfile, load_profile
from scorecard.sources.registry import BY_ID, detect
from scorecard.store import Store

ROOT = Path(__file__).resolve().parent.parent
EXPORTS = ROOT / "tests" / "fixtures" / "exports"


def grid_of(name: str, data: bytes):
    grids, problems = read_grids(Upload(name, data), Limits())
    assert not problems
    return grids[0]


def rows_of(applied) -> dict[str, list]:
    (table,) = applied.tables
    return {h: c.tolist() for h, c in zip(table.headers, table.columns, strict=True)}


def march_profile(files: dict[str, bytes], name: str = "Brandwatch weekly"):
    grid = grid_of("brandwatch_2026-03.csv", files["brandwatch_2026-03.csv"])
    draft = m.draft_for_unknown(m.sheet_layout(grid))
    return grid, m.to_profile(dataclasses.replace(draft, constants={"action": "post"}), name)


# -- what a sheet looks like -------------------------------------------------------------------
def test_the_layout_skips_a_title_row_names_repeats_and_samples_each_column():
    grid = grid_of(
        "weekly.csv",
        b"Weekly export,,,,\n"
        b"Posted at,Link,Link,,Watch (s)\n"
        b"2026-03-02,https://a,https://b,,\n"
        b",,,,90\n",
    )
    layout = m.sheet_layout(grid)
    assert layout.header_row == 2  # the title is on line 1
    assert layout.headers == ("Posted at", "Link", "Link.1", "Watch (s)")  # blank header dropped
    # the first filled cell under each header; "Watch (s)" is blank on line 3, 90 on line 4
    assert layout.samples == ("2026-03-02", "https://a", "https://b", "90")
    assert not layout.template and layout.is_file


def test_samples_are_short_and_read_like_the_cell():
    assert m.sample_text(40.0) == "40"
    assert m.sample_text(2.5) == "2.5"
    assert m.sample_text("a  b\nc") == "a b c"
    assert m.sample_text("x" * 60) == "x" * 39 + "…"
    assert m.sample_text(None) == ""


def test_the_fingerprint_ignores_order_case_and_spacing_but_not_a_new_column():
    a = m.header_fingerprint(["Posted at", "Likes"])
    assert a == m.header_fingerprint(["likes", "posted_at"])
    assert a != m.header_fingerprint(["Posted at", "Likes", "Mentions"])


# -- an export no preset knows -----------------------------------------------------------------
def test_an_unknown_export_is_drafted_from_the_contract_aliases(brandwatch_files):
    grid = grid_of("brandwatch_2026-03.csv", brandwatch_files["brandwatch_2026-03.csv"])
    draft = m.draft_for_unknown(m.sheet_layout(grid))
    assert draft.table == "activity"
    assert draft.fields == ("date", "person_id", "channel", "reactions", "")
    assert m.missing_required(draft) == ("action",)
    assert m.missing_required(dataclasses.replace(draft, constants={"action": "post"})) == ()


def test_a_mapped_unknown_export_gives_the_contract_rows(brandwatch_files):
    grid, profile = march_profile(brandwatch_files)
    assert profile.fingerprint == ("Posted at", "Author email", "Network", "Likes", "Mentions")
    rows = rows_of(apply_preset(profile, grid, "brandwatch_2026-03.csv"))
    assert rows["person_id"] == [
        "ada.byrne@example.com",
        "ADA.BYRNE@example.com",
        "ben.okafor@example.com",
    ]
    assert rows["channel"] == ["LinkedIn", "X", "LinkedIn"]
    assert rows["reactions"] == [40.0, 12.0, 7.0]
    assert rows["action"] == ["post"] * 3  # the constant
    assert "Mentions" not in rows and "comments_received" not in rows  # ignored


def test_the_profile_reads_the_next_month_through_the_whole_pipeline(brandwatch_files):
    _, profile = march_profile(brandwatch_files)
    uploads = [Upload(n, brandwatch_files[n]) for n in ("people.csv", "brandwatch_2026-04.csv")]
    result = load_uploads(uploads, profiles=[profile])
    assert result.report.ok, result.report.as_text()
    note = result.sources[1]
    assert note.preset_id == profile.id and note.confidence == 1.0
    activity = result.dataset.activity
    assert activity["person_id"].tolist() == ["001", "002"]  # emails resolved to people
    assert activity["reactions"].sum() == 29  # 25 + 4


def test_without_a_profile_the_unknown_export_is_noted_for_the_mapping_step(brandwatch_files):
    uploads = [Upload(n, brandwatch_files[n]) for n in ("people.csv", "brandwatch_2026-03.csv")]
    result = load_uploads(uploads)
    people, export = result.sources
    assert people.layout.template  # the template is never sent to the mapping step
    assert export.preset_id is None and export.read_as.startswith(m.UNMAPPED_PREFIX)
    assert export.layout.headers[:2] == ("Posted at", "Author email")
    assert not result.report.ok  # no activity table until it is mapped


def test_durations_in_seconds_become_minutes():
    grid = grid_of("watch.csv", b"Posted at,Network,Watch (s)\n2026-03-02,YouTube,90\n")
    draft = m.draft_for_unknown(m.sheet_layout(grid))
    draft = dataclasses.replace(
        draft,
        fields=("date", "channel", "minutes"),
        units=("", "", "seconds"),
        constants={"action": "video"},
    )
    # 90 s / 60 = 1.5 min
    assert rows_of(apply_preset(m.to_profile(draft, "Watch"), grid, "watch.csv"))["minutes"] == [
        1.5
    ]


def test_a_people_export_takes_a_derived_name_and_a_constant_department():
    grid = grid_of(
        "hr.csv",
        "Employee ID,First Name,Last Name,Work Email\n007,Amélie,Durand,a.durand@x.com\n".encode(),
    )
    draft = m.draft_for_unknown(m.sheet_layout(grid))
    assert draft.table == "people"  # 2 people columns named (id, email) against 1 of activity
    assert draft.fields == ("person_id", "", "", "email")
    assert m.missing_required(draft) == ("name", "department")
    draft = dataclasses.replace(
        draft, derived={"name": "{First Name} {Last Name}"}, constants={"department": "Sales"}
    )
    rows = rows_of(apply_preset(m.to_profile(draft, "HR"), grid, "hr.csv"))
    assert rows["person_id"] == ["007"]  # text: the leading zeros stay
    assert rows["name"] == ["Amélie Durand"]
    assert rows["department"] == ["Sales"]


def test_changing_the_table_suggests_its_fields_and_keeps_its_constants(brandwatch_files):
    grid = grid_of("brandwatch_2026-03.csv", brandwatch_files["brandwatch_2026-03.csv"])
    draft = m.draft_for_unknown(m.sheet_layout(grid))
    draft = dataclasses.replace(draft, constants={"action": "post", "person_id": "001"})
    outcomes = m.with_table(draft, "outcomes")
    assert outcomes.fields == ("",) * 5  # no header is an outcomes column or alias
    assert outcomes.constants == {"person_id": "001"}  # action is no outcomes column


# -- exports a preset reads, with what the preset leaves open ----------------------------------
def test_an_undated_totals_report_takes_its_period_as_a_constant():
    path = EXPORTS / "everyonesocial_users" / "Users External Activity.csv"
    grid = grid_of(path.name, path.read_bytes())
    preset = BY_ID["everyonesocial_users"]
    draft = m.draft_from_preset(preset, m.sheet_layout(grid, detect(grid, path.name).header_at))
    assert dict(zip(draft.headers, draft.fields, strict=True)) == {
        "Name": "person_id",
        "Type": "",
        "Created On": "",
        "Onboarded": "",
        "Last Active": "",
        "Reach": "",
        "Posts": "",
        "Shares": "count",
        "Clicks": "clicks",
    }
    assert m.missing_required(draft) == ("date",)
    draft = dataclasses.replace(draft, constants={**draft.constants, "date": "2026-03-01"})
    applied = apply_preset(m.to_profile(draft, "Advocacy March", base=preset), grid, "u.csv")
    shares, posts = (
        {h: c.tolist() for h, c in zip(t.headers, t.columns, strict=True)} for t in applied.tables
    )
    # Sara Lindqvist shared nothing: the preset's row rule still drops her, 6 of 7 rows stay
    assert shares["date"] == ["2026-03-01"] * 6
    assert shares["count"] == [6.0, 9.0, 12.0, 4.0, 15.0, 2.0]
    assert shares["action"] == ["share"] * 6 and shares["channel"] == ["EveryoneSocial"] * 6
    # the preset's second reading (posts published) keeps working and takes the period too:
    # Amélie 1, Priya 3, Chloé 5, Sara 2 posts; Jonas, Tomás and Ben published none
    assert posts["date"] == ["2026-03-01"] * 4
    assert posts["count"] == [1.0, 3.0, 5.0, 2.0] and posts["action"] == ["post"] * 4


def test_a_channel_export_without_its_folder_takes_its_account_as_a_constant():
    folder = EXPORTS / "youtube_studio_content" / "Content 2026-03-01_2026-03-31 Northwind Trails"
    data = (folder / "Table data.csv").read_bytes()
    grid = grid_of("Table data.csv", data)
    preset = BY_ID["youtube_studio_content"]
    draft = m.draft_from_preset(preset, m.sheet_layout(grid))
    assert "account" not in rows_of(apply_preset(preset, grid, "Table data.csv"))  # no folder
    draft = dataclasses.replace(draft, constants={**draft.constants, "account": "Northwind Trails"})
    rows = rows_of(apply_preset(m.to_profile(draft, "Our channel", base=preset), grid, "x.csv"))
    assert rows["account"] == ["Northwind Trails"] * 4  # the Total row is still dropped
    # Duration in seconds: 1230/60 = 20.5, 90/60 = 1.5, 345/60 = 5.75, 1830/60 = 30.5
    assert rows["minutes"] == [20.5, 1.5, 5.75, 30.5]
    assert rows["impressions"] == [18400.0, 7250.0, 11030.0, 9870.0]  # Impressions before Views


def _fixture_sheets():
    for folder in sorted(p for p in EXPORTS.iterdir() if p.is_dir()):
        for path in sorted(f for f in folder.rglob("*") if f.is_file()):
            yield pytest.param(folder.name, path, id=f"{folder.name}/{path.name}")


@pytest.mark.parametrize(("preset_id", "path"), list(_fixture_sheets()))
def test_the_draft_of_a_preset_reads_its_fixture_exactly_as_the_preset(preset_id: str, path: Path):
    name = str(
        path.relative_to(path.parents[1] if preset_id == "youtube_studio_content" else path.parent)
    )
    grids, _ = read_grids(Upload(name, path.read_bytes()), Limits())
    checked = 0
    for grid in grids:
        match = detect(grid, name)
        if match is None:  # a sheet the export's preset skips
            continue
        preset = match.preset
        draft = m.draft_from_preset(preset, m.sheet_layout(grid, match.header_at))
        profile = m.to_profile(draft, "copy", base=preset, sheet="" if grid.is_file else grid.name)
        expected = apply_preset(preset, grid, name, match.header_at)
        got = apply_preset(profile, grid, name)
        assert [rows_of_table(t) for t in got.tables] == [rows_of_table(t) for t in expected.tables]
        checked += 1
    assert checked >= 1


def rows_of_table(table) -> tuple:
    columns = {h: c.tolist() for h, c in zip(table.headers, table.columns, strict=True)}
    return table.table, table.row_numbers.tolist(), dict(sorted(columns.items(), key=str))


# -- CRM outcome rules -------------------------------------------------------------------------
def test_crm_rules_survive_the_editor_rows_both_ways():
    preset = BY_ID["salesforce_opportunities_report"]
    headers = ["Opportunity Owner", "Stage", "Close Date", "Amount"]
    rules, errors = mt.rules_from_rows(mt.rules_to_rows(preset.outcome_rules), headers)
    assert errors == []
    assert rules == preset.outcome_rules


def test_an_edited_crm_rule_sums_per_owner_and_month():
    grid = grid_of(
        "deals.csv",
        b"Owner,Stage,Close Date,Amount\n"
        b"Ben,Closed Won,3/12/2026,48000\n"
        b"Ben,Closed Won,3/9/2026,12500\n"
        b"Tom,Closed Lost,3/6/2026,30000\n"
        b"Tom,Closed Won,4/2/2026,5000\n",
    )
    layout = m.sheet_layout(grid)
    row = {
        "metric": "won_amount",
        "date_from": "Close Date",
        "person_from": "Owner",
        "condition": "Stage = Closed Won",
        "value": "Amount",
    }
    rules, errors = mt.rules_from_rows([row, {"metric": None}], layout.headers)
    assert errors == [] and len(rules) == 1  # the row without a metric is skipped
    draft = dataclasses.replace(
        m.with_table(m.draft_for_unknown(layout), "outcomes"), outcome_rules=rules, date_order="MDY"
    )
    rows = rows_of(apply_preset(m.to_profile(draft, "Deals"), grid, "deals.csv"))
    assert [d.strftime("%Y-%m-%d") for d in rows["date"]] == ["2026-03-01", "2026-04-01"]
    # Ben in March: 48,000 + 12,500 = 60,500; Tom's lost deal does not count; Tom in April 5,000
    assert rows["value"] == [60500.0, 5000.0]
    assert rows["person_id"] == ["Ben", "Tom"]


def test_bad_rules_and_lines_are_sentences_not_exceptions():
    headers = ["Owner", "Stage", "Close Date"]
    rules, errors = mt.rules_from_rows(
        [
            {"metric": "a", "date_from": "", "value": "count"},
            {"metric": "b", "date_from": "Close Date", "value": "Revenue"},
            {"metric": "c", "date_from": "Close Date", "condition": "Phase = Won"},
        ],
        headers,
    )
    assert rules == ()
    assert errors[0] == "Rule 1 (a): choose the date column."
    assert errors[1] == "Rule 2 (b): 'Revenue' is not a column."
    assert errors[2].startswith("Rule 3 (c): 'Phase = Won': write 'Column = value")
    values, problems = mt.parse_assignments("channel = X\n\nbogus\nfoo = 1", ["channel", "action"])
    assert values == {"channel": "X"}
    assert problems[0] == "Line 3 ('bogus') needs the form: field = value."
    assert problems[1].startswith("Line 4: 'foo' is not a column of this table")


def test_a_condition_reads_back_as_written():
    when = {"Stage": ("Closed Won", "Won"), "MQL Date": ()}
    text = mt.format_condition(when)
    assert text == "Stage = Closed Won | Won; MQL Date = *"
    assert mt.parse_condition(text, ["stage", "MQL date"]) == when


# -- profiles: files, store --------------------------------------------------------------------
def test_a_profile_file_loads_or_says_what_is_wrong(brandwatch_files):
    _, profile = march_profile(brandwatch_files)
    assert load_profile(profile.to_json()) == profile
    with pytest.raises(ValueError, match="not JSON"):
        load_profile("{not json")
    with pytest.raises(ValueError, match="no field"):
        load_profile(json.dumps({**profile.to_dict(), "colour": "red"}))
    broken = profile.to_dict()
    broken["fields"][0]["field"] = "posted"
    with pytest.raises(ValueError, match="'posted' is not a column of activity"):
        load_profile(json.dumps(broken))


def test_profiles_are_stored_newest_first_and_replaced_by_name(store_url, brandwatch_files):
    store = Store(store_url)  # SQLite, then PostgreSQL
    _, profile = march_profile(brandwatch_files)
    store.save_profile("Brandwatch weekly", "f1", profile.to_json(), "Mia")
    store.save_profile("Other", "f2", "{}", "  ")
    store.save_profile("Brandwatch weekly", "f1", profile.to_json(), "Noor")
    saved = store.profiles()
    assert [(p.name, p.saved_by) for p in saved] == [
        ("Brandwatch weekly", "Noor"),
        ("Other", "anonymous"),
    ]
    assert saved[0].preset == profile
    assert Store(store.url).profiles()[0].fingerprint == "f1"  # it is in the database


def test_a_saved_profile_says_who_saved_it_and_when():
    row = SavedProfile("Brandwatch weekly", "f", "{}", "Mia", "2026-03-02 09:15 UTC")
    assert (
        row.sentence == "mapped with your profile 'Brandwatch weekly', saved by Mia on 2026-03-02"
    )


def test_a_profile_wins_over_a_preset_for_its_own_header():
    path = EXPORTS / "everyonesocial_users" / "Users External Activity.csv"
    grid = grid_of(path.name, path.read_bytes())
    preset = BY_ID["everyonesocial_users"]
    draft = m.draft_from_preset(preset, m.sheet_layout(grid))
    profile = m.to_profile(
        dataclasses.replace(draft, constants={"date": "2026-03-01"}), "ES", base=preset
    )
    assert detect(grid, path.name, (profile, *BY_ID.values())).preset.id == profile.id


# -- the command line --------------------------------------------------------------------------
def run(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SCORECARD_DATABASE_URL": f"sqlite:///{db}"}
    return subprocess.run(
        [sys.executable, "-m", "scorecard", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_cli_reads_exports_with_profiles_on_validate_publish_and_report(
    tmp_path, brandwatch_files
):
    for name, data in brandwatch_files.items():
        (tmp_path / name).write_bytes(data)
    _, profile = march_profile(brandwatch_files)
    (tmp_path / "bw.json").write_text(profile.to_json(), encoding="utf-8")
    es = EXPORTS / "everyonesocial_users" / "Users External Activity.csv"
    grid = grid_of(es.name, es.read_bytes())
    es_draft = m.draft_from_preset(BY_ID["everyonesocial_users"], m.sheet_layout(grid))
    es_profile = m.to_profile(
        dataclasses.replace(es_draft, constants={"date": "2026-03-01"}),
        "ES",
        base=BY_ID["everyonesocial_users"],
    )
    (tmp_path / "es.json").write_text(es_profile.to_json(), encoding="utf-8")
    db = tmp_path / "cli.db"
    people, march, april = (str(tmp_path / n) for n in brandwatch_files)

    plain = run("validate", people, march, db=db)
    assert plain.returncode == 1  # without the profile: no activity table
    done = run(
        "validate",
        people,
        march,
        "--profile",
        str(tmp_path / "es.json"),
        "--profile",
        str(tmp_path / "bw.json"),
        db=db,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert (
        "  brandwatch_2026-03.csv: Brandwatch weekly mapping profile → activity, confidence 1.00"
    ) in done.stderr.splitlines()

    published = run(
        "publish", people, march, "--profile", str(tmp_path / "bw.json"), "--by", "Mia", db=db
    )
    assert published.returncode == 0 and "Published version 1" in published.stdout
    assert Store(f"sqlite:///{db}").load(1).activity["reactions"].sum() == 59  # 40 + 12 + 7

    report = run("report", people, april, "--profile", str(tmp_path / "bw.json"), db=db)
    assert report.returncode == 0, report.stderr
    people_out = json.loads(report.stdout)["people"]
    assert (people_out["001"]["posts"], people_out["002"]["posts"]) == (1.0, 1.0)
    assert people_out["001"]["reactions"] == 25.0

    missing = run("validate", people, "--profile", str(tmp_path / "nope.json"), db=db)
    assert missing.returncode == 2 and "No such file" in missing.stderr
    (tmp_path / "bad.json").write_text("[1, 2]", encoding="utf-8")
    bad = run("report", people, april, "--profile", str(tmp_path / "bad.json"), db=db)
    assert bad.returncode == 2 and "cannot be used" in bad.stderr
    assert "Traceback" not in bad.stderr
