"""`explorer ingest PATH...`: store files in the project and say what happened."""

from __future__ import annotations

import sys

from explorer.cli import args as checked
from explorer.cli import ingest_summary as summary
from explorer.core import TaskState, eta
from explorer.core.eta import TimeLeft
from explorer.errors import ExplorerError
from explorer.services import ingest
from explorer.settings import IngestOptions


def register(subparsers) -> None:
    p = subparsers.add_parser("ingest", help="read news pages into the project")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (.txt .pdf .html, scans .png .jpg .tif)")
    p.add_argument("--source", help="name of the paper (default: detected from the text)")
    p.add_argument(
        "--home-city",
        default=None,
        help="the city that 我市/本市/全市 means for this source (default: read from the paper's name, "
        "the dateline or the file name; none when nothing says)",
    )
    p.add_argument("--date", type=checked.iso_date, help="publication date YYYY-MM-DD")
    p.add_argument(
        "--keep-traditional",
        action="store_true",
        help="do not convert traditional characters to simplified",
    )
    p.add_argument("--max-mb", type=checked.megabytes, default=50, help="refuse files larger than this")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.add_argument(
        "--workers", type=checked.positive, metavar="N",
        help="analyse in N worker processes (default: the number of cores; 1 = in this process)",
    )
    p.add_argument(
        "--scheduler", metavar="ADDRESS",
        help="analyse on the Dask cluster whose scheduler is at ADDRESS (tcp://HOST:8786); "
        "this process still writes the project (docs/scale.md)",
    )
    p.set_defaults(func=handle)


def _progress_printer(enabled: bool):
    time_left = TimeLeft()  # scans take minutes: say how long (core/eta.py)

    def show(fraction: float, message: str) -> None:
        if enabled and message:
            left = time_left.seconds(fraction)
            tail = f" (about {eta.short(left)} left)" if left is not None and fraction < 1.0 else ""
            print(f"[{fraction:4.0%}] {message}{tail}", file=sys.stderr, flush=True)

    return show


def handle(args, ctx) -> int:
    options = IngestOptions(
        source=args.source,
        home_city=args.home_city,
        date=args.date,
        max_file_bytes=int(args.max_mb * 1024 * 1024),
        to_simplified=not args.keep_traditional,
    )
    project = ctx.open(create=True, writable=True)  # a read-only project fails here, before the NLP
    outcomes: list = []
    state = TaskState(_progress_printer(sys.stderr.isatty() and not args.json), outcomes.append)
    with summary.interrupts(state):
        try:
            report = ingest.run(project, args.paths, options, state, workers=args.workers or ingest.default_workers(),
                                scheduler=args.scheduler)
        except (KeyboardInterrupt, ExplorerError):  # a second Ctrl-C, a full disk: say what is kept
            summary.print_stored_so_far(outcomes)
            raise
    summary.print_report(report, args.json, ctx.project_path)
    if report.cancelled:
        return 130
    return 1 if report.failed else 0
