"""Charts to images, offline: Altair spec → vl-convert → SVG or PNG.

vl-convert bundles Vega, Vega-Lite and its fonts inside the wheel, so no step reaches the
network. Charts must be built from aggregated frames: Altair refuses to inline more than its
``max_rows`` (5,000) rows, and :func:`chart_png` keeps that limit rather than lifting it.
"""

from __future__ import annotations

import re
import struct
from typing import Any

import vl_convert as vlc

#: Projector resolution: a full-width chart becomes about this many pixels wide.
PROJECTOR_WIDTH_PX = 1600

_SVG_WIDTH = re.compile(r'<svg[^>]*\swidth="([0-9.]+)"')


def _spec(chart: Any) -> dict:
    """The Vega-Lite dict of an Altair chart (or a dict already)."""
    return chart if isinstance(chart, dict) else chart.to_dict()


def chart_svg(chart: Any) -> str:
    """The chart as an SVG document (text, resolution independent)."""
    return vlc.vegalite_to_svg(_spec(chart))


def chart_png(chart: Any, scale: float = 2) -> bytes:
    """The chart as PNG bytes, ``scale`` device pixels per CSS pixel (2 = retina)."""
    if scale <= 0:
        raise ValueError(f"scale must be positive, got {scale}")
    return vlc.vegalite_to_png(_spec(chart), scale=scale)


def svg_width(svg: str) -> float:
    """The width in CSS pixels declared on an SVG's root element."""
    found = _SVG_WIDTH.search(svg)
    if found is None:
        raise ValueError("the SVG declares no width")
    return float(found.group(1))


def chart_png_at_width(chart: Any, width_px: int = PROJECTOR_WIDTH_PX) -> bytes:
    """PNG of the chart scaled so that it is about ``width_px`` pixels wide.

    Renders the SVG once to learn the chart's own width (axes and legend included), then
    rasterises that same SVG at ``width_px / width``.
    """
    svg = chart_svg(chart)
    scale = width_px / svg_width(svg)
    return vlc.svg_to_png(svg, scale=scale)


def png_size(png: bytes) -> tuple[int, int]:
    """(width, height) in pixels from a PNG's IHDR header."""
    if png[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    width, height = struct.unpack(">II", png[16:24])
    return int(width), int(height)
