"""The deck: read back with python-pptx; titles, numbers, notes, no empty placeholder."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from scorecard.dataset import DatasetInfo
from scorecard.dictionary import metric
from scorecard.export import full_report
from scorecard.export.deck import build_pptx
from scorecard.formatting import number
from scorecard.report import Report
from tests.companies import INJECTIONS, JANUARY
from tests.companies import sales_four as tiny_dataset

INFO = DatasetInfo(3, "2026-02-01T09:00:00", "me", "jan.xlsx", "abc")


def slide_texts(slide) -> list[str]:
    return [s.text_frame.text for s in slide.shapes if s.has_text_frame]


@pytest.fixture(scope="module")
def report() -> Report:
    return full_report(tiny_dataset(), JANUARY)


@pytest.fixture(scope="module")
def deck(report: Report):
    return Presentation(io.BytesIO(build_pptx(report, INFO)))


def test_slides_in_order_with_titles_in_words(deck) -> None:
    titles = [s.shapes.title.text for s in deck.slides]
    # The title is the company (assumption company_name), never the file; Ops (Ada alone, no
    # reporting line) is one line on the side-by-side slide, not a slide of dashes.
    assert titles == [
        "Your company",
        "Executive summary",
        "Vision progress",
        "Leadership scores of the executives",
        "The cascade: the whole company",
        "The cascade: departments side by side",
        "The cascade: Sales",
        "Executives against published benchmarks",
        "Bonus pool in brief",
        "What changed since the previous period",
        "Appendix: definitions used (1 of 3)",
        "Appendix: definitions used (2 of 3)",
        "Appendix: definitions used (3 of 3)",
        "Appendix: cascade terms",
    ]
    assert deck.slide_width * 9 == deck.slide_height * 16


def test_title_slide_names_period_and_version(deck) -> None:
    text = "\n".join(slide_texts(deck.slides[0]))
    assert "2026-01-01 to 2026-01-31" in text and "Dataset version 3" in text


def test_cascade_numbers_equal_the_report(deck, report: Report) -> None:
    company = report.cascade["company"]
    texts = "\n".join(slide_texts(deck.slides[4]))
    # by hand: 3 reporting lines, each report began after its manager → 100%
    assert company["started_after_share"] == 1.0
    assert "100.0%" in texts  # the one formatter's "%" pattern, #,##0.0%
    assert f"{number(company['median_lag_days'], 'days')} days" in texts
    sales = report.cascade["departments"]["Sales"]
    assert number(sales["reach"], "%") in "\n".join(slide_texts(deck.slides[6]))


def test_speaker_notes_carry_formulas_and_provenance(deck) -> None:
    notes = deck.slides[3].notes_slide.notes_text_frame.text
    assert metric("leadership_score").formula in notes
    assert "estimated through the assumptions" in notes  # social ROI is an estimate
    assert "measured from the uploaded rows" in notes
    vision = deck.slides[2].notes_slide.notes_text_frame.text
    assert "actual 4" in vision  # Sales did 4 actions against its goal


def test_no_empty_placeholder_and_pictures_fit(deck) -> None:
    pictures = 0
    for slide in deck.slides:
        for shape in slide.placeholders:
            assert shape.has_text_frame and shape.text_frame.text.strip()
        for shape in slide.shapes:
            if shape.shape_type == MSO_SHAPE_TYPE.PICTURE:
                pictures += 1
                assert 0 <= shape.left and shape.left + shape.width <= deck.slide_width
                assert 0 <= shape.top and shape.top + shape.height <= deck.slide_height
    # vision, scores, side by side, benchmarks (one month: the cascade slides are tables)
    assert pictures == 4


@pytest.mark.parametrize("text", [INJECTIONS[0], INJECTIONS[3]])
def test_user_text_reaches_the_slide_as_typed(text: str) -> None:
    report = full_report(tiny_dataset(names=(text, "Ben", "Cy", "Di"), sales=text), JANUARY)
    deck = Presentation(io.BytesIO(build_pptx(report, INFO)))
    titles = [s.shapes.title.text for s in deck.slides]
    assert f"The cascade: {text}" in titles


def test_sample_company_deck_is_clean() -> None:
    from datetime import date

    from scorecard.current import load_sample, sample_info
    from scorecard.dataset import Period

    report = full_report(load_sample(), Period(date(2026, 8, 1), date(2026, 10, 31)))
    deck = Presentation(io.BytesIO(build_pptx(report, sample_info())))
    assert deck.slides[0].shapes.title.text == "Sample company"
    departments = sorted(report.cascade["departments"])
    titles = [s.shapes.title.text for s in deck.slides]
    assert titles[6 : 6 + len(departments)] == [f"The cascade: {d}" for d in departments]
    for slide in deck.slides:
        assert all(p.text_frame.text.strip() for p in slide.placeholders)
        for shape in slide.shapes:
            if shape.shape_type == MSO_SHAPE_TYPE.PICTURE:
                assert shape.left + shape.width <= deck.slide_width


@pytest.mark.skipif(
    not (shutil.which("soffice") or shutil.which("libreoffice")) or not shutil.which("pdftoppm"),
    reason="LibreOffice (soffice) and pdftoppm are not installed here",
)
def test_deck_renders_to_pages_that_are_not_blank(tmp_path: Path, report: Report) -> None:
    from PIL import Image, ImageStat

    path = tmp_path / "deck.pptx"
    path.write_bytes(build_pptx(report, INFO))
    office = shutil.which("soffice") or shutil.which("libreoffice")
    subprocess.run(
        [office, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
        check=True,
        timeout=180,
        capture_output=True,
    )
    subprocess.run(
        ["pdftoppm", "-png", "-r", "40", str(tmp_path / "deck.pdf"), str(tmp_path / "page")],
        check=True,
        timeout=120,
    )
    pages = sorted(tmp_path.glob("page*.png"))
    assert len(pages) == len(Presentation(str(path)).slides)
    for page in pages:
        extrema = ImageStat.Stat(Image.open(page).convert("L")).extrema[0]
        assert extrema[0] < 128, f"{page.name} is blank"


def test_a_file_read_directly_is_named_on_the_title_slide_and_lags_read_in_days() -> None:
    from scorecard.dataset import DatasetInfo
    from scorecard.export.meta import company_name, version_text
    from scorecard.export.slides import days_text

    info = DatasetInfo(
        version=None,
        created_at="2026-04-01 08:00 UTC",
        uploader="command line",
        file_name="march.xlsx",
        sha256="x",
    )
    assert company_name(info) == "march.xlsx"
    assert version_text(info) == "Unpublished file march.xlsx, read 2026-04-01 08:00 UTC"
    assert [days_text(d) for d in (0, 1, 1.2, 12, -1)] == [
        "0 days",
        "1 day",
        "1 day",
        "12 days",
        "-1 day",
    ]
