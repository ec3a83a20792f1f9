"""Dataset versions on a real database through SQLAlchemy Core (SQLite by default).

Every published upload becomes a new, immutable version: its metadata (uploader, time, file name,
sha256, row counts, validation report) in ``dataset_versions`` and its rows in one table per schema
table, keyed by version. One row of ``current_version`` points at the version the app shows.

Publishing is one transaction: the version row, all data rows and the new current pointer commit
together or not at all, so a failed or interrupted publish leaves the previous current version
intact and loadable. The SQL is portable (no SQLite-only statements outside the connect hook), so a
PostgreSQL URL in ``SCORECARD_DATABASE_URL`` serves a shared deployment.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from scorecard.dataset import Dataset, DatasetInfo, conform
from scorecard.problems import Report
from scorecard.schema import TABLES, Column

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URL = f"sqlite:///{PROJECT_ROOT / 'data' / 'scorecard.db'}"
INSERT_CHUNK_ROWS = 20_000

_SQL_TYPES = {
    "id": sa.Text, "text": sa.Text, "choice": sa.Text,
    "date": sa.Date, "number": sa.Float, "integer": sa.BigInteger,
}

metadata = sa.MetaData()

versions_table = sa.Table(
    "dataset_versions", metadata,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.Column("uploader", sa.String(200), nullable=False),
    sa.Column("file_name", sa.String(500), nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False, index=True),
    sa.Column("row_counts", sa.Text, nullable=False),
    sa.Column("report", sa.Text, nullable=False),
)

current_table = sa.Table(
    "current_version", metadata,
    sa.Column("slot", sa.Integer, primary_key=True),
    sa.Column("version", sa.Integer, sa.ForeignKey("dataset_versions.version"), nullable=False),
)


def _data_table(name: str, columns: tuple[Column, ...]) -> sa.Table:
    return sa.Table(
        f"data_{name}", metadata,
        sa.Column("version", sa.Integer, sa.ForeignKey("dataset_versions.version"),
                  nullable=False, index=True),
        sa.Column("row_order", sa.Integer, nullable=False),
        *(sa.Column(f"c_{c.name}", _SQL_TYPES[c.type]()) for c in columns),
    )


# Column names get a prefix so that schema names such as "end", "key" and "count" never collide
# with SQL keywords on any backend.
data_tables: dict[str, sa.Table] = {name: _data_table(name, t.columns) for name, t in TABLES.items()}


@dataclass(frozen=True)
class PublishResult:
    """The version a publish produced, or the identical one it found (``duplicate``)."""

    info: DatasetInfo
    duplicate: bool

    @property
    def message(self) -> str:
        if self.duplicate:
            return (f"This file is identical to version {self.info.version}, published "
                    f"{self.info.created_at} by {self.info.uploader}; nothing new was stored.")
        return f"Published version {self.info.version}; it is now the current dataset."


def database_url() -> str:
    """The database URL from ``SCORECARD_DATABASE_URL``, or a SQLite file under ``data/``."""
    return os.environ.get("SCORECARD_DATABASE_URL") or DEFAULT_URL


def _sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


class Store:
    """Versioned datasets in one database. Cheap to create; holds only an engine."""

    def __init__(self, url: str | None = None) -> None:
        self.url = url or database_url()
        if self.url.startswith("sqlite:///"):
            Path(self.url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        self.engine: Engine = sa.create_engine(self.url)
        if self.engine.dialect.name == "sqlite":
            sa.event.listen(self.engine, "connect", _sqlite_pragmas)
        metadata.create_all(self.engine)
        _add_new_columns(self.engine)

    # -- reading ---------------------------------------------------------------------------
    def versions(self) -> list[DatasetInfo]:
        """Every version, newest first."""
        with self.engine.connect() as conn:
            current = self._current_version(conn)
            rows = conn.execute(
                sa.select(versions_table).order_by(versions_table.c.version.desc())
            ).mappings().all()
        return [_info(row, current) for row in rows]

    def info(self, version: int) -> DatasetInfo:
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(versions_table).where(versions_table.c.version == version)
            ).mappings().first()
            if row is None:
                raise KeyError(f"no dataset version {version}")
            return _info(row, self._current_version(conn))

    def current(self) -> DatasetInfo | None:
        """The current version's metadata, or ``None`` when nothing was published."""
        with self.engine.connect() as conn:
            version = self._current_version(conn)
        return None if version is None else self.info(version)

    def report(self, version: int) -> Report:
        """The validation report stored with a version."""
        with self.engine.connect() as conn:
            text = conn.execute(
                sa.select(versions_table.c.report).where(versions_table.c.version == version)
            ).scalar_one()
        return Report.from_dicts(json.loads(text))

    def load(self, version: int) -> Dataset:
        """The five tables of a version, in upload order, with the trusted dtypes."""
        frames: dict[str, pd.DataFrame] = {}
        with self.engine.connect() as conn:
            if conn.execute(sa.select(versions_table.c.version)
                            .where(versions_table.c.version == version)).first() is None:
                raise KeyError(f"no dataset version {version}")
            for name, table in data_tables.items():
                query = (sa.select(*[c for c in table.c if c.name.startswith("c_")])
                         .where(table.c.version == version).order_by(table.c.row_order))
                raw = pd.read_sql(query, conn)
                raw.columns = [c.removeprefix("c_") for c in raw.columns]
                frames[name] = conform(TABLES[name], raw)
        return Dataset(**frames)

    def find_by_sha256(self, sha256: str) -> DatasetInfo | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(versions_table).where(versions_table.c.sha256 == sha256)
                .order_by(versions_table.c.version).limit(1)
            ).mappings().first()
            return None if row is None else _info(row, self._current_version(conn))

    # -- writing ---------------------------------------------------------------------------
    def publish(self, dataset: Dataset, *, uploader: str, file_name: str, sha256: str,
                report: Report | None = None) -> PublishResult:
        """Store ``dataset`` as a new version and make it current, atomically.

        An upload whose sha256 matches an existing version is not stored again: the result
        names that version and says ``duplicate``. Any exception rolls everything back.
        """
        existing = self.find_by_sha256(sha256)
        if existing is not None:
            return PublishResult(existing, duplicate=True)
        report = report or Report()
        with self.engine.begin() as conn:
            version = conn.execute(versions_table.insert().values(
                created_at=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
                uploader=uploader.strip() or "anonymous",
                file_name=file_name,
                sha256=sha256,
                row_counts=json.dumps(dataset.row_counts),
                report=json.dumps(report.to_dicts()),
            )).inserted_primary_key[0]
            for name, table in data_tables.items():
                self._insert_rows(conn, table, version, dataset.table(name))
            self._set_current(conn, version)
        return PublishResult(self.info(version), duplicate=False)

    def make_current(self, version: int) -> DatasetInfo:
        """Point the app at an earlier (or later) version."""
        with self.engine.begin() as conn:
            if conn.execute(sa.select(versions_table.c.version)
                            .where(versions_table.c.version == version)).first() is None:
                raise KeyError(f"no dataset version {version}")
            self._set_current(conn, version)
        return self.info(version)

    # -- internals -------------------------------------------------------------------------
    @staticmethod
    def _current_version(conn: Connection) -> int | None:
        return conn.execute(
            sa.select(current_table.c.version).where(current_table.c.slot == 1)
        ).scalar_one_or_none()

    @staticmethod
    def _set_current(conn: Connection, version: int) -> None:
        updated = conn.execute(
            current_table.update().where(current_table.c.slot == 1).values(version=version)
        ).rowcount
        if not updated:
            conn.execute(current_table.insert().values(slot=1, version=version))

    @staticmethod
    def _insert_rows(conn: Connection, table: sa.Table, version: int,
                     frame: pd.DataFrame) -> None:
        for chunk in _records(frame, version):
            conn.execute(table.insert(), chunk)


