"""Northwind Trails built only from tool exports (issue 9's "Done when").

People from the Workday report, activity from the X content export (@ameliedurand), both
LinkedIn creator exports, the LinkedIn Page export and Sprout's Post Performance report,
outcomes from the Salesforce and HubSpot exports, plus the accounts CSV and the marketer's
assumptions (unit values, hourly cost). They go through the production path: the ingest worker
(as the app and the CLI run it) -> publish into a temporary store -> the stored version ->
``build_report`` -> JSON, with no hand edit, and every per-person number is pinned to the
fixture files, row by row. Layouts: ``tests/fixtures/exports/README_*.md``.
"""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from scorecard.dataset import Period
from scorecard.ingest import load_paths
from scorecard.ingest.raw import Limits, Upload
from scorecard.ingest.readers import read_grids
from scorecard.ingest.worker import run_ingest_paths
from scorecard.report import build_report
from scorecard.sources import read_export
from scorecard.sources.mapping import draft_from_preset, sheet_layout, to_profile
from scorecard.sources.registry import BY_ID, detect
from scorecard.store import Store

ROOT = Path(__file__).parent.parent
E = Path(__file__).parent / "fixtures" / "exports"
WORKDAY = E / "workday_custom_report" / "NWT_Worker_Directory.xlsx"
ACCOUNTS = E / "northwind_accounts.csv"
ASSUMPTIONS = E / "northwind_assumptions.csv"
X_MARCH = E / "x_content" / "account_analytics_content_2026-03-01_2026-03-31.csv"
X_FEBRUARY = E / "x_content" / "account_analytics_content_2026-02-01_2026-02-28.csv"
CREATOR_AMELIE = (
    E / "linkedin_creator" / "AggregateAnalytics_Amélie Durand_2026-03-01_2026-03-31.xlsx"
)
CREATOR_JONAS = E / "linkedin_creator" / "AggregateAnalytics_Jonas Weber_2026-03-01_2026-03-31.xlsx"
PAGE = E / "linkedin_page_content" / "northwind-trails_content_1774972800000.xls"
SPROUT = E / "sprout_post_performance" / "Post Performance Report.csv"
SALESFORCE = E / "salesforce_opportunities_report" / "report1775034000000.csv"
HUBSPOT = E / "hubspot_contacts_export" / "hubspot-crm-exports-all-contacts-2026-04-01.csv"
EVERYONESOCIAL = E / "everyonesocial_users" / "Users External Activity.csv"
YOUTUBE = E / "youtube_studio_content" / "Content 2026-03-01_2026-03-31 Northwind Trails" / (
    "Table data.csv")  # fmt: skip
X_APRIL = E / "northwind_april" / "account_analytics_content_2026-03-26_2026-04-30.csv"
SPROUT_APRIL = E / "northwind_april" / "Post Performance Report.csv"

SETTINGS = [WORKDAY, ACCOUNTS, ASSUMPTIONS]
MARCH = [*SETTINGS, X_MARCH, CREATOR_AMELIE, CREATOR_JONAS, PAGE, SPROUT, SALESFORCE, HUBSPOT]
MARCH_PERIOD = Period(date(2026, 3, 1), date(2026, 3, 31))
NUMBERS = ("posts", "replies", "actions", "impressions", "reactions", "comments_received",
           "shares_received", "clicks", "economic_value", "time_cost")  # fmt: skip


def numbers(entry: dict) -> dict:
    return {k: entry[k] for k in NUMBERS}


def errors(result) -> list[str]:
    return [f"{p.sheet} row {p.row}: {p.message}" for p in result.report.problems if p.is_error]


