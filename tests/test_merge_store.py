"""Merge publishing through the store and the command line, and the issue's done-when check:
January published, then February and March merged, reports what the whole quarter reports."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from scorecard.cli import main
from scorecard.dataset import Dataset
from scorecard.schema import TABLES
from scorecard.store import Store

MONTHS = ("2026-01", "2026-02", "2026-03")


@pytest.fixture(scope="module")
def company() -> Dataset:
    """The sample company (seed 7): 399 people; its first quarter of 2026 is used below."""
    from scorecard.sample import generate

    return generate(seed=7)


def months_of(data: Dataset, months: tuple[str, ...]) -> Dataset:
    """``data`` with only the activity and outcomes of ``months``; the keyed tables whole."""
    frames = {n: data.table(n) for n in TABLES}
    for name in ("activity", "outcomes"):
        frame = frames[name]
        keep = frame["date"].dt.strftime("%Y-%m").isin(months).to_numpy()
        frames[name] = frame[keep].reset_index(drop=True)
    return Dataset(**frames)


@pytest.fixture(scope="module")
def workbooks(company: Dataset, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from scorecard.workbook import write_workbook

    folder = tmp_path_factory.mktemp("quarter")
    books = {m: folder / f"{m}.xlsx" for m in MONTHS} | {"q1": folder / "q1.xlsx"}
    for month in MONTHS:
        write_workbook(months_of(company, (month,)), books[month])
    write_workbook(months_of(company, MONTHS), books["q1"])
    return books


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def test_a_quarter_merged_month_by_month_reports_what_the_whole_quarter_reports(
    workbooks: dict[str, Path],
    store_urls,  # new stores on SQLite, then on PostgreSQL (conftest.py)
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    period = ("--from", "2026-01-01", "--to", "2026-03-31", "--format", "json")
    monkeypatch.setenv("SCORECARD_DATABASE_URL", store_urls())
    cli(capsys, "publish", str(workbooks["2026-01"]), "--by", "Mia")
    feb = cli(capsys, "publish", str(workbooks["2026-02"]), "--by", "Mia", "--merge")
    assert "Merged into version 2; it is now the current dataset." in feb
    cli(capsys, "publish", str(workbooks["2026-03"]), "--by", "Mia", "--merge")
    monthly = json.loads(cli(capsys, "report", *period))
    again = cli(capsys, "publish", str(workbooks["2026-03"]), "--by", "Raj", "--merge")
    assert "nothing changed, so no new version was stored" in again
    listing = cli(capsys, "versions").splitlines()
    assert len(listing) == 3 and listing[0].startswith("*    3  ")
    assert " merge " in listing[0] and listing[0].endswith(" in 2026-03")

    monkeypatch.setenv("SCORECARD_DATABASE_URL", store_urls())
    cli(capsys, "publish", str(workbooks["q1"]), "--by", "Mia")
    quarter = json.loads(cli(capsys, "report", *period))
    assert monthly == quarter
    assert monthly["company"]["actions"] > 0  # a real quarter, not two empty reports


def test_the_store_merges_one_month_and_shares_every_other_blob(
    company: Dataset, store_url: str
) -> None:
    store = Store(store_url)
    store.publish(
        months_of(company, MONTHS[:2]), uploader="Mia", file_name="jan-feb.xlsx", sha256="1" * 64
    )
    march = months_of(company, MONTHS[2:])
    plan = store.plan_merge(march)
    rows = len(march.activity)
    # March is new: every March activity row is added, nothing replaced or removed; the
    # people, goals and assumptions are the same rows (upserted onto themselves).
    assert plan.summary.totals()["activity"] == (rows, 0, 0)
    assert {c.month for c in plan.summary.tables} == {"2026-03"}
    result = store.merge(march, uploader="Mia", file_name="march.xlsx", sha256="2" * 64)
    assert result.info.how == "merge" and result.summary == plan.summary
    one, two = store.manifest(1), store.manifest(2)
    assert {k for k in one.keys() | two.keys() if one.get(k) != two.get(k)} == {
        ("activity", "2026-03"),
        ("outcomes", "2026-03"),
    }
    # Loaded month by month, each month in upload order.
    expected = pd.concat([months_of(company, (m,)).activity for m in MONTHS], ignore_index=True)
    pd.testing.assert_frame_equal(store.load(2).activity, expected, check_exact=True)


def test_merging_into_an_empty_store_publishes_the_upload(store_url: str) -> None:
    store = Store(store_url)
    data = Dataset.from_frames(
        people=pd.DataFrame({"person_id": ["007"], "name": ["Ada"], "department": ["Ops"]})
    )
    result = store.merge(data, uploader="Mia", file_name="people.csv", sha256="3" * 64)
    assert (result.info.version, result.info.how) == (1, "publish")
    assert store.load(1).people["person_id"].tolist() == ["007"]


def test_the_same_merge_twice_at_once_lands_once(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(store_url)
    base = Dataset.from_frames(
        people=pd.DataFrame({"person_id": ["007"], "name": ["Ada"], "department": ["Ops"]})
    )
    store.publish(base, uploader="Mia", file_name="people.csv", sha256="4" * 64)
    upload = Dataset.from_frames(
        people=pd.DataFrame({"person_id": ["0100"], "name": ["Ben"], "department": ["Ops"]})
    )
    first_plan = store.plan_merge(upload)
    store.merge(upload, uploader="Mia", file_name="ben.csv", sha256="5" * 64)
    # The second merger planned against version 1 before the first one landed.
    monkeypatch.setattr(Store, "plan_merge", lambda self, upload: first_plan)
    again = store.merge(upload, uploader="Raj", file_name="ben.csv", sha256="5" * 64)
    assert again.duplicate and again.info.version == 2
    assert [v.version for v in store.versions()] == [2, 1]


def test_a_months_activity_alone_is_merged_with_the_current_people(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SCORECARD_DATABASE_URL", f"sqlite:///{tmp_path / 'store.db'}")
    people = tmp_path / "people.csv"
    people.write_text(
        "person_id,name,department,manager_id,email\n"
        "001,Ada Byrne,Ops,,ada@example.com\n002,Ben Okafor,Ops,001,ben@example.com\n",
        encoding="utf-8",
    )
    january = tmp_path / "activity.csv"
    january.write_text(
        "date,person_id,channel,action,count\n2026-01-05,001,X,post,2\n", encoding="utf-8"
    )
    cli(capsys, "publish", str(people), str(january), "--by", "Mia")
    # February's export alone, people named by email: validated with version 1's people.
    february = tmp_path / "february" / "activity.csv"
    february.parent.mkdir()
    february.write_text(
        "date,person_id,channel,action,count\n2026-02-03,BEN@example.com,X,reply,3\n",
        encoding="utf-8",
    )
    said = cli(capsys, "publish", str(february), "--by", "Mia", "--merge")
    assert "Merged into version 2" in said
    assert "What changed: activity 1 added in 2026-02." in said
    data = Store().load(2)
    # January's 2 posts by 001 kept; February's 3 replies by 002 (found by email) added.
    assert data.activity[["person_id", "count"]].values.tolist() == [["001", 2], ["002", 3]]
    assert data.people["person_id"].tolist() == ["001", "002"]
    again = cli(capsys, "publish", str(february), "--by", "Raj", "--merge")
    assert "no new version was stored" in again
