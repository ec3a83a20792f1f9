"""Messages for person references that match nobody, or several people.

A column that mostly matches nobody is one problem, not one per row: it says what the values
look like (emails, numbers, names, handles or URLs) and what would make them match ("add an
email column to people"). A column with a few leftovers gets one message per row, capped like
every repeat (:class:`~scorecard.ingest.problemlog.ProblemLog`). An ambiguous name is always a
row message listing its candidates. :func:`resolve_ids` resolves a person column and reports
its leftovers this way.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from scorecard.identity import Match, Resolver, ValueShape, email_key, value_shape
from scorecard.ingest.problemlog import ProblemLog
from scorecard.ingest.typed import TypedTable
from scorecard.problems import Severity, preview

#: A column is summarised once when at least this many rows, and half its values, match nobody.
SUMMARY_MIN_ROWS = 5
#: Rows and examples quoted in a column summary.
QUOTED = 3

_SHAPE_WORDS: dict[ValueShape, str] = {
    "email": "emails",
    "url": "URLs",
    "handle": "@handles",
    "number": "numbers",
    "name": "names",
    "id": "IDs",
}


@dataclass(frozen=True)
class PeopleFacts:
    """What the people (and accounts) sheets offer to match against, for hints."""

    sheet: str
    has_email: bool
    email_domains: tuple[str, ...]
    email_locals: frozenset[str]
    example_id: str | None
    has_accounts: bool
    names: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, people: TypedTable, has_accounts: bool) -> PeopleFacts:
        ids = people.columns["person_id"].dropna()
        names = people.columns.get("name", pd.Series([None] * len(people.rows), dtype="str"))
        keys = (
            [email_key(e) for e in people.columns["email"].dropna()] if people.has("email") else []
        )
        keys = [k for k in keys if k]
        domains = Counter(k.split("@")[1] for k in keys)
        return cls(
            sheet=people.sheet,
            has_email=people.has("email"),
            email_domains=tuple(d for d, _ in domains.most_common(QUOTED)),
            email_locals=frozenset(k.split("@")[0] for k in keys),
            example_id=str(ids.iloc[0]) if len(ids) else None,
            has_accounts=has_accounts,
            names={
                str(p): str(n)
                for p, n in zip(people.columns["person_id"], names, strict=True)
                if isinstance(p, str) and isinstance(n, str)
            },
        )

    def label(self, person_id: str) -> str:
        name = self.names.get(person_id)
        return f"{name} ({person_id})" if name else person_id


def _domains(values: list[str]) -> list[str]:
    keys = [email_key(v) for v in values]
    return [d for d, _ in Counter(k.split("@")[1] for k in keys if k).most_common(QUOTED)]


def hint(shape: ValueShape, values: list[str], facts: PeopleFacts) -> str:
    """What would make references of ``shape`` match (a sentence for a problem's fix)."""
    sheet = facts.sheet
    if shape == "email":
        if not facts.has_email:
            return (
                f"Add each person's work email or UPN to sheet '{sheet}' as a column "
                "'email' (headers such as 'Work Email' or 'UPN' work too); these rows then "
                "match."
            )
        same_local = sum(
            1 for v in values if (k := email_key(v)) and k.split("@")[0] in facts.email_locals
        )
        theirs = ", ".join(f"@{d}" for d in _domains(values))
        ours = ", ".join(f"@{d}" for d in facts.email_domains) or "nothing"
        extra = (
            f" {same_local:,} of them match an email of '{sheet}' before the @, under "
            "another domain."
            if same_local
            else ""
        )
        return (
            f"The email column of sheet '{sheet}' holds none of them: these end in "
            f"{theirs}, the sheet's emails in {ours}.{extra} Use the same addresses in "
            "both sheets."
        )
    if shape in ("url", "handle"):
        if facts.has_accounts:
            return (
                "Add these accounts to sheet 'accounts' with their owner's person_id "
                "(or kind brand and the steward who runs them)."
            )
        return (
            "Add an accounts sheet (channel, account, person_id, kind, steward_id) that "
            "says whose these accounts are."
        )
    example = f" such as '{facts.example_id}'" if facts.example_id else ""
    if shape == "name":
        return (
            f"No name on sheet '{sheet}' matches them (case, accents and spaces do not "
            "count): check both sheets are of the same people, or use person_id or email."
        )
    if shape == "number":
        return (
            f"Sheet '{sheet}' has person_ids{example}. If this column holds another number "
            "(an employee number), use that number as person_id in both sheets, or name "
            "people by email."
        )
    return (
        f"Sheet '{sheet}' has person_ids{example}; check that this column holds the same "
        "kind of ID, or name people by email."
    )


def _describe(values: np.ndarray) -> tuple[ValueShape, str]:
    """The main shape of the values and a phrase such as "they are emails" or "80 of them are
    names" (counted over rows)."""
    shapes = Counter(value_shape(str(v)) for v in values)
    shape, count = shapes.most_common(1)[0]
    words = _SHAPE_WORDS[shape]
    if count == len(values):
        return shape, f"they are {words}" if shape in (
            "email",
            "number",
        ) else f"they look like {words}"
    return shape, f"{count:,} of them look like {words}"


_ROW_MESSAGES: dict[str, str] = {
    "unknown_person": "This person is not on sheet '{sheet}' (by person_id, email, name or "
    "account); the {what} is kept but counts for nobody's scorecard.",
    "unknown_manager": "This manager matches no person_id, email or name on sheet '{sheet}'.",
    "unknown_account": "This account is not on sheet 'accounts' for its channel; the {what} "
    "is kept but counts for nobody's scorecard.",
}
_ROW_FIXES: dict[str, str] = {
    "unknown_person": "Add the person to sheet '{sheet}', or correct the reference.",
    "unknown_manager": "Add the manager as a row of people, or leave the cell blank (or "
    "NO_MGR) for the top of the tree.",
    "unknown_account": "Add the account to sheet 'accounts' with its owner's person_id (or "
    "kind brand and its steward).",
}


def report_unmatched(
    log: ProblemLog,
    t: TypedTable,
    name: str,
    values: pd.Series,
    matches: list[Match],
    facts: PeopleFacts,
    *,
    what: str,
    severity: str,
    code: str,
    skip: np.ndarray | None = None,
) -> None:
    """Report the rows of ``values`` (column ``name`` of ``t``) whose match is unknown or
    ambiguous, leaving out ``skip`` rows; see the module docstring."""
    sev: Severity = "error" if severity == "error" else "warning"
    raw = values.to_numpy(dtype=object, na_value=None)
    kinds = np.array([m.kind for m in matches], dtype=object)
    present = values.notna().to_numpy(dtype=bool, copy=True)
    if skip is not None:
        present &= ~skip
    header = t.headers.get(name, name)
    where = {"table": t.table.name, "sheet": t.sheet, "column": header}
    ambiguous = np.flatnonzero(present & (kinds == "ambiguous"))

    def candidates(i: int) -> str:
        found = matches[ambiguous[i]].candidates
        return ", ".join(facts.label(c) for c in found)

    log.cells(
        severity=sev,
        code="ambiguous_" + ("manager" if what == "manager" else "person"),
        rows=t.rows[ambiguous],
        values=raw[ambiguous],
        **where,
        message=lambda i: (
            f"'{raw[ambiguous[i]]}' could be "
            f"{len(matches[ambiguous[i]].candidates)} people of sheet "
            f"'{facts.sheet}': {candidates(i)}; the row is matched to "
            "none of them."
        ),
        fix="Use the person_id or the email instead of the name.",
    )
    unknown = np.flatnonzero(present & (kinds == "unknown"))
    if not len(unknown):
        return
    shape, phrase = _describe(raw[unknown])
    fix_hint = hint(shape, [str(v) for v in raw[unknown]], facts)
    n_present = int(present.sum())
    if len(unknown) >= SUMMARY_MIN_ROWS and 2 * len(unknown) >= n_present:
        lead = "All" if len(unknown) == n_present else f"{len(unknown):,} of the"
        rows = ", ".join(f"{int(r):,}" for r in t.rows[unknown[:QUOTED]])
        examples = ", ".join(f"'{preview(v)}'" for v in pd.unique(raw[unknown])[:QUOTED])
        log.cells(
            severity=sev,
            code=code,
            rows=np.array([-1]),
            values=None,
            **where,
            message=(
                f"{lead} {n_present:,} values of column '{header}' match nobody on "
                f"sheet '{facts.sheet}'; {phrase} (for example {examples}; rows "
                f"{rows}, …)."
            ),
            fix=fix_hint,
        )
        return
    fix = _ROW_FIXES[code].format(sheet=facts.sheet)
    if shape in ("email", "url", "handle"):
        fix = fix_hint
    log.cells(
        severity=sev,
        code=code,
        rows=t.rows[unknown],
        values=raw[unknown],
        **where,
        message=_ROW_MESSAGES[code].format(sheet=facts.sheet, what=what),
        fix=fix,
    )


def resolve_ids(
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
