"""Ranks people read on their cards, by rules that keep them honest.

- only people with a value are ranked, and "of N" counts only them;
- ties share a rank, marked "=": two people first of nine are both "=1st of 9";
- no rank where everyone ranked has the same value (a rank would rank nothing);
- no rank for a figure that means nothing for one person (:func:`ranks_people`): the headcount,
  and the yes/no shares (a person's active share is 1 or 0);
- under a filter, a rank says what it is of ("3rd of 12 in Sales"): :func:`scope_words`.
"""

from __future__ import annotations

import pandas as pd

from scorecard.dataset import Filters
from scorecard.dictionary import MetricDef


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 102nd.

    >>> [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 102)]
    ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '102nd']
    """
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def ranks_people(definition: MetricDef) -> bool:
    """Whether ranking people on the metric means anything: not the headcount (one each) nor a
    yes/no share (``aggregation == "share"``: a person's value is 1 or 0)."""
    return definition.id != "headcount" and definition.aggregation != "share"


def rank_texts(values: pd.Series, direction: str, scope: str = "") -> pd.Series:
    """Rank text per row of ``values``, best first by ``direction`` ("up": higher is better).

    "2nd of 9", "=2nd of 9" for a tie, followed by ``scope`` (e.g. " in Sales"); "" (no rank)
    for a missing value, and for everyone when all values present are equal. ``values`` is
    not changed.

    >>> rank_texts(pd.Series([3.0, 5.0, 5.0, None]), "up").tolist()
    ['3rd of 3', '=1st of 3', '=1st of 3', '']
    >>> rank_texts(pd.Series([0.0, 0.0]), "up").tolist()
    ['', '']
    >>> rank_texts(pd.Series([1.0, 2.0]), "down", " in Sales").tolist()
    ['1st of 2 in Sales', '2nd of 2 in Sales']
    """
    numbers = pd.to_numeric(values, errors="coerce").astype("float64")
    present = numbers.dropna()
    out = pd.Series("", index=values.index, dtype="str")
    if present.nunique() < 2:
        return out
    rank = present.rank(ascending=direction != "up", method="min").astype("int64")
    tied = rank.duplicated(keep=False)
    of = len(present)
    out.loc[present.index] = [
        ("=" if t else "") + f"{ordinal(r)} of {of}{scope}" for r, t in zip(rank, tied, strict=True)
    ]
    return out


def scope_words(filters: Filters) -> str:
    """What a rank or share under ``filters`` is of: " in Sales", " among C-suite and VP in
    Sales or Ops"; "" without a filter. Channels narrow the activity counted, not the people
    ranked, so they are not named here.

    >>> scope_words(Filters(departments=("Sales",)))
    ' in Sales'
    >>> scope_words(Filters(departments=("Sales", "Ops"), tiers=("C-suite", "VP")))
    ' among C-suite and VP in Sales or Ops'
    >>> scope_words(Filters())
    ''
    """
    words = ""
    if filters.tiers:
        words += " among " + " and ".join(filters.tiers)
    if filters.departments:
        words += " in " + " or ".join(filters.departments)
    return words
