"""The PDF board pack, read back with pypdf: its pages are the deck's, in order, with the same
words; the command line writes it; without a Unicode font it still builds."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from scorecard.dataset import DatasetInfo
from scorecard.export import full_report
from scorecard.export import pdf as pdf_module
from scorecard.export.board_pages import board_pages
from scorecard.export.context import pack_context
from scorecard.export.pdf import build_pdf
from scorecard.workbook import write_workbook
from tests.companies import JANUARY_2026, one_month_two_goals

ROOT = Path(__file__).resolve().parents[1]
INFO = DatasetInfo(3, "2026-02-01T09:00:00", "me", "uploaded-january.xlsx", "abc")
#: cover, summary, vision, leadership, cascade (company, side by side, Sales), benchmarks,
#: bonus, what changed, definitions (3), cascade terms
SLIDES = 14


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def pack() -> tuple[bytes, list]:
    dataset = one_month_two_goals()
    report = full_report(dataset, JANUARY_2026)
    context = pack_context(dataset, JANUARY_2026, lambda p: full_report(dataset, p))
    pages = board_pages(report, INFO, context.previous, context.brand)
    return build_pdf(report, INFO, context=context), pages


def test_the_pages_are_the_decks_then_the_notes(pack) -> None:
    data, pages = pack
    reader = PdfReader(io.BytesIO(data))
    assert len(pages) == SLIDES
    texts = [flat(page.extract_text()) for page in reader.pages]
    assert len(texts) > SLIDES  # the notes appendix follows the slides
    for page, text in zip(pages, texts, strict=False):
        assert text.startswith(flat(page.title)), (page.title, text[:80])
    assert texts[SLIDES].startswith("Appendix: notes, formulas and sources")
    assert reader.pages[0].mediabox.width * 9 == reader.pages[0].mediabox.height * 16


def test_the_cover_and_the_summary_read_as_in_the_deck(pack) -> None:
    data, _ = pack
    reader = PdfReader(io.BytesIO(data))
    cover, summary = (flat(reader.pages[i].extract_text()) for i in (0, 1))
    assert cover.startswith("Acme Corp") and "Period: 2026-01-01 to 2026-01-31" in cover
    assert "uploaded-january" not in cover.split("Dataset")[0]
    # Sales: 4 actions against 20 × 20/31 = 12.9 expected → off track
    assert (
        "1 of 2 goals is behind (1 off track): Actions · Sales, off track, at 4 against "
        "13 expected."
    ) in summary
    assert "The board should decide whether to add effort to Actions · Sales" in summary


def test_charts_are_images_and_a_month_is_a_table(pack) -> None:
    data, pages = pack
    reader = PdfReader(io.BytesIO(data))
    index = {p.title: i for i, p in enumerate(pages)}
    assert len(reader.pages[index["Vision progress"]].images) == 1
    company = reader.pages[index["The cascade: the whole company"]]
    assert not company.images  # one month: a table, not a line of single dots
    assert "C-suite 1 1 100.0%" in flat(company.extract_text())
    notes = " ".join(flat(p.extract_text()) for p in reader.pages[SLIDES:])
    assert "measured from the uploaded rows" in notes  # provenance, as the speaker notes


def test_without_a_unicode_font_the_pack_is_set_in_helvetica(monkeypatch) -> None:
    monkeypatch.setattr(pdf_module, "FONT_FILES", ())
    dataset = one_month_two_goals()
    data = build_pdf(
        full_report(dataset, JANUARY_2026),
        context=pack_context(dataset, JANUARY_2026, lambda p: full_report(dataset, p)),
    )
    text = " ".join(flat(p.extract_text()) for p in PdfReader(io.BytesIO(data)).pages)
    assert "if actual >= expected" in text and "≥" not in text


def test_the_command_line_writes_the_pdf(tmp_path: Path) -> None:
    book = tmp_path / "company.xlsx"
    write_workbook(one_month_two_goals(), book)
    out = tmp_path / "pack.pdf"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "scorecard",
            "report",
            str(book),
            "--from",
            "2026-01-01",
            "--to",
            "2026-01-31",
            "--format",
            "pdf",
            "--out",
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={"PATH": "/usr/bin:/bin", "SCORECARD_DATABASE_URL": "sqlite://"},
    )
    assert done.returncode == 0, done.stderr
    reader = PdfReader(out)
    assert flat(reader.pages[0].extract_text()).startswith("Acme Corp")
    assert len(reader.pages) > SLIDES


@pytest.mark.skipif(
    not shutil.which("pdftoppm"), reason="pdftoppm (poppler-utils) is not installed here"
)
def test_every_page_renders_and_none_is_blank(pack, tmp_path: Path) -> None:
    from PIL import Image, ImageStat

    path = tmp_path / "pack.pdf"
    path.write_bytes(pack[0])
    subprocess.run(
        ["pdftoppm", "-png", "-r", "30", str(path), str(tmp_path / "page")], check=True, timeout=120
    )
    pages = sorted(tmp_path.glob("page*.png"))
    assert len(pages) == len(PdfReader(path).pages)
    for page in pages:
        assert ImageStat.Stat(Image.open(page).convert("L")).extrema[0][0] < 200, page.name
