"""GraphML, GEXF, JSON and CSV: every attribute survives networkx's own readers."""

from __future__ import annotations

import csv
import json
import re

import networkx as nx
import pytest

from explorer.errors import ExportError
from explorer.export import FORMATS, export_graph
from export_graphs import EVIL, small_graph

NODE_ATTRS = ("name", "type", "aliases", "mentions", "level")
EDGE_ATTRS = ("relation", "role", "year", "confidence", "evidence")


def _decoded(value):
    """GraphML/GEXF hold lists and dicts as JSON text."""
    if isinstance(value, str) and value[:1] in "[{":
        return json.loads(value)
    return value


def assert_same_graph(original: nx.MultiDiGraph, read: nx.MultiDiGraph) -> None:
    assert set(read.nodes) == set(original.nodes)
    for node, data in original.nodes(data=True):
        got = {k: _decoded(v) for k, v in read.nodes[node].items()}
        for attr in NODE_ATTRS:
            assert got.get(attr) == data[attr], (node, attr)
    original_edges = {(u, v, k): d for u, v, k, d in original.edges(keys=True, data=True)}
    read_edges = {(u, v, int(k)): d for u, v, k, d in read.edges(keys=True, data=True)}
    assert set(read_edges) == set(original_edges)
    for edge, data in original_edges.items():
        got = {k: _decoded(v) for k, v in read_edges[edge].items()}
        for attr in EDGE_ATTRS:
            assert got.get(attr) == data[attr], (edge, attr)


def test_formats_are_the_documented_five():
    assert set(FORMATS) == {"html", "graphml", "gexf", "json", "csv"}


def test_graphml_round_trip(tmp_path):
    graph = small_graph()
    [path] = export_graph(graph, "graphml", tmp_path / "g.graphml")
    read = nx.read_graphml(path, node_type=int, edge_key_type=int, force_multigraph=True)
    assert read.is_directed() and read.is_multigraph()
    assert_same_graph(graph, read)
    assert read.nodes[1]["label"] == "张伟"  # Gephi shows the label column
    key_ids = re.findall(r'<key id="([^"]+)"', path.read_text(encoding="utf-8"))
    assert len(key_ids) == len(set(key_ids))  # node and edge "label" keys stay apart


def test_gexf_round_trip(tmp_path):
    graph = small_graph()
    [path] = export_graph(graph, "gexf", tmp_path / "g.gexf")
    read = nx.read_gexf(path, node_type=int)
    assert_same_graph(graph, read)
    assert read.nodes[3]["label"] == "东昌府区"


