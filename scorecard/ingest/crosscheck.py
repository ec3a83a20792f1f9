"""Checks across rows and tables: unique people, a sound manager tree, known references.

Person references (managers, activity, outcomes, goals, accounts) are resolved first, in one
place (:mod:`scorecard.ingest.references`): by person_id, email/UPN, name or account.

Errors: duplicate person_id, person_ids differing only by case, an email on two people, a
manager who is nobody, a manager cycle (one problem per cycle naming everyone on it), an
activity sheet naming no person, a goal that starts after it ends, a numeric setting that is not
a number. Warnings (the rows are kept): a self-manager (taken as the top), activity, outcomes or
goals for an unknown or ambiguous person; outcomes or goals for a department nobody belongs to;
an assumption key nobody knows. Several roots in the tree are normal and not reported. Checks
skip columns a sheet lacks (their absence is already an error).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from scorecard.assumptions import bad_text, setting_for
from scorecard.ingest.combine import parts_of
from scorecard.ingest.problemlog import ProblemLog
from scorecard.ingest.references import EXPORT_ACCOUNT_FIX, resolve_references
from scorecard.ingest.typed import TypedTable
from scorecard.orgtree import cycle_names, find_cycles, parent_index
from scorecard.problems import Problem, Severity

#: Row numbers listed for one duplicated person_id before "…".
ROWS_QUOTED = 10


def _rows_text(rows: list[int]) -> str:
    shown = ", ".join(f"{r:,}" for r in rows[:ROWS_QUOTED])
    return shown + (", …" if len(rows) > ROWS_QUOTED else "")


def _flag(
    log: ProblemLog,
    t: TypedTable,
    name: str,
    mask: np.ndarray,
    *,
    code: str,
    message: str,
    fix: str,
    severity: Severity = "error",
) -> None:
    """One problem per row in ``mask``, showing that row's typed value of column ``name``."""
    idx = np.flatnonzero(mask)
    shown = t.columns[name].iloc[idx[: log.cap + 1]]
    if shown.dtype.kind == "M":
        shown = shown.dt.strftime("%Y-%m-%d")
    values = shown.to_numpy(dtype=object)
    log.cells(
        severity=severity,
        code=code,
        table=t.table.name,
        sheet=t.sheet,
        column=t.headers[name],
        rows=t.rows[idx],
        values=values,
        message=message,
        fix=fix,
    )


def _duplicate_ids(people: TypedTable, log: ProblemLog) -> None:
    ids = people.columns["person_id"]
    dup = (ids.duplicated(keep=False) & ids.notna()).to_numpy(dtype=bool)
    if not dup.any():
        return
    rows = pd.Series(people.rows[dup]).groupby(ids[dup].to_numpy(), sort=False).agg(list)
    second_rows = np.array([r[1] for r in rows])
    log.cells(
        severity="error",
        code="duplicate_person_id",
        table="people",
        sheet=people.sheet,
        column=people.headers["person_id"],
        rows=second_rows,
        values=list(rows.index),
        message=lambda i: (
            f"person_id '{rows.index[i]}' is used on {len(rows.iloc[i])} rows: "
            f"{_rows_text(rows.iloc[i])}."
        ),
        fix="Give each person exactly one row: delete the extra rows or correct their IDs.",
    )


def _manager_cycles(people: TypedTable, log: ProblemLog) -> None:
    ids = people.columns["person_id"]
    first = (ids.notna() & ~ids.duplicated()).to_numpy(dtype=bool)  # one row per person
    person_ids = ids[first].to_numpy(dtype=object)
    parents = parent_index(person_ids, people.columns["manager_id"][first].to_numpy(dtype=object))
    rows = people.rows[first]
    names = (
        people.columns["name"][first]
        if people.has("name")
        else pd.Series([None] * len(person_ids), dtype="str")
    )
    labels = [
        f"{n} ({p})" if isinstance(n, str) else str(p)
        for n, p in zip(names.to_numpy(dtype=object), person_ids, strict=True)
    ]
    cycles = []
    for cycle in find_cycles(parents):
        start = min(range(len(cycle)), key=lambda k: rows[cycle[k]])
        cycles.append(cycle[start:] + cycle[:start])
    cycles.sort(key=lambda c: rows[c[0]])
    log.cells(
        severity="error",
        code="manager_cycle",
        table="people",
        sheet=people.sheet,
        column=people.headers["manager_id"],
        rows=np.array([rows[c[0]] for c in cycles]),
        values=None,
        message=lambda i: f"Managers go round in a circle: {cycle_names(cycles[i], labels)}.",
        fix="Correct the manager_id of one person on the circle; whoever is at the top of the "
        "tree has a blank manager_id.",
    )


