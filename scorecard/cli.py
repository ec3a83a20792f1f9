"""The command line: validate, publish and inspect datasets without the app.

    python -m scorecard validate FILE...        print the report; exit 1 on errors
    python -m scorecard publish FILE... --by ME  validate, then store as the current version
    python -m scorecard versions                list stored versions
    python -m scorecard template OUT.xlsx       write the blank template workbook
    python -m scorecard sample OUT.xlsx         write the sample company workbook
    python -m scorecard report [FILE...] --from D --to D --format json|pptx|xlsx [--out PATH]
                                                the ROI dictionary of a file (or of the current
                                                dataset) over a period; JSON to stdout by default
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def _missing(files: Sequence[str]) -> bool:
    """Say which of ``files`` do not exist (or are not files); True when any is missing."""
    missing = [f for f in files if not Path(f).is_file()]
    if missing:
        print(f"No such file: {', '.join(missing)}", file=sys.stderr)
    return bool(missing)


def _validate(args: argparse.Namespace) -> int:
    from scorecard.ingest.worker import run_ingest_paths

    if _missing(args.files) or (args.profile and _missing([args.profile])):
        return EXIT_USAGE
    profiles = _profiles(args.profile)
    if profiles is None:
        return EXIT_USAGE
    result = run_ingest_paths(args.files, profiles=profiles)
    # What each sheet was read as, before the problems; on stderr so that stdout stays the
    # report alone (scripts parse it).
    print("Read as:\n" + "\n".join(f"  {n.as_text()}" for n in result.sources),
          file=sys.stderr, flush=True)
    print(result.report.as_text())
    if result.dataset is not None:
        counts = ", ".join(f"{n} {t}" for t, n in result.dataset.row_counts.items())
        print(f"Rows read: {counts}.")
    return EXIT_OK if result.report.ok else EXIT_INVALID


def _profiles(path: str | None) -> tuple | None:
    """The saved mapping profile of ``--profile`` (a preset as JSON), or ``None`` after saying
    why it cannot be used."""
    from scorecard.sources.preset import Preset

    if not path:
        return ()
    try:
        return (Preset.from_json(Path(path).read_text(encoding="utf-8")),)
    except (OSError, UnicodeDecodeError, ValueError, TypeError, KeyError) as exc:
        print(f"The profile {path} cannot be used: {exc}. Save it again from the Data page's "
              "mapping step (Download profile).", file=sys.stderr)
        return None


def _publish(args: argparse.Namespace) -> int:
    from scorecard.ingest.worker import run_ingest_paths
    from scorecard.store import Store

    if _missing(args.files):
        return EXIT_USAGE
    result = run_ingest_paths(args.files)
    print(result.report.as_text())
    if result.dataset is None:
        print("Nothing was published: fix the errors above and try again.")
        return EXIT_INVALID
    outcome = Store().publish(result.dataset, uploader=args.by, file_name=result.file_name,
                              sha256=result.sha256, report=result.report)
    print(outcome.message)
    return EXIT_OK


def _versions(_args: argparse.Namespace) -> int:
    from scorecard.store import Store

    versions = Store().versions()
    if not versions:
        print("No versions yet: the app shows the sample company.")
    for v in versions:
        mark = "*" if v.is_current else " "
        rows = sum(v.row_counts.values())
        print(f"{mark} {v.version:>4}  {v.created_at}  {v.uploader:<20} {v.file_name} "
              f"({rows:,} rows)")
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

        if _missing(args.files):
            return EXIT_USAGE
        result = run_ingest_paths(args.files)
        if result.dataset is None:
            print(result.report.as_text(), file=sys.stderr)
            return EXIT_INVALID
        dataset = result.dataset
        meta = DatasetInfo(version=None, created_at=datetime.now(UTC).strftime(
            "%Y-%m-%d %H:%M UTC"), uploader="command line", file_name=result.file_name,
            sha256=result.sha256, row_counts=dataset.row_counts)
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
    if args.out is None:
        if args.format != "json":
            print(f"--out is needed for {args.format}.", file=sys.stderr)
            return EXIT_USAGE
        sys.stdout.write(render(full_report(dataset, period), "json").decode("utf-8") + "\n")
        return EXIT_OK
    write_report(dataset, period, args.format, args.out, meta=meta)
    print(f"Wrote the {args.format} report for {period} to {args.out}.", file=sys.stderr)
    return EXIT_OK


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-03-31") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m scorecard",
                                     description="Social Scorecard from the command line.")
    sub = parser.add_subparsers(dest="command", required=True)

    def command(name: str, run: Callable[[argparse.Namespace], int], text: str
                ) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=text, description=text)
        p.set_defaults(run=run)
        return p

    p = command("validate", _validate, "Check workbook(s) or CSVs and print every problem.")
    p.add_argument("files", nargs="+", help="an xlsx/xlsm/xls/ods workbook or CSV files")
    p.add_argument("--profile", help="a saved mapping profile (JSON) to read exports with")
    p = command("publish", _publish, "Validate, then store as a new current version.")
    p.add_argument("files", nargs="+")
    p.add_argument("--by", default="command line", help="who is publishing")
    command("versions", _versions, "List the stored dataset versions.")
    p = command("template", _template, "Write the blank template workbook.")
    p.add_argument("out", type=Path)
    p = command("sample", _sample, "Write the sample company workbook.")
    p.add_argument("out", type=Path)
    p.add_argument("--seed", type=int, default=7)
    p = command("report", _report,
                "The ROI dictionary over a period as JSON, a PowerPoint deck or an Excel "
                "workbook. Without FILE, the current stored dataset (or the sample company). "
                "Without --from/--to, the dataset's whole date range.")
    p.add_argument("files", nargs="*", help="workbook or CSVs (default: the current dataset)")
    p.add_argument("--from", dest="start", type=_day, help="first day, YYYY-MM-DD")
    p.add_argument("--to", dest="end", type=_day, help="last day, YYYY-MM-DD")
    p.add_argument("--format", choices=("json", "pptx", "xlsx"), default="json")
    p.add_argument("--out", type=Path, help="file to write (JSON goes to stdout without it)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from scorecard.terminal import printable_output

    with printable_output():  # file names, uploaders, cells: never control codes on a terminal
        args = build_parser().parse_args(argv)
        return int(args.run(args))
