"""Who may see what: the roles, the roles file, and a signed-in person's role and scope.

Pure: no Streamlit; the UI layer (:mod:`scorecard.ui.access`) hands in the ID-token claims and
the people roster. One registry, :data:`ROLES`, says per role which pages it opens, whether it
downloads and whether it sees other people by name; everything else loops over it.

The roles file (TOML, named by ``SCORECARD_ROLES``) holds ``[[grant]]`` tables, each with exactly
one of ``email`` (one person), ``domain`` (everyone whose email ends ``@domain``) or ``claim`` +
``value`` (an ID-token claim such as ``groups``: equal to the value, or a list holding it), a
``role`` and optional ``departments``; and an optional ``contact`` (who to ask for access).
A person takes the first grant that matches, by email first, then claim, then domain (within a
kind, file order); with none, a person found in people by email is an ``employee`` of their own
card; anyone else has no role and is told whom to ask (``contact``, else the admins' emails).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from scorecard.identity import email_key

PageId = str
LeaderboardNames = Literal["full", "initials", "hidden"]
LEADERBOARD_NAMES: tuple[LeaderboardNames, ...] = ("full", "initials", "hidden")
#: Assumption key deciding how employees and the board see other people on leaderboards.
LEADERBOARD_KEY = "leaderboard_names"
DEFAULT_LEADERBOARD_NAMES: LeaderboardNames = "initials"

BROWSE: frozenset[PageId] = frozenset(
    {"me", "overview", "scorecards", "cascades", "vision", "stewards", "board", "definitions"}
)


@dataclass(frozen=True)
class Role:
    """What a role may do. ``pages`` are page ids (the pages' ``url_path``)."""

    name: str
    pages: frozenset[PageId]
    downloads: bool  # board pack and chart files (within the scope)
    names_people: bool  # sees other people by name (else leaderboards are pseudonymised)
    scoped: bool  # departments of a grant narrow what it sees
    home: PageId  # the page it lands on
    summary: str


ROLES: dict[str, Role] = {
    r.name: r
    for r in (
        Role(
            "admin",
            BROWSE | {"data", "audit"},
            downloads=True,
            names_people=True,
            scoped=False,
            home="overview",
            summary="everything, plus who may see what and the audit log",
        ),
        Role(
            "marketer",
            BROWSE | {"data"},
            downloads=True,
            names_people=True,
            scoped=False,
            home="data",
            summary="every page, and the Data page: upload, publish, merge, roll back, goals",
        ),
        Role(
            "executive",
            BROWSE,
            downloads=True,
            names_people=True,
            scoped=True,
            home="scorecards",
            summary="every browse page and the board view within their departments",
        ),
        Role(
            "board",
            frozenset({"board", "vision", "definitions"}),
            downloads=False,
            names_people=False,
            scoped=False,
            home="board",
            summary="the board view and company-level figures, no person-level page",
        ),
        Role(
            "employee",
            frozenset({"me", "vision", "definitions"}),
            downloads=False,
            names_people=False,
            scoped=False,
            home="me",
            summary="their own scorecard, the vision's progress and the bonus rules with "
            "their points",
        ),
    )
}


@dataclass(frozen=True)
class Grant:
    """One ``[[grant]]`` of the roles file; exactly one of email, domain or claim is set."""

    role: str
    departments: tuple[str, ...] = ()
    email: str | None = None
    domain: str | None = None
    claim: str | None = None
    value: str | None = None

    @property
    def kind(self) -> str:
        return "email" if self.email else "claim" if self.claim else "domain"

    @property
    def who(self) -> str:
        """The grant in words, for the admins' page."""
        if self.email:
            return self.email
        if self.claim:
            return f"claim {self.claim} = {self.value}"
        return f"anyone @{self.domain}"

    def matches(self, email: str | None, claims: Mapping[str, Any]) -> bool:
        if self.email:
            return email == self.email
        if self.domain:
            return email is not None and email.endswith("@" + self.domain)
        found = claims.get(self.claim or "")
        if isinstance(found, list | tuple | set | frozenset):
            return self.value in {str(v) for v in found}
        return found is not None and str(found) == self.value


@dataclass(frozen=True)
class Roles:
    """The roles file: its grants in file order and whom to ask for access."""

    grants: tuple[Grant, ...] = ()
    contact: str = ""
    source: str = ""

    @property
    def admins(self) -> tuple[str, ...]:
        return tuple(g.email for g in self.grants if g.role == "admin" and g.email)

    @property
    def ask(self) -> str:
        """Whom a person without a role should ask, in words."""
        if self.contact:
            return self.contact
        if self.admins:
            return ", ".join(self.admins)
        return "the person who runs this app (the roles file names no admin)"


class RolesFileError(ValueError):
    """The roles file cannot be used; the message names the file, the place and the fix."""


_KINDS = ("email", "claim", "domain")  # also the order grants are tried in
_KNOWN = {"role", "departments", "value", *_KINDS}
_LINE = re.compile(r"line (\d+)")


def parse_roles(text: str, source: str = "roles file") -> Roles:
    """The grants of a roles file's TOML ``text``.

    Raises :class:`RolesFileError` naming ``source``, the line or the grant number, and how to
    fix it: invalid TOML, an unknown role, a grant with none or several of email/domain/claim, a
    claim without a value, departments that are not a list of text, an unknown key.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = _LINE.search(str(error))
        where = f" at line {line.group(1)}" if line else ""
        raise RolesFileError(
            f"The roles file {source} is not valid TOML{where}: {error}. "
            "Fix that line (text in double quotes, one key = value per "
            "line) and reload the page."
        ) from None
    raw = data.get("grant", [])
    if not isinstance(raw, list):
        raise RolesFileError(
            f"In the roles file {source}, 'grant' must be a list of "
            "[[grant]] tables. Write each grant as a [[grant]] block."
        )
    grants = tuple(_grant(entry, i + 1, source) for i, entry in enumerate(raw))
    contact = data.get("contact", "")
    if not isinstance(contact, str):
        raise RolesFileError(
            f"In the roles file {source}, 'contact' must be text in double "
            'quotes, such as "it-help@example.com".'
        )
    return Roles(grants, contact.strip(), source)


def _grant(entry: object, number: int, source: str) -> Grant:
    where = f"In the roles file {source}, grant {number}"
    if not isinstance(entry, dict):
        raise RolesFileError(f"{where} is not a table. Write it as a [[grant]] block.")
    unknown = sorted(set(entry) - _KNOWN)
    if unknown:
        raise RolesFileError(
            f"{where} has an unknown key {unknown[0]!r}. Use email, domain or "
            "claim and value, with role and optionally departments."
        )
    kinds = [k for k in _KINDS if k in entry]
    if len(kinds) != 1:
        raise RolesFileError(
            f"{where} names {' and '.join(kinds) or 'nobody'}. Give exactly "
            "one of email, domain, or claim (with value)."
        )
    role = str(entry.get("role", "")).strip().lower()
    if role not in ROLES:
        raise RolesFileError(
            f"{where} has role {entry.get('role', '')!r}. Use one of {', '.join(ROLES)}."
        )
    departments = entry.get("departments", [])
    if not isinstance(departments, list) or not all(isinstance(d, str) for d in departments):
        raise RolesFileError(
            f'{where}: departments must be a list of text, such as ["Sales", "Marketing"].'
        )
    kind = kinds[0]
    text = str(entry[kind]).strip()
    if kind == "claim" and not str(entry.get("value", "")).strip():
        raise RolesFileError(
            f"{where} names claim {text!r} without a value. Add value = "
            '"..." (the group or claim value to match).'
        )
    return Grant(
        role=role,
        departments=tuple(d.strip() for d in departments if d.strip()),
        email=email_key(text) if kind == "email" else None,
        domain=text.lower().lstrip("@") if kind == "domain" else None,
        claim=text if kind == "claim" else None,
        value=str(entry["value"]).strip() if kind == "claim" else None,
    )


def read_roles(path: Path) -> Roles:
    """The roles file at ``path`` (:func:`parse_roles`); a missing file is an error too."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise RolesFileError(
            f"The roles file {path} cannot be read ({error.strerror}). Check "
            "SCORECARD_ROLES and the file's permissions."
        ) from None
    return parse_roles(text, str(path))


