"""Cascade charts for a projector: big type, Okabe–Ito colours, titles that state the finding.

Each builder takes a frame from :mod:`scorecard.cascade` and returns an Altair chart; titles are
sentences built from the data, e.g. "Sales: staff began 38 days after their VP, on median".
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from scorecard.cascade.report import COMPANY
from scorecard.dictionary import metric
from scorecard.formatting import number
from scorecard.schema import TIERS

#: Okabe & Ito (2008), colour-blind safe; black left out so text stays readable on it.
OKABE_ITO: tuple[str, ...] = (
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#0072B2",
    "#D55E00",
    "#CC79A7",
    "#F0E442",
)
TIER_COLOURS: dict[str, str] = dict(zip(TIERS, OKABE_ITO, strict=False))
#: Sequential scheme for adoption: light to dark blue reads in grey and for all colour vision.
ADOPTION_SCHEME = "blues"
FONT = {"label": 18, "title": 20, "chart": 26}
#: Characters per title line: under 700 px of 26 px bold type, inside the narrowest chart (720).
TITLE_CHARS = 56
#: Pixels an axis label may take before "…" (Vega's default, 180, cuts "Customer Experience").
LABEL_LIMIT = 320
#: Lag bin widths in days, smallest first: a day, then whole weeks, so edges land on 0 and ±7k.
LAG_STEPS: tuple[int, ...] = (1, 7, 14, 28, 56, 91, 182, 364)
LAG_MAX_BINS = 30
#: At most this many labelled ticks on the lag axis, so 18 px labels never collide.
LAG_MAX_TICKS = 12
NO_COMPARISON = "— no comparison"


def projector(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """Large labels and titles, no view border: readable from the back of a boardroom."""
    return (
        chart.configure_axis(
            labelFontSize=FONT["label"], titleFontSize=FONT["title"], labelLimit=LABEL_LIMIT
        )
        .configure_legend(labelFontSize=FONT["label"], titleFontSize=FONT["title"])
        .configure_header(labelFontSize=FONT["title"], titleFontSize=FONT["title"])
        .configure_title(fontSize=FONT["chart"], anchor="start")
        .configure_view(strokeWidth=0)
    )


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines or [""]


def title_lines(text: str, width: int = TITLE_CHARS) -> list[str]:
    """``text`` broken at spaces into lines of at most ``width`` characters (Vega-Lite draws a
    list as one line each; it never wraps a string), as even as the words allow, so no line
    ends with a lone word. A single word longer than ``width`` keeps a line of its own."""
    greedy = _wrap(text, width)
    for target in range(-(-len(text) // len(greedy)), width):  # from the even share upwards
        even = _wrap(text, target)
        if len(even) == len(greedy):
            return even
    return greedy


def _title(text: str) -> alt.TitleParams:
    return alt.TitleParams(text=title_lines(text))


def _pct(value: float) -> str:
    return number(value, "%")  # the one formatter: a title reads as the figure beside it


def _scope(department: str | None) -> str:
    return department if department else "Company"


def _plural(tier: str) -> str:
    return {"Staff": "staff", "C-suite": "the C-suite"}.get(tier, f"{tier}s")


def adoption_title(adoption: pd.DataFrame, department: str | None = None) -> str:
    """The finding of adoption-by-tier rows, e.g. "Sales: staff adoption rose from 10.0% to 60.0%"
    (months before the data begins are not rows: see :mod:`scorecard.cascade.activity`)."""
    if adoption.empty:
        return f"{_scope(department)}: nobody on the roster"
    deepest = max(adoption["tier"], key=lambda t: TIERS.index(t) if t in TIERS else -1)
    rows = adoption[adoption["tier"] == deepest].sort_values("month")
    first, last = rows["adoption"].iloc[0], rows["adoption"].iloc[-1]
    who = _plural(deepest)
    if len(rows) == 1:
        return f"{_scope(department)}: {_pct(last)} of {who} active"
    verb = "stayed" if _pct(last) == _pct(first) else "rose" if last > first else "fell"
    span = f"at {_pct(last)}" if verb == "stayed" else f"from {_pct(first)} to {_pct(last)}"
    return f"{_scope(department)}: {who} adoption {verb} {span}"


def adoption_by_tier_chart(
    adoption: pd.DataFrame, department: str | None = None, title_chars: int = TITLE_CHARS
) -> alt.Chart:
    """Lines of adoption (0–100%) per tier over the months, one colour per tier.

    ``adoption``: :func:`scorecard.cascade.adoption_of` rows (with or without a department
    column); given ``department``, only its rows are drawn. ``title_chars``: characters per
    title line (narrower where the chart shares a projector screen with two others).
    """
    if department is not None and "department" in adoption:
        adoption = adoption[adoption["department"] == department]
    data = adoption[["tier", "month", "people", "active", "adoption"]]
    tiers = [t for t in TIERS if t in set(data["tier"])]
    chart = (
        alt.Chart(
            data, title=alt.TitleParams(title_lines(adoption_title(data, department), title_chars))
        )
        .mark_line(point=alt.OverlayMarkDef(size=120), strokeWidth=4)
        .encode(
            x=alt.X("month:T", title=None, axis=alt.Axis(format="%b %Y", tickCount="month")),
            y=alt.Y(
                "adoption:Q",
                title="Active share",
                scale=alt.Scale(domain=[0, 1]),
                axis=alt.Axis(format="%"),
            ),
            color=alt.Color(
                "tier:N",
                title="Tier",
                sort=tiers,
                scale=alt.Scale(domain=tiers, range=[TIER_COLOURS[t] for t in tiers]),
            ),
            tooltip=[
                "tier:N",
                alt.Tooltip("month:T", format="%B %Y"),
                "active:Q",
                "people:Q",
                alt.Tooltip("adoption:Q", format=".0%"),
            ],
        )
        .properties(width=720, height=400)
    )
    return projector(chart)


def icicle_title(icicle: pd.DataFrame, focus: str) -> str:
    """E.g. "Sales: 62% of 40 people active"."""
    if icicle.empty:
        return f"{focus}: nobody in focus"
    top = icicle[icicle["level"] == 0]  # one bar: everyone in focus, or the leader
    people, active = int(top["people"].sum()), int(top["active"].sum())
    return f"{focus}: {_pct(active / people)} of {people:,} people active"


def icicle_chart(icicle: pd.DataFrame, focus: str = "Company") -> alt.Chart:
    """The org as an icicle: x = span of the subtree (people), y = level, colour = adoption.

    ``icicle``: :func:`scorecard.cascade.icicle_of` rows; ``focus`` names the department or
    leader in the title.
    """
    levels = int(icicle["level"].max()) + 1 if len(icicle) else 1
    chart = (
        alt.Chart(icicle, title=_title(icicle_title(icicle, focus)))
        .mark_rect(stroke="white", strokeWidth=1)
        .encode(
            x=alt.X("x0:Q", title="People", axis=alt.Axis(format=",d")),
            x2="x1:Q",
            y=alt.Y("level:O", title="Level", axis=alt.Axis(labelExpr="datum.value")),
            color=alt.Color(
                "adoption:Q",
                title="Active",
                scale=alt.Scale(scheme=ADOPTION_SCHEME, domain=[0, 1]),
                legend=alt.Legend(format="%"),
            ),
            tooltip=[
                "name:N",
                "tier:N",
                "department:N",
                "people:Q",
                "active:Q",
                alt.Tooltip("adoption:Q", format=".0%"),
            ],
        )
        .properties(width=900, height=90 * levels)
    )
    return projector(chart)


def lag_title(pairs: pd.DataFrame, department: str | None = None) -> str:
    """E.g. "Sales: staff began 38 days after their VP, on median" (pairs of ``department``)."""
    if department is not None:
        pairs = pairs[pairs["department"] == department]
    started = pairs[pairs["lag_days"].notna()]
    scope = _scope(department)
    if started.empty:
        return f"{scope}: no report and manager both active yet"
    median = float(started["lag_days"].median())
    tiers, bosses = started["tier"].unique(), started["manager_tier"].unique()
    who = _plural(tiers[0]) if len(tiers) == 1 else "reports"
    boss = f"their {bosses[0]}" if len(bosses) == 1 and bosses[0] != "Staff" else "their manager"
    if median == 0:
        return f"{scope}: {who} began the same day as {boss}, on median"
    days = number(abs(median), "days")
    unit = "day" if days == "1" else "days"
    side = "after" if median > 0 else "before"
    return f"{scope}: {who} began {days} {unit} {side} {boss}, on median"


def lag_bins(lags: pd.Series) -> tuple[int, list[int]]:
    """Bin width (days) and bin edges for whole-day lags: the smallest of :data:`LAG_STEPS`
    giving at most :data:`LAG_MAX_BINS` bins; edges are multiples of the width, so 0 is always
    an edge and every bin holds whole days. No lags: width 1, edges [0, 1]."""
    known = lags.dropna()
    if known.empty:
        return 1, [0, 1]
    low, high = int(known.min() // 1), int(known.max() // 1)
    step = next((s for s in LAG_STEPS if high // s - low // s + 1 <= LAG_MAX_BINS), LAG_STEPS[-1])
    first, last = (low // step) * step, (high // step + 1) * step
    return step, list(range(first, last + 1, step))


def lag_histogram_chart(pairs: pd.DataFrame, department: str | None = None) -> alt.Chart:
    """Histogram of cascade lag in days (report's start − manager's), both-active pairs only.

    ``pairs``: :func:`scorecard.cascade.lag_pairs_of` rows; given ``department``, its rows only.
    Negative lags (report started first) are kept: they are part of the story. Bins are whole
    days or weeks (:func:`lag_bins`), ticks whole numbers on bin edges.
    """
    if department is not None:
        pairs = pairs[pairs["department"] == department]
    data = pairs.loc[pairs["lag_days"].notna(), ["lag_days", "tier", "manager_tier"]]
    step, edges = lag_bins(data["lag_days"])
    every = -(-(len(edges) - 1) // LAG_MAX_TICKS) or 1  # ceil: bins per labelled tick
    ticks = [e for e in edges if (e // step) % every == 0]
    chart = (
        alt.Chart(data, title=_title(lag_title(pairs, department)))
        .mark_bar(color=OKABE_ITO[3])
        .encode(
            x=alt.X(
                "lag_days:Q",
                bin=alt.Bin(step=step, extent=[edges[0], edges[-1]], nice=False),
                title="Days after their manager started",
                axis=alt.Axis(values=ticks, format="d"),
            ),
            y=alt.Y("count():Q", title="Reports"),
            tooltip=[
                alt.Tooltip(
                    "lag_days:Q",
                    bin=alt.Bin(step=step, extent=[edges[0], edges[-1]], nice=False),
                    title="Days",
                    format="d",
                ),
                alt.Tooltip("count():Q", title="Reports"),
            ],
        )
        .properties(width=720, height=380)
    )
    return projector(chart)


def lift_reach_title(departments: pd.DataFrame) -> str:
    """E.g. "Sales cascades most: people are 3.1× as likely to be active when their manager is".

    The superlative only when true: the best lift must be above 1 (as it reads, so 1.04 → "1.0×"
    does not count); otherwise no team follows its manager yet.
    """
    ranked = departments[departments["department"] != COMPANY].dropna(subset=["lift"])
    ranked = ranked.sort_values("lift", ascending=False)
    if ranked.empty:
        return "No department has managers both active and inactive yet"
    best = ranked.iloc[0]
    shown = number(best["lift"], "multiple")
    if float(shown.rstrip("×").replace(",", "")) <= 1:
        return (
            f"No team follows its manager yet: at best people are {shown} as likely to be "
            "active when their manager is"
        )
    return (
        f"{best['department']} cascades most: people are {shown} as likely "
        "to be active when their manager is"
    )


def lift_reach_chart(departments: pd.DataFrame) -> alt.FacetChart:
    """Departments side by side: cascade lift (× as likely) and team reach (share active below).

    ``departments``: :func:`scorecard.cascade.departments_of` rows (the company row is drawn
    too). One bar per department in each panel, its value written beside it; a missing value
    (a lift with one side empty) draws no bar but the words "— no comparison" at zero ("—" for
    a missing reach), so the empty slot is explained rather than left blank.
    """
    long = departments.melt(
        id_vars=["department"], value_vars=["lift", "reach"], var_name="measure", value_name="value"
    )
    # A lift is missing when one side (manager active / inactive) is empty; a reach when nobody
    # is below the heads: only the first is a comparison that could not be made.
    blank = long["measure"].map({"lift": NO_COMPARISON, "reach": "—"})
    units = long["measure"].map(
        {"lift": metric("cascade_lift").unit, "reach": metric("team_reach").unit}
    )
    labels = [number(v, u) for v, u in zip(long["value"], units, strict=True)]
    long["label"] = pd.Series(labels, index=long.index).where(long["value"].notna(), blank)
    long["at"] = long["value"].fillna(0.0)  # where the label sits: a missing value at zero
    long["measure"] = long["measure"].map({"lift": "Cascade lift (×)", "reach": "Team reach"})
    order = departments.sort_values("lift", ascending=False, na_position="last")["department"]
    y = alt.Y("department:N", title=None, sort=list(order), axis=alt.Axis(labelLimit=LABEL_LIMIT))
    # Five ticks at most: 18 px labels at every 0.1 of a 380 px panel ran into each other.
    x_axis = alt.Axis(tickCount=5, labelOverlap="greedy", labelFlush=True)
    bars = (
        alt.Chart()
        .mark_bar(color=OKABE_ITO[1])
        .encode(
            y=y,
            x=alt.X("value:Q", title=None, axis=x_axis),
            tooltip=["department:N", "measure:N", alt.Tooltip("value:Q", format=".2f")],
        )
    )
    labels = (
        alt.Chart()
        .mark_text(align="left", dx=6, fontSize=FONT["label"])
        .encode(y=y, x=alt.X("at:Q", title=None, axis=x_axis), text="label:N")
    )
    chart = (
        alt.layer(bars, labels, data=long)
        .properties(width=380, height=40 * len(order))
        .facet(
            column=alt.Column("measure:N", title=None, sort=["Cascade lift (×)", "Team reach"]),
            title=_title(lift_reach_title(departments)),
        )
        .resolve_scale(x="independent")
    )
    return projector(chart)


__all__ = [
    "ADOPTION_SCHEME",
    "NO_COMPARISON",
    "OKABE_ITO",
    "TIER_COLOURS",
    "adoption_by_tier_chart",
    "adoption_title",
    "icicle_chart",
    "icicle_title",
    "lag_bins",
    "lag_histogram_chart",
    "lag_title",
    "lift_reach_chart",
    "lift_reach_title",
    "projector",
    "title_lines",
]
