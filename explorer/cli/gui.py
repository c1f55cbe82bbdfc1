"""`explorer gui`: open the desktop window (the same as `explorer-gui`)."""

from __future__ import annotations

import os

from explorer.settings import PROJECT_ENV


def register(subparsers) -> None:
    p = subparsers.add_parser("gui", help="open the desktop explorer")
    p.add_argument("--query", help="search for this text after start")
    p.add_argument("--screenshot", metavar="PNG", help="render the window to PNG and exit")
    p.add_argument("--sample", action="store_true", help="open the sample project (fictional pages, kept apart from yours)")
    p.set_defaults(func=handle)


def handle(args, ctx) -> int:
    from explorer import app

    # --project (or $EXPLORER_PROJECT) when given; else the window picks as
    # explorer-gui does (the last project, or the sample on the first start)
    given = getattr(args, "project", None) or os.environ.get(PROJECT_ENV)
    argv = ["--project", str(ctx.project_path)] if given and not args.sample else []
    if args.query:
        argv += ["--query", args.query]
    if args.screenshot:
        argv += ["--screenshot", args.screenshot]
    if args.sample:
        argv.append("--sample")
    return app.main(argv)
