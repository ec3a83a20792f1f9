"""Numbers as people read them, by the registry's unit: "—" for missing, % for shares, money.

Pure (no Streamlit): pages, tests and the board view share one rendering of every value.
"""

from __future__ import annotations

import math

from scorecard.dictionary import MetricDef, metric
from scorecard.ui.text import literal

MISSING = "—"


def _is_missing(value: object) -> bool:
    if value is None:
        return True
    try:
        return math.isnan(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return True


def number(value: object, unit: str, currency: str = "$") -> str:
    """``value`` in ``unit``: count 1,234; % 42% (from 0.4167; 4.2% below 10%);
    currency $1,234; per_post and ratio 3.25; score 72; days 12; points 35.5.

    Missing, NaN and non-numbers give "—" (a ratio over zero is missing, never 0).
    """
    if _is_missing(value):
        return MISSING
    x = float(value)  # type: ignore[arg-type]
    if unit == "%":
        return f"{x * 100:.1f}%" if abs(x) < 0.1 else f"{x * 100:.0f}%"
    if unit == "currency":
        sign = "-" if x < 0 else ""
        return f"{sign}{currency}{abs(x):,.0f}"
    if unit in ("per_post", "ratio"):
        return f"{x:,.2f}"
    if unit == "score":
        return f"{x:.0f}"
    if x == int(x):
        return f"{int(x):,}"
    return f"{x:,.1f}"


def precise(value: object, unit: str, currency: str = "$") -> str:
    """Like :func:`number` with one more decimal: for two values that must not read alike
    (69.8 against a target of 70 is "69.8", not "70"). Currency keeps whole units."""
    if _is_missing(value) or unit == "currency":
        return number(value, unit, currency)
    x = float(value)  # type: ignore[arg-type]
    if unit == "%":
        return f"{x * 100:.1f}%"
    if unit in ("per_post", "ratio"):
        return f"{x:,.3f}"
    return f"{x:,.1f}"


def apart(a: object, b: object, unit: str, currency: str = "$") -> tuple[str, str]:
    """``a`` and ``b`` formatted by ``unit``, with one more decimal when they differ but would
    read the same: a goal "at risk" must not show its actual equal to what was expected."""
    first, second = number(a, unit, currency), number(b, unit, currency)
    if first == second and not _is_missing(a) and not _is_missing(b) and float(a) != float(b):  # type: ignore[arg-type]
        return precise(a, unit, currency), precise(b, unit, currency)
    return first, second


def value(metric_id: str, value: object, currency: str = "$") -> str:
    """A dictionary metric's value, formatted by its unit."""
    return number(value, metric(metric_id).unit, currency)


def delta(metric_id: str, now: object, before: object, currency: str = "$") -> str | None:
    """The change from ``before`` to ``now`` for ``st.metric(delta=...)``, or ``None``.

    Shares change in percentage points ("+4.0 pp"), other units in their own unit. ``None``
    (no arrow) when either side is missing or the change rounds to nothing ("+0" would show
    as a rise).
    """
    if _is_missing(now) or _is_missing(before):
        return None
    unit = metric(metric_id).unit
    change = float(now) - float(before)  # type: ignore[arg-type]
    if unit == "%":
        text = f"{abs(change) * 100:.1f} pp"
    else:
        text = number(abs(change), unit, currency)
    if text.lstrip(currency).strip("0.,% p") == "":
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
        lines.append(f"Benchmark: {number(definition.benchmark, definition.unit)} "
                     f"({definition.benchmark_source}).")
    return "\n\n".join(lines)


def metric_help(metric_id: str) -> str:
    return help_text(metric(metric_id))


#: Text safe inside Streamlit Markdown (a name, a formula with ``Σ_c w_c``, a price with ``$``):
#: the one helper, :func:`scorecard.ui.text.literal`, under the name pages used first.
md = literal
