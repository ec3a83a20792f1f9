"""People named the way exports name them, accounts and stewards: validation, metrics, the
Stewards view, the JSON report and the store, on one small company computed by hand.

people (Employee ID, Display Name, Department, Manager, Work Email):
  1001 Amélie Durand  Marketing  manager NO_MGR                      Amelie.Durand@Example.com
  1002 Ben Okafor     Marketing  manager amelie.durand@example.com   ben@example.com
  1003 Chloé Martin   Sales      manager "amelie durand" (a name)    chloe@example.com
  1004 Ana Silva      Sales      manager 1003                        ana.s@example.com
  1005 Ana Silva      Sales      manager 1003                        ana.silva@example.com
accounts: X @ameliedurand (owner by email), LinkedIn /in/amelie-durand (1001, kind blank),
  the LinkedIn company page (brand, steward ben@example.com).
activity, March 2026 (impressions, reactions, comments, shares, clicks):
  r2 AMELIE.DURAND@EXAMPLE.COM LinkedIn post           100  10  2  1   5 → 1001 by email
  r3 (no author) X post, https://x.com/ameliedurand/…   50   4  1  0   2 → 1001 by account
  r4 "Chloe" + combining accent + " Martin" X post      20   3  0  0   1 → 1003 by name (NFD)
  r5 (no author) LinkedIn post, @example              1000  40  6  9  30 → brand page
  r6 ben@example.com LinkedIn video, company page URL   500  20  3  2  10 → brand page
  r7 Ana Silva X post                                    10   1  0  0   0 → ambiguous: nobody
  r8 BOM+1002+zero-width LinkedIn comment                 0   0  0  0   0 → 1002
"""

from __future__ import annotations

import unicodedata

import numpy as np
import pandas as pd
import pytest

from scorecard.dataset import Dataset, Period
from scorecard.ingest import validate_tables
from scorecard.metrics import compute
from scorecard.report import build_report
from scorecard.stewards import steward_table
from scorecard.store import Store

MARCH = Period.month(2026, 3)
BRAND_URL = "https://www.linkedin.com/company/example/"
PEOPLE_HEADERS = ["Employee ID", "Display Name", "Department", "Manager", "Work Email"]
ACTIVITY_HEADERS = [
    "date",
    "Author",
    "Network",
    "Type",
    "Impressions",
    "Likes",
    "Comments",
    "Reposts",
    "Clicks",
    "Handle",
]


def values(series: pd.Series) -> list[object]:
    return [None if pd.isna(v) else v for v in series]


@pytest.fixture
def company(raw_table):
    chloe_nfd = unicodedata.normalize("NFD", "Chloé") + " Martin"
    return [
        raw_table(
            "people",
            PEOPLE_HEADERS,
            ["1001", "Amélie Durand", "Marketing", "NO_MGR", "Amelie.Durand@Example.com"],
            ["1002", "Ben Okafor", "Marketing", "amelie.durand@example.com", "ben@example.com"],
            ["1003", "Chloé Martin", "Sales", "amelie durand", "chloe@example.com"],
            ["1004", "Ana Silva", "Sales", "1003", "ana.s@example.com"],
            ["1005", "Ana Silva", "Sales", "1003", "ana.silva@example.com"],
        ),
        raw_table(
            "accounts",
            ["Network", "Handle", "Owner", "Kind", "Steward"],
            ["X", "@ameliedurand", "amelie.durand@example.com", "personal", None],
            ["LinkedIn", "linkedin.com/in/amelie-durand", "1001", None, None],
            ["LinkedIn", BRAND_URL, None, "Company page", "ben@example.com"],
        ),
        raw_table(
            "activity",
            ACTIVITY_HEADERS,
            ["2026-03-02", "AMELIE.DURAND@EXAMPLE.COM", "LinkedIn", "post", 100, 10, 2, 1, 5, None],
            [
                "2026-03-03",
                None,
                "X",
                "post",
                50,
                4,
                1,
                0,
                2,
                "https://x.com/ameliedurand/status/1",
            ],
            ["2026-03-03", chloe_nfd, "X", "post", 20, 3, 0, 0, 1, None],
            ["2026-03-04", None, "LinkedIn", "post", 1000, 40, 6, 9, 30, "@example"],
            [
                "2026-03-05",
                "ben@example.com",
                "LinkedIn",
                "video",
                500,
                20,
                3,
                2,
                10,
                "linkedin.com/company/example",
            ],
            ["2026-03-05", "Ana Silva", "X", "post", 10, 1, 0, 0, 0, None],
            ["2026-03-06", "\ufeff1002\u200b", "LinkedIn", "comment", 0, 0, 0, 0, 0, None],
        ),
    ]


