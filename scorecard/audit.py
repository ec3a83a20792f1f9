"""The audit log: who signed in, published, merged, edited, rolled back or downloaded what, when.

One SQL table, ``audit``, in the store's database (SQLAlchemy Core; SQLite or PostgreSQL), next
to the dataset versions. It is created on first use, so a database made before it gains it.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Engine

_metadata = sa.MetaData()
audit_table = sa.Table(
    "audit",
    _metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.String(40), nullable=False),
    sa.Column("who", sa.String(300), nullable=False),
    sa.Column("action", sa.String(40), nullable=False),
    sa.Column("what", sa.Text, nullable=False),
    sa.Column("scope", sa.String(500), nullable=False),
)
_ready: weakref.WeakSet[Engine] = weakref.WeakSet()  # engines whose database has the table


@dataclass(frozen=True)
class AuditEvent:
    """One line of the audit log; ``at`` (UTC) is filled in when it is recorded."""

    who: str
    action: str  # sign-in, publish, merge, edit, rollback, download
    what: str = ""
    scope: str = "whole company"
    at: str = ""


def _table(engine: Engine) -> sa.Table:
    if engine not in _ready:
        audit_table.create(engine, checkfirst=True)
        _ready.add(engine)
    return audit_table


def record(engine: Engine, event: AuditEvent) -> AuditEvent:
    """Append ``event`` to the log, stamped with the current UTC time; the stored event."""
    row = {
        "at": datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC"),
        "who": event.who[:300] or "unknown",
        "action": event.action[:40],
        "what": event.what,
        "scope": event.scope[:500],
    }
    table = _table(engine)
    with engine.begin() as conn:
        conn.execute(table.insert().values(**row))
    return AuditEvent(row["who"], row["action"], row["what"], row["scope"], row["at"])


def audit_log(engine: Engine, limit: int | None = None) -> list[AuditEvent]:
    """The log, newest first (``limit`` rows at most)."""
    table = _table(engine)
    query = sa.select(table).order_by(table.c.id.desc())
    if limit is not None:
        query = query.limit(limit)
    with engine.connect() as conn:
        rows = conn.execute(query).mappings().all()
    return [AuditEvent(r["who"], r["action"], r["what"], r["scope"], r["at"]) for r in rows]


def has_event(engine: Engine, event: AuditEvent) -> bool:
    """Whether the log already holds ``event`` (same who, action and what)."""
    table = _table(engine)
    query = (
        sa.select(table.c.id)
        .where(
            table.c.who == event.who[:300],
            table.c.action == event.action[:40],
            table.c.what == event.what,
        )
        .limit(1)
    )
    with engine.connect() as conn:
        return conn.execute(query).first() is not None
