"""The SQL tables of the store, in SQLAlchemy Core, portable between SQLite and PostgreSQL.

- ``dataset_versions`` one row per version: who, when, which file, how it was made (publish,
  merge, edit, rollback), the version it was made from, a one-line "what changed", row counts and
  the validation report. ``upload_key`` is unique: two identical uploads (published at the same
  moment by two processes included) cannot both land, the database refuses the second.
- ``manifests`` what a version holds: per table and month (``""`` for keyed tables, which are
  stored whole) the sha256 of a blob and its row count.
- ``blobs`` Parquet bytes by sha256, each inserted once and shared by every version that holds
  those rows.
- ``current_version`` one row pointing at the version the app shows.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

metadata = sa.MetaData()

versions_table = sa.Table(
    "dataset_versions",
    metadata,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.Column("uploader", sa.String(200), nullable=False),
    sa.Column("file_name", sa.String(500), nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False, index=True),
    sa.Column("row_counts", sa.Text, nullable=False),
    sa.Column("report", sa.Text, nullable=False),
    # Added with the blob store; older databases gain them (see :func:`added_columns`).
    sa.Column("how", sa.String(20), nullable=False, server_default="publish"),
    sa.Column("base_version", sa.Integer, nullable=True),
    sa.Column("changes", sa.Text, nullable=False, server_default=""),
    sa.Column("upload_key", sa.String(200), nullable=True),
)
#: Unique but NULL for edits and rollbacks (NULLs never collide, on SQLite and PostgreSQL).
upload_key_index = sa.Index(
    "ux_dataset_versions_upload_key", versions_table.c.upload_key, unique=True
)

current_table = sa.Table(
    "current_version",
    metadata,
    sa.Column("slot", sa.Integer, primary_key=True),
    sa.Column("version", sa.Integer, sa.ForeignKey("dataset_versions.version"), nullable=False),
)

blobs_table = sa.Table(
    "blobs",
    metadata,
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("size", sa.BigInteger, nullable=False),
    sa.Column("data", sa.LargeBinary, nullable=False),
)

manifests_table = sa.Table(
    "manifests",
    metadata,
    sa.Column("version", sa.Integer, sa.ForeignKey("dataset_versions.version"), primary_key=True),
    sa.Column("table_name", sa.String(40), primary_key=True),
    sa.Column("month", sa.String(7), primary_key=True),
    sa.Column("blob_sha256", sa.String(64), sa.ForeignKey("blobs.sha256"), nullable=False),
    sa.Column("rows", sa.BigInteger, nullable=False),
)


def added_columns(conn: Connection) -> None:
    """Give a ``dataset_versions`` made before the blob store its new columns and unique index.

    ``create_all`` creates whole tables only; ``ALTER TABLE ... ADD COLUMN`` with a default is
    the same statement on SQLite and PostgreSQL.
    """
    inspector = sa.inspect(conn)
    present = {c["name"] for c in inspector.get_columns(versions_table.name)}
    for column in versions_table.columns:
        if column.name in present:
            continue
        kind = column.type.compile(dialect=conn.dialect)
        default = column.server_default
        clause = f" NOT NULL DEFAULT '{default.arg}'" if default is not None else ""
        conn.execute(
            sa.text(f'ALTER TABLE {versions_table.name} ADD COLUMN "{column.name}" {kind}{clause}')
        )
    upload_key_index.create(conn, checkfirst=True)


def insert_ignoring_duplicates(
    conn: Connection, table: sa.Table, rows: list[dict[str, object]]
) -> None:
    """``INSERT ... ON CONFLICT DO NOTHING``: a row whose key exists is skipped, atomically (no
    read-then-write race between two publishers storing the same blob)."""
    if not rows:
        return
    dialect = conn.dialect.name
    if dialect == "postgresql":
        statement = postgresql.insert(table).on_conflict_do_nothing()
    elif dialect == "sqlite":
        statement = sqlite.insert(table).on_conflict_do_nothing()
    else:  # pragma: no cover - only SQLite and PostgreSQL are supported
        raise NotImplementedError(f"no blob store for {dialect}")
    conn.execute(statement, rows)
