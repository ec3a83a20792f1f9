"""Fixtures shared by the test modules (tests never import one another)."""

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.browser import CHROMIUM, CHROMIUM_ARGS, PAYLOADS, free_port


@pytest.fixture
def warm_server() -> Iterator[None]:
    """AppTest runs as a warm server does: with app.py's st.navigation, not the legacy pages/
    mode a fresh process starts in (see :mod:`scorecard.ui.legacy`)."""
    from scorecard.ui.legacy import start_warm

    undo = start_warm()
    yield
    undo()


@pytest.fixture(scope="module")
def chromium() -> Iterator[object]:
    """Debian's Chromium through Playwright, one per module; skips (or fails when
    SCORECARD_REQUIRE_BROWSER=1, as in CI) without /usr/bin/chromium."""
    import os

    if not CHROMIUM.exists():
        if os.environ.get("SCORECARD_REQUIRE_BROWSER") == "1":
            pytest.fail(
                "SCORECARD_REQUIRE_BROWSER=1 but /usr/bin/chromium is missing "
                "(apt-get install -y chromium)",
                pytrace=False,
            )
        pytest.skip("no /usr/bin/chromium: `apt-get install -y chromium` to run the browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def one_post_activity_csv(tmp_path: Path) -> Path:
    """A template ``activity.csv`` with one post of person 1001 (Northwind Trails' CEO), for
    uploads that need an activity table beside the exports under test."""
    path = tmp_path / "activity.csv"
    path.write_text(
        "date,person_id,channel,action,count\n2026-03-02,1001,LinkedIn,post,1\n", encoding="utf-8"
    )
    return path


@pytest.fixture
def raw_table():
    """Builds a raw table as a reader hands it over: ``raw_table(table, headers, *rows)`` with
    object cells and Excel row numbers from 2 (``sheet=`` names the sheet, default the table)."""
    import numpy as np
    import pandas as pd

    from scorecard.ingest import RawTable

    def build(
        table: str, headers: list[str], *rows: list[object], sheet: str | None = None
    ) -> RawTable:
        columns = tuple(pd.Series([r[i] for r in rows], dtype=object) for i in range(len(headers)))
        return RawTable(
            table,
            sheet or table,
            tuple(headers),
            columns,
            np.arange(2, 2 + len(rows), dtype=np.int64),
        )

    return build


if TYPE_CHECKING:
    from scorecard.dataset import Dataset


@pytest.fixture
def payloads() -> tuple[str, ...]:
    return PAYLOADS


@pytest.fixture
def payload_dataset() -> "Dataset":
    """Five people, each field a payload; one reporting chain; everyone posts in March; two
    goals whose metric and department are payloads; a currency symbol that is one too."""
    import pandas as pd

    from scorecard.dataset import Dataset

    n = len(PAYLOADS)
    ids = [f"00{i}" for i in range(1, n + 1)]
    return Dataset.from_frames(
        people=pd.DataFrame(
            {
                "person_id": ids,
                "name": list(PAYLOADS),
                "title": list(reversed(PAYLOADS)),
                "department": [PAYLOADS[0]] * 2 + [PAYLOADS[3]] * (n - 2),
                "manager_id": [None, *ids[:-1]],
                "tier": ["C-suite", "VP", "Director", "Manager", "Staff"],
            }
        ),
        activity=pd.DataFrame(
            {
                "date": pd.to_datetime(
                    ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"]
                ),
                "person_id": ids,
                "channel": [PAYLOADS[2]] * n,
                "action": ["post"] * n,
                "theme": list(PAYLOADS),
                "minutes": [20.0] * n,
            }
        ),
        outcomes=pd.DataFrame(
            {
                "date": pd.to_datetime(["2026-03-31"]),
                "metric": [PAYLOADS[1]],
                "value": [5.0],
                "person_id": ["001"],
            }
        ),
        goals=pd.DataFrame(
            {
                "metric": [PAYLOADS[1], PAYLOADS[4]],
                "target": [10.0, 3.0],
                "start": pd.to_datetime(["2026-01-01"] * 2),
                "end": pd.to_datetime(["2026-12-31"] * 2),
                "department": [PAYLOADS[0], None],
                "person_id": [None, "002"],
            }
        ),
        assumptions=pd.DataFrame(
            {"key": ["currency", f"value_per.{PAYLOADS[1]}"], "value": ["$", "100"]}
        ),
    )


@pytest.fixture
def brandwatch_files() -> dict[str, bytes]:
    """A template ``people.csv`` (Ada Byrne, CEO; Ben Okafor, VP; with work emails) and two
    monthly exports of a fictional listening tool no preset knows ("Brandwatch-like": Posted
    at, Author email, Network, Likes, Mentions; no action column). March: Ada posts on 2 and 9
    March (40 and 12 likes; the second email in capitals), Ben on 16 March (7 likes): 3 posts,
    59 likes. April: Ada on 6 April (25 likes), Ben on 13 April (4 likes): 2 posts."""
    header = "Posted at,Author email,Network,Likes,Mentions\n"
    return {
        "people.csv": (
            b"person_id,name,department,manager_id,tier,email\n"
            b"001,Ada Byrne,Ops,,C-suite,ada.byrne@example.com\n"
            b"002,Ben Okafor,Ops,001,VP,ben.okafor@example.com\n"
        ),
        "brandwatch_2026-03.csv": (
            header + "2026-03-02,ada.byrne@example.com,LinkedIn,40,3\n"
            "2026-03-09,ADA.BYRNE@example.com,X,12,\n"
            "2026-03-16,ben.okafor@example.com,LinkedIn,7,1\n"
        ).encode(),
        "brandwatch_2026-04.csv": (
            header + "2026-04-06,ada.byrne@example.com,LinkedIn,25,2\n"
            "2026-04-13,ben.okafor@example.com,X,4,\n"
        ).encode(),
    }


@pytest.fixture
def legacy_store():
    """Writes a SQLite database as the store wrote it before blobs (one SQL table per schema
    table, rows copied per version), with plain SQL: ``legacy_store(path, [(sha256, dataset),
    ...], without={"people": ("email",)}, without_tables=("accounts",))`` → its URL. The last
    version is current."""
    import json
    import sqlite3

    import pandas as pd

    from scorecard.schema import TABLES

    sql_types = {
        "id": "TEXT",
        "text": "TEXT",
        "choice": "TEXT",
        "date": "DATE",
        "number": "FLOAT",
        "integer": "BIGINT",
    }

    def build(
        path: Path,
        versions: list,
        without: dict | None = None,
        without_tables: tuple[str, ...] = (),
    ) -> str:
        without = without or {}
        db = sqlite3.connect(path)
        db.executescript(
            "CREATE TABLE dataset_versions (version INTEGER NOT NULL, created_at VARCHAR(40) "
            "NOT NULL, uploader VARCHAR(200) NOT NULL, file_name VARCHAR(500) NOT NULL, "
            "sha256 VARCHAR(64) NOT NULL, row_counts TEXT NOT NULL, report TEXT NOT NULL, "
            "PRIMARY KEY (version));"
            "CREATE INDEX ix_dataset_versions_sha256 ON dataset_versions (sha256);"
            "CREATE TABLE current_version (slot INTEGER NOT NULL, version INTEGER NOT NULL, "
            "PRIMARY KEY (slot), FOREIGN KEY(version) REFERENCES dataset_versions (version));"
        )
        tables = {
            n: [c for c in t.columns if c.name not in without.get(n, ())]
            for n, t in TABLES.items()
            if n not in without_tables
        }
        for name, columns in tables.items():
            body = ", ".join(f"c_{c.name} {sql_types[c.type]}" for c in columns)
            db.execute(
                f"CREATE TABLE data_{name} (version INTEGER NOT NULL, row_order INTEGER "
                f"NOT NULL, {body}, FOREIGN KEY(version) REFERENCES "
                "dataset_versions (version))"
            )
        for version, (sha256, dataset) in enumerate(versions, start=1):
            db.execute(
                "INSERT INTO dataset_versions VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    version,
                    f"2026-0{version}-01 09:00 UTC",
                    "Mia",
                    f"v{version}.xlsx",
                    sha256,
                    json.dumps(dataset.row_counts),
                    "[]",
                ),
            )
            for name, columns in tables.items():
                frame = dataset.table(name)
                rows = []
                for i in range(len(frame)):
                    cells = []
                    for c in columns:
                        v = frame[c.name].iloc[i]
                        cells.append(
                            None
                            if pd.isna(v)
                            else v.date().isoformat()
                            if c.type == "date"
                            else v.item()
                            if hasattr(v, "item")
                            else v
                        )
                    rows.append((version, i, *cells))
                marks = ", ".join("?" * (len(columns) + 2))
                db.executemany(f"INSERT INTO data_{name} VALUES ({marks})", rows)
        if versions:
            db.execute("INSERT INTO current_version VALUES (1, ?)", (len(versions),))
        db.commit()
        db.close()
        return f"sqlite:///{path}"

    return build


