"""The workbook contract: tables, columns, types, defaults and aliases, in one place.

Everything that reads, writes, validates or stores a dataset asks this module which tables and
columns exist. Column headers are matched through :func:`header_key`, which ignores case, spaces,
underscores, hyphens, dots and slashes, so "Employee ID", "employee_id" and "EmployeeId" are one
name. IDs are text: "007" stays "007".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

ColumnType = Literal["id", "text", "date", "number", "integer", "choice"]

#: Organisation tiers from the top down; also the order of every tier axis.
TIERS: tuple[str, ...] = ("C-suite", "VP", "Director", "Manager", "Staff")
#: The executives: their own bonus leaderboard, the Socialcast benchmarks' population and the
#: scorecards shown first. The one definition.
EXECUTIVE_TIERS: tuple[str, ...] = TIERS[:2]

#: Why a piece of activity was done (Socialcast 2010: 58% of executives said "marketing").
PURPOSES: tuple[str, ...] = ("marketing", "employees", "reputation", "initiatives", "customers")

#: Action types the dictionary knows. Others are accepted with a warning and count as actions.
POST_ACTIONS: tuple[str, ...] = ("post", "video", "blog", "article")
REPLY_ACTIONS: tuple[str, ...] = ("reply", "comment")
SHARE_ACTIONS: tuple[str, ...] = ("share",)
OTHER_ACTIONS: tuple[str, ...] = ("like", "message", "live")
ACTIONS: tuple[str, ...] = POST_ACTIONS + REPLY_ACTIONS + SHARE_ACTIONS + OTHER_ACTIONS

#: Goal directions.
DIRECTIONS: tuple[str, ...] = ("up", "down")

#: Channels with a canonical spelling; any other channel is free text and kept as written.
CHANNELS: tuple[str, ...] = (
    "LinkedIn",
    "X",
    "Facebook",
    "YouTube",
    "Blog",
    "Instagram",
    "TikTok",
    "Internal",
)

#: Spellings seen in tool exports, mapped to the canonical value (keys compared via header_key).
CHOICE_ALIASES: dict[str, dict[str, str]] = {
    "tier": {
        "csuite": "C-suite",
        "clevel": "C-suite",
        "exec": "C-suite",
        "executive": "C-suite",
        "ceo": "C-suite",
        "chief": "C-suite",
        "cxo": "C-suite",
        "vp": "VP",
        "vicepresident": "VP",
        "svp": "VP",
        "evp": "VP",
        "director": "Director",
        "head": "Director",
        "seniordirector": "Director",
        "manager": "Manager",
        "teamlead": "Manager",
        "lead": "Manager",
        "staff": "Staff",
        "employee": "Staff",
        "individualcontributor": "Staff",
        "ic": "Staff",
    },
    "purpose": {
        "marketing": "marketing",
        "brand": "marketing",
        "promotion": "marketing",
        "employees": "employees",
        "employee": "employees",
        "employeeengagement": "employees",
        "internal": "employees",
        "recruiting": "employees",
        "reputation": "reputation",
        "reputationmanagement": "reputation",
        "pr": "reputation",
        "initiatives": "initiatives",
        "initiative": "initiatives",
        "companyinitiatives": "initiatives",
        "customers": "customers",
        "customer": "customers",
        "customerpulse": "customers",
        "customerexperience": "customers",
        "support": "customers",
    },
    "action": {
        "post": "post",
        "posts": "post",
        "update": "post",
        "tweet": "post",
        "status": "post",
        "video": "video",
        "reel": "video",
        "short": "video",
        "blog": "blog",
        "blogpost": "blog",
        "article": "article",
        "reply": "reply",
        "replies": "reply",
        "response": "reply",
        "comment": "comment",
        "comments": "comment",
        "share": "share",
        "shares": "share",
        "repost": "share",
        "reshare": "share",
        "retweet": "share",
        "quote": "share",
        "like": "like",
        "reaction": "like",
        "react": "like",
        "message": "message",
        "dm": "message",
        "live": "live",
        "livestream": "live",
    },
    "direction": {
        "up": "up",
        "increase": "up",
        "higher": "up",
        "more": "up",
        "down": "down",
        "decrease": "down",
        "lower": "down",
        "less": "down",
    },
    "channel": {
        "linkedin": "LinkedIn",
        "x": "X",
        "twitter": "X",
        "xtwitter": "X",
        "facebook": "Facebook",
        "fb": "Facebook",
        "youtube": "YouTube",
        "yt": "YouTube",
        "blog": "Blog",
        "instagram": "Instagram",
        "ig": "Instagram",
        "tiktok": "TikTok",
        "internal": "Internal",
        "intranet": "Internal",
        "yammer": "Internal",
        "vivaengage": "Internal",
        "workplace": "Internal",
        "slack": "Internal",
        "teams": "Internal",
    },
    "kind": {
        "personal": "personal",
        "person": "personal",
        "individual": "personal",
        "employee": "personal",
        "own": "personal",
        "private": "personal",
        "brand": "brand",
        "company": "brand",
        "companypage": "brand",
        "page": "brand",
        "organisation": "brand",
        "organization": "brand",
        "corporate": "brand",
        "shared": "brand",
        "business": "brand",
        "showcase": "brand",
    },
}

#: Kinds of social account: a person's own, or a brand (company) account run by a steward.
ACCOUNT_KINDS: tuple[str, ...] = ("personal", "brand")


# Bounds of numeric cells: far above anything a real company records, far below what breaks
# the arithmetic. Sums stay exact in int64 (1e6 per row x 1e7 rows = 1e13 < 9.2e18), money in
# cents fits int64 (1e12 x 100 = 1e14), and nothing reaches float infinity (1e308).
#: Actions on one activity row (a person, a day, a channel, an action).
COUNT_MAX = 1e6
#: Minutes one activity row took (about two years).
MINUTES_MAX = 1e6
#: Audience figures per row or person: impressions, reactions, followers, ... (above the
#: number of people on Earth).
AUDIENCE_MAX = 1e10
#: An hour of one person's time, in currency.
HOURLY_COST_MAX = 1e6
#: An outcome value or a goal target, either sign (money in the largest currencies included).
AMOUNT_MAX = 1e12


@dataclass(frozen=True)
class Column:
    """One column of a table.

    ``type`` decides parsing: ``id`` and ``text`` are kept as text (an ID never loses a leading
    zero), ``date`` accepts date cells, Excel serials and unambiguous text, ``number`` and
    ``integer`` must be numeric and not negative unless ``signed``, ``choice`` maps through
    :data:`CHOICE_ALIASES` (``strict`` choices are errors when unknown, others warnings).
    ``maximum`` bounds a number's magnitude (``None``: no bound); see :data:`COUNT_MAX`.
    """

    name: str
    type: ColumnType
    required: bool = False
    default: object = None
    aliases: tuple[str, ...] = ()
    description: str = ""
    example: str = ""
    signed: bool = False
    choices: tuple[str, ...] = ()
    strict: bool = False
    maximum: float | None = None

    @property
    def keys(self) -> tuple[str, ...]:
        """Every header spelling that matches this column, normalised by :func:`header_key`."""
        return tuple(dict.fromkeys(header_key(n) for n in (self.name, *self.aliases)))


@dataclass(frozen=True)
class Table:
    """One table of the workbook (a sheet, or a CSV file)."""

    name: str
    description: str
    columns: tuple[Column, ...]
    required: bool = False
    sheet_aliases: tuple[str, ...] = ()
    examples: tuple[tuple[object, ...], ...] = field(default=())

    def column(self, name: str) -> Column:
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(f"{self.name} has no column {name!r}")

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    @property
    def required_columns(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.required)


_HEADER_NOISE = re.compile(r"[\s_\-./()#:]+")


def header_key(text: object) -> str:
    """Normalise a header for matching: lower case without spaces and punctuation.

    >>> header_key(" Employee ID ")
    'employeeid'
    >>> header_key("comments_received")
    'commentsreceived'
    """
    return _HEADER_NOISE.sub("", str(text).strip().lower())


PEOPLE = Table(
    name="people",
    description="Everyone whose activity you track, with their reporting line.",
    required=True,
    sheet_aliases=(
        "person",
        "employees",
        "employee",
        "staff",
        "roster",
        "org",
        "orgchart",
        "organisation",
        "organization",
        "team",
        "hr",
    ),
    columns=(
        Column(
            "person_id",
            "id",
            required=True,
            aliases=(
                "id",
                "employee id",
                "employee number",
                "employee no",
                "emp id",
                "staff id",
                "person",
                "worker id",
                "user id",
                "author id",
            ),
            description="A unique ID, kept as text (leading zeros stay).",
            example="007",
        ),
        Column(
            "name",
            "text",
            required=True,
            aliases=("full name", "employee name", "display name", "person name"),
            description="The person's name as colleagues know it.",
            example="Ada Byrne",
        ),
        Column(
            "title",
            "text",
            default="",
            aliases=("job title", "position", "role", "job"),
            description="Job title.",
            example="Chief Marketing Officer",
        ),
        Column(
            "department",
            "text",
            required=True,
            aliases=(
                "dept",
                "team",
                "division",
                "business unit",
                "function",
                "org unit",
                "cost centre",
                "cost center",
            ),
            description="Department the person belongs to.",
            example="Marketing",
        ),
        Column(
            "manager_id",
            "id",
            aliases=(
                "manager",
                "manager employee id",
                "reports to",
                "reports to id",
                "supervisor",
                "supervisor id",
                "line manager",
                "manager email",
                "managerEmail",
                "boss",
                "parent id",
                "manager upn",
                "manager user principal name",
                "manager name",
                "manager work email",
                "manager email address",
                "supervisor email",
                "reports to email",
            ),
            description="Their manager's person_id, email/UPN or name; blank (or NO_MGR) "
            "for the top of the tree.",
            example="001",
        ),
        Column(
            "tier",
            "choice",
            choices=TIERS,
            strict=True,
            aliases=("level", "seniority", "grade", "job level", "band"),
            description="C-suite, VP, Director, Manager or Staff; blank: from the tree's depth.",
            example="C-suite",
        ),
        Column(
            "hourly_cost",
            "number",
            aliases=("hourly rate", "cost per hour", "hourly cost", "rate"),
            description="Loaded cost of an hour of this person's time.",
            example="180",
            maximum=HOURLY_COST_MAX,
        ),
        Column(
            "followers",
            "number",
            aliases=("audience", "audience size", "follower count", "connections", "subscribers"),
            description="Audience size across their channels.",
            example="5400",
            maximum=AUDIENCE_MAX,
        ),
        Column(
            "email",
            "text",
            aliases=(
                "work email",
                "e-mail",
                "email address",
                "work email address",
                "mail",
                "upn",
                "userPrincipalName",
                "user principal name",
                "primary email",
                "business email",
                "employee email",
                "corporate email",
                "login email",
            ),
            description="Work email or UPN: activity and managers may name the person by it "
            "(case does not count).",
            example="ben.okafor@example.com",
        ),
    ),
    examples=(
        (
            "001",
            "Ada Byrne",
            "Chief Executive Officer",
            "Operations",
            "",
            "C-suite",
            300,
            12000,
            "ada.byrne@example.com",
        ),
        (
            "002",
            "Ben Okafor",
            "Chief Marketing Officer",
            "Marketing",
            "001",
            "C-suite",
            220,
            5400,
            "ben.okafor@example.com",
        ),
        (
            "003",
            "Dev Malhotra",
            "Chief Revenue Officer",
            "Sales",
            "001",
            "C-suite",
            220,
            3100,
            "dev.malhotra@example.com",
        ),
        (
            "004",
            "Elena Sousa",
            "Chief Customer Officer",
            "Customer Experience",
            "001",
            "C-suite",
            210,
            2800,
            "elena.sousa@example.com",
        ),
        (
            "017",
            "Chloe Reyes",
            "Marketing Specialist",
            "Marketing",
            "002",
            "Staff",
            55,
            640,
            "chloe.reyes@example.com",
        ),
    ),
)

ACTIVITY = Table(
    name="activity",
    description="One row per person, day, channel and action: what was done and what it got back.",
    required=True,
    sheet_aliases=(
        "activities",
        "posts",
        "social",
        "social activity",
        "engagement",
        "actions",
        "log",
        "content",
    ),
    columns=(
        Column(
            "date",
            "date",
            required=True,
            aliases=(
                "day",
                "post date",
                "posted",
                "published",
                "published date",
                "publish date",
                "created",
                "created at",
                "timestamp",
                "posted at",
                "activity date",
            ),
            description="Day of the activity.",
            example="2026-03-04",
        ),
        Column(
            "person_id",
            "id",
            aliases=(
                "employee id",
                "person",
                "author",
                "author id",
                "user",
                "user id",
                "email",
                "author email",
                "employee",
                "emp id",
                "staff id",
                "profile id",
            ),
            description="Who did it: a person_id, email/UPN or name of the people table "
            "(blank when the account column says whose it is).",
            example="002",
        ),
        Column(
            "channel",
            "text",
            required=True,
            aliases=("network", "platform", "social network", "site", "medium"),
            description="LinkedIn, X, Facebook, YouTube, Blog, Instagram, Internal, ...",
            example="LinkedIn",
        ),
        Column(
            "action",
            "choice",
            required=True,
            choices=ACTIONS,
            aliases=(
                "action type",
                "type",
                "activity",
                "activity type",
                "post type",
                "content type",
                "interaction",
                "format",
            ),
            description="post, video, blog, article, reply, comment, share, ...",
            example="post",
        ),
        Column(
            "purpose",
            "choice",
            choices=PURPOSES,
            aliases=("goal", "objective", "intent", "reason", "category"),
            description="marketing, employees, reputation, initiatives or customers.",
            example="customers",
        ),
        Column(
            "theme",
            "text",
            aliases=(
                "message pillar",
                "pillar",
                "topic",
                "campaign",
                "tag",
                "message",
                "content pillar",
            ),
            description="Message pillar, compared with the approved themes.",
            example="Customer first",
        ),
        Column(
            "count",
            "integer",
            default=1,
            aliases=("n", "number", "quantity", "actions", "posts", "total"),
            description="How many such actions (default 1).",
            example="1",
            maximum=COUNT_MAX,
        ),
        Column(
            "minutes",
            "number",
            aliases=("time spent", "minutes spent", "duration", "duration minutes", "time"),
            description="Minutes the whole row took; blank: the action's default minutes.",
            example="20",
            maximum=MINUTES_MAX,
        ),
        Column(
            "impressions",
            "number",
            default=0,
            aliases=("views", "reach", "impression", "video views", "plays"),
            description="Impressions of that row's content.",
            example="1800",
            maximum=AUDIENCE_MAX,
        ),
        Column(
            "reactions",
            "number",
            default=0,
            aliases=("likes", "reaction", "applause", "favorites", "favourites", "hearts"),
            description="Reactions received.",
            example="42",
            maximum=AUDIENCE_MAX,
        ),
        Column(
            "comments_received",
            "number",
            default=0,
            aliases=("comments", "replies received", "comment count", "comments count"),
            description="Comments received.",
            example="6",
            maximum=AUDIENCE_MAX,
        ),
        Column(
            "shares_received",
            "number",
            default=0,
            aliases=("shares", "reposts", "retweets", "reshares", "share count", "repost count"),
            description="Shares received.",
            example="3",
            maximum=AUDIENCE_MAX,
        ),
        Column(
            "clicks",
            "number",
            default=0,
            aliases=("link clicks", "click", "clicks total", "ctr clicks"),
            description="Clicks received.",
            example="25",
            maximum=AUDIENCE_MAX,
        ),
        # Several exports of one table (two creators' files) are concatenated: which file a
        # row came from, and the post's id or URL to drop a post two files both hold.
        Column(
            "source",
            "text",
            aliases=("source file", "export file"),
            description="The export file the row came from (filled in on import).",
            example="linkedin_ada.xlsx",
        ),
        Column(
            "post_id",
            "text",
            aliases=("post id", "tweet id", "content id"),
            description="The post's id in its tool; rows repeating one are dropped.",
            example="7165432",
        ),
        Column(
            "url",
            "text",
            aliases=("post url", "permalink", "link", "post link"),
            description="The post's address; rows repeating one are dropped.",
            example="https://www.linkedin.com/feed/update/urn:li:activity:7165432",
        ),
        Column(
            "account",
            "text",
            aliases=(
                "handle",
                "username",
                "user name",
                "screen name",
                "account name",
                "account handle",
                "profile",
                "profile name",
                "profile url",
                "page",
                "page name",
            ),
            description="The account posted from (handle, profile name or URL); the "
            "accounts table says whose it is.",
            example="@benokafor",
        ),
    ),
    examples=(
        (
            "2026-03-02",
            "002",
            "LinkedIn",
            "post",
            "marketing",
            "Customer first",
            1,
            20,
            1800,
            42,
            6,
            3,
            25,
        ),
        ("2026-03-02", "002", "LinkedIn", "reply", "customers", "", 4, 12, 0, 0, 0, 0, 0),
        ("2026-03-03", "017", "X", "share", "initiatives", "Innovation", 1, "", 300, 5, 0, 1, 2),
    ),
)

OUTCOMES = Table(
    name="outcomes",
    description="Business results in long format: one row per date, metric and attribution.",
    sheet_aliases=("outcome", "results", "kpis", "kpi", "business outcomes", "metrics"),
    columns=(
        Column(
            "date",
            "date",
            required=True,
            aliases=("day", "month", "period", "as of", "report date"),
            description="Day (or first day of the month) of the result.",
            example="2026-03-31",
        ),
        Column(
            "metric",
            "text",
            required=True,
            aliases=("kpi", "measure", "outcome", "indicator"),
            description="qualified_leads, brand_mentions, issues_resolved, ...",
            example="qualified_leads",
        ),
        Column(
            "value",
            "number",
            required=True,
            signed=True,
            aliases=("amount", "result", "total", "count"),
            description="The measured value.",
            example="12",
            maximum=AMOUNT_MAX,
        ),
        Column(
            "person_id",
            "id",
            aliases=("employee id", "person", "owner", "owner id", "attributed to"),
            description="Person the result is attributed to (optional).",
            example="002",
        ),
        Column(
            "department",
            "text",
            aliases=("dept", "team", "division", "business unit"),
            description="Department the result is attributed to (optional).",
            example="Marketing",
        ),
    ),
    examples=(
        ("2026-03-31", "qualified_leads", 12, "002", "Marketing"),
        ("2026-03-31", "issues_resolved", 85, "", "Customer Experience"),
        ("2026-03-31", "brand_mentions", 410, "", ""),
    ),
)

GOALS = Table(
    name="goals",
    description="The vision: what success looks like and by when.",
    sheet_aliases=("goal", "vision", "targets", "target", "objectives", "okrs"),
    columns=(
        Column(
            "metric",
            "text",
            required=True,
            aliases=("kpi", "measure", "goal", "objective"),
            description="A dictionary metric id or an outcomes metric.",
            example="qualified_leads",
        ),
        Column(
            "target",
            "number",
            required=True,
            signed=True,
            aliases=("goal value", "target value", "aim"),
            description="Value to reach by the end date.",
            example="600",
            maximum=AMOUNT_MAX,
        ),
        Column(
            "start",
            "date",
            required=True,
            aliases=("start date", "from", "begin", "begins"),
            description="First day of the goal's window.",
            example="2026-01-01",
        ),
        Column(
            "end",
            "date",
            required=True,
            aliases=("end date", "to", "until", "due", "due date", "deadline"),
            description="Last day of the goal's window.",
            example="2026-12-31",
        ),
        Column(
            "department",
            "text",
            aliases=("dept", "team", "division"),
            description="Limit the goal to a department (optional).",
            example="Sales",
        ),
        Column(
            "person_id",
            "id",
            aliases=("employee id", "person", "owner"),
            description="Limit the goal to a person (optional).",
            example="",
        ),
        Column(
            "direction",
            "choice",
            default="up",
            choices=DIRECTIONS,
            strict=True,
            aliases=("better", "better direction", "polarity"),
            description="up (more is better) or down (less is better).",
            example="up",
        ),
    ),
    examples=(
        ("qualified_leads", 600, "2026-01-01", "2026-12-31", "Sales", "", "up"),
        ("response_minutes", 30, "2026-01-01", "2026-12-31", "Customer Experience", "", "down"),
    ),
)

ACCOUNTS = Table(
    name="accounts",
    description="Social accounts and whose they are: a person's own, or a brand account run by "
    "a steward. Brand activity is shown for its account and steward, never in a "
    "person's own numbers.",
    sheet_aliases=("account", "handles", "profiles", "social accounts", "pages", "brand accounts"),
    columns=(
        Column(
            "channel",
            "text",
            required=True,
            aliases=("network", "platform", "social network", "site"),
            description="LinkedIn, X, Facebook, YouTube, ...",
            example="LinkedIn",
        ),
        Column(
            "account",
            "text",
            required=True,
            aliases=(
                "handle",
                "username",
                "user name",
                "screen name",
                "account name",
                "profile",
                "profile name",
                "profile url",
                "url",
                "page",
                "page name",
            ),
            description="Handle, profile name or profile URL.",
            example="linkedin.com/company/example",
        ),
        Column(
            "person_id",
            "id",
            aliases=("owner", "owner id", "employee id", "person", "email", "owner email"),
            description="Whose own account it is (person_id, email/UPN or name); blank for "
            "a brand account.",
            example="",
        ),
        Column(
            "kind",
            "choice",
            choices=ACCOUNT_KINDS,
            strict=True,
            aliases=("type", "account type", "account kind"),
            description="personal or brand; blank: brand when no person owns it.",
            example="brand",
        ),
        Column(
            "steward_id",
            "id",
            aliases=(
                "steward",
                "steward email",
                "managed by",
                "run by",
                "admin",
                "community manager",
                "account manager",
            ),
            description="Who runs a brand account (person_id, email/UPN or name).",
            example="017",
        ),
    ),
    examples=(
        ("LinkedIn", "linkedin.com/company/example", "", "brand", "017"),
        ("X", "@benokafor", "002", "personal", ""),
    ),
)

ASSUMPTIONS = Table(
    name="assumptions",
    description="Settings as key and value: unit values, costs, themes, thresholds.",
    sheet_aliases=("assumption", "settings", "config", "configuration", "parameters", "params"),
    columns=(
        Column(
            "key",
            "text",
            required=True,
            aliases=("setting", "name", "parameter"),
            description="Setting name, e.g. value_per.qualified_leads.",
            example="value_per.qualified_leads",
        ),
        Column(
            "value",
            "text",
            required=True,
            aliases=("setting value", "amount"),
            description="Its value.",
            example="250",
        ),
    ),
    examples=(
        ("value_per.qualified_leads", "250"),
        ("hourly_cost_default", "85"),
        ("approved_themes", "Customer first, Innovation, Our people"),
    ),
)

TABLES: dict[str, Table] = {
    t.name: t for t in (PEOPLE, ACTIVITY, OUTCOMES, GOALS, ACCOUNTS, ASSUMPTIONS)
}


def table_for_sheet(sheet_name: str) -> Table | None:
    """The table a sheet (or CSV file stem) is named after, or ``None``.

    >>> table_for_sheet("Social Activity").name
    'activity'
    """
    key = header_key(sheet_name)
    for table in TABLES.values():
        if key == header_key(table.name) or key in {header_key(a) for a in table.sheet_aliases}:
            return table
    return None


def canonical_choice(column: str, value: str) -> str | None:
    """The canonical spelling of an enumerated value, or ``None`` when it is unknown.

    >>> canonical_choice("tier", "c-suite")
    'C-suite'
    >>> canonical_choice("action", "Repost")
    'share'
    """
    return CHOICE_ALIASES[column].get(header_key(value))
