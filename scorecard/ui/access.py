"""Sign-in, role and scope in the app: who is looking, and what they may open, see and take away.

``SCORECARD_AUTH`` unset is local mode: the app serves this computer only (``make run`` binds
127.0.0.1) and whoever uses it is an admin. ``SCORECARD_AUTH=oidc`` turns on Streamlit's
OpenID Connect sign-in (``st.login``, ``st.user``, the ``[auth]`` section of
``.streamlit/secrets.toml``); roles come from the file named by ``SCORECARD_ROLES``
(:mod:`scorecard.access`). The frame (``app.py``) resolves the viewer before any data is read
and calls :func:`remember`; pages ask :func:`current`.
"""

from __future__ import annotations

import getpass
import logging
import os
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import streamlit as st

from scorecard.access import (
    ROLES,
    Access,
    Roles,
    RolesFileError,
    leaderboard_names,
    local_admin,
    pseudonymise,
    read_roles,
    resolve,
)
from scorecard.assumptions import as_mapping
from scorecard.audit import AuditEvent, has_event
from scorecard.audit import record as record_event
from scorecard.ui import cache

AUTH_ENV = "SCORECARD_AUTH"
ROLES_ENV = "SCORECARD_ROLES"
LOCAL_MODE = "Local mode: this computer only"
_VIEWER = "access_viewer"
_SIGNED_IN = "access_signed_in_as"
log = logging.getLogger("scorecard.access")


def signed_in_mode() -> bool:
    """Whether sign-in is on (``SCORECARD_AUTH=oidc``); otherwise local mode."""
    return os.environ.get(AUTH_ENV, "").strip().lower() == "oidc"


def local_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name on this machine (a container without passwd)
        return ""


@st.cache_data(show_spinner=False, max_entries=4)
def _roles(path: str, mtime_ns: int) -> Roles:
    return read_roles(Path(path))


def roles() -> Roles:
    """The roles file in force (an empty one when ``SCORECARD_ROLES`` is unset).

    Raises :class:`RolesFileError` for a file that cannot be used: nobody is let in on a
    half-read file."""
    path = os.environ.get(ROLES_ENV, "").strip()
    if not path:
        return Roles(source="(SCORECARD_ROLES is not set)")
    try:
        mtime = Path(path).stat().st_mtime_ns
    except OSError as error:
        raise RolesFileError(
            f"The roles file {path} cannot be read ({error.strerror}). "
            "Check SCORECARD_ROLES and the file's permissions."
        ) from None
    return _roles(path, mtime)


def _claims() -> dict[str, object]:
    info = st.user.to_dict()
    info.pop("tokens", None)
    return info


def viewer() -> Access | None:
    """Who is looking: ``None`` signed out; an :class:`Access` without a role when signed in
    but not let in. No data is read unless no grant matches (then only the roster, to find
    the person by email)."""
    if not signed_in_mode():
        return local_admin(local_user())
    if not st.user.get("is_logged_in", False):
        return None
    claims = _claims()
    email = str(claims.get("email") or claims.get("preferred_username") or claims.get("upn") or "")
    name = str(claims.get("name") or "")
    try:
        granted = roles()
    except RolesFileError as error:
        log.error("%s", error)
        return Access(name or email or "unknown", email or None, how=str(error))
    found = resolve(email, claims, name, granted, None)
    if found.role is None:
        try:
            roster = cache.people(cache.current().key)
        except Exception:  # no readable dataset: nobody is an employee by email then
            log.exception("the roster could not be read to find %s", email)
            return found
        found = resolve(email, claims, name, granted, roster)
    return found


def lets_in(who: Access | None, page: str) -> bool:
    """Whether ``who`` may open ``page`` (the hidden home page forwards to one they may)."""
    return who is not None and who.role is not None and (page == "home" or who.may_open(page))


def opener(who: Access | None) -> Callable[[str], bool]:
    """Which pages ``who`` may open, for the navigation (nothing signed out or without role)."""
    return lambda page: who is not None and who.may_open(page)


def landing(who: Access | None) -> str | None:
    """The page ``who`` starts on (their role's)."""
    return None if who is None or who.spec is None else who.spec.home


def remember(who: Access | None) -> None:
    """Keep this run's viewer for the page, and log a sign-in: once per ID token (every page
    load is a new session, so the token's issue time tells a new sign-in from a reload); a
    signed-in person without a role too, so the admins see who asked."""
    if who is None:
        st.session_state.pop(_VIEWER, None)
        return
    st.session_state[_VIEWER] = who
    if not signed_in_mode() or st.session_state.get(_SIGNED_IN) == who.identity:
        return
    st.session_state[_SIGNED_IN] = who.identity
    issued = st.user.get("iat", "")
    what = f"as {who.role or 'nobody: no role'} ({who.how or 'no grant'})" + (
        f"; token issued {issued}" if issued else ""
    )
    event = AuditEvent(who.identity, "sign-in", what, who.scope_text)
    try:
        if issued and has_event(cache.store().engine, event):
            return
    except Exception:  # the check is a nicety; the sign-in is logged anyway
        log.exception("could not read the audit log")
    record("sign-in", what, who)


