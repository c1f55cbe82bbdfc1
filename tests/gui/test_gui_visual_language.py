"""One visual language: the canvas and the HTML export read one style table
(explorer.core.style) and one layout engine (explorer.graph.layout)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
from PySide6.QtGui import QColor

from explorer.core import ENTITY_TYPES, RELATION_TYPES
from explorer.core.style import INVERSE_RELATION_LABELS, RELATION_LABELS, TYPE_STYLES
from explorer.export.html import VIS_SHAPES, render_html
from explorer.gui import style as gui_style
from explorer.gui.graph_items import EdgeItem, NodeItem


def _graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for node, entity_type in enumerate(ENTITY_TYPES, 1):
        g.add_node(node, name=f"实体{node}", type=entity_type, aliases=[], mentions=node, level=None)
    for key, relation in enumerate(RELATION_TYPES, 100):
        g.add_edge(1 + key % 5, 1 + (key + 1) % 5, key=key, relation=relation, role=None, year=None,
                   confidence=0.6, evidence=[{"sentence": "一句。", "article_id": 1, "headline": None, "date": None, "source": None}])
    return g


def _page_data(graph) -> dict:
    page = render_html(graph)
    return json.loads(re.search(r'<script id="graph-data" type="application/json">(.*?)</script>', page, re.S).group(1))


def test_canvas_and_export_draw_each_type_in_the_same_colour_and_shape(qapp):
    data = _page_data(_graph())
    groups = data["options"]["groups"]
    legend = {entry["type"]: entry for entry in data["legend"]}
    for entity_type in ENTITY_TYPES:
        table = TYPE_STYLES[entity_type]
        item = NodeItem(1, "名", entity_type, 3)  # what the canvas paints
        assert item.brush().color() == QColor(table.colour)
        assert item.path() == gui_style.shape_path(entity_type, item.radius)
        assert gui_style.SHAPES[entity_type] == table.shape
        assert groups[entity_type]["color"]["background"] == table.colour  # what the page paints
        assert groups[entity_type]["shape"] == VIS_SHAPES[table.shape]
        assert legend[entity_type]["color"] == table.colour and legend[entity_type]["shape"] == table.shape
    # five types, five different colours and five different shapes
    assert len({s.colour for s in TYPE_STYLES.values()}) == len({s.shape for s in TYPE_STYLES.values()}) == 5


def test_programme_and_honour_are_not_swapped_between_app_and_page(qapp):
    data = _page_data(_graph())
    assert data["options"]["groups"]["PROGRAM"]["color"]["background"] == gui_style.COLOURS["PROGRAM"]
    assert data["options"]["groups"]["HONOR"]["color"]["background"] == gui_style.COLOURS["HONOR"]


def test_relation_names_and_node_sizes_agree(qapp):
    data = _page_data(_graph())
    labels = {edge["label"] for edge in data["edges"]}
    for relation in RELATION_TYPES:
        assert gui_style.relation_label(relation) == RELATION_LABELS[relation]
        assert gui_style.relation_label(relation, inverse=True) == INVERSE_RELATION_LABELS[relation]
        assert RELATION_LABELS[relation] in labels
    sizes = {node["id"]: node["size"] for node in data["nodes"]}
    for node, mentions in ((1, 1), (5, 5)):
        assert abs(NodeItem(node, "名", "ORG", mentions).radius - sizes[node]) < 0.05


def test_export_shows_no_made_up_confidence(qapp):
    data = _page_data(_graph())
    assert all("confidence" not in edge for edge in data["edges"])
    assert all(edge["statements"] == 1 for edge in data["edges"])


def test_the_canvas_lays_out_with_the_engine_the_export_uses():
    from explorer.graph import layout
    from explorer.gui import graph_canvas
    from explorer.services import layout as service_layout

    assert graph_canvas.compute_layout is service_layout.compute_layout
    g = nx.path_graph(6)
    assert service_layout.compute_layout(list(g), list(g.edges()), 0) == layout.compute_layout(list(g), list(g.edges()), 0)
    from explorer import export, gui

    for package in (export, gui):  # the duplicate engines are gone
        assert not Path(package.__file__).with_name("layout.py").exists()


def test_the_largest_nodes_are_labelled_at_first_view_and_edges_are_lighter(qapp):
    g = nx.MultiDiGraph()
    for node in range(200):
        g.add_node(node, name=f"实体{node}", type="ORG", aliases=[], mentions=node, level=None)
    data = _page_data(g)
    landmarks = {node["id"] for node in data["nodes"] if node.get("landmark")}
    assert landmarks == set(range(180, 200))  # the 20 most mentioned (200 // 10)
    co = _page_data_with_layer()
    layer = [edge for edge in co["edges"] if edge.get("comention")]
    facts = [edge for edge in co["edges"] if not edge.get("comention")]
    assert layer and all(edge["hidden"] and edge["dashes"] and not edge["physics"] for edge in layer)
    assert all(edge["color"]["opacity"] < co["options"]["edges"]["color"]["opacity"] for edge in layer)
    assert facts and not any(edge.get("hidden") for edge in facts)
    assert max(edge["width"] for edge in layer) > min(edge["width"] for edge in layer)  # weighted by articles


def _page_data_with_layer() -> dict:
    page = render_html(_graph(), comentions=[(1, 2, 1), (2, 3, 4), (1, 99, 2)])  # 99 is not in the graph
    return json.loads(re.search(r'<script id="graph-data" type="application/json">(.*?)</script>', page, re.S).group(1))
