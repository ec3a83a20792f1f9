"""CRM rows (opportunities, contacts) to long outcome rows: per person, month and metric."""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np
import pandas as pd

from scorecard.ingest.dates import parse_dates
from scorecard.ingest.raw import RawTable
from scorecard.problems import Problem
from scorecard.sources.convert import per_distinct, to_dates, to_numbers
from scorecard.sources.preset import COUNT, OutcomeRule, Preset
from scorecard.sources.rows import matches

Column = Callable[[str], "np.ndarray | None"]


def _condition(rule: OutcomeRule, column: Column, n: int) -> np.ndarray:
    """Rows meeting every ``when`` condition (a missing header meets none)."""
    ok = np.ones(n, dtype=bool)
    for header, allowed in rule.when.items():
        cells = column(header)
        if cells is None:
            return np.zeros(n, dtype=bool)
        if allowed:
            pattern = "|".join(_literal(v) for v in allowed)
            ok &= matches(cells, f"(?:{pattern})")
        else:
            ok &= pd.notna(pd.Series(cells, dtype=object)).to_numpy(dtype=bool)
    return ok


def _literal(value: str) -> str:
    return re.escape(value.strip())


def aggregate(
    preset: Preset, column: Column, rows: np.ndarray, label: str
) -> tuple[RawTable | None, list[Problem]]:
    """One outcomes table from every rule of ``preset``; problems name the export's cells.

    Formula per rule: rows meeting ``when``, grouped by (person as written, month of the date):
    value = row count, or sum of the ``value`` column. date = first day of that month. The row
    number kept for a group is its first row in the export.
    """
    n = len(rows)
    frames: list[pd.DataFrame] = []
    problems: list[Problem] = []
    for rule in preset.outcome_rules:
        chosen = _condition(rule, column, n)
        date_cells = column(rule.date_from)
        if date_cells is None:
            problems.append(_missing(rule.date_from, rule.metric, label))
            continue
        dates = parse_dates(
            pd.Series(to_dates(date_cells, preset.date_formats, preset.date_order), dtype=object)
        ).values
        undated = chosen & dates.isna().to_numpy(dtype=bool)
        if undated.any():
            problems.append(
                Problem(
                    "warning",
                    "outcome_undated",
                    f"{int(undated.sum()):,} rows of '{label}' count for {rule.metric} but have no "
                    f"readable '{rule.date_from}', so they were left out.",
                    f"Fill in '{rule.date_from}' as a date if they should count.",
                    table="outcomes",
                    sheet=label,
                    column=rule.date_from,
                    row=int(rows[np.argmax(undated)]),
                )
            )
        chosen &= ~undated
        if rule.value == COUNT:
            values = np.ones(n, dtype=float)
        else:
            raw = column(rule.value)
            if raw is None:
                problems.append(_missing(rule.value, rule.metric, label))
                continue
            converted = to_numbers(raw, preset.number_locale, "")
            values = pd.to_numeric(pd.Series(converted, dtype=object), errors="coerce").to_numpy(
                dtype=float
            )
            bad = chosen & np.isnan(values) & pd.notna(pd.Series(raw, dtype=object)).to_numpy()
            for i in np.flatnonzero(bad)[:20]:
                problems.append(
                    Problem(
                        "error",
                        "not_a_number",
                        f"Column '{rule.value}' must be a number to sum it into {rule.metric}.",
                        "Type digits only, like 1234.5.",
                        table="outcomes",
                        sheet=label,
                        row=int(rows[i]),
                        column=rule.value,
                        value=str(raw[i]),
                    )
                )
            values = np.where(np.isnan(values), 0.0, values)
        people = column(rule.person_from) if rule.person_from else None
        person = pd.Series(
            per_distinct(people, lambda u: np.array([str(v).strip() for v in u], dtype=object))
            if people is not None
            else np.full(n, None, dtype=object),
            dtype=object,
        )
        frame = pd.DataFrame(
            {
                "month": dates.to_numpy().astype("datetime64[M]").astype("datetime64[us]"),
                "person": person,
                "value": values,
                "row": rows,
            }
        )[chosen]
        grouped = (
            frame.groupby(["month", "person"], dropna=False, sort=True)
            .agg(value=("value", "sum"), row=("row", "min"))
            .reset_index()
        )
        grouped["metric"] = rule.metric
        frames.append(grouped)
    if not frames:
        return None, problems
    out = pd.concat(frames, ignore_index=True)
    out = out.sort_values(["row", "metric"], kind="stable").reset_index(drop=True)
    person_label = next((r.person_from for r in preset.outcome_rules if r.person_from), "")
    table = RawTable(
        "outcomes",
        label,
        ("date", "metric", "value", "person_id"),
        (
            pd.Series(list(out["month"]), dtype=object),
            pd.Series(out["metric"], dtype=object),
            pd.Series(out["value"].to_numpy(), dtype=object),
            # groupby(dropna=False) gives a blank owner back as NaN: the contract's blank is None
            pd.Series([None if pd.isna(v) else v for v in out["person"]], dtype=object),
        ),
        out["row"].to_numpy(dtype=np.int64),
        labels=(
            "month of " + ", ".join(dict.fromkeys(r.date_from for r in preset.outcome_rules)),
            "metric",
            "value",
            person_label or "person_id",
        ),
        origin=preset.id,
    )
    return table, problems


def _missing(header: str, metric: str, label: str) -> Problem:
    return Problem(
        "error",
        "missing_column",
        f"'{label}' has no '{header}' column, which the rule for {metric} reads.",
        f"Export the report with the '{header}' column, or change the rule in the mapping step "
        "to a column the file has.",
        table="outcomes",
        sheet=label,
        column=header,
    )
