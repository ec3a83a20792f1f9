"""Every number a person reads, from one table of patterns keyed by the registry's units.

One pattern per unit (:data:`PATTERNS`, Unicode LDML number patterns as :mod:`babel` reads
them) renders a value for the screen, the deck and the command line, and — translated by
:func:`excel_format` — is the workbook cell's number format, so a cell shows the same text.
Values arrive in their natural scale (a ``%`` is a fraction 0–1). Rounding is half away from
zero, as Excel rounds. Missing, NaN, infinite and non-numbers render as :data:`MISSING` ("—").
Money takes the dataset's currency (assumption ``currency``: a symbol such as "€", or an ISO
code such as "EUR"); the default is :data:`DEFAULT_CURRENCY`.

>>> number(0.0421, "%")
'4.2%'
>>> number(-1234.5, "currency", "€")
'-€1,235'
>>> number(None, "score")
'—'
"""

from __future__ import annotations

import decimal
import math
import re
from functools import lru_cache

from babel.numbers import NumberPattern, get_currency_symbol, parse_pattern

MISSING = "—"
DEFAULT_CURRENCY = "$"
LOCALE = "en_US"
#: ``¤`` marks where the currency symbol goes.
CURRENCY_SIGN = "¤"

#: The one table: unit → LDML pattern (also Excel's number format, see :func:`excel_format`).
#: Keys are the registry's numeric units (:data:`scorecard.dictionary.UNITS`); ``multiple`` is a
#: lift ("0.9×"). Days read in whole days (a median lag of 17.5 days reads "18"). Money reads in
#: whole units, except ``currency_cents``: the bonus pool is shared to the cent ("$178.99").
PATTERNS: dict[str, str] = {
    "count": "#,##0",
    "days": "#,##0",
    "points": "#,##0.0",
    "%": "#,##0.0%",
    "per_post": "#,##0.00",
    "ratio": "#,##0.00",
    "multiple": "#,##0.0'×'",
    "currency": "¤#,##0",
    "currency_cents": "¤#,##0.00",
    "score": "#,##0",
}
#: Units whose values are words (the cascade's ``front`` is a tier): shown as they are.
TEXT_UNITS = ("tier",)
#: A number of no known unit.
GENERAL_PATTERN = "#,##0.##"
#: Excel's format for a number of no known unit (Excel's "#,##0.##" would end "12." on 12).
EXCEL_GENERAL = "General"

_QUOTED = re.compile(r"'([^']*)'")
_CORE = re.compile(r"[#,0]*0(\.0+)?")