#: Where Debian's `postgresql` package puts initdb, pg_ctl and createdb (newest version first).
POSTGRES_BINS = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)


def _as_postgres(*command: str) -> None:
    """Run a PostgreSQL binary as the `postgres` user (the server refuses to run as root)."""
    import os
    import subprocess

    runner = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    subprocess.run([*runner, *command], check=True, capture_output=True, timeout=120)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A throwaway PostgreSQL cluster for the whole session (a temporary folder owned by
    `postgres`, a free port on 127.0.0.1), as the URL of its `postgres` database without a
    database name: ``postgresql+psycopg://postgres@127.0.0.1:PORT``. Stopped at the end.

    Skips with a reason without Debian's binaries; fails instead when
    SCORECARD_REQUIRE_POSTGRES=1 (CI installs `postgresql`)."""
    import os
    import shutil
    import tempfile

    if not POSTGRES_BINS:
        if os.environ.get("SCORECARD_REQUIRE_POSTGRES") == "1":
            pytest.fail(
                "SCORECARD_REQUIRE_POSTGRES=1 but PostgreSQL is missing "
                "(apt-get install -y postgresql)",
                pytrace=False,
            )
        pytest.skip(
            "no PostgreSQL binaries under /usr/lib/postgresql: `apt-get install -y "
            "postgresql` to run the store tests against PostgreSQL too"
        )
    bins = POSTGRES_BINS[0]
    folder = Path(tempfile.mkdtemp(prefix="scorecard-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    data, port = folder / "data", free_port()
    try:
        _as_postgres(
            str(bins / "initdb"),
            "-D",
            str(data),
            "-A",
            "trust",
            "-U",
            "postgres",
            "--no-sync",
            "-E",
            "UTF8",
        )
        # Durability is not under test here: no fsync keeps the session fast.
        options = (
            f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        _as_postgres(
            str(bins / "pg_ctl"),
            "-D",
            str(data),
            "-o",
            options,
            "-l",
            str(folder / "log"),
            "-w",
            "start",
        )
    except Exception:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}"
    finally:
        _as_postgres(str(bins / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop")
        shutil.rmtree(folder, ignore_errors=True)


def _new_database(server: str) -> str:
    """A new, empty database on the PostgreSQL ``server``, as a store URL."""
    import uuid

    import sqlalchemy as sa

    name = f"t_{uuid.uuid4().hex[:16]}"
    engine = sa.create_engine(f"{server}/postgres", isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name}")
    engine.dispose()
    return f"{server}/{name}"


@pytest.fixture
def postgres_url(postgres_server: str) -> str:
    """A new, empty database on the session's PostgreSQL server, as a store URL."""
    return _new_database(postgres_server)


@pytest.fixture(params=["sqlite", "postgresql"])
def store_urls(request: pytest.FixtureRequest, tmp_path: Path):
    """Makes URLs of new, empty stores, on a SQLite file and (a second run of the test) on the
    session's PostgreSQL (which skips or fails as `postgres_server` does): ``store_urls()``."""
    if request.param == "sqlite":
        count = iter(range(1_000))
        return lambda: f"sqlite:///{tmp_path / f'store{next(count)}.db'}"
    server = request.getfixturevalue("postgres_server")
    return lambda: _new_database(server)


@pytest.fixture
def store_url(store_urls) -> str:
    """The URL of an empty store, on SQLite and on PostgreSQL (tests taking it run on both)."""
    return str(store_urls())


@pytest.fixture(name="two_departments")
def two_departments_fixture() -> "Dataset":
    """Ada, Di in Ops; Ben, Cy in Sales (``tests.companies.two_departments``)."""
    from tests.companies import two_departments

    return two_departments()
