"""How exports write people and accounts, made comparable: clean text, name keys, emails,
handles from profile and post URLs, "no manager" cells, and what a reference looks like.

Pure functions of text (and columns of text); :mod:`scorecard.identity` resolves references with
them.
"""

from __future__ import annotations

import re
import unicodedata
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


def distinct_rows(*columns: pd.Series) -> tuple[np.ndarray, list[tuple[object, ...]]]:
    """The distinct rows of aligned columns: a code per row, and each distinct row as a tuple
    (``None`` for missing) in code order. Lets a per-value function run once per distinct row
    instead of once per row; a code of -1 never occurs (missing values form rows too)."""
    frame = pd.DataFrame({str(i): c.reset_index(drop=True) for i, c in enumerate(columns)})
    if frame.empty:
        return np.zeros(0, dtype=np.int64), []
    codes = frame.groupby(list(frame.columns), dropna=False, sort=False).ngroup().to_numpy()
    _, first = np.unique(codes, return_index=True)
    rows = frame.iloc[first].to_numpy(dtype=object, na_value=None)
    return codes.astype(np.int64), [tuple(row) for row in rows]


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
