"""The Data page's mapping step through Streamlit's AppTest, from app.py as users start it.

An export no preset knows is uploaded with a template people.csv: the page shows the mapping
step (not a wall of missing-column errors); its columns are guessed from the contract's aliases,
the missing action is set as a constant, Apply re-reads the files, the numbers come out, the
mapping is saved as a profile, and next month's file of the same tool is mapped without asking.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from scorecard.ingest.raw import Limits, Upload
from scorecard.ingest.readers import read_grids
from scorecard.sources import mapping as m
from scorecard.store import Store
from scorecard.ui.text import literal

APP = Path(__file__).resolve().parent.parent / "app.py"
EXPORTS = APP.parent / "tests" / "fixtures" / "exports"
TIMEOUT = 180  # the machine is shared; this bounds a hang, it is not a speed assertion
CSV = "text/csv"
MARCH, APRIL = "brandwatch_2026-03.csv", "brandwatch_2026-04.csv"


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, warm_server: None) -> Store:
    url = f"sqlite:///{tmp_path / 'scorecard.db'}"
    monkeypatch.setenv("SCORECARD_DATABASE_URL", url)
    return Store(url)


def open_data_page() -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    at.switch_page("pages/data.py").run()
    return at


def upload(at: AppTest, files: dict[str, bytes], *names: str) -> None:
    at.file_uploader(key="data_files").set_value([(n, files[n], CSV) for n in names]).run()
    assert not at.exception, [e.value for e in at.exception]


def read_as(at: AppTest) -> dict[str, str]:
    frame = next(d.value for d in at.dataframe if "read as" in d.value.columns)
    return dict(zip(frame["file"], frame["read as"], strict=True))


def test_an_unknown_export_is_mapped_applied_saved_and_recognised_next_month(
    store: Store, brandwatch_files: dict[str, bytes], monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("LOGNAME", "Mia")  # local mode: the uploader is this OS user
    at = open_data_page()
    upload(at, brandwatch_files, "people.csv", MARCH)
    sid = m.draft_id(MARCH, MARCH)

    # The mapping step instead of the problem list: one warning naming the file, no error wall
    assert any(literal(MARCH) in w.value and "matches no export" in w.value for w in at.warning)
    assert not at.error
    with pytest.raises(KeyError):
        at.button(key="data_publish")
    assert read_as(at)[MARCH] == "matches no known export: map its columns below"
    # columns guessed from the contract's aliases, each with its sample
    guessed = [at.selectbox(key=f"map_{sid}_activity_f{j}").value for j in range(5)]
    assert guessed == ["date", "person_id", "channel", "reactions", ""]
    assert f"e.g. {literal('ada.byrne@example.com')}" in [c.value for c in at.caption]
    assert any("Nothing feeds action" in w.value for w in at.warning)

    # The export has no action column: every row is a post
    at.selectbox(key=f"map_{sid}_activity_c_action").select("post")
    at.button(key=f"map_{sid}_apply").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert read_as(at)[MARCH].startswith("mapped as you set it")
    assert at.success[0].value.startswith("No problems found")
    preview = next(d.value for d in at.dataframe if "reactions" in d.value.columns)
    assert preview["person_id"].tolist() == ["001", "001", "002"]  # emails found in people
    assert preview["reactions"].sum() == 59  # 40 + 12 + 7

    # Save the mapping as a profile, under a name, by the uploader
    at.text_input(key=f"map_{sid}_name").set_value("Brandwatch weekly")
    at.button(key=f"map_{sid}_save").click().run()
    assert not at.exception
    assert any("Saved the profile 'Brandwatch weekly'" in s.value for s in at.success)
    (saved,) = store.profiles()
    assert (saved.name, saved.saved_by) == ("Brandwatch weekly", "Mia")
    today = datetime.now(UTC).date().isoformat()
    sentence = f"mapped with your profile 'Brandwatch weekly', saved by Mia on {today} → activity"
    assert read_as(at)[MARCH] == sentence

    at.button(key="data_publish").click().run()
    assert store.current().version == 1
    assert store.load(1).activity["action"].tolist() == ["post"] * 3

    # Next month: the same header is read with the profile, without asking
    upload(at, brandwatch_files, "people.csv", APRIL)
    assert read_as(at)[APRIL] == sentence
    assert not any("matches no export" in w.value for w in at.warning)
    assert at.success[0].value.startswith("No problems found")
    at.button(key="data_publish").click().run()
    april = store.load(store.current().version).activity
    assert april["reactions"].tolist() == [25.0, 4.0]
    at.switch_page("pages/overview.py").run()
    assert not at.exception
    # The latest month, April: Ada's post on 6 April and Ben's on 13 April = 2 actions
    assert {x.label: x.value for x in at.metric}["Actions"] == "2"


def test_an_undated_totals_report_takes_its_period_in_the_mapping_step(store: Store):
    es = EXPORTS / "everyonesocial_users" / "Users External Activity.csv"
    people = (
        "person_id,name,department,manager_id\n"
        "1001,Amélie Durand,Executive,\n1002,Jonas Weber,Sales,1001\n"
        "1003,Priya Natarajan,Marketing,1001\n1004,Tomás Ríos,Sales,1002\n"
        "1005,Chloé Martin,Marketing,1003\n1006,Ben Okafor,Sales,1002\n"
        "1007,Sara Lindqvist,Marketing,1003\n"
    ).encode()
    at = open_data_page()
    at.file_uploader(key="data_files").set_value(
        [("people.csv", people, CSV), (es.name, es.read_bytes(), CSV)]
    ).run()
    assert not at.exception
    # Read by the EveryoneSocial preset, but the report has no date: the step opens on it
    assert read_as(at)[es.name].startswith("EveryoneSocial")
    assert at.error  # the missing date, reported as usual
    sid = m.draft_id(es.name, es.name)
    assert any("Nothing feeds date" in w.value for w in at.warning)
    at.date_input(key=f"map_{sid}_activity_c_date").set_value(date(2026, 3, 1))
    at.button(key=f"map_{sid}_apply").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    at.button(key="data_publish").click().run()
    activity = store.load(1).activity
    assert set(activity["date"].dt.strftime("%Y-%m-%d")) == {"2026-03-01"}
    # shares made: 6 + 9 + 12 + 4 + 15 + 2 = 48; posts published: 1 + 3 + 5 + 2 = 11
    totals = activity.groupby("action")["count"].sum().to_dict()
    assert totals == {"post": 11, "share": 48}


def test_a_profile_file_is_loaded_or_refused_with_its_name(
    store: Store, brandwatch_files: dict[str, bytes]
):
    grids, _ = read_grids(Upload(MARCH, brandwatch_files[MARCH]), Limits())
    draft = m.draft_for_unknown(m.sheet_layout(grids[0]))
    profile = m.to_profile(dataclasses.replace(draft, constants={"action": "post"}), "From Noor")
    at = open_data_page()
    upload(at, brandwatch_files, "people.csv", APRIL)
    at.file_uploader(key="mapping_profile_file").set_value(
        ("noor.json", b"{not json", "application/json")
    ).run()
    assert not at.exception
    assert any(literal("noor.json") in e.value and "cannot be used" in e.value for e in at.error)
    at.file_uploader(key="mapping_profile_file").set_value(
        ("noor.json", profile.to_json().encode(), "application/json")
    ).run()
    assert not at.exception
    assert read_as(at)[APRIL] == "mapped with the profile 'From Noor' you loaded → activity"
    assert at.success[0].value.startswith("No problems found")
    assert store.profiles() == []  # loaded for this session only, until saved


def test_crm_outcome_rules_are_shown_in_the_mapping_step(store: Store):
    report = EXPORTS / "salesforce_opportunities_report" / "report1775034000000.csv"
    at = open_data_page()
    at.file_uploader(key="data_files").set_value([(report.name, report.read_bytes(), CSV)]).run()
    assert not at.exception
    assert read_as(at)[report.name].startswith("Salesforce")
    sid = m.draft_id(report.name, report.name)
    assert at.selectbox(key=f"map_{sid}_table").value == "outcomes"
    rules = next(d for d in at.data_editor if d.key == f"map_{sid}_rules").value
    assert rules.to_dict("records")[:2] == [
        {
            "metric": "won_amount",
            "date_from": "Close Date",
            "person_from": "Opportunity Owner",
            "condition": "Stage = Closed Won",
            "value": "Amount",
        },
        {
            "metric": "opportunities_won",
            "date_from": "Close Date",
            "person_from": "Opportunity Owner",
            "condition": "Stage = Closed Won",
            "value": "count",
        },
    ]
