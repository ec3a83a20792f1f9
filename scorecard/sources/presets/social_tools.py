"""Presets of social-media management and advocacy tools: Sprout Social, EveryoneSocial, Meta
Business Suite and YouTube Studio exports, each read as ``activity`` rows.

Each layout was taken from the tool's help centre and from public parsers, cleaners and test
fixtures of the same export (named in ``documented_by``, with the date they were read); where the
sources are silent the preset says so in ``notes`` instead of guessing. The fixtures in
``tests/fixtures/exports/<preset id>/`` follow these layouts column for column.

Conventions shared by the four presets:
- ``impressions`` takes the export's impressions column when there is one, else its nearest
  figure (views or reach): a header-level priority, so a blank cell stays blank and never
  borrows another column's figure;
- ``clicks`` are every click the tool counts on the content, link clicks only when that is all
  the export has;
- the account comes from the export (profile, page or channel name) and ``person_id`` is left to
  identity resolution through the ``accounts`` table (a brand account keeps its activity, shown
  with its steward, never as a person's own).
"""

from __future__ import annotations

from scorecard.sources.preset import AccountRule, FieldRule, Preset, RowExpansion, RowRule

#: Sprout's "Post Type" values (all networks in one column) → contract actions. Sprout writes a
#: reply as "'@Reply": the apostrophe keeps spreadsheets from reading "@..." as a formula.
SPROUT_POST_TYPES: dict[str, str] = {
    "Post": "post",
    "Tweet": "post",
    "Quote": "post",
    "Quote Tweet": "post",
    "Retweet with Comment": "post",
    "Pin": "post",
    "Story": "post",
    "Ad Post": "post",
    "Reel": "video",
    "Video": "video",
    "Instagram Video": "video",
    "Short": "video",
    "'@Reply": "reply",
    "@Reply": "reply",
    "Reply": "reply",
    "Comment": "comment",
    "Retweet": "share",
    "Repost": "share",
}

SPROUT_POST_PERFORMANCE = Preset(
    id="sprout_post_performance",
    tool="Sprout Social",
    export="Post Performance report (Reports › Post Performance › Export as CSV)",
    documented_by=(
        "support.sproutsocial.com/hc/en-us/articles/360052331251 'How do I use the Post "
        "Performance Report?' (read 2026-12-02: post types incl. Quote Tweets, content types "
        "video/photo/document/link); column order and formats from public cleaners of this "
        "export (a Django loader 'cleanPostPerformance': Date 'mm/dd/yyyy hh:mm am', "
        "'Engagement Rate (per Impression)' as '3.21%', counts with thousands commas) and a public "
        "parser test fixture (Date,Post ID,Network,Post Type,Content Type,Profile,Sent by,Link,"
        "Post,Impressions,Reach,...), read 2026-12-02."
    ),
    notes=(
        "'Profile' is the account the post went out on (a person's profile or a brand page); "
        "'Sent by' is the Sprout user who pressed send, often the social media manager on an "
        "executive's behalf, so it is NOT used as the author. Metric columns are chosen by the "
        "user in Sprout; every mapped metric is optional. Sprout does not document its file "
        "name. A post whose Post Type is 'Post' counts as a post even when its Content Type is "
        "Video."
    ),
    table="activity",
    fingerprint=("Date", "Network", "Post Type", "Profile", "Sent by"),
    optional_headers=(
        "Post ID",
        "Content Type",
        "Link",
        "Post",
        "Impressions",
        "Reach",
        "Engagement Rate (per Impression)",
        "Engagements",
        "Reactions",
        "Comments",
        "Shares",
        "Post Link Clicks",
        "Post Clicks (All)",
        "Video Views",
    ),
    file_pattern=r"post.?performance",
    fields=(
        FieldRule("date", ("Date",)),
        FieldRule("channel", ("Network",)),
        FieldRule("action", ("Post Type",), vocabulary=SPROUT_POST_TYPES),
        FieldRule("post_id", ("Post ID",)),
        FieldRule("url", ("Link",)),
        FieldRule("impressions", ("Impressions", "Reach", "Video Views")),
        FieldRule("reactions", ("Reactions", "Likes")),
        FieldRule("comments_received", ("Comments",)),
        FieldRule("shares_received", ("Shares",)),
        FieldRule("clicks", ("Post Clicks (All)", "Post Link Clicks")),
    ),
    date_order="MDY",
    date_formats=("%m/%d/%Y %I:%M %p",),
    account_from=AccountRule(header="Profile"),
)

