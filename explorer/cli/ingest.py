"""`explorer ingest PATH...`: store files in the project and say what happened."""

from __future__ import annotations

import json
import re
import sys

from explorer.core import TaskState
from explorer.services import ingest
from explorer.settings import IngestOptions


def _iso_date(text: str) -> str:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise ValueError("use YYYY-MM-DD")
    return text


def register(subparsers) -> None:
    p = subparsers.add_parser("ingest", help="read news pages into the project")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (.txt .pdf .html)")
    p.add_argument("--source", help="name of the paper (default: detected from the text)")
    p.add_argument(
        "--home-city",
        default=None,
        help="the city that 我市/本市/全市 means for this source (default: read from the paper's name, "
        "the dateline or the file name; none when nothing says)",
    )
    p.add_argument("--date", type=_iso_date, help="publication date YYYY-MM-DD")
    p.add_argument(
        "--keep-traditional",
        action="store_true",
        help="do not convert traditional characters to simplified",
    )
    p.add_argument("--max-mb", type=float, default=50, help="refuse files larger than this")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.set_defaults(func=handle)


def _progress_printer(enabled: bool):
    def show(fraction: float, message: str) -> None:
        if enabled and message:
            print(f"[{fraction:4.0%}] {message}", file=sys.stderr, flush=True)

    return show


def handle(args, ctx) -> int:
    options = IngestOptions(
        source=args.source,
        home_city=args.home_city,
        date=args.date,
        max_file_bytes=int(args.max_mb * 1024 * 1024),
        to_simplified=not args.keep_traditional,
    )
    project = ctx.open()
    state = TaskState(_progress_printer(sys.stderr.isatty() and not args.json))
    report = ingest.run(project, args.paths, options, state)
    totals = report.totals()
    if args.json:
        payload = {"files": [vars(f) for f in report.files], "total": totals}
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        for f in report.files:
            if f.status == "failed":
                print(f"FAILED     {f.path}: {f.error}")
            elif f.status == "unchanged":
                print(f"unchanged  {f.path}")
            else:
                print(
                    f"{f.status:<10} {f.path}: {f.articles} articles, {f.mentions} mentions, "
                    f"{f.entities} new entities, {f.relations} relations"
                )
        print(
            f"total: {totals['stored']} stored, {totals['unchanged']} unchanged, "
            f"{totals['failed']} failed; {totals['articles']} articles, "
            f"{totals['entities_new']} new entities, {totals['relations']} relations"
            + (" (cancelled)" if report.cancelled else "")
        )
        print(f"project: {ctx.project_path}")
    if report.cancelled:
        return 130
    return 1 if report.failed else 0
