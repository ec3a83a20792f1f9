"""The store's database connection: URL checks, engines, write transactions, retries.

- :func:`parse_url` refuses, in one sentence, a URL that cannot serve as the store: malformed,
  another kind of database than SQLite or PostgreSQL, or SQLite in memory (it keeps nothing).
  ``postgres://`` and ``postgresql://`` mean the driver the app ships with, psycopg.
- :func:`create_engine` builds the engine: on SQLite a busy timeout (a writer waits for
  another's commit instead of failing at once), foreign keys, and transactions begun by the
  app itself (pysqlite's own begin is switched off, so DDL is transactional too); on
  PostgreSQL a connect timeout, so an unreachable server is said, not waited for.
- :func:`writing` opens a write transaction. On SQLite it is ``BEGIN IMMEDIATE``: the write lock
  is taken first, so two publishers queue on the busy timeout instead of one of them failing
  with "database is locked" when it turns its read lock into a write lock (SQLite cannot wait
  there without risking a deadlock). On PostgreSQL a plain transaction.
- :func:`guarded` wraps a store class: any storage failure in a public method becomes a
  :class:`~scorecard.storage_errors.StoreError`, and a busy database is retried a few times
  before saying "try again in a minute".
"""

from __future__ import annotations

import contextvars
import functools
import inspect
import logging
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import URL, Connection, Engine

from scorecard.storage_errors import StoreError, translate

log = logging.getLogger("scorecard.db")

SUPPORTED = ("sqlite", "postgresql")
#: How long a SQLite writer waits for another's lock, in seconds.
BUSY_TIMEOUT_S = 30
#: How long connecting to a PostgreSQL server may take, in seconds.
CONNECT_TIMEOUT_S = 10
#: Attempts of a store operation that found the database busy, and the first pause (seconds,
#: doubled each time, with jitter so that queued publishers do not collide again).
ATTEMPTS = 4
FIRST_PAUSE_S = 0.5
#: Serialises schema creation between processes on PostgreSQL (any constant will do).
SCHEMA_LOCK = 0x5C0AECA4D
WRITE_OPTION = "scorecard_write"
URL_HELP = (
    "Write it as sqlite:////absolute/path/scorecard.db or "
    "postgresql+psycopg://user:password@host:5432/database."
)


def parse_url(text: str) -> URL:
    """``text`` as a SQLAlchemy URL the store can use, or a :class:`StoreError` saying why not.

    Never echoes the URL (it may hold a password): the sentence names the variable instead.
    """
    try:
        url = sa.make_url(text)
    except (sa.exc.ArgumentError, ValueError):
        raise StoreError(f"SCORECARD_DATABASE_URL is not a database URL. {URL_HELP}") from None
    backend = url.get_backend_name()
    if url.drivername in ("postgres", "postgresql"):
        url = url.set(drivername="postgresql+psycopg")
        backend = "postgresql"
    if backend not in SUPPORTED:
        raise StoreError(
            f"SCORECARD_DATABASE_URL names a {backend} database; the app stores datasets in "
            f"SQLite or PostgreSQL only. {URL_HELP}"
        )
    if backend == "sqlite" and (
        url.database in (None, "", ":memory:") or url.query.get("mode") == "memory"
    ):
        raise StoreError(
            "SCORECARD_DATABASE_URL points at an in-memory SQLite database, which keeps "
            "nothing: every version would vanish when the process ends. Give a file, e.g. "
            "sqlite:////srv/scorecard/scorecard.db."
        )
    return url


