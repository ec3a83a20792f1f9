"""Every file the app offers for download, fed formula-injection and markup payloads.

One rule (:mod:`scorecard.export.safe_text`): text a spreadsheet could run as a formula is written
as a quoted text cell. The tables' built-in "Download as CSV" is switched off in the config, so
the only downloads are these: the dataset workbook, the board pack (xlsx, pptx, JSON), the chart
images (PNG, SVG) and the template.
"""

from __future__ import annotations

import io
import json
import tomllib
import zipfile
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

import openpyxl
import pandas as pd
import pytest

from scorecard.charts.board import leadership_scores_chart
from scorecard.dataset import Dataset, Period
from scorecard.export import chart_svg, render
from scorecard.export.safe_text import is_formula_like
from scorecard.ingest import load_uploads
from scorecard.ingest.raw import Upload
from scorecard.report import build_report
from scorecard.template import build_template
from scorecard.workbook import workbook_bytes

ROOT = Path(__file__).resolve().parent.parent
FORMULAS = (
    '=HYPERLINK("http://127.0.0.1:9/x","x")',
    "=cmd|' /C calc'!A0",
    "@SUM(A1)",
    "+1+1",
    "-2+3",
)
MARKUP = "<img src=x onerror=alert(1)>"
MARCH = Period(date(2026, 3, 1), date(2026, 3, 31))


def payload_dataset() -> Dataset:
    """Five people named after the formula payloads, in a department and with a theme that
    are payloads too; each posts once in March."""
    ids = [f"00{i}" for i in range(1, len(FORMULAS) + 1)]
    return Dataset.from_frames(
        people=pd.DataFrame(
            {
                "person_id": ids,
                "name": list(FORMULAS),
                "title": [MARKUP] * len(ids),
                "department": ["=cmd|' /C calc'!A0"] * len(ids),
                "manager_id": [None, *ids[:-1]],
                "tier": ["C-suite"] + ["VP"] * (len(ids) - 1),
            }
        ),
        activity=pd.DataFrame(
            {
                "date": pd.to_datetime(["2026-03-02"] * len(ids)),
                "person_id": ids,
                "channel": ["LinkedIn"] * len(ids),
                "action": ["post"] * len(ids),
                "theme": ["@SUM(A1)"] * len(ids),
            }
        ),
    )


def formula_cells(book: openpyxl.Workbook) -> list[tuple[str, str, object, str, bool]]:
    """Every cell whose text could start a formula: (sheet, cell, value, type, quote prefix)."""
    return [
        (ws.title, cell.coordinate, cell.value, cell.data_type, bool(cell.quotePrefix))
        for ws in book
        for row in ws.iter_rows()
        for cell in row
        if cell.data_type == "f" or (isinstance(cell.value, str) and is_formula_like(cell.value))
    ]


def test_the_tables_built_in_csv_download_is_switched_off():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["client"]["disableDataExport"] is True


def test_the_dataset_workbook_writes_formula_text_as_quoted_text_and_reads_it_back():
    data = payload_dataset()
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(data)))
    found = formula_cells(book)
    # 5 names + 5 departments on people, 5 themes on activity: every one a quoted text cell.
    assert len(found) == 15
    assert all(kind == "s" and quoted for *_, kind, quoted in found), found
    assert {value for _, _, value, _, _ in found} == {*FORMULAS}
    # The quote prefix is formatting, not content: the upload reads back exactly what was typed.
    result = load_uploads([Upload("round trip.xlsx", workbook_bytes(data))])
    assert result.dataset is not None
    assert result.dataset.people["name"].tolist() == list(FORMULAS)
    assert result.dataset.activity["theme"].unique().tolist() == ["@SUM(A1)"]


def test_the_board_pack_workbook_has_no_live_formula():
    report = build_report(payload_dataset(), MARCH)
    book = openpyxl.load_workbook(io.BytesIO(render(report, "xlsx")))
    found = formula_cells(book)
    assert {value for _, _, value, _, _ in found} >= set(FORMULAS)
    assert all(kind == "s" and quoted for *_, kind, quoted in found), found


def test_the_json_report_keeps_the_text_exactly_as_data():
    # JSON is read by programs, not evaluated by a spreadsheet: the rule is to keep it exact.
    report = json.loads(render(build_report(payload_dataset(), MARCH), "json"))
    assert sorted(p["name"] for p in report["people"].values()) == sorted(FORMULAS)
    assert {p["title"] for p in report["people"].values()} == {MARKUP}


def test_the_deck_shows_names_as_plain_text_without_links_or_fields():
    deck = render(build_report(payload_dataset(), MARCH), "pptx")
    with zipfile.ZipFile(io.BytesIO(deck)) as archive:
        slides = [
            archive.read(n).decode()
            for n in archive.namelist()
            if n.startswith("ppt/slides/slide") and n.endswith(".xml")
        ]
        rels = [
            archive.read(n).decode()
            for n in archive.namelist()
            if n.startswith("ppt/slides/_rels/")
        ]
    text = "".join(slides)
    assert "hlinkClick" not in text and "<a:fld" not in text
    assert not any("hyperlink" in r for r in rels)
    # The markup is escaped XML text of a run, never an element.
    assert "<img" not in text


@pytest.mark.parametrize("name", [MARKUP, "<script>alert(1)</script>", "**b**"])
def test_a_chart_image_carries_names_as_svg_text_not_elements(name: str):
    chart = leadership_scores_chart(pd.DataFrame({"name": [name, "Ben"], "score": [80, 40]}))
    svg = chart_svg(chart)
    root = ElementTree.fromstring(svg)
    tags = {element.tag.rsplit("}", 1)[-1] for element in root.iter()}
    assert not tags & {"img", "image", "script", "foreignObject", "a"}
    texts = [element.text for element in root.iter() if element.text]
    assert name in texts


def test_the_template_has_no_formula_cells_outside_its_validations():
    book = openpyxl.load_workbook(io.BytesIO(build_template()))
    assert [cell for cell in formula_cells(book) if cell[3] == "f"] == []
