"""Chart images offline, the board charts' specs, and the text guard's edge cases."""

from __future__ import annotations

import altair as alt
import pandas as pd
import pytest
from openpyxl import Workbook

from scorecard.charts.board import (
    OKABE_ITO,
    benchmarks_chart,
    leadership_scores_chart,
    vision_progress_chart,
)
from scorecard.export import chart_png, chart_svg
from scorecard.export.images import chart_png_at_width, png_size, svg_width
from scorecard.export.safe_text import clean_text, write_number, write_text
from scorecard.formatting import excel_format
from scorecard.formatting import number as display


def small_chart() -> alt.Chart:
    frame = pd.DataFrame({"x": ["a", "b"], "y": [1, 2]})
    return alt.Chart(frame).mark_bar().encode(x="x:N", y="y:Q").properties(width=200, height=100)


def test_png_scale_doubles_the_svg_size() -> None:
    chart = small_chart()
    width = svg_width(chart_svg(chart))
    w1, h1 = png_size(chart_png(chart, scale=1))
    w2, h2 = png_size(chart_png(chart, scale=2))
    assert w1 == pytest.approx(width, abs=1)
    assert (w2, h2) == pytest.approx((2 * w1, 2 * h1), abs=2)


def test_projector_png_is_1600_pixels_wide() -> None:
    assert png_size(chart_png_at_width(small_chart()))[0] == 1600


def test_svg_is_a_document() -> None:
    assert chart_svg(small_chart()).startswith("<svg")


def test_bad_scale_is_refused() -> None:
    with pytest.raises(ValueError):
        chart_png(small_chart(), scale=0)


def test_scores_title_states_the_median_of_everyone_and_draws_the_top() -> None:
    scores = pd.DataFrame({"name": ["A", "B", "C", "D"], "score": [90.0, 60.0, 40.0, None]})
    spec = leadership_scores_chart(scores, top=2).to_dict()
    assert spec["title"]["text"] == "Leadership score of the executives: median 60 of 100"
    data = next(iter(spec["datasets"].values()))
    assert [d["name"] for d in data] == ["A", "B"]  # best two; D has no score


def test_vision_title_counts_goals_on_track_and_colours_are_few() -> None:
    goals = pd.DataFrame(
        {
            "goal": ["g1", "g2", "g3"],
            "progress": [0.5, 1.1, 0.2],
            "expected": [0.4, 0.5, 0.5],
            "status": ["on track", "on track", "off track"],
        }
    )
    spec = vision_progress_chart(goals).to_dict()
    assert spec["title"]["text"] == "Vision: 2 of 3 goals on track"
    colours = spec["layer"][0]["encoding"]["color"]["scale"]["range"]
    assert len(colours) == 2 and len(OKABE_ITO) <= 7


def test_benchmarks_pair_ours_with_2010() -> None:
    frame = pd.DataFrame({"label": ["Multi-daily"], "ours": [0.25], "benchmark": [0.40]})
    spec = benchmarks_chart(frame).to_dict()
    data = next(iter(spec["datasets"].values()))
    assert {(d["who"], d["share"]) for d in data} == {
        ("Our executives", 0.25),
        ("Executives, 2010", 0.40),
    }


def test_formats_by_unit() -> None:
    assert excel_format("%") == "#,##0.0%"
    assert excel_format("currency", '€"') == '"€"#,##0'  # a quote cannot break the format
    assert display(0.4166, "%") == "41.7%"
    assert display(-1250.4, "currency") == "-$1,250"
    assert display(float("inf"), "ratio") == "—"
    assert display(None, "score") == "—"


def test_write_text_and_number_edge_cases() -> None:
    ws = Workbook().active
    write_text(ws["A1"], "=1+1")
    assert (ws["A1"].value, ws["A1"].data_type, ws["A1"].quotePrefix) == ("=1+1", "s", True)
    write_text(ws["A2"], "Plain")
    assert ws["A2"].quotePrefix is False
    write_text(ws["A3"], float("nan"), missing="—")
    assert ws["A3"].value == "—"
    write_number(ws["A4"], float("nan"), "0.0%")
    assert ws["A4"].value is None
    write_number(ws["A5"], float("inf"), "0.0%")
    assert ws["A5"].value is None
    assert clean_text("a\x00b\x1fc\td") == "abc\td"  # XML-illegal controls dropped, tab kept
