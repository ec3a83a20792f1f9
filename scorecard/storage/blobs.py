"""A table's rows as Parquet bytes named by their sha256, and back, with the trusted dtypes.

Dated tables (:data:`DATED_TABLES`) are cut into one blob per calendar month of their date
column, so a new month adds one blob and leaves the others shared; keyed tables are one blob
each. Encoding is deterministic (same rows, same pyarrow: same bytes, same name), so storing a
month twice stores it once.

Dtypes round-trip exactly through the pandas metadata Parquet carries: ``str`` stays ``str``
("007" stays "007"), ``datetime64[us]``, ``int64``, ``Int64`` and ``float64`` come back as they
went in. A blob written before the schema gained a column lacks it; :func:`decode` then conforms
the frame (the new column reads as its default or missing).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from scorecard.dataset import conform, empty_frame
from scorecard.schema import TABLES

#: Tables cut per month, and the column that dates a row.
DATED_TABLES: dict[str, str] = {"activity": "date", "outcomes": "date"}
#: The ``month`` of a keyed table's single blob (and of rows without a date).
WHOLE = ""
COMPRESSION = "zstd"


@dataclass(frozen=True)
class Blob:
    """One table's rows for one month (``WHOLE`` for keyed tables), encoded."""

    table: str
    month: str
    sha256: str
    data: bytes
    rows: int


def encode(frame: pd.DataFrame) -> tuple[str, bytes]:
    """``frame`` (index dropped) as zstd Parquet bytes and their sha256 hex digest."""
    sink = pa.BufferOutputStream()
    pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), sink, compression=COMPRESSION)
    data = sink.getvalue().to_pybytes()
    return hashlib.sha256(data).hexdigest(), data


def month_codes(dates: pd.Series) -> np.ndarray:
    """Months since 1970-01 per date (``NO_MONTH`` for a missing one), as int64: cheap to
    compare, sort and group; :func:`month_label` names one."""
    months = dates.to_numpy().astype("datetime64[M]")
    return months.astype(np.int64)  # NaT is the smallest int64, NO_MONTH


NO_MONTH = np.iinfo(np.int64).min


def month_label(code: int) -> str:
    """ "YYYY-MM" of a :func:`month_codes` value (``WHOLE`` for ``NO_MONTH``)."""
    if code == NO_MONTH:
        return WHOLE
    return str(np.datetime64(int(code), "M"))


def month_labels(dates: pd.Series) -> np.ndarray:
    """ "YYYY-MM" per date (``WHOLE`` for a missing one), as a numpy array of text."""
    codes, inverse = np.unique(month_codes(dates), return_inverse=True)
    return np.array([month_label(c) for c in codes], dtype=object)[inverse]


def split(table: str, frame: pd.DataFrame) -> list[tuple[str, pd.DataFrame]]:
    """``frame`` cut into ``(month, rows)`` in month order, rows in their order within a month;
    a keyed table (or an empty one) is one part, ``WHOLE``."""
    column = DATED_TABLES.get(table)
    if column is None or frame.empty:
        return [(WHOLE, frame)]
    months, inverse = np.unique(month_codes(frame[column]), return_inverse=True)
    order = np.argsort(inverse, kind="stable")
    bounds = np.searchsorted(inverse[order], np.arange(1, len(months)))
    return [
        (month_label(month), frame.iloc[rows].reset_index(drop=True))
        for month, rows in zip(months, np.split(order, bounds), strict=True)
    ]


def blobs_of(table: str, frame: pd.DataFrame) -> list[Blob]:
    """The blobs of one table: one per month for a dated table, one for a keyed table."""
    out = []
    for month, part in split(table, frame):
        sha256, data = encode(part)
        out.append(Blob(table, month, sha256, data, len(part)))
    return out


def read(parts: Sequence[bytes]) -> pd.DataFrame:
    """The rows of ``parts`` (in order, at least one) as one frame, dtypes as written."""
    tables = [pq.read_table(pa.BufferReader(p)) for p in parts]
    arrow = tables[0] if len(tables) == 1 else pa.concat_tables(tables, promote_options="default")
    return arrow.to_pandas()


def decode(table: str, parts: Sequence[bytes]) -> pd.DataFrame:
    """The rows of ``parts`` (in order) as one frame with the schema's columns and dtypes."""
    schema = TABLES[table]
    if not parts:
        return empty_frame(schema)
    frame = read(parts)
    if tuple(frame.columns) != schema.column_names:  # written before a column was added
        frame = conform(schema, frame)
    return frame
