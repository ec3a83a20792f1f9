"""Identity checks of the people sheet: person_ids that differ only by case, and one email on
two people (case does not count in an email), each reported naming both rows."""

from __future__ import annotations

import numpy as np
import pandas as pd

from scorecard.identity import email_key, is_email
from scorecard.ingest.problemlog import ProblemLog
from scorecard.ingest.typed import TypedTable


def case_clashes(people: TypedTable, log: ProblemLog) -> None:
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


def email_problems(people: TypedTable, log: ProblemLog) -> None:
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
