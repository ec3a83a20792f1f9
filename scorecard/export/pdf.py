"""The board pack as a 16:9 PDF: the deck's pages, drawn with fpdf2 from the same Report.

The pages are :func:`scorecard.export.board_pages.board_pages` and the charts the deck's own
PNGs (:func:`scorecard.export.deck.chart_pngs`), so the PDF reads as the deck does; speaker
notes (formulas, provenance, sources) follow as an appendix. fpdf2 is pure Python: no office
suite and no network. Text is set in a Unicode TrueType font found on the machine (DejaVu or
Liberation Sans, which Chromium's fonts bring); without one, in Helvetica with the few
non-Latin-1 signs the pack uses spelled in ASCII ("≥" → ">=").
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import altair as alt
from fpdf import FPDF
from fpdf.fonts import FontFace

from scorecard.export.board_pages import Page, board_pages
from scorecard.export.context import Branding, PackContext
from scorecard.export.deck import chart_pngs, deck_charts
from scorecard.export.images import png_size
from scorecard.export.safe_text import clean_text
from scorecard.report import Report

#: 13.333 × 7.5 inches in points: the deck's 16:9 page.
PAGE_W, PAGE_H = 960.0, 540.0
MARGIN = 36.0
TITLE_PT, BODY_PT, SUMMARY_PT, SMALL_PT, KPI_PT, TABLE_PT, NOTE_PT = 28, 17, 20, 12, 30, 14, 10
CONTENT_TOP = 96.0
INK, MUTED = (26, 26, 26), (85, 85, 85)
#: Unicode fonts tried in order (regular, bold); the first pair found is embedded.
FONT_FILES: tuple[tuple[str, str], ...] = (
    (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    ),
    (
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    ),
)
#: Helvetica (Latin-1 only) spells these signs in ASCII.
ASCII_SIGNS = {
    "≥": ">=",
    "≤": "<=",
    "→": "->",
    "−": "-",
    "Σ": "sum of",
    "…": "...",
    "‘": "'",
    "’": "'",
    "“": '"',
    "”": '"',
    "–": "-",
    "—": "-",
    "≈": "~",
}
MAX_TABLE_ROWS = 11


class _Pack(FPDF):
    def __init__(self) -> None:
        super().__init__(orientation="landscape", unit="pt", format=(PAGE_H, PAGE_W))
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, MARGIN)
        self.family, self.unicode = _font(self)

    def text_of(self, text: str) -> str:
        """``text`` as the font can set it (cleaned of control characters like every export)."""
        text = clean_text(text)
        if self.unicode:
            return text
        for sign, ascii_text in ASCII_SIGNS.items():
            text = text.replace(sign, ascii_text)
        return text.encode("latin-1", "replace").decode("latin-1")

    def font(self, size: float, bold: bool = False, color: tuple[int, int, int] = INK) -> None:
        self.set_font(self.family, "B" if bold else "", size)
        self.set_text_color(*color)


def _font(pdf: FPDF) -> tuple[str, bool]:
    """The family to use and whether it is Unicode: the first of :data:`FONT_FILES` present."""
    for regular, bold in FONT_FILES:
        if Path(regular).is_file() and Path(bold).is_file():
            pdf.add_font("pack", "", regular)
            pdf.add_font("pack", "B", bold)
            return "pack", True
    return "helvetica", False


def _lines(
    pdf: _Pack, lines: list[str], size: float, width: float, color: tuple[int, int, int] = INK
) -> None:
    pdf.font(size, color=color)
    for line in lines:
        pdf.set_x(MARGIN)
        pdf.multi_cell(
            width, size * 1.3, pdf.text_of(line), new_x="LMARGIN", new_y="NEXT", align="L"
        )
        pdf.ln(size * 0.4)


def _height(pdf: _Pack, lines: list[str], size: float, width: float) -> float:
    """Points that :func:`_lines` takes to set ``lines`` at ``size`` in ``width``."""
    pdf.font(size)
    wrapped = sum(
        len(pdf.multi_cell(width, size * 1.3, pdf.text_of(line), dry_run=True, output="LINES"))
        for line in lines
    )
    return wrapped * size * 1.3 + len(lines) * size * 0.4


def _picture(pdf: _Pack, png: bytes, x: float, y: float, w: float, h: float) -> None:
    """``png`` fitted inside the box (aspect kept), centred horizontally."""
    width_px, height_px = png_size(png)
    scale = min(w / width_px, h / height_px)
    pdf.image(
        io.BytesIO(png), x + (w - width_px * scale) / 2, y, width_px * scale, height_px * scale
    )


def _table(pdf: _Pack, rows: tuple[tuple[str, ...], ...], width: float, brand: Branding) -> None:
    pdf.font(TABLE_PT)
    heading = FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=brand.rgb)
    pdf.set_fill_color(255, 255, 255)
    with pdf.table(
        width=width,
        align="LEFT",
        headings_style=heading,
        cell_fill_mode="NONE",
        line_height=TABLE_PT * 1.6,
        text_align="LEFT",
    ) as table:
        for row in rows[:MAX_TABLE_ROWS]:
            cells = table.row()
            for value in row:
                cells.cell(pdf.text_of(value))


def _kpis(pdf: _Pack, kpis: tuple[tuple[str, str], ...], x: float, brand: Branding) -> None:
    width = PAGE_W - MARGIN - x
    step = (PAGE_H - MARGIN - CONTENT_TOP) / len(kpis)
    for i, (label, value) in enumerate(kpis):
        pdf.set_xy(x, CONTENT_TOP + i * step)
        pdf.font(KPI_PT, bold=True, color=brand.rgb)
        pdf.cell(width, KPI_PT * 1.2, pdf.text_of(value), new_x="LEFT", new_y="NEXT")
        pdf.font(SMALL_PT, color=MUTED)
        pdf.multi_cell(width, SMALL_PT * 1.3, pdf.text_of(label), align="L")


def _cover(pdf: _Pack, page: Page, brand: Branding) -> None:
    pdf.set_fill_color(*brand.rgb)
    pdf.rect(0, 0, PAGE_W, 25, style="F")
    pdf.set_xy(MARGIN, 150)
    pdf.font(44, bold=True)
    pdf.multi_cell(
        PAGE_W - 2 * MARGIN, 54, pdf.text_of(page.title), new_x="LMARGIN", new_y="NEXT", align="L"
    )
    pdf.ln(16)
    for i, line in enumerate(page.subtitle):
        pdf.font(24 if i == 0 else BODY_PT, color=INK if i == 0 else MUTED)
        pdf.multi_cell(
            PAGE_W - 2 * MARGIN,
            (24 if i == 0 else BODY_PT) * 1.5,
            pdf.text_of(line),
            new_x="LMARGIN",
            new_y="NEXT",
            align="L",
        )


def _page(pdf: _Pack, page: Page, png: bytes | None, brand: Branding) -> None:
    pdf.add_page()
    pdf.set_auto_page_break(False)  # a slide is one page: text never spills onto another
    if page.cover:
        _cover(pdf, page, brand)
        return
    pdf.set_xy(MARGIN, MARGIN - 8)
    pdf.font(TITLE_PT, bold=True)
    pdf.multi_cell(PAGE_W - 2 * MARGIN, TITLE_PT * 1.2, pdf.text_of(page.title), align="L")
    width = (PAGE_W - 2 * MARGIN) * (0.72 if page.kpis else 1.0)
    bottom = PAGE_H - MARGIN
    captions = [*page.lines, page.caption] if page.caption else list(page.lines)
    pdf.set_xy(MARGIN, CONTENT_TOP)
    if page.chart is None and not page.table:
        _lines(pdf, list(page.lines), SUMMARY_PT if len(page.lines) <= 3 else BODY_PT, width)
    elif page.table:
        _lines(pdf, list(page.lines), BODY_PT, width)
        _table(pdf, page.table, width, brand)
        pdf.ln(8)
        _lines(pdf, [page.caption] if page.caption else [], SMALL_PT, width, MUTED)
    else:
        room = bottom - CONTENT_TOP - _height(pdf, captions, SMALL_PT, width) - 6
        if png is None:
            _lines(pdf, [page.empty], BODY_PT, width)
        else:
            _picture(pdf, png, MARGIN, CONTENT_TOP, width, room)
        pdf.set_xy(MARGIN, CONTENT_TOP + room + 6)
        _lines(pdf, captions, SMALL_PT, width, MUTED)
    if page.kpis:
        _kpis(pdf, page.kpis, MARGIN + width + 20, brand)


def _notes(pdf: _Pack, pages: list[Page]) -> None:
    """The speaker notes of every page, under its title: formulas, provenance, sources."""
    pdf.add_page()
    pdf.set_auto_page_break(True, MARGIN)  # the notes flow over as many pages as they need
    pdf.set_xy(MARGIN, MARGIN - 8)
    pdf.font(TITLE_PT, bold=True)
    pdf.cell(
        0,
        TITLE_PT * 1.2,
        pdf.text_of("Appendix: notes, formulas and sources"),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(6)
    seen: set[str] = set()  # the cascade terms of every cascade page are told once
    for page in pages:
        fresh = [line for line in page.notes if line not in seen]
        seen.update(fresh)
        if not fresh:
            continue
        pdf.font(SMALL_PT, bold=True)
        pdf.multi_cell(
            0, SMALL_PT * 1.4, pdf.text_of(page.title), new_x="LMARGIN", new_y="NEXT", align="L"
        )
        pdf.font(NOTE_PT, color=MUTED)
        for line in fresh:
            pdf.multi_cell(
                0, NOTE_PT * 1.35, pdf.text_of(line), new_x="LMARGIN", new_y="NEXT", align="L"
            )
        pdf.ln(4)


def build_pdf(
    report: Report,
    meta: Any = None,
    charts: Mapping[str, alt.Chart] | None = None,
    context: PackContext | None = None,
) -> bytes:
    """The board pack of ``report`` as PDF bytes: the deck's pages (same arguments as
    :func:`scorecard.export.deck.build_pptx`), then the notes appendix."""
    context = context or PackContext()
    pages = board_pages(report, meta, context.previous, context.brand)
    png = chart_pngs(pages, deck_charts(report) | dict(charts or {}))
    pdf = _Pack()
    pdf.set_title(pdf.text_of(f"{context.brand.company}: social scorecard board pack"))
    pdf.set_creator("Social Scorecard")
    for page in pages:
        _page(pdf, page, png.get(page.chart or ""), context.brand)
    _notes(pdf, pages)
    return bytes(pdf.output())
