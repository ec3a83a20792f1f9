"""The accounts sheet in validation: owners and stewards resolved to person_ids, the kind
filled in (brand when nobody owns the account), and unusable rows reported: an account that
names nothing, a personal account without an owner, one account twice on a channel."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd

from scorecard.identity import Account, Resolver, account_key, channel_key
from scorecard.ingest.problemlog import ProblemLog
from scorecard.ingest.typed import TypedTable
from scorecard.ingest.unmatched import PeopleFacts, resolve_ids


def resolve_accounts(
    t: TypedTable, base: Resolver, facts: PeopleFacts, log: ProblemLog
) -> tuple[TypedTable, list[Account]]:
    """Owners and stewards resolved, kind filled in, unusable rows reported; the accounts."""
    columns = dict(t.columns)
    n = len(t.rows)
    blank = pd.Series([None] * n, dtype="str")
    for name in ("person_id", "steward_id"):
        if t.has(name):
            columns[name], _ = resolve_ids(t, name, base, facts, log, what="account")
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
