"""Sprout Social, EveryoneSocial, Meta Business Suite and YouTube Studio exports read by their
presets (:mod:`scorecard.sources.presets.social_tools`), every number pinned by hand.

The fixtures in ``tests/fixtures/exports/<preset id>/`` follow the documented layouts column for
column; the people are Northwind Trails' (1001 Amélie Durand ... 1007 Sara Lindqvist).
"""

from __future__ import annotations

import csv
import dataclasses
import io
from pathlib import Path

import pytest

from scorecard.ingest.raw import Limits, Upload
from scorecard.ingest.readers import read_grids
from scorecard.sources import read_export
from scorecard.sources.presets.social_tools import PRESETS
from scorecard.sources.registry import BY_ID, THRESHOLD, candidates, detect
from scorecard.sources.registry import PRESETS as REGISTRY

EXPORTS = Path(__file__).parent / "fixtures" / "exports"
SPROUT = EXPORTS / "sprout_post_performance" / "Post Performance Report.csv"
EVERYONESOCIAL = EXPORTS / "everyonesocial_users" / "Users External Activity.csv"
META = EXPORTS / "meta_facebook_posts" / "Mar-01-2026_Mar-31-2026_2914736058193746.csv"
YOUTUBE_FOLDER = "Content 2026-03-01_2026-03-31 Northwind Trails"
YOUTUBE = EXPORTS / "youtube_studio_content" / YOUTUBE_FOLDER / "Table data.csv"


def read(preset_id: str, name: str, data: bytes, reading: int = 0) -> dict[str, list]:
    """The activity table ``preset_id`` makes of a file (``reading`` 1 and on: its row
    expansions), as column → list, plus its rows."""
    applied = read_export(BY_ID[preset_id], name, data)
    assert {t.table for t in applied.tables} == {"activity"}
    table = applied.tables[reading]
    out = {h: c.tolist() for h, c in zip(table.headers, table.columns, strict=True)}
    out["_rows"] = table.row_numbers.tolist()
    return out


def dates(column: list) -> list[str]:
    return [d.strftime("%Y-%m-%d") for d in column]


def rewrite_csv(
    path: Path,
    drop: tuple[str, ...] = (),
    rename: dict[str, str] | None = None,
    encoding: str = "utf-8",
) -> bytes:
    """The fixture with some columns removed or renamed (as another export of the tool would
    have it), written back as CSV bytes."""
    rows = list(csv.reader(io.StringIO(path.read_text(encoding=encoding))))
    keep = [j for j, h in enumerate(rows[0]) if h not in drop]
    rows[0] = [(rename or {}).get(h, h) for h in rows[0]]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows([[r[j] for j in keep] for r in rows])
    return buffer.getvalue().encode("utf-8")


# --- detection -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "name", "preset_id"),
    [
        (SPROUT, SPROUT.name, "sprout_post_performance"),
        (EVERYONESOCIAL, EVERYONESOCIAL.name, "everyonesocial_users"),
        (META, META.name, "meta_facebook_posts"),
        (YOUTUBE, YOUTUBE.name, "youtube_studio_content"),
    ],
)
def test_each_fixture_is_detected_as_its_own_preset_and_table(path, name, preset_id):
    grids, problems = read_grids(Upload(name, path.read_bytes()), Limits())
    assert problems == [] and len(grids) == 1
    match = detect(grids[0], name)
    assert match is not None
    assert match.preset.id == preset_id
    assert match.confidence >= THRESHOLD
    # The per-user advocacy report is activity, never the people table.
    assert match.preset.table == "activity"
    # No other registered preset (HR, CRM, other networks) would take the file either.
    rivals = [
        c.preset.id
        for c in candidates(grids[0], name, REGISTRY)
        if c.preset.id != preset_id and c.confidence >= THRESHOLD
    ]
    assert rivals == []


def test_the_everyonesocial_report_is_not_detected_from_a_name_and_a_shares_column_alone():
    # Name, Shares and Clicks are the fingerprint, but 3 headers of the 10 known ones give a
    # confidence of 0.85 x 3/10 = 0.255, under the threshold: an unrelated sheet stays unread.
    grids, _ = read_grids(Upload("leaderboard.csv", b"Name,Shares,Clicks\nAda,1,2\n"), Limits())
    assert detect(grids[0], "leaderboard.csv") is None


