"""The JSON report: documented shape, nulls for missing, same numbers as the scorecards."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from scorecard.dictionary import metric_ids
from scorecard.report import build_report, plain
from tests.test_metrics_data import WEEK, tiny


@pytest.fixture(scope="module")
def report() -> dict:
    # through a JSON round trip, as the CLI writes it; NaN would fail allow_nan=False
    return json.loads(json.dumps(build_report(tiny(), WEEK), allow_nan=False))


def test_top_level_shape(report):
    assert {"period", "company", "departments", "people", "goals", "bonus",
            "benchmarks", "cascade"} <= set(report)
    assert set(report["cascade"]["departments"]) == {"Ops", "Mkt"}
    assert report["period"]["from"] == "2026-03-02" and report["period"]["to"] == "2026-03-08"
    assert report["period"]["previous"] == {"from": "2026-02-23", "to": "2026-03-01"}
    assert list(report["company"]) == list(metric_ids("scorecard"))
    assert set(report["departments"]) == {"Ops", "Mkt"}
    assert list(report["people"]) == ["001", "002", "003", "004"]


def test_values_rounded_and_missing_as_null(report):
    assert report["company"]["actions"] == 16
    assert report["departments"]["Mkt"]["dialogue_ratio"] == 0.5
    assert report["people"]["001"]["beyond_marketing"] == 0.5833  # 7/12, a % to 4 decimals
    assert report["people"]["001"]["time_cost"] == 168.0
    assert report["people"]["004"]["dialogue_ratio"] is None
    assert report["people"]["002"]["voice_consistency"] is None
    assert report["people"]["003"]["leadership_explanation"].startswith("presence 9 of ")


def test_bonus_and_benchmarks_sections(report):
    assert report["bonus"]["allocated"] == report["bonus"]["pool"] == 10000.0
    assert [p["person_id"] for p in report["bonus"]["people"]][:1] == ["001"]
    assert report["benchmarks"]["blogging"]["benchmark"] == 0.05
    assert report["goals"] == []


def test_plain_values():
    assert plain(float("nan")) is None and plain(pd.NA) is None and plain(None) is None
    assert plain(float("inf")) is None
    assert plain(2.345678, 2) == 2.35 and plain(pd.Timestamp("2026-03-02")) == "2026-03-02"
    assert plain(True) is True and plain("007") == "007"
