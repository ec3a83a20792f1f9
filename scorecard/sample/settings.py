"""The sample company's vision (goals) and assumptions: fixed tables, no randomness."""

from __future__ import annotations

import pandas as pd

from scorecard.sample.adoption import N_MONTHS

GOALS = pd.DataFrame(
    [
        ("qualified_leads", 1800, "2026-01-01", "2026-12-31", "Sales", None, "up"),
        ("qualified_leads", 750, "2026-01-01", "2026-12-31", "Marketing", None, "up"),
        ("response_minutes", 45, "2026-01-01", "2026-12-31", "Customer Experience", None, "down"),
        ("referral_hires", 160, "2026-01-01", "2026-12-31", "HR", None, "up"),
        ("dialogue_ratio", 0.3, "2026-01-01", "2026-12-31", None, None, "up"),
        ("on_message", 0.8, "2026-01-01", "2026-12-31", None, None, "up"),
        ("leadership_score", 70, "2026-04-01", "2026-12-31", None, None, "up"),
    ],
    columns=["metric", "target", "start", "end", "department", "person_id", "direction"],
)

ASSUMPTIONS = pd.DataFrame(
    [
        ("value_per.qualified_leads", "250"),
        ("value_per.referral_hires", "4000"),
        ("value_per.issues_resolved", "15"),
        ("value_per.minutes_saved", "1.5"),
        ("value_per.positive_mentions", "5"),
        ("hourly_cost_default", "85"),
        ("currency", "$"),
        ("approved_themes", "Customer first, Innovation, Our people, Sustainability"),
        ("active_threshold", "1"),
        ("aggregate.response_minutes", "mean"),
        ("minutes.post", "20"),
        ("minutes.video", "45"),
        ("minutes.reply", "3"),
        ("minutes.comment", "3"),
        ("bonus.pool", "25000"),
        ("bonus.min_points", "20"),
        ("bonus.cap_per_month", "250"),
        ("bonus.points.post", "5"),
        ("bonus.points.video", "8"),
        ("bonus.points.reply", "2"),
        ("bonus.points.comment", "2"),
        ("bonus.points.share", "1"),
    ],
    columns=["key", "value"],
)

assert N_MONTHS == 12  # the goal targets above are sized for a year of activity
