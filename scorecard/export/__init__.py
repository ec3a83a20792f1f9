"""The board pack: the report as a PowerPoint deck, an Excel workbook, JSON, and chart images.

Everything is built from one :class:`scorecard.report.Report` (:func:`full_report`), so the
deck, the workbook and the JSON carry the same numbers, each read from the Report's fields. Heavy imports (python-pptx, vl-convert) wait
until a file is asked for.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from scorecard.dataset import Dataset, Filters, Period

if TYPE_CHECKING:
    from scorecard.report import Report

Format = Literal["json", "pptx", "xlsx", "pdf"]
FORMATS: tuple[Format, ...] = ("json", "pptx", "xlsx", "pdf")
#: Formats that need :func:`scorecard.export.context.pack_context` (branding, previous period).
PACK_FORMATS: tuple[Format, ...] = ("pptx", "pdf")
MEDIA_TYPES: dict[str, str] = {
    "json": "application/json",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
    "png": "image/png",
    "svg": "image/svg+xml",
}


def full_report(dataset: Dataset, period: Period, filters: Filters | None = None) -> Report:
    """:func:`scorecard.report.build_report` (kept as the export layer's single entry point)."""
    from scorecard.report import build_report

    return build_report(dataset, period, filters)


def render(report: Report, fmt: Format, meta: Any = None, context: Any = None) -> bytes:
    """The report as the bytes of one file format (JSON is UTF-8, indented, nulls for missing,
    floats unrounded: :meth:`scorecard.report.Report.to_json`). ``context`` (a
    :class:`~scorecard.export.context.PackContext`) brands the deck and the PDF and brings the
    previous period's report."""
    if fmt == "json":
        return report.to_json().encode("utf-8")
    if fmt == "xlsx":
        from scorecard.export.xlsx import build_xlsx

        return build_xlsx(report, meta, context)
    if fmt == "pptx":
        from scorecard.export.deck import build_pptx

        return build_pptx(report, meta, context=context)
    if fmt == "pdf":
        from scorecard.export.pdf import build_pdf

        return build_pdf(report, meta, context=context)
    raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")


def write_report(
    dataset: Dataset,
    period: Period,
    fmt: Format,
    out: Path,
    filters: Filters | None = None,
    meta: Any = None,
) -> Path:
    """Build the report of ``dataset`` over ``period`` and write it to ``out`` as ``fmt``.

    The file is written next to ``out`` first and renamed over it, so an interrupted export
    never leaves half a file. Returns ``out``.
    """
    context = None
    if fmt in PACK_FORMATS:
        from scorecard.export.context import pack_context

        context = pack_context(dataset, period, lambda p: full_report(dataset, p, filters))
    elif fmt == "xlsx":  # the About sheet's company
        from scorecard.export.context import brand_context

        context = brand_context(dataset)
    data = render(full_report(dataset, period, filters), fmt, meta, context)
    out = Path(out)
    partial = out.with_name(out.name + ".partial")
    partial.write_bytes(data)
    partial.replace(out)
    return out


def chart_png(chart: Any, scale: float = 2) -> bytes:
    """A chart as PNG bytes (see :func:`scorecard.export.images.chart_png`)."""
    from scorecard.export.images import chart_png as png

    return png(chart, scale)


def chart_svg(chart: Any) -> str:
    """A chart as an SVG document (see :func:`scorecard.export.images.chart_svg`)."""
    from scorecard.export.images import chart_svg as svg

    return svg(chart)


__all__ = [
    "FORMATS",
    "MEDIA_TYPES",
    "chart_png",
    "chart_svg",
    "full_report",
    "render",
    "write_report",
]


def build_xlsx(report: Report, meta: Any = None) -> bytes:
    """The workbook of a report (see :func:`scorecard.export.xlsx.build_xlsx`)."""
    from scorecard.export.xlsx import build_xlsx as build

    return build(report, meta)


def build_pptx(report: Report, meta: Any = None, charts: Any = None) -> bytes:
    """The deck of a report (see :func:`scorecard.export.deck.build_pptx`)."""
    from scorecard.export.deck import build_pptx as build

    return build(report, meta, charts)


__all__ += ["build_pptx", "build_xlsx"]
