"""A monthly upload that holds only some tables, checked against the current dataset.

The validator wants a people table and an activity table in every upload, so a month's activity
export alone, or a roster update alone, is refused ("No people table was found"). Adding such an
upload to the current dataset is normal, though: :func:`context_uploads` gives CSV files from the
current version for the tables the upload lacks (its people and accounts, so that the upload's
emails, names and handles resolve as they would in a full workbook; an empty activity table when
activity is missing). Validated together, the upload carries those tables
unchanged, and merging them upserts each row onto itself: nothing changes but what was uploaded.
"""

from __future__ import annotations

from scorecard.dataset import Dataset
from scorecard.ingest.raw import Upload
from scorecard.problems import Report

MISSING = "missing_table"
#: The current tables a partial upload is validated with when it lacks people.
REFERENCES = ("people", "accounts")


def missing_only(report: Report) -> set[str]:
    """The required tables an upload lacks, when that is its only problem (else empty)."""
    missing = {p.table for p in report.errors if p.code == MISSING}
    return missing if missing and len(missing) == len(report.errors) else set()


def context_uploads(missing: set[str], current: Dataset) -> list[Upload]:
    """CSV files from the current version supplying the ``missing`` tables: its people (and
    accounts, when it has any) when people are missing, an empty activity table when activity
    is."""
    frames = {}
    if "people" in missing:
        frames = {name: current.table(name) for name in REFERENCES}
        frames = {name: f for name, f in frames.items() if name == "people" or not f.empty}
    if "activity" in missing:
        frames["activity"] = current.activity.iloc[:0]
    return [
        Upload(f"{name}.csv", frame.to_csv(index=False).encode("utf-8"))
        for name, frame in frames.items()
    ]
