"""What keeps a repeat view cheap: charts built once per view and period, served as the very
element ``st.altair_chart`` draws, no script relying on Streamlit's "magic", and a profiler that
only runs when the bench asks for it. (Server CPU per view is measured by bench/views.py.)"""

from __future__ import annotations

import ast
import copy
import dataclasses
import pstats
import tomllib
from datetime import date
from pathlib import Path

import altair as alt
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from scorecard.dataset import Dataset, Filters, Period
from scorecard.metrics import SCORECARD_METRICS
from scorecard.store import Store
from scorecard.ui import cache, periods, profiling

ROOT = Path(__file__).resolve().parent.parent
MARCH = Period(date(2026, 3, 1), date(2026, 3, 31))
FEBRUARY = Period(date(2026, 2, 1), date(2026, 2, 28))
TIMEOUT = 180  # the machine is shared; this bounds a hang, it is not a speed assertion


def bars() -> alt.Chart:
    """Two bars: a = 1, b = 2."""
    return (
        alt.Chart(pd.DataFrame({"x": ["a", "b"], "y": [1, 2]})).mark_bar().encode(x="x:N", y="y:Q")
    )


def test_a_chart_is_built_once_per_view_period_and_filters():
    cache.chart_specs.clear()
    built: list[int] = []

    def build() -> alt.Chart:
        built.append(1)
        return bars()

    first = cache.chart_specs("test_bars", "k#v1", MARCH, Filters(), build)
    again = cache.chart_specs("test_bars", "k#v1", MARCH, Filters(), build)
    assert len(built) == 1  # the repeat is served from the cache
    assert again == first
    cache.chart_specs("test_bars", "k#v1", FEBRUARY, Filters(), build)
    cache.chart_specs("test_bars", "k#v1", MARCH, Filters(departments=("Ops",)), build)
    cache.chart_specs("test_bars", "k#v2", MARCH, Filters(), build)
    assert len(built) == 4  # another period, filter or dataset version is another chart
    # The downloads' spec is Altair's own, data inline: the two bars a = 1 and b = 2.
    (rows,) = first.file["datasets"].values()
    assert rows == [{"x": "a", "y": 1}, {"x": "b", "y": 2}]
    assert first.file["mark"] == {"type": "bar"}


def test_a_cached_chart_is_the_element_st_altair_chart_draws():
    def script() -> None:
        from datetime import date

        import altair as alt
        import pandas as pd
        import streamlit as st

        from scorecard.dataset import Filters, Period
        from scorecard.ui import cache

        def bars() -> alt.Chart:
            frame = pd.DataFrame({"x": ["a", "b"], "y": [1, 2]})
            return alt.Chart(frame).mark_bar().encode(x="x:N", y="y:Q")

        st.altair_chart(bars(), theme=None, key="direct")
        specs = cache.chart_specs(
            "test_element", "k#v1", Period(date(2026, 3, 1), date(2026, 3, 31)), Filters(), bars
        )
        st.vega_lite_chart(specs.screen, theme=None, key="cached")

    at = AppTest.from_function(script, default_timeout=TIMEOUT).run()
    assert not at.exception
    direct, cached = (element.proto for element in at.get("vega_lite_chart"))
    assert cached.spec == direct.spec
    assert list(cached.datasets) == list(direct.datasets)  # the same Arrow bytes, same name
    assert len(direct.datasets) == 1


def test_a_repeat_view_of_the_board_builds_no_chart(
    tmp_path: Path, warm_server: None, monkeypatch: pytest.MonkeyPatch
):
    import scorecard.charts.board as board_charts
    import scorecard.charts.cascade as cascade_charts

    # Ada (C-suite) manages Ben (VP); both post in March; one goal: 10 actions by the end of
    # March. The board then draws all four of its charts.
    people = pd.DataFrame(
        {
            "person_id": ["001", "002"],
            "name": ["Ada", "Ben"],
            "department": ["Ops", "Ops"],
            "manager_id": [None, "001"],
            "tier": ["C-suite", "VP"],
        }
    )
    activity = pd.DataFrame(
        {
            "date": pd.to_datetime(["2026-03-02", "2026-03-10"]),
            "person_id": ["001", "002"],
            "channel": ["LinkedIn"] * 2,
            "action": ["post", "post"],
        }
    )
    goals = pd.DataFrame(
        {
            "metric": ["actions"],
            "target": [10.0],
            "start": pd.to_datetime(["2026-01-01"]),
            "end": pd.to_datetime(["2026-03-31"]),
        }
    )
    url = f"sqlite:///{tmp_path / 'scorecard.db'}"
    monkeypatch.setenv("SCORECARD_DATABASE_URL", url)
    Store(url).publish(
        Dataset.from_frames(people=people, activity=activity, goals=goals),
        uploader="Test",
        file_name="board.xlsx",
        sha256="board-v1",
    )
    built: list[str] = []
    for module, name in (
        (board_charts, "vision_progress_chart"),
        (board_charts, "leadership_scores_chart"),
        (board_charts, "benchmarks_chart"),
        (cascade_charts, "adoption_by_tier_chart"),
    ):
        original = getattr(module, name)

        def counted(*args: object, _original=original, _name=name, **kwargs: object):
            built.append(_name)
            return _original(*args, **kwargs)

        monkeypatch.setattr(module, name, counted)
    cache.chart_specs.clear()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT).run()
    at.switch_page("pages/board.py").run()
    assert not at.exception and not at.error
    assert sorted(built) == [
        "adoption_by_tier_chart",
        "benchmarks_chart",
        "leadership_scores_chart",
        "vision_progress_chart",
    ]
    assert len(at.get("vega_lite_chart")) == 4
    at.switch_page("pages/overview.py").run()
    at.switch_page("pages/board.py").run()
    assert not at.exception and not at.error
    assert len(built) == 4  # the second view sent the cached specs
    assert len(at.get("vega_lite_chart")) == 4


