"""GraphML, GEXF, node-link JSON and CSV: the graph handed to other tools.

GraphML, GEXF and CSV cells hold scalars only, so lists and dicts (aliases,
evidence) are written as JSON strings and None values are left out (an
absent attribute is how those formats say "unknown"). JSON keeps the native
types. Everything is UTF-8; CSV starts with a byte-order mark so that Excel
recognises UTF-8 and shows the Chinese text, and text cells that a
spreadsheet would run as a formula (=, +, -, @) get a leading apostrophe.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import networkx as nx

from explorer.errors import ExportError
from explorer.export.files import check_target, csv_targets, single_file_target, write_atomically

NODE_COLUMNS = ("id", "name", "type", "aliases", "mentions", "level")
EDGE_COLUMNS = (
    "id", "source", "target", "source_name", "target_name",
    "relation", "role", "year", "confidence", "evidence",
)


def scalar(value):
    """A value GraphML/GEXF/CSV can hold; lists and dicts become JSON text."""
    if isinstance(value, (list, tuple, dict, set)):
        if isinstance(value, set):
            value = sorted(value, key=str)
        return json.dumps(value, ensure_ascii=False)
    return value


# Characters XML 1.0 cannot hold at all (escaping does not help): C0 controls
# but tab/LF/CR, lone surrogates, U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value):
    """`value` with characters XML cannot hold replaced by U+FFFD (an older
    project or a name typed before renames refused them may still hold some)."""
    return _NOT_XML.sub("\ufffd", value) if isinstance(value, str) else value


def flat_graph(graph: nx.MultiDiGraph, *, labels: bool) -> nx.MultiDiGraph:
    """A copy whose attributes are all scalars and valid XML text. `labels`
    adds Gephi's label columns."""
    flat = nx.MultiDiGraph()
    flat.graph.update({k: xml_text(scalar(v)) for k, v in graph.graph.items() if v is not None})
    for node, data in graph.nodes(data=True):
        attrs = {k: xml_text(scalar(v)) for k, v in data.items() if v is not None}
        if labels:
            attrs["label"] = xml_text(str(data.get("name", node)))
        flat.add_node(xml_text(node), **attrs)
    for u, v, key, data in graph.edges(keys=True, data=True):
        attrs = {k: xml_text(scalar(val)) for k, val in data.items() if val is not None}
        if labels:
            attrs["label"] = xml_text(str(data.get("role") or data.get("relation", "")))
        flat.add_edge(xml_text(u), xml_text(v), key=xml_text(key), **attrs)
    return flat


def write_graphml(graph: nx.MultiDiGraph, path: Path) -> list[Path]:
    flat = flat_graph(graph, labels=True)
    target = single_file_target(path, "graphml")
    # default key ids (d0, d1, ...): named ids would give nodes and edges the same "label" id
    return [write_atomically(target, lambda fh: nx.write_graphml(flat, fh), binary=True)]


def write_gexf(graph: nx.MultiDiGraph, path: Path) -> list[Path]:
    flat = flat_graph(graph, labels=True)
    for _, _, key, data in flat.edges(keys=True, data=True):
        data["id"] = key  # GEXF edge id carries the relation id
    target = single_file_target(path, "gexf")
    return [write_atomically(target, lambda fh: nx.write_gexf(flat, fh), binary=True)]


def write_json(graph: nx.MultiDiGraph, path: Path) -> list[Path]:
    data = nx.node_link_data(graph, edges="edges")
    target = single_file_target(path, "json")

    def write(handle):
        json.dump(data, handle, ensure_ascii=False, default=_json_default)
        handle.write("\n")

    return [write_atomically(target, write)]


def _json_default(value):
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def write_csv(graph: nx.MultiDiGraph, path: Path) -> list[Path]:
    nodes_path, edges_path = csv_targets(path)
    folder = nodes_path.parent
    if not folder.exists() and folder.parent.is_dir() and Path(path).suffix.lower() != ".csv":
        try:
            folder.mkdir()  # -o DIR names the CSV folder itself: made inside an existing folder only
        except OSError as exc:
            raise ExportError(f"{folder}: {exc.strerror or exc}", path=str(folder), reason="cannot make the folder") from exc
    for target in (nodes_path, edges_path):  # both checked before either is written
        check_target(target)
    node_extra = _extra_keys((d for _, d in graph.nodes(data=True)), NODE_COLUMNS)
    edge_extra = _extra_keys((d for _, _, d in graph.edges(data=True)), EDGE_COLUMNS)
    names = graph.nodes(data="name")

    def write_nodes(handle):
        handle.write("\ufeff")
        writer = csv.writer(handle)
        writer.writerow(NODE_COLUMNS + node_extra)
        for node, data in graph.nodes(data=True):
            row = [node] + [data.get(col) for col in NODE_COLUMNS[1:] + node_extra]
            writer.writerow([_cell(value) for value in row])

    def write_edges(handle):
        handle.write("\ufeff")
        writer = csv.writer(handle)
        writer.writerow(EDGE_COLUMNS + edge_extra)
        for u, v, key, data in graph.edges(keys=True, data=True):
            row = [key, u, v, names[u], names[v]]
            row += [data.get(col) for col in EDGE_COLUMNS[5:] + edge_extra]
            writer.writerow([_cell(value) for value in row])

    return [
        write_atomically(nodes_path, write_nodes, newline=""),
        write_atomically(edges_path, write_edges, newline=""),
    ]


def _extra_keys(records, known: tuple[str, ...]) -> tuple[str, ...]:
    """Attributes outside the contract still get a column, in first-seen order."""
    extra: dict[str, None] = {}
    for data in records:
        for key in data:
            if key not in known and key not in extra:
                extra[key] = None
    return tuple(extra)


# A spreadsheet runs a cell that starts with one of these as a formula
# (CSV injection); article text must never do that.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return str(scalar(value))