def is_missing(value: object) -> bool:
    """``None``, NaN, ±inf, or not a number at all ("n/a", a date); "12" is a number."""
    if value is None:
        return True
    try:
        return not math.isfinite(float(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return True


def currency_symbol(currency: str | None) -> str:
    """The symbol of the dataset's currency: an ISO code ("EUR") becomes its symbol ("€"),
    a symbol is kept, blank gives :data:`DEFAULT_CURRENCY`.

    >>> currency_symbol("EUR"), currency_symbol("€"), currency_symbol("")
    ('€', '€', '$')
    """
    text = (currency or "").strip()
    if not text:
        return DEFAULT_CURRENCY
    if re.fullmatch(r"[A-Z]{3}", text):
        return get_currency_symbol(text, locale=LOCALE)
    return text


def pattern(unit: str | None) -> str:
    """The LDML pattern of ``unit``; an unknown or absent unit gets :data:`GENERAL_PATTERN`."""
    return PATTERNS.get(unit or "", GENERAL_PATTERN)


def finer(ldml: str) -> str:
    """``ldml`` with one more decimal ("#,##0" → "#,##0.0", "#,##0.0%" → "#,##0.00%"): for
    two values that must not read alike (69.8 against a target of 70)."""
    match = _CORE.search(ldml)
    if match is None:
        return ldml
    core = match.group(0)
    return (
        ldml[: match.start()]
        + (core + "0" if match.group(1) else core + ".0")
        + ldml[match.end() :]
    )


@lru_cache(maxsize=256)
def _compiled(ldml: str, symbol: str) -> NumberPattern:
    quoted = "'" + symbol.replace("'", "''") + "'"
    return parse_pattern(ldml.replace(CURRENCY_SIGN, quoted))


def render(value: object, ldml: str, currency: str | None = None) -> str:
    """``value`` through the LDML pattern ``ldml``, rounding half away from zero; a value that
    rounds to zero never reads "-0". Missing gives "—"."""
    if is_missing(value):
        return MISSING
    compiled = _compiled(ldml, currency_symbol(currency))
    with decimal.localcontext(rounding=decimal.ROUND_HALF_UP):
        number = decimal.Decimal(repr(float(value)))  # type: ignore[arg-type]
        text = compiled.apply(number, LOCALE)
        if number < 0 and text.startswith("-") and not re.search(r"[1-9]", text):
            text = compiled.apply(decimal.Decimal(0), LOCALE)
    return text


def number(value: object, unit: str | None, currency: str | None = None) -> str:
    """``value`` as a person reads it in ``unit``: count 1,235; % 4.2%; currency $1,235
    (negative -$1,235); per_post and ratio 3.25; multiple 0.9×; score 72; days 18; points 35.5.

    >>> number(0.9, "multiple"), number(17.5, "days"), number(1e6, "count")
    ('0.9×', '18', '1,000,000')
    """
    if unit in TEXT_UNITS:
        missing = value is None or (isinstance(value, float) and math.isnan(value))
        return MISSING if missing else str(value)
    return render(value, pattern(unit), currency)


def precise(value: object, unit: str | None, currency: str | None = None) -> str:
    """Like :func:`number` with one more decimal; money keeps its own decimals.

    >>> precise(69.81, "score"), precise(0.7957, "%")
    ('69.8', '79.57%')
    """
    if unit in ("currency", "currency_cents"):
        return number(value, unit, currency)
    return render(value, finer(pattern(unit)), currency)


def apart(a: object, b: object, unit: str | None, currency: str | None = None) -> tuple[str, str]:
    """``a`` and ``b`` by ``unit``, with one more decimal when they differ but would read the
    same: a goal "at risk" must not show its actual equal to what was expected."""
    first, second = number(a, unit, currency), number(b, unit, currency)
    if first == second and first != MISSING and float(a) != float(b):  # type: ignore[arg-type]
        return precise(a, unit, currency), precise(b, unit, currency)
    return first, second


def excel_format(unit: str | None, currency: str | None = None) -> str:
    """The Excel number format of ``unit``: its LDML pattern with literals in double quotes
    and ``¤`` replaced by the quoted currency symbol; a number of no unit gets "General".

    >>> excel_format("%"), excel_format("currency", "€"), excel_format("multiple")
    ('#,##0.0%', '"€"#,##0', '#,##0.0"×"')
    """
    if unit not in PATTERNS:
        return EXCEL_GENERAL
    symbol = currency_symbol(currency).replace('"', "")
    excel = _QUOTED.sub(lambda m: '"' + m.group(1).replace('"', "") + '"', PATTERNS[unit])
    return excel.replace(CURRENCY_SIGN, f'"{symbol}"')


#: Units a screen table holds ×100, because printf has no percent scaling (0.042 → 4.2).
PERCENT_UNITS = tuple(unit for unit, ldml in PATTERNS.items() if "%" in ldml)


def column_format(unit: str | None, currency: str | None = None) -> str:
    """The printf format of a Streamlit ``NumberColumn``/``ProgressColumn`` for ``unit``, from
    the same LDML pattern as :func:`number`, so a table cell reads as the card and the deck.
    A unit in :data:`PERCENT_UNITS` needs its column ×100 (printf cannot scale); negative money
    reads "$-5" there (printf puts the sign after the prefix). A unit not in the table gives
    ``"%,.2f"``.

    >>> column_format("%"), column_format("currency_cents", "€"), column_format("multiple")
    ('%,.1f%%', '€%,.2f', '%,.1f×')
    """
    ldml = PATTERNS.get(unit or "", GENERAL_PATTERN)
    ldml = ldml.replace(CURRENCY_SIGN, currency_symbol(currency))
    core = _CORE.search(ldml)
    if core is None or unit not in PATTERNS:
        return "%,.2f"
    decimals = len(core.group(1)) - 1 if core.group(1) else 0
    grouping = "," if "," in core.group(0) else ""

    def literal(text: str) -> str:
        return _QUOTED.sub(lambda m: m.group(1), text).replace("%", "%%")

    spec = f"%{grouping}.{decimals}f"
    return literal(ldml[: core.start()]) + spec + literal(ldml[core.end() :])


def goal_labels(labels: list[str]) -> list[str]:
    """Goal labels made unique for a chart or a list: a repeated label gets " (2)", " (3)" in
    order of appearance (the first keeps its label), so two bars never merge.

    >>> goal_labels(["Leads · Sales", "Leads · Sales", "Posts"])
    ['Leads · Sales', 'Leads · Sales (2)', 'Posts']
    """
    seen: dict[str, int] = {}
    out = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        out.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return out