def test_youtube_chart_data_of_the_same_zip_is_not_read_as_videos():
    # "Chart data.csv" repeats each video once per day (Date,Content,Video title,Video publish
    # time,Duration,Views): 5 of the 12 known headers and no file-name match give
    # 0.85 x 5/12 = 0.354, under the threshold, so its days are never counted as videos.
    chart = (
        b"Date,Content,Video title,Video publish time,Duration,Views\n"
        b'2026-03-04,nWt7rA1lS0e,Trail building 101 with our crew,"Mar 4, 2026",1230,310\n'
        b'2026-03-05,nWt7rA1lS0e,Trail building 101 with our crew,"Mar 4, 2026",1230,280\n'
    )
    grids, _ = read_grids(Upload("Chart data.csv", chart), Limits())
    assert detect(grids[0], "Chart data.csv") is None


def test_presets_name_their_public_source():
    assert [p.id for p in PRESETS] == [
        "sprout_post_performance",
        "everyonesocial_users",
        "meta_facebook_posts",
        "youtube_studio_content",
    ]
    for preset in PRESETS:
        assert "2026-12-02" in preset.documented_by
        assert preset.table == "activity"
        assert dataclasses.replace(preset) == type(preset).from_json(preset.to_json())


# --- Sprout Social ------------------------------------------------------------------------


def test_sprout_post_performance_rows_pinned():
    got = read("sprout_post_performance", SPROUT.name, SPROUT.read_bytes())
    assert got["_rows"] == [2, 3, 4, 5, 6, 7, 8]
    # "03/05/2026 8:40 am" is month first: 5 March, not 3 May.
    assert dates(got["date"]) == [
        "2026-03-02",
        "2026-03-04",
        "2026-03-05",
        "2026-03-10",
        "2026-03-12",
        "2026-03-18",
        "2026-03-24",
    ]
    assert got["channel"] == ["LinkedIn", "X", "X", "X", "LinkedIn", "X", "LinkedIn"]
    # posts 6 = 3 "Post" + 2 "Tweet" + 1 "Quote"; the "'@Reply" row is the one reply.
    assert got["action"] == ["post", "post", "reply", "post", "post", "post", "post"]
    # The account is "Profile"; "Sent by" (Chloé Martin sent 5 of the 7) is not the author.
    assert got["account"] == [
        "Amélie Durand",
        "@ameliedurand",
        "@ameliedurand",
        "@NorthwindTrails",
        "Northwind Trails",
        "@NorthwindTrails",
        "Amélie Durand",
    ]
    assert got["person_id"] == got["account"]
    assert got["post_id"][0] == "7301000000000000001"  # an id stays text
    assert got["url"][1] == "https://x.com/ameliedurand/status/1897000000000000001"
    # "1,234" is 1234; impressions 1,234 + 2,450 + 310 + 5,120 + 8,905 + 3,300 + 4,410 = 25,729
    assert got["impressions"] == [1234, 2450, 310, 5120, 8905, 3300, 4410]
    assert sum(got["impressions"]) == 25729
    assert sum(got["reactions"]) == 28 + 31 + 7 + 64 + 142 + 48 + 45 == 365
    assert sum(got["comments_received"]) == 7 + 5 + 1 + 9 + 18 + 3 + 9 == 52
    assert sum(got["shares_received"]) == 4 + 6 + 1 + 15 + 22 + 9 + 7 == 64
    # "Post Clicks (All)" wins over "Post Link Clicks" (row 7 has no link clicks, 14 in all).
    assert got["clicks"] == [17, 8, 0, 12, 95, 14, 0]
    assert "count" not in got  # one post per row: the contract's default count of 1
    assert got["source"] == [SPROUT.name] * 7


def test_sprout_export_without_impressions_or_all_clicks_falls_back_by_header():
    # Metric columns are chosen in Sprout: without "Impressions" the reach feeds impressions,
    # without "Post Clicks (All)" the link clicks feed clicks (blank where Sprout left it blank).
    data = rewrite_csv(SPROUT, drop=("Impressions", "Post Clicks (All)"))
    got = read("sprout_post_performance", SPROUT.name, data)
    assert got["impressions"] == [980, None, None, None, 6210, None, 3020]
    assert got["clicks"] == [5, 8, None, 12, 40, None, None]


