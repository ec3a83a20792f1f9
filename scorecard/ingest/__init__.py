"""Uploads in, a validated dataset and a report of every problem out.

``load_uploads`` reads the files (:mod:`scorecard.ingest.readers`: file guards, sheets to raw
tables) and validates them (:mod:`scorecard.ingest.validate`). The dataset is ``None`` whenever
the report holds an error.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from scorecard.dataset import Dataset
from scorecard.ingest.raw import Limits, RawTable, Upload
from scorecard.ingest.validate import validate_tables
from scorecard.problems import Report

if TYPE_CHECKING:
    from scorecard.ingest.readers import SourceNote
    from scorecard.sources.preset import Preset

__all__ = [
    "IngestResult",
    "Limits",
    "RawTable",
    "Upload",
    "load_paths",
    "load_uploads",
    "upload_sha256",
    "validate_tables",
]


@dataclass(frozen=True)
class IngestResult:
    """One upload's outcome: the dataset (``None`` when the report has errors) and its identity."""

    dataset: Dataset | None
    report: Report
    file_name: str
    sha256: str
    #: Per file and sheet, what it was read as (a source preset, a template sheet, skipped).
    sources: tuple[SourceNote, ...] = ()


def upload_sha256(uploads: Sequence[Upload]) -> str:
    """Identity of an upload: sha256 hex of the bytes of one file; for several files, sha256 of
    their sorted ``name:sha256`` lines joined by newlines (so the order of upload is irrelevant).
    """
    digests = [(u.name, hashlib.sha256(u.data).hexdigest()) for u in uploads]
    if len(digests) == 1:
        return digests[0][1]
    lines = sorted(f"{name}:{digest}" for name, digest in digests)
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


#: Table-level findings the readers already report (with the sheets they saw), so the
#: validator's own versions would only repeat them.
_READER_CODES = frozenset({"missing_table", "duplicate_table"})


def _combine(read: Report, validated: Report) -> Report:
    """Reader problems first (they concern whole files), then errors before warnings."""
    problems = [p for p in validated.problems if p.code not in _READER_CODES]
    merged = [*read.problems, *problems]
    return Report(tuple(sorted(merged, key=lambda p: not p.is_error)))


def load_uploads(
    uploads: Sequence[Upload], limits: Limits | None = None, profiles: Sequence[Preset] = ()
) -> IngestResult:
    """Read and validate uploaded files (one workbook, or one CSV per table).

    ``limits`` defaults to :meth:`Limits.from_env`. Never raises on file contents: every
    problem, down to a single cell, is in the report.
    """
    from scorecard.ingest.readers import read_sources  # the readers import the guards; lazily

    limits = limits or Limits.from_env()
    read = read_sources(uploads, limits, profiles)
    dataset, validated = validate_tables(read.tables, limits=limits)
    report = _combine(Report(tuple(read.problems)), validated)
    return IngestResult(
        dataset=dataset if report.ok else None,
        report=report,
        file_name=", ".join(u.name for u in uploads),
        sha256=upload_sha256(uploads),
        sources=tuple(read.notes),
    )


def load_paths(
    paths: Sequence[str | Path], limits: Limits | None = None, profiles: Sequence[Preset] = ()
) -> IngestResult:
    """:func:`load_uploads` for files on disk (each named by its file name).

    A file over the size limit is read only up to one byte past it: enough for the reader to
    refuse it, without holding a huge file in memory.
    """
    limits = limits or Limits.from_env()
    return load_uploads(read_paths(paths, limits), limits, profiles)


def read_paths(paths: Sequence[str | Path], limits: Limits) -> list[Upload]:
    """Files on disk as uploads, each read only up to one byte past the size limit."""
    uploads = []
    for path in map(Path, paths):
        with path.open("rb") as handle:
            uploads.append(Upload(path.name, handle.read(limits.max_file_bytes + 1)))
    return uploads
