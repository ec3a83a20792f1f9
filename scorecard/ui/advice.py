"""What to do next, in plain words, from the weakest pillar of a leadership score. Pure."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from scorecard.assumptions import PILLARS

ADVICE: dict[str, str] = {
    "presence": "Show up more often: a few minutes on most working days beats one long "
    "session a month. A short reply counts as an active day.",
    "dialogue": "Talk with people, not at them: answer the comments on your posts and reply "
    "to your team's posts before writing new ones.",
    "resonance": "Post what people answer: ask a question, tell a customer or team story, "
    "use video. Engagements per post is what this pillar measures.",
    "cascade": "Bring your team along: invite the people below you who have not started yet "
    "and share their first posts.",
    "outcomes": "Connect social to results: link posts to offers and recruiting, and record "
    "the leads, hires and resolved issues they bring in the outcomes sheet.",
}


def weakest_pillar(row: pd.Series) -> str | None:
    """The pillar in play with the smallest share of its points (``{p}_points / {p}_max``
    of a :func:`scorecard.score.score_table` row); ties go to the earlier pillar; ``None``
    when every pillar is out of play or full."""
    best: tuple[float, str] | None = None
    for pillar in PILLARS:
        points, top = row.get(f"{pillar}_points"), row.get(f"{pillar}_max")
        if points is None or top is None or pd.isna(points) or pd.isna(top) or top <= 0:
            continue
        share = float(points) / float(top)
        if share < 1 and (best is None or share < best[0]):
            best = (share, pillar)
    return None if best is None else best[1]


def next_step(row: pd.Series, not_started: Sequence[str] = ()) -> str:
    """One or two sentences: the weakest pillar and what to do about it.

    ``not_started``: names of direct reports not yet active, named in the cascade advice.
    """
    pillar = weakest_pillar(row)
    if pillar is None:
        return "Every pillar is at its target: keep the rhythm and help a peer start."
    text = f"Weakest pillar: {pillar}. {ADVICE[pillar]}"
    if pillar == "cascade" and not_started:
        names = ", ".join(list(not_started)[:5])
        more = len(not_started) - 5
        text += f" Not started yet: {names}" + (f" and {more} more." if more > 0 else ".")
    return text