def current() -> Access:
    """The viewer the frame resolved for this run (an admin in local mode)."""
    who = st.session_state.get(_VIEWER)
    if isinstance(who, Access):
        return who
    if not signed_in_mode():
        return local_admin(local_user())
    return Access("unknown")


def record(action: str, what: str, who: Access | None = None) -> None:
    """Append to the audit log; a failure is logged, never shown (the action itself worked)."""
    who = who or current()
    try:
        record_event(cache.store().engine, AuditEvent(who.identity, action, what, who.scope_text))
    except Exception:  # the audit must not turn a finished publish into an error page
        log.exception("could not record %s by %s", action, who.identity)


def department_options(everything: str, departments: tuple[str, ...]) -> tuple[str, ...]:
    """The sidebar's department choices: all, or only the viewer's scope (even a department
    the data lacks, so a scope never widens to the whole company)."""
    scope = current().scope
    if scope is None:
        return (everything, *departments)
    return scope


def may_download() -> bool:
    return current().downloads


def names_mode(key: str) -> str:
    """How this viewer sees other people's names on leaderboards: ``full`` for roles that see
    people, else the dataset's ``leaderboard_names`` assumption."""
    if current().names_people:
        return "full"
    return leaderboard_names(as_mapping(cache.dataset(key).assumptions))


def shown_names(names: pd.Series, ids: pd.Series, key: str) -> pd.Series:
    """``names`` as this viewer may see them on a leaderboard (their own row reads "You")."""
    who = current()
    mode = names_mode(key)
    if mode == "full":
        return names
    return pseudonymise(names, ids, mode, who.person_id)  # type: ignore[arg-type]


# -- the sidebar and the pages that stand in for a page the viewer may not open ----------------
def sidebar(who: Access | None) -> None:
    """Who is signed in and how to sign out; in local mode, that it serves this computer only."""
    with st.sidebar:
        if not signed_in_mode():
            st.caption(f":material/computer: {LOCAL_MODE} · everyone here is an admin.")
            return
        if who is None:
            return
        role = who.role or "no access"
        st.caption(
            f"Signed in as {_plain(who.identity)} · {role}"
            + ("" if who.scope is None else f" · {_plain(who.scope_text)}")
        )
        if st.button("Sign out", key="access_sign_out", icon=":material/logout:"):
            st.session_state.pop(_SIGNED_IN, None)
            st.logout()


def _plain(text: str) -> str:
    from scorecard.ui.text import literal

    return literal(text)


def stand_in(who: Access | None) -> Callable[[str], Callable[[], None]]:
    """The page shown instead of a page ``who`` may not open: sign-in, whom to ask, or a
    refusal naming the page. It never reads data."""
    if who is None:
        return lambda title: sign_in_page
    if who.role is None:
        return lambda title: no_access_page
    return lambda title: lambda: refused_page(title)


def sign_in_page() -> None:
    st.title("Social Scorecard")
    st.write("Sign in with your work account to see the scorecards your role allows.")
    if "is_logged_in" not in st.user.to_dict():  # no [auth] section in the secrets
        st.error(
            "Sign-in is switched on (SCORECARD_AUTH=oidc) but not configured: add an "
            "[auth] section to .streamlit/secrets.toml (see the README, Sign-in and "
            "roles)."
        )
        return
    if st.button("Sign in", type="primary", key="access_sign_in", icon=":material/login:"):
        st.login()


def no_access_page() -> None:
    who = current()
    st.title("No access yet")
    try:
        ask = roles().ask
    except RolesFileError as error:
        st.error(_plain(str(error)))
        return
    st.write(
        _plain(
            f"You are signed in as {who.identity}, but no role is granted to you and "
            "your email is not on the people sheet of the current dataset."
        )
    )
    st.info(_plain(f"Ask {ask} to grant you access."), icon=":material/person_search:")


def refused_page(title: str) -> None:
    who = current()
    st.title(title)
    st.warning(
        _plain(
            f"Your role ({who.role}) cannot open {title}. Pick a page in the "
            "sidebar, or ask an admin for another role."
        ),
        icon=":material/block:",
    )


def role_rows() -> pd.DataFrame:
    """The roles and what each allows, for the admins' page."""
    return pd.DataFrame(
        [
            {
                "role": r.name,
                "may": r.summary,
                "pages": ", ".join(sorted(r.pages)),
                "downloads": r.downloads,
            }
            for r in ROLES.values()
        ]
    )
