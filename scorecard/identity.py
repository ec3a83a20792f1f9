"""People the way exports name them: one resolver from a reference to a person.

Exports name a person by our person_id, a work email or UPN, a display name ("Amélie Durand",
"DURAND, Amelie"), or an account: a handle ("@ameliedurand") or a profile or post URL
("https://x.com/ameliedurand/status/1", "linkedin.com/in/amelie-durand"). :class:`Resolver`
turns any of them into a person_id, in this order:

1. the exact person_id;
2. an email or UPN, compared case-insensitively ("Ana@X.com" is "ana@x.com");
3. a person_id that differs only by case, when only one person has it that way;
4. a display name, compared without case, accents, spaces or punctuation, also as
   "Last, First"; two people with that name make the reference ambiguous, never a guess
   (an email, a URL or an @handle is never read as a name);
5. an account of the ``accounts`` table, on the row's channel (any channel when the row has
   none, if every match agrees): its owner, or the brand account itself (:attr:`Match.kind`
   ``"brand"``).

Text is compared through :mod:`scorecard.naming` (clean text, name keys, emails, handles),
re-exported here. Everything is pure: frames in, new values out, inputs untouched.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Literal

import pandas as pd

from scorecard.naming import (
    INVISIBLE,
    NO_MANAGER,
    URL_CHANNELS,
    ValueShape,
    account_key,
    channel_key,
    clean,
    clean_column,
    distinct_rows,
    email_key,
    handle_of,
    is_email,
    is_no_manager,
    name_key,
    url_channel,
    value_shape,
)

# The text helpers are part of this module's interface: callers import them from here.
__all__ = [
    "INVISIBLE",
    "NO_MANAGER",
    "UNKNOWN",
    "URL_CHANNELS",
    "Account",
    "Match",
    "MatchKind",
    "Resolver",
    "ValueShape",
    "account_key",
    "channel_key",
    "clean",
    "clean_column",
    "distinct_rows",
    "email_key",
    "handle_of",
    "is_email",
    "is_no_manager",
    "name_key",
    "url_channel",
    "value_shape",
]


@dataclass(frozen=True)
class Account:
    """One row of the accounts table, as the resolver needs it."""

    channel: str
    account: str
    kind: Literal["personal", "brand"]
    person_id: str | None = None
    steward_id: str | None = None


MatchKind = Literal["person", "brand", "ambiguous", "unknown"]


@dataclass(frozen=True)
class Match:
    """What a reference resolved to: a person, a brand account, several candidates, or nobody.

    ``via`` says how ("id", "email", "id_case", "account", "name"); ``candidates`` are the
    person_ids an ambiguous reference could be.
    """

    kind: MatchKind
    person_id: str | None = None
    via: str = ""
    account: Account | None = None
    candidates: tuple[str, ...] = ()


UNKNOWN = Match("unknown")


def _index(pairs: Iterable[tuple[str | None, str]]) -> dict[str, tuple[str, ...]]:
    """key → distinct person_ids having it, in first-seen order (``None`` keys skipped)."""
    out: dict[str, dict[str, None]] = {}
    for key, pid in pairs:
        if key:
            out.setdefault(key, {})[pid] = None
    return {k: tuple(v) for k, v in out.items()}


@dataclass(frozen=True)
class Resolver:
    """Lookups built once from people (+ accounts); see the module docstring for the order.

    Build it with :meth:`build`. ``names`` maps a person_id to its display name, for messages.
    """

    ids: frozenset[str]
    ids_by_case: dict[str, tuple[str, ...]]
    by_email: dict[str, tuple[str, ...]]
    accounts: dict[tuple[str, str], Account] = field(default_factory=dict)
    accounts_any_channel: dict[str, tuple[Account, ...]] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)

    @classmethod
    def build(cls, people: pd.DataFrame, accounts: Iterable[Account] = ()) -> Resolver:
        """From a people frame (``person_id``, ``name``, optional ``email``; text, already
        cleaned) and resolved accounts. A duplicated person_id counts once; a blank one never."""
        frame = people[people["person_id"].notna()].drop_duplicates("person_id")
        ids = frame["person_id"].astype("str").tolist()
        names = (
            frame["name"].astype("str").fillna("").tolist() if "name" in frame else [""] * len(ids)
        )
        emails = frame["email"].tolist() if "email" in frame else [None] * len(ids)
        people_only = cls(
            ids=frozenset(ids),
            ids_by_case=_index((p.casefold(), p) for p in ids),
            by_email=_index(
                (email_key(e) if isinstance(e, str) else None, p)
                for e, p in zip(emails, ids, strict=True)
            ),
            names=dict(zip(ids, names, strict=True)),
        )
        return people_only.with_accounts(accounts)

    @cached_property
    def by_name(self) -> dict[str, tuple[str, ...]]:
        """name key → person_ids; built on the first name look-up only (a roster named by ids
        never pays for it)."""
        return _index((name_key(n) if n else None, p) for p, n in self.names.items())

    def with_accounts(self, accounts: Iterable[Account]) -> Resolver:
        """The same people with ``accounts`` to look handles up in (a new resolver; the first
        of two accounts with one channel and key wins)."""
        by_account: dict[tuple[str, str], Account] = {}
        any_channel: dict[str, list[Account]] = {}
        for acc in accounts:
            key = account_key(acc.account)
            if key is None:
                continue
            by_account.setdefault((channel_key(acc.channel), key), acc)
            any_channel.setdefault(key, []).append(acc)
        return replace(
            self,
            accounts=by_account,
            accounts_any_channel={k: tuple(v) for k, v in any_channel.items()},
        )

    def _account(self, reference: str, channel: object) -> Match:
        key = account_key(reference)
        if key is None:
            return UNKNOWN
        ch = channel_key(channel)
        if ch:
            acc = self.accounts.get((ch, key))
        else:  # no channel: any channel's account, if they all say the same
            found = self.accounts_any_channel.get(key, ())
            owners = {(a.kind, a.person_id if a.kind == "personal" else a.account) for a in found}
            acc = found[0] if len(owners) == 1 else None
        if acc is None:
            return UNKNOWN
        if acc.kind == "brand":
            return Match("brand", via="account", account=acc)
        if acc.person_id is None:
            return UNKNOWN
        return Match("person", acc.person_id, via="account", account=acc)

    @staticmethod
    def _one(found: tuple[str, ...], via: str) -> Match:
        if len(found) == 1:
            return Match("person", found[0], via=via)
        return Match("ambiguous", via=via, candidates=found)

    def resolve_one(self, reference: object, channel: object = None) -> Match:
        """The :class:`Match` of one reference (``channel`` narrows account look-ups)."""
        if not isinstance(reference, str) or not reference.strip():
            return UNKNOWN
        text = clean(reference)
        if text in self.ids:
            return Match("person", text, via="id")
        email = email_key(text) if is_email(text) else None
        if email and email in self.by_email:
            return self._one(self.by_email[email], "email")
        by_case = self.ids_by_case.get(text.casefold())
        if by_case:
            return self._one(by_case, "id_case")
        addressed = email is not None or value_shape(text) in ("url", "handle")
        if not addressed:  # an address or a handle is never taken for a display name
            for candidate in _name_forms(text):
                hits = self.by_name.get(name_key(candidate))
                if hits:
                    return self._one(hits, "name")
        if self.accounts and email is None:
            return self._account(text, channel)
        return UNKNOWN

    def resolve(self, references: pd.Series, channels: pd.Series | None = None) -> list[Match]:
        """:meth:`resolve_one` per row, computed once per distinct (reference, channel)."""
        if channels is None or not self.accounts:  # channels only matter to accounts
            channels = pd.Series([None] * len(references), dtype="str")
        codes, distinct = distinct_rows(references, channels)
        found = [self.resolve_one(ref, channel) for ref, channel in distinct]
        return [found[c] for c in codes]

    def label(self, person_id: str) -> str:
        """ "Name (id)" for messages."""
        name = self.names.get(person_id, "")
        return f"{name} ({person_id})" if name else person_id


def _name_forms(text: str) -> tuple[str, ...]:
    """The name as written, then as "First Last" when written "Last, First"."""
    if text.count(",") == 1:
        last, first = (p.strip() for p in text.split(","))
        if last and first:
            return (text, f"{first} {last}")
    return (text,)
