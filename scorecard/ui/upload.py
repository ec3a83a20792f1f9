"""The Data page's work, outside the page: validate uploads, publish, save edited tables.

Everything a marketer sends goes through :func:`scorecard.ingest.worker.run_ingest` (the
validator, :func:`scorecard.ingest.load_uploads`, in a separate process with a memory and a
time limit), uploads and edits in the table editor alike: one validator decides what may be
published, and no file can take the server's memory or time.
"""

from __future__ import annotations

import dataclasses
import math
from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st

from scorecard.dataset import Dataset, conform
from scorecard.formatting import MISSING
from scorecard.ingest.raw import MB, Limits, Upload
from scorecard.problems import Report
from scorecard.schema import TABLES
from scorecard.ui import cache
from scorecard.ui.text import literal

if TYPE_CHECKING:
    from scorecard.ingest import IngestResult

PROBLEM_COLUMNS = ("severity", "sheet", "row", "column", "value", "message", "fix")


#: Outcomes that may depend on how busy the machine was, not on the file: never kept cached.
TRANSIENT_CODES = frozenset({"worker_timeout", "worker_crash"})


def is_transient(result: IngestResult) -> bool:
    """True when the reader timed out or crashed: uploading the file again should read it again."""
    return any(p.code in TRANSIENT_CODES for p in result.report.problems)


def upload_limit_mb() -> int:
    """The upload size limit in MB of 10^6 bytes, for ``st.file_uploader(max_upload_size=)``:
    the browser then refuses exactly what the guard would (except on Windows, where the
    browser counts 2^20-byte megabytes and the guard refuses the few bytes between)."""
    return max(1, math.ceil(Limits.from_env().max_file_bytes / MB))


def upload_rule() -> str:
    """The one sentence stating the size limit ("Files up to 50 MB are accepted.")."""
    return Limits.from_env().upload_rule


def problems_frame(report: Report, severity: str) -> pd.DataFrame:
    """The problems of one severity as a table: where (sheet, row, column), what, and the fix."""
    rows = [p.to_dict() for p in report.problems if p.severity == severity]
    frame = pd.DataFrame(rows, columns=[*PROBLEM_COLUMNS, "code", "table"])
    frame["row"] = pd.to_numeric(frame["row"]).astype("Int64")
    return frame[list(PROBLEM_COLUMNS)]


#: Headers of the problem table on screen, in :data:`PROBLEM_COLUMNS` order.
PROBLEM_HEADERS = (
    "Severity",
    "Sheet",
    "Row (in Excel)",
    "Column",
    "Value",
    "What is wrong",
    "How to fix it",
)
#: ``st.table`` draws every row at once: past this many the rest go to a scrolling table.
WRAPPED_PROBLEMS = 100


def problems_table(problems: pd.DataFrame) -> pd.DataFrame:
    """A display copy of :func:`problems_frame` for ``st.table``, which wraps long messages
    where ``st.dataframe`` cuts them: every cell is text escaped for Markdown (``st.table``
    renders it, and a value comes from the user's file), an empty cell is "—", headers are
    words. The input is not changed."""
    return pd.DataFrame(
        {
            header: [MISSING if pd.isna(v) or v == "" else literal(v) for v in problems[column]]
            for header, column in zip(PROBLEM_HEADERS, PROBLEM_COLUMNS, strict=True)
        }
    )


@st.cache_data(show_spinner=False, max_entries=2)
def template_bytes() -> bytes:
    from scorecard.template import build_template

    return build_template()


@st.cache_data(show_spinner="Writing the workbook…", max_entries=4)
def dataset_workbook(key: str) -> bytes:
    """The dataset behind ``key`` as an xlsx workbook, the same contract as the template."""
    from scorecard.workbook import workbook_bytes

    return workbook_bytes(cache.dataset(key))


def edited_dataset(base: Dataset, assumptions: pd.DataFrame, goals: pd.DataFrame) -> Dataset:
    """``base`` with its assumptions and goals replaced by the editor's tables.

    Raises ``ValueError`` (or ``TypeError``) when a cell cannot take its column's type.
    """

    def clean(name: str, frame: pd.DataFrame) -> pd.DataFrame:
        frame = frame.dropna(how="all")
        return conform(TABLES[name], frame)

    return dataclasses.replace(
        base, assumptions=clean("assumptions", assumptions), goals=clean("goals", goals)
    )


def revalidate(dataset: Dataset, file_name: str) -> IngestResult:
    """Write ``dataset`` as a workbook and read it back through the upload validator."""
    from scorecard.ingest.worker import run_ingest
    from scorecard.workbook import workbook_bytes

    return run_ingest([Upload(file_name, workbook_bytes(dataset))])
