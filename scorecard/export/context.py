"""What the board pack needs beyond the Report: the company's branding and the report of the
previous period of equal length (for "what moved" and "what changed")."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from scorecard.assumptions import as_mapping, text_setting
from scorecard.dataset import Dataset, Period
from scorecard.export.meta import is_sample
from scorecard.report import Report


@dataclass(frozen=True)
class Branding:
    """The company's name and accent colour (assumptions ``company_name``, ``brand_color``;
    the defaults are the assumptions registry's)."""

    company: str = field(default_factory=lambda: text_setting({}, "company_name"))
    color: str = field(default_factory=lambda: text_setting({}, "brand_color"))  # "#RRGGBB"

    @property
    def rgb(self) -> tuple[int, int, int]:
        """(red, green, blue), 0–255 each."""
        return int(self.color[1:3], 16), int(self.color[3:5], 16), int(self.color[5:7], 16)


def branding(assumptions: Mapping[str, str]) -> Branding:
    """The pack's branding from ``{lower-case key: value}``; a blank or malformed value (a
    colour that is not #RRGGBB) takes the documented default."""
    return Branding(
        text_setting(assumptions, "company_name"), text_setting(assumptions, "brand_color")
    )


@dataclass(frozen=True)
class PackContext:
    """``previous`` is ``None`` when the data does not reach the previous period's first
    month: the pack then compares nothing rather than rising from zero."""

    previous: Report | None = None
    brand: Branding = field(default_factory=Branding)


def reaches_back(dataset: Dataset, period: Period) -> bool:
    """Whether the data's activity starts in or before ``period.previous()``'s first month."""
    span = dataset.date_range
    before = period.previous()
    return span is not None and (span[0].year, span[0].month) <= (
        before.start.year,
        before.start.month,
    )


def company_of(meta: object, brand: Branding) -> str:
    """The company the pack names (title slide, About sheet): the assumption ``company_name``,
    never the uploaded file's name; the bundled sample names itself unless its assumptions name
    a company."""
    sample = is_sample(meta) and brand.company == Branding().company
    return "Sample company" if sample else brand.company


def brand_context(dataset: Dataset) -> PackContext:
    """Branding alone (no previous period): what the workbook needs."""
    return PackContext(None, branding(as_mapping(dataset.assumptions)))


def pack_context(
    dataset: Dataset, period: Period, report_of: Callable[[Period], Report]
) -> PackContext:
    """Branding from ``dataset``'s assumptions and ``report_of(period.previous())`` when the
    data reaches back that far (``report_of`` applies the same filters and scope)."""
    previous = report_of(period.previous()) if reaches_back(dataset, period) else None
    return PackContext(previous, branding(as_mapping(dataset.assumptions)))
