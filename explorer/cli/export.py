"""`explorer export --format FMT -o PATH`: write the graph for a browser or another tool."""

from __future__ import annotations

from pathlib import Path

from explorer.cli import args as checked
from explorer.core import ENTITY_TYPES
from explorer.services import export as export_service


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "export",
        help="write the graph as HTML, GraphML, GEXF, JSON or CSV",
        description=(
            "Write the whole graph, or the neighbourhood of one entity, to a file. "
            "csv writes two files: -o x.csv gives x.nodes.csv and x.edges.csv, "
            "-o DIR gives DIR/nodes.csv and DIR/edges.csv."
        ),
    )
    p.add_argument("--format", "-f", required=True, choices=export_service.FORMATS, help="file format")
    p.add_argument("-o", "--output", required=True, metavar="PATH", help="file (csv: file.csv or directory)")
    p.add_argument("--center", metavar="NAME", help="export only the entity NAME and its neighbours")
    p.add_argument("--hops", type=checked.non_negative, default=1, metavar="N", help="with --center: how many steps out (default 1)")
    p.add_argument(
        "--types",
        nargs="+",
        metavar="TYPE",
        help=f"keep only these entity types ({' '.join(ENTITY_TYPES)}; commas also work)",
    )
    p.set_defaults(func=handle)


def handle(args, ctx) -> int:
    project = ctx.open(create=False)
    written = export_service.export(
        project,
        args.format,
        Path(args.output),
        center=args.center,
        hops=args.hops,
        types=args.types,
    )
    for path in written:
        print(path)
    return 0
