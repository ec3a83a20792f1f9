"""Text forms the mapping step edits: ``field = value`` lines, outcome conditions, rule rows.

Constants and derived columns are typed as ``field = value`` lines; a CRM outcome rule is a row
of the rules editor (metric, date column, owner column, condition, count or a column to sum),
its condition written "Stage = Closed Won | Won; MQL Date = *". Each parser returns what it
could read and one sentence per line or row it could not, never an exception.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from scorecard.schema import header_key
from scorecard.sources.preset import COUNT, OutcomeRule


def parse_assignments(text: str, allowed: Sequence[str]) -> tuple[dict[str, str], list[str]]:
    """``field = value`` lines (blank lines skipped) → a dict, and one sentence per bad line."""
    out: dict[str, str] = {}
    errors: list[str] = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        name, sep, value = line.partition("=")
        name, value = name.strip(), value.strip()
        if not sep or not name:
            errors.append(f"Line {n} ('{line.strip()}') needs the form: field = value.")
        elif name not in allowed:
            errors.append(
                f"Line {n}: '{name}' is not a column of this table; use one of "
                f"{', '.join(allowed)}."
            )
        else:
            out[name] = value
    return out, errors


def format_assignments(values: Mapping[str, str]) -> str:
    return "\n".join(f"{k} = {v}" for k, v in values.items())


def format_condition(when: Mapping[str, tuple[str, ...]]) -> str:
    """ "Stage = Closed Won | Won; MQL Date = *" (``*``: any filled cell)."""
    return "; ".join(f"{h} = {' | '.join(v) if v else '*'}" for h, v in when.items())


def parse_condition(text: str, headers: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """The inverse of :func:`format_condition`; ValueError names a header not in ``headers``."""
    keys = {header_key(h) for h in headers}
    when: dict[str, tuple[str, ...]] = {}
    for part in filter(str.strip, text.split(";")):
        header, sep, values = part.partition("=")
        header = header.strip()
        if not sep or header_key(header) not in keys:
            raise ValueError(
                f"'{part.strip()}': write 'Column = value | other value' (or 'Column = *' for "
                "any filled cell) with a column of the file."
            )
        allowed = tuple(v.strip() for v in values.split("|") if v.strip() and v.strip() != "*")
        when[header] = allowed
    return when


def rules_to_rows(rules: Sequence[OutcomeRule]) -> list[dict[str, str]]:
    """Outcome rules as editor rows: metric, date column, owner column, condition, value."""
    return [
        {
            "metric": r.metric,
            "date_from": r.date_from,
            "person_from": r.person_from,
            "condition": format_condition(r.when),
            "value": r.value,
        }
        for r in rules
    ]


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def rules_from_rows(
    rows: Sequence[Mapping[str, object]], headers: Sequence[str]
) -> tuple[tuple[OutcomeRule, ...], list[str]]:
    """Editor rows back to rules; rows without a metric are skipped, bad rows are sentences.

    ``value`` is ``count`` (rows counted) or a column to sum.
    """
    keys = {header_key(h) for h in headers}
    rules: list[OutcomeRule] = []
    errors: list[str] = []
    for n, row in enumerate(rows, start=1):
        text = {k: "" if _blank(v) else str(v).strip() for k, v in row.items()}
        if not text.get("metric"):
            continue
        where = f"Rule {n} ({text['metric']})"
        value = text.get("value") or COUNT
        named = [text.get("date_from", ""), text.get("person_from", "")]
        named += [] if value == COUNT else [value]
        unknown = [h for h in named if h and header_key(h) not in keys]
        if not text.get("date_from"):
            errors.append(f"{where}: choose the date column.")
            continue
        if unknown:
            errors.append(f"{where}: {', '.join(repr(h) for h in unknown)} is not a column.")
            continue
        try:
            when = parse_condition(text.get("condition", ""), headers)
        except ValueError as exc:
            errors.append(f"{where}: {exc}")
            continue
        rules.append(
            OutcomeRule(text["metric"], text["date_from"], text.get("person_from", ""), when, value)
        )
    return tuple(rules), errors