def test_sprout_rate_column_is_not_read_as_a_count():
    # "Engagement Rate (per Impression)" (4.54%) and "Engagements" map to no contract column.
    got = read("sprout_post_performance", SPROUT.name, SPROUT.read_bytes())
    assert not {"engagements", "engagement_rate"} & got.keys()


# --- EveryoneSocial -----------------------------------------------------------------------


def test_everyonesocial_users_report_counts_shares_made():
    got = read("everyonesocial_users", EVERYONESOCIAL.name, EVERYONESOCIAL.read_bytes())
    # Sara Lindqvist (row 8) shared nothing: her row is skipped, not a 0-count activity row.
    assert got["_rows"] == [2, 3, 4, 5, 6, 7]
    assert got["person_id"] == [
        "Amélie Durand",
        "Jonas Weber",
        "Priya Natarajan",
        "Tomás Ríos",
        "Chloé Martin",
        "Ben Okafor",
    ]
    assert set(got["action"]) == {"share"} and set(got["channel"]) == {"EveryoneSocial"}
    # shares made 48 = 6 + 9 + 12 + 4 + 15 + 2; clicks on them 266 = 41 + 57 + 88 + 13 + 64 + 3
    assert got["count"] == [6, 9, 12, 4, 15, 2] and sum(got["count"]) == 48
    assert got["clicks"] == [41, 57, 88, 13, 64, 3] and sum(got["clicks"]) == 266
    # Shares made are not shares received, and Reach (network size, "12,480") is no impressions.
    assert not {"shares_received", "impressions", "date"} & got.keys()
    # The same rows read again for the posts published: Jonas, Tomás and Ben (rows 3, 5, 7)
    # posted nothing; posts 11 = 1 + 3 + 5 + 2; the clicks belong to the shares only.
    posts = read("everyonesocial_users", EVERYONESOCIAL.name, EVERYONESOCIAL.read_bytes(), 1)
    assert posts["_rows"] == [2, 4, 6, 8] and set(posts["action"]) == {"post"}
    assert posts["count"] == [1, 3, 5, 2] and "clicks" not in posts


def test_everyonesocial_takes_the_period_as_a_constant_date():
    # The report is undated totals for the chosen period: the mapping step's constant (a saved
    # profile is this preset with one more constant) dates every row on the period's first day.
    preset = BY_ID["everyonesocial_users"]
    profile = dataclasses.replace(preset, constants={**preset.constants, "date": "2026-03-01"})
    applied = read_export(profile, EVERYONESOCIAL.name, EVERYONESOCIAL.read_bytes())
    for table, rows in zip(applied.tables, (6, 4), strict=True):  # shares, then posts
        assert table.columns[table.headers.index("date")].tolist() == ["2026-03-01"] * rows


def test_everyonesocial_snake_case_download_headers_read_the_same():
    # The help centre lists the columns, not the download's spelling; its downloads name
    # fields in snake_case (user_status, content_id), which header matching treats alike.
    rename = {
        "Created On": "created_on",
        "Last Active": "last_active",
        "Shares": "shares",
        "Clicks": "clicks",
        "Name": "name",
    }
    data = rewrite_csv(EVERYONESOCIAL, rename=rename)
    grids, _ = read_grids(Upload("users.csv", data), Limits())
    match = detect(grids[0], "users.csv")
    assert match is not None and match.preset.id == "everyonesocial_users"
    # 9 of the 10 known headers, no file-name match: 0.85 x 9/10 = 0.765
    assert match.confidence == pytest.approx(0.765)
    got = read("everyonesocial_users", "users.csv", data)
    assert sum(got["count"]) == 48


def test_everyonesocial_work_email_is_preferred_to_the_name_when_present():
    data = (
        b"Name,Email,Onboarded,Last Active,Reach,Posts,Shares,Clicks\n"
        b"Jonas Weber,jonas.weber@northwind-trails.example,True,2026-03-28,3905,0,9,57\n"
    )
    got = read("everyonesocial_users", "users.csv", data)
    assert got["person_id"] == ["jonas.weber@northwind-trails.example"]
    assert got["count"] == [9] and got["clicks"] == [57]


# --- Meta Business Suite ------------------------------------------------------------------


