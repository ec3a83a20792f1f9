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

#: A megabyte as the browser's file uploader and the upload limit count it: 10^6 bytes.
MB = 1_000_000


@dataclass(frozen=True)
class Upload:
    """One uploaded file: its name as the user chose it, and its bytes."""

    name: str
    data: bytes


@dataclass(frozen=True)
class Limits:
    """Bounds that keep a hostile file from taking the machine's memory or time."""

    #: Megabytes of 10^6 bytes, as the browser's uploader counts them (except on Windows).
    max_file_bytes: int = 50 * MB
    max_uncompressed_bytes: int = 2 * 1024**3
    #: One part of a zip, inflated; the shared strings are held whole in memory, so less.
    max_part_bytes: int = 1024**3
    max_shared_strings_bytes: int = 256 * 1024**2
    #: A sheet is read as a grid from A1 to its farthest cell: bound its width and its cells,
    #: and its cells by what its compressed bytes can hold (with a floor for sparse sheets).
    max_columns: int = 1_000
    max_sheet_cells: int = 30_000_000
    min_cell_budget: int = 4_000_000
    cells_per_compressed_byte: int = 64
    max_compression_ratio: float = 200.0
    #: Entries smaller than this are never judged by their ratio (tiny XML parts compress well).
    ratio_min_entry_bytes: int = 10 * 1024 * 1024
    max_zip_entries: int = 10_000
    max_cell_chars: int = 32_767
    max_rows: int = 2_000_000

    @classmethod
    def from_env(cls) -> Limits:
        """Limits with ``SCORECARD_MAX_UPLOAD_MB`` (megabytes of 10^6 bytes) applied when set."""
        mb = os.environ.get("SCORECARD_MAX_UPLOAD_MB")
        return cls(max_file_bytes=int(float(mb) * MB)) if mb else cls()

    @property
    def upload_rule(self) -> str:
        """The one sentence that states the upload size limit wherever a file is refused."""
        return f"Files up to {self.max_file_bytes / MB:g} MB are accepted."


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
    #: The header each column has in the user's file, for messages (a source preset renames
    #: columns to the contract's names); empty: ``headers`` are as written.
    labels: tuple[str, ...] = ()
    #: The id of the source preset that produced the table; "" for a template sheet.
    origin: str = ""

    def __len__(self) -> int:
        return len(self.row_numbers)

    def label(self, i: int) -> str:
        """Column ``i``'s header as the user's file writes it."""
        return self.labels[i] if self.labels else self.headers[i]
