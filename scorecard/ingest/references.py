"""References to people resolved in validation, in one place: managers, activity, outcomes,
goals and accounts all name people through :class:`scorecard.identity.Resolver`.

After this step every ``person_id``, ``manager_id`` and ``steward_id`` that could be resolved is
the person's person_id. Blank, "NO_MGR" (:data:`scorecard.identity.NO_MANAGER`) and a
self-reference are the top of the tree. An activity row with no person takes the owner of its
account (``account`` column, else the post ``url``); a brand account's row keeps its account and
gets a blank person_id, so no person's numbers count it.

Messages: a column whose values mostly match nobody is reported once, saying what its values
look like and what would make them match (:mod:`.unmatched`); otherwise each leftover row is a
message, capped as every repeat is. Ambiguous names list their candidates.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd

from scorecard.dataset import Dataset
from scorecard.identity import (
    UNKNOWN,
    Account,
    Match,
    Resolver,
    account_key,
    distinct_rows,
    is_no_manager,
)
from scorecard.ingest.accounts_sheet import resolve_accounts
from scorecard.ingest.combine import map_parts
from scorecard.ingest.people_ids import case_clashes, email_problems
from scorecard.ingest.problemlog import ProblemLog
from scorecard.ingest.typed import TypedTable
from scorecard.ingest.unmatched import PeopleFacts, report_unmatched, resolve_ids
from scorecard.problems import Report
from scorecard.schema import TABLES

#: How to say whose a tool's export is, when neither it nor its file name says.
EXPORT_ACCOUNT_FIX = (
    "Keep the export's original file (or folder) name, which names the account, or set the "
    "account in the mapping step ('This whole file is one account': the handle, page or "
    "channel name), with an accounts sheet saying whose it is."
)


def _people_frame(people: TypedTable) -> pd.DataFrame:
    n = len(people.rows)
    blank = pd.Series([None] * n, dtype="str")
    return pd.DataFrame({c: people.columns.get(c, blank) for c in ("person_id", "name", "email")})


def _resolve_managers(
    people: TypedTable, resolver: Resolver, facts: PeopleFacts, log: ProblemLog
) -> TypedTable:
    """manager_id as person_ids; blank/NO_MGR/self → blank; self is a warning, unknown and
    ambiguous managers errors (they would put people in the wrong place of the tree)."""
    values = people.columns["manager_id"]
    own = people.columns["person_id"].to_numpy(dtype=object, na_value=None)
    raw = values.to_numpy(dtype=object, na_value=None)
    matches = resolver.resolve(values)
    # An id wins over a sentinel ("0" may be someone's person_id); a sentinel over a name.
    matches = [
        UNKNOWN
        if m.kind != "person" and is_no_manager(v)
        else (UNKNOWN if m.kind == "brand" else m)
        for m, v in zip(matches, raw, strict=True)
    ]
    top = np.array(
        [
            v is None or (m.kind != "person" and is_no_manager(v))
            for m, v in zip(matches, raw, strict=True)
        ],
        dtype=bool,  # an empty people sheet: a bool array all the same, never float
    )
    resolved = np.array(
        [m.person_id if m.kind == "person" else v for m, v in zip(matches, raw, strict=True)],
        dtype=object,
    )
    self_managed = np.array(
        [m.kind == "person" and m.person_id == o for m, o in zip(matches, own, strict=True)],
        dtype=bool,
    )
    idx = np.flatnonzero(self_managed)
    log.cells(
        severity="warning",
        code="self_manager",
        table="people",
        sheet=people.sheet,
        column=people.headers["manager_id"],
        rows=people.rows[idx],
        values=raw[idx],
        message="This person is listed as their own manager; they are taken as the top "
        "of the tree.",
        fix="Nothing to do if they are at the top; otherwise enter their manager's "
        "person_id, email or name.",
    )
    reportable = [UNKNOWN if t else m for m, t in zip(matches, top, strict=True)]
    counted = pd.Series(np.where(top, None, raw), dtype="str")
    report_unmatched(
        log,
        people,
        "manager_id",
        counted,
        reportable,
        facts,
        what="manager",
        severity="error",
        code="unknown_manager",
    )
    resolved[top | self_managed] = None
    columns = {**people.columns, "manager_id": pd.Series(resolved, dtype="str")}
    return replace(people, columns=columns)


def _resolve_activity(
    t: TypedTable, resolver: Resolver, facts: PeopleFacts, log: ProblemLog
) -> TypedTable:
    """person_id from the person reference, else from the account (or post URL); brand rows
    get a blank person_id and their account's spelling from the accounts table."""
    n = len(t.rows)
    blank = pd.Series([None] * n, dtype="str")
    person = t.columns.get("person_id", blank)
    account = t.columns.get("account", blank)
    channel = t.columns.get("channel", blank)
    fallback = account.where(account.notna(), t.columns.get("url", blank))
    if (
        not (t.has("account") or t.has("url") or person.isna().any())
        and person.isin(list(resolver.ids)).all()
    ):
        return t  # every row names a person_id exactly (the template's case): nothing to do
    # Once per distinct (person, account or URL, channel, account) row, then spread by codes.
    codes, distinct = distinct_rows(person, fallback, channel, account)
    chosen_of: list[Match] = []
    pid_of: list[object] = []
    acc_of: list[object] = []
    for ref, fall, chan, acct in distinct:
        mp, ma = resolver.resolve_one(ref, chan), resolver.resolve_one(fall, chan)
        if "brand" in (mp.kind, ma.kind):
            chosen = mp if mp.kind == "brand" else ma
        elif mp.kind == "person" or (ma.kind != "person" and ref is not None):
            chosen = mp  # a person reference that is unknown or ambiguous is reported as such
        else:
            chosen = ma
        chosen_of.append(chosen)
        pid_of.append(
            None if chosen.kind == "brand" else chosen.person_id if chosen.kind == "person" else ref
        )
        acc_of.append(chosen.account.account if chosen.account is not None else acct)
    pid = np.array([*pid_of, None], dtype=object)[codes]
    acc = np.array([*acc_of, None], dtype=object)[codes]
    reported = [chosen_of[c] for c in codes]
    has_person = person.notna().to_numpy(dtype=bool)
    # A post link names an account only when it holds one (a LinkedIn Page's feed/update
    # links name none: the Page is named by the export's file name).
    codes, links = pd.factorize(t.columns.get("url", blank))  # once per distinct link
    url_names = np.array([account_key(str(v)) is not None for v in links] + [False])[codes]
    nobody = ~has_person & account.isna().to_numpy(dtype=bool) & ~url_names
    idx = np.flatnonzero(nobody)
    column = (
        t.headers.get("person_id")
        or t.headers.get("account")
        or t.headers.get("url")
        or "person_id"
    )
    log.cells(
        severity="error",
        code="blank_required",
        table="activity",
        sheet=t.sheet,
        column=column,
        rows=t.rows[idx],
        values=None,
        message=f"The row names no person and no account (nothing in '{column}' says whose "
        "it is), so it would count for nobody."
        if t.origin
        else f"Column '{column}' must not be blank: the row names no person and no account.",
        fix=EXPORT_ACCOUNT_FIX
        if t.origin
        else "Fill in the person (person_id, email or name) or the account, or delete the row "
        "if it should not be there.",
    )
    if t.has("person_id"):
        report_unmatched(
            log,
            t,
            "person_id",
            person,
            [m if h else UNKNOWN for m, h in zip(reported, has_person, strict=True)],
            facts,
            what="activity",
            severity="warning",
            code="unknown_person",
            skip=~has_person,
        )
    if t.has("account") or t.has("url"):
        name = "account" if t.has("account") else "url"
        report_unmatched(
            log,
            t,
            name,
            fallback,
            reported,
            facts,
            what="activity",
            severity="warning",
            code="unknown_account",
            skip=has_person | nobody,
        )
    columns = {
        **t.columns,
        "person_id": pd.Series(pid, dtype="str"),
        "account": pd.Series(acc, dtype="str"),
    }
    headers = {"person_id": "person_id", "account": "account", **t.headers}
    return replace(t, columns=columns, headers=headers)


