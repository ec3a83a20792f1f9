"""The JSON report: documented shape, nulls for missing, same numbers as the scorecards."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from scorecard.dictionary import metric_ids
from scorecard.report import build_report, plain
from tests.companies import WEEK, tiny


@pytest.fixture(scope="module")
def report() -> dict:
    # through the JSON text, as the CLI writes it (to_json refuses NaN: allow_nan=False)
    return json.loads(build_report(tiny(), WEEK).to_json())


def test_top_level_shape(report):
    assert {
        "period",
        "company",
        "departments",
        "people",
        "goals",
        "bonus",
        "benchmarks",
        "cascade",
        "currency",
    } <= set(report)
    assert report["currency"] == "$"  # no currency assumption: the default
    assert set(report["cascade"]["departments"]) == {"Ops", "Mkt"}
    assert report["period"]["from"] == "2026-03-02" and report["period"]["to"] == "2026-03-08"
    assert report["period"]["previous"] == {"from": "2026-02-23", "to": "2026-03-01"}
    assert list(report["company"]) == list(metric_ids("scorecard"))
    assert set(report["departments"]) == {"Ops", "Mkt"}
    assert list(report["people"]) == ["001", "002", "003", "004"]


def test_values_at_full_precision_and_missing_as_null(report):
    assert report["company"]["actions"] == 16
    assert report["departments"]["Mkt"]["dialogue_ratio"] == 0.5
    assert report["people"]["001"]["beyond_marketing"] == 7 / 12  # unrounded: 0.58333...
    assert report["people"]["001"]["time_cost"] == 168.0
    assert report["people"]["004"]["dialogue_ratio"] is None
    assert report["people"]["002"]["voice_consistency"] is None
    assert report["people"]["003"]["leadership_explanation"].startswith("presence 9 of ")


def test_bonus_and_benchmarks_sections(report):
    assert report["bonus"]["allocated"] == report["bonus"]["pool"] == 10000.0
    assert [p["person_id"] for p in report["bonus"]["people"]][:1] == ["001"]
    assert report["benchmarks"]["socialcast_2010_blogging"]["benchmark"] == 0.05
    assert report["goals"] == []


def test_plain_values():
    assert plain(float("nan")) is None and plain(pd.NA) is None and plain(None) is None
    assert plain(float("inf")) is None
    assert plain(2.345678, 2) == 2.35 and plain(pd.Timestamp("2026-03-02")) == "2026-03-02"
    assert plain(True) is True and plain("007") == "007"


def test_the_report_is_typed_and_frozen():
    from dataclasses import FrozenInstanceError

    built = build_report(tiny(), WEEK)
    with pytest.raises(FrozenInstanceError):
        built.currency = "€"  # type: ignore[misc]
    with pytest.raises(TypeError):
        built.company["actions"] = 0  # type: ignore[index]
    # 001: 7 of 12 purposed actions are not marketing → 7/12, kept to the last bit
    assert built.people["001"].metrics["beyond_marketing"] == 7 / 12
    assert built.to_dict()["people"]["001"]["beyond_marketing"] == 7 / 12
    assert built.bonus.allocated == built.bonus.pool == 10000.0


def test_the_datasets_currency_reaches_every_output():
    import dataclasses
    import io

    import openpyxl

    from scorecard.export.xlsx import build_xlsx
    from scorecard.formatting import number

    data = tiny()
    euro = pd.concat(
        [data.assumptions, pd.DataFrame({"key": ["currency"], "value": ["EUR"]})], ignore_index=True
    )
    built = build_report(dataclasses.replace(data, assumptions=euro), WEEK)
    assert built.currency == "EUR" and json.loads(built.to_json())["currency"] == "EUR"
    book = openpyxl.load_workbook(io.BytesIO(build_xlsx(built)))
    heads = {c.value: c.column_letter for c in book["People scorecards"][1]}
    assert book["People scorecards"][f"{heads['Time cost']}2"].number_format == '"€"#,##0'
    # 001's time cost 168 (see test_values_at_full_precision_and_missing_as_null) in euros
    assert number(built.people["001"].metrics["time_cost"], "currency", built.currency) == "€168"


def test_a_scoped_report_drops_rows_and_recomputes_nothing():
    whole = build_report(tiny(), WEEK)
    mkt = whole.within(("Mkt",))
    assert {p.department for p in mkt.people.values()} == {"Mkt"}
    assert set(mkt.departments) == {"Mkt"} and mkt.scope == ("Mkt",)
    shares = {b.person_id: b.share for b in whole.bonus.people}
    assert all(b.share == shares[b.person_id] for b in mkt.bonus.people)  # company-wide shares
    assert mkt.cascade["company"] is None and set(mkt.cascade["departments"]) == {"Mkt"}
    assert whole.within(None) is whole and len(whole.people) == 4  # the whole is untouched
    assert mkt.to_dict()["scope"] == ["Mkt"] and "scope" not in whole.to_dict()
