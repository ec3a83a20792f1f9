"""Read and validate untrusted files in a separate process with a memory and a time limit.

A hostile spreadsheet can make a parser ask for hundreds of gigabytes (calamine then aborts the
whole process) or run for minutes. The guards (:mod:`scorecard.ingest.guard`) refuse most such
files cheaply; this module is the backstop for the rest: :func:`run_ingest` runs
:func:`scorecard.ingest.load_uploads` in a fresh child process whose address space is capped
with ``RLIMIT_AS`` and which is killed when it runs out of time. However the child ends (a
result, a ``MemoryError``, an abort, a kill, a crash), the caller gets an ``IngestResult``; a
child that did not finish yields one error :class:`~scorecard.problems.Problem` naming the
files and the limit they hit. The child exits after each job, so its memory goes back to the
system, and the caller's process (the Streamlit server, the CLI) never holds the parse.

The child is a fresh interpreter (``python -m scorecard.ingest.worker``), never a ``fork`` of
the multi-threaded Streamlit server, and not a ``multiprocessing`` child either: those re-run
the parent's ``__main__``, which inside Streamlit is the app script itself. Bytes go in on its
stdin and the pickled result comes back on its stdout; a job costs one interpreter start.

Settings (environment): ``SCORECARD_WORKER_MEMORY_MB`` (default 2048) and
``SCORECARD_WORKER_SECONDS`` (default 120).
"""

from __future__ import annotations

import importlib
import os
import pickle
import resource
import signal
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from scorecard.ingest import IngestResult, load_uploads, read_paths, upload_sha256
from scorecard.ingest.raw import Limits, Upload
from scorecard.problems import Problem, Report, preview

if TYPE_CHECKING:
    from scorecard.sources.preset import Preset

MEMORY_ENV = "SCORECARD_WORKER_MEMORY_MB"
SECONDS_ENV = "SCORECARD_WORKER_SECONDS"
#: Exit code of a child that ran out of memory while reporting that it ran out of memory.
EXIT_OUT_OF_MEMORY = 75
#: Signals a child dies of when it hits the memory limit: the kernel's OOM killer (SIGKILL),
#: a Rust allocation failure in calamine (SIGABRT), a C extension's unchecked malloc (SIGSEGV).
MEMORY_SIGNALS = frozenset({signal.SIGKILL, signal.SIGABRT, signal.SIGSEGV})
#: Modules the readers import on first use: imported before the memory cap.
LAZY_IMPORTS = ("scorecard.ingest.readers", "scorecard.sources.registry")
#: The folder holding the ``scorecard`` package, so the child imports this very code.
PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])
SPLIT_FIX = (
    "Split the data into smaller files (for example one per table or per quarter) and "
    "remove empty rows, columns and sheets, or ask your administrator to raise {env}."
)


@dataclass(frozen=True)
class WorkerLimits:
    """How much memory (MB of 2^20 bytes) and time (seconds) one ingest job may use."""

    memory_mb: int = 2048
    seconds: float = 120.0

    @classmethod
    def from_env(cls) -> WorkerLimits:
        """Defaults overridden by ``SCORECARD_WORKER_MEMORY_MB`` / ``SCORECARD_WORKER_SECONDS``."""
        memory = os.environ.get(MEMORY_ENV)
        seconds = os.environ.get(SECONDS_ENV)
        return cls(
            memory_mb=int(float(memory)) if memory else cls.memory_mb,
            seconds=float(seconds) if seconds else cls.seconds,
        )

    @property
    def memory_text(self) -> str:
        """ "2 GB" for 2048, "300 MB" for 300."""
        if self.memory_mb >= 1024:
            return f"{self.memory_mb / 1024:g} GB"
        return f"{self.memory_mb} MB"


