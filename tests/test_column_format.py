"""Screen tables read as cards, deck and workbook: the Streamlit column format comes from the
same pattern table, and the bonus pool is shown to the cent everywhere (issue 12)."""

from __future__ import annotations

import dataclasses
import io
import json
import re
from pathlib import Path

import openpyxl
import pytest
from pptx import Presentation
from streamlit.testing.v1 import AppTest

from scorecard.dataset import DatasetInfo
from scorecard.export import full_report
from scorecard.export.deck import build_pptx
from scorecard.export.xlsx import build_xlsx
from scorecard.formatting import PATTERNS, PERCENT_UNITS, column_format, number
from scorecard.store import Store
from tests.companies import JANUARY, ops_trio
from tests.companies import sales_four as tiny_dataset

INFO = DatasetInfo(3, "2026-02-01T09:00:00", "me", "jan.xlsx", "abc")
_PRINTF = re.compile(r"%(\+)?(,)?\.(\d+)f")


def printf(spec: str, value: float) -> str:
    """What Streamlit's sprintf-js shows for ``value`` under ``spec`` (the subset we emit:
    one ``%[+][,].Nf`` placeholder, ``%%`` for a literal percent sign)."""
    match = _PRINTF.search(spec)
    assert match is not None, spec
    sign, comma, decimals = match.groups()
    shown = format(value, f"{sign or ''}{comma or ''}.{decimals}f")
    return (spec[: match.start()] + shown + spec[match.end() :]).replace("%%", "%")


# Sample values away from rounding ties (JS toFixed and babel differ only on exact ties).
SAMPLES = (0.0421, 0.7957, 3.14159, 17.4, 178.99, 1234.567, 98765.4321)


@pytest.mark.parametrize("unit", sorted(PATTERNS))
def test_every_unit_reads_the_same_in_a_table_cell_and_a_card(unit: str) -> None:
    for value in SAMPLES:
        shown = value * 100 if unit in PERCENT_UNITS else value  # the page scales % ×100
        assert printf(column_format(unit, "€"), shown) == number(value, unit, "€"), value


def test_pinned_formats() -> None:
    # 0.0421 in "%": the column holds 4.21, "%,.1f%%" shows "4.2%", like the card
    assert column_format("%") == "%,.1f%%"
    assert printf(column_format("%"), 4.21) == number(0.0421, "%") == "4.2%"
    assert column_format("currency") == "$%,.0f"
    assert column_format("currency_cents", "EUR") == "€%,.2f"
    assert column_format("multiple") == "%,.1f×"
    assert column_format(None) == "%,.2f"  # a number of no known unit


@pytest.fixture(scope="module")
def cents_report():
    """The tiny company's report with a pool of 178.99 shared to one person: pool, allocated
    and that person's share all read "$178.99" (never "$179")."""
    report = full_report(tiny_dataset(), JANUARY)
    first, *rest = report.bonus.people
    people = (dataclasses.replace(first, share=178.99), *rest)
    bonus = dataclasses.replace(report.bonus, pool=178.99, allocated=178.99, people=people)
    return dataclasses.replace(report, bonus=bonus)


def test_a_share_of_178_99_reads_to_the_cent_on_screen() -> None:
    assert printf(column_format("currency_cents", "$"), 178.99) == "$178.99"
    assert number(178.99, "currency_cents", "$") == "$178.99"


def test_a_share_of_178_99_reads_to_the_cent_in_the_deck(cents_report) -> None:
    deck = Presentation(io.BytesIO(build_pptx(cents_report, INFO)))
    texts = [
        shape.text_frame.text
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_text_frame
    ]
    bonus = [t for t in texts if "shared among" in t]
    assert bonus and "Pool $178.99; $178.99 shared among" in bonus[0]


def test_a_share_of_178_99_reads_to_the_cent_in_the_workbook(cents_report) -> None:
    book = openpyxl.load_workbook(io.BytesIO(build_xlsx(cents_report, INFO)))
    ws = book["Bonus pool"]
    heads = [c.value for c in ws[1]]
    cell = ws.cell(row=2, column=heads.index("Share") + 1)
    assert (cell.value, cell.number_format) == (178.99, '"$"#,##0.00')


def test_the_vision_board_shows_shares_to_the_cent(tmp_path, monkeypatch, warm_server) -> None:
    """The page's share column is the cents format of the dataset's currency (what sprintf-js
    turns 178.99 into "$178.99" with, as pinned above), and its pool reads to the cent."""
    url = f"sqlite:///{tmp_path / 'scorecard.db'}"
    monkeypatch.setenv("SCORECARD_DATABASE_URL", url)
    Store(url).publish(ops_trio(), uploader="Test", file_name="t.xlsx", sha256="t-v1")
    app = Path(__file__).resolve().parent.parent / "app.py"
    at = AppTest.from_file(str(app), default_timeout=180).run()
    at.switch_page("pages/vision.py").run()
    assert not at.exception
    configs = [json.loads(d.proto.columns) for d in at.dataframe]
    boards = [c for c in configs if "share" in c]
    assert boards, configs
    columns = boards[0]
    assert columns["share"]["type_config"]["format"] == "$%,.2f"
    assert re.fullmatch(r"\\\$[\d,]+\.\d\d", {m.label: m.value for m in at.metric}["Pool"])