def _records(frame: pd.DataFrame, version: int) -> Iterator[list[dict[str, object]]]:
    """Rows as plain Python dicts (``None`` for missing, ``date`` for dates), in chunks."""
    n = len(frame)
    columns: dict[str, list[object]] = {
        "version": [version] * n,
        "row_order": list(range(n)),
    }
    for name in frame.columns:
        series = frame[name]
        if pd.api.types.is_datetime64_any_dtype(series):
            values = [None if pd.isna(v) else v.date() for v in series]
        else:
            values = series.astype(object).where(series.notna(), None).tolist()
            values = [v.item() if isinstance(v, np.generic) else v for v in values]
        columns[f"c_{name}"] = values
    keys = list(columns)
    for start in range(0, n, INSERT_CHUNK_ROWS):
        stop = min(start + INSERT_CHUNK_ROWS, n)
        yield [dict(zip(keys, row, strict=True))
               for row in zip(*(columns[k][start:stop] for k in keys), strict=True)]


def _add_new_columns(engine: Engine) -> None:
    """Columns the schema gained since a database was created (people.email, activity.account,
    ...), added as nullable columns: older versions read them as missing. ``create_all`` only
    creates whole tables, never columns of existing ones."""
    inspector = sa.inspect(engine)
    with engine.begin() as conn:
        for table in data_tables.values():
            present = {c["name"] for c in inspector.get_columns(table.name)}
            for column in table.columns:
                if column.name not in present:
                    kind = column.type.compile(dialect=engine.dialect)
                    conn.execute(sa.text(
                        f'ALTER TABLE {table.name} ADD COLUMN "{column.name}" {kind}'))


def _info(row: sa.RowMapping, current: int | None) -> DatasetInfo:
    return DatasetInfo(
        version=row["version"], created_at=row["created_at"], uploader=row["uploader"],
        file_name=row["file_name"], sha256=row["sha256"],
        row_counts=json.loads(row["row_counts"]), is_current=row["version"] == current,
    )
