"""`explorer extract PATH... --format json`: entities and relations as JSON,
without opening or changing any project database."""

from __future__ import annotations

import json
import sys

from explorer.cli import args as checked
from explorer.core.paths import display_path, storable_path
from explorer.services import extract
from explorer.settings import IngestOptions


def register(subparsers) -> None:
    p = subparsers.add_parser("extract", help="print the entities and relations found in files (no project needed)")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (.txt .pdf .html, scans .png .jpg .tif)")
    p.add_argument(
        "--home-city",
        default=None,
        help="the city that 我市/本市/全市 means (default: read from the paper's name, the dateline or the file name)",
    )
    p.add_argument("--format", choices=["json"], default="json", help="output format (json)")
    p.add_argument(
        "--simplify",
        action="store_true",
        help="convert traditional characters in the text first (names are simplified canonically either way)",
    )
    p.add_argument("--processes", type=checked.positive, default=1, help="worker processes for the NLP pipeline")
    p.set_defaults(func=handle)


def handle(args, ctx) -> int:
    # Surfaces stay as written (a traditional page reports 東昌府區) while
    # canonical names are simplified by the pipeline: both forms are kept.
    options = IngestOptions(home_city=args.home_city, to_simplified=args.simplify)
    payload = extract.run(args.paths, options, n_process=max(1, args.processes))
    for failure in payload["failed"]:  # the others were extracted: say which were not, and why
        print(f"FAILED     {display_path(failure['path'])}: {failure['error']}", file=sys.stderr)
        failure["path"] = storable_path(failure["path"])
    for document in payload["documents"]:
        document["path"] = storable_path(document["path"])
    print(json.dumps(payload, ensure_ascii=False, indent=2))
    return 1 if payload["failed"] else 0
