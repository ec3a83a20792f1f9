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

Children come from a ``forkserver`` (never a plain ``fork`` of the multi-threaded Streamlit
server) that has imported the readers once, so a job costs a fork, not an interpreter start.

Settings (environment): ``SCORECARD_WORKER_MEMORY_MB`` (default 2048) and
``SCORECARD_WORKER_SECONDS`` (default 120).
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import signal
from collections.abc import Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING

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
#: Imported once by the fork server, so that each child starts with the readers loaded.
PRELOAD = ["scorecard.ingest.worker", "scorecard.ingest.readers", "scorecard.ingest.validate"]
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
    :meth:`WorkerLimits.from_env`. Cost for a normal file: one fork from the fork server (the
    first job of a process also starts the server) plus pickling the bytes in and the result out.
    """
    limits = limits or Limits.from_env()
    worker = worker or WorkerLimits.from_env()
    uploads = tuple(uploads)
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    receive, send = context.Pipe(duplex=False)
    child = context.Process(
        target=_child,
        args=(send, uploads, limits, tuple(profiles), worker.memory_mb),
        name="scorecard-ingest",
        daemon=True,
    )
    child.start()
    send.close()  # the child holds the only writing end: its exit ends our wait
    outcome: tuple[str, object] | None = None
    try:
        if receive.poll(worker.seconds):
            try:
                outcome = receive.recv()
            except (EOFError, OSError):
                outcome = None  # the child died before it could answer
        else:
            outcome = ("timeout", None)
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receive.close()
    if outcome is not None and outcome[0] == "ok":
        return outcome[1]  # type: ignore[return-value]
    return failed(uploads, limits_problem(uploads, worker, outcome, child.exitcode))


def run_ingest_paths(
    paths: Sequence[str | Path],
    limits: Limits | None = None,
    profiles: Sequence[Preset] = (),
    worker: WorkerLimits | None = None,
) -> IngestResult:
    """:func:`run_ingest` for files on disk (each read only up to one byte past the size limit)."""
    limits = limits or Limits.from_env()
    return run_ingest(read_paths(paths, limits), limits, profiles, worker)


def _child(
    send: Connection,
    uploads: tuple[Upload, ...],
    limits: Limits,
    profiles: tuple[Preset, ...],
    memory_mb: int,
) -> None:
    """The job, in the child: cap the address space, read, send the result (or what stopped it)."""
    outcome: tuple[str, object]
    try:
        cap = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
        outcome = ("ok", load_uploads(list(uploads), limits, profiles))
    except MemoryError:
        outcome = ("memory", None)  # the except block's end frees what the job held
    except BaseException as exc:  # noqa: BLE001 - a crash of any kind becomes a sentence
        outcome = ("crash", preview(repr(exc)))
    try:
        send.send(outcome)
    except MemoryError:
        os._exit(EXIT_OUT_OF_MEMORY)
    finally:
        send.close()


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