@pytest.fixture(scope="module")
def march_report(tmp_path_factory) -> dict:
    """March through the worker, published into a temporary store, reported as JSON."""
    result = run_ingest_paths(MARCH)
    assert errors(result) == []
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('store') / 'scorecard.db'}")
    published = store.publish(result.dataset, uploader="test", file_name=result.file_name,
                              sha256=result.sha256, report=result.report)  # fmt: skip
    dataset = store.load(published.info.version)
    return {
        "result": result,
        "dataset": dataset,
        "json": json.loads(build_report(dataset, MARCH_PERIOD).to_json()),
    }


def test_every_export_is_read_as_its_tool(march_report):
    read_as = {(n.file, n.sheet): n.preset_id for n in march_report["result"].sources}
    assert read_as[(WORKDAY.name, "Worker Directory")] == "workday_custom_report"
    assert read_as[(X_MARCH.name, X_MARCH.name)] == "x_content"
    assert read_as[(CREATOR_AMELIE.name, "TOP POSTS")] == "linkedin_creator_top_posts"
    assert read_as[(CREATOR_JONAS.name, "TOP POSTS")] == "linkedin_creator_top_posts"
    assert read_as[(PAGE.name, "All posts")] == "linkedin_page_content"
    assert read_as[(SPROUT.name, SPROUT.name)] == "sprout_post_performance"
    assert read_as[(SALESFORCE.name, SALESFORCE.name)] == "salesforce_opportunities_report"
    assert read_as[(HUBSPOT.name, HUBSPOT.name)] == "hubspot_contacts_export"
    # The creator exports' other sheets and the Page's Metrics sheet are skipped, not misread.
    assert read_as[(CREATOR_AMELIE.name, "ENGAGEMENT")] is None
    assert read_as[(PAGE.name, "Metrics")] is None
    # Only warnings: Lukas Brandt (a Termination_Date) and the Page's 2 boosted-post rows.
    assert [p.code for p in march_report["result"].report.problems] == ["rows_dropped"] * 2


def test_people_come_from_the_hr_export_with_their_managers(march_report):
    people = march_report["json"]["people"]
    # Workday rows 3-9; row 10 (Lukas Brandt, terminated 2026-02-27) dropped.
    assert sorted(people) == ["1001", "1002", "1003", "1004", "1005", "1006", "1007"]
    jonas = people["1002"]
    assert (jonas["name"], jonas["department"], jonas["manager_id"]) == (
        "Jonas Weber", "Sales", "1001")  # fmt: skip
    assert jonas["email"] == "jonas.weber@northwind-trails.example"
    assert people["1001"]["manager_id"] is None  # Manager_ID blank: the top
    # Chloé's two work emails (one cell, line feeds): the primary one, first, is kept.
    assert people["1005"]["email"] == "chloe.martin@northwind-trails.example"


