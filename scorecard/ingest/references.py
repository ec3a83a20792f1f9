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

from scorecard.identity import (
    UNKNOWN,
    Account,
    Match,
    Resolver,
    account_key,
    channel_key,
    email_key,
    is_email,
    is_no_manager,
)
from scorecard.ingest.problemlog import ProblemLog
from scorecard.ingest.typed import TypedTable
from scorecard.ingest.unmatched import PeopleFacts, report_unmatched


def _people_frame(people: TypedTable) -> pd.DataFrame:
    n = len(people.rows)
    blank = pd.Series([None] * n, dtype="str")
    return pd.DataFrame({c: people.columns.get(c, blank) for c in ("person_id", "name", "email")})


def _rows_of(t: TypedTable, idx: list[int]) -> str:
    return ", ".join(f"{int(t.rows[i]):,}" for i in idx)


def _case_clashes(people: TypedTable, log: ProblemLog) -> None:
    """Error where person_ids differ only by case ("a002" and "A002"): one problem per clash."""
    ids = people.columns["person_id"]
    frame = pd.DataFrame({"id": ids, "fold": ids.str.casefold()}).dropna()
    firsts = frame.drop_duplicates("id")
    clashing = firsts[firsts["fold"].duplicated(keep=False)]
    for _, group in clashing.groupby("fold", sort=False):
        spelled = [f"'{v}' (row {int(people.rows[i]):,})" for i, v in group["id"].items()]
        last = group.index[-1]
        log.cells(
            severity="error",
            code="person_id_case_clash",
            table="people",
            sheet=people.sheet,
            column=people.headers["person_id"],
            rows=np.array([people.rows[last]]),
            values=[group["id"].iloc[-1]],
            message=f"person_ids {' and '.join(spelled)} differ only by case, so they would be "
            "two people that exports cannot tell apart.",
            fix="If they are one person, spell the ID one way and keep one row; otherwise give "
            "one of them an ID that differs by more than case.",
        )


def _email_problems(people: TypedTable, log: ProblemLog) -> None:
    """Error where two people share an email (case does not count); warning where a cell of
    the email column is not an email address."""
    emails, ids = people.columns["email"], people.columns["person_id"]
    text = emails.to_numpy(dtype=object, na_value=None)
    keys = pd.Series(
        [email_key(e) if isinstance(e, str) and is_email(e) else None for e in text], dtype="str"
    )
    bad = (emails.notna() & keys.isna()).to_numpy(dtype=bool)
    idx = np.flatnonzero(bad)
    log.cells(
        severity="warning",
        code="not_an_email",
        table="people",
        sheet=people.sheet,
        column=people.headers["email"],
        rows=people.rows[idx],
        values=text[idx],
        message="This is not an email address, so exports cannot name the person by it.",
        fix="Enter the work email or UPN, like ana.silva@example.com, or leave it blank.",
    )
    frame = pd.DataFrame({"key": keys, "id": ids}).dropna().drop_duplicates(["key", "id"])
    shared = frame[frame["key"].duplicated(keep=False)]
    for key, group in shared.groupby("key", sort=False):
        listed = ", ".join(f"row {int(people.rows[i]):,} ({v})" for i, v in group["id"].items())
        last = group.index[-1]
        log.cells(
            severity="error",
            code="duplicate_email",
            table="people",
            sheet=people.sheet,
            column=people.headers["email"],
            rows=np.array([people.rows[last]]),
            values=[text[last]],
            message=f"Email '{key}' belongs to {len(group)} people: {listed} (case does not "
            "count in an email).",
            fix="Give each person their own email, or merge the rows if they are one person.",
        )


def _resolve_ids(
    t: TypedTable,
    name: str,
    resolver: Resolver,
    facts: PeopleFacts,
    log: ProblemLog,
    *,
    what: str,
    severity: str = "warning",
    code: str = "unknown_person",
) -> tuple[pd.Series, list[Match]]:
    """A person column resolved (unresolved values kept as written) and its matches."""
    values = t.columns[name]
    matches = resolver.resolve(values)
    resolved = [
        m.person_id if m.kind == "person" else v
        for m, v in zip(matches, values.to_numpy(dtype=object, na_value=None), strict=True)
    ]
    report_unmatched(log, t, name, values, matches, facts, what=what, severity=severity, code=code)
    return pd.Series(resolved, dtype="str"), matches


