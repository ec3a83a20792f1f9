"""A reader that timed out or crashed is not kept in the Data page's cache: the next upload of the
same file reads it again (a busy machine is not a property of the file)."""

from __future__ import annotations

from scorecard.ingest import IngestResult
from scorecard.problems import Problem, Report
from scorecard.ui import mapping


def result_with(code: str) -> IngestResult:
    problem = Problem("error", code, "'a.xlsx' took longer than 120 s to read.", "Try again.")
    return IngestResult(None, Report((problem,)), "a.xlsx", "0" * 64)


class Reader:
    """Stands in for the cached worker call: returns ``result`` and counts cache clears."""

    def __init__(self, result: IngestResult) -> None:
        self.result, self.clears = result, 0

    def __call__(self, uploads, profiles) -> IngestResult:
        return self.result

    def clear(self) -> None:
        self.clears += 1


class NoProfiles:
    def profiles(self) -> list:
        return []


def test_a_timeout_or_crash_is_dropped_from_the_cache_and_a_file_problem_is_kept(monkeypatch):
    monkeypatch.setattr(mapping.cache, "store", NoProfiles)
    monkeypatch.setattr(mapping, "_drafts", dict)
    for code, clears in (("worker_timeout", 1), ("worker_crash", 1), ("missing_column", 0)):
        reader = Reader(result_with(code))
        monkeypatch.setattr(mapping, "_ingest", reader)
        assert mapping.validate(()) is reader.result
        assert reader.clears == clears, code