def _unknown_departments(
    t: TypedTable, departments: pd.Series, people_sheet: str, log: ProblemLog, what: str
) -> None:
    if not t.has("department"):
        return
    dept = t.columns["department"]
    unknown = (dept.notna() & ~dept.isin(departments)).to_numpy(dtype=bool)
    examples = ", ".join(f"'{d}'" for d in pd.unique(departments.dropna())[:3])
    _flag(
        log,
        t,
        "department",
        unknown,
        code="unknown_department",
        severity="warning",
        message=f"No one on sheet '{people_sheet}' is in this department; the {what} is kept "
        "but matches no department.",
        fix=f"Spell it exactly as on sheet '{people_sheet}' (for example {examples}).",
    )


def _goal_windows(goals: TypedTable, log: ProblemLog) -> None:
    if not (goals.has("start") and goals.has("end")):
        return
    reversed_ = (goals.columns["start"] > goals.columns["end"]).to_numpy(dtype=bool)
    _flag(
        log,
        goals,
        "start",
        reversed_,
        code="goal_dates_reversed",
        message=f"The goal starts after it ends (column '{goals.headers['end']}').",
        fix="Swap the start and end dates, or correct one of them.",
    )


def _settings(assumptions: TypedTable, log: ProblemLog) -> None:
    if not assumptions.has("key"):
        return
    keys = assumptions.columns["key"]
    codes, distinct = pd.factorize(keys)
    settings = [setting_for(k) for k in distinct] + [None]
    known = np.array([s is not None for s in settings])[codes]
    numeric = np.array([s is not None and s.kind in ("number", "fraction") for s in settings])[
        codes
    ]
    _flag(
        log,
        assumptions,
        "key",
        keys.notna().to_numpy(dtype=bool) & ~known,
        code="unknown_setting",
        severity="warning",
        message="This setting is not one the app knows; it is ignored.",
        fix="Check its spelling against the template's instructions sheet (for example "
        "value_per.qualified_leads or hourly_cost_default).",
    )
    if not assumptions.has("value"):
        return
    values = assumptions.columns["value"]
    as_number = pd.to_numeric(values.where(values.notna(), None), errors="coerce")
    bad = (
        numeric
        & values.notna().to_numpy(dtype=bool)
        & ~np.isfinite(as_number.to_numpy(dtype=float, na_value=np.nan))
    )
    _flag(
        log,
        assumptions,
        "value",
        bad,
        code="setting_not_a_number",
        message="This setting must be a number.",
        fix="Type digits only, like 250 or 0.3 (no words, currency or percent signs).",
    )
    # Only brand_color has a pattern so far; the message names what it expects.
    malformed = np.array(
        [
            isinstance(v, str) and settings[c] is not None and bad_text(settings[c], v)  # type: ignore[arg-type]
            for v, c in zip(values, codes, strict=True)
        ],
        dtype=bool,
    )
    _flag(
        log,
        assumptions,
        "value",
        malformed,
        code="setting_malformed",
        message="This setting must be a colour written as # and six hex digits.",
        fix="Type it like #0072B2 (red, green and blue, two digits 0-9 or A-F each).",
    )


def _activity_names_someone(activity: TypedTable, log: ProblemLog) -> None:
    """Error when an activity sheet (each file of several) has no column naming a person or
    an account."""
    for part in parts_of(activity):
        if any(part.has(c) for c in ("person_id", "account", "url")):
            continue
        log.add(
            Problem(
                severity="error",
                code="missing_column",
                table="activity",
                sheet=part.sheet,
                column="person_id",
                message=f"Sheet '{part.sheet}' has no 'person_id' column and no 'account' column, "
                "so its rows belong to nobody.",
                fix=EXPORT_ACCOUNT_FIX
                if part.origin
                else "Add a column naming who did it (person_id, email or name, e.g. 'Author'), or "
                "the account posted from (e.g. 'Handle') with an accounts sheet saying whose "
                "it is.",
            )
        )


def cross_check(tables: dict[str, TypedTable], log: ProblemLog) -> dict[str, TypedTable]:
    """Run every cross-row and cross-table check on the typed tables present; the tables with
    their person references resolved (new objects; ``tables`` is not changed)."""
    if "activity" in tables:
        _activity_names_someone(tables["activity"], log)
    people = tables.get("people")
    if people is not None and people.has("person_id"):
        _duplicate_ids(people, log)
    tables = resolve_references(tables, log)
    people = tables.get("people")
    if people is not None and people.has("person_id") and people.has("manager_id"):
        _manager_cycles(people, log)
    if "assumptions" in tables:
        _settings(tables["assumptions"], log)
    if "goals" in tables:
        _goal_windows(tables["goals"], log)
    if people is None or not people.has("department"):
        return tables
    departments = people.columns["department"].dropna()
    for name, what in (("outcomes", "outcome"), ("goals", "goal")):
        t = tables.get(name)
        for part in parts_of(t) if t is not None else ():
            _unknown_departments(part, departments, people.sheet, log, what)
    return tables
