"""Export the whole graph or an entity's neighbourhood, for the CLI and the GUI.

The graph comes from `services.query` (built by the store's graph helper);
`explorer.export` only writes it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import networkx as nx

from explorer.core import ENTITY_TYPES
from explorer.errors import ExportError
from explorer.export import FORMATS, export_graph

__all__ = ["FILE_FILTERS", "FORMATS", "comention_layer", "export", "export_view", "normalise_types"]

COMENTION_MAX_NODES = 3000  # above this the layer would be a hairball (and slow to read)

# For save dialogs: format -> Qt name filter. csv is chosen as a file name
# ending in .csv, which writes NAME.nodes.csv and NAME.edges.csv beside it.
FILE_FILTERS = {
    "html": "网页 HTML (*.html)",
    "graphml": "GraphML (*.graphml)",
    "gexf": "Gephi GEXF (*.gexf)",
    "json": "JSON node-link (*.json)",
    "csv": "CSV 表格 (*.csv)",
}


def export(
    project,
    fmt: str,
    path: Path,
    center: str | None = None,
    hops: int = 1,
    types: Iterable[str] | None = None,
) -> list[Path]:
    """Write the project's graph (or `hops` around the entity named `center`) as `fmt`."""
    from explorer.services import query

    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")
    type_filter = normalise_types(types)
    if center:
        if hops < 0:
            raise ExportError(f"hops must be 0 or more, not {hops}")
        entity_id = _entity_id(_center(project, center))
        graph = query.neighbourhood(project, entity_id, hops, type_filter)
        graph.graph["center"] = entity_id
        name = graph.nodes[entity_id].get("name", center) if entity_id in graph else center
        title = f"explorer · {name}（{hops} 度关系）"
    else:
        graph = query.whole_graph(project)
        if type_filter:
            graph = _keep_types(graph, type_filter)
        title = "explorer · 全部关系"
    return export_graph(graph, fmt, Path(path), title=title, comentions=comention_layer(project, graph, fmt))


def export_view(
    graph: nx.MultiDiGraph, fmt: str, path: Path, title: str = "explorer", project=None,
) -> list[Path]:
    """Export a graph the caller already holds (the GUI's current view); with
    the project, the HTML page gets the co-mention layer of these entities."""
    layer = comention_layer(project, graph, fmt) if project is not None else None
    return export_graph(graph, fmt, Path(path), title=title, comentions=layer)


def comention_layer(project, graph: nx.MultiDiGraph, fmt: str) -> list[tuple[int, int, int]] | None:
    """Co-mention pairs for an HTML page (its optional layer); None for other
    formats and for graphs too large for a readable layer."""
    if fmt != "html" or graph.number_of_nodes() > COMENTION_MAX_NODES or graph.number_of_nodes() < 2:
        return None
    from explorer.services import query

    return query.comentions(project, list(graph.nodes))


def normalise_types(types: Iterable[str] | None) -> list[str] | None:
    """Upper-case entity types, checked against the known ones; None means all."""
    if not types:
        return None
    chosen = []
    for item in types:
        for part in str(item).split(","):
            part = part.strip().upper()
            if not part:
                continue
            if part not in ENTITY_TYPES:
                raise ExportError(
                    f"unknown entity type {part!r} (choose from {', '.join(ENTITY_TYPES)})"
                )
            if part not in chosen:
                chosen.append(part)
    return chosen or None


def _center(project, center: str):
    """The entity named `center`, or `#id` as every other command takes it."""
    from explorer.services import query

    text = center.strip()
    if text.startswith("#") and text[1:].isdigit():
        return query.entity(project, int(text[1:]))
    return query.find_entity(project, text)


def _entity_id(found) -> int:
    """find_entity may answer an id, a hit or a detail record."""
    return found if isinstance(found, int) else found.id


def _keep_types(graph: nx.MultiDiGraph, types: list[str]) -> nx.MultiDiGraph:
    keep = [node for node, entity_type in graph.nodes(data="type") if entity_type in types]
    return graph.subgraph(keep).copy()
