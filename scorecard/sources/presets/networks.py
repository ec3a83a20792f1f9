"""Social-network analytics exports read as ``activity``: LinkedIn, X and Hootsuite.

Every row these exports hold is one published post (or tweet) of ONE account, with what it
received; so each preset sets ``action`` (post unless the export's own type says video, ...) and
``channel``, and names the account: from the file name where the tool writes it there, from the
post links otherwise. No export here names a person: ``person_id`` carries the account, which
identity resolution turns into its owner (a personal profile) or its steward (a brand page).

Decisions that are not obvious from the headers (each preset's ``notes`` repeats its own):

- LinkedIn Page "All posts" lists a boosted post three times or more: its "Organic" row, one
  "Sponsored" row per campaign and a "Total" row. Only the organic row is kept, so the post
  counts once and paid reach never inflates the page's earned figures.
- LinkedIn creator exports hold no per-post table except TOP POSTS, two top-50 lists side by
  side (by engagements on the left, by impressions on the right). The right list is read: it
  has the impressions the contract wants; "Engagements" (reactions + comments + reposts, never
  split) has no contract column. A creator with more than 50 posts in the period loses the
  rest, so export a month at a time. ENGAGEMENT is daily totals and is never activity.
- X's "Reposts" are the public re-shares (shares_received); its "Shares" (sent by DM or copied
  link) and "Engagements" (a sum of every interaction) are left out.
"""

from __future__ import annotations

from scorecard.sources.preset import AccountRule, FieldRule, Preset, RowRule

#: A browser's " (1)" before the extension when the same export is downloaded twice.
_COPY = r"(?: \(\d+\))?"
_X_HANDLE = r"(?:x|twitter)\.com/(?P<account>[A-Za-z0-9_]{1,15})/status"

_PAGE_OPTIONAL = (
    "Campaign name", "Posted by", "Created date", "Campaign start date", "Campaign end date",
    "Audience", "Views", "Offsite Views", "Clicks", "Click through rate (CTR)", "Likes",
    "Comments", "Reposts", "Follows", "Engagement rate", "Content Type",
)  # fmt: skip

_X_OPTIONAL = (
    "Post Link", "Likes", "Engagements", "Bookmarks", "Shares", "New follows", "Replies",
    "Reposts", "Profile visits", "Detail Expands", "URL Clicks", "Hashtag Clicks",
    "Permalink Clicks",
)  # fmt: skip

_TWEET_OPTIONAL = (
    "Tweet text", "engagements", "engagement rate", "retweets", "replies", "likes",
    "user profile clicks", "url clicks", "hashtag clicks", "detail expands", "permalink clicks",
    "follows", "media views", "media engagements", "promoted impressions",
)  # fmt: skip

#: Post types as the networks name them (Meta: Photos, Videos, Reels, Links; X: Tweet, Quote
#: Tweet, Reply); Hootsuite documents none.
_POST_TYPES = {
    "photo": "post", "photos": "post", "link": "post", "links": "post", "status": "post",
    "text": "post", "album": "post", "carousel": "post", "tweet": "post", "quote tweet": "post",
    "quote": "post", "video": "video", "videos": "video", "reel": "video", "reels": "video",
    "reply": "reply", "retweet": "share", "repost": "share",
}  # fmt: skip

LINKEDIN_PAGE_CONTENT = Preset(
    id="linkedin_page_content",
    tool="LinkedIn Page",
    export="analytics › Content › Export (All posts)",
    documented_by=(
        "A real export of another company's Page (leaf-space_content_1753863379800.xlsx, "
        "github.com/NicoMandala/salesstrategy, July 2025): sheets 'Metrics' and 'All posts', "
        "one description row above each header, the 20 'All posts' columns below, dates as text "
        "MM/DD/YYYY, rates as fractions, Post type Organic/Sponsored/Total. The file name "
        "<page>_content_<epoch ms>.xls and the .xls format: LinkedIn's own downloads as quoted "
        "in public parsers (2026-04); older parsers name the views column 'Views (excluding "
        "off-site video views)'. Read 2026-12-02."
    ),
    notes=(
        "One Page (a brand account) per file, named by the file name. Only 'Organic' rows are "
        "kept: a boosted post's 'Sponsored' and 'Total' rows repeat it with paid reach. The "
        "'Metrics' sheet (daily totals) is not read. 'Posted by' is the admin who published, "
        "not the account's owner: the accounts table names the Page's steward. Content Type is "
        "often blank; then the row is a post."
    ),
    table="activity",
    fingerprint=("Post title", "Post link", "Post type", "Impressions"),
    optional_headers=_PAGE_OPTIONAL,
    file_pattern=r"^(?P<account>.+?)_content_\d{10,}" + _COPY + r"\.xlsx?$",
    sheets=("All posts",),
    fields=(
        FieldRule("date", ("Created date", "Date")),
        FieldRule(
            "action",
            ("Content Type",),
            vocabulary={"video": "video", "article": "article"},
            default="post",
        ),
        FieldRule("impressions", ("Impressions",)),
        FieldRule("reactions", ("Likes", "Reactions")),
        FieldRule("comments_received", ("Comments",)),
        FieldRule("shares_received", ("Reposts", "Shares")),
        FieldRule("clicks", ("Clicks",)),
        FieldRule("url", ("Post link",)),
    ),
    constants={"channel": "LinkedIn", "action": "post"},
    drop_rows=(
        RowRule(
            "sponsored and total rows of boosted posts (their organic row is kept)",
            pattern=r"sponsored|total",
            header="Post type",
        ),
    ),
    date_order="MDY",
    account_from=AccountRule(),
)

