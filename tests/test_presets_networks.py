"""LinkedIn, X and Hootsuite exports read by their presets (:mod:`scorecard.sources.presets.
networks`), every number pinned by hand.

Fixtures: ``tests/fixtures/exports/<preset id>/`` (binary ones from ``make_networks.py``), the
people and accounts of Northwind Trails: Amélie Durand (1001, linkedin amelie-durand, X
@ameliedurand), Jonas Weber (1002, jonas-weber-nw), the brand accounts "northwind-trails"
(LinkedIn Page) and @NorthwindTrails (X), stewarded by Chloé Martin (1005).
"""

from __future__ import annotations

import csv
import dataclasses
import io
from pathlib import Path

import numpy as np
import openpyxl
import pytest
import python_calamine
from hypothesis import given, settings
from hypothesis import strategies as st

from scorecard.ingest.raw import Limits, Upload
from scorecard.ingest.readers import read_grids
from scorecard.sources import read_export
from scorecard.sources.presets.networks import PRESETS
from scorecard.sources.registry import BY_ID, THRESHOLD, candidates, detect
from scorecard.sources.registry import PRESETS as ALL_PRESETS

EXPORTS = Path(__file__).parent / "fixtures" / "exports"
PAGE = EXPORTS / "linkedin_page_content" / "northwind-trails_content_1774972800000.xls"
AMELIE = (
    EXPORTS / "linkedin_creator" / "AggregateAnalytics_Amélie Durand_2026-03-01_2026-03-31.xlsx"
)
JONAS = EXPORTS / "linkedin_creator" / "AggregateAnalytics_Jonas Weber_2026-03-01_2026-03-31.xlsx"
X_CONTENT = EXPORTS / "x_content" / "account_analytics_content_2026-03-01_2026-03-31.csv"
X_FEBRUARY = EXPORTS / "x_content" / "account_analytics_content_2026-02-01_2026-02-28.csv"
X_LEGACY = (
    EXPORTS / "x_tweet_activity" / "tweet_activity_metrics_NorthwindTrails_20260301_20260401_en.csv"
)
HOOTSUITE = EXPORTS / "hootsuite_posts" / "Northwind Trails Facebook posts 2026-03.xlsx"


def read(preset_id: str, name: str, data: bytes) -> tuple[dict[str, list], list]:
    """The one activity table ``preset_id`` makes of a file (column → list, plus ``_rows``) and
    the problems it reported."""
    applied = read_export(BY_ID[preset_id], name, data)
    assert [t.table for t in applied.tables] == ["activity"]
    table = applied.tables[0]
    out = {h: c.tolist() for h, c in zip(table.headers, table.columns, strict=True)}
    out["_rows"] = table.row_numbers.tolist()
    return out, list(applied.problems)


def dates(column: list) -> list[str]:
    return [d.strftime("%Y-%m-%d") for d in column]


def csv_rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))


