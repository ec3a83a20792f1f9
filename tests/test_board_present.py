"""The Board view and its Present mode through AppTest, on the bundled sample company."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = Path(__file__).resolve().parent.parent / "app.py"
TIMEOUT = 180  # the machine is shared; this bounds a hang, it is not a speed assertion


@pytest.fixture
def board(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, warm_server: None) -> AppTest:
    monkeypatch.setenv("SCORECARD_DATABASE_URL", f"sqlite:///{tmp_path / 'scorecard.db'}")
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    at.switch_page("pages/board.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def subheaders(at: AppTest) -> list[str]:
    return [s.value for s in at.subheader]


def test_the_board_view_has_benchmarks_and_the_pack(board: AppTest):
    assert "Beside published benchmarks" in subheaders(board)
    assert "Board pack" in subheaders(board)
    assert len(board.get("popover")) == 4  # "Save chart" beside vision, scores, cascade, benchmarks
    # the benchmark table: every cell filled, each figure with its year
    table = board.table[0].value
    assert not table.isna().any().any()
    assert "Posting on LinkedIn (2023)" in set(table["Benchmark"])


def test_present_mode_keeps_four_numbers_and_three_charts_and_drops_the_rest(board: AppTest):
    board.button[0].click().run()  # "Present"
    assert board.query_params["present"] in ("1", ["1"])
    assert not board.exception, [e.value for e in board.exception]
    assert [m.label for m in board.metric] == [
        "Vision goals on track",
        "Executives' median leadership score",
        "People active",
        "Cascade lift",
    ]
    assert "Board pack" not in subheaders(board)
    assert "Beside published benchmarks" not in subheaders(board)
    charts = board.get("vega_lite_chart")
    assert len(charts) == 3  # vision, leadership, cascade; no save buttons beside them
    assert not board.get("popover")