def test_meta_facebook_posts_rows_pinned():
    got = read("meta_facebook_posts", META.name, META.read_bytes())
    # The first caption spans CSV lines 2-3, so the next post is on line 4.
    assert got["_rows"] == [2, 4, 5, 6, 7]
    # "Date" says "Lifetime"; the post's date is "Publish time" (month first).
    assert dates(got["date"]) == [
        "2026-03-03",
        "2026-03-09",
        "2026-03-14",
        "2026-03-20",
        "2026-03-26",
    ]
    # posts 5 = 2 Photos + 1 Links (post) + 1 Reels + 1 Videos (video)
    assert got["action"] == ["post", "video", "post", "video", "post"]
    assert set(got["channel"]) == {"Facebook"}
    assert set(got["account"]) == {"Northwind Trails"}  # the page: a brand account
    assert got["post_id"][0] == "1200394857610001"
    # impressions from "Views": 2,340 + 6,875 + 980 + 3,410 + 1,725 = 15,330 (not Reach)
    assert got["impressions"] == [2340, 6875, 980, 3410, 1725]
    assert sum(got["impressions"]) == 15330
    assert sum(got["reactions"]) == 81 + 270 + 22 + 104 + 66 == 543
    assert sum(got["comments_received"]) == 10 + 25 + 2 + 12 + 4 == 53
    assert sum(got["shares_received"]) == 6 + 35 + 1 + 14 + 3 == 59
    # "Total clicks", not "Link Clicks" (58 on the link post): 44 + 51 + 67 + 39 + 21 = 222
    assert sum(got["clicks"]) == 222
    assert "minutes" not in got  # Duration (sec) is the video's length, 0 for photos


def test_meta_older_export_with_impressions_instead_of_views():
    data = rewrite_csv(META, rename={"Views": "Impressions"}, encoding="utf-8-sig")
    got = read("meta_facebook_posts", META.name, data)
    assert sum(got["impressions"]) == 15330


# --- YouTube Studio -----------------------------------------------------------------------


def test_youtube_table_data_rows_pinned():
    name = f"{YOUTUBE_FOLDER}/Table data.csv"
    applied = read_export(BY_ID["youtube_studio_content"], name, YOUTUBE.read_bytes())
    assert applied.problems == ()  # the "Total" row goes silently
    got = read("youtube_studio_content", name, YOUTUBE.read_bytes())
    assert got["_rows"] == [3, 4, 5, 6]
    assert dates(got["date"]) == ["2026-03-04", "2026-03-12", "2026-03-20", "2026-03-27"]
    # " -Kx3pQ9zT2m": Studio's leading space before an id starting with "-" is dropped.
    assert got["post_id"] == ["nWt7rA1lS0e", "-Kx3pQ9zT2m", "Q2mZ8vB4nRc", "pL5sW0dH7kJ"]
    # Duration is seconds: 1,230 s = 20.5 min; 90 s = 1.5; 345 s = 5.75; 1,830 s = 30.5
    assert got["minutes"] == [20.5, 1.5, 5.75, 30.5]
    assert sum(got["minutes"]) == 58.25
    assert set(got["action"]) == {"video"} and set(got["channel"]) == {"YouTube"}
    # Impressions (thumbnail) before Views: 18,400 + 7,250 + 11,030 + 9,870 = 46,550
    assert sum(got["impressions"]) == 46550
    assert sum(got["reactions"]) == 88 + 40 + 61 + 73 == 262
    assert sum(got["comments_received"]) == 14 + 5 + 8 + 21 == 48
    assert sum(got["shares_received"]) == 9 + 6 + 4 + 11 == 30
    # The channel comes from the export folder's name.
    assert set(got["account"]) == {"Northwind Trails"}


def test_youtube_bare_file_name_leaves_the_channel_to_the_mapping_step():
    got = read("youtube_studio_content", "Table data.csv", YOUTUBE.read_bytes())
    assert "account" not in got and "person_id" not in got
    preset = BY_ID["youtube_studio_content"]
    profile = dataclasses.replace(
        preset, constants={**preset.constants, "account": "Northwind Trails"}
    )
    applied = read_export(profile, "Table data.csv", YOUTUBE.read_bytes())
    table = applied.tables[0]
    assert set(table.columns[table.headers.index("account")]) == {"Northwind Trails"}


def test_youtube_cut_export_is_read_with_one_warning():
    data = YOUTUBE.read_bytes() + b"Showing top 500 results\n"
    applied = read_export(BY_ID["youtube_studio_content"], "Table data.csv", data)
    assert len(applied.tables[0].row_numbers) == 4
    assert [p.code for p in applied.problems] == ["rows_dropped"]
    assert "1 note that Studio cut the export" in applied.problems[0].message