@dataclass(frozen=True)
class Access:
    """A viewer: who (``identity``), their role (``None``: no access) and scope.

    ``departments`` empty means every department. ``person_id`` links the viewer to the people
    sheet when their email is there (an employee's own card; anyone's "You").
    """

    identity: str
    email: str | None = None
    role: str | None = None
    departments: tuple[str, ...] = ()
    person_id: str | None = None
    how: str = ""  # which grant, or "people sheet", in words

    @property
    def spec(self) -> Role | None:
        return ROLES.get(self.role or "")

    def may_open(self, page: PageId) -> bool:
        return self.spec is not None and page in self.spec.pages

    @property
    def downloads(self) -> bool:
        return self.spec is not None and self.spec.downloads

    @property
    def names_people(self) -> bool:
        return self.spec is not None and self.spec.names_people

    @property
    def scope(self) -> tuple[str, ...] | None:
        """Departments the viewer is limited to; ``None`` for the whole company."""
        if self.spec is None or not self.spec.scoped or not self.departments:
            return None
        return self.departments

    @property
    def scope_text(self) -> str:
        return "whole company" if self.scope is None else ", ".join(self.scope)


def resolve(
    email: str | None,
    claims: Mapping[str, Any],
    name: str,
    roles: Roles,
    people: pd.DataFrame | None,
) -> Access:
    """The role and scope of a signed-in person (see the module docstring for the order).

    ``people`` (person_id, name, department, email) is only read when no grant matches, and
    links anyone to their person_id. An employee sees their own card and the company's
    vision and bonus (leaderboards pseudonymised), not a department's.
    """
    email = email_key(email or "") if email else None
    identity = f"{name} ({email})" if name and email and name != email else (email or name)
    found = _person(email, people)
    for kind in _KINDS:
        for grant in roles.grants:
            if grant.kind == kind and grant.matches(email, claims):
                return Access(
                    identity or "unknown",
                    email,
                    grant.role,
                    grant.departments,
                    found[0] if found else None,
                    f"grant: {grant.who}",
                )
    if found is not None:
        return Access(identity or found[1], email, "employee", (), found[0], "people sheet")
    return Access(identity or "unknown", email)


