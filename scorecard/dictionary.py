"""The ROI dictionary: one registry of every metric the app, the CLI and the exports show.

Pages, exports and the JSON report loop over :data:`REGISTRY`; no metric id is spelled anywhere
else except where it is computed. Metrics sit in the order of the AMEC evaluation chain
(:data:`STAGES`), so a loop over the registry reads as the chain from inputs to impact.

Units (:data:`UNITS`) are few on purpose, and values are stored in their natural scale:

- ``count``: a number of things; ``days``: a number of (person-)days; ``points``: bonus points;
- ``%``: a share stored as a fraction 0–1 (formatters multiply by 100);
- ``per_post``: received engagements per original post (or per post per 1,000 followers);
- ``currency``: money in the dataset's currency (assumption ``currency``);
- ``ratio``: a return such as social ROI, 1.0 meaning "value is twice the cost";
- ``multiple``: how many times as likely (the cascade lift; 1.0 means no difference);
- ``score``: 0–100;
- ``tier``: a tier name (C-suite … Staff), not a number (the cascade front).

``aggregation`` says how a department or the company gets its value: ``sum`` adds its people's
values (so a department equals the sum of its people), ``ratio`` divides the group's own sums
(never a mean of people's ratios), ``share`` is the share of the group's people for whom a yes/no
metric holds, ``distinct`` counts distinct values over the group, ``score`` recomputes the score
from the group's sums, ``median`` takes the median over the group's reporting lines,
``deepest`` the deepest tier reaching a share. ``home`` names the module computing it:
``scorecard`` (:func:`scorecard.metrics.compute`), ``cascade`` (:mod:`scorecard.cascade`, per
department and the company, along reporting lines), ``goals`` or ``bonus``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Stage = Literal["inputs", "activities", "outputs", "outtakes", "outcomes", "impact"]
Unit = Literal[
    "count",
    "days",
    "points",
    "%",
    "per_post",
    "currency",
    "currency_cents",
    "ratio",
    "multiple",
    "score",
    "tier",
]
Direction = Literal["up", "down"]
Provenance = Literal["measured", "estimated"]
Aggregation = Literal["sum", "ratio", "share", "distinct", "score", "median", "deepest"]
Home = Literal["scorecard", "cascade", "goals", "bonus"]

STAGES: tuple[Stage, ...] = ("inputs", "activities", "outputs", "outtakes", "outcomes", "impact")
UNITS: tuple[Unit, ...] = (
    "count",
    "days",
    "points",
    "%",
    "per_post",
    "currency",
    "currency_cents",
    "ratio",
    "multiple",
    "score",
    "tier",
)

#: Decimals kept when a value of the unit is written to JSON (a % is a fraction, hence 4).
UNIT_DECIMALS: dict[str, int] = {
    "count": 2,
    "days": 2,
    "points": 2,
    "%": 4,
    "per_post": 3,
    "currency": 2,
    "currency_cents": 2,
    "ratio": 3,
    "multiple": 3,
    "score": 1,
    "tier": 0,
}

SOCIALCAST = "Socialcast, October 2010 survey of executives"


@dataclass(frozen=True)
class MetricDef:
    """One definition of the dictionary.

    ``sentence`` is what an executive reads; ``formula`` is how it is computed, in words and
    symbols; ``benchmark`` is a published figure in the metric's unit (``None`` without one).
    """

    id: str
    label: str
    sentence: str
    formula: str
    unit: Unit
    direction: Direction
    stage: Stage
    provenance: Provenance = "measured"
    aggregation: Aggregation = "sum"
    home: Home = "scorecard"
    benchmark: float | None = None
    benchmark_source: str = ""

    @property
    def decimals(self) -> int:
        return UNIT_DECIMALS[self.unit]


def _m(
    id: str, label: str, sentence: str, formula: str, unit: Unit, stage: Stage, **kw: object
) -> MetricDef:
    kw.setdefault("direction", "up")
    return MetricDef(id, label, sentence, formula, unit, stage=stage, **kw)  # type: ignore[arg-type]


_PER_1K = (
    "Only people whose followers are known count; a group divides its received "
    "engagements by Σ posts × followers / 1,000 of those people."
)

REGISTRY: tuple[MetricDef, ...] = (
    # inputs: what social costs us
    _m(
        "headcount",
        "People",
        "How many people are in scope.",
        "people in scope (one per person)",
        "count",
        "inputs",
    ),
    _m(
        "time_cost",
        "Time cost",
        "What the hours spent on social cost, at each person's hourly cost.",
        "Σ minutes / 60 × hourly cost; a row without minutes takes its action's default minutes "
        "× count; a person without hourly_cost takes hourly_cost_default (85)",
        "currency",
        "inputs",
        direction="down",
        provenance="estimated",
    ),
    # activities: what was done
    _m(
        "actions",
        "Actions",
        "Everything done on social: posts, replies, shares and the rest.",
        "Σ count over all activity rows",
        "count",
        "activities",
    ),
    _m(
        "posts",
        "Posts",
        "Original content published: posts, videos, blogs and articles.",
        "Σ count where action ∈ {post, video, blog, article}",
        "count",
        "activities",
    ),
    _m(
        "replies",
        "Replies",
        "Replies and comments written: the dialogue side of social.",
        "Σ count where action ∈ {reply, comment}",
        "count",
        "activities",
    ),
    _m(
        "shares",
        "Shares",
        "Other people's content passed on.",
        "Σ count where action = share",
        "count",
        "activities",
    ),
    _m(
        "active_days",
        "Active days",
        "Days with at least one action; for a group, the sum of its people's active days.",
        "distinct dates with an action (group: Σ person-days)",
        "days",
        "activities",
    ),
    _m(
        "channels",
        "Channels",
        "How many different channels were used.",
        "distinct channels with an action (group: distinct over the group)",
        "count",
        "activities",
        aggregation="distinct",
    ),
    _m(
        "active_share",
        "Active share",
        "Share of people who were active: at least the active threshold of actions.",
        "people with actions ≥ active_threshold (1) in at least one calendar month of the "
        "period / people",
        "%",
        "activities",
        aggregation="share",
    ),
    _m(
        "multi_daily",
        "Multi-daily",
        "Uses social several times a day: on average two actions or more per business day. "
        "For a group, the share of its people who do.",
        "actions / business days of the period ≥ 2 (person: 1 or 0; group: share of people; "
        "missing for a period without business days)",
        "%",
        "activities",
        aggregation="share",
        benchmark=0.40,
        benchmark_source=SOCIALCAST + ": 40% used social media multiple times per day",
    ),
    _m(
        "blogging",
        "Blogging",
        "Blogs: any action on the Blog channel or of type blog. For a group, the share of its "
        "people who do.",
        "any action with channel = Blog or action = blog (person: 1 or 0; group: share of people)",
        "%",
        "activities",
        aggregation="share",
        benchmark=0.05,
        benchmark_source=SOCIALCAST + ": 5% used blogs",
    ),
    # activities, the cascade: who is active down the reporting lines
    _m(
        "adoption",
        "Adoption",
        "Share of people active in a month; by tier and month it shows activity moving down.",
        "active people / people (active in a month: actions ≥ active_threshold (1); over a "
        "period: active in at least one of its months); everyone on the roster counts",
        "%",
        "activities",
        aggregation="share",
        home="cascade",
    ),
    _m(
        "team_reach",
        "Team reach",
        "How much of everyone below a leader is active.",
        "people below the leader (all levels) active in at least one month of the period / "
        "people below; a department: its people whose manager is in the department, active / "
        "those people; missing with nobody below",
        "%",
        "activities",
        aggregation="share",
        home="cascade",
    ),
    _m(
        "front",
        "Cascade front",
        "How far down the tiers activity has come: the deepest tier with half its people active.",
        "the deepest tier in C-suite → Staff order whose adoption that month ≥ 50%; none when "
        "no tier reaches half",
        "tier",
        "activities",
        aggregation="deepest",
        home="cascade",
    ),
    # outputs: how it was done
    _m(
        "dialogue_ratio",
        "Dialogue ratio",
        "How much is talking with people rather than at them: replies per action.",
        "replies / actions",
        "%",
        "outputs",
        aggregation="ratio",
    ),
    _m(
        "beyond_marketing",
        "Beyond marketing",
        "Share of purposed activity that serves employees, reputation, initiatives or "
        "customers rather than marketing.",
        "actions whose purpose ≠ marketing / actions with a purpose",
        "%",
        "outputs",
        aggregation="ratio",
    ),
    # outputs, the cascade: does the team follow its manager?
    _m(
        "cascade_lift",
        "Cascade lift",
        "How much likelier people are to be active in a month when their manager is; 1.0 "
        "means no cascade.",
        "P(active | manager active that month) / P(active | manager inactive that month), each "
        "P = active person-months / person-months, over the months of the period of everyone "
        "with a manager (a person counts in their own department, wherever their manager "
        "sits); missing when a side has no person-months or P(active | manager inactive) = 0",
        "multiple",
        "outputs",
        aggregation="ratio",
        home="cascade",
    ),
    _m(
        "median_lag_days",
        "Median lag (days)",
        "How long after their manager people started: the median in days.",
        "median over reporting lines where both started within the period of (report's first "
        "active day − manager's first active day), in days; a start is the first active day "
        "over all data, so someone active since before the period did not start in it",
        "days",
        "outputs",
        direction="down",
        aggregation="median",
        home="cascade",
    ),
    _m(
        "started_after_share",
        "Started after their manager",
        "Share of reporting lines where the report started after the manager.",
        "reporting lines with lag > 0 / reporting lines where both started within the period "
        "(the same day is not after); missing when there are none",
        "%",
        "outputs",
        aggregation="share",
        home="cascade",
    ),
    _m(
        "mostly_marketing",
        "Mostly marketing",
        "Uses social mostly for marketing: more than half of the purposed actions are "
        "marketing. For a group, the share of its people (with purposed actions) who do.",
        "marketing actions / actions with a purpose > 1/2 (person: 1 or 0, missing without "
        "purposed actions; group: share of people with purposed actions)",
        "%",
        "outputs",
        direction="down",
        aggregation="share",
        benchmark=0.58,
        benchmark_source=SOCIALCAST + ": 58% said social's purpose is marketing",
    ),
    _m(
        "on_message",
        "On message",
        "Share of themed posts that carry an approved message pillar.",
        "themed posts whose theme is in approved_themes / themed posts (counts; missing "
        "without approved_themes)",
        "%",
        "outputs",
        aggregation="ratio",
    ),
    _m(
        "voice_consistency",
        "Voice consistency",
        "How alike the message mix is across channels: 100% means every channel carries the "
        "same mix of themes.",
        "1 − Σ_c w_c · JSD₂(p_c, p): p_c the theme mix on channel c, p the overall mix, w_c "
        "channel c's share of themed posts; missing with fewer than two channels carrying themed "
        "posts",
        "%",
        "outputs",
        aggregation="ratio",
    ),
    # outtakes: how the audience answered
    _m(
        "impressions",
        "Impressions",
        "How often content was seen.",
        "Σ impressions",
        "count",
        "outtakes",
    ),
    _m(
        "reactions",
        "Reactions received",
        "Likes and other reactions the content received.",
        "Σ reactions",
        "count",
        "outtakes",
    ),
    _m(
        "comments_received",
        "Comments received",
        "Comments the content received.",
        "Σ comments_received",
        "count",
        "outtakes",
    ),
    _m(
        "shares_received",
        "Shares received",
        "Times other people passed the content on.",
        "Σ shares_received",
        "count",
        "outtakes",
    ),
    _m("clicks", "Clicks", "Clicks on links in the content.", "Σ clicks", "count", "outtakes"),
    _m(
        "engagement_rate",
        "Engagement per post",
        "Reactions, comments and shares received per original post.",
        "(reactions + comments_received + shares_received) / posts",
        "per_post",
        "outtakes",
        aggregation="ratio",
    ),
    _m(
        "conversation_rate",
        "Conversation rate",
        "Comments received per post (Kaushik, 2011).",
        "comments_received / posts",
        "per_post",
        "outtakes",
        aggregation="ratio",
    ),
    _m(
        "amplification_rate",
        "Amplification rate",
        "Shares received per post (Kaushik, 2011).",
        "shares_received / posts",
        "per_post",
        "outtakes",
        aggregation="ratio",
    ),
    _m(
        "applause_rate",
        "Applause rate",
        "Reactions received per post (Kaushik, 2011).",
        "reactions / posts",
        "per_post",
        "outtakes",
        aggregation="ratio",
    ),
    _m(
        "conversation_rate_per_1k",
        "Conversation rate per 1,000 followers",
        "Comments received per post for every 1,000 followers.",
        "comments_received / (posts × followers / 1,000). " + _PER_1K,
        "per_post",
        "outtakes",
        aggregation="ratio",
    ),
    _m(
        "amplification_rate_per_1k",
        "Amplification rate per 1,000 followers",
        "Shares received per post for every 1,000 followers.",
        "shares_received / (posts × followers / 1,000). " + _PER_1K,
        "per_post",
        "outtakes",
        aggregation="ratio",
    ),
    _m(
        "applause_rate_per_1k",
        "Applause rate per 1,000 followers",
        "Reactions received per post for every 1,000 followers.",
        "reactions / (posts × followers / 1,000). " + _PER_1K,
        "per_post",
        "outtakes",
        aggregation="ratio",
    ),
    # outcomes: what it brought the business
    _m(
        "economic_value",
        "Economic value",
        "Business results attributed to social, valued at the unit values in the assumptions. "
        "An estimate.",
        "Σ outcome value × value_per.<metric> over attributed outcome rows (person: rows of the "
        "person; department: rows of its people plus rows of the department alone; company: all "
        "attributed rows); outcomes without a unit value are not counted",
        "currency",
        "outcomes",
        provenance="estimated",
    ),
    _m(
        "vision_progress",
        "Vision progress",
        "How far a goal of the vision has come: actual over target.",
        "actual / target over the goal's window up to the last day of data",
        "%",
        "outcomes",
        aggregation="ratio",
        home="goals",
    ),
    _m(
        "bonus_points",
        "Bonus points",
        "Points earned toward the bonus pool, capped per month.",
        "Σ count × bonus.points.<action>, capped at bonus.cap_per_month per person and month",
        "points",
        "outcomes",
        home="bonus",
    ),
    _m(
        "bonus_share",
        "Bonus share",
        "Money from the bonus pool, in proportion to points, for people above the threshold.",
        "pool × points / Σ eligible points, rounded to cents by largest remainder",
        "currency_cents",
        "outcomes",
        home="bonus",
    ),
    # impact: is it worth it
    _m(
        "social_roi",
        "Social ROI",
        "What social returns for every unit of time it costs: 1.0 means value twice the cost. "
        "An estimate.",
        "(economic_value − time_cost) / time_cost; missing when time_cost is 0",
        "ratio",
        "impact",
        provenance="estimated",
        aggregation="ratio",
    ),
    _m(
        "leadership_score",
        "Leadership score",
        "One 0–100 grade of social leadership over five pillars: presence, dialogue, "
        "resonance, cascade and outcomes.",
        "Σ_p weight_p × min(actual_p / target_p, 1) × 100 / Σ weight_p; presence = active days "
        "per month, dialogue = dialogue_ratio, resonance = engagement_rate, cascade = team "
        "reach (group: active_share), outcomes = social_roi; a missing actual scores 0; the "
        "cascade pillar is left out (weights re-normalised) for people with nobody below them",
        "score",
        "impact",
        aggregation="score",
    ),
)

_BY_ID: dict[str, MetricDef] = {m.id: m for m in REGISTRY}


def metric(metric_id: str) -> MetricDef:
    """The definition of ``metric_id``; ``KeyError`` naming the id when it is unknown."""
    try:
        return _BY_ID[metric_id]
    except KeyError:
        raise KeyError(f"no metric {metric_id!r} in the dictionary") from None


def is_metric(metric_id: str) -> bool:
    """Whether ``metric_id`` is a dictionary id (goals may also name outcome metrics)."""
    return metric_id in _BY_ID


def metric_ids(home: Home | None = "scorecard") -> tuple[str, ...]:
    """Ids in chain order, those computed by ``home`` (``None``: all)."""
    return tuple(m.id for m in REGISTRY if home is None or m.home == home)


def by_stage() -> dict[str, tuple[MetricDef, ...]]:
    """The registry grouped by chain stage, stages in chain order."""
    return {s: tuple(m for m in REGISTRY if m.stage == s) for s in STAGES}
