"""How a value of each dictionary unit looks: an Excel number format and a short slide text.

Units come from :data:`scorecard.dictionary.UNITS`; values arrive in their natural scale (a ``%``
is a fraction 0–1), so Excel's percent format shows them as the app does. Missing values are
never formatted: the workbook leaves the cell empty and a slide shows "—".
"""

from __future__ import annotations

import math

from scorecard.export.safe_text import MISSING_TEXT, is_missing

DEFAULT_CURRENCY = "$"
#: For a column that is not a dictionary metric.
GENERAL_NUMBER = "#,##0.##"


def excel_format(unit: str, currency: str = DEFAULT_CURRENCY) -> str:
    """The Excel number format of ``unit``; an unknown unit gets a general number format.

    >>> excel_format("%")
    '0.0%'
    >>> excel_format("currency", "€")
    '"€"#,##0.00'
    """
    symbol = currency.replace('"', "")
    return {
        "count": "#,##0",
        "days": "#,##0",
        "points": "#,##0.0",
        "%": "0.0%",
        "per_post": "0.00",
        "currency": f'"{symbol}"#,##0.00',
        "ratio": "0.00",
        "score": "0.0",
    }.get(unit, GENERAL_NUMBER)


def display(value: object, unit: str, currency: str = DEFAULT_CURRENCY) -> str:
    """``value`` as a slide shows it: "42%", "$1,250", "63", "—" when missing or not finite.

    >>> display(0.4166, "%")
    '42%'
    >>> display(None, "score")
    '—'
    """
    if is_missing(value):
        return MISSING_TEXT
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return str(value)
    if not math.isfinite(number):
        return MISSING_TEXT
    if unit == "%":
        return f"{number * 100:.0f}%"
    if unit == "currency":
        sign = "−" if number < 0 else ""
        return f"{sign}{currency}{abs(number):,.0f}"
    if unit in ("per_post", "ratio"):
        return f"{number:,.2f}"
    if unit in ("score", "points"):
        return f"{number:,.0f}"
    return f"{number:,.0f}" if number == int(number) else f"{number:,.1f}"