def run_ingest(
    uploads: Sequence[Upload],
    limits: Limits | None = None,
    profiles: Sequence[Preset] = (),
    worker: WorkerLimits | None = None,
) -> IngestResult:
    """:func:`~scorecard.ingest.load_uploads` in a bounded child process; never raises on input.

    ``limits`` (the guards' bounds) default to :meth:`Limits.from_env`, ``worker`` to
    :meth:`WorkerLimits.from_env`. Cost for a normal file: one interpreter start with the
    readers imported (about 0.5 s on an idle machine) plus pickling the bytes in and the result
    out; ``bench/worker.py`` measures it.
    """
    limits = limits or Limits.from_env()
    worker = worker or WorkerLimits.from_env()
    uploads = tuple(uploads)
    job = pickle.dumps((uploads, limits, tuple(profiles)), protocol=pickle.HIGHEST_PROTOCOL)
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(
            [PACKAGE_ROOT, *filter(None, [os.environ.get("PYTHONPATH")])]
        ),
    }
    child = subprocess.Popen(
        [sys.executable, "-m", "scorecard.ingest.worker", str(worker.memory_mb)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    outcome: tuple[str, object] | None
    try:
        answer, _ = child.communicate(job, timeout=worker.seconds)
        outcome = pickle.loads(answer) if answer else None
    except subprocess.TimeoutExpired:
        outcome = ("timeout", None)
    except Exception:  # noqa: BLE001 - a truncated or garbled answer: the child died answering
        outcome = None
    finally:
        if child.poll() is None:
            child.kill()
        child.communicate()  # reaps the child and closes the pipes
    if outcome is not None and outcome[0] == "ok":
        return outcome[1]  # type: ignore[return-value]
    return failed(uploads, limits_problem(uploads, worker, outcome, child.returncode))


def run_ingest_paths(
    paths: Sequence[str | Path],
    limits: Limits | None = None,
    profiles: Sequence[Preset] = (),
    worker: WorkerLimits | None = None,
) -> IngestResult:
    """:func:`run_ingest` for files on disk (each read only up to one byte past the size limit)."""
    limits = limits or Limits.from_env()
    return run_ingest(read_paths(paths, limits), limits, profiles, worker)


def child_main(memory_mb: int, job: BinaryIO, answer: BinaryIO) -> None:
    """The job, in the child: cap the address space, read, answer with the result (or what
    stopped it) as a pickled ``(kind, value)`` pair."""
    outcome: tuple[str, object]
    try:
        # Load the job and every module the readers import lazily before the cap: the limit
        # is for the parse, and a shared library that cannot be mapped is no answer.
        uploads, limits, profiles = pickle.load(job)
        for module in LAZY_IMPORTS:
            importlib.import_module(module)
        cap = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
        outcome = ("ok", load_uploads(list(uploads), limits, profiles))
    except MemoryError:
        outcome = ("memory", None)  # the except block's end frees what the job held
    except BaseException as exc:  # noqa: BLE001 - a crash of any kind becomes a sentence
        outcome = ("crash", preview(repr(exc)))
    try:
        answer.write(pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL))
        answer.flush()
    except MemoryError:
        os._exit(EXIT_OUT_OF_MEMORY)


def limits_problem(
    uploads: Sequence[Upload],
    worker: WorkerLimits,
    outcome: tuple[str, object] | None,
    exitcode: int | None,
) -> Problem:
    """The one error for a job that did not finish: memory, time, or a crash."""
    subject, plural = sentence_subject(uploads)
    unchanged = (
        f"so {'they were' if plural else 'it was'} not read and the current dataset is unchanged."
    )
    kind = outcome[0] if outcome is not None else None
    killed = exitcode is not None and exitcode < 0 and -exitcode in MEMORY_SIGNALS
    if kind == "memory" or exitcode == EXIT_OUT_OF_MEMORY or (killed and kind != "timeout"):
        return Problem(
            "error",
            "worker_memory",
            f"{subject} {'need' if plural else 'needs'} more than {worker.memory_text} of memory "
            f"to read (the limit, {MEMORY_ENV}), {unchanged}",
            SPLIT_FIX.format(env=MEMORY_ENV),
            sheet=names(uploads),
        )
    if kind == "timeout":
        return Problem(
            "error",
            "worker_timeout",
            f"{subject} took longer than {worker.seconds:g} seconds to read (the limit, "
            f"{SECONDS_ENV}), {unchanged}",
            SPLIT_FIX.format(env=SECONDS_ENV),
            sheet=names(uploads),
        )
    detail = outcome[1] if kind == "crash" else f"exit code {exitcode}"
    return Problem(
        "error",
        "worker_crash",
        f"{subject} made the reader stop unexpectedly, {unchanged}",
        "Open the file in Excel and save it again as .xlsx (File › Save As), or export it as "
        "CSV, then upload it again.",
        sheet=names(uploads),
        value=preview(detail),
    )


def sentence_subject(uploads: Sequence[Upload]) -> tuple[str, bool]:
    """The files as a sentence's subject ("'a.xlsx'", "The files 'a', 'b'"), and if plural."""
    if len(uploads) == 1:
        return f"'{uploads[0].name}'", False
    return "The files " + ", ".join(f"'{u.name}'" for u in uploads), True


def names(uploads: Sequence[Upload]) -> str:
    return ", ".join(u.name for u in uploads)


def failed(uploads: Sequence[Upload], problem: Problem) -> IngestResult:
    """An ingest result with no dataset and ``problem`` as its only finding."""
    return IngestResult(
        dataset=None,
        report=Report((problem,)),
        file_name=names(uploads),
        sha256=upload_sha256(uploads),
    )


if __name__ == "__main__":
    # Only the answer may reach stdout: anything else the readers print goes to stderr.
    _answer = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    child_main(int(sys.argv[1]), sys.stdin.buffer, _answer)