@pytest.fixture
def validated(company):
    dataset, report = validate_tables(company)
    assert dataset is not None
    return dataset, report


def test_only_the_ambiguous_name_is_reported_with_its_candidates(validated):
    _, report = validated
    assert [
        (p.severity, p.code, p.sheet, p.row, p.column, p.value, p.message) for p in report.problems
    ] == [
        (
            "warning",
            "ambiguous_person",
            "activity",
            7,
            "Author",
            "Ana Silva",
            (
                "'Ana Silva' could be 2 people of sheet 'people': Ana Silva (1004), "
                "Ana Silva (1005); the row is matched to none of them."
            ),
        ),
    ]


def test_managers_by_sentinel_email_name_and_id(validated):
    dataset, _ = validated
    assert values(dataset.people["manager_id"]) == [None, "1001", "1001", "1003", "1003"]
    assert dataset.people.loc[0, "email"] == "Amelie.Durand@Example.com"  # kept as written


def test_activity_people_through_emails_accounts_names_and_clean_ids(validated):
    dataset, _ = validated
    assert values(dataset.activity["person_id"]) == [
        "1001",
        "1001",
        "1003",
        None,
        None,
        "Ana Silva",
        "1002",
    ]
    # Rows found through an account carry the accounts sheet's spelling of it.
    assert values(dataset.activity["account"]) == [
        None,
        "@ameliedurand",
        None,
        BRAND_URL,
        BRAND_URL,
        None,
        None,
    ]


def test_accounts_are_resolved_and_their_kind_filled_in(validated):
    dataset, _ = validated
    accounts = dataset.accounts
    assert values(accounts["kind"]) == ["personal", "personal", "brand"]
    assert values(accounts["person_id"]) == ["1001", "1001", None]
    assert values(accounts["steward_id"]) == [None, None, "1002"]


def test_brand_activity_is_no_ones_own(validated):
    dataset, _ = validated
    cards = compute(dataset, MARCH)
    amelie = cards.people.loc["1001"]
    # r2 + r3: posts 1 + 1, impressions 100 + 50, reactions 10 + 4, comments 2 + 1,
    # shares 1 + 0, clicks 5 + 2; engagement (14 + 3 + 1) / 2 = 9.
    assert (
        amelie["posts"],
        amelie["impressions"],
        amelie["reactions"],
        amelie["comments_received"],
        amelie["shares_received"],
        amelie["clicks"],
        amelie["engagement_rate"],
    ) == (2, 150, 14, 3, 1, 7, 9.0)
    ben = cards.people.loc["1002"]
    # Ben posted the company video (r6) as its steward: not his. His own: one comment (r8).
    assert (ben["actions"], ben["posts"], ben["impressions"], ben["reactions"]) == (1, 0, 0, 0)
    # Company: people's own rows only: posts 2 (Amélie) + 1 (Chloé); actions + Ben's comment;
    # reactions 14 + 3; clicks 7 + 1. Brand rows and the ambiguous row count for nobody.
    company = cards.company
    assert (company["posts"], company["actions"], company["reactions"], company["clicks"]) == (
        3,
        4,
        17,
        8,
    )
    assert cards.departments.loc["Marketing", "reactions"] == 14  # Amélie 14 + Ben 0


def test_the_steward_view_counts_the_brand_page(validated):
    dataset, _ = validated
    table = steward_table(dataset, MARCH)
    assert len(table) == 1
    row = table.iloc[0]
    assert (row["channel"], row["account"], row["steward_id"], row["steward"]) == (
        "LinkedIn",
        BRAND_URL,
        "1002",
        "Ben Okafor",
    )
    # r5 + r6: actions 2, posts 2 (post + video), impressions 1000 + 500, reactions 40 + 20,
    # comments 6 + 3, shares 9 + 2, clicks 30 + 10; engagement (60 + 9 + 11) / 2 = 40.
    assert [
        row[c]
        for c in (
            "actions",
            "posts",
            "impressions",
            "reactions",
            "comments_received",
            "shares_received",
            "clicks",
            "engagement_rate",
        )
    ] == [2, 2, 1500, 60, 9, 11, 40, 40.0]


def test_a_brand_account_without_activity_has_zero_sums_and_no_rate(validated):
    dataset, _ = validated
    april = steward_table(dataset, Period.month(2026, 4)).iloc[0]
    assert (april["posts"], april["reactions"]) == (0, 0)
    assert np.isnan(april["engagement_rate"])  # 0 / 0 posts: missing, never 0


