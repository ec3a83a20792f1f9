"""The LinkedIn, X and Hootsuite exports of Northwind Trails through the whole ingest path
(detection, validation, identity), with a people and an accounts CSV: the per-person numbers
pinned by hand. The presets themselves are tested in ``test_presets_networks.py``.
"""

from __future__ import annotations

from pathlib import Path

from scorecard.ingest import load_paths

EXPORTS = Path(__file__).parent / "fixtures" / "exports"
PAGE = EXPORTS / "linkedin_page_content" / "northwind-trails_content_1774972800000.xls"
CREATOR = EXPORTS / "linkedin_creator"
AMELIE = CREATOR / "AggregateAnalytics_Amélie Durand_2026-03-01_2026-03-31.xlsx"
JONAS = CREATOR / "AggregateAnalytics_Jonas Weber_2026-03-01_2026-03-31.xlsx"
X_CONTENT = EXPORTS / "x_content" / "account_analytics_content_2026-03-01_2026-03-31.csv"
X_FEBRUARY = EXPORTS / "x_content" / "account_analytics_content_2026-02-01_2026-02-28.csv"
X_LEGACY = (
    EXPORTS / "x_tweet_activity" / "tweet_activity_metrics_NorthwindTrails_20260301_20260401_en.csv"
)
HOOTSUITE = EXPORTS / "hootsuite_posts" / "Northwind Trails Facebook posts 2026-03.xlsx"


PEOPLE_CSV = """person_id,name,email,department,manager_id,title
1001,Amélie Durand,amelie.durand@northwind-trails.example,Executive,,Chief Executive Officer
1002,Jonas Weber,jonas.weber@northwind-trails.example,Sales,1001,Chief Revenue Officer
1003,Priya Natarajan,priya.natarajan@northwind-trails.example,Marketing,1001,Chief Marketing Officer
1005,Chloé Martin,chloe.martin@northwind-trails.example,Marketing,1003,Social Media Manager
"""
ACCOUNTS_CSV = """channel,account,person_id,kind,steward_id
LinkedIn,amelie-durand,1001,personal,
LinkedIn,jonas-weber-nw,1002,personal,
X,@ameliedurand,1001,personal,
X,@NorthwindTrails,,brand,1005
LinkedIn,northwind-trails,,brand,1005
Facebook,NorthwindTrails,,brand,1005
"""


def test_all_network_exports_load_into_one_dataset(tmp_path):
    (tmp_path / "people.csv").write_text(PEOPLE_CSV, encoding="utf-8")
    (tmp_path / "accounts.csv").write_text(ACCOUNTS_CSV, encoding="utf-8")
    exports = [PAGE, AMELIE, JONAS, X_CONTENT, X_LEGACY, HOOTSUITE]
    result = load_paths([tmp_path / "people.csv", tmp_path / "accounts.csv", *exports])
    assert [p.message for p in result.report.problems if p.is_error] == []
    skipped = {n.sheet for n in result.sources if n.table is None}
    assert {"Metrics", "DISCOVERY", "ENGAGEMENT", "FOLLOWERS", "DEMOGRAPHICS"} <= skipped
    activity = result.dataset.activity
    # 24 posts = 4 Page + 4 Amélie (LinkedIn) + 3 Jonas + 5 Amélie (X) + 4 @NorthwindTrails
    # + 4 Facebook Page
    assert len(activity) == 24
    sums = ["count", "impressions", "reactions", "comments_received", "shares_received", "clicks"]
    person = activity.dropna(subset=["person_id"]).groupby(["person_id", "channel"])[sums].sum()
    assert person.loc[("1001", "LinkedIn")].tolist() == [4, 9850, 0, 0, 0, 0]
    assert person.loc[("1001", "X")].tolist() == [5, 4989, 177, 23, 31, 53]
    assert person.loc[("1002", "LinkedIn")].tolist() == [3, 3300, 0, 0, 0, 0]
    # Brand accounts' posts are never a person's own, not even their steward's (1005).
    assert set(person.index.get_level_values("person_id")) == {"1001", "1002"}
    brand = activity[activity["person_id"].isna()].groupby("source")[sums].sum()
    assert brand.loc[PAGE.name].tolist() == [4, 4400, 113, 15, 8, 95]
    assert brand.loc[X_LEGACY.name].tolist() == [4, 8250, 138, 23, 43, 116]
    assert brand.loc[HOOTSUITE.name].tolist() == [4, 9150, 0, 0, 40, 0]


def test_two_months_of_x_and_a_repeated_download_count_each_post_once(tmp_path):
    (tmp_path / "people.csv").write_text(PEOPLE_CSV, encoding="utf-8")
    (tmp_path / "accounts.csv").write_text(ACCOUNTS_CSV, encoding="utf-8")
    again = tmp_path / "account_analytics_content_2026-03-01_2026-03-31 (1).csv"
    again.write_bytes(X_CONTENT.read_bytes())  # the same export, downloaded twice
    result = load_paths([tmp_path / "people.csv", tmp_path / "accounts.csv", X_FEBRUARY,
                         X_CONTENT, again])  # fmt: skip
    assert [p.message for p in result.report.problems if p.is_error] == []
    assert [p.code for p in result.report.problems] == ["duplicate_post"]
    activity = result.dataset.activity
    assert len(activity) == 3 + 5  # February's 3 posts and March's 5, the repeat counted once
    assert set(activity["person_id"]) == {"1001"}
    month = activity.groupby(activity["date"].dt.month)[["count", "impressions", "clicks"]].sum()
    # February: impressions 720 + "1,050" + 480 = 2,250; URL Clicks 5 + 9 + 0 = 14
    assert month.loc[2].tolist() == [3, 2250, 14]
    # March: 1,234 + 860 + 310 + 2,045 + 540 = 4,989; 12 + 8 + 0 + 33 + 0 = 53
    assert month.loc[3].tolist() == [5, 4989, 53]
