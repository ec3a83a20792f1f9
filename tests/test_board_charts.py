"""Board charts are right from 1 to 20 rows: one band per goal, person or benchmark, labels
that never share a band, and a legend above the plot (checked through ``chart.to_dict()``)."""

from __future__ import annotations

import pandas as pd
import pytest

from scorecard.charts.board import (
    PRESENT,
    SLIDE,
    benchmarks_chart,
    leadership_scores_chart,
    row_step,
    vision_progress_chart,
)


def goals(n: int) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "goal": [f"Qualified leads ({i}), by Dec 2026" for i in range(n)],
            "progress": [0.1 * i for i in range(n)],
            "expected": [0.5] * n,
            "status": (["on track", "at risk"] * n)[:n],
        }
    )


def rows_of(spec: dict) -> tuple[list[str], int]:
    """The y categories in drawing order and the pixels each gets."""
    return spec["layer"][0]["encoding"]["y"]["sort"], spec["height"]["step"]


@pytest.mark.parametrize("n", [1, 2])
def test_vision_has_one_row_per_goal(n):
    spec = vision_progress_chart(goals(n)).to_dict()
    order, step = rows_of(spec)
    assert order == list(goals(n)["goal"])  # one band per goal, in the table's order
    assert step == 56  # SLIDE.step: 2 rows × 56 px fit the 560 px limit
    bars = spec["layer"][0]["mark"]
    assert bars["height"] == {"band": 0.6}  # a bar fills 60% of its own band, never the next
    assert spec["config"]["legend"]["orient"] == "top"


def test_twenty_goals_grow_the_chart_and_keep_a_readable_band():
    one, twenty = vision_progress_chart(goals(1)).to_dict(), vision_progress_chart(goals(20))
    _, step1 = rows_of(one)
    order, step20 = rows_of(twenty.to_dict())
    assert len(order) == 20
    # 1 goal: 1 × 56 = 56 px; 20 goals: 560 // 20 = 28 px each → 560 px in all
    assert (1 * step1, 20 * step20) == (56, 560)


def test_present_mode_fits_twenty_rows_in_its_third_of_the_screen():
    # PRESENT: 520 px at most; 520 // 20 = 26 px per row, above the 18 px floor
    assert row_step(20, PRESENT) == 26 and row_step(1, PRESENT) == 44
    assert row_step(100, PRESENT) == 18
    spec = vision_progress_chart(goals(20), PRESENT).to_dict()
    assert spec["width"] == PRESENT.width and spec["config"]["axis"]["labelLimit"] == 300


def test_leadership_chart_has_one_band_per_person():
    scores = pd.DataFrame({"name": [f"P{i}" for i in range(20)], "score": range(20)})
    spec = leadership_scores_chart(scores, top=10).to_dict()
    data = next(iter(spec["datasets"].values()))
    assert len(data) == 10 and spec["height"] == {"step": 56}  # 10 × 56 = 560


def test_benchmarks_chart_draws_shares_with_a_figure_of_ours_only():
    frame = pd.DataFrame(
        {
            "label": ["Multi-daily", "Social presence", "Employees' click-through", "Blogging"],
            "ours": [0.25, 1.0, 3.0, None],
            "benchmark": [0.40, 0.48, 2.0, 0.05],
            "unit": ["%", "%", "multiple", "%"],
            "year": [2010, 2019, 2016, 2010],
        }
    )
    spec = benchmarks_chart(frame, SLIDE).to_dict()
    data = next(iter(spec["datasets"].values()))
    assert {(d["label"], d["who"], d["share"]) for d in data} == {
        ("Multi-daily (2010)", "Ours", 0.25),
        ("Multi-daily (2010)", "Published figure", 0.40),
        ("Social presence (2019)", "Ours", 1.0),
        ("Social presence (2019)", "Published figure", 0.48),
    }
