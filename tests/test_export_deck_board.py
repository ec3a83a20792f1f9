"""The board deck of the one-month, two-goal company, read back with python-pptx: the company's
name and colour, the summary among the first three slides, a table (not single dots) for one
month, no slide of dashes only."""

from __future__ import annotations

import io

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from scorecard.dataset import DatasetInfo
from scorecard.export import full_report
from scorecard.export.context import pack_context
from scorecard.export.deck import build_pptx
from scorecard.formatting import MISSING
from scorecard.ingest import RawTable, validate_tables
from tests.companies import JANUARY_2026, one_month_two_goals

INFO = DatasetInfo(3, "2026-02-01T09:00:00", "me", "uploaded-january.xlsx", "abc")


def build(**company: object):
    dataset = one_month_two_goals(**company)  # type: ignore[arg-type]
    context = pack_context(dataset, JANUARY_2026, lambda p: full_report(dataset, p))
    data = build_pptx(full_report(dataset, JANUARY_2026), INFO, context=context)
    return Presentation(io.BytesIO(data))


@pytest.fixture(scope="module")
def deck():
    return build()


def body_texts(slide) -> list[str]:
    """Every text on the slide but its title: text boxes and table cells."""
    texts = []
    for shape in slide.shapes:
        if shape == slide.shapes.title:
            continue
        if shape.has_text_frame and shape.text_frame.text.strip():
            texts += [p.text for p in shape.text_frame.paragraphs if p.text.strip()]
        if shape.has_table:
            texts += [c.text for row in shape.table.rows for c in row.cells]
    return texts


def test_slides_in_order(deck) -> None:
    titles = [s.shapes.title.text for s in deck.slides]
    assert titles[:10] == [
        "Acme Corp",
        "Executive summary",
        "Vision progress",
        "Leadership scores of the executives",
        "The cascade: the whole company",
        "The cascade: departments side by side",
        "The cascade: Sales",
        "Executives against published benchmarks",
        "Bonus pool in brief",
        "What changed since the previous period",
    ]
    assert all(t.startswith("Appendix: ") for t in titles[10:]) and len(titles) > 10
    assert deck.slide_width * 9 == deck.slide_height * 16


def test_the_title_slide_names_the_company_and_period_never_the_file(deck) -> None:
    cover = deck.slides[0]
    assert cover.shapes.title.text == "Acme Corp"
    text = "\n".join(body_texts(cover))
    assert "Period: 2026-01-01 to 2026-01-31" in text
    assert "uploaded-january" not in cover.shapes.title.text
    band = next(s for s in cover.shapes if s.shape_type == MSO_SHAPE_TYPE.AUTO_SHAPE)
    assert str(band.fill.fore_color.rgb) == "AA3300"  # brand_color


def test_without_a_company_name_the_title_is_your_company() -> None:
    assert build(brand=None).slides[0].shapes.title.text == "Your company"


def test_the_summary_is_the_second_slide_with_its_three_sentences(deck) -> None:
    slide = deck.slides[1]
    assert slide.shapes.title.text == "Executive summary"
    assert body_texts(slide) == [
        # one month of data: no December to compare with
        (
            "The data holds no period before 2026-01-01 to compare with; in 2026-01-01 to "
            "2026-01-31: actions 7, active share 100.0%."
        ),
        # Sales: 4 actions against 20 × 20/31 = 12.9 expected → off track
        (
            "1 of 2 goals is behind (1 off track): Actions · Sales, off track, at 4 against 13 "
            "expected."
        ),
        (
            "The board should decide whether to add effort to Actions · Sales or reset its target "
            "of 20."
        ),
    ]
    assert (
        "Goal status: expected = target × elapsed share" in slide.notes_slide.notes_text_frame.text
    )


def test_one_month_cascade_is_a_table_not_single_dots(deck) -> None:
    cascade = [
        s
        for s in deck.slides
        if s.shapes.title.text.startswith("The cascade: ")
        and "side by side" not in s.shapes.title.text
    ]
    assert [s.shapes.title.text for s in cascade] == [
        "The cascade: the whole company",
        "The cascade: Sales",
    ]
    for slide in cascade:
        kinds = [s.shape_type for s in slide.shapes]
        assert MSO_SHAPE_TYPE.PICTURE not in kinds  # no line chart of one dot per tier
        table = next(s.table for s in slide.shapes if s.has_table)
        rows = [[c.text for c in row.cells] for row in table.rows]
        assert rows[0] == ["Tier", "People", "Active", "Active share"]
    company = next(s.table for s in cascade[0].shapes if s.has_table)
    # Ada (C-suite), Ben (VP), Cy and Di (Staff): all active in January
    assert [[c.text for c in row.cells] for row in company.rows][1:] == [
        ["C-suite", "1", "1", "100.0%"],
        ["VP", "1", "1", "100.0%"],
        ["Staff", "2", "2", "100.0%"],
    ]


