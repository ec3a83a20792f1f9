"""The command line: validate, publish and inspect datasets without the app.

    python -m scorecard validate FILE...        print the report; exit 1 on errors
    python -m scorecard publish FILE... --by ME [--merge]
                                                validate, then store as the current version
                                                (--merge: add to the current dataset)
    python -m scorecard versions                list stored versions: who, when, how, what
                                                changed
    python -m scorecard template OUT.xlsx       write the blank template workbook
    python -m scorecard sample OUT.xlsx         write the sample company workbook
    python -m scorecard report [FILE...] --from D --to D --format json|pptx|xlsx|pdf|text
                               [--out PATH] [--department D]... [--tier T]... [--channel C]...
                                                the ROI dictionary of a file (or of the current
                                                dataset) over a period; JSON to stdout by default

validate, publish and report take ``--profile FILE`` (repeatable): a mapping profile downloaded
from the Data page, applied to exports with its header before the built-in source presets.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from scorecard.dataset import Dataset, Filters
    from scorecard.ingest import IngestResult
    from scorecard.store import Store

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
EXIT_STORAGE = 3  # the database could not be opened, read or written (a StoreError)
#: ``--profile FILE`` (repeatable) on validate, publish and report.
PROFILE_OPTION = {
    "action": "append",
    "metavar": "FILE",
    "help": "a saved mapping profile (JSON, from the Data page) to read exports "
    "with; repeat for several",
}


def _missing(files: Sequence[str]) -> bool:
    """Say which of ``files`` do not exist (or are not files); True when any is missing."""
    missing = [f for f in files if not Path(f).is_file()]
    if missing:
        print(f"No such file: {', '.join(missing)}", file=sys.stderr)
    return bool(missing)


def _validate(args: argparse.Namespace) -> int:
    from scorecard.ingest.worker import run_ingest_paths

    profiles = _profiles(args)
    if profiles is None:
        return EXIT_USAGE
    result = run_ingest_paths(args.files, profiles=profiles)
    # What each sheet was read as, before the problems; on stderr so that stdout stays the
    # report alone (scripts parse it).
    print(
        "Read as:\n" + "\n".join(f"  {n.as_text()}" for n in result.sources),
        file=sys.stderr,
        flush=True,
    )
    print(result.report.as_text())
    if result.dataset is not None:
        counts = ", ".join(f"{n} {t}" for t, n in result.dataset.row_counts.items())
        print(f"Rows read: {counts}.")
    return EXIT_OK if result.report.ok else EXIT_INVALID


def _profiles(args: argparse.Namespace) -> tuple | None:
    """The files exist and the saved mapping profiles of ``--profile`` (presets as JSON, in
    the order given, ahead of the registry) load; ``None`` after saying what is wrong."""
    from scorecard.sources.profiles import load_profile

    paths = args.profile or []
    if _missing(args.files) or _missing(paths):
        return None
    profiles = []
    for path in paths:
        try:
            profiles.append(load_profile(Path(path).read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            print(
                f"The profile {path} cannot be used: {exc}. Download it again from the Data "
                "page's mapping step (Download profile).",
                file=sys.stderr,
            )
            return None
    return tuple(profiles)


def _publish(args: argparse.Namespace) -> int:
    from scorecard.ingest.worker import run_ingest_paths
    from scorecard.store import Store

    profiles = _profiles(args)
    if profiles is None:
        return EXIT_USAGE
    result = run_ingest_paths(args.files, profiles=profiles)
    store = Store()
    sha256 = result.sha256  # of the files given, whatever is validated with them
    if args.merge and result.dataset is None:
        result = _with_current_tables(store, args.files, profiles, result)
    print(result.report.as_text())
    if result.dataset is None:
        print("Nothing was published: fix the errors above and try again.")
        return EXIT_INVALID
    publish = store.merge if args.merge else store.publish
    outcome = publish(
        result.dataset,
        uploader=args.by,
        file_name=result.file_name,
        sha256=sha256,
        report=result.report,
    )
    print(outcome.message)
    if outcome.stored:
        print(f"What changed: {outcome.summary.one_line()}.")
    return EXIT_OK


def _with_current_tables(
    store: Store, files: Sequence[str], profiles: tuple, result: IngestResult
) -> IngestResult:
    """A merge upload lacking people or activity, validated again with the current version's
    (:mod:`scorecard.monthly`); ``result`` itself when that is not its only problem."""
    from scorecard.ingest.raw import Limits
    from scorecard.ingest.worker import read_paths, run_ingest
    from scorecard.monthly import REFERENCES, context_uploads, missing_only

    missing, current = missing_only(result.report), store.current()
    if not missing or current is None:
        return result
    tables = store.load(current.version, REFERENCES)
    limits = Limits.from_env()
    uploads = [*read_paths(files, limits), *context_uploads(missing, tables)]
    again = run_ingest(uploads, limits, profiles)
    return again if again.dataset is not None else result  # else: the upload's own problems


def _versions(_args: argparse.Namespace) -> int:
    from scorecard.store import Store

    versions = Store().versions()
    if not versions:
        print("No versions yet: the app shows the sample company.")
    for v in versions:
        mark = "*" if v.is_current else " "
        rows = sum(v.row_counts.values())
        print(
            f"{mark} {v.version:>4}  {v.created_at}  {v.uploader:<20} {v.how:<8} "
            f"{v.file_name} ({rows:,} rows): {v.changes}"
        )
    return EXIT_OK


def _template(args: argparse.Namespace) -> int:
    from scorecard.template import write_template

    write_template(args.out)
    print(f"Wrote the template to {args.out}.")
    return EXIT_OK


def _sample(args: argparse.Namespace) -> int:
    from scorecard.sample import write_sample

    write_sample(args.out, seed=args.seed)
    print(f"Wrote the sample company to {args.out}.")
    return EXIT_OK


def _report(args: argparse.Namespace) -> int:
    from scorecard.dataset import DatasetInfo, Period
    from scorecard.export import full_report, render, write_report

    if args.files:
        from scorecard.ingest.worker import run_ingest_paths

        profiles = _profiles(args)
        if profiles is None:
            return EXIT_USAGE
        result = run_ingest_paths(args.files, profiles=profiles)
        if result.dataset is None:
            print(result.report.as_text(), file=sys.stderr)
            return EXIT_INVALID
        dataset = result.dataset
        meta = DatasetInfo(
            version=None,
            created_at=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
            uploader="command line",
            file_name=result.file_name,
            sha256=result.sha256,
            row_counts=dataset.row_counts,
        )
    else:
        from scorecard.current import load_current
        from scorecard.store import Store

        meta, dataset = load_current(Store())
    span = dataset.date_range
    if span is None and (args.start is None or args.end is None):
        print("The dataset has no activity: give --from and --to.", file=sys.stderr)
        return EXIT_INVALID
    start = args.start or span[0]
    end = args.end or span[1]
    if end < start:
        print(f"--to ({end}) is before --from ({start}).", file=sys.stderr)
        return EXIT_USAGE
    period = Period(start, end)
    filters = _filters(args, dataset)
    if filters is None:
        return EXIT_USAGE
    if args.format == "text":
        from scorecard.report_text import report_text

        print(report_text(full_report(dataset, period, filters)))
        return EXIT_OK
    if args.out is None:
        if args.format != "json":
            print(f"--out is needed for {args.format}.", file=sys.stderr)
            return EXIT_USAGE
        sys.stdout.write(
            render(full_report(dataset, period, filters), "json").decode("utf-8") + "\n"
        )
        return EXIT_OK
    write_report(dataset, period, args.format, args.out, filters=filters, meta=meta)
    print(f"Wrote the {args.format} report for {period} to {args.out}.", file=sys.stderr)
    return EXIT_OK


def _filters(args: argparse.Namespace, dataset: Dataset) -> Filters | None:
    """The UI's filters from ``--department``, ``--tier`` and ``--channel`` (each repeatable,
    empty meaning everything), as :class:`~scorecard.dataset.Filters`; ``None`` after naming a
    value the dataset does not have and the values it has."""
    from scorecard.dataset import Filters
    from scorecard.schema import TIERS

    people, activity = dataset.people, dataset.activity
    known = {
        "--department": sorted(people["department"].dropna().astype("str").unique()),
        "--tier": list(TIERS),
        "--channel": sorted(activity["channel"].dropna().astype("str").unique()),
    }
    chosen = {
        "--department": args.department or [],
        "--tier": args.tier or [],
        "--channel": args.channel or [],
    }
    for option, values in chosen.items():
        unknown = [v for v in values if v not in known[option]]
        if unknown:
            print(
                f"{option} {unknown[0]!r} is not in the data. Choose one of: "
                f"{', '.join(known[option]) or 'none'}.",
                file=sys.stderr,
            )
            return None
    return Filters(
        departments=tuple(chosen["--department"]),
        tiers=tuple(chosen["--tier"]),
        channels=tuple(chosen["--channel"]),
    )


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-03-31") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m scorecard", description="Social Scorecard from the command line."
    )
    sub = parser.add_subparsers(dest="command", required=True)

    def command(
        name: str, run: Callable[[argparse.Namespace], int], text: str
    ) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=text, description=text)
        p.set_defaults(run=run)
        return p

    p = command("validate", _validate, "Check workbook(s) or CSVs and print every problem.")
    p.add_argument("files", nargs="+", help="an xlsx/xlsm/xls/ods workbook or CSV files")
    p.add_argument("--profile", **PROFILE_OPTION)
    p = command("publish", _publish, "Validate, then store as a new current version.")
    p.add_argument("files", nargs="+")
    p.add_argument("--profile", **PROFILE_OPTION)
    p.add_argument("--by", default="command line", help="who is publishing")
    p.add_argument(
        "--merge",
        action="store_true",
        help="add to the current dataset instead of replacing it: people, goals, "
        "assumptions and accounts by their key; activity and outcomes inside "
        "the upload's dates",
    )
    command(
        "versions", _versions, "List the stored dataset versions: who, when, how, what changed."
    )
    p = command("template", _template, "Write the blank template workbook.")
    p.add_argument("out", type=Path)
    p = command("sample", _sample, "Write the sample company workbook.")
    p.add_argument("out", type=Path)
    p.add_argument("--seed", type=int, default=7)
    p = command(
        "report",
        _report,
        "The ROI dictionary over a period as JSON, a PowerPoint deck, an Excel "
        "workbook or a PDF. Without FILE, the current stored dataset (or the sample company). "
        "Without --from/--to, the dataset's whole date range.",
    )
    p.add_argument("files", nargs="*", help="workbook or CSVs (default: the current dataset)")
    p.add_argument("--from", dest="start", type=_day, help="first day, YYYY-MM-DD")
    p.add_argument("--to", dest="end", type=_day, help="last day, YYYY-MM-DD")
    p.add_argument(
        "--format",
        choices=("json", "pptx", "xlsx", "pdf", "text"),
        default="json",
        help="text: the company's and departments' figures as a person reads them",
    )
    p.add_argument("--out", type=Path, help="file to write (JSON goes to stdout without it)")
    p.add_argument("--profile", **PROFILE_OPTION)
    tiers = "a tier (C-suite, VP, Director, Manager, Staff)"
    for option, what in (
        ("--department", "a department"),
        ("--tier", tiers),
        ("--channel", "a channel"),
    ):
        p.add_argument(
            option,
            action="append",
            metavar="NAME",
            help=f"only {what}, as the app's filters; repeat for several",
        )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from scorecard.terminal import printable_output

    with printable_output():  # file names, uploaders, cells: never control codes on a terminal
        args = build_parser().parse_args(argv)
        from scorecard.storage_errors import StoreError

        # The store logs a failure's details (driver text, SQL) for a server's log; a terminal
        # gets the one sentence below instead, never that text or a traceback.
        quiet = logging.getLogger("scorecard.db")
        if not quiet.handlers:
            quiet.addHandler(logging.NullHandler())
        try:
            return int(args.run(args))
        except StoreError as error:  # the database failed: one sentence, never SQL
            print(error, file=sys.stderr)
            return EXIT_STORAGE