def to_csv(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue().encode("utf-8")


# --- detection -----------------------------------------------------------------------------

FIXTURES = [
    (PAGE, "All posts", "linkedin_page_content"),
    (AMELIE, "TOP POSTS", "linkedin_creator_top_posts"),
    (JONAS, "TOP POSTS", "linkedin_creator_top_posts"),
    (X_CONTENT, X_CONTENT.name, "x_content"),
    (X_FEBRUARY, X_FEBRUARY.name, "x_content"),
    (X_LEGACY, X_LEGACY.name, "x_tweet_activity"),
    (HOOTSUITE, "Posts", "hootsuite_posts"),
]


@pytest.mark.parametrize(("path", "sheet", "preset_id"), FIXTURES)
def test_each_export_is_detected_as_its_preset_and_no_other(path, sheet, preset_id):
    grids, problems = read_grids(Upload(path.name, path.read_bytes()), Limits())
    assert problems == []
    for grid in grids:
        match = detect(grid, path.name)
        if grid.name != sheet:
            # Metrics, DISCOVERY, ENGAGEMENT, FOLLOWERS, DEMOGRAPHICS: daily or audience
            # totals, claimed by no preset (LinkedIn's "Metrics" is no outcomes table).
            assert match is None, grid.name
            continue
        assert match is not None and match.preset.id == preset_id
        assert match.preset.table == "activity"
        assert match.confidence >= THRESHOLD
        # No other preset of the registry even considers the sheet.
        assert [c.preset.id for c in candidates(grid, path.name, ALL_PRESETS)] == [preset_id]


def test_a_renamed_file_is_still_detected_by_its_headers_alone():
    # Without the file-name match the confidence is 0.85 x (share of headers found = 1) = 0.85.
    grids, _ = read_grids(Upload("posts.csv", X_CONTENT.read_bytes()), Limits())
    match = detect(grids[0], "posts.csv")
    assert match is not None and match.preset.id == "x_content"
    assert match.confidence == pytest.approx(0.85)


def test_x_daily_overview_is_not_read_as_posts():
    # account_overview_analytics.csv: daily totals, no "Post id" column.
    data = b"Date,Impressions,Likes,Engagements,Bookmarks,Shares,New follows\n"
    data += b'"Sun, Mar 1, 2026",900,20,40,1,0,3\n'
    grids, _ = read_grids(Upload("account_overview_analytics.csv", data), Limits())
    assert detect(grids[0], "account_overview_analytics.csv") is None


def test_presets_are_data_that_name_their_source():
    assert [p.id for p in PRESETS] == [
        "linkedin_page_content",
        "linkedin_creator_top_posts",
        "x_content",
        "x_tweet_activity",
        "hootsuite_posts",
    ]
    for preset in PRESETS:
        assert "2026-12-02" in preset.documented_by and preset.notes
        assert preset.table == "activity"
        assert dataclasses.replace(preset) == type(preset).from_json(preset.to_json())


# --- LinkedIn Page content export (.xls) ---------------------------------------------------


def test_linkedin_page_posts_keep_organic_rows_only():
    got, problems = read("linkedin_page_content", PAGE.name, PAGE.read_bytes())
    # Row 1 is the description, row 2 the header; rows 5 and 6 are the boosted post's
    # "Sponsored" and "Total" rows, dropped with one warning that counts them.
    assert got["_rows"] == [3, 4, 7, 8]
    assert [p.code for p in problems] == ["rows_dropped"]
    assert "2 sponsored and total rows" in problems[0].message
    # "03/10/2026" is month first (the preset's MDY), 10 March.
    assert dates(got["date"]) == ["2026-03-03", "2026-03-10", "2026-03-17", "2026-03-24"]
    # Content Type is blank in LinkedIn's files: every row is a post. posts 4.
    assert got["action"] == ["post"] * 4 and got["channel"] == ["LinkedIn"] * 4
    # impressions 1,200 + 900 + 1,500 + 800 = 4,400 (the boosted post's 2,900 total is not
    # counted: paid reach is not the page's earned reach)
    assert got["impressions"] == [1200, 900, 1500, 800] and sum(got["impressions"]) == 4400
    assert sum(got["reactions"]) == 30 + 25 + 40 + 18 == 113  # Likes
    assert sum(got["comments_received"]) == 4 + 3 + 6 + 2 == 15
    assert sum(got["shares_received"]) == 2 + 1 + 5 + 0 == 8  # Reposts
    assert sum(got["clicks"]) == 48 + 20 + 15 + 12 == 95
    # The Page is the account (a brand account), named by the file name; "Posted by" (Chloé
    # Martin, the admin) is not the owner.
    assert got["account"] == ["northwind-trails"] * 4
    assert got["person_id"] == got["account"]
    assert got["url"][0] == "https://www.linkedin.com/feed/update/urn:li:activity:73050000000000101"


def test_linkedin_page_export_saved_as_xlsx_reads_the_same():
    # Public copies of this export are .xls and .xlsx alike (a browser's " (1)" too).
    source = python_calamine.CalamineWorkbook.from_path(str(PAGE))
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name in source.sheet_names:
        sheet = book.create_sheet(name)
        for row in source.get_sheet_by_name(name).to_python():
            sheet.append([None if cell == "" else cell for cell in row])
    buffer = io.BytesIO()
    book.save(buffer)
    expected, _ = read("linkedin_page_content", PAGE.name, PAGE.read_bytes())
    got, _ = read("linkedin_page_content", PAGE.stem + " (1).xlsx", buffer.getvalue())
    assert got.pop("source") == [PAGE.stem + " (1).xlsx"] * 4
    expected.pop("source")
    assert got == expected and set(got["account"]) == {"northwind-trails"}


# --- LinkedIn creator analytics export (TOP POSTS) -----------------------------------------


def test_linkedin_creator_reads_the_impressions_list_of_top_posts():
    got, problems = read("linkedin_creator_top_posts", AMELIE.name, AMELIE.read_bytes())
    assert problems == []
    # Row 1 a note, row 2 blank, row 3 the header, 4 posts on rows 4-7.
    assert got["_rows"] == [4, 5, 6, 7]
    # The right-hand list is ranked by impressions: 3,400 > 2,900 > 2,600 > 950. Its own
    # dates go with it (the left list, ranked by engagements, has 9 March on row 5).
    assert got["impressions"] == [3400, 2900, 2600, 950]
    assert dates(got["date"]) == ["2026-03-02", "2026-03-16", "2026-03-09", "2026-03-25"]
    assert got["url"][1].endswith(
        "amelie-durand_three-numbers-from-q1-activity-7307000000000000013-Ef3z"
    )
    # posts 4; impressions 3,400 + 2,900 + 2,600 + 950 = 9,850 (text cells "3400" read as numbers)
    assert got["action"] == ["post"] * 4 and sum(got["impressions"]) == 9850
    # The owner is only in the file name: her display name, resolved against people.
    assert got["account"] == ["Amélie Durand"] * 4 and got["person_id"] == got["account"]
    # Engagements (reactions + comments + reposts, never split) feed no contract column.
    assert not {"reactions", "comments_received", "shares_received"} & got.keys()


def test_linkedin_creator_second_member_and_older_file_name():
    got, _ = read("linkedin_creator_top_posts", JONAS.name, JONAS.read_bytes())
    # posts 3, impressions 1,800 + 1,100 + 400 = 3,300
    assert got["impressions"] == [1800, 1100, 400] and sum(got["impressions"]) == 3300
    assert set(got["account"]) == {"Jonas Weber"}
    older = "Content_2026-03-01_2026-03-31_Jonas Weber (1).xlsx"
    got, _ = read("linkedin_creator_top_posts", older, JONAS.read_bytes())
    assert set(got["account"]) == {"Jonas Weber"}


def test_linkedin_creator_rows_only_in_the_engagements_list_are_dropped():
    # A 5th post ranked in the left list with no 5th row in the right list: no impressions row,
    # so nothing is invented for it (the cell under the second "Post URL" is blank).
    book = openpyxl.load_workbook(io.BytesIO(AMELIE.read_bytes()))
    book["TOP POSTS"].append(
        ["https://www.linkedin.com/posts/amelie-durand_x-activity-7-Zz", "3/30/2026", "3"]
    )
    buffer = io.BytesIO()
    book.save(buffer)
    got, problems = read("linkedin_creator_top_posts", AMELIE.name, buffer.getvalue())
    assert got["_rows"] == [4, 5, 6, 7] and problems == []


def test_linkedin_creator_impressions_list_longer_than_the_engagements_list():
    # A post with impressions but outside the engagements top list: its left cells are empty.
    book = openpyxl.load_workbook(io.BytesIO(AMELIE.read_bytes()))
    url = "https://www.linkedin.com/posts/amelie-durand_old-post-share-7290000000000000001-Qq"
    book["TOP POSTS"].append([None, None, None, None, url, "2/27/2026", "75"])
    buffer = io.BytesIO()
    book.save(buffer)
    got, _ = read("linkedin_creator_top_posts", AMELIE.name, buffer.getvalue())
    # 5 posts; impressions 9,850 + 75 = 9,925; the 5th dated 27 February (the export's range
    # counts its impressions; its date is the post's own).
    assert got["_rows"] == [4, 5, 6, 7, 8] and sum(got["impressions"]) == 9925
    assert dates(got["date"])[-1] == "2026-02-27" and got["url"][-1] == url


# --- X content export (2024+) and legacy tweet activity ------------------------------------


def test_x_content_posts_pinned():
    got, problems = read("x_content", X_CONTENT.name, X_CONTENT.read_bytes())
    assert problems == [] and got["_rows"] == [2, 3, 4, 5, 6]
    # "Sun, Mar 1, 2026" read with the preset's "%a, %b %d, %Y".
    assert dates(got["date"]) == [
        "2026-03-01",
        "2026-03-04",
        "2026-03-08",
        "2026-03-19",
        "2026-03-26",
    ]
    assert got["action"] == ["post"] * 5 and got["channel"] == ["X"] * 5
    # impressions "1,234" + 860 + 310 + "2,045" + 540 = 4,989
    assert got["impressions"] == [1234, 860, 310, 2045, 540] and sum(got["impressions"]) == 4989
    assert sum(got["reactions"]) == 45 + 22 + 9 + 71 + 30 == 177  # Likes
    assert sum(got["comments_received"]) == 6 + 3 + 1 + 11 + 2 == 23  # Replies, not 0
    assert sum(got["shares_received"]) == 9 + 4 + 0 + 15 + 3 == 31  # Reposts, not "Shares"
    assert sum(got["clicks"]) == 12 + 8 + 0 + 33 + 0 == 53  # URL Clicks, not 0
    # No handle in the file name: it comes from the post links.
    assert got["account"] == ["ameliedurand"] * 5
    assert got["post_id"][0] == "2031000000000000001"  # a 19-digit id stays text


def test_x_legacy_tweet_activity_pinned():
    got, problems = read("x_tweet_activity", X_LEGACY.name, X_LEGACY.read_bytes())
    assert problems == [] and got["_rows"] == [2, 3, 4, 5]
    # "2026-03-31 23:30 +0000": the zone is dropped and the written date kept, 31 March.
    assert dates(got["date"]) == ["2026-03-04", "2026-03-11", "2026-03-19", "2026-03-31"]
    # impressions "2400.0" + 1,800 + 950 + 3,100 = 8,250
    assert got["impressions"] == [2400, 1800, 950, 3100] and sum(got["impressions"]) == 8250
    assert sum(got["reactions"]) == 38 + 25 + 11 + 64 == 138  # likes
    assert sum(got["comments_received"]) == 5 + 2 + 7 + 9 == 23  # replies
    assert sum(got["shares_received"]) == 14 + 6 + 2 + 21 == 43  # retweets
    assert sum(got["clicks"]) == 41 + 18 + 0 + 57 == 116  # url clicks
    assert got["account"] == ["NorthwindTrails"] * 4  # from the permalinks: the brand account


def test_x_legacy_older_favorites_header_feeds_reactions():
    rows = csv_rows(X_LEGACY)
    rows[0] = ["favorites" if h == "likes" else h for h in rows[0]]
    got, _ = read("x_tweet_activity", X_LEGACY.name, to_csv(rows))
    assert got["reactions"] == [38, 25, 11, 64]


@settings(max_examples=15, deadline=None)
@given(order=st.permutations(list(range(17))), junk=st.integers(min_value=0, max_value=17))
def test_x_content_shuffled_and_junk_columns_change_nothing(order, junk):
    expected, _ = read("x_content", X_CONTENT.name, X_CONTENT.read_bytes())
    rows = [[row[j] for j in order] for row in csv_rows(X_CONTENT)]
    for i, row in enumerate(rows):
        row.insert(junk, "Notes" if i == 0 else "see deck")
    got, _ = read("x_content", X_CONTENT.name, to_csv(rows))
    assert got == expected


# --- Hootsuite post export -----------------------------------------------------------------


def test_hootsuite_facebook_posts_pinned():
    got, problems = read("hootsuite_posts", HOOTSUITE.name, HOOTSUITE.read_bytes())
    assert problems == [] and got["_rows"] == [2, 3, 4, 5]
    assert dates(got["date"]) == ["2026-03-02", "2026-03-09", "2026-03-18", "2026-03-27"]
    # Photos, Reels, Links, Photos: posts 4 = 3 posts + 1 video.
    assert got["action"] == ["post", "video", "post", "post"]
    # impressions from POST VIEWS, which outranks REACH: 1,400 + 5,100 + 900 + 1,750 = 9,150
    # (reach would give 820 + 2,300 + 640 + 1,100 = 4,860)
    assert got["impressions"] == [1400, 5100, 900, 1750] and sum(got["impressions"]) == 9150
    assert sum(got["shares_received"]) == 6 + 22 + 3 + 9 == 40
    assert got["channel"] == ["Facebook"] * 4
    assert got["account"] == ["NorthwindTrails"] * 4


def test_hootsuite_without_views_falls_back_to_reach():
    book = openpyxl.load_workbook(io.BytesIO(HOOTSUITE.read_bytes()))
    book["Posts"].delete_cols(5)  # POST VIEWS
    buffer = io.BytesIO()
    book.save(buffer)
    got, _ = read("hootsuite_posts", HOOTSUITE.name, buffer.getvalue())
    assert got["impressions"] == [820, 2300, 640, 1100]


def test_repeated_headers_are_named_like_pandas_names_them():
    # The engine's addition for side-by-side tables: the 2nd and 3rd "Post URL" are
    # "Post URL.1" and "Post URL.2" (header keys "posturl1", "posturl2"); the first keeps its name.
    from scorecard.sources.apply import header_columns

    row = np.array(["Post URL", "Date", None, "Post URL", "post url"], dtype=object)
    assert header_columns(row) == {"posturl": 0, "date": 1, "posturl1": 3, "posturl2": 4}
