"""Dataset versions on a real database through SQLAlchemy Core (SQLite by default).

A version is a manifest: per table and month (dated tables) or per table (keyed tables), the
sha256 of a Parquet blob (:mod:`scorecard.storage`). Blobs are stored once and shared by every
version holding those rows, so the database grows with new data, not with versions: a monthly
merge stores one new month, an edit of the assumptions stores one small table.

Versions are made four ways, each recorded with who, when and a one-line "what changed":
``publish`` (an upload replaces the dataset), ``merge`` (an upload is added to the current
dataset, :mod:`scorecard.merge`), ``edit`` (assumptions or goals edited in the app) and
``rollback`` (an earlier version made current again, as a new version).

Writing a version is one transaction: the version row, new blobs, the manifest and the current
pointer commit together or not at all, so a failed or interrupted publish leaves the previous
current version intact and loadable. Identical uploads are refused by a unique constraint
(``upload_key``), not by a read-then-write, so two identical publishes at once store one version.
The SQL is portable (no SQLite-only statements outside the connect hook and the insert-or-ignore
helper), so a PostgreSQL URL in ``SCORECARD_DATABASE_URL`` serves a shared deployment.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from scorecard.dataset import Dataset, DatasetInfo
from scorecard.db import create_engine, guarded, lock_schema, schema_ready, writing
from scorecard.merge import MergeSummary, merge, summarize, upload_months
from scorecard.problems import Report
from scorecard.schema import TABLES
from scorecard.storage import legacy
from scorecard.storage.blobs import DATED_TABLES, WHOLE, Blob, blobs_of, decode
from scorecard.storage.catalogue import (
    added_columns,
    blobs_table,
    current_table,
    insert_ignoring_duplicates,
    manifests_table,
    metadata,
    versions_table,
)
from scorecard.storage.results import (
    Manifest,
    MergePlan,
    PublishResult,
    manifest_of,
    manifest_sha256,
    publish_key,
)
from scorecard.storage_errors import BaseMoved

if TYPE_CHECKING:
    from scorecard.sources.profiles import SavedProfile

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URL = f"sqlite:///{PROJECT_ROOT / 'data' / 'scorecard.db'}"

#: Saved mapping profiles (scorecard.sources.profiles): a preset as JSON, found by the
#: fingerprint of the header it was made for; one row per name.
profiles_table = sa.Table(
    "profiles",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(200), nullable=False, unique=True),
    sa.Column("fingerprint", sa.String(64), nullable=False, index=True),
    sa.Column("preset", sa.Text, nullable=False),
    sa.Column("saved_by", sa.String(200), nullable=False),
    sa.Column("saved_at", sa.String(40), nullable=False),
)


def database_url() -> str:
    """The database URL from ``SCORECARD_DATABASE_URL``, or a SQLite file under ``data/``."""
    return os.environ.get("SCORECARD_DATABASE_URL") or DEFAULT_URL


@guarded  # storage failures become one sentence (StoreError); a busy database is retried
class Store:
    """Versioned datasets in one database. Cheap to create; holds only an engine.

    Opening a database written before the blob store migrates it once, in one transaction.
    """

    def __init__(self, url: str | None = None) -> None:
        self.url = url or database_url()
        self.engine: Engine = create_engine(self.url)  # refuses a URL that cannot serve
        with self.engine.connect() as conn:  # the usual case: nothing to create or migrate
            ready = schema_ready(conn, metadata) and not legacy.legacy_tables(conn)
        if ready:
            return
        with writing(self.engine) as conn:  # one process at a time creates or migrates
            lock_schema(conn)
            metadata.create_all(conn)
            added_columns(conn)
            legacy.migrate(conn)

    # -- reading ---------------------------------------------------------------------------
    def versions(self) -> list[DatasetInfo]:
        """Every version, newest first."""
        with self.engine.connect() as conn:
            current = self._current_version(conn)
            rows = (
                conn.execute(sa.select(versions_table).order_by(versions_table.c.version.desc()))
                .mappings()
                .all()
            )
        return [_info(row, current) for row in rows]

    def info(self, version: int) -> DatasetInfo:
        with self.engine.connect() as conn:
            return self._info(conn, version)

    def current(self) -> DatasetInfo | None:
        """The current version's metadata, or ``None`` when nothing was published."""
        with self.engine.connect() as conn:
            version = self._current_version(conn)
            return None if version is None else self._info(conn, version)

    def report(self, version: int) -> Report:
        """The validation report stored with a version."""
        with self.engine.connect() as conn:
            text = conn.execute(
                sa.select(versions_table.c.report).where(versions_table.c.version == version)
            ).scalar_one()
        return Report.from_dicts(json.loads(text))

    def load(self, version: int, tables: Iterable[str] | None = None) -> Dataset:
        """The tables of a version with the trusted dtypes: keyed tables in upload order,
        dated tables month by month (upload order within a month). ``tables`` reads only
        those (the others come back empty)."""
        wanted = list(TABLES if tables is None else tables)
        with self.engine.connect() as conn:
            self._info(conn, version)  # KeyError for an unknown version
            rows = conn.execute(
                sa.select(manifests_table.c.table_name, blobs_table.c.data)
                .join(blobs_table, blobs_table.c.sha256 == manifests_table.c.blob_sha256)
                .where(
                    manifests_table.c.version == version, manifests_table.c.table_name.in_(wanted)
                )
                .order_by(manifests_table.c.table_name, manifests_table.c.month)
            ).all()
        parts: dict[str, list[bytes]] = {name: [] for name in TABLES}
        for table, data in rows:
            parts[table].append(data)
        return Dataset(**{name: decode(name, parts[name]) for name in TABLES})

    def manifest(self, version: int) -> Manifest:
        """What ``version`` holds, per table and month."""
        with self.engine.connect() as conn:
            return self._manifest(conn, version)

    def held(self, version: int) -> dict[str, tuple[str, ...]]:
        """What ``version`` has rows in: table → months ("" for a keyed table), in order."""
        out: dict[str, list[str]] = {}
        for (table, month), (_, rows) in sorted(self.manifest(version).items()):
            if rows:
                out.setdefault(table, []).append(month)
        return {table: tuple(months) for table, months in out.items()}

    def find_by_sha256(self, sha256: str) -> DatasetInfo | None:
        """The version an upload with this sha256 was published as (not merged), if any."""
        return self._by_upload_key(publish_key(sha256))

    # -- writing ---------------------------------------------------------------------------
    def publish(
        self,
        dataset: Dataset,
        *,
        uploader: str,
        file_name: str,
        sha256: str,
        report: Report | None = None,
    ) -> PublishResult:
        """Store ``dataset`` as a new version replacing the current one, atomically.

        An upload whose sha256 matches an earlier publish is not stored again: the result names
        that version and says ``duplicate``. Any exception rolls everything back.
        """
        key = publish_key(sha256)
        existing = self._by_upload_key(key)
        if existing is not None:
            return PublishResult(existing, duplicate=True)
        base = self.current()
        blobs = tuple(b for name in TABLES for b in blobs_of(name, dataset.table(name)))
        manifest = manifest_of(blobs)
        summary = self._summary(base, manifest, blobs)
        return self._write(
            manifest,
            blobs,
            summary,
            base,
            how="publish",
            uploader=uploader,
            file_name=file_name,
            sha256=sha256,
            report=report,
            key=key,
        )

    def plan_merge(self, upload: Dataset) -> MergePlan:
        """What :meth:`merge` would store: only the keyed tables the upload holds and the
        months its dated tables touch are read, merged and encoded; every other blob of the
        current version is reused as it is."""
        base = self.current()
        if base is None:
            blobs = tuple(b for name in TABLES for b in blobs_of(name, upload.table(name)))
            manifest = manifest_of(blobs)
            return MergePlan(None, manifest, blobs, self._summary(None, manifest, blobs))
        base_manifest = self.manifest(base.version)
        months = upload_months(upload)
        # A dated table's "" part (its empty placeholder, or undated rows) is rewritten too.
        touched = {
            (name, month)
            for (name, month) in base_manifest
            if name in months and (month in months[name] or month == WHOLE)
        }
        touched |= {
            (name, WHOLE)
            for name in TABLES
            if name not in DATED_TABLES and not upload.table(name).empty
        }
        window = self._dataset(base_manifest, touched, {})
        merged = merge(window, upload)
        changed = {name for name, _ in touched} | set(months)
        blobs = tuple(
            b for name in TABLES if name in changed for b in blobs_of(name, merged.table(name))
        )
        manifest = {k: v for k, v in base_manifest.items() if k not in touched}
        manifest |= manifest_of(blobs)
        # The window is every part that can differ, before and after: compare it directly.
        return MergePlan(base, manifest, blobs, summarize(window, merged))

    def merge(
        self,
        upload: Dataset,
        *,
        uploader: str,
        file_name: str,
        sha256: str,
        report: Report | None = None,
    ) -> PublishResult:
        """Add ``upload`` to the current version (:func:`scorecard.merge.merge`) as a new
        version. Merging what the current version already holds stores nothing and says
        ``unchanged``; the same file merged twice onto one version at once lands once."""
        plan = self.plan_merge(upload)
        if plan.base is None:
            key = publish_key(sha256)
            return self._write(
                plan.manifest,
                plan.blobs,
                plan.summary,
                None,
                how="publish",
                uploader=uploader,
                file_name=file_name,
                sha256=sha256,
                report=report,
                key=key,
            )
        if plan.unchanged:
            return PublishResult(plan.base, duplicate=False, unchanged=True)
        return self._write(
            plan.manifest,
            plan.blobs,
            plan.summary,
            plan.base,
            how="merge",
            uploader=uploader,
            file_name=file_name,
            sha256=sha256,
            report=report,
            key=f"merge:{sha256}:{plan.base.version}",
        )

    def edit(
        self,
        version: int,
        tables: Mapping[str, pd.DataFrame],
        *,
        uploader: str,
        report: Report | None = None,
    ) -> PublishResult:
        """A new version: ``version`` with ``tables`` (assumptions, goals, ...) replaced.

        Only the replaced tables are encoded and stored; every other blob is shared, so the
        cost does not depend on the size of the activity. An edit that changes nothing stores
        nothing and says ``unchanged``.
        """
        base = self.info(version)
        base_manifest = self.manifest(version)
        blobs = tuple(b for name, frame in tables.items() for b in blobs_of(name, frame))
        manifest = {k: v for k, v in base_manifest.items() if k[0] not in tables}
        manifest |= manifest_of(blobs)
        if manifest == base_manifest:
            return PublishResult(base, duplicate=False, unchanged=True)
        return self._write(
            manifest,
            blobs,
            self._summary(base, manifest, blobs),
            base,
            how="edit",
            uploader=uploader,
            file_name=f"edit of version {version}",
            sha256=manifest_sha256(manifest),
            report=report,
            key=None,
        )

    def make_current(self, version: int, *, uploader: str = "anonymous") -> DatasetInfo:
        """Roll back (or forward) to ``version``: a new version with its manifest, so the
        history says who did it and when. The current version itself is left as it is."""
        target = self.info(version)
        base = self.current()
        if base is not None and base.version == version:
            return base
        manifest = self.manifest(version)
        summary = self._summary(base, manifest, ())
        result = self._write(
            manifest,
            (),
            summary,
            base,
            how="rollback",
            uploader=uploader,
            file_name=target.file_name,
            sha256=target.sha256,
            report=self.report(version),
            key=None,
            changes=f"back to version {version}: {summary.one_line()}",
        )
        return result.info

    # -- mapping profiles ------------------------------------------------------------------
    def profiles(self) -> list[SavedProfile]:
        """Every saved mapping profile, newest first (so it wins a tie in detection)."""
        from scorecard.sources.profiles import SavedProfile

        with self.engine.connect() as conn:
            rows = (
                conn.execute(sa.select(profiles_table).order_by(profiles_table.c.id.desc()))
                .mappings()
                .all()
            )
        return [
            SavedProfile(r["name"], r["fingerprint"], r["preset"], r["saved_by"], r["saved_at"])
            for r in rows
        ]

    def save_profile(
        self, name: str, fingerprint: str, preset_json: str, saved_by: str
    ) -> SavedProfile:
        """Store a profile under ``name``, replacing one of that name, in one transaction."""
        from scorecard.sources.profiles import SavedProfile

        row = {
            "name": name.strip(),
            "fingerprint": fingerprint,
            "preset": preset_json,
            "saved_by": saved_by.strip() or "anonymous",
            "saved_at": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        }
        with writing(self.engine) as conn:
            conn.execute(profiles_table.delete().where(profiles_table.c.name == row["name"]))
            conn.execute(profiles_table.insert().values(**row))
        return SavedProfile(row["name"], fingerprint, preset_json, row["saved_by"], row["saved_at"])

    # -- internals -------------------------------------------------------------------------
    def _write(
        self,
        manifest: Manifest,
        blobs: Iterable[Blob],
        summary: MergeSummary,
        base: DatasetInfo | None,
        *,
        how: str,
        uploader: str,
        file_name: str,
        sha256: str,
        report: Report | None,
        key: str | None,
        changes: str | None = None,
    ) -> PublishResult:
        """Store one version in one transaction: its row (first, so that a duplicate
        ``upload_key`` fails before any blob is sent), the blobs the database lacks, its
        manifest, and the current pointer."""
        counts = {name: 0 for name in TABLES}
        for (name, _), (_, rows) in manifest.items():
            counts[name] += rows
        try:
            with writing(self.engine) as conn:
                version = conn.execute(
                    versions_table.insert().values(
                        created_at=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
                        uploader=uploader.strip() or "anonymous",
                        file_name=file_name,
                        sha256=sha256,
                        row_counts=json.dumps(counts),
                        report=json.dumps((report or Report()).to_dicts()),
                        how=how,
                        base_version=None if base is None else base.version,
                        changes=summary.one_line() if changes is None else changes,
                        upload_key=key,
                    )
                ).inserted_primary_key[0]
                if (
                    how == "merge"
                    and base is not None
                    and conn.execute(
                        sa.select(current_table.c.version)
                        .where(current_table.c.slot == 1)
                        .with_for_update()
                    ).scalar_one()
                    != base.version
                ):
                    raise BaseMoved  # a version landed since the plan: the guard plans again
                self._insert_blobs(conn, blobs)
                self._insert_manifest(conn, version, manifest)
                self._set_current(conn, version)
        except sa.exc.IntegrityError:
            existing = self._by_upload_key(key) if key else None
            if existing is None:
                raise
            return PublishResult(existing, duplicate=True)
        return PublishResult(self.info(version), duplicate=False, summary=summary)

    @staticmethod
    def _insert_blobs(conn: Connection, blobs: Iterable[Blob]) -> None:
        unique = {b.sha256: b for b in blobs}
        if not unique:
            return
        present = set(
            conn.execute(
                sa.select(blobs_table.c.sha256).where(blobs_table.c.sha256.in_(list(unique)))
            ).scalars()
        )
        insert_ignoring_duplicates(
            conn,
            blobs_table,
            [
                {"sha256": sha, "size": len(b.data), "data": b.data}
                for sha, b in unique.items()
                if sha not in present
            ],
        )

    @staticmethod
    def _insert_manifest(conn: Connection, version: int, manifest: Manifest) -> None:
        conn.execute(
            manifests_table.insert(),
            [
                {
                    "version": version,
                    "table_name": table,
                    "month": month,
                    "blob_sha256": sha,
                    "rows": rows,
                }
                for (table, month), (sha, rows) in manifest.items()
            ],
        )

    def _summary(
        self, base: DatasetInfo | None, manifest: Manifest, blobs: Iterable[Blob]
    ) -> MergeSummary:
        """What ``manifest`` changes against ``base``, reading only the parts that differ."""
        before: Manifest = {} if base is None else self.manifest(base.version)
        differ = {k for k in before.keys() | manifest.keys() if before.get(k) != manifest.get(k)}
        local = {b.sha256: b.data for b in blobs}
        return summarize(
            self._dataset(before, differ & before.keys(), local),
            self._dataset(manifest, differ & manifest.keys(), local),
        )

    def _dataset(
        self, manifest: Manifest, keys: set[tuple[str, str]], local: Mapping[str, bytes]
    ) -> Dataset:
        """The parts ``keys`` of ``manifest`` as a dataset (other tables empty); blob bytes
        from ``local`` when there, else from the database."""
        wanted = sorted(keys)
        missing = {manifest[k][0] for k in wanted} - local.keys()
        fetched: dict[str, bytes] = {}
        if missing:
            with self.engine.connect() as conn:
                fetched = dict(
                    conn.execute(
                        sa.select(blobs_table.c.sha256, blobs_table.c.data).where(
                            blobs_table.c.sha256.in_(list(missing))
                        )
                    ).all()
                )
        parts: dict[str, list[bytes]] = {name: [] for name in TABLES}
        for table, month in wanted:
            sha = manifest[(table, month)][0]
            parts[table].append(local[sha] if sha in local else fetched[sha])
        return Dataset(**{name: decode(name, parts[name]) for name in TABLES})

    def _by_upload_key(self, key: str) -> DatasetInfo | None:
        with self.engine.connect() as conn:
            row = (
                conn.execute(sa.select(versions_table).where(versions_table.c.upload_key == key))
                .mappings()
                .first()
            )
            return None if row is None else _info(row, self._current_version(conn))

    def _info(self, conn: Connection, version: int) -> DatasetInfo:
        row = (
            conn.execute(sa.select(versions_table).where(versions_table.c.version == version))
            .mappings()
            .first()
        )
        if row is None:
            raise KeyError(f"no dataset version {version}")
        return _info(row, self._current_version(conn))

    @staticmethod
    def _manifest(conn: Connection, version: int) -> Manifest:
        rows = conn.execute(
            sa.select(
                manifests_table.c.table_name,
                manifests_table.c.month,
                manifests_table.c.blob_sha256,
                manifests_table.c.rows,
            ).where(manifests_table.c.version == version)
        ).all()
        return {(t, m): (sha, int(n)) for t, m, sha, n in rows}

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


def _info(row: sa.RowMapping, current: int | None) -> DatasetInfo:
    return DatasetInfo(
        version=row["version"],
        created_at=row["created_at"],
        uploader=row["uploader"],
        file_name=row["file_name"],
        sha256=row["sha256"],
        row_counts=json.loads(row["row_counts"]),
        is_current=row["version"] == current,
        how=row["how"],
        changes=row["changes"],
    )