def scripts() -> list[Path]:
    return [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py"))]


def test_no_script_relies_on_magic_which_the_config_turns_off():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["runner"]["magicEnabled"] is False
    for path in scripts():
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in ast.walk(tree):
            body = getattr(node, "body", None)
            if not isinstance(body, list):
                continue
            for i, statement in enumerate(body):
                if not isinstance(statement, ast.Expr):
                    continue
                value = statement.value
                docstring = (
                    i == 0 and isinstance(value, ast.Constant) and isinstance(value.value, str)
                )
                assert docstring or isinstance(value, (ast.Call, ast.Await)), (
                    f"{path.name}:{statement.lineno} is a bare expression: magic is off "
                    "(.streamlit/config.toml), so write it with st.write(...)"
                )


def test_the_profiler_writes_one_profile_per_run_only_when_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.delenv(profiling.ENV, raising=False)
    profiling.start()
    sorted(range(10))
    profiling.stop()
    assert not list(tmp_path.iterdir())

    monkeypatch.setenv(profiling.ENV, str(tmp_path / "runs"))
    profiling.start()
    bars().to_dict()
    profiling.stop()
    profiling.stop()  # a second stop without a start writes nothing more
    (written,) = (tmp_path / "runs").iterdir()
    assert written.suffix == ".prof"
    stats = pstats.Stats(str(written)).stats  # type: ignore[attr-defined]
    called = {function for _, _, function in stats}
    assert "to_dict" in called


def assert_same(kept: object, now: object, where: str) -> None:
    """``now`` holds what ``kept`` (a deep copy taken before) held: frames, series, fields."""
    if isinstance(kept, pd.DataFrame):
        pd.testing.assert_frame_equal(now, kept, obj=where)  # type: ignore[arg-type]
        assert now.attrs == kept.attrs, where  # type: ignore[union-attr]
    elif isinstance(kept, pd.Series):
        pd.testing.assert_series_equal(now, kept, obj=where)  # type: ignore[arg-type]
    elif dataclasses.is_dataclass(kept):
        for field in dataclasses.fields(kept):
            assert_same(
                getattr(kept, field.name), getattr(now, field.name), f"{where}.{field.name}"
            )
    else:
        assert now == kept, where


def test_no_page_mutates_the_results_every_session_shares(
    tmp_path: Path, warm_server: None, monkeypatch: pytest.MonkeyPatch
):
    # Ada (C-suite) manages Ben (VP), both in Ops; they post on 2 and 10 March 2026, so the
    # app opens on "Last month" = 1-10 March, compared with 1-10 February.
    people = pd.DataFrame(
        {
            "person_id": ["001", "002"],
            "name": ["Ada", "Ben"],
            "department": ["Ops", "Ops"],
            "manager_id": [None, "001"],
            "tier": ["C-suite", "VP"],
        }
    )
    activity = pd.DataFrame(
        {
            "date": pd.to_datetime(["2026-03-02", "2026-03-10"]),
            "person_id": ["001", "002"],
            "channel": ["LinkedIn"] * 2,
            "action": ["post", "reply"],
        }
    )
    url = f"sqlite:///{tmp_path / 'scorecard.db'}"
    monkeypatch.setenv("SCORECARD_DATABASE_URL", url)
    Store(url).publish(
        Dataset.from_frames(people=people, activity=activity),
        uploader="Test",
        file_name="shared.xlsx",
        sha256="shared-v1",
    )
    key = cache.current().key
    period = periods.resolve(periods.LAST_MONTH, date(2026, 3, 10))
    before = periods.previous(periods.LAST_MONTH, period)
    assert (period.start, period.end) == (date(2026, 3, 1), date(2026, 3, 10))
    everyone = Filters()
    shared = {
        "scorecards": cache.scorecards(key, period, everyone),
        "scorecards before": cache.scorecards(key, before, everyone),
        "executives": cache.scorecards(key, period, cache.executives(everyone)),
        "cascade": cache.cascade_frames(key, period),
        "cascade trend": cache.cascade_frames(key, cache.trend_window(period)),
        "goals": cache.goals(key),
        "bonus": cache.bonus(key, period, everyone),
        "benchmarks": cache.benchmarks(key, period, everyone),
        "trends": cache.trends(key, period, everyone, "person", SCORECARD_METRICS),
    }
    kept = copy.deepcopy(shared)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT).run()
    for page in sorted((ROOT / "pages").glob("*.py")):
        at.switch_page(f"pages/{page.name}").run()
    assert cache.scorecards(key, period, everyone) is shared["scorecards"]  # one shared object
    for name, result in shared.items():
        assert_same(kept[name], result, name)
