"""The one-time migration of a database written before the blob store.

Such a database copied every row of every version into one SQL table per schema table
(``data_people``, ``data_activity``, ..., columns ``version``, ``row_order`` and ``c_<name>``).
:func:`migrate` turns each version into blobs and a manifest, records how each version was made
and what it changed, and drops the old tables, inside the caller's transaction: it happens once,
wholly or not at all. Columns the schema gained later (people.email, the accounts table) read as
their default or missing.
"""

from __future__ import annotations

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from scorecard.changes import summarize
from scorecard.dataset import Dataset
from scorecard.schema import TABLES
from scorecard.storage.blobs import blobs_of
from scorecard.storage.catalogue import (
    blobs_table,
    insert_ignoring_duplicates,
    manifests_table,
    versions_table,
)

PREFIX = "data_"


def legacy_tables(conn: Connection) -> list[str]:
    """The old per-table SQL tables present in the database (empty once migrated)."""
    names = set(sa.inspect(conn).get_table_names())
    return [PREFIX + name for name in TABLES if PREFIX + name in names]


def read_version(conn: Connection, tables: list[str], version: int) -> Dataset:
    """One old version's rows, in their stored order, conformed to today's schema."""
    frames = {}
    for table in tables:
        raw = pd.read_sql(
            sa.text(f"SELECT * FROM {table} WHERE version = :v ORDER BY row_order"),
            conn,
            params={"v": version},
        )
        raw = raw.drop(columns=["version", "row_order"])
        raw.columns = [c.removeprefix("c_") for c in raw.columns]
        frames[table.removeprefix(PREFIX)] = raw
    return Dataset.from_frames(**frames)


def migrate(conn: Connection) -> int:
    """Move every old version into blobs and manifests and drop the old tables; the number of
    versions moved (0 when there is nothing to migrate). Runs in ``conn``'s transaction."""
    tables = legacy_tables(conn)
    if not tables:
        return 0
    rows = conn.execute(
        sa.select(versions_table.c.version, versions_table.c.sha256).order_by(
            versions_table.c.version
        )
    ).all()
    previous, previous_version, seen = Dataset.from_frames(), None, set()
    for version, sha256 in rows:
        dataset = read_version(conn, tables, version)
        blobs = [b for name in TABLES for b in blobs_of(name, dataset.table(name))]
        insert_ignoring_duplicates(
            conn,
            blobs_table,
            [
                {"sha256": b.sha256, "size": len(b.data), "data": b.data}
                for b in {b.sha256: b for b in blobs}.values()
            ],
        )
        conn.execute(
            manifests_table.insert(),
            [
                {
                    "version": version,
                    "table_name": b.table,
                    "month": b.month,
                    "blob_sha256": b.sha256,
                    "rows": b.rows,
                }
                for b in blobs
            ],
        )
        # The old store refused a second upload of one file, so each sha256 is one publish.
        conn.execute(
            versions_table.update()
            .where(versions_table.c.version == version)
            .values(
                how="publish",
                changes=summarize(previous, dataset).one_line(),
                base_version=previous_version,
                upload_key=None if sha256 in seen else f"publish:{sha256}",
            )
        )
        seen.add(sha256)
        previous, previous_version = dataset, version
    for table in tables:
        conn.execute(sa.text(f"DROP TABLE {table}"))
    return len(rows)
