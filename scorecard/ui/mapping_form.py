"""The mapping step's form: the field each column feeds, constants, derived columns, CRM rules,
how dates and numbers are written; read back as a :class:`~scorecard.sources.mapping.Draft`.

Widget keys carry the sheet's id and the table (``map_<id>_<table>_f<j>``), so choices made for
one table never leak into another's options.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date

import pandas as pd
import streamlit as st

from scorecard.formatting import MISSING
from scorecard.schema import ACTIONS, header_key
from scorecard.sources import mapping as m
from scorecard.sources import mapping_text as mt
from scorecard.sources.preset import COUNT
from scorecard.ui.text import literal

IGNORED_LABEL = "(ignored)"
UNIT_LABELS = {"seconds": "in seconds", "hours": "in hours", "milliseconds": "in milliseconds"}
DATE_ORDERS = {
    "": "as the cells say",
    "DMY": "day first (31/12/2026)",
    "MDY": "month first (12/31/2026)",
    "YMD": "year first (2026-12-31)",
}
NUMBER_LOCALES = {"en": "1,234.5", "de": "1.234,5", "fr": "1 234,5"}
COLUMNS_PER_ROW = 3


def _field_option(option: str) -> str:
    field, _, unit = option.partition("@")
    if not field:
        return IGNORED_LABEL
    return f"{field} ({UNIT_LABELS[unit]})" if unit else field


def _options(table: str) -> list[str]:
    out = [""]
    for field in m.target_fields(table):
        out.append(field)
        if field in m.DURATION_FIELDS:
            out += [f"{field}@{u}" for u in m.DURATION_UNITS if u]
    return out


def form_fields(sid: str, start: m.Draft) -> tuple[m.Draft, list[str]]:
    """The form's widgets, read back as a draft, and what is wrong with it."""
    table = start.table
    st.markdown("**Columns** (the field each one feeds)")
    options = _options(table)
    fields: list[str] = []
    units: list[str] = []
    for row in range(0, len(start.headers), COLUMNS_PER_ROW):
        cells = st.columns(COLUMNS_PER_ROW)
        for cell, j in zip(
            cells, range(row, min(row + COLUMNS_PER_ROW, len(start.headers))), strict=False
        ):
            current = start.fields[j] + (f"@{start.units[j]}" if start.units[j] else "")
            chosen = cell.selectbox(
                literal(start.headers[j]) or f"column {j + 1}",
                options,
                index=options.index(current) if current in options else 0,
                format_func=_field_option,
                key=f"map_{sid}_{table}_f{j}",
            )
            cell.caption(f"e.g. {literal(start.samples[j])}" if start.samples[j] else "empty")
            field, _, unit = chosen.partition("@")
            fields.append(field)
            units.append(unit)
    constants, errors = _constants(sid, start)
    allowed = m.target_fields(table)
    derived, more = mt.parse_assignments(
        st.text_area(
            "Derived columns (field = {Column} {Other column})",
            value=mt.format_assignments(start.derived),
            key=f"map_{sid}_{table}_derived",
            placeholder="name = {First Name} {Last Name}",
        ),
        allowed,
    )
    errors += more
    rules = start.outcome_rules
    if table == "outcomes":
        rules, more = _rules(sid, start)
        errors += more
    left, right = st.columns(2)
    date_order = left.selectbox(
        "Dates are written",
        list(DATE_ORDERS),
        index=list(DATE_ORDERS).index(start.date_order),
        format_func=DATE_ORDERS.get,
        key=f"map_{sid}_dates",
    )
    locale = right.selectbox(
        "Numbers are written",
        list(NUMBER_LOCALES),
        index=list(NUMBER_LOCALES).index(start.number_locale),
        format_func=NUMBER_LOCALES.get,
        key=f"map_{sid}_numbers",
    )
    draft = dataclasses.replace(
        start,
        fields=tuple(fields),
        units=tuple(units),
        constants=constants,
        derived=derived,
        outcome_rules=rules,
        date_order=date_order,
        number_locale=locale,
    )
    return draft, errors


def _constants(sid: str, start: m.Draft) -> tuple[dict[str, str], list[str]]:
    """Named constants (channel, action, one person or account, the period) and the rest as
    ``field = value`` lines."""
    table = start.table
    st.markdown("**Constants** (for what the export lacks)")
    named = m.NAMED_CONSTANTS[table]
    values: dict[str, str] = {}
    cells = st.columns(2)
    for i, field in enumerate(named):
        if i and i % 2 == 0:  # rows of two, so a phone stacks them in this order
            cells = st.columns(2)
        cell = cells[i % 2]
        key = f"map_{sid}_{table}_c_{field}"
        current = str(start.constants.get(field, ""))
        if field == "date":
            day = cell.date_input(
                m.CONSTANT_LABELS[field], value=_day(current), key=key, format="YYYY-MM-DD"
            )
            values[field] = day.isoformat() if day else ""
        elif field == "action":
            choices = ["", *ACTIONS]
            values[field] = cell.selectbox(
                m.CONSTANT_LABELS[field],
                choices,
                index=choices.index(current) if current in choices else 0,
                format_func=lambda a: a or "(from the file)",
                key=key,
            )
        else:
            values[field] = cell.text_input(m.CONSTANT_LABELS[field], value=current, key=key)
    rest = {k: v for k, v in start.constants.items() if k not in named}
    others, errors = mt.parse_assignments(
        st.text_area(
            "Other constants (field = value)",
            value=mt.format_assignments(rest),
            key=f"map_{sid}_{table}_other",
            placeholder="department = Sales",
        ),
        m.target_fields(table),
    )
    values.update(others)
    return {k: v.strip() for k, v in values.items() if v and v.strip()}, errors


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def _rules(sid: str, start: m.Draft) -> tuple[tuple, list[str]]:
    """CRM outcome rules in a table editor: one metric per row, counted or summed per owner
    and month."""
    st.markdown(
        "**Outcome rules** (CRM rows counted or summed per owner and month; with rules, "
        "the column choices above are not used)"
    )
    headers: Sequence[str] = start.headers
    frame = pd.DataFrame(
        mt.rules_to_rows(start.outcome_rules),
        columns=["metric", "date_from", "person_from", "condition", "value"],
    )
    edited = st.data_editor(
        frame,
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        key=f"map_{sid}_rules",
        column_config={
            "metric": st.column_config.TextColumn("Metric", help="e.g. qualified_leads"),
            "date_from": st.column_config.SelectboxColumn("Date column", options=list(headers)),
            "person_from": st.column_config.SelectboxColumn("Owner column", options=["", *headers]),
            "condition": st.column_config.TextColumn(
                "Condition", help="Column = value | other value; Column = * (any filled cell)"
            ),
            "value": st.column_config.SelectboxColumn(
                "Count or sum",
                options=[COUNT, *headers],
                help="count: rows counted; a column: its amounts summed",
            ),
        },
        placeholder=MISSING,
    )
    rows = [{k: v for k, v in r.items()} for r in edited.to_dict("records")]
    return mt.rules_from_rows(rows, [h for h in headers if header_key(h)])
