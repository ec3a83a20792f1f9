"""What reading an upload in the bounded worker costs, against reading it in-process.

    python bench/worker.py [--repeat 5]

For the bundled sample company (a 3 MB workbook, about 400 people) and a one-sheet-per-table
workbook of two people, each read is timed both ways: ``load_uploads`` in this process (warm:
modules imported, first read discarded) and ``run_ingest`` (a fresh interpreter per upload,
memory and time limits, the result pickled back). The overhead is the difference of medians;
it is paid once per upload.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from openpyxl import Workbook

from scorecard.ingest import load_uploads
from scorecard.ingest.raw import Upload
from scorecard.ingest.worker import run_ingest


def tiny_workbook() -> bytes:
    book = Workbook()
    people = book.active
    people.title = "people"
    people.append(["person_id", "name", "department"])
    people.append(["007", "Ada Byrne", "Sales"])
    people.append(["012", "Cy Lee", "Sales"])
    activity = book.create_sheet("activity")
    activity.append(["date", "person_id", "channel", "action"])
    activity.append(["2026-03-02", "007", "LinkedIn", "post"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def median_seconds(read, repeat: int) -> float:
    read()  # warm-up, not timed
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        read()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    sample = ROOT / "sample_data" / "sample_company.xlsx"
    cases = {
        "two people": Upload("tiny.xlsx", tiny_workbook()),
        "sample company": Upload(sample.name, sample.read_bytes()),
    }
    for label, upload in cases.items():
        here = median_seconds(lambda u=upload: load_uploads([u]), args.repeat)
        worker = median_seconds(lambda u=upload: run_ingest([u]), args.repeat)
        print(
            f"{label:>15}: in-process {here:6.3f} s | worker {worker:6.3f} s | "
            f"overhead {worker - here:6.3f} s per upload"
        )


if __name__ == "__main__":
    main()
