"""The sample company: about 400 people in 7 departments and a year of social activity.

Deterministic for a seed (``numpy.random.default_rng``). Adoption cascades along reporting
lines (Marketing, Customer Experience and HR well; Sales, Engineering and Operations
moderately; Finance hardly, and the CFO never posts), weekdays are about four times as busy as
weekends, and outcomes respond to the activity. ``python -m scorecard sample OUT.xlsx`` writes it.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from scorecard.dataset import Dataset
from scorecard.sample.activity import describe_rows, draw_rows
from scorecard.sample.adoption import active_days, active_months, start_days, weekday_rates
from scorecard.sample.org import build_people
from scorecard.sample.outcomes import build_outcomes
from scorecard.sample.settings import ASSUMPTIONS, GOALS
from scorecard.workbook import write_workbook

__all__ = ["generate", "write_sample"]

#: Extra channel/action draws per active day (Poisson mean) per tier level, C-suite … Staff.
ROWS_PER_DAY = np.array([1.3, 1.3, 1.7, 1.8, 2.0])
#: Share of C-suite and VPs who are on social several times a day (the 40% benchmark).
HEAVY_SHARE = 0.35


def generate(seed: int = 7) -> Dataset:
    """The sample company as a :class:`Dataset`; the same seed gives identical tables."""
    rng = np.random.default_rng(seed)
    people = build_people(rng)
    level = people["tier_level"].to_numpy()
    executive = level <= 1
    heavy = executive & (rng.random(len(people)) < HEAVY_SHARE)
    heavy[0] = True  # the CEO sets the pace
    bloggers = np.zeros(len(people), dtype=bool)
    titles = people["title"]
    bloggers[
        titles.isin(
            ["Chief Executive Officer", "Chief Marketing Officer", "Chief Technology Officer"]
        ).to_numpy()
    ] = True
    bloggers[rng.choice(np.flatnonzero(level == 1), size=2, replace=False)] = True

    start = start_days(people, rng)
    on = active_months(people, start, rng)
    days = active_days(people, start, on, weekday_rates(people, heavy, rng), rng)
    rows_per_day = ROWS_PER_DAY[level] * np.where(heavy, 2.5, 1.0)
    activity = describe_rows(people, draw_rows(people, days, rows_per_day, bloggers, rng), rng)
    outcomes = build_outcomes(people, activity, rng)
    return Dataset.from_frames(
        people=people, activity=activity, outcomes=outcomes, goals=GOALS, assumptions=ASSUMPTIONS
    )


def write_sample(path: str | Path, seed: int = 7) -> None:
    """Write the sample company workbook (one sheet per table) to ``path``."""
    write_workbook(generate(seed), path)
