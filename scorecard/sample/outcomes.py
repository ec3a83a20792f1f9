"""The sample company's monthly outcomes, in long format, driven by its activity.

Each month-end row responds to what people did that month: qualified leads per Sales and
Marketing person rise with their actions; brand mentions with the company's original posts;
issues resolved rise and response minutes fall as Customer Experience talks with customers;
minutes saved come from CX videos (the clinic chief's videos that shortened appointments);
referral hires from posts for employees.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from scorecard.sample.adoption import DAYS, FIRST_DAY, MONTH_OF_DAY, N_MONTHS

MONTH_ENDS = pd.DatetimeIndex([DAYS[MONTH_OF_DAY == m][-1] for m in range(N_MONTHS)])
#: Leads a person brings without social activity, per tier level (C-suite … Staff).
BASE_LEADS = {
    "Sales": np.array([2.0, 1.5, 1.2, 1.0, 0.8]),
    "Marketing": np.array([1.0, 0.8, 0.6, 0.4, 0.3]),
}
LEADS_PER_ACTION = {"Sales": 0.05, "Marketing": 0.03}
#: Minutes of appointment time saved per view of a CX how-to video.
MINUTES_PER_VIEW = 0.08


def monthly(
    activity: pd.DataFrame,
    people: pd.DataFrame,
    mask: pd.Series | None = None,
    value: str = "count",
) -> np.ndarray:
    """Person × month matrix of ``value`` summed over the ``mask``-ed activity rows."""
    rows = activity if mask is None else activity[mask.to_numpy()]
    person = pd.Index(people["person_id"]).get_indexer(rows["person_id"])
    month = (
        (rows["date"].dt.year - FIRST_DAY.year) * 12 + rows["date"].dt.month - FIRST_DAY.month
    ).to_numpy()
    out = np.zeros((len(people), N_MONTHS))
    np.add.at(out, (person, month), rows[value].to_numpy(dtype="float64"))
    return out


def _rows(
    metric: str,
    values: np.ndarray,
    months: np.ndarray,
    person_id: object = None,
    department: object = None,
) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "date": MONTH_ENDS[months],
            "metric": metric,
            "value": values,
            "person_id": person_id,
            "department": department,
        }
    )


def build_outcomes(
    people: pd.DataFrame, activity: pd.DataFrame, rng: np.random.Generator
) -> pd.DataFrame:
    """The outcomes table: one row per month and metric (and person, for attributed ones)."""
    months = np.arange(N_MONTHS)
    dept = people["department"].to_numpy(dtype=object)
    level = people["tier_level"].to_numpy()
    actions = monthly(activity, people)
    action = activity["action"]
    posts = monthly(activity, people, action.isin(["post", "video", "blog", "article"]))
    dialogue = monthly(activity, people, action.isin(["reply", "comment"]))
    for_employees = monthly(activity, people, activity["purpose"] == "employees")
    video_views = monthly(activity, people, action == "video", "impressions")
    frames = []

    for department in ("Sales", "Marketing"):
        idx = np.flatnonzero(dept == department)
        mean = (
            BASE_LEADS[department][level[idx], None] + LEADS_PER_ACTION[department] * actions[idx]
        )
        leads = rng.poisson(mean)
        frames.append(
            _rows(
                "qualified_leads",
                leads.ravel(),
                np.tile(months, len(idx)),
                np.repeat(people["person_id"].to_numpy()[idx], N_MONTHS),
                department,
            )
        )

    company_posts = posts.sum(axis=0)
    mentions = rng.poisson(600 + 0.5 * company_posts)
    company_dialogue = dialogue.sum(axis=0)
    positive_share = 0.35 + 0.15 * company_dialogue / max(company_dialogue.max(), 1.0)
    positive = rng.binomial(mentions, positive_share)
    cx = dept == "Customer Experience"
    cx_dialogue = dialogue[cx].sum(axis=0)
    negative_share = np.clip(0.14 - 0.08 * cx_dialogue / max(cx_dialogue.max(), 1.0), 0.03, 1)
    negative = rng.binomial(mentions - positive, negative_share / (1 - positive_share))
    frames += [
        _rows("brand_mentions", mentions, months),
        _rows("positive_mentions", positive, months),
        _rows("negative_mentions", negative, months),
    ]

    resolved = rng.poisson(1400 + 0.6 * cx_dialogue)
    # about 93 minutes before CX talks on social, about 41 at its busiest month
    busy = cx_dialogue / max(cx_dialogue.max(), 1.0)
    response = np.round(38 + 55 * np.exp(-3 * busy) + rng.normal(0, 2, N_MONTHS), 1)
    frames += [
        _rows("issues_resolved", resolved, months, department="Customer Experience"),
        _rows("response_minutes", response, months, department="Customer Experience"),
    ]

    cx_idx = np.flatnonzero(cx)
    views = video_views[cx_idx]
    saved = np.round(views * MINUTES_PER_VIEW * rng.lognormal(0, 0.2, views.shape))
    who, when = np.nonzero(views > 0)
    frames.append(
        _rows(
            "minutes_saved",
            saved[who, when],
            when,
            people["person_id"].to_numpy()[cx_idx][who],
            "Customer Experience",
        )
    )

    hires = rng.poisson(0.6 + for_employees.sum(axis=0) / 120)
    frames.append(_rows("referral_hires", hires, months, department="HR"))
    return pd.concat(frames, ignore_index=True).sort_values(
        ["date", "metric"], kind="stable", ignore_index=True
    )