EVERYONESOCIAL_USERS = Preset(
    id="everyonesocial_users",
    tool="EveryoneSocial",
    export="Users report, External Activity (Admin › Analytics › Users › Download)",
    documented_by=(
        "help.everyonesocial.app/hc/en-us/articles/11915225326487 'Review User Analytics' "
        "(columns Name, Type, Created On, Onboarded, Last Active, Reach, Posts, Shares, Clicks; "
        "Shares = times the person shared a post, Clicks = clicks received from that member's "
        "shares; only users active in the chosen timeframe are listed), "
        "help.everyonesocial.app/hc/en-us/articles/9430492443287 'Active User Overview' "
        "(downloads: Internal Engagement and External Activity, field user_status) and "
        "help.everyonesocial.com/article/716-admin-analytics-user-reporting, read 2026-12-02."
    ),
    notes=(
        "An advocacy report: one row per employee with totals for the chosen period, no date. "
        "Set the date in the mapping step as a constant: the first day of the report's period "
        "(e.g. 2026-03-01 for March); 'Last Active' is no substitute, since a report pulled "
        "after its period would date the shares in the month of the download. The person is "
        "the 'Name' (display name), or an 'Email' column when the download has one. "
        "Shares are shares MADE by the employee (action share, "
        "count = Shares) and Clicks the clicks those shares received; 'Reach' is the size of "
        "their connected networks (followers), not impressions, and is not read here. 'Posts' "
        "are posts the employee published in the EveryoneSocial workspace: read again from the "
        "same row as action post (count = Posts, no clicks). The help centre shows the column labels but not the download's exact "
        "header spelling or date format; headers match case-, space- and underscore-"
        "insensitively (user_status, last_active). The social network of each share is not in "
        "this report: channel is 'EveryoneSocial'. Users with no shares (no posts) give no "
        "share (post) row."
    ),
    table="activity",
    fingerprint=("Name", "Shares", "Clicks"),
    optional_headers=(
        "Type",
        "Created On",
        "Onboarded",
        "Last Active",
        "Reach",
        "Posts",
        "user_status",
    ),
    file_pattern=r"everyone.?social|external.?activity",
    fields=(
        # A work email identifies best, should the download carry one; else the display name.
        FieldRule("person_id", ("Email", "Name")),
        FieldRule("count", ("Shares",)),
        FieldRule("clicks", ("Clicks",)),
    ),
    constants={"channel": "EveryoneSocial", "action": "share"},
    drop_rows=(
        RowRule(
            "users with no shares in the period", pattern=r"0+(\.0*)?|", header="Shares", warn=False
        ),
    ),
    expansions=(
        # One row holds two kinds of activity: shares made (above) and posts published.
        RowExpansion(
            "posts published in the workspace",
            fields=(FieldRule("count", ("Posts",)), FieldRule("clicks", ())),
            constants={"action": "post"},
            drop_rows=(
                RowRule(
                    "users with no posts in the period",
                    pattern=r"0+(\.0*)?|",
                    header="Posts",
                    warn=False,
                ),
            ),
        ),
    ),
)

#: Meta Business Suite's "Post type" for Facebook posts → contract actions.
META_POST_TYPES: dict[str, str] = {
    "Photos": "post",
    "Photo": "post",
    "Links": "post",
    "Link": "post",
    "Text": "post",
    "Status": "post",
    "Albums": "post",
    "Videos": "video",
    "Video": "video",
    "Reels": "video",
    "Reel": "video",
    "Live": "live",
}