def test_json_node_link_round_trip_keeps_native_types(tmp_path):
    graph = small_graph()
    [path] = export_graph(graph, "json", tmp_path / "g.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    read = nx.node_link_graph(data, edges="edges")
    assert isinstance(read, nx.MultiDiGraph)
    assert_same_graph(graph, read)
    assert "张伟" in path.read_text(encoding="utf-8")  # UTF-8, not \u escapes


def test_csv_round_trip(tmp_path):
    graph = small_graph()
    nodes_path, edges_path = export_graph(graph, "csv", tmp_path / "out")
    assert (nodes_path.name, edges_path.name) == ("nodes.csv", "edges.csv")
    assert nodes_path.read_bytes().startswith("\ufeff".encode())  # Excel detects UTF-8
    read = nx.MultiDiGraph()
    with nodes_path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            read.add_node(int(row["id"]), name=row["name"], type=row["type"],
                          aliases=json.loads(row["aliases"]), mentions=int(row["mentions"]),
                          level=row["level"] or None)
    with edges_path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            assert row["source_name"] == read.nodes[int(row["source"])]["name"]
            read.add_edge(int(row["source"]), int(row["target"]), key=int(row["id"]),
                          relation=row["relation"], role=row["role"] or None,
                          year=int(row["year"]) if row["year"] else None,
                          confidence=float(row["confidence"]), evidence=json.loads(row["evidence"]))
    assert_same_graph(graph, read)


def test_csv_file_name_gives_two_files_beside_it(tmp_path):
    written = export_graph(small_graph(), "csv", tmp_path / "people.csv")
    assert [p.name for p in written] == ["people.nodes.csv", "people.edges.csv"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["people.edges.csv", "people.nodes.csv"]


def test_csv_cells_never_start_a_spreadsheet_formula(tmp_path):
    graph = small_graph()
    graph.nodes[1]["name"] = "=HYPERLINK(\"http://evil\")"
    nodes_path, _ = export_graph(graph, "csv", tmp_path)
    rows = list(csv.DictReader(nodes_path.open(encoding="utf-8-sig", newline="")))
    assert rows[0]["name"] == "'=HYPERLINK(\"http://evil\")"


def test_hostile_text_round_trips_unchanged_in_data_formats(tmp_path):
    graph = small_graph()
    graph.nodes[1]["name"] = EVIL
    graph.nodes[1]["aliases"] = ["</script>", "a\"b'c", "换行\n第二行"]
    for fmt in ("graphml", "gexf", "json"):
        [path] = export_graph(graph, fmt, tmp_path / f"g.{fmt}")
        if fmt == "graphml":
            read = nx.read_graphml(path, node_type=int, force_multigraph=True)
        elif fmt == "gexf":
            read = nx.read_gexf(path, node_type=int)
        else:
            read = nx.node_link_graph(json.loads(path.read_text("utf-8")), edges="edges")
        assert read.nodes[1]["name"] == EVIL, fmt
        assert _decoded(read.nodes[1]["aliases"]) == ["</script>", "a\"b'c", "换行\n第二行"], fmt


def test_empty_graph_exports_in_every_format(tmp_path):
    for fmt in FORMATS:
        (tmp_path / fmt).mkdir()
        written = export_graph(nx.MultiDiGraph(), fmt, tmp_path / fmt / f"empty.{fmt}")
        assert all(p.is_file() for p in written)


def test_unknown_format_is_a_typed_error(tmp_path):
    with pytest.raises(ExportError, match="unknown export format"):
        export_graph(small_graph(), "pdf", tmp_path / "x.pdf")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("fmt", ["html", "graphml", "gexf", "json"])
def test_existing_directory_receives_graph_file(tmp_path, fmt):
    [path] = export_graph(small_graph(), fmt, tmp_path)
    assert path == tmp_path / f"graph.{fmt}"


@pytest.mark.parametrize("fmt", FORMATS)
def test_writes_only_at_the_chosen_path(tmp_path, fmt):
    """Dots, quotes and ../ in names are taken literally; nothing else is touched."""
    outside = tmp_path / "outside"
    (outside / "sub").mkdir(parents=True)
    chosen = outside / "sub" / ".." / "它's \"quoted\" ..name"
    graph = small_graph()
    graph.nodes[1]["name"] = "../../escape"  # content never becomes a file name
    written = export_graph(graph, fmt, chosen.with_name(chosen.name + (".csv" if fmt == "csv" else f".{fmt}")))
    for path in written:
        assert path.resolve().parent == outside.resolve()
    found = sorted(p.name for p in outside.rglob("*") if p.is_file())
    assert [p.name for p in outside.iterdir() if p.is_dir()] == ["sub"]
    assert found == sorted(p.name for p in written)  # no temporary files left behind
    assert not (tmp_path / "escape").exists()


def test_unwritable_target_is_an_export_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ExportError) as info:
        export_graph(small_graph(), "json", blocker / "inside.json")
    assert str(blocker) in str(info.value)


def test_failed_export_keeps_the_previous_file(tmp_path, monkeypatch):
    target = tmp_path / "g.json"
    target.write_text("previous", encoding="utf-8")

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(json, "dump", broken)
    with pytest.raises(ExportError, match="No space left"):
        export_graph(small_graph(), "json", target)
    assert target.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["g.json"]
