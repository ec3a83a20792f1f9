"""Leadership score: pillars, re-normalised weights, targets from assumptions, explanations."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from scorecard.dataset import Dataset, Period
from scorecard.metrics import compute
from scorecard.score import explain
from tests.companies import WEEK, assumptions_frame, tiny

MARCH = Period(date(2026, 3, 1), date(2026, 3, 31))  # months = 1: presence target 12


def test_explain_reads_each_pillar_in_words():
    cards = compute(tiny(), WEEK, reach=pd.Series({"001": 0.5}))
    # Cy: presence 1 / (12 × 7/31 = 2.71) × 25 = 9.2 → "9 of 25"; dialogue 0 replies;
    # resonance 1 / 25 × 25 = 1; cascade left out; ROI (0 − 15) / 15 = −1 → 0
    assert explain(cards.pillars.loc["003"]) == (
        "presence 9 of 25: 1 active days against a target of 2.7; "
        "dialogue 0 of 25: replies are 0% of actions against a target of 30%; "
        "resonance 1 of 25: 1 engagements per post against a target of 25; "
        "cascade left out: nobody reports to them; "
        "outcomes 0 of 25: social ROI of -1.00 against a target of 1.00"
    )
    # Ben has Cy below him but no reach value: the pillar counts, at 0 of 20
    assert "cascade 0 of 20: no reach measured" in explain(cards.pillars.loc["002"])
    # Ada: 0.5 / 0.6 × 20 = 16.7
    assert "cascade 17 of 20: 50% of the people below active against a target of 60%" in explain(
        cards.pillars.loc["001"]
    )


def test_without_reach_the_cascade_pillar_is_left_out_for_everyone():
    cards = compute(tiny(), WEEK)
    assert cards.pillars["cascade_points"].isna().all()
    assert (cards.pillars["presence_max"] == 25).all()
    assert "cascade left out: no team reach was supplied" in explain(cards.pillars.loc["001"])


def test_points_add_up_to_the_score():
    cards = compute(tiny(), WEEK, reach=pd.Series({"001": 0.5, "002": 1.0}))
    points = cards.pillars.filter(like="_points").fillna(0).sum(axis=1)
    assert points.to_numpy() == pytest.approx(cards.people["leadership_score"].to_numpy())


def test_weights_and_targets_come_from_assumptions():
    extra = pd.DataFrame(
        {
            "key": [
                "score.weight.presence",
                "score.weight.dialogue",
                "score.weight.resonance",
                "score.weight.outcomes",
                "score.target.presence",
            ],
            "value": ["1", "0", "0", "0", "4"],
        }
    )
    ds = tiny()
    ds = Dataset.from_frames(
        people=ds.people,
        activity=ds.activity,
        outcomes=ds.outcomes,
        assumptions=pd.concat([assumptions_frame(), extra]),
    )
    cards = compute(ds, MARCH)
    # presence alone: Ada 4 active days in March (2, 3, 4, 9) vs 4 → 100; Ben 2 / 4 → 50;
    # Cy 1 / 4 → 25; Di 0. (No reach given, so cascade is out whatever its weight.)
    assert cards.people["leadership_score"].tolist() == pytest.approx([100, 50, 25, 0])
