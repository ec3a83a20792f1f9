"""The registry: complete, ordered along the chain, honest about estimates and benchmarks."""

from __future__ import annotations

import pytest

from scorecard.dictionary import (
    REGISTRY,
    STAGES,
    UNITS,
    by_stage,
    is_metric,
    metric,
    metric_ids,
)

SPEC_IDS = {
    "time_cost",
    "actions",
    "posts",
    "replies",
    "shares",
    "active_days",
    "channels",
    "multi_daily",
    "blogging",
    "dialogue_ratio",
    "beyond_marketing",
    "conversation_rate",
    "amplification_rate",
    "applause_rate",
    "conversation_rate_per_1k",
    "amplification_rate_per_1k",
    "applause_rate_per_1k",
    "on_message",
    "voice_consistency",
    "economic_value",
    "social_roi",
    "leadership_score",
    "vision_progress",
    "bonus_points",
    "bonus_share",
}


def test_every_spec_metric_is_defined_once():
    ids = [m.id for m in REGISTRY]
    assert len(ids) == len(set(ids))
    assert SPEC_IDS <= set(ids)


def test_registry_runs_along_the_chain():
    positions = [STAGES.index(m.stage) for m in REGISTRY]
    assert positions == sorted(positions)
    assert list(by_stage()) == list(STAGES)


def test_fields_are_complete_and_in_their_sets():
    for m in REGISTRY:
        assert m.unit in UNITS and m.direction in ("up", "down")
        assert m.label and m.sentence.endswith(".") and m.formula


def test_estimates_say_so():
    estimated = {m.id for m in REGISTRY if m.provenance == "estimated"}
    assert estimated == {"time_cost", "economic_value", "social_roi"}


def test_socialcast_benchmarks():
    marks = {m.id: m.benchmark for m in REGISTRY if m.benchmark is not None}
    assert marks == {"multi_daily": 0.40, "blogging": 0.05, "mostly_marketing": 0.58}
    assert all("Socialcast" in metric(i).benchmark_source for i in marks)


def test_lookup():
    assert metric("dialogue_ratio").unit == "%"
    assert is_metric("posts") and not is_metric("qualified_leads")
    assert "vision_progress" not in metric_ids("scorecard")
    with pytest.raises(KeyError, match="no metric 'nope'"):
        metric("nope")


def test_received_sums_are_registered_outtakes_that_add_up():
    for metric_id in ("reactions", "comments_received", "shares_received", "clicks"):
        m = metric(metric_id)
        assert (m.stage, m.unit, m.aggregation, m.home) == ("outtakes", "count", "sum", "scorecard")
        assert metric_id in metric_ids("scorecard")


def test_the_cascade_measures_are_in_the_registry():
    cascade = {m.id: (m.unit, m.direction) for m in REGISTRY if m.home == "cascade"}
    assert cascade == {
        "adoption": ("%", "up"),
        "team_reach": ("%", "up"),
        "front": ("tier", "up"),
        "cascade_lift": ("multiple", "up"),
        "median_lag_days": ("days", "down"),
        "started_after_share": ("%", "up"),
    }
    # The one formula of the lift, written once: both conditional probabilities, and when
    # it is missing.
    lift = metric("cascade_lift").formula
    assert "P(active | manager active that month) / P(active | manager inactive" in lift
    assert "missing when" in lift
    # Not scorecard metrics: goals and scorecards do not look for them in compute().
    assert not set(cascade) & set(metric_ids("scorecard"))