META_FACEBOOK_POSTS = Preset(
    id="meta_facebook_posts",
    tool="Meta Business Suite",
    export="Facebook posts content export (Insights › Content › Export data, CSV)",
    documented_by=(
        "Public parsers and fixtures of the per-post Facebook export, read 2026-12-02: a "
        "34-column header (Post ID, Page ID, Page name, Title, Description, Duration (sec), "
        "Publish time, Caption type, Permalink, Is crosspost, Is share, Post type, Languages, "
        "Custom labels, Funded content status, Data comment, Date, Views, Reach, 'Reactions, "
        "Comments and Shares', Reactions, Comments, Shares, Total clicks, ...) from a PHP "
        "importer and a TypeScript test fixture; a data catalogue of 12 monthly exports (UTF-8 "
        "with BOM, header on row 1, 32-34 columns, Post type Photos/Videos/Reels/Links, Date = "
        "'Lifetime', file names like 'Aug-01-2025_Aug-31-2025_<id>.csv'); Publish time "
        "'09/28/2026 18:12' (month first)."
    ),
    notes=(
        "Figures are lifetime totals as of the export day, so a later re-export of the same "
        "month gives other numbers. 'Date' holds the text 'Lifetime' and is not a date: the "
        "post's date is 'Publish time'. The page is a brand account: list it in the accounts "
        "table with its steward. Older exports have 'Impressions' instead of 'Views'; either "
        "feeds impressions. 'Duration (sec)' is the video's length, 0 for photos, and is not "
        "read as time spent."
    ),
    table="activity",
    fingerprint=("Post ID", "Page name", "Publish time", "Permalink", "Post type"),
    optional_headers=(
        "Page ID",
        "Title",
        "Description",
        "Duration (sec)",
        "Caption type",
        "Date",
        "Views",
        "Reach",
        "Reactions, Comments and Shares",
        "Reactions",
        "Comments",
        "Shares",
        "Total clicks",
    ),
    file_pattern=r"[a-z]{3}-\d{2}-\d{4}_[a-z]{3}-\d{2}-\d{4}_\d+\.csv$",
    fields=(
        FieldRule("date", ("Publish time",)),
        FieldRule("action", ("Post type",), vocabulary=META_POST_TYPES),
        FieldRule("post_id", ("Post ID",)),
        FieldRule("url", ("Permalink",)),
        FieldRule("impressions", ("Impressions", "Views", "Reach")),
        FieldRule("reactions", ("Reactions",)),
        FieldRule("comments_received", ("Comments",)),
        FieldRule("shares_received", ("Shares",)),
        FieldRule("clicks", ("Total clicks", "Link Clicks")),
    ),
    constants={"channel": "Facebook"},
    date_order="MDY",
    date_formats=("%m/%d/%Y %H:%M",),
    account_from=AccountRule(header="Page name"),
)

YOUTUBE_STUDIO_CONTENT = Preset(
    id="youtube_studio_content",
    tool="YouTube Studio",
    export="Analytics › Advanced mode › Content › Export current view › CSV ('Table data.csv')",
    documented_by=(
        "Public notebooks, parsers and tests of Studio's 'Table data.csv', read 2026-12-02: "
        "header 'Content,Video title,Video publish time,Duration,Views,Watch time (hours),"
        "Subscribers,...' with metric columns the user adds (Likes, Comments added, Shares, "
        "Impressions, 'Impressions click-through rate (%)'); the first data row is 'Total' with "
        "the title, time and duration blank; Duration is the video length in seconds; publish "
        "time written 'Jan 6, 2024'; a video id starting with '-' may carry a leading space; "
        "the zip holds 'Table data.csv', 'Chart data.csv' and 'Totals.csv' in a folder named "
        "'Content <start>_<end> <channel>'."
    ),
    notes=(
        "Duration is read in seconds and becomes minutes (1,230 s = 20.5 min), the time the "
        "video row stands for. The channel is not in the file: it is taken from the export "
        "folder's name when the upload keeps it ('Content 2026-03-01_2026-03-31 Northwind "
        "Trails/Table data.csv'); otherwise set the account (the channel name) as a constant in "
        "the mapping step. A channel is a brand account or a person's: say which in the accounts "
        "table. The table lists every video viewed in the period, including older ones: their "
        "rows carry their own publish dates. A last line 'Showing top N results' means Studio "
        "cut the export: export again with a filter."
    ),
    table="activity",
    fingerprint=("Content", "Video title", "Video publish time"),
    optional_headers=(
        "Duration",
        "Views",
        "Watch time (hours)",
        "Subscribers",
        "Impressions",
        "Impressions click-through rate (%)",
        "Likes",
        "Comments added",
        "Shares",
    ),
    file_pattern=(
        r"(?:Content \d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2} (?P<account>[^/\\]+)[/\\])?"
        r"Table data\.csv$"
    ),
    fields=(
        FieldRule("date", ("Video publish time",)),
        FieldRule("post_id", ("Content",)),
        FieldRule("minutes", ("Duration",), unit="seconds"),
        FieldRule("impressions", ("Impressions", "Views")),
        FieldRule("reactions", ("Likes",)),
        FieldRule("comments_received", ("Comments added",)),
        FieldRule("shares_received", ("Shares",)),
    ),
    constants={"channel": "YouTube", "action": "video"},
    drop_rows=(
        RowRule("total row", pattern=r"total", header="Content", position="first", warn=False),
        RowRule(
            "note that Studio cut the export to its top videos",
            pattern=r"showing top .*",
            position="last",
        ),
    ),
    date_formats=("%b %d, %Y",),
    account_from=AccountRule(),
)

PRESETS: tuple[Preset, ...] = (
    SPROUT_POST_PERFORMANCE,
    EVERYONESOCIAL_USERS,
    META_FACEBOOK_POSTS,
    YOUTUBE_STUDIO_CONTENT,
)