def create_engine(text: str) -> Engine:
    """An engine for the store at ``text`` (see the module's docstring); creates the SQLite
    file's folder. Raises :class:`StoreError` for a URL it refuses or a driver not installed."""
    url = parse_url(text)
    if url.get_backend_name() == "sqlite":
        try:
            Path(str(url.database)).parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise (translate(error, url) or StoreError(str(error))) from None
        options: dict[str, Any] = {"connect_args": {"timeout": BUSY_TIMEOUT_S}}
    else:
        options = {"connect_args": {"connect_timeout": CONNECT_TIMEOUT_S}, "pool_pre_ping": True}
    try:
        engine = sa.create_engine(url, **options)
    except (ImportError, sa.exc.NoSuchModuleError) as error:
        driver = url.get_driver_name()
        raise StoreError(
            f"SCORECARD_DATABASE_URL asks for the database driver {driver}, which is not "
            f"installed: use postgresql+psycopg:// (installed with the app) or install "
            f"{driver} ({type(error).__name__})."
        ) from None
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _sqlite_connect)
        sa.event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_connect(dbapi_connection: Any, _record: object) -> None:
    # pysqlite would begin transactions itself (and not before DDL); the "begin" hook does.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    immediate = conn.get_execution_options().get(WRITE_OPTION, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """A write transaction (``BEGIN IMMEDIATE`` on SQLite): committed when the block ends,
    rolled back if it raises."""
    with engine.execution_options(**{WRITE_OPTION: True}).begin() as conn:
        yield conn


def lock_schema(conn: Connection) -> None:
    """Let one process at a time create or migrate the tables (PostgreSQL: a transaction-scoped
    advisory lock; SQLite: the write transaction already excludes the others)."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK})


def schema_ready(conn: Connection, metadata: sa.MetaData) -> bool:
    """Whether every table, column and index of ``metadata`` exists already, read without a
    write lock: then opening the store takes none (on SQLite a write lock would make every
    app start or CLI command wait for a publish in progress)."""
    inspector = sa.inspect(conn)
    present = set(inspector.get_table_names())
    for table in metadata.sorted_tables:
        if table.name not in present:
            return False
        columns = {c["name"] for c in inspector.get_columns(table.name)}
        indexes = {i["name"] for i in inspector.get_indexes(table.name)}
        if {c.name for c in table.columns} - columns or {str(i.name) for i in table.indexes} - (
            indexes
        ):
            return False
    return True


# -- translating and retrying ------------------------------------------------------------------
_depth: contextvars.ContextVar[int] = contextvars.ContextVar("scorecard_store_depth", default=0)
T = TypeVar("T")


def _url_of(store: Any) -> URL:
    try:
        return parse_url(getattr(store, "url", "") or "")
    except StoreError:
        return sa.make_url("sqlite:///unknown")


def _guard(method: Callable[..., T]) -> Callable[..., T]:
    @functools.wraps(method)
    def guarded_method(self: Any, *args: Any, **kwargs: Any) -> T:
        if _depth.get():  # called by another store method: the outermost one guards
            return method(self, *args, **kwargs)
        token = _depth.set(1)
        try:
            for attempt in range(ATTEMPTS):
                try:
                    return method(self, *args, **kwargs)
                except Exception as error:
                    translated = translate(error, _url_of(self))
                    if translated is None:
                        raise
                    if translated.busy and attempt + 1 < ATTEMPTS:
                        pause = FIRST_PAUSE_S * 2**attempt * (1 + random.random())
                        log.info("database busy in %s; retrying in %.1f s", method.__name__, pause)
                        time.sleep(pause)
                        continue
                    if translated is not error:
                        log.warning(
                            "store %s failed: %s", method.__name__, translated, exc_info=error
                        )
                    raise translated from None
            raise AssertionError("unreachable")  # pragma: no cover
        finally:
            _depth.reset(token)

    return guarded_method


def guarded(cls: type[T]) -> type[T]:
    """``cls`` with every public method (and ``__init__``) guarded: storage failures become a
    :class:`StoreError` sentence, a busy database is retried (:data:`ATTEMPTS` times)."""
    for name, member in list(vars(cls).items()):
        if inspect.isfunction(member) and (name == "__init__" or not name.startswith("_")):
            setattr(cls, name, _guard(member))
    return cls