def _resolve_accounts(
    t: TypedTable, base: Resolver, facts: PeopleFacts, log: ProblemLog
) -> tuple[TypedTable, list[Account]]:
    """Owners and stewards resolved, kind filled in, unusable rows reported; the accounts."""
    columns = dict(t.columns)
    n = len(t.rows)
    blank = pd.Series([None] * n, dtype="str")
    for name in ("person_id", "steward_id"):
        if t.has(name):
            columns[name], _ = _resolve_ids(t, name, base, facts, log, what="account")
    owner, steward = columns.get("person_id", blank), columns.get("steward_id", blank)
    kind = columns.get("kind", blank)
    kind = kind.where(kind.notna(), np.where(owner.isna(), "brand", "personal")).astype("str")
    columns["kind"] = kind
    channel, account = columns["channel"], columns["account"]
    keys = pd.Series(
        [
            account_key(a) if isinstance(a, str) else None
            for a in account.to_numpy(dtype=object, na_value=None)
        ],
        dtype="str",
    )
    where = {"table": "accounts", "sheet": t.sheet}
    unreadable = (account.notna() & keys.isna()).to_numpy(dtype=bool)
    idx = np.flatnonzero(unreadable)
    log.cells(
        severity="error",
        code="account_unreadable",
        column=t.headers["account"],
        rows=t.rows[idx],
        values=account.to_numpy(dtype=object)[idx],
        **where,
        message="This names no account: a handle, a profile name or a profile URL was expected.",
        fix="Write the handle (@name), the profile name, or the profile's address.",
    )
    orphan = ((kind == "personal") & owner.isna()).to_numpy(dtype=bool)
    idx = np.flatnonzero(orphan)
    log.cells(
        severity="error",
        code="account_without_owner",
        column=t.headers["account"],
        rows=t.rows[idx],
        values=account.to_numpy(dtype=object)[idx],
        **where,
        message="A personal account needs its owner's person_id, email or name.",
        fix="Fill in person_id, or set kind to brand if it is a company account.",
    )
    pair = pd.Series(
        [
            f"{channel_key(c)}|{k}" if isinstance(k, str) else None
            for c, k in zip(
                channel.to_numpy(dtype=object, na_value=None),
                keys.to_numpy(dtype=object, na_value=None),
                strict=True,
            )
        ],
        dtype="str",
    )
    first_row = {}
    duplicated = np.zeros(n, dtype=bool)
    for i, p in enumerate(pair.to_numpy(dtype=object, na_value=None)):
        if p is None:
            continue
        if p in first_row:
            duplicated[i] = True
        else:
            first_row[p] = i
    idx = np.flatnonzero(duplicated)
    pairs = pair.to_numpy(dtype=object)
    log.cells(
        severity="error",
        code="duplicate_account",
        column=t.headers["account"],
        rows=t.rows[idx],
        values=account.to_numpy(dtype=object)[idx],
        **where,
        message=lambda i: (
            "This account is already on row "
            f"{int(t.rows[first_row[pairs[idx[i]]]]):,} for the same "
            "channel (case, '@', spaces and URL form do not count)."
        ),
        fix="Keep one row per account and channel.",
    )
    usable = ~(unreadable | orphan | duplicated) & pair.notna().to_numpy(dtype=bool)
    accounts = [
        Account(
            channel=str(channel.iloc[i]),
            account=str(account.iloc[i]),
            kind=str(kind.iloc[i]),  # type: ignore[arg-type]
            person_id=None if pd.isna(owner.iloc[i]) else str(owner.iloc[i]),
            steward_id=None if pd.isna(steward.iloc[i]) else str(steward.iloc[i]),
        )
        for i in np.flatnonzero(usable)
    ]
    return replace(t, columns=columns), accounts


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
        ]
    )
    resolved = np.array(
        [m.person_id if m.kind == "person" else v for m, v in zip(matches, raw, strict=True)],
        dtype=object,
    )
    self_managed = np.array(
        [m.kind == "person" and m.person_id == o for m, o in zip(matches, own, strict=True)]
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
    by_person = resolver.resolve(person, channel)
    by_account = resolver.resolve(fallback, channel)
    pid = person.to_numpy(dtype=object, na_value=None).copy()
    acc = account.to_numpy(dtype=object, na_value=None).copy()
    reported: list[Match] = []
    for i in range(n):
        mp, ma = by_person[i], by_account[i]
        if "brand" in (mp.kind, ma.kind):
            chosen = mp if mp.kind == "brand" else ma
        elif mp.kind == "person" or (ma.kind != "person" and pid[i] is not None):
            chosen = mp  # a person reference that is unknown or ambiguous is reported as such
        else:
            chosen = ma
        if chosen.kind == "brand":
            pid[i] = None
        elif chosen.kind == "person":
            pid[i] = chosen.person_id
        if chosen.account is not None:
            acc[i] = chosen.account.account
        reported.append(chosen)
    has_person = person.notna().to_numpy(dtype=bool)
    nobody = ~has_person & fallback.isna().to_numpy(dtype=bool)
    idx = np.flatnonzero(nobody)
    column = t.headers.get("person_id") or t.headers.get("account") or "person_id"
    log.cells(
        severity="error",
        code="blank_required",
        table="activity",
        sheet=t.sheet,
        column=column,
        rows=t.rows[idx],
        values=None,
        message=f"Column '{column}' must not be blank: the row names no person and no account.",
        fix="Fill in the person (person_id, email or name) or the account, or delete "
        "the row if it should not be there.",
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
    _case_clashes(people, log)
    if people.has("email"):
        _email_problems(people, log)
    frame = _people_frame(people)
    accounts_table = tables.get("accounts")
    facts = PeopleFacts.of(people, accounts_table is not None)
    accounts: list[Account] = []
    if accounts_table is not None and accounts_table.complete:
        out["accounts"], accounts = _resolve_accounts(
            accounts_table, Resolver.build(frame), facts, log
        )
    resolver = Resolver.build(frame, accounts)
    if people.has("manager_id"):
        out["people"] = _resolve_managers(people, Resolver.build(frame), facts, log)
    activity = tables.get("activity")
    if activity is not None and (activity.has("person_id") or activity.has("account")):
        out["activity"] = _resolve_activity(activity, resolver, facts, log)
    for name, what in (("outcomes", "outcome"), ("goals", "goal")):
        t = tables.get(name)
        if t is not None and t.has("person_id"):
            resolved, _ = _resolve_ids(t, "person_id", resolver, facts, log, what=what)
            out[name] = replace(t, columns={**t.columns, "person_id": resolved})
    return out
