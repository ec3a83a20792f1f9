"""The board's executive summary and the period-on-period changes, in words, from a Report.

Three sentences (:func:`executive_summary`): what moved against the previous period of equal
length, what is at risk among the goals, and what the board should decide. They say only what
the two reports hold: no previous period in the data gives no comparison (never a rise from
zero), no goal gives no risk, and no sentence ranks anything it did not compare.
Every number goes through :func:`scorecard.formatting.number`, as on every other output.
"""

from __future__ import annotations

from dataclasses import dataclass

from scorecard.dictionary import is_metric, metric
from scorecard.export.tables import metric_label
from scorecard.formatting import apart, is_missing, number
from scorecard.report import Goal, Report

#: The headline figures of "what moved", in the order they are told.
MOVED_METRICS: tuple[str, ...] = ("actions", "active_share")
#: The company figures of the "what changed" slide, in chain order.
CHANGE_METRICS: tuple[str, ...] = (
    "actions",
    "posts",
    "replies",
    "active_share",
    "dialogue_ratio",
    "engagement_rate",
    "leadership_score",
    "economic_value",
    "social_roi",
)
#: Goal statuses that put a goal at risk, the worse first.
RISK_STATUSES: tuple[str, ...] = ("off track", "at risk")
#: Goals named in a sentence; the rest are counted.
NAMED_GOALS = 2


@dataclass(frozen=True)
class Summary:
    """The executive summary: one sentence each."""

    moved: str
    at_risk: str
    decide: str

    def sentences(self) -> tuple[str, str, str]:
        return (self.moved, self.at_risk, self.decide)


@dataclass(frozen=True)
class Change:
    """One company figure now and in the previous period, as text; ``change`` is "—" when
    either side is missing."""

    label: str
    previous: str
    current: str
    change: str


def _goals_word(n: int) -> str:
    return f"{n} goal" if n == 1 else f"{n} goals"


def _verb(before: float, after: float, unit: str) -> str:
    """ "rose", "fell" or "held" — compared as the reader sees them, so 10.0% vs 10.0% held."""
    if number(before, unit) == number(after, unit):
        return "held"
    return "rose" if after > before else "fell"


def _moved_phrase(metric_id: str, before: object, after: object, currency: str) -> str | None:
    unit, label = metric(metric_id).unit, metric(metric_id).label
    if is_missing(before) or is_missing(after):
        return None
    b, a = float(before), float(after)  # type: ignore[arg-type]
    verb = _verb(b, a, unit)
    if verb == "held":
        return f"{label.lower()} held at {number(a, unit, currency)}"
    text = f"{label.lower()} {verb} from {number(b, unit, currency)} to {number(a, unit, currency)}"
    if unit == "count" and b > 0:  # a relative change over zero is undefined, so none is said
        text += f" ({signed(number((a - b) / b, '%'), a - b)})"
    return text


def signed(text: str, diff: float) -> str:
    """``text`` with a "+" in front when ``diff`` is positive (a negative one has its "-")."""
    return f"+{text}" if diff > 0 and not text.startswith("-") else text


def moved_sentence(report: Report, previous: Report | None) -> str:
    """What moved: :data:`MOVED_METRICS` of the company now against ``previous`` (the report of
    the period of equal length just before), or this period's figures alone without it."""
    now = [(m, report.company.get(m)) for m in MOVED_METRICS]
    if previous is None:
        figures = ", ".join(
            f"{metric(m).label.lower()} {number(v, metric(m).unit, report.currency)}"
            for m, v in now
        )
        return (
            f"The data holds no period before {report.period.start.isoformat()} to "
            f"compare with; in {report.period.text()}: {figures}."
        )
    phrases = [
        p for m, v in now if (p := _moved_phrase(m, previous.company.get(m), v, report.currency))
    ]
    if not phrases:
        return (
            f"No headline figure can be compared with {previous.period.text()}: "
            "one of the two periods has none."
        )
    return f"Against {previous.period.text()}, {' and '.join(phrases)}."


def goal_label(goal: Goal, report: Report) -> str:
    """ "Actions · Sales", "Qualified leads · Company", "Posts · Ada" (a person by name)."""
    label = metric_label(goal.metric)  # the workbook's and the vision chart's label
    if goal.scope == "department":
        where = goal.key or "?"
    elif goal.scope == "person":
        person = report.people.get(goal.key or "")
        where = (person.name if person is not None and person.name else goal.key) or "?"
    else:
        where = "Company"
    return f"{label} · {where}"