LINKEDIN_CREATOR_TOP_POSTS = Preset(
    id="linkedin_creator_top_posts",
    tool="LinkedIn",
    export="creator analytics › Export (TOP POSTS)",
    documented_by=(
        "LinkedIn Help a704175 (post analytics); the export's sheets DISCOVERY, ENGAGEMENT, "
        "TOP POSTS, FOLLOWERS, DEMOGRAPHICS and TOP POSTS' side-by-side lists (A-C: Post URL, "
        "Post publish date, Engagements; E-G: Post URL, Post publish date, Impressions) as read "
        "by github.com/marcelmarais/linklytics (skips 2 rows above the header) and public "
        "TypeScript and Python parsers; numbers stored as text and the file name "
        "AggregateAnalytics_<name>_<start>_<end>.xlsx since 2026 (earlier Content_<start>_<end>_"
        "<name>.xlsx), per public parsers; a public test fixture of a 2026 six-sheet variant "
        "(AUDIENCE and CONTENT DEMOGRAPHICS) has the same TOP POSTS, its note row 'Maximum of "
        "50 posts available to include in this list', a blank row, then 'Post Publish Date' "
        "headers and lists of different lengths. Read 2026-12-02."
    ),
    notes=(
        "One member's export; the owner is named only in the file name (their display name, "
        "matched against people). Each post of the right-hand list (top 50 by impressions) "
        "becomes one post with its impressions; 'Engagements' has no contract column. Export "
        "at most a month at a time so no post falls outside the top 50. The other sheets are "
        "daily or audience totals and are not read."
    ),
    table="activity",
    fingerprint=("Post URL", "Post publish date", "Engagements", "Impressions"),
    file_pattern=(
        r"^(?:Content_\d{4}-\d\d-\d\d_\d{4}-\d\d-\d\d_|AggregateAnalytics_)(?P<account>.+?)"
        r"(?:_\d{4}-\d\d-\d\d_\d{4}-\d\d-\d\d)?" + _COPY + r"\.xlsx$"
    ),
    sheets=("TOP POSTS",),
    fields=(
        # The second "Post URL" / "Post publish date" of the header row: the impressions list.
        FieldRule("url", ("Post URL.1",)),
        FieldRule("date", ("Post publish date.1",)),
        FieldRule("impressions", ("Impressions",)),
    ),
    constants={"channel": "LinkedIn", "action": "post"},
    drop_rows=(
        RowRule(
            "rows of the engagements list longer than the impressions list",
            pattern="",
            header="Post URL.1",
            warn=False,
        ),
    ),
    date_order="MDY",
    account_from=AccountRule(),
)

X_CONTENT = Preset(
    id="x_content",
    tool="X",
    export="analytics › Content › Export data (posts, 2024 and later)",
    documented_by=(
        "X analytics content export as public parsers and their fixtures read it (2025-2026): "
        "account_analytics_content_<start>_<end>.csv, 17 columns Post id, Date, Post text, Post "
        "Link, Impressions, Likes, Engagements, Bookmarks, Shares, New follows, Replies, Reposts, "
        "Profile visits, Detail Expands, URL Clicks, Hashtag Clicks, Permalink Clicks; Date "
        "written 'Sun, Mar 1, 2026'; counts may carry thousands commas ('1,234'). X's help centre "
        "does not list the columns. Read 2026-12-02."
    ),
    notes=(
        "One account per file; the file name has no handle, so it comes from the Post Link "
        "(x.com/<handle>/status/...). Every row is a post: the export has no type column, "
        "replies included. shares_received = Reposts; 'Shares' (sent privately) and "
        "'Engagements' (a sum of all interactions) are not used."
    ),
    table="activity",
    fingerprint=("Post id", "Date", "Post text", "Impressions"),
    optional_headers=_X_OPTIONAL,
    file_pattern=r"^account_analytics_content_\d{4}-\d\d-\d\d_\d{4}-\d\d-\d\d" + _COPY + r"\.csv$",
    fields=(
        FieldRule("post_id", ("Post id",)),
        FieldRule("date", ("Date",)),
        FieldRule("impressions", ("Impressions",)),
        FieldRule("reactions", ("Likes",)),
        FieldRule("comments_received", ("Replies",)),
        FieldRule("shares_received", ("Reposts",)),
        FieldRule("clicks", ("URL Clicks",)),
        FieldRule("url", ("Post Link",)),
    ),
    constants={"channel": "X", "action": "post"},
    date_formats=("%a, %b %d, %Y",),
    account_from=AccountRule(header="Post Link", pattern=_X_HANDLE),
)

