"""Slide geometry and drawing helpers for a 16:9 deck readable from the back of the room.

The default python-pptx template is 4:3; its placeholders are moved onto the 16:9 grid here, and
every placeholder a slide leaves empty is removed (an empty "Click to add text" box looks
broken on a projector). Pictures are fitted inside their box, keeping their aspect ratio.
"""

from __future__ import annotations

from dataclasses import dataclass

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.presentation import Presentation as PresentationType
from pptx.slide import Slide
from pptx.util import Emu, Inches, Pt

from scorecard.export.images import png_size
from scorecard.export.safe_text import clean_text

SLIDE_W, SLIDE_H = Emu(12_192_000), Emu(6_858_000)  # exactly 16:9 (13.333 × 7.5 in)
MARGIN = Inches(0.5)
TITLE_H = Inches(1.0)
TITLE_PT, BODY_PT, SMALL_PT, KPI_PT = 36, 22, 16, 40
INK = RGBColor(0x1A, 0x1A, 0x1A)
MUTED = RGBColor(0x55, 0x55, 0x55)
ACCENT = RGBColor(0x00, 0x72, 0xB2)
LAYOUT_TITLE, LAYOUT_TITLE_ONLY = 0, 5


@dataclass(frozen=True)
class Box:
    """A rectangle on the slide in EMU."""

    left: int
    top: int
    width: int
    height: int


#: The area under the title.
CONTENT = Box(MARGIN, MARGIN + TITLE_H, SLIDE_W - 2 * MARGIN, SLIDE_H - 2 * MARGIN - TITLE_H)


def split(box: Box, left_share: float, gap: int = Inches(0.3)) -> tuple[Box, Box]:
    """``box`` cut in two side by side, the left part ``left_share`` of the width."""
    left_w = int((box.width - gap) * left_share)
    return (
        Box(box.left, box.top, left_w, box.height),
        Box(box.left + left_w + gap, box.top, box.width - left_w - gap, box.height),
    )


def new_deck() -> PresentationType:
    """An empty 16:9 presentation."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_W, SLIDE_H
    return prs


def _place(shape: object, box: Box) -> None:
    shape.left, shape.top, shape.width, shape.height = (  # type: ignore[attr-defined]
        Emu(box.left),
        Emu(box.top),
        Emu(box.width),
        Emu(box.height),
    )


def _style(paragraph: object, size: int, *, bold: bool = False, color: RGBColor = INK) -> None:
    for run in paragraph.runs:  # type: ignore[attr-defined]
        run.font.size, run.font.bold = Pt(size), bold
        run.font.color.rgb = color


def titled_slide(prs: PresentationType, title: str) -> Slide:
    """A slide with its title placeholder filled, moved to the top of the 16:9 grid."""
    slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE_ONLY])
    shape = slide.shapes.title
    _place(shape, Box(MARGIN, Inches(0.3), SLIDE_W - 2 * MARGIN, TITLE_H))
    shape.text_frame.text = clean_text(title)
    shape.text_frame.word_wrap = True
    paragraph = shape.text_frame.paragraphs[0]
    paragraph.alignment = PP_ALIGN.LEFT
    _style(paragraph, TITLE_PT, bold=True)
    return slide


def cover_slide(prs: PresentationType, title: str, lines: list[str]) -> Slide:
    """The title slide: a large title and a few lines under it."""
    slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE])
    title_shape, subtitle = slide.placeholders[0], slide.placeholders[1]
    _place(title_shape, Box(MARGIN, Inches(1.8), SLIDE_W - 2 * MARGIN, Inches(1.6)))
    title_shape.text_frame.text = clean_text(title)
    _style(title_shape.text_frame.paragraphs[0], 48, bold=True)
    _place(subtitle, Box(MARGIN, Inches(3.6), SLIDE_W - 2 * MARGIN, Inches(2.6)))
    frame = subtitle.text_frame
    frame.text = clean_text(lines[0]) if lines else ""
    for line in lines[1:]:
        frame.add_paragraph().text = clean_text(line)
    for i, paragraph in enumerate(frame.paragraphs):
        _style(paragraph, 28 if i == 0 else BODY_PT, color=INK if i == 0 else MUTED)
    return slide


def text_box(
    slide: Slide, box: Box, lines: list[str], size: int = BODY_PT, *, bold_first: bool = False
) -> None:
    """Lines of text in a box, wrapped, top-aligned."""
    shape = slide.shapes.add_textbox(box.left, box.top, box.width, box.height)
    frame = shape.text_frame
    frame.word_wrap = True
    frame.vertical_anchor = MSO_ANCHOR.TOP
    frame.text = clean_text(lines[0]) if lines else ""
    for line in lines[1:]:
        frame.add_paragraph().text = clean_text(line)
    for i, paragraph in enumerate(frame.paragraphs):
        paragraph.space_after = Pt(6)
        _style(paragraph, size, bold=bold_first and i == 0)


def kpi_column(
    slide: Slide, box: Box, items: list[tuple[str, str]], color: RGBColor = ACCENT
) -> None:
    """Big numbers stacked in a column: each a value in large type (``color``) over its label."""
    if not items:
        return
    step = box.height // len(items)
    for i, (label, value) in enumerate(items):
        shape = slide.shapes.add_textbox(box.left, box.top + i * step, box.width, step)
        frame = shape.text_frame
        frame.word_wrap = True
        frame.text = clean_text(value)
        _style(frame.paragraphs[0], KPI_PT, bold=True, color=color)
        caption = frame.add_paragraph()
        caption.text = clean_text(label)
        _style(caption, SMALL_PT, color=MUTED)


def picture(slide: Slide, png: bytes, box: Box) -> None:
    """The PNG fitted inside ``box`` (aspect kept), centred horizontally, top-aligned."""
    import io

    width_px, height_px = png_size(png)
    scale = min(box.width / width_px, box.height / height_px)
    width, height = int(width_px * scale), int(height_px * scale)
    left = box.left + (box.width - width) // 2
    slide.shapes.add_picture(io.BytesIO(png), left, box.top, width, height)


def notes(slide: Slide, lines: list[str]) -> None:
    """Speaker notes: one paragraph per line."""
    slide.notes_slide.notes_text_frame.text = "\n".join(clean_text(line) for line in lines)


def drop_empty_placeholders(slide: Slide) -> None:
    """Remove every placeholder without text, so no "Click to add" box is left."""
    for shape in list(slide.placeholders):
        if not (shape.has_text_frame and shape.text_frame.text.strip()):
            shape.element.getparent().remove(shape.element)
