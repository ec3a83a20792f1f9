"""A tiny company whose every metric was computed by hand (see tests/test_metrics.py).

Week of Mon 2 to Sun 8 March 2026: 7 days, 5 business days, months = 7/31.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from scorecard.dataset import Dataset, Period

WEEK = Period(date(2026, 3, 2), date(2026, 3, 8))
NAN = np.nan


def people_frame() -> pd.DataFrame:
    return pd.DataFrame({
        "person_id": ["001", "002", "003", "004"],
        "name": ["Ada", "Ben", "Cy", "Di"],
        "department": ["Ops", "Mkt", "Mkt", "Ops"],
        "manager_id": [None, "001", "002", "001"],
        # 002 and 003 take their tier from the tree: depth 1 → C-suite, depth 2 → VP.
        "tier": ["C-suite", None, None, "Staff"],
        "hourly_cost": [120, NAN, 60, NAN],
        "followers": [2000, NAN, 500, NAN],
    })


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
    cols = ["date", "person_id", "channel", "action", "purpose", "theme", "count", "minutes",
            "impressions", "reactions", "comments_received", "shares_received"]
    return pd.DataFrame(rows, columns=cols)


def outcomes_frame() -> pd.DataFrame:
    return pd.DataFrame({
        "date": ["2026-03-05", "2026-03-05", "2026-03-06", "2026-03-05", "2026-03-20"],
        "metric": ["qualified_leads", "qualified_leads", "brand_mentions", "qualified_leads",
                   "qualified_leads"],
        "value": [3, 2, 50, 10, 4],
        "person_id": ["001", None, None, None, "002"],
        "department": [None, "Mkt", None, None, None],
    })


def assumptions_frame() -> pd.DataFrame:
    return pd.DataFrame({
        "key": ["approved_themes", "hourly_cost_default", "minutes.blog",
                "value_per.qualified_leads"],
        "value": ["Vision, Growth", "90", "60", "100"],
    })


def tiny() -> Dataset:
    return Dataset.from_frames(people=people_frame(), activity=activity_frame(),
                               outcomes=outcomes_frame(), assumptions=assumptions_frame())