def _person(email: str | None, people: pd.DataFrame | None) -> tuple[str, str, str] | None:
    """(person_id, name, department) of the one person whose email is ``email``."""
    if email is None or people is None or "email" not in people or people.empty:
        return None
    emails = people["email"].astype("str").str.strip().str.casefold()
    hits = people[emails == email]
    if len(hits) != 1:  # nobody, or an email two people share: never guess
        return None
    row = hits.iloc[0]
    return str(row["person_id"]), str(row["name"]), str(row["department"])


def local_admin(user: str | None) -> Access:
    """Local mode: this computer's user (or "local admin"), an admin of everything."""
    who = (user or "").strip() or "local admin"
    return Access(who, None, "admin", (), None, "local mode")


def leaderboard_names(assumptions: Mapping[str, str]) -> LeaderboardNames:
    """The ``leaderboard_names`` assumption; anything else reads as the default (initials)."""
    value = assumptions.get(LEADERBOARD_KEY, "").strip().lower()
    return value if value in LEADERBOARD_NAMES else DEFAULT_LEADERBOARD_NAMES  # type: ignore[return-value]


def initials(name: str) -> str:
    """ "Ada Byrne" → "A. B."; "Byrne, Ada" → "A. B."; "" → "—"."""
    parts = [p for p in re.split(r"[\s,]+", name.strip()) if p]
    if "," in name:
        parts = parts[1:] + parts[:1]
    return " ".join(p[0].upper() + "." for p in parts) or "—"


def pseudonymise(
    names: pd.Series, ids: pd.Series, mode: LeaderboardNames, own_id: str | None
) -> pd.Series:
    """Names as a leaderboard shows them to a viewer who may not see other people by name.

    ``full`` keeps them; ``initials`` keeps initials, numbering repeats ("A. B.", "A. B. (2)")
    so a chart never merges two people; ``hidden`` writes "Person 1", "Person 2"... in the
    series' order. The viewer's own row (``own_id``) reads "You". A new series on ``names``'
    index; the input is not modified.
    """
    if mode == "full":
        shown = names.astype("str")
    elif mode == "initials":
        shown = names.astype("str").map(initials)
        repeat = shown.groupby(shown).cumcount()
        shown = shown.where(repeat == 0, shown + " (" + (repeat + 1).astype("str") + ")")
    else:
        numbers = pd.Series(range(1, len(names) + 1), index=names.index)
        shown = "Person " + numbers.astype("str")
    if own_id is not None:
        shown = shown.where(ids.astype("str").to_numpy() != own_id, "You")
    return shown.astype("str")
