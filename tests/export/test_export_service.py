"""services.export and `explorer export`, with the query service replaced by a fake."""

from __future__ import annotations

import argparse
import json
import sys
import types

import networkx as nx
import pytest

from explorer.errors import ExportError, NotFoundError
from export_graphs import small_graph


@pytest.fixture
def fake_query(monkeypatch):
    calls = []
    module = types.ModuleType("explorer.services.query")

    def whole_graph(project):
        calls.append(("whole", project))
        return small_graph()

    def find_entity(project, name):
        calls.append(("find", name))
        if name != "张伟":
            raise NotFoundError(name)
        return types.SimpleNamespace(id=1, name=name)

    def neighbourhood(project, entity_id, hops, types=None):
        calls.append(("hood", entity_id, hops, types))
        graph = small_graph()
        return graph.subgraph([1, 2, 4]).copy()

    def comentions(project, entity_ids):
        calls.append(("comentions", sorted(entity_ids)))
        return [(1, 2, 3)]

    module.whole_graph, module.find_entity, module.neighbourhood = whole_graph, find_entity, neighbourhood
    module.comentions = comentions
    monkeypatch.setitem(sys.modules, "explorer.services.query", module)
    import explorer.services

    monkeypatch.setattr(explorer.services, "query", module, raising=False)
    return calls


def test_whole_graph_export(fake_query, tmp_path):
    from explorer.services import export

    [path] = export.export("P", "json", tmp_path / "all.json")
    data = json.loads(path.read_text("utf-8"))
    assert len(data["nodes"]) == 5
    assert fake_query == [("whole", "P")]  # no co-mention layer outside HTML


def test_whole_graph_filtered_by_type(fake_query, tmp_path):
    from explorer.services import export

    [path] = export.export("P", "json", tmp_path / "places.json", types=["place", "HONOR"])
    read = nx.node_link_graph(json.loads(path.read_text("utf-8")), edges="edges")
    assert {d["type"] for _, d in read.nodes(data=True)} == {"PLACE", "HONOR"}
    assert read.number_of_edges() == 1  # 郑家镇 located_in 东昌府区


def test_neighbourhood_export_is_centred(fake_query, tmp_path):
    from explorer.services import export

    [path] = export.export("P", "html", tmp_path / "z.html", center="张伟", hops=2, types=["PERSON,PLACE"])
    assert ("hood", 1, 2, ["PERSON", "PLACE"]) in fake_query
    page = path.read_text("utf-8")
    assert '"center":1' in page
    assert "<title>explorer · 张伟（2 度关系）</title>" in page
    # the page carries the co-mention layer of the exported entities, off at first
    assert ("comentions", [1, 2, 4]) in fake_query
    assert '"comention":true,"articles":3,"hidden":true' in page and 'id="comentions"' in page


def test_bad_type_and_unknown_name_are_typed_errors(fake_query, tmp_path):
    from explorer.services import export

    with pytest.raises(ExportError, match="unknown entity type"):
        export.export("P", "json", tmp_path / "x.json", types=["CITY"])
    with pytest.raises(NotFoundError):
        export.export("P", "json", tmp_path / "x.json", center="无此人")
    assert not any(tmp_path.iterdir())


def test_cli_export_prints_written_files(fake_query, tmp_path, capsys):
    from explorer.cli import export as export_cli

    parser = argparse.ArgumentParser(prog="explorer")
    export_cli.register(parser.add_subparsers())
    args = parser.parse_args(["export", "--format", "csv", "--types", "PERSON", "PLACE", "-o", str(tmp_path / "t")])

    class Ctx:
        def open(self, create=True):
            assert create is False  # exporting never creates a project
            return "P"

    assert args.func(args, Ctx()) == 0
    printed = capsys.readouterr().out.split()
    assert printed == [str(tmp_path / "t" / "nodes.csv"), str(tmp_path / "t" / "edges.csv")]


def test_every_format_has_a_save_dialog_filter():
    from explorer.services import export

    assert set(export.FILE_FILTERS) == set(export.FORMATS)
    for fmt, name_filter in export.FILE_FILTERS.items():
        assert f"(*.{fmt})" in name_filter