def test_per_person_numbers_equal_the_hand_computed_ones(march_report):
    people = march_report["json"]["people"]
    # Amélie Durand (1001), all March:
    # - X content, @ameliedurand (rows 2-6), 5 posts: impressions 1,234 + 860 + 310 + 2,045
    #   + 540 = 4,989; Likes 45 + 22 + 9 + 71 + 30 = 177; Replies 6 + 3 + 1 + 11 + 2 = 23;
    #   Reposts 9 + 4 + 0 + 15 + 3 = 31; URL Clicks 12 + 8 + 0 + 33 + 0 = 53.
    # - LinkedIn creator, TOP POSTS right-hand list (rows 4-7), 4 posts: impressions 3,400
    #   + 2,900 + 2,600 + 950 = 9,850 (the export has no other per-post figure).
    # - Sprout, Profile "Amélie Durand" (LinkedIn) or "@ameliedurand" (X): rows 2 (Post),
    #   3 (Tweet), 8 (Post, a video) are posts, row 4 ('@Reply) a reply. Impressions 1,234
    #   + 2,450 + 310 + 4,410 = 8,404; Reactions 28 + 31 + 7 + 45 = 111; Comments 7 + 5 + 1 + 9
    #   = 22; Shares 4 + 6 + 1 + 7 = 18; Post Clicks (All) 17 + 8 + 0 + 0 = 25.
    # posts 5 + 4 + 3 = 12, replies 1, actions 13; impressions 4,989 + 9,850 + 8,404 = 23,243;
    # reactions 177 + 111 = 288; comments 23 + 22 = 45; shares 31 + 18 = 49; clicks 53 + 25
    # = 78. No minutes in any export: defaults post 20, reply 3 -> 12 x 20 + 3 = 243 min =
    # 4.05 h x 120 (hourly_cost_default) = 486. No outcomes: economic value 0.
    assert numbers(people["1001"]) == {
        "posts": 12, "replies": 0 + 1, "actions": 13, "impressions": 23243, "reactions": 288,
        "comments_received": 45, "shares_received": 49, "clicks": 78, "economic_value": 0,
        "time_cost": 486,
    }  # fmt: skip
    # Jonas Weber (1002): LinkedIn creator rows 4-6, 3 posts, impressions 1,800 + 1,100 + 400
    # = 3,300; time 3 x 20 min = 1 h x 120 = 120. Salesforce: "Northern Lights - Staff
    # Uniforms" Closed Won 64,000 on 3/5/2026 (his open Trailhead deal does not count):
    # won_amount 64,000 x 0.1 = 6,400 (opportunities_won has no unit value).
    assert numbers(people["1002"]) == {
        "posts": 3, "replies": 0, "actions": 3, "impressions": 3300, "reactions": 0,
        "comments_received": 0, "shares_received": 0, "clicks": 0, "economic_value": 6400,
        "time_cost": 120,
    }  # fmt: skip
    assert people["1002"]["social_roi"] == pytest.approx((6400 - 120) / 120, abs=1e-3)
    quiet = {k: 0 for k in NUMBERS}
    # Tomás Ríos (1004): Summit Retail won 90,000 (3/11) x 0.1 = 9,000; Coastal Cycles lost.
    assert numbers(people["1004"]) == quiet | {"economic_value": 9000}
    # Ben Okafor (1006): won 48,000 (3/12) + 12,500 (3/9) = 60,500 x 0.1 = 6,050; HubSpot: one
    # MQL in March (Noah Dubois, 2026-03-20) x 250 = 250 -> 6,300. His February deal (7,200)
    # and February MQL (Emma Schulz) are outside the period.
    assert numbers(people["1006"]) == quiet | {"economic_value": 6300}
    # Chloé Martin (1005): MQLs Maja Holm 03-03 and Luca Bianchi 03-17 -> 2 x 250 = 500 (Ava
    # Kowalski never became an MQL). She runs the brand accounts, whose posts are not hers.
    assert numbers(people["1005"]) == quiet | {"economic_value": 500}
    # Sara Lindqvist (1007): MQLs Ines Moreau 03-09, Zoe Andersen 03-28 -> 500.
    assert numbers(people["1007"]) == quiet | {"economic_value": 500}
    assert numbers(people["1003"]) == quiet  # Priya: nothing in these exports
    assert people["1003"]["social_roi"] is None  # a ratio over a zero time cost


def test_brand_accounts_keep_their_posts_without_a_person(march_report):
    activity = march_report["dataset"].activity
    brand = activity[activity["person_id"].isna()]
    # The LinkedIn Page's 4 organic posts + Sprout rows 5 (@NorthwindTrails Quote), 6 (the
    # Page's Document post, Profile "Northwind Trails"), 7 (@NorthwindTrails Tweet).
    assert len(brand) == 4 + 3
    assert brand["account"].value_counts().to_dict() == {
        "northwind-trails": 4 + 1, "@NorthwindTrails": 2}  # fmt: skip
    company = march_report["json"]["company"]
    # The company adds up people only: posts 12 + 3 = 15; impressions 23,243 + 3,300;
    # economic value 6,400 + 9,000 + 6,300 + 500 + 500 = 22,700 (the HubSpot MQL without an
    # owner, Leo Fischer, is attributed to nobody); time cost 486 + 120 = 606.
    assert (company["posts"], company["impressions"]) == (15, 26543)
    assert (company["economic_value"], company["time_cost"]) == (22700, 606)


