"""Tiny test companies, every figure of which was computed by hand. Builders only, no tests:
test modules import from here (never from one another).

``tiny()``: four people over the week of Mon 2 to Sun 8 March 2026 (:data:`WEEK`: 7 days,
5 business days, months = 7/31); the metrics are worked out in tests/test_metrics.py.

Raw uploads for the ingest tests are in tests/uploads.py.

The seven-person org (``ORG_*``) of the cascade tests:

        Cora (CEO, Exec)
        ├── Vik (VP, Sales)      ── Sam, Sid (Staff, Sales)
        └── Val (VP, Support)    ── Sue, Stan (Staff, Support)

    Period 2026-01-01 .. 2026-03-31 (Jan, Feb, Mar); active threshold 1 action per month.
    Active months (J F M) and first active day:
        Cora 1 1 1  Jan 5      Vik 1 1 1  Jan 15     Val 0 0 1  Mar 20
        Sam  0 1 1  Feb 4      Sid 1 0 1  Jan 10     Sue 0 1 0  Feb 14    Stan 0 0 0  —
    Stan's only action (2025-12-20) is before the period; an unknown ID's row is ignored.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from scorecard.dataset import Dataset, Period

WEEK = Period(date(2026, 3, 2), date(2026, 3, 8))
NAN = np.nan


def people_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "person_id": ["001", "002", "003", "004"],
            "name": ["Ada", "Ben", "Cy", "Di"],
            "department": ["Ops", "Mkt", "Mkt", "Ops"],
            "manager_id": [None, "001", "002", "001"],
            # 002 and 003 take their tier from the tree: depth 1 → C-suite, depth 2 → VP.
            "tier": ["C-suite", None, None, "Staff"],
            "hourly_cost": [120, NAN, 60, NAN],
            "followers": [2000, NAN, 500, NAN],
        }
    )


def activity_frame() -> pd.DataFrame:
    rows = [
        # date, person, channel, action, purpose, theme, count, minutes, impr, react, comm, shr
        ("2026-03-02", "001", "LinkedIn", "post", "marketing", "Vision", 2, 40, 1000, 30, 6, 4),
        ("2026-03-02", "001", "LinkedIn", "reply", "customers", "", 6, NAN, 0, 0, 0, 0),
        ("2026-03-03", "001", "X", "post", "employees", "vision ", 1, 20, 0, 10, 2, 0),
        ("2026-03-04", "001", "X", "share", "marketing", None, 3, NAN, 0, 0, 0, 0),
        ("2026-03-03", "002", "Blog", "blog", "reputation", "Culture", 1, NAN, 0, 8, 4, 2),
        ("2026-03-05", "002", "LinkedIn", "comment", None, None, 2, 10, 0, 0, 0, 0),
        ("2026-03-09", "001", "LinkedIn", "post", "marketing", "Vision", 5, 50, 0, 0, 0, 0),
        ("2026-03-04", "003", "X", "post", "marketing", "Vision", 1, 15, 0, 1, 0, 0),
        ("2026-03-04", "999", "X", "post", "marketing", "Vision", 4, 15, 0, 0, 0, 0),
    ]
    cols = [
        "date",
        "person_id",
        "channel",
        "action",
        "purpose",
        "theme",
        "count",
        "minutes",
        "impressions",
        "reactions",
        "comments_received",
        "shares_received",
    ]
    return pd.DataFrame(rows, columns=cols)


def outcomes_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "date": ["2026-03-05", "2026-03-05", "2026-03-06", "2026-03-05", "2026-03-20"],
            "metric": [
                "qualified_leads",
                "qualified_leads",
                "brand_mentions",
                "qualified_leads",
                "qualified_leads",
            ],
            "value": [3, 2, 50, 10, 4],
            "person_id": ["001", None, None, None, "002"],
            "department": [None, "Mkt", None, None, None],
        }
    )


def assumptions_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "key": [
                "approved_themes",
                "hourly_cost_default",
                "minutes.blog",
                "value_per.qualified_leads",
            ],
            "value": ["Vision, Growth", "90", "60", "100"],
        }
    )


def tiny() -> Dataset:
    return Dataset.from_frames(
        people=people_frame(),
        activity=activity_frame(),
        outcomes=outcomes_frame(),
        assumptions=assumptions_frame(),
    )


ORG_PERIOD = Period(date(2026, 1, 1), date(2026, 3, 31))
ORG_PEOPLE = pd.DataFrame(
    {
        "person_id": ["01", "02", "03", "04", "05", "06", "07"],
        "name": ["Cora", "Vik", "Val", "Sam", "Sid", "Sue", "Stan"],
        "department": ["Exec", "Sales", "Support", "Sales", "Sales", "Support", "Support"],
        "manager_id": [None, "01", "01", "02", "02", "03", "03"],
        "tier": ["C-suite", "VP", "VP", "Staff", "Staff", "Staff", "Staff"],
    }
)
ORG_DAYS = {
    "01": ["2026-01-05", "2026-02-02", "2026-03-02"],
    "02": ["2026-01-15", "2026-02-10", "2026-03-03"],
    "03": ["2026-03-20"],
    "04": ["2026-02-04", "2026-03-05"],
    "05": ["2026-01-10", "2026-03-09"],
    "06": ["2026-02-14"],
    "07": ["2025-12-20"],
    "99": ["2026-01-02"],
}
ORG_ACTIVITY = pd.DataFrame(
    [
        {"date": d, "person_id": p, "channel": "LinkedIn", "action": "post"}
        for p, days in ORG_DAYS.items()
        for d in days
    ]
)


def ops_trio(extra_reply_on_31_march: int = 0) -> Dataset:
    """Ada (CEO) → Ben (VP) → Cy (staff), all in Ops. Activity, by calendar month of 2026:

    - January: Cy shares once (1 action);
    - February: Ada posts twice on 10 Feb (2 actions, 2 posts);
    - March: Ada posts once on 2 Mar and replies 3 times on 31 Mar; Ben replies once on
      10 Mar (5 actions, 4 of them replies).
    """
    people = pd.DataFrame(
        {
            "person_id": ["001", "002", "003"],
            "name": ["Ada Byrne", "Ben Okafor", "Cy Lee"],
            "title": ["Chief Executive", "VP Operations", "Analyst"],
            "department": ["Ops", "Ops", "Ops"],
            "manager_id": [None, "001", "002"],
            "tier": ["C-suite", "VP", "Staff"],
        }
    )
    activity = pd.DataFrame(
        {
            "date": pd.to_datetime(
                ["2026-01-15", "2026-02-10", "2026-03-02", "2026-03-31", "2026-03-10"]
            ),
            "person_id": ["003", "001", "001", "001", "002"],
            "channel": ["LinkedIn"] * 5,
            "action": ["share", "post", "post", "reply", "reply"],
            "count": [1, 2, 1, 3 + extra_reply_on_31_march, 1],
            "minutes": [2.0, 40.0, 20.0, 9.0, 3.0],
        }
    )
    return Dataset.from_frames(people=people, activity=activity)


JANUARY_2026 = Period(date(2026, 1, 1), date(2026, 1, 31))


def one_month_two_goals(
    with_december: bool = False, brand: tuple[str, str] | None = ("Acme Corp", "#AA3300")
) -> Dataset:
    """The board pack's one-month, two-goal company (:data:`JANUARY_2026`):

        Ada (CEO, Ops) ─┬─ Ben (VP, Sales) ─┬─ Cy (Staff, Sales)
                        │                   └─ Di (Staff, Sales)
    Ops is Ada alone: no reporting line inside it, so no cascade figure.

    January: Ada 3 LinkedIn posts (5 Jan), Ben 1 blog (6 Jan), Cy 2 replies (12 Jan), Di 1 share
    (20 Jan): 7 actions, 4 posts (3 + the blog), 4 of 4 people active (100.0%).
    ``with_december``: Ada 2 posts (10 Dec) and Ben 3 comments (11 Dec) in December 2025:
    5 actions, 2 posts, 3 replies, 2 of 4 active (50.0%).

    Goals over January, measured up to the data's last day (20 Jan: elapsed 20/31):
    - actions of Sales, target 20: expected 20 × 20/31 = 12.9 ("13"); actual 1 + 2 + 1 = 4,
      below 80% of 12.9 = 10.3 → off track;
    - posts of the company, target 2: expected 2 × 20/31 = 1.29; actual 4 → on track.
    ``brand``: assumptions company_name and brand_color (``None``: neither is set).
    """
    people = pd.DataFrame(
        {
            "person_id": ["001", "002", "003", "004"],
            "name": ["Ada", "Ben", "Cy", "Di"],
            "title": ["CEO", "VP Sales", "Rep", "Rep"],
            "department": ["Ops", "Sales", "Sales", "Sales"],
            "manager_id": [None, "001", "002", "002"],
            "tier": ["C-suite", "VP", "Staff", "Staff"],
        }
    )
    rows = [
        ("2026-01-05", "001", "LinkedIn", "post", 3),
        ("2026-01-06", "002", "Blog", "blog", 1),
        ("2026-01-12", "003", "X", "reply", 2),
        ("2026-01-20", "004", "X", "share", 1),
    ]
    if with_december:
        rows += [
            ("2025-12-10", "001", "LinkedIn", "post", 2),
            ("2025-12-11", "002", "LinkedIn", "comment", 3),
        ]
    activity = pd.DataFrame(rows, columns=["date", "person_id", "channel", "action", "count"])
    activity["date"] = pd.to_datetime(activity["date"])
    goals = pd.DataFrame(
        {
            "metric": ["actions", "posts"],
            "target": [20, 2],
            "start": ["2026-01-01"] * 2,
            "end": ["2026-01-31"] * 2,
            "department": ["Sales", None],
        }
    )
    frames = {"people": people, "activity": activity, "goals": goals}
    if brand is not None:
        frames["assumptions"] = pd.DataFrame(
            {"key": ["company_name", "brand_color"], "value": list(brand)}
        )
    return Dataset.from_frames(**frames)


# -- For the exports: a CEO in Ops over a Sales VP and two Sales staff; hostile cells --------


JANUARY = Period(date(2026, 1, 1), date(2026, 1, 31))


INJECTIONS = ("=cmd|' /C calc'!A0", "+1", "-1", "@SUM(A1:A2)", "\tTab", "\rCR", "\nLF")


def sales_four(
    names: tuple[str, str, str, str] = ("Ada", "Ben", "Cy", "Di"), sales: str = "Sales"
) -> Dataset:
    """CEO 001 (Ops) → VP 002 (Sales) → staff 003, 004 (Sales); seven actions in January."""
    people = pd.DataFrame(
        {
            "person_id": ["001", "002", "003", "004"],
            "name": list(names),
            "title": ["CEO", "VP Sales", "Rep", "Rep"],
            "department": ["Ops", sales, sales, sales],
            "manager_id": [None, "001", "002", "002"],
            "tier": ["C-suite", "VP", "Staff", "Staff"],
        }
    )
    activity = pd.DataFrame(
        {
            "date": ["2026-01-05", "2026-01-06", "2026-01-12", "2026-01-20"],
            "person_id": ["001", "002", "003", "004"],
            "channel": ["LinkedIn", "Blog", "X", "X"],
            "action": ["post", "blog", "reply", "share"],
            "count": [3, 1, 2, 1],
            "theme": ['=HYPERLINK("x")', "Innovation", "+1", "@x"],
            "purpose": ["marketing", "customers", "customers", "employees"],
            "reactions": [30, 10, 0, 0],
        }
    )
    goals = pd.DataFrame(
        {
            "metric": ["actions"],
            "target": [20],
            "start": ["2026-01-01"],
            "end": ["2026-01-31"],
            "department": [sales],
        }
    )
    return Dataset.from_frames(people=people, activity=activity, goals=goals)


def two_departments() -> Dataset:
    """Ada (Ops, C-suite) → Ben (Sales, VP) → Cy (Sales, staff); Di (Ops, staff) under Ada; each
    with a work email. March 2026: Ada posts 4 times (5 points each: 20), Ben posts 2 (10), Cy
    replies 5 (2 each: 10), Di posts 6 (30). Everyone reaches bonus.min_points 10; the pool of
    700 is shared over 70 points: Ada 200, Ben 100, Cy 100, Di 300. Goals: company posts 10,
    Ops posts 5, Cy's own posts 3."""
    import pandas as pd

    from scorecard.dataset import Dataset

    people = pd.DataFrame(
        {
            "person_id": ["001", "002", "003", "004"],
            "name": ["Ada Byrne", "Ben Okafor", "Cy Lee", "Di Park"],
            "title": ["Chief Executive", "VP Sales", "Account Manager", "Analyst"],
            "department": ["Ops", "Sales", "Sales", "Ops"],
            "manager_id": [None, "001", "002", "001"],
            "tier": ["C-suite", "VP", "Staff", "Staff"],
            "email": ["ada@example.com", "ben@example.com", "CY@example.com", "di@example.com"],
        }
    )
    activity = pd.DataFrame(
        {
            "date": pd.to_datetime(["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05"]),
            "person_id": ["001", "002", "003", "004"],
            "channel": ["LinkedIn"] * 4,
            "action": ["post", "post", "reply", "post"],
            "count": [4, 2, 5, 6],
        }
    )
    goals = pd.DataFrame(
        {
            "metric": ["posts", "posts", "posts"],
            "target": [10.0, 5.0, 3.0],
            "start": pd.to_datetime(["2026-01-01"] * 3),
            "end": pd.to_datetime(["2026-12-31"] * 3),
            "department": [None, "Ops", None],
            "person_id": [None, None, "003"],
        }
    )
    assumptions = pd.DataFrame({"key": ["bonus.pool", "bonus.min_points"], "value": ["700", "10"]})
    return Dataset.from_frames(
        people=people, activity=activity, goals=goals, assumptions=assumptions
    )


#: The roles file of the two-department company's sign-in tests (AppTest and browser).
ROLES_TOML = """
contact = "Dana Admin (dana@corp.example)"

[[grant]]
email = "dana@corp.example"
role = "admin"

[[grant]]
claim = "groups"
value = "marketing"
role = "marketer"

[[grant]]
email = "ben@example.com"
role = "executive"
departments = ["Sales"]

[[grant]]
domain = "board.example"
role = "board"
"""
