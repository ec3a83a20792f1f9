"""Every storage failure as one sentence a user can act on: :class:`StoreError`.

SQLAlchemy and driver exceptions quote SQL and its parameters (file names, uploaders, whole
rows); none of that may reach a page or a terminal. :func:`translate` is the one place that
turns an exception raised while talking to the database into a sentence saying what is wrong
with which database and what to do. The original exception goes to the server log only.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import URL

#: PostgreSQL SQLSTATEs (https://www.postgresql.org/docs/current/errcodes-appendix.html).
PG_BUSY = {"40001", "40P01", "55P03"}  # serialization failure, deadlock, lock not available
PG_FULL = {"53100"}  # disk_full
PG_READ_ONLY = {"25006"}  # read_only_sql_transaction
PG_NO_DATABASE = {"3D000"}  # invalid_catalog_name
PG_AUTH = {"28000", "28P01"}  # invalid authorization, invalid password
PG_GONE = {"57P01", "57P02", "57P03"}  # admin / crash shutdown, cannot connect now

BUSY_SENTENCE = (
    "The database ({where}) is busy with other publishes and stayed busy; nothing was "
    "changed. Try again in a minute."
)


class StoreError(Exception):
    """A storage failure said in one sentence (no SQL, no parameters); ``busy`` marks the
    failures worth retrying (a lock held by another publisher)."""

    def __init__(self, sentence: str, *, busy: bool = False) -> None:
        super().__init__(sentence)
        self.busy = busy


class BaseMoved(StoreError):
    """Another version became current between planning a merge and storing it: storing it
    would drop that version's rows, so the merge is planned again (a busy failure, retried)."""

    def __init__(self) -> None:
        super().__init__(
            "Other versions kept landing while this upload was being merged, so it was not "
            "stored (it would have dropped their rows). Try again in a minute.",
            busy=True,
        )


def where(url: URL) -> str:
    """The database as a user names it: the SQLite file, or host:port/database (no password)."""
    if url.get_backend_name() == "sqlite":
        return f"file {url.database}"
    host = url.host or "localhost"
    port = f":{url.port}" if url.port else ""
    return f"{url.get_backend_name()} database {url.database or ''} on {host}{port}"


def _sqlite_file(url: URL) -> Path:
    return Path(url.database or "").resolve()


def _sqlite_sentence(message: str, url: URL) -> StoreError | None:
    """The sentence of a SQLite error message (the message itself names no SQL)."""
    text, path = message.lower(), _sqlite_file(url)
    if "locked" in text or "busy" in text:
        return StoreError(BUSY_SENTENCE.format(where=where(url)), busy=True)
    if "readonly" in text or "read-only" in text:
        if os.access(path, os.W_OK) and not os.access(path.parent, os.W_OK):
            return _folder_unwritable(path.parent)  # no journal can be made beside the file
        return StoreError(
            f"The database file {path} is read-only for the user running the app, so nothing "
            "can be published or saved; the current version is untouched and still shown. "
            f"Make the file and its folder writable for that user (e.g. chown or chmod "
            f"{path.parent})."
        )
    if "disk is full" in text or "database or disk is full" in text:
        return StoreError(
            f"The disk holding the database file {path} is full; nothing was stored and the "
            "current version is untouched. Free some space (or move the database) and try "
            "again."
        )
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return StoreError(
            f"The database file {path} is damaged (it is not a readable SQLite database); "
            "nothing was read or written. Restore it from a backup, or point "
            "SCORECARD_DATABASE_URL at a new file to start afresh."
        )
    if "unable to open" in text or "disk i/o error" in text:
        folder = path.parent
        if not folder.is_dir():
            return StoreError(
                f"The folder {folder} for the database file does not exist and cannot be "
                "created; create it, or point SCORECARD_DATABASE_URL at a writable folder."
            )
        if path.exists() and not os.access(path, os.R_OK):
            return StoreError(
                f"The database file {path} cannot be read by the user running the app; give "
                "that user read and write access to it."
            )
        return _folder_unwritable(folder)
    return None


def _folder_unwritable(folder: Path) -> StoreError:
    return StoreError(
        f"The folder {folder} cannot be written by the user running the app (SQLite keeps "
        "its journal next to the database file), so nothing was stored; the current version "
        "is untouched. Make the folder writable for that user, or point "
        "SCORECARD_DATABASE_URL at a writable folder."
    )


def _postgres_sentence(
    original: BaseException, error: sa.exc.DBAPIError, url: URL
) -> StoreError | None:
    state = getattr(original, "sqlstate", None) or ""
    text = str(original).lower()
    place = where(url)
    if state in PG_BUSY:
        return StoreError(BUSY_SENTENCE.format(where=place), busy=True)
    if state in PG_FULL or "no space left" in text:
        return StoreError(
            f"The disk of the {place} is full; nothing was stored and the current version is "
            "untouched. Ask its administrator to free space, then try again."
        )
    if state in PG_READ_ONLY:
        return StoreError(
            f"The {place} accepts reads only (a read-only replica or user), so nothing can be "
            "published; point SCORECARD_DATABASE_URL at the primary server."
        )
    if state in PG_NO_DATABASE or ("does not exist" in text and "database" in text):
        return StoreError(
            f"The {place} does not exist; create it (createdb {url.database}) or correct "
            "SCORECARD_DATABASE_URL."
        )
    if state in PG_AUTH or "authentication failed" in text or "no password" in text:
        return StoreError(
            f"The {place} refused the user name or password in SCORECARD_DATABASE_URL; "
            "correct them."
        )
    # A connection that failed or dropped has no SQLSTATE: refused, timed out, unknown host.
    if state in PG_GONE or (not state and isinstance(error, sa.exc.OperationalError)):
        return StoreError(
            f"The {place} cannot be reached (is the server running, and are the host and "
            "port in SCORECARD_DATABASE_URL right?); nothing was changed. Try again once it "
            "answers."
        )
    return None


def _os_sentence(error: OSError, url: URL) -> StoreError | None:
    folder = _sqlite_file(url).parent if url.get_backend_name() == "sqlite" else Path.cwd()
    if error.errno == errno.ENOSPC:
        return StoreError(
            f"The disk holding {folder} is full; nothing was stored and the current version "
            "is untouched. Free some space and try again."
        )
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOTDIR, errno.EEXIST):
        return StoreError(
            f"The folder {folder} for the database cannot be created or written by the user "
            "running the app; make it writable, or point SCORECARD_DATABASE_URL at a "
            "writable folder."
        )
    return None


def translate(error: BaseException, url: URL) -> StoreError | None:
    """``error`` as a :class:`StoreError`, or ``None`` when it is not a storage failure (a
    bug, a missing version) and must travel on as it is."""
    if isinstance(error, StoreError):
        return error
    if isinstance(error, OSError):
        return _os_sentence(error, url)
    original = error.orig if isinstance(error, sa.exc.DBAPIError) else error
    if isinstance(original, sqlite3.Error):
        return _sqlite_sentence(str(original), url) or _unknown(original, url)
    if url.get_backend_name() == "postgresql" and isinstance(error, sa.exc.DBAPIError):
        return _postgres_sentence(original, error, url) or _unknown(original, url)
    if isinstance(error, sa.exc.DBAPIError):
        return _unknown(original, url)
    return None


def _unknown(original: BaseException, url: URL) -> StoreError:
    return StoreError(
        f"The {where(url)} failed ({type(original).__name__}); nothing was changed and the "
        "current version is untouched. The server log has the details."
    )