def _goal_unit(goal: Goal) -> str:
    return metric(goal.metric).unit if is_metric(goal.metric) else "count"


def _shortfall(goal: Goal) -> float:
    """How far below expected, as actual / expected (mirrored for direction down); lower is
    worse. A goal without both numbers sorts last."""
    if is_missing(goal.actual) or is_missing(goal.expected) or not goal.expected:
        return float("inf")
    ratio = float(goal.actual) / float(goal.expected)  # type: ignore[arg-type]
    return 1 / ratio if goal.direction == "down" and ratio else ratio


def risky_goals(report: Report) -> list[Goal]:
    """Goals off track, then at risk; within each, the furthest behind first."""
    return sorted(
        (g for g in report.goals if g.status in RISK_STATUSES),
        key=lambda g: (RISK_STATUSES.index(g.status), _shortfall(g)),
    )


def _goal_detail(goal: Goal, report: Report) -> str:
    actual, expected = apart(goal.actual, goal.expected, _goal_unit(goal), report.currency)
    return f"{goal_label(goal, report)}, {goal.status}, at {actual} against {expected} expected"


def at_risk_sentence(report: Report) -> str:
    """What is at risk: how many goals are off track or at risk, naming the furthest behind."""
    total = len(report.goals)
    if total == 0:
        return "No goals are set, so no goal can be called at risk."
    risky = risky_goals(report)
    if not risky:
        on_track = sum(g.status == "on track" for g in report.goals)
        if on_track == total:
            return "The one goal is on track." if total == 1 else f"All {total} goals are on track."
        return (
            f"None of the {_goals_word(total)} is off track or at risk "
            f"({on_track} on track, {total - on_track} without a status yet)."
        )
    off = sum(g.status == "off track" for g in risky)
    counts = " and ".join(
        c
        for c in (
            f"{off} off track" if off else "",
            f"{len(risky) - off} at risk" if len(risky) > off else "",
        )
        if c
    )
    named = "; ".join(_goal_detail(g, report) for g in risky[:NAMED_GOALS])
    more = f"; and {len(risky) - NAMED_GOALS} more" if len(risky) > NAMED_GOALS else ""
    verb = "is" if len(risky) == 1 else "are"
    return f"{len(risky)} of {_goals_word(total)} {verb} behind ({counts}): {named}{more}."


def decide_sentence(report: Report) -> str:
    """What the board should decide, from the goals' state (and the bonus pool when none is
    behind)."""
    risky = risky_goals(report)
    if not report.goals:
        return (
            "The board should decide the vision's goals: a metric, a target and a window for each."
        )
    if risky:
        goal = risky[0]
        target = number(goal.target, _goal_unit(goal), report.currency)
        if goal.status == "off track":
            return (
                f"The board should decide whether to add effort to "
                f"{goal_label(goal, report)} or reset its target of {target}."
            )
        return (
            f"The board should decide whether {goal_label(goal, report)} needs more effort "
            f"now to reach {target} before it falls off track."
        )
    pool = number(report.bonus.pool, "currency", report.currency)
    return (
        f"The board should decide whether to keep the bonus pool at {pool} for the next "
        "period, with every goal on course."
    )


def executive_summary(report: Report, previous: Report | None) -> Summary:
    """The three sentences of the summary slide; ``previous`` is the report of the period of
    equal length just before (``None`` when the data does not reach back that far)."""
    return Summary(
        moved_sentence(report, previous), at_risk_sentence(report), decide_sentence(report)
    )


def changes(report: Report, previous: Report | None) -> list[Change]:
    """:data:`CHANGE_METRICS` of the company now and before; ``change`` is the difference in
    the metric's unit (a share in percentage points), "—" when either side is missing."""
    rows = []
    for metric_id in CHANGE_METRICS:
        unit = metric(metric_id).unit
        now = report.company.get(metric_id)
        before = previous.company.get(metric_id) if previous is not None else None
        if is_missing(now) or is_missing(before):
            change = number(None, unit)
        else:
            diff = float(now) - float(before)  # type: ignore[arg-type]
            text = (
                number(diff * 100, "points") + " pts"
                if unit == "%"
                else number(diff, unit, report.currency)
            )
            change = signed(text, diff)
        rows.append(
            Change(
                metric(metric_id).label,
                number(before, unit, report.currency),
                number(now, unit, report.currency),
                change,
            )
        )
    return rows
