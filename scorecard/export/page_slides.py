"""A board-pack :class:`~scorecard.export.board_pages.Page` drawn as a 16:9 slide.

One drawer per kind of page: the cover (the company's name on a band of its brand colour),
sentences, a chart (or the sentence saying why there is none) and a table, each with its big
numbers on the right and its speaker notes.
"""

from __future__ import annotations

from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.presentation import Presentation as PresentationType
from pptx.slide import Slide
from pptx.util import Emu, Inches, Pt

from scorecard.export.board_pages import Page
from scorecard.export.context import Branding
from scorecard.export.layout import (
    BODY_PT,
    CONTENT,
    SLIDE_W,
    SMALL_PT,
    Box,
    cover_slide,
    kpi_column,
    notes,
    picture,
    split,
    text_box,
    titled_slide,
)
from scorecard.export.safe_text import clean_text

#: The summary's sentences are the slide: larger than body text, still three to a slide.
SUMMARY_PT = 26
TABLE_PT = 18
CAPTION_H = Inches(0.6)
#: Most table rows on a slide at 18 pt (the pack's tables are at most ten rows).
TABLE_ROWS = 11


def _band(slide: Slide, brand: Branding) -> None:
    """A band of the brand colour across the top of the cover."""
    band = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, SLIDE_W, Inches(0.35))
    band.fill.solid()
    band.fill.fore_color.rgb = RGBColor(*brand.rgb)
    band.line.fill.background()


def _table(slide: Slide, box: Box, rows: tuple[tuple[str, ...], ...], brand: Branding) -> None:
    """Text rows as a table, the header in bold on the brand colour; rows beyond
    :data:`TABLE_ROWS` are left to the workbook."""
    rows = rows[:TABLE_ROWS]
    height = Emu(min(box.height, Inches(0.5) * len(rows)))
    shape = slide.shapes.add_table(len(rows), len(rows[0]), box.left, box.top, box.width, height)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cell = shape.table.cell(r, c)
            cell.text = clean_text(value)
            for paragraph in cell.text_frame.paragraphs:
                for run in paragraph.runs:
                    run.font.size, run.font.bold = Pt(TABLE_PT), r == 0
            if r == 0:
                cell.fill.solid()
                cell.fill.fore_color.rgb = RGBColor(*brand.rgb)


def _caption(slide: Slide, box: Box, lines: list[str]) -> Box:
    """Caption lines at the foot of ``box``; the room left above them."""
    if not lines:
        return box
    height = CAPTION_H * len(lines)
    text_box(
        slide, Box(box.left, box.top + box.height - height, box.width, height), lines, SMALL_PT
    )
    return Box(box.left, box.top, box.width, box.height - height)


def draw_page(prs: PresentationType, page: Page, png: bytes | None, brand: Branding) -> Slide:
    """``page`` as the next slide of ``prs``; ``png`` is its chart's image, if any."""
    if page.cover:
        slide = cover_slide(prs, page.title, list(page.subtitle))
        _band(slide, brand)
        notes(slide, list(page.notes))
        return slide
    slide = titled_slide(prs, page.title)
    main, side = split(CONTENT, 0.74) if page.kpis else (CONTENT, None)
    if page.chart is None and not page.table:  # sentences only
        size = SUMMARY_PT if len(page.lines) <= 3 else BODY_PT
        text_box(slide, main, list(page.lines), size)
    else:
        captions = [*page.lines, page.caption] if page.caption else list(page.lines)
        if page.table:
            top = list(page.lines)
            if top:  # sentences above the table, the caption below
                text_box(slide, Box(main.left, main.top, main.width, Inches(0.9)), top, BODY_PT)
                main = Box(main.left, main.top + Inches(1.0), main.width, main.height - Inches(1.0))
            main = _caption(slide, main, [page.caption] if page.caption else [])
            _table(slide, main, page.table, brand)
        else:
            main = _caption(slide, main, captions)
            if png is None:
                text_box(slide, main, [page.empty])
            else:
                picture(slide, png, main)
    if page.kpis and side is not None:
        kpi_column(slide, side, list(page.kpis), RGBColor(*brand.rgb))
    notes(slide, list(page.notes))
    return slide
