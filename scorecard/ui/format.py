"""Numbers on screen: :mod:`scorecard.formatting` (the one formatter of every output), plus
what only a screen needs (``st.metric`` deltas and colours, help texts, Markdown-safe text).

Pure (no Streamlit): pages, tests and the board view share one rendering of every value.
"""

from __future__ import annotations

from scorecard.dictionary import MetricDef, metric
from scorecard.formatting import MISSING, apart, is_missing, number, precise
from scorecard.ui.text import literal

__all__ = [
    "MISSING",
    "apart",
    "delta",
    "delta_color",
    "help_text",
    "md",
    "metric_help",
    "number",
    "precise",
    "value",
]


def value(metric_id: str, value: object, currency: str | None = None) -> str:
    """A dictionary metric's value, formatted by its unit."""
    return number(value, metric(metric_id).unit, currency)


def delta(metric_id: str, now: object, before: object, currency: str | None = None) -> str | None:
    """The change from ``before`` to ``now`` for ``st.metric(delta=...)``, or ``None``.

    Shares change in percentage points ("+4.0 pp"), other units in their own unit. ``None``
    (no arrow) when either side is missing or the change rounds to nothing ("+0" would show
    as a rise).
    """
    if is_missing(now) or is_missing(before):
        return None
    unit = metric(metric_id).unit
    change = float(now) - float(before)  # type: ignore[arg-type]
    if unit == "%":  # percentage points, in the %'s own decimals
        text = number(abs(change) * 100, "points") + " pp"
    else:
        text = number(abs(change), unit, currency)
    if not any(c in "123456789" for c in text.replace(str(currency), "")):
        return None
    return ("-" if change < 0 else "+") + text


def delta_color(metric_id: str) -> str:
    """``st.metric`` delta colour: "inverse" where less is better (time cost)."""
    return "inverse" if metric(metric_id).direction == "down" else "normal"


def help_text(definition: MetricDef) -> str:
    """The help under a figure: the plain sentence, then the formula and the provenance."""
    lines = [definition.sentence, f"Formula: {definition.formula}."]
    if definition.provenance == "estimated":
        lines.append("Estimated: it rests on the assumptions sheet.")
    if definition.benchmark is not None:
        lines.append(
            f"Benchmark: {number(definition.benchmark, definition.unit)} "
            f"({definition.benchmark_source})."
        )
    return "\n\n".join(lines)


def metric_help(metric_id: str) -> str:
    return help_text(metric(metric_id))


#: Text safe inside Streamlit Markdown (a name, a formula with ``Σ_c w_c``, a price with ``$``):
#: the one helper, :func:`scorecard.ui.text.literal`, under the name pages used first.
md = literal
