"""What the board deck's pages share: speaker-note lines, cascade big numbers, day counts.

Speaker notes carry each shown metric's formula and provenance (measured from uploaded rows or
estimated through assumptions), from the registry; nothing here spells a formula twice.
"""

from __future__ import annotations

import pandas as pd

from scorecard.dictionary import REGISTRY, MetricDef, metric
from scorecard.formatting import MISSING, is_missing, number

#: Cascade terms: the registry's cascade measures (``home="cascade"``), formula by formula.
CASCADE_TERMS: tuple[str, ...] = (
    "Active in a month: actions ≥ active_threshold (assumption, default 1).",
    *(f"{m.label}: {m.formula}." for m in REGISTRY if m.home == "cascade"),
    "Provenance: measured from the uploaded activity and people rows.",
)


def provenance(m: MetricDef) -> str:
    return (
        "measured from the uploaded rows"
        if m.provenance == "measured"
        else "estimated through the assumptions"
    )


def metric_note(metric_id: str) -> str:
    """ "Label: formula (unit; measured from the uploaded rows)." for speaker notes."""
    m = metric(metric_id)
    return f"{m.label}: {m.formula} (unit {m.unit}; {provenance(m)})."


def cascade_kpis(row: pd.Series | None) -> list[tuple[str, str]]:
    """Lift, median lag, share started after the manager and team reach of one summary row."""
    if row is None:
        return []

    def get(column: str) -> object:
        return row.get(column) if column in row.index else None

    lag = get("median_lag_days")
    return [
        ("as likely to be active when the manager is (lift)", number(get("lift"), "multiple")),
        (
            "median days after their manager began",
            MISSING if is_missing(lag) else days_text(float(lag)),
        ),  # type: ignore[arg-type]
        ("of reports began after their manager", number(get("started_after_share"), "%")),
        ("team reach: active below the heads", number(get("reach"), "%")),
    ]


def days_text(days: float) -> str:
    """ "1 day", "0 days", "18 days" (17.5 days: whole days, as the ``days`` unit reads)."""
    text = number(days, "days")
    return f"{text} day" if text in ("1", "-1") else f"{text} days"
