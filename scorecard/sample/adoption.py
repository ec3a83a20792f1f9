"""When each person of the sample company starts posting, and on which days they are active.

Adoption cascades down the reporting lines: a person whose manager has started follows, with
a department-specific probability, after a short lag; everyone else may start on their own at
a random day, or never. Marketing, Customer Experience and HR cascade well; Sales, Engineering
and Operations moderately; Finance hardly at all, and its chief never posts. Once started,
people stay active most months, more reliably while their manager is active that month.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

FIRST_DAY = date(2025, 11, 1)
LAST_DAY = date(2026, 10, 31)
DAYS = pd.date_range(FIRST_DAY, LAST_DAY, freq="D")
N_DAYS = len(DAYS)
MONTH_OF_DAY = ((DAYS.year - FIRST_DAY.year) * 12 + DAYS.month - FIRST_DAY.month).to_numpy()
N_MONTHS = int(MONTH_OF_DAY.max()) + 1
MONTH_START_DAY = np.searchsorted(MONTH_OF_DAY, np.arange(N_MONTHS))
#: Weekend days are a quarter as likely to be active as weekdays.
DAY_WEIGHT = np.where(DAYS.day_of_week.to_numpy() >= 5, 0.25, 1.0)
NEVER = -1

#: Probability of following one's manager (once the manager has started), per department.
FOLLOW = {
    "Marketing": 0.92,
    "Customer Experience": 0.9,
    "HR": 0.88,
    "Sales": 0.55,
    "Engineering": 0.5,
    "Operations": 0.5,
    "Finance": 0.03,
}
#: Probability of starting on one's own at a random day when not following.
INDEPENDENT = {
    "Marketing": 0.3,
    "Customer Experience": 0.3,
    "HR": 0.3,
    "Sales": 0.5,
    "Engineering": 0.45,
    "Operations": 0.45,
    "Finance": 0.25,
}
#: Month (0 = November 2025) in which each chief starts; the CFO never does.
CHIEF_START_MONTH = {
    "Marketing": 0,
    "Customer Experience": 0,
    "HR": 1,
    "Operations": 1,
    "Sales": 1,
    "Engineering": 2,
    "Finance": None,
}
#: Chance of being active in a weekday, per tier level (C-suite … Staff), before personal spread.
WEEKDAY_RATE = np.array([0.4, 0.4, 0.45, 0.52, 0.6])


def start_days(people: pd.DataFrame, rng: np.random.Generator) -> np.ndarray:
    """First active day (0 = 2025-11-01) per person, or ``NEVER``; managers decide first.

    ``people`` needs ``department``, ``tier_level`` and ``manager_pos`` (position of the
    manager, -1 for the CEO). Lags: 3 days plus a gamma(2, 12) number of days (mean 27).
    """
    n = len(people)
    department = people["department"].to_numpy(dtype=object)
    level = people["tier_level"].to_numpy()
    manager = people["manager_pos"].to_numpy()
    start = np.full(n, NEVER, dtype=np.int64)
    start[0] = rng.integers(2, 8)  # the CEO leads from the first week
    chiefs = np.flatnonzero((level == 0) & (manager == 0))
    for pos in chiefs:
        month = CHIEF_START_MONTH[department[pos]]
        if month is not None:
            start[pos] = MONTH_START_DAY[month] + rng.integers(0, 20)
    follow = np.array([FOLLOW[d] for d in department])
    independent = np.array([INDEPENDENT[d] for d in department])
    for tier in range(1, int(level.max()) + 1):  # five levels, each vectorised
        idx = np.flatnonzero(level == tier)
        boss_start = start[manager[idx]]
        u = rng.random(len(idx))
        follows = (boss_start != NEVER) & (u < follow[idx])
        lag = 3 + np.round(rng.gamma(2.0, 12.0, len(idx))).astype(np.int64)
        alone = ~follows & (rng.random(len(idx)) < independent[idx])
        own_day = rng.integers(0, N_DAYS, len(idx))
        chosen = np.where(follows, boss_start + lag, np.where(alone, own_day, NEVER))
        start[idx] = np.where(chosen >= N_DAYS, NEVER, chosen)
    return start


def active_months(people: pd.DataFrame, start: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Boolean person × month matrix: on from the start month, with some months off.

    A month after the start is on with probability 0.92 while the manager is on that month,
    and 0.92 − 0.6 × FOLLOW[department] while the manager is off (people who cascade also
    lapse with their manager).
    """
    n = len(people)
    level = people["tier_level"].to_numpy()
    manager = people["manager_pos"].to_numpy()
    follow = np.array([FOLLOW[d] for d in people["department"]])
    start_month = np.where(start == NEVER, N_MONTHS, MONTH_OF_DAY[np.clip(start, 0, N_DAYS - 1)])
    months = np.arange(N_MONTHS)
    on = np.zeros((n, N_MONTHS), dtype=bool)
    order = [np.flatnonzero(manager == -1)] + [
        np.flatnonzero((level == t) & (manager != -1)) for t in range(int(level.max()) + 1)
    ]
    for idx in order:  # top-down, so a manager's months exist before their reports'
        if not len(idx):
            continue
        boss_on = np.where((manager[idx] >= 0)[:, None], on[manager[idx]], True)
        p_on = np.where(boss_on, 0.92, 0.92 - 0.6 * follow[idx, None])
        started = months[None, :] >= start_month[idx, None]
        on[idx] = started & (rng.random((len(idx), N_MONTHS)) < p_on)
        on[idx, np.minimum(start_month[idx], N_MONTHS - 1)] |= start_month[idx] < N_MONTHS
    return on


def active_days(
    people: pd.DataFrame,
    start: np.ndarray,
    on: np.ndarray,
    rate: np.ndarray,
    rng: np.random.Generator,
) -> np.ndarray:
    """Boolean person × day matrix of active days.

    A day is active when its month is on, it is not before the start day, and a draw falls
    under ``rate`` (the person's weekday probability) × the day's weight (weekends 0.25).
    The start day itself is always active, so the first active day is exactly ``start``.
    """
    days = np.arange(N_DAYS)
    eligible = on[:, MONTH_OF_DAY] & (days[None, :] >= start[:, None]) & (start[:, None] >= 0)
    draw = rng.random(eligible.shape) < rate[:, None] * DAY_WEIGHT[None, :]
    active = eligible & draw
    starters = np.flatnonzero(start != NEVER)
    active[starters, start[starters]] = True
    return active


def weekday_rates(people: pd.DataFrame, heavy: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Each person's chance of being active on a weekday: tier rate × lognormal spread."""
    level = people["tier_level"].to_numpy()
    rate = WEEKDAY_RATE[level] * rng.lognormal(0.0, 0.35, len(people))
    return np.clip(np.where(heavy, 0.95, rate), 0.05, 0.95)
