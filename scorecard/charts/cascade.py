"""Cascade charts for a projector: big type, Okabe–Ito colours, titles that state the finding.

Each builder takes a frame from :mod:`scorecard.cascade` and returns an Altair chart; titles are
sentences built from the data, e.g. "Sales: staff began 38 days after their VP, on median".
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from scorecard.cascade.report import COMPANY
from scorecard.schema import TIERS

#: Okabe & Ito (2008), colour-blind safe; black left out so text stays readable on it.
OKABE_ITO: tuple[str, ...] = ("#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00",
                              "#CC79A7", "#F0E442")
TIER_COLOURS: dict[str, str] = dict(zip(TIERS, OKABE_ITO, strict=False))
#: Sequential scheme for adoption: light to dark blue reads in grey and for all colour vision.
ADOPTION_SCHEME = "blues"
FONT = {"label": 18, "title": 20, "chart": 26}


def projector(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """Large labels and titles, no view border: readable from the back of a boardroom."""
    return (chart.configure_axis(labelFontSize=FONT["label"], titleFontSize=FONT["title"])
            .configure_legend(labelFontSize=FONT["label"], titleFontSize=FONT["title"])
            .configure_header(labelFontSize=FONT["title"], titleFontSize=FONT["title"])
            .configure_title(fontSize=FONT["chart"], anchor="start")
            .configure_view(strokeWidth=0))


def _pct(value: float) -> str:
    return "—" if pd.isna(value) else f"{value:.0%}"


def _scope(department: str | None) -> str:
    return department if department else "Company"


def _plural(tier: str) -> str:
    return {"Staff": "staff", "C-suite": "the C-suite"}.get(tier, f"{tier}s")


def adoption_title(adoption: pd.DataFrame, department: str | None = None) -> str:
    """The finding of adoption-by-tier rows, e.g. "Sales: staff adoption rose from 10% to 60%"."""
    if adoption.empty:
        return f"{_scope(department)}: nobody on the roster"
    deepest = max(adoption["tier"], key=lambda t: TIERS.index(t) if t in TIERS else -1)
    rows = adoption[adoption["tier"] == deepest].sort_values("month")
    first, last = rows["adoption"].iloc[0], rows["adoption"].iloc[-1]
    who = _plural(deepest)
    if len(rows) == 1:
        return f"{_scope(department)}: {_pct(last)} of {who} active"
    verb = ("stayed" if _pct(last) == _pct(first) else "rose" if last > first else "fell")
    span = f"at {_pct(last)}" if verb == "stayed" else f"from {_pct(first)} to {_pct(last)}"
    return f"{_scope(department)}: {who} adoption {verb} {span}"


def adoption_by_tier_chart(adoption: pd.DataFrame, department: str | None = None) -> alt.Chart:
    """Lines of adoption (0–100%) per tier over the months, one colour per tier.

    ``adoption``: :func:`scorecard.cascade.adoption_of` rows (with or without a department
    column); given ``department``, only its rows are drawn.
    """
    if department is not None and "department" in adoption:
        adoption = adoption[adoption["department"] == department]
    data = adoption[["tier", "month", "people", "active", "adoption"]]
    tiers = [t for t in TIERS if t in set(data["tier"])]
    chart = alt.Chart(data, title=adoption_title(data, department)).mark_line(
        point=alt.OverlayMarkDef(size=120), strokeWidth=4).encode(
        x=alt.X("month:T", title=None, axis=alt.Axis(format="%b %Y", tickCount="month")),
        y=alt.Y("adoption:Q", title="Active share", scale=alt.Scale(domain=[0, 1]),
                axis=alt.Axis(format="%")),
        color=alt.Color("tier:N", title="Tier", sort=tiers, scale=alt.Scale(
            domain=tiers, range=[TIER_COLOURS[t] for t in tiers])),
        tooltip=["tier:N", alt.Tooltip("month:T", format="%B %Y"), "active:Q", "people:Q",
                 alt.Tooltip("adoption:Q", format=".0%")],
    ).properties(width=720, height=400)
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
    chart = alt.Chart(icicle, title=icicle_title(icicle, focus)).mark_rect(
        stroke="white", strokeWidth=1).encode(
        x=alt.X("x0:Q", title="People", axis=alt.Axis(format=",d")),
        x2="x1:Q",
        y=alt.Y("level:O", title="Level", axis=alt.Axis(labelExpr="datum.value")),
        color=alt.Color("adoption:Q", title="Active", scale=alt.Scale(
            scheme=ADOPTION_SCHEME, domain=[0, 1]), legend=alt.Legend(format="%")),
        tooltip=["name:N", "tier:N", "department:N", "people:Q", "active:Q",
                 alt.Tooltip("adoption:Q", format=".0%")],
    ).properties(width=900, height=90 * levels)
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
    days = abs(median)
    unit = "day" if days == 1 else "days"
    side = "after" if median > 0 else "before"
    return f"{scope}: {who} began {days:g} {unit} {side} {boss}, on median"


def lag_histogram_chart(pairs: pd.DataFrame, department: str | None = None) -> alt.Chart:
    """Histogram of cascade lag in days (report's start − manager's), both-active pairs only.

    ``pairs``: :func:`scorecard.cascade.lag_pairs_of` rows; given ``department``, its rows only.
    Negative lags (report started first) are kept: they are part of the story.
    """
    if department is not None:
        pairs = pairs[pairs["department"] == department]
    data = pairs.loc[pairs["lag_days"].notna(), ["lag_days", "tier", "manager_tier"]]
    chart = alt.Chart(data, title=lag_title(pairs, department)).mark_bar(
        color=OKABE_ITO[3]).encode(
        x=alt.X("lag_days:Q", bin=alt.Bin(maxbins=30), title="Days after their manager started"),
        y=alt.Y("count():Q", title="Reports"),
        tooltip=[alt.Tooltip("count():Q", title="Reports")],
    ).properties(width=720, height=380)
    return projector(chart)


def lift_reach_title(departments: pd.DataFrame) -> str:
    """E.g. "Sales cascades most: 3.1× as likely to be active when the manager is"."""
    ranked = departments[departments["department"] != COMPANY].dropna(subset=["lift"])
    ranked = ranked.sort_values("lift", ascending=False)
    if ranked.empty:
        return "No department has managers both active and inactive yet"
    best = ranked.iloc[0]
    return (f"{best['department']} cascades most: people are {best['lift']:.1f}× as likely "
            "to be active when their manager is")


def lift_reach_chart(departments: pd.DataFrame) -> alt.FacetChart:
    """Departments side by side: cascade lift (× as likely) and team reach (share active below).

    ``departments``: :func:`scorecard.cascade.departments_of` rows (the company row is drawn
    too). One bar per department in each panel; a rule marks lift 1 (no cascade). Missing
    values draw no bar.
    """
    long = departments.melt(id_vars=["department"], value_vars=["lift", "reach"],
                            var_name="measure", value_name="value")
    long["measure"] = long["measure"].map({"lift": "Cascade lift (×)", "reach": "Team reach"})
    order = departments.sort_values("lift", ascending=False, na_position="last")["department"]
    base = alt.Chart(long).encode(
        y=alt.Y("department:N", title=None, sort=list(order)),
        x=alt.X("value:Q", title=None),
    )
    bars = base.mark_bar(color=OKABE_ITO[1]).encode(
        tooltip=["department:N", "measure:N", alt.Tooltip("value:Q", format=".2f")])
    labels = base.mark_text(align="left", dx=6, fontSize=FONT["label"]).encode(
        text=alt.Text("value:Q", format=".2f"))
    chart = alt.layer(bars, labels, data=long).properties(width=380, height=40 * len(order)
                                                          ).facet(
        column=alt.Column("measure:N", title=None,
                          sort=["Cascade lift (×)", "Team reach"]),
        title=lift_reach_title(departments),
    ).resolve_scale(x="independent")
    return projector(chart)


__all__ = [
    "ADOPTION_SCHEME", "OKABE_ITO", "TIER_COLOURS", "adoption_by_tier_chart", "adoption_title",
    "icicle_chart", "icicle_title", "lag_histogram_chart", "lag_title", "lift_reach_chart",
    "lift_reach_title", "projector",
]