X_TWEET_ACTIVITY = Preset(
    id="x_tweet_activity",
    tool="X (Twitter)",
    export="analytics › Tweets › Export data (tweet activity, by Tweet; before 2024)",
    documented_by=(
        "The legacy analytics.twitter.com export as public test fixtures write it (2020-2026): "
        "tweet_activity_metrics_<handle>_<YYYYMMDD>_<YYYYMMDD>_<lang>.csv, 40 quoted columns "
        "from 'Tweet id', 'Tweet permalink', 'Tweet text', 'time' ('2026-03-04 12:00 +0000'), "
        "impressions, engagements, engagement rate (a fraction), retweets, replies, likes "
        "(older files: favorites), ... url clicks ..., then 18 'promoted ...' columns holding "
        "'-'; counts written '1203.0'. Read 2026-12-02."
    ),
    notes=(
        "One account per file; its handle comes from the Tweet permalinks (the file name "
        "carries it too). Every row is a Tweet, replies included. The daily file "
        "daily_tweet_activity_metrics_... holds totals per day and is not this export."
    ),
    table="activity",
    fingerprint=("Tweet id", "Tweet permalink", "time", "impressions"),
    optional_headers=_TWEET_OPTIONAL,
    file_pattern=r"^tweet_activity_metrics_(?P<account>[A-Za-z0-9_]{1,15})_\d{8}_\d{8}_[a-z]{2}"
    + _COPY
    + r"\.csv$",
    fields=(
        FieldRule("post_id", ("Tweet id",)),
        FieldRule("date", ("time",)),
        FieldRule("impressions", ("impressions",)),
        FieldRule("reactions", ("likes", "favorites")),
        FieldRule("comments_received", ("replies",)),
        FieldRule("shares_received", ("retweets",)),
        FieldRule("clicks", ("url clicks",)),
        FieldRule("url", ("Tweet permalink",)),
    ),
    constants={"channel": "X", "action": "post"},
    date_formats=("%Y-%m-%d %H:%M %z",),
    account_from=AccountRule(header="Tweet permalink", pattern=_X_HANDLE),
)

HOOTSUITE_POSTS = Preset(
    id="hootsuite_posts",
    tool="Hootsuite",
    export="Analytics › post table › Download (XLSX or CSV)",
    documented_by=(
        "help.hootsuite.com 'Metrics in Analytics' (metric names, XLSX download; 2023-2024) "
        "and the columns a public parser reads from a Hootsuite Facebook post export: POST "
        "MESSAGE, DATE (GMT), REACH, ENGAGEMENT, POST VIEWS, POST TYPE, SHARES, POST PERMALINK "
        "(the fixture keeps that parser's order). Hootsuite documents neither the column order, "
        "nor the file or sheet name, nor the Post Type values: the vocabulary below follows "
        "Meta's post types (Photos, Videos, Reels, Links) and X's (Tweet, Quote Tweet, Reply). "
        "Read 2026-12-02."
    ),
    notes=(
        "The documented variant is a Facebook Page's post table: channel is Facebook unless "
        "the file has a network column, and the Page comes from the post permalink; for another "
        "network set channel and account in the mapping step. Impressions: Post Impressions, "
        "else Post Views, else Reach. 'Engagement' (a total) is not used."
    ),
    table="activity",
    fingerprint=("Date (GMT)", "Post Message", "Post Permalink"),
    optional_headers=("Post Type", "Reach", "Engagement", "Post Views", "Shares"),
    fields=(
        FieldRule("date", ("Date (GMT)",)),
        FieldRule("channel", ("Social Network", "Network")),
        FieldRule("action", ("Post Type",), vocabulary=_POST_TYPES, default="post"),
        FieldRule("impressions", ("Post Impressions", "Impressions", "Post Views", "Reach")),
        FieldRule("reactions", ("Post Reactions", "Reactions", "Likes")),
        FieldRule("comments_received", ("Post Comments", "Comments")),
        FieldRule("shares_received", ("Post Shares", "Shares")),
        FieldRule("clicks", ("Post Link Clicks", "Link Clicks")),
        FieldRule("url", ("Post Permalink",)),
    ),
    constants={"channel": "Facebook", "action": "post"},
    date_formats=("%Y-%m-%d %H:%M",),
    account_from=AccountRule(
        header="Post Permalink", pattern=r"facebook\.com/(?P<account>[^/?#]+)/"
    ),
)

PRESETS: tuple[Preset, ...] = (
    LINKEDIN_PAGE_CONTENT,
    LINKEDIN_CREATOR_TOP_POSTS,
    X_CONTENT,
    X_TWEET_ACTIVITY,
    HOOTSUITE_POSTS,
)