# --- the whole pipeline: detection, identity, validation ----------------------------------

PEOPLE_CSV = """person_id,name,email,title,department,manager_id
1001,Amélie Durand,amelie.durand@northwind-trails.example,Chief Executive Officer,Executive,
1002,Jonas Weber,jonas.weber@northwind-trails.example,Chief Revenue Officer,Sales,1001
1003,Priya Natarajan,priya.natarajan@northwind-trails.example,Chief Marketing Officer,Marketing,1001
1004,Tomás Ríos,tomas.rios@northwind-trails.example,Sales Director,Sales,1002
1005,Chloé Martin,chloe.martin@northwind-trails.example,Social Media Manager,Marketing,1003
1006,Ben Okafor,ben.okafor@northwind-trails.example,Account Executive,Sales,1004
1007,Sara Lindqvist,sara.lindqvist@northwind-trails.example,Content Specialist,Marketing,1005
"""
ACCOUNTS_CSV = """channel,account,person_id,kind,steward_id
LinkedIn,https://www.linkedin.com/in/amelie-durand,1001,personal,
X,@ameliedurand,1001,personal,
X,@NorthwindTrails,,brand,1005
LinkedIn,Northwind Trails,,brand,1005
Facebook,Northwind Trails,,brand,1005
YouTube,Northwind Trails,,brand,1007
"""


def test_four_exports_publish_as_one_company(tmp_path):
    from scorecard.ingest import load_paths

    (tmp_path / "people.csv").write_text(PEOPLE_CSV, encoding="utf-8")
    (tmp_path / "accounts.csv").write_text(ACCOUNTS_CSV, encoding="utf-8")
    # What the mapping step saves for the two exports that lack a fact: the period of the
    # undated EveryoneSocial totals, and the channel the bare "Table data.csv" belongs to.
    es, yt = BY_ID["everyonesocial_users"], BY_ID["youtube_studio_content"]
    profiles = [
        dataclasses.replace(es, id="es_2026_03", constants={**es.constants, "date": "2026-03-01"}),
        dataclasses.replace(
            yt, id="yt_nwt", constants={**yt.constants, "account": "Northwind Trails"}
        ),
    ]
    paths = [
        tmp_path / "people.csv",
        tmp_path / "accounts.csv",
        SPROUT,
        EVERYONESOCIAL,
        META,
        YOUTUBE,
    ]
    result = load_paths(paths, profiles=profiles)
    assert [p.message for p in result.report.problems] == []
    assert [s.preset_id for s in result.sources] == [
        None,
        None,
        "sprout_post_performance",
        "es_2026_03",
        "meta_facebook_posts",
        "yt_nwt",
    ]
    activity = result.dataset.activity
    assert len(activity) == 7 + 6 + 4 + 5 + 4  # EveryoneSocial: 6 share rows and 4 post rows
    # Brand accounts keep their activity without a person: 3 Sprout rows (@NorthwindTrails x2,
    # the LinkedIn Page), the 5 Facebook posts and the 4 videos.
    brand = activity[activity["person_id"].isna()]
    assert len(brand) == 3 + 5 + 4
    assert set(brand["account"]) == {"@NorthwindTrails", "Northwind Trails"}
    assert brand["minutes"].sum() == 58.25  # the YouTube videos: 20.5 + 1.5 + 5.75 + 30.5
    # Amélie (1001): her LinkedIn profile (named "Amélie Durand" by Sprout) and @ameliedurand,
    # plus her EveryoneSocial shares.
    amelie = activity[activity["person_id"] == "1001"]
    counts = amelie.groupby("action")["count"].sum().to_dict()
    assert counts == {"post": 3 + 1, "reply": 1, "share": 6}  # + her 1 EveryoneSocial post
    assert amelie["impressions"].sum() == 1234 + 2450 + 310 + 4410 == 8404
    assert amelie["clicks"].sum() == 17 + 8 + 0 + 0 + 41 == 66
    # Shares made through EveryoneSocial: 48 by six people (Sara shared nothing).
    shares = activity[activity["action"] == "share"]
    assert shares.groupby("person_id")["count"].sum().to_dict() == {
        "1001": 6,
        "1002": 9,
        "1003": 12,
        "1004": 4,
        "1005": 15,
        "1006": 2,
    }