def test_no_slide_of_dashes_only_and_ops_is_one_line(deck) -> None:
    for slide in deck.slides:
        texts = [t.strip() for t in body_texts(slide)]
        assert texts, f"{slide.shapes.title.text} is empty"
        assert any(t != MISSING for t in texts), f"{slide.shapes.title.text} is all dashes"
    # Ops (Ada alone) has every cascade figure missing: a line, never a slide of "—"
    assert "The cascade: Ops" not in [s.shapes.title.text for s in deck.slides]
    side = next(
        s for s in deck.slides if s.shapes.title.text == "The cascade: departments side by side"
    )
    assert (
        "Ops: no reporting line with both sides on the roster in this period, so no cascade figure."
    ) in body_texts(side)


def test_what_changed_says_there_is_nothing_to_compare(deck) -> None:
    slide = next(s for s in deck.slides if s.shapes.title.text.startswith("What changed"))
    assert body_texts(slide) == [
        "The data holds no period of equal length before 2026-01-01, so nothing is compared."
    ]


def test_with_december_what_changed_is_a_table_in_the_units() -> None:
    deck = build(with_december=True)
    slide = next(s for s in deck.slides if s.shapes.title.text.startswith("What changed"))
    rows = [
        [c.text for c in row.cells]
        for row in next(s.table for s in slide.shapes if s.has_table).rows
    ]
    assert rows[0] == [
        "Company figure",
        "2025-12-01 to 2025-12-31",
        "2026-01-01 to 2026-01-31",
        "Change",
    ]
    assert ["Actions", "5", "7", "+2"] in rows  # 2 + 3 actions in December, 7 in January
    assert ["Active share", "50.0%", "100.0%", "+50.0 pts"] in rows  # 2 of 4, then 4 of 4


def test_every_picture_fits_and_no_placeholder_is_empty(deck) -> None:
    for slide in deck.slides:
        for shape in slide.placeholders:
            assert shape.has_text_frame and shape.text_frame.text.strip()
        for shape in slide.shapes:
            assert 0 <= shape.left and shape.left + shape.width <= deck.slide_width
            assert 0 <= shape.top and shape.top + shape.height <= deck.slide_height


def test_a_brand_colour_that_is_not_hex_is_refused_with_row_and_fix() -> None:
    import numpy as np
    import pandas as pd

    def raw(table: str, headers: list[str], *rows: list[object]) -> RawTable:
        columns = tuple(pd.Series([r[i] for r in rows], dtype=object) for i in range(len(headers)))
        return RawTable(
            table, table, tuple(headers), columns, np.arange(2, 2 + len(rows), dtype=np.int64)
        )

    dataset, report = validate_tables(
        [
            raw(
                "people",
                ["person_id", "name", "department", "manager_id"],
                ["001", "Ann", "Sales", None],
            ),
            raw(
                "activity",
                ["date", "person_id", "channel", "action"],
                ["2026-03-02", "001", "LinkedIn", "post"],
            ),
            raw(
                "assumptions",
                ["key", "value"],
                ["company_name", "Acme"],
                ["brand_color", "dark red"],
            ),
        ]
    )
    assert dataset is None
    [problem] = [p for p in report.problems if p.code == "setting_malformed"]
    assert (problem.sheet, problem.row, problem.column, problem.value) == (
        "assumptions",
        3,
        "value",
        "dark red",
    )
    assert problem.fix == "Type it like #0072B2 (red, green and blue, two digits 0-9 or A-F each)."


def test_the_benchmarks_slide_speaks_the_benchmark_registry_not_the_dictionary(deck) -> None:
    from scorecard.benchmark_registry import REGISTRY as PUBLISHED
    from scorecard.dictionary import SOCIALCAST

    slide = next(
        s
        for s in deck.slides
        if s.shapes.title is not None
        and s.shapes.title.text == "Executives against published benchmarks"
    )
    notes = slide.notes_slide.notes_text_frame.text
    report = full_report(one_month_two_goals(), JANUARY_2026)
    shown = [f for f in PUBLISHED if f.id in report.benchmarks]
    assert shown  # the one-month company's executives act: some figure is comparable
    for figure in shown:  # each figure's published wording, how comparable, and its source
        assert figure.finding in notes and figure.comparable in notes and figure.url in notes
    assert SOCIALCAST not in notes  # the dictionary's old one-line source is gone
