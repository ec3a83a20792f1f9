"""Ratios after: every dictionary metric of :func:`scorecard.metrics.compute` from a frame of sums.

The same function serves a person, a department and the company, which is what makes a
department's dialogue ratio its replies over its actions and never a mean of people's ratios.
A zero denominator gives NaN, never 0 or infinity.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def ratio(numerator: pd.Series, denominator: pd.Series) -> pd.Series:
    """``numerator / denominator`` elementwise; NaN where the denominator is 0 or missing."""
    den = denominator.astype("float64")
    return numerator.astype("float64").div(den.where(den != 0))


def metrics_from_sums(
    sums: pd.DataFrame, extras: pd.DataFrame, themes_approved: bool
) -> pd.DataFrame:
    """Dictionary metrics (all but leadership_score) from sums (:func:`.sums.person_sums` or a
    group's sums) and extras (channels, voice_consistency) on the same index.

    Shares of people (active_share, multi_daily, blogging, mostly_marketing) divide yes-counts
    by the people for whom the answer is known; for one person they read 1 or 0 (or NaN).
    ``on_message`` is NaN for everyone when no approved themes are set: nothing can be judged.
    """
    s = sums
    engagements = s["reactions"] + s["comments_received"] + s["shares_received"]
    missing = pd.Series(np.nan, index=s.index)
    # Built as one dict and one frame: inserting ~30 columns one by one costs more than the maths.
    columns = {
        "headcount": s["headcount"],
        "time_cost": s["time_cost"],
        **{col: s[col] for col in ("actions", "posts", "replies", "shares", "active_days")},
        "channels": extras["channels"],
        "active_share": ratio(s["active_yes"], s["headcount"]),
        "multi_daily": ratio(s["md_yes"], s["md_known"]),
        "blogging": ratio(s["blog_yes"], s["headcount"]),
        "dialogue_ratio": ratio(s["replies"], s["actions"]),
        "beyond_marketing": ratio(s["purposed"] - s["marketing"], s["purposed"]),
        "mostly_marketing": ratio(s["mm_yes"], s["mm_known"]),
        "on_message": (
            ratio(s["approved_posts"], s["themed_posts"]) if themes_approved else missing
        ),
        "voice_consistency": extras["voice_consistency"],
        **{
            col: s[col]
            for col in (
                "impressions",
                "reactions",
                "comments_received",
                "shares_received",
                "clicks",
            )
        },
        "engagement_rate": ratio(engagements, s["posts"]),
        "conversation_rate": ratio(s["comments_received"], s["posts"]),
        "amplification_rate": ratio(s["shares_received"], s["posts"]),
        "applause_rate": ratio(s["reactions"], s["posts"]),
        "conversation_rate_per_1k": ratio(s["fw_comments_received"], s["fw_posts"]),
        "amplification_rate_per_1k": ratio(s["fw_shares_received"], s["fw_posts"]),
        "applause_rate_per_1k": ratio(s["fw_reactions"], s["fw_posts"]),
        "economic_value": s["economic_value"],
        "social_roi": ratio(s["economic_value"] - s["time_cost"], s["time_cost"]),
    }
    return pd.DataFrame(columns, index=s.index)
