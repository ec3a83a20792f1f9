"""One-click board pack and chart images: files built only when asked for, cached per version.

``st.download_button`` takes a callable ``data``: Streamlit runs it when the button is clicked
(on its own thread), so a page never pays for a deck nobody asked for. The results are cached
on (dataset key, period, filters, format): the dataset key names an immutable version, so a
second click, or a second presenter, gets the same bytes at once.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import partial
from typing import Any

import streamlit as st

from scorecard.access import Access
from scorecard.dataset import DatasetInfo, Filters, Period
from scorecard.export import MEDIA_TYPES, PACK_FORMATS, Format, render
from scorecard.export.context import brand_context, pack_context
from scorecard.report import Report, build_report
from scorecard.ui import access, cache

PACK: tuple[tuple[Format, str, str], ...] = (
    ("pptx", "PowerPoint deck", ":material/slideshow:"),
    ("xlsx", "Excel workbook", ":material/table_view:"),
    ("pdf", "PDF", ":material/picture_as_pdf:"),
    ("json", "JSON report", ":material/data_object:"),
)


# A resource, not data: the Report is immutable, so sessions share it instead of a pickled copy.
@st.cache_resource(show_spinner=False, max_entries=8)
def _report(
    key: str, period: Period, filters: Filters, scope: tuple[str, ...] | None = None
) -> Report:
    if scope is None:
        return build_report(cache.dataset(key), period, filters)
    # A scoped viewer's pack is the whole company's report with the rows outside the scope (and
    # outside the chosen department) dropped: company figures and bonus shares are the ones
    # computed for everyone, never recomputed from the scope's rows.
    chosen = tuple(d for d in (filters.departments or scope) if d in scope) or scope
    whole = Filters(tiers=filters.tiers, channels=filters.channels)
    return build_report(cache.dataset(key), period, whole).within(chosen)


@st.cache_data(show_spinner=False, max_entries=12)
def pack_bytes(
    key: str,
    period: Period,
    filters: Filters,
    fmt: Format,
    _info: DatasetInfo,
    scope: tuple[str, ...] | None = None,
) -> bytes:
    """The board pack as one file, holding only ``scope``'s departments (``None``: all);
    ``_info`` (not hashed) follows from ``key``."""
    context = None
    if fmt in PACK_FORMATS:  # branding, and the previous period within the same scope
        context = pack_context(
            cache.dataset(key), period, lambda p: _report(key, p, filters, scope)
        )
    elif fmt == "xlsx":  # the About sheet names the company (assumption company_name)
        context = brand_context(cache.dataset(key))
    return render(_report(key, period, filters, scope), fmt, meta=_info, context=context)


def _audited(what: str, who: Access, build: Callable[[], bytes]) -> bytes:
    """``build()``, with the download in the audit log (runs when the button is clicked)."""
    data = build()
    access.record("download", what, who)
    return data


@st.cache_data(show_spinner=False, max_entries=32)
def _chart_file(spec_json: str, kind: str) -> bytes:
    from scorecard.export import chart_png, chart_svg

    spec = json.loads(spec_json)
    return chart_png(spec) if kind == "png" else chart_svg(spec).encode("utf-8")


def file_stem(period: Period, scope: str) -> str:
    """e.g. ``social-scorecard_2026-10-01_2026-10-31_sales``; a department name is user text,
    so only its letters and digits reach the file name (no ``/``, ``..`` or markup)."""
    words = re.sub(r"\W+", "-", scope.lower()).strip("-_")[:40]
    tail = "" if scope == "the whole company" or not words else "_" + words
    return f"social-scorecard_{period.start}_{period.end}{tail}"


def board_pack_buttons(
    key: str, info: DatasetInfo, period: Period, filters: Filters, scope: str, widget_prefix: str
) -> None:
    """The deck, the workbook and the JSON with exactly the numbers of this view, within the
    viewer's scope; nothing for a role without downloads."""
    who = access.current()
    if not who.downloads:
        return
    stem = file_stem(period, scope)
    for column, (fmt, label, icon) in zip(st.columns(len(PACK)), PACK, strict=True):
        build = partial(pack_bytes, key, period, filters, fmt, info, who.scope)
        column.download_button(
            label,
            data=partial(_audited, f"board pack {stem}.{fmt}", who, build),
            file_name=f"{stem}.{fmt}",
            mime=MEDIA_TYPES[fmt],
            icon=icon,
            key=f"{widget_prefix}_pack_{fmt}",
            on_click="ignore",
            width="stretch",
        )


def chart_buttons(chart: Any, name: str, widget_key: str) -> None:
    """PNG and SVG downloads of one chart on screen (an Altair chart or a Vega-Lite dict);
    nothing for a role without downloads."""
    who = access.current()
    if not who.downloads:
        return
    spec = chart if isinstance(chart, dict) else chart.to_dict()
    spec_json = json.dumps(spec, sort_keys=True, default=str)
    with st.popover("Save chart", icon=":material/download:"):
        for kind in ("png", "svg"):
            st.download_button(
                f"{kind.upper()} image",
                data=partial(
                    _audited, f"chart {name}.{kind}", who, partial(_chart_file, spec_json, kind)
                ),
                file_name=f"{name}.{kind}",
                mime=MEDIA_TYPES[kind],
                key=f"{widget_key}_{kind}",
                on_click="ignore",
            )