def resolve_references(tables: dict[str, TypedTable], log: ProblemLog) -> dict[str, TypedTable]:
    """New typed tables with every person reference resolved (see the module docstring);
    people problems (case-only id clashes, shared emails) reported. Tables are not mutated."""
    people = tables.get("people")
    if people is None or not people.has("person_id"):
        return tables
    out = dict(tables)
    case_clashes(people, log)
    if people.has("email"):
        email_problems(people, log)
    frame = _people_frame(people)
    accounts_table = tables.get("accounts")
    facts = PeopleFacts.of(people, accounts_table is not None)
    accounts: list[Account] = []
    people_only = Resolver.build(frame)  # owners, stewards and managers are people
    if accounts_table is not None and accounts_table.complete:
        out["accounts"], accounts = resolve_accounts(accounts_table, people_only, facts, log)
    resolver = people_only.with_accounts(accounts)
    if people.has("manager_id"):
        out["people"] = _resolve_managers(people, people_only, facts, log)
    # Each file of a concatenated table on its own, so every message names its own file.
    activity = tables.get("activity")
    if activity is not None:
        out["activity"] = map_parts(
            activity,
            lambda part: (
                _resolve_activity(part, resolver, facts, log)
                if any(part.has(c) for c in ("person_id", "account", "url"))
                else part
            ),
        )
    for name, what in (("outcomes", "outcome"), ("goals", "goal")):
        t = tables.get(name)
        if t is not None:
            out[name] = map_parts(
                t, lambda part, what=what: _resolve_part_ids(part, resolver, facts, log, what)
            )
    return out


def _resolve_part_ids(
    t: TypedTable, resolver: Resolver, facts: PeopleFacts, log: ProblemLog, what: str
) -> TypedTable:
    """``t`` with its person_id column resolved (unchanged when it has none)."""
    if not t.has("person_id"):
        return t
    resolved, _ = resolve_ids(t, "person_id", resolver, facts, log, what=what)
    return replace(t, columns={**t.columns, "person_id": resolved})


def _as_typed(dataset: Dataset, name: str) -> TypedTable:
    """A trusted table as a typed table: every column present, headers its own names, rows
    numbered as a sheet would (header on row 1)."""
    frame = dataset.table(name)
    return TypedTable(
        TABLES[name],
        name,
        {c: frame[c].reset_index(drop=True) for c in frame.columns},
        {c: c for c in frame.columns},
        np.arange(2, 2 + len(frame), dtype=np.int64),
        True,
    )


def resolve_dataset(dataset: Dataset) -> tuple[Dataset, Report]:
    """``dataset`` with its references resolved against its own people and accounts, and the
    problems found; for a merged dataset, whose upload may name people (by email, name or
    account) that only the current dataset holds. Rows still unresolved are kept as they are.
    ``dataset`` is not changed."""
    log = ProblemLog()
    names = ("people", "activity", "outcomes", "goals", "accounts")
    typed = {name: _as_typed(dataset, name) for name in names}
    if dataset.accounts.empty:
        del typed["accounts"]
    resolved = resolve_references(typed, log)
    frames = {name: resolved[name].frame() for name in resolved}
    return replace(dataset, **frames), log.report()
