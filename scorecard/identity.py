"""People the way exports name them: normalised text and one resolver from a reference to a person.

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

Everything here is pure: frames in, new values out, inputs untouched.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd

from scorecard.schema import canonical_choice, header_key

#: Zero-width characters, the BOM and the soft hyphen: invisible, yet they split look-alikes.
INVISIBLE = "[\u200b\u200c\u200d\u2060\ufeff\u00ad]"
_INVISIBLE = re.compile(INVISIBLE)
_SPACES = re.compile(r"\s+")
_NOT_ALNUM = re.compile(r"[\W_]+")
_EMAIL = re.compile(r"[^\s<>@()\[\],;:\"]+@[^\s<>@()\[\],;:\"]+\.[^\s<>@()\[\],;:\"]+")
_URL = re.compile(r"^(?:https?://)?(?:www\.|m\.|mobile\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)(/[^\s]*)?$")

#: Manager cells that mean "nobody: the top of the tree", compared by :func:`header_key`
#: (so "NO_MGR", "no mgr" and "No-Mgr" are one). Blank and a self-reference mean the same.
NO_MANAGER: frozenset[str] = frozenset(
    header_key(v)
    for v in (
        "NO_MGR",
        "no manager",
        "none",
        "null",
        "nil",
        "n/a",
        "na",
        "#N/A",
        "top",
        "root",
        "self",
        "not applicable",
        "-",
        "—",
        "–",
        "0",
    )
)

#: Hosts of profile and post URLs, and the channel each one is.
URL_CHANNELS: dict[str, str] = {
    "linkedin.com": "LinkedIn",
    "lnkd.in": "LinkedIn",
    "x.com": "X",
    "twitter.com": "X",
    "facebook.com": "Facebook",
    "fb.com": "Facebook",
    "youtube.com": "YouTube",
    "youtu.be": "YouTube",
    "instagram.com": "Instagram",
    "tiktok.com": "TikTok",
}
#: First path segments of these hosts that are pages of the site, not an account.
_SITE_PATHS = frozenset(
    {
        "i",
        "intent",
        "home",
        "search",
        "hashtag",
        "share",
        "sharer",
        "explore",
        "feed",
        "watch",
        "shorts",
        "p",
        "reel",
        "status",
        "pages",
    }
)
#: LinkedIn's path kinds whose next segment is the account's vanity name.
_LINKEDIN_KINDS = frozenset({"in", "company", "school", "showcase"})


def clean(value: str) -> str:
    """Unicode NFC, zero-width characters and BOMs removed, spaces trimmed and collapsed.

    >>> clean(" Ame\u0301lie\u200b  Durand ")
    'Amélie Durand'
    """
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", value))
    return _SPACES.sub(" ", text).strip()


def clean_column(values: pd.Series) -> pd.Series:
    """:func:`clean` over a text column, once per distinct value; a value that cleans to
    nothing becomes missing. Returns a new ``str`` Series on the same index."""
    codes, distinct = pd.factorize(values)
    cleaned = [clean(str(v)) for v in distinct]
    mapped = np.array([c if c else None for c in cleaned] + [None], dtype=object)
    return pd.Series(mapped[codes], index=values.index, dtype="str")


def name_key(value: str) -> str:
    """A name as compared: no accents, no case, no spaces or punctuation.

    >>> name_key("DURAND  Amélie") == name_key("durand amelie")
    True
    """
    decomposed = unicodedata.normalize("NFKD", clean(value))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NOT_ALNUM.sub("", bare.casefold())


def email_key(value: str) -> str | None:
    """The email address in ``value`` in lower case, or ``None`` when there is none.

    Accepts "ana@x.com", "mailto:Ana@X.com" and "Ana Silva <ana@x.com>".
    """
    found = _EMAIL.search(clean(value).removeprefix("mailto:"))
    return found.group(0).casefold() if found else None


def is_email(value: str) -> bool:
    """Whether the whole of ``value`` is one email address (or UPN)."""
    text = clean(value).removeprefix("mailto:")
    return _EMAIL.fullmatch(text) is not None


def _url_parts(value: str) -> tuple[str, list[str]] | None:
    if "@" in value.split("/")[0] and "/" not in value:
        return None  # an email, not a URL
    found = _URL.match(value.casefold())
    if not found or ("/" not in value and not value.casefold().startswith(("http", "www."))):
        return None
    host = found.group(1)
    path = (found.group(2) or "").split("?")[0].split("#")[0]
    return host, [p for p in path.split("/") if p]


def url_channel(value: str) -> str | None:
    """The channel of a profile or post URL ("https://x.com/a/status/1" → "X"), else ``None``."""
    parts = _url_parts(clean(value))
    if parts is None:
        return None
    host = parts[0]
    for known, channel in URL_CHANNELS.items():
        if host == known or host.endswith("." + known):
            return channel
    return None


def handle_of(value: str) -> str | None:
    """The account a handle, profile URL or post URL names, as written (without "@").

    >>> handle_of("https://x.com/AmelieDurand/status/1")
    'ameliedurand'
    >>> handle_of("linkedin.com/in/amelie-durand/")
    'amelie-durand'
    >>> handle_of("@ameliedurand")
    'ameliedurand'

    URLs are read in lower case; LinkedIn's ``/in/``, ``/company/`` and ``/posts/<name>_…``
    paths, YouTube's ``/@name``, ``/c/``, ``/user/`` and ``/channel/`` and TikTok's ``/@name``
    are understood; a URL naming no account (a feed or search page) gives ``None``. Anything
    that is not a URL is a profile name or handle and comes back cleaned.
    """
    text = clean(value)
    parts = _url_parts(text)
    if parts is None:
        return text.removeprefix("@") or None
    host, segments = parts
    if not segments:
        return None
    first = segments[0]
    if host.endswith("linkedin.com"):
        if first in _LINKEDIN_KINDS and len(segments) > 1:
            return segments[1]
        if first == "posts" and len(segments) > 1:
            return segments[1].split("_")[0]
        return None
    if host.endswith("youtube.com") and first in ("c", "user", "channel") and len(segments) > 1:
        return segments[1]
    if first.startswith("@"):
        return first[1:] or None
    return None if first in _SITE_PATHS else first


def account_key(value: str) -> str | None:
    """How accounts are compared: :func:`name_key` of :func:`handle_of` ("@Amelie_Durand",
    "amelie-durand" and "Amélie Durand" are one account on a channel)."""
    handle = handle_of(value)
    key = name_key(handle) if handle else ""
    return key or None


def channel_key(channel: object) -> str:
    """A channel as compared: its canonical spelling, case and spaces ignored ("" for none)."""
    if not isinstance(channel, str) or not channel.strip():
        return ""
    return header_key(canonical_choice("channel", channel) or channel)


def is_no_manager(value: object) -> bool:
    """Whether a manager cell means "nobody" (blank, "NO_MGR", "none", "-", ...)."""
    return not isinstance(value, str) or header_key(clean(value)) in NO_MANAGER


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
    by_name: dict[str, tuple[str, ...]]
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
        by_account: dict[tuple[str, str], Account] = {}
        any_channel: dict[str, list[Account]] = {}
        for acc in accounts:
            key = account_key(acc.account)
            if key is None:
                continue
            by_account.setdefault((channel_key(acc.channel), key), acc)
            any_channel.setdefault(key, []).append(acc)
        return cls(
            ids=frozenset(ids),
            ids_by_case=_index((p.casefold(), p) for p in ids),
            by_email=_index(
                (email_key(e) if isinstance(e, str) else None, p)
                for e, p in zip(emails, ids, strict=True)
            ),
            by_name=_index(
                (name_key(n) if n else None, p) for n, p in zip(names, ids, strict=True)
            ),
            accounts=by_account,
            accounts_any_channel={k: tuple(v) for k, v in any_channel.items()},
            names=dict(zip(ids, names, strict=True)),
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
        refs = references.to_numpy(dtype=object, na_value=None)
        if channels is None or not self.accounts:
            chans = np.full(len(refs), None, dtype=object)
        else:
            chans = channels.to_numpy(dtype=object, na_value=None)
        cache: dict[tuple[object, object], Match] = {}
        out = []
        for ref, ch in zip(refs, chans, strict=True):
            key = (ref, ch)
            found = cache.get(key)
            if found is None:
                found = cache[key] = self.resolve_one(ref, ch)
            out.append(found)
        return out

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


ValueShape = Literal["email", "url", "handle", "number", "name", "id"]


def value_shape(value: str) -> ValueShape:
    """What a reference looks like, for messages: an email, a URL, an @handle, a number, a
    name (letters and a space) or another id."""
    text = clean(value)
    if is_email(text):
        return "email"
    if _url_parts(text) is not None:
        return "url"
    if text.startswith("@"):
        return "handle"
    if re.fullmatch(r"[+-]?\d+(?:\.\d+)?", text):
        return "number"
    if " " in text and not any(ch.isdigit() for ch in text):
        return "name"
    return "id"
