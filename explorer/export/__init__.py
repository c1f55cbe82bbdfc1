"""Export a graph for people without explorer and for other tools.

`export_graph(graph, fmt, path)` writes one format and returns the files it
wrote. Where `path` points (docs/export.md):

- html, graphml, gexf, json: `path` is the file; if it is an existing
  directory, `graph.<ext>` is written inside it. Its folder must exist.
- csv: two files. `path` ending in `.csv` (say `out/people.csv`) writes
  `out/people.nodes.csv` and `out/people.edges.csv`; any other `path` is a
  directory (created if missing, inside an existing folder) that receives
  `nodes.csv` and `edges.csv`.
- A SQLite file (the project, any database) is never overwritten.

The input is a networkx.MultiDiGraph with the attribute contract of
explorer.store's graph helper (see docs/export.md).
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from explorer.errors import ExportError
from explorer.export import html, tabular

_WRITERS = {
    "html": lambda graph, path, title: html.write_html(graph, path, title=title),
    "graphml": lambda graph, path, title: tabular.write_graphml(graph, path),
    "gexf": lambda graph, path, title: tabular.write_gexf(graph, path),
    "json": lambda graph, path, title: tabular.write_json(graph, path),
    "csv": lambda graph, path, title: tabular.write_csv(graph, path),
}
FORMATS: tuple[str, ...] = tuple(_WRITERS)


def export_graph(
    graph: nx.MultiDiGraph, fmt: str, path: Path, *, title: str = "explorer", comentions=None,
) -> list[Path]:
    """Write `graph` as `fmt` at `path`; returns the files written. `comentions`
    ((a, b, articles) triples) become the HTML page's optional co-mention layer."""
    fmt = (fmt or "").lower()
    if fmt not in _WRITERS:
        raise ExportError(
            f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})",
            format=fmt,
            reason="unknown format",
        )
    if not isinstance(graph, nx.MultiDiGraph):
        raise ExportError("export needs a networkx.MultiDiGraph", reason="wrong graph type")
    if fmt == "html":
        return html.write_html(graph, Path(path), title=title or "explorer", comentions=comentions)
    return _WRITERS[fmt](graph, Path(path), title or "explorer")


__all__ = ["FORMATS", "export_graph"]
