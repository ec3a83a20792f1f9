"""What the file readers hand to the validator: uploads in, raw tables out.

The readers (:mod:`scorecard.ingest.readers`, guarded by :mod:`scorecard.ingest.guard`) turn
uploaded bytes into :class:`RawTable` values: cells exactly as the file holds them, nothing
inferred. The validator (:mod:`scorecard.ingest.validate`) maps headers to the schema, types the
cells and reports problems against ``row_numbers``, the rows the user sees in Excel.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import numpy as np
import pandas as pd


@dataclass(frozen=True)
class Upload:
    """One uploaded file: its name as the user chose it, and its bytes."""

    name: str
    data: bytes


@dataclass(frozen=True)
class Limits:
    """Bounds that keep a hostile file from taking the machine's memory or time."""

    max_file_bytes: int = 50 * 1024 * 1024
    max_uncompressed_bytes: int = 2 * 1024**3
    max_compression_ratio: float = 200.0
    #: Entries smaller than this are never judged by their ratio (tiny XML parts compress well).
    ratio_min_entry_bytes: int = 10 * 1024 * 1024
    max_zip_entries: int = 10_000
    max_cell_chars: int = 32_767
    max_rows: int = 2_000_000

    @classmethod
    def from_env(cls) -> Limits:
        """Limits with ``SCORECARD_MAX_UPLOAD_MB`` applied when set."""
        mb = os.environ.get("SCORECARD_MAX_UPLOAD_MB")
        return cls(max_file_bytes=int(float(mb) * 1024 * 1024)) if mb else cls()


@dataclass(frozen=True)
class RawTable:
    """One sheet (or CSV file) recognised as a table of the schema, cells untouched.

    ``columns[i]`` holds the cells under ``headers[i]`` as an ``object`` Series: ``str``, ``int``,
    ``float``, ``bool``, ``datetime.datetime``, ``datetime.date``, ``datetime.time``,
    ``datetime.timedelta``, or ``None`` for an empty cell. CSV cells are always ``str`` (or
    ``None``). ``row_numbers[j]`` is the Excel row (CSV line) of the j-th data row; fully blank
    rows are already dropped, so the numbers may skip. Headers are as written (stripped), and may
    repeat or be empty.
    """

    table: str
    sheet: str
    headers: tuple[str, ...]
    columns: tuple[pd.Series, ...]
    row_numbers: np.ndarray

    def __len__(self) -> int:
        return len(self.row_numbers)
