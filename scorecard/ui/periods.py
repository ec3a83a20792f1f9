"""The sidebar's period choices, resolved against the dataset's last activity day (never today).

A dataset uploaded in May about March must still open on March, so every relative choice counts
back from the last day that has activity. Each choice also names its comparison period, "the same
stretch of the period before", used for the deltas on the Overview. Pure: no Streamlit here.
"""

from __future__ import annotations

from datetime import date, timedelta

from scorecard.dataset import Period

LAST_MONTH = "Last month"
LAST_QUARTER = "Last quarter"
YEAR_TO_DATE = "Year to date"
CUSTOM = "Custom"
CHOICES: tuple[str, ...] = (LAST_MONTH, LAST_QUARTER, YEAR_TO_DATE, CUSTOM)


def shift_months(day: date, months: int) -> date:
    """The first day of the month ``months`` away from ``day``'s month."""
    index = day.year * 12 + (day.month - 1) + months
    return date(index // 12, index % 12 + 1, 1)


def _quarter_start(day: date) -> date:
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def resolve(choice: str, last_day: date, custom: tuple[date, date] | None = None) -> Period:
    """The period a choice means, ending on ``last_day`` (the last activity day).

    - Last month: the calendar month holding ``last_day``, up to ``last_day``
      (a dataset ending on 2026-03-31 gives 2026-03-01 to 2026-03-31).
    - Last quarter: the calendar quarter holding ``last_day``, up to ``last_day``.
    - Year to date: 1 January of ``last_day``'s year up to ``last_day``.
    - Custom: ``custom`` as given; without one, the last month.
    """
    if choice == CUSTOM and custom is not None:
        start, end = sorted(custom)
        return Period(start, end)
    if choice == LAST_QUARTER:
        return Period(_quarter_start(last_day), last_day)
    if choice == YEAR_TO_DATE:
        return Period(date(last_day.year, 1, 1), last_day)
    return Period(last_day.replace(day=1), last_day)


def previous(choice: str, period: Period) -> Period:
    """The comparison period: the same stretch of the month, quarter or year before.

    A calendar choice compares with the preceding month (quarter, year) from its first day, for
    as many days as ``period`` has, cut at that month's (quarter's, year's) end: 1-31 March
    compares with 1-28 February; 1-15 March with 1-15 February. Custom periods compare with the
    equally long run of days just before (:meth:`Period.previous`).
    """
    if choice == CUSTOM:
        return period.previous()
    months = {LAST_MONTH: 1, LAST_QUARTER: 3, YEAR_TO_DATE: 12}.get(choice, 1)
    start = shift_months(period.start, -months)
    block_end = period.start - timedelta(days=1)
    end = min(start + timedelta(days=period.days - 1), block_end)
    return Period(start, end)