def test_cli_validate_prints_what_each_file_was_read_as_and_exits_0():
    run = subprocess.run(
        [sys.executable, "-m", "scorecard", "validate", *map(str, MARCH)],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    read_as = run.stderr
    assert f"{WORKDAY.name} › Worker Directory: Workday" in read_as
    assert f"{ACCOUNTS.name}: no preset matched; read as the template's accounts" in read_as
    assert f"{ASSUMPTIONS.name}: no preset matched; read as the template's assumptions" in read_as
    assert f"{X_MARCH.name}: X analytics" in read_as
    assert f"{CREATOR_JONAS.name} › TOP POSTS: LinkedIn creator" in read_as
    assert f"{CREATOR_JONAS.name} › ENGAGEMENT: not a data sheet" in read_as
    assert f"{PAGE.name} › All posts: LinkedIn Page" in read_as
    assert f"{SPROUT.name}: Sprout Social" in read_as
    assert f"{SALESFORCE.name}: Salesforce" in read_as and f"{HUBSPOT.name}: HubSpot" in read_as


def _profile(preset_id: str, path: Path, name: str, **constants: str):
    """What the mapping step saves for ``path``: its preset's draft plus ``constants``."""
    preset = BY_ID[preset_id]
    grid = read_grids(Upload(path.name, path.read_bytes()), Limits())[0][0]
    match = detect(grid, path.name, (preset,))
    draft = draft_from_preset(preset, sheet_layout(grid, match.header_at if match else None))
    draft = dataclasses.replace(draft, constants={**draft.constants, **constants})
    return to_profile(draft, name, base=preset)


def test_mapping_step_profiles_add_everyonesocial_posts_and_shares_and_youtube():
    # The two exports that lack a fact: the period of the undated EveryoneSocial totals and
    # the channel "Table data.csv" belongs to (its folder name is lost in an upload).
    profiles = [
        _profile("everyonesocial_users", EVERYONESOCIAL, "ES monthly", date="2026-03-01"),
        _profile("youtube_studio_content", YOUTUBE, "NWT YouTube", account="Northwind Trails"),
    ]
    result = load_paths([*SETTINGS, EVERYONESOCIAL, YOUTUBE], profiles=profiles)
    assert errors(result) == []
    report = build_report(result.dataset, MARCH_PERIOD).to_dict()["people"]
    # EveryoneSocial, one row per user: Shares -> share actions, Posts -> posts (the same row
    # read twice). Amélie row 2: 6 shares + 1 post; Priya row 4: 12 + 3; Chloé row 6: 15 + 5;
    # Sara row 8: 0 shares + 2 posts; Jonas, Tomás, Ben: 9, 4 and 2 shares, no posts.
    # Clicks (received by the shares) 41, 57, 88, 13, 64, 3; time: share 2 min, post 20 min.
    expected = {  # person: (posts, shares, actions, clicks, minutes)
        "1001": (1, 6, 7, 41, 6 * 2 + 1 * 20), "1002": (0, 9, 9, 57, 9 * 2),
        "1003": (3, 12, 15, 88, 12 * 2 + 3 * 20), "1004": (0, 4, 4, 13, 4 * 2),
        "1005": (5, 15, 20, 64, 15 * 2 + 5 * 20), "1006": (0, 2, 2, 3, 2 * 2),
        "1007": (2, 0, 2, 0, 2 * 20),
    }  # fmt: skip
    for pid, (posts, shares, actions, clicks, minutes) in expected.items():
        got = report[pid]
        assert (got["posts"], got["shares"], got["actions"], got["clicks"]) == (
            posts, shares, actions, clicks), pid  # fmt: skip
        assert got["time_cost"] == pytest.approx(minutes / 60 * 120), pid  # hourly cost 120
    # YouTube's 4 videos belong to the brand channel (steward 1007), no person's own.
    videos = result.dataset.activity.query("channel == 'YouTube'")
    assert len(videos) == 4 and videos["person_id"].isna().all()
    assert videos["minutes"].sum() == 58.25  # 1,230 + 90 + 345 + 1,830 s = 3,495 s


def test_messages_name_each_rows_own_file_row_and_column(tmp_path):
    # Sprout row 4 names an unknown X profile. Concatenated after the X export (5 rows), its
    # message still names Sprout's file, its own column "Profile" and its own row 4.
    sprout = tmp_path / SPROUT.name
    sprout.write_text(
        SPROUT.read_text(encoding="utf-8").replace(
            "X,'@Reply,Text,@ameliedurand", "X,'@Reply,Text,@nobodyhere"
        ),
        encoding="utf-8",
    )
    result = load_paths([*SETTINGS, X_MARCH, sprout])
    found = [(p.sheet, p.row, p.column, p.value) for p in result.report.problems
             if p.code == "unknown_person"]  # fmt: skip
    assert found == [(SPROUT.name, 4, "Profile", "@nobodyhere")]


def test_a_renamed_linkedin_page_export_is_an_error_not_orphaned_rows(tmp_path):
    # The Page is named only by the file name "<page>_content_<ms>.xls"; saved as posts.xls,
    # its feed/update post links name no account: every row would count for nobody.
    renamed = tmp_path / "posts.xls"
    renamed.write_bytes(PAGE.read_bytes())
    result = load_paths([*SETTINGS, renamed])
    flagged = [p for p in result.report.problems if p.code == "blank_required"]
    # "All posts" rows 3, 4, 7, 8 are the organic posts (5 and 6: the boosted post's
    # Sponsored and Total rows, dropped).
    assert [(p.sheet, p.row, p.column) for p in flagged] == [
        ("posts.xls › All posts", r, "Post link") for r in (3, 4, 7, 8)]  # fmt: skip
    assert "names no person and no account" in flagged[0].message
    assert "original file" in flagged[0].fix and "mapping step" in flagged[0].fix
    assert result.dataset is None


def test_a_renamed_creator_export_still_counts_for_its_owner_by_its_post_links(tmp_path):
    # Saved as creator.xlsx the owner is no longer in the file name, but TOP POSTS links are
    # linkedin.com/posts/jonas-weber-nw_…: the accounts CSV's jonas-weber-nw is Jonas (1002).
    renamed = tmp_path / "creator.xlsx"
    renamed.write_bytes(CREATOR_JONAS.read_bytes())
    result = load_paths([*SETTINGS, renamed])
    assert errors(result) == []
    activity = result.dataset.activity
    # TOP POSTS rows 4-6: impressions 1,800 + 1,100 + 400 = 3,300, all Jonas's.
    assert activity["person_id"].tolist() == ["1002"] * 3
    assert activity["impressions"].sum() == 3300


def test_undated_and_unnamed_exports_ask_for_the_mapping_step(tmp_path):
    bare = tmp_path / "Table data.csv"  # the YouTube export without its folder's name
    bare.write_bytes(YOUTUBE.read_bytes())
    result = load_paths([*SETTINGS, EVERYONESOCIAL, bare])
    problems = {(p.sheet, p.code, p.column): p for p in result.report.problems if p.is_error}
    assert set(problems) == {
        (EVERYONESOCIAL.name, "missing_column", "date"),
        ("Table data.csv", "missing_column", "person_id"),
    }
    date_fix = problems[(EVERYONESOCIAL.name, "missing_column", "date")].fix
    assert "period" in date_fix and "mapping step" in date_fix and "Add a column" not in date_fix
    account_fix = problems[("Table data.csv", "missing_column", "person_id")].fix
    assert "set the account in the mapping step" in account_fix


def test_a_blank_crm_owner_is_blank_not_nan():
    applied = read_export(BY_ID["hubspot_contacts_export"], HUBSPOT.name, HUBSPOT.read_bytes())
    table = applied.tables[0]
    owners = table.columns[table.headers.index("person_id")].tolist()
    # Row 9 (Leo Fischer) has no Contact owner: his MQL counts for the company, owner None.
    assert owners == ["Chloé Martin", "Sara Lindqvist", "Ben Okafor", "Ben Okafor", None]


def test_february_march_and_april_exports_validate_together_each_post_once():
    # X: February (3 posts), March (5), and an export of 2026-03-26..04-30 that repeats
    # March's last post (row 2, same Post id and link) before 2 April posts. Sprout: March
    # (7 rows) and April (4 rows, row 2 repeating March's row 8, same Post ID and Link).
    paths = [*SETTINGS, X_FEBRUARY, X_MARCH, X_APRIL, SPROUT, SPROUT_APRIL]
    result = load_paths(paths)
    assert errors(result) == []
    repeats = [(p.sheet, p.row) for p in result.report.problems if p.code == "duplicate_post"]
    assert repeats == [(X_APRIL.name, 2), (SPROUT_APRIL.name, 2)]
    activity = result.dataset.activity
    assert len(activity) == (3 + 5 + 2) + (7 + 3)  # 22 rows, 2 repeats counted once
    amelie = activity[activity["person_id"] == "1001"]
    april = amelie[amelie["date"].dt.month == 4]
    # April, Amélie: X rows 3-4 (posts: impressions 1,480 + 930; Likes 52 + 27; Replies 5 + 4;
    # Reposts 8 + 5; URL Clicks 14 + 7) and Sprout rows 3 (LinkedIn post: 2,210; 51; 11; 6;
    # 12) and 4 (X '@Reply: 205; 5; 1; 1; 0). Row 5 is @NorthwindTrails (brand).
    sums = april.groupby("action")[["count", "impressions", "reactions", "comments_received",
                                    "shares_received", "clicks"]].sum()  # fmt: skip
    assert sums.loc["post"].tolist() == [3, 1480 + 930 + 2210, 52 + 27 + 51, 5 + 4 + 11,
                                         8 + 5 + 6, 14 + 7 + 12]  # fmt: skip
    assert sums.loc["reply"].tolist() == [1, 205, 5, 1, 1, 0]


def test_april_merged_onto_march_counts_an_overlapping_post_once(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'scorecard.db'}")
    march = load_paths([*SETTINGS, X_MARCH, SPROUT])
    store.publish(march.dataset, uploader="test", file_name="march", sha256=march.sha256)
    april = load_paths([*SETTINGS, X_APRIL, SPROUT_APRIL])
    assert errors(april) == []
    merged = store.merge(april.dataset, uploader="test", file_name="april", sha256=april.sha256)
    activity = store.load(merged.info.version).activity
    per_month = activity.groupby(activity["date"].dt.month).size().to_dict()
    # March: 5 X + 7 Sprout rows; the April X export's Mar 26 post (another file, so another
    # source) replaces March's copy instead of adding to it. April: 2 X + 3 Sprout rows.
    assert per_month == {3: 5 + 7, 4: 2 + 3}
    report = build_report(store.load(merged.info.version),
                          Period(date(2026, 4, 1), date(2026, 4, 30)))  # fmt: skip
    amelie = report.to_dict()["people"]["1001"]
    # April: posts 2 (X) + 1 (Sprout LinkedIn) = 3, reply 1; impressions 1,480 + 930 + 2,210
    # + 205 = 4,825; time 3 x 20 + 3 = 63 min = 1.05 h x 120 = 126.
    assert (amelie["posts"], amelie["replies"], amelie["impressions"]) == (3, 1, 4825)
    assert amelie["time_cost"] == 126
