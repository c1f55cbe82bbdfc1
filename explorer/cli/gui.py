"""`explorer gui`: open the desktop window (the same as `explorer-gui`)."""

from __future__ import annotations


def register(subparsers) -> None:
    p = subparsers.add_parser("gui", help="open the desktop explorer")
    p.add_argument("--query", help="search for this text after start")
    p.add_argument("--screenshot", metavar="PNG", help="render the window to PNG and exit")
    p.add_argument("--sample", action="store_true", help="load the bundled sample into an empty project")
    p.set_defaults(func=handle)


def handle(args, ctx) -> int:
    from explorer import app

    argv = ["--project", str(ctx.project_path)]
    if args.query:
        argv += ["--query", args.query]
    if args.screenshot:
        argv += ["--screenshot", args.screenshot]
    if args.sample:
        argv.append("--sample")
    return app.main(argv)