def test_json_people_carry_manager_and_email(validated):
    dataset, _ = validated
    people = build_report(dataset, MARCH).to_dict()["people"]
    assert (people["1002"]["manager_id"], people["1002"]["email"]) == ("1001", "ben@example.com")
    assert people["1001"]["manager_id"] is None  # NO_MGR: the top
    assert people["1001"]["posts"] == 2 and people["1001"]["reactions"] == 14


def test_accounts_and_new_columns_round_trip_through_the_store(validated, tmp_path):
    dataset, _ = validated
    store = Store(f"sqlite:///{tmp_path / 'store.db'}")
    store.publish(dataset, uploader="Mia", file_name="exports", sha256="b" * 64)
    loaded = store.load(1)
    for name in ("people", "activity", "accounts"):
        pd.testing.assert_frame_equal(loaded.table(name), dataset.table(name), check_exact=True)


def test_a_people_blob_stored_before_the_email_column_reads_it_as_missing(validated):
    import io

    import pyarrow as pa
    import pyarrow.parquet as pq

    from scorecard.storage.blobs import decode

    dataset, _ = validated
    buffer = io.BytesIO()
    older = dataset.people.drop(columns="email")
    pq.write_table(pa.Table.from_pandas(older, preserve_index=False), buffer)
    people = decode("people", [buffer.getvalue()])
    assert people["email"].isna().all() and people["person_id"].tolist()[0] == "1001"


def test_a_dataset_without_accounts_still_builds():
    dataset = Dataset.from_frames()
    assert list(dataset.accounts.columns) == [
        "channel",
        "account",
        "person_id",
        "kind",
        "steward_id",
    ]
    assert steward_table(dataset, MARCH).empty


@pytest.mark.usefixtures("warm_server")
def test_the_stewards_page_shows_the_brand_page_and_its_steward(validated, tmp_path, monkeypatch):
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    url = f"sqlite:///{tmp_path / 'scorecard.db'}"
    monkeypatch.setenv("SCORECARD_DATABASE_URL", url)
    dataset, _ = validated
    Store(url).publish(dataset, uploader="Mia", file_name="exports", sha256="d" * 64)
    app = Path(__file__).resolve().parent.parent / "app.py"
    at = AppTest.from_file(str(app), default_timeout=180).run()
    at.switch_page("pages/stewards.py").run()
    assert not at.exception and not at.error
    # The sidebar's default period is the data's last month, March 2026 (see above).
    tiles = {m.label: m.value for m in at.metric}
    assert tiles == {
        "Posts": "2",
        "Impressions": "1,500",
        "Reactions received": "60",
        "Engagement per post": "40.00",
    }  # (60 + 9 + 11) / 2
    table = at.dataframe[0].value
    assert table[["account", "steward", "posts", "clicks"]].values.tolist() == [
        [BRAND_URL, "Ben Okafor", 2, 40]
    ]


def test_a_merged_dataset_is_resolved_against_its_own_people_and_accounts(validated):
    from scorecard.ingest.references import resolve_dataset

    current, _ = validated
    # Next month's export, merged as it came: an email, a handle, the brand page, a stranger.
    april = pd.DataFrame(
        {
            "date": pd.to_datetime(["2026-04-01"] * 4),
            "channel": ["LinkedIn", "X", "LinkedIn", "X"],
            "action": ["post"] * 4,
            "person_id": ["Ben@Example.com", None, None, "zed@x.com"],
            "account": [None, "@AmelieDurand", "linkedin.com/company/example", None],
        }
    )
    merged = Dataset.from_frames(
        people=current.people,
        accounts=current.accounts,
        activity=pd.concat([current.activity, april]),
    )
    resolved, report = resolve_dataset(merged)
    assert values(resolved.activity["person_id"].iloc[-4:]) == ["1002", "1001", None, "zed@x.com"]
    assert resolved.activity["account"].iloc[-2] == BRAND_URL
    assert [(p.code, p.row, p.value) for p in report.problems] == [
        ("ambiguous_person", 7, "Ana Silva"),
        ("unknown_person", 12, "zed@x.com"),
    ]
    assert merged.activity["person_id"].iloc[-4] == "Ben@Example.com"  # input unchanged


def test_the_json_report_lists_the_brand_accounts(validated):
    dataset, _ = validated
    (brand,) = build_report(dataset, MARCH).to_dict()["stewards"]
    assert (brand["account"], brand["steward_id"], brand["posts"], brand["impressions"]) == (
        BRAND_URL,
        "1002",
        2,
        1500,
    )
    assert brand["engagement_rate"] == 40.0  # (60 + 9 + 11) / 2
