"""The executive summary and the period-on-period changes, pinned by hand on the one-month,
two-goal company (tests/companies.py: ``one_month_two_goals``)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from scorecard.export import full_report
from scorecard.export.context import Branding, branding, pack_context, reaches_back
from scorecard.report import Report
from scorecard.summary import changes, executive_summary, risky_goals
from tests.companies import JANUARY_2026, one_month_two_goals


@pytest.fixture(scope="module")
def january() -> Report:
    return full_report(one_month_two_goals(with_december=True), JANUARY_2026)


@pytest.fixture(scope="module")
def december() -> Report:
    return full_report(one_month_two_goals(with_december=True), JANUARY_2026.previous())


def test_the_three_sentences_against_december(january: Report, december: Report) -> None:
    summary = executive_summary(january, december)
    # actions 5 → 7: (7 − 5) / 5 = +40.0%; active 2 of 4 = 50.0% → 4 of 4 = 100.0%
    assert summary.moved == (
        "Against 2025-12-01 to 2025-12-31, actions rose from 5 to 7 "
        "(+40.0%) and active share rose from 50.0% to 100.0%."
    )
    # Sales actions 4 against 20 × 20/31 = 12.9 expected ("13"), under 80% of it: off track;
    # posts 4 against 1.29: on track.
    assert summary.at_risk == (
        "1 of 2 goals is behind (1 off track): Actions · Sales, "
        "off track, at 4 against 13 expected."
    )
    assert summary.decide == (
        "The board should decide whether to add effort to "
        "Actions · Sales or reset its target of 20."
    )


def test_without_a_previous_period_nothing_is_compared(january: Report) -> None:
    moved = executive_summary(january, None).moved
    assert moved == (
        "The data holds no period before 2026-01-01 to compare with; in "
        "2026-01-01 to 2026-01-31: actions 7, active share 100.0%."
    )
    assert "rose" not in moved and "2025" not in moved  # no month outside the data


def test_the_previous_period_is_used_only_where_the_data_reaches() -> None:
    alone, with_december = one_month_two_goals(), one_month_two_goals(with_december=True)
    assert not reaches_back(alone, JANUARY_2026)
    assert reaches_back(with_december, JANUARY_2026)
    context = pack_context(alone, JANUARY_2026, lambda p: full_report(alone, p))
    assert context.previous is None
    assert context.brand == Branding("Acme Corp", "#AA3300")


def test_no_goal_all_on_track_and_at_risk_say_so(january: Report) -> None:
    none = replace(january, goals=())
    assert executive_summary(none, None).at_risk == (
        "No goals are set, so no goal can be called at risk."
    )
    assert executive_summary(none, None).decide.startswith(
        "The board should decide the vision's goals"
    )
    on_track = replace(january, goals=tuple(g for g in january.goals if g.metric == "posts"))
    assert executive_summary(on_track, None).at_risk == "The one goal is on track."
    # the default pool, 10,000, when no goal is behind
    assert executive_summary(on_track, None).decide == (
        "The board should decide whether to keep the bonus pool at $10,000 for the next "
        "period, with every goal on course."
    )
    # Sales at 11 against 12.9 expected: 11 ≥ 0.8 × 12.9 = 10.3 → at risk (not off track)
    sales = next(g for g in january.goals if g.metric == "actions")
    risky = replace(january, goals=(replace(sales, actual=11.0, status="at risk"),))
    assert executive_summary(risky, None).at_risk == (
        "1 of 1 goal is behind (1 at risk): Actions · Sales, at risk, at 11 against 13 expected."
    )
    assert risky_goals(risky)[0].status == "at risk"
    # an outcome metric of no registry entry reads in words, as on the vision chart
    leads = replace(january, goals=(replace(sales, metric="qualified_leads"),))
    assert "Qualified leads · Sales, off track" in executive_summary(leads, None).at_risk


def test_changes_in_the_metrics_unit(january: Report, december: Report) -> None:
    rows = {c.label: c for c in changes(january, december)}
    assert (rows["Actions"].previous, rows["Actions"].current, rows["Actions"].change) == (
        "5",
        "7",
        "+2",
    )
    assert rows["Replies"].change == "-1"  # 3 comments in December, 2 replies in January
    # 50.0% → 100.0%: +50.0 percentage points; dialogue 3/5 = 60.0% → 2/7 = 28.6%: −31.4
    assert rows["Active share"].change == "+50.0 pts"
    assert (
        rows["Dialogue ratio"].previous,
        rows["Dialogue ratio"].current,
        rows["Dialogue ratio"].change,
    ) == ("60.0%", "28.6%", "-31.4 pts")
    assert {c.change for c in changes(january, None)} == {"—"}


def test_branding_takes_the_default_for_a_malformed_colour() -> None:
    assert branding({"company_name": " Acme ", "brand_color": "red"}) == Branding("Acme", "#0072B2")
    assert branding({}) == Branding("Your company", "#0072B2")
    assert Branding("x", "#AA3300").rgb == (0xAA, 0x33, 0x00)
