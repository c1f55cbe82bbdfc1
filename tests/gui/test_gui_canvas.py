"""The graph canvas and its layout functions."""

from __future__ import annotations

import time

import networkx as nx
from gui_fakes import FakeBackend, build_graph
from PySide6.QtCore import Qt

from explorer.gui.graph_canvas import GraphCanvas
from explorer.graph.layout import compute_layout, radial_layout


def test_radial_layout_puts_center_in_middle_and_rings_by_hops():
    g = nx.path_graph(4)
    pos = radial_layout(list(g), list(g.edges()), center=0)
    assert pos[0] == (0.0, 0.0)
    radii = [(x * x + y * y) ** 0.5 for x, y in (pos[1], pos[2], pos[3])]
    assert radii[0] < radii[1] < radii[2]


def test_compute_layout_keeps_pinned_nodes_and_handles_disconnected():
    g = nx.Graph([(1, 2), (2, 3)])
    g.add_node(9)
    previous = {1: (0.0, 0.0), 2: (100.0, 0.0), 3: (200.0, 50.0)}
    pos = compute_layout(list(g), list(g.edges()), center=1, previous=previous, pinned=(1, 2, 3))
    assert set(pos) == {1, 2, 3, 9}
    for node in (1, 2, 3):
        assert abs(pos[node][0] - previous[node][0]) < 1e-6 and abs(pos[node][1] - previous[node][1]) < 1e-6


def test_large_layout_is_fast():
    g = nx.random_labeled_tree(2000, seed=3)
    started = time.perf_counter()
    pos = compute_layout(list(g), list(g.edges()), center=0)
    assert len(pos) == 2000
    assert time.perf_counter() - started < 1.0


def _canvas(qtbot) -> GraphCanvas:
    canvas = GraphCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(800, 600)
    canvas.show()
    qtbot.waitExposed(canvas)
    return canvas


def test_canvas_shows_graph_and_lays_it_out(qtbot):
    canvas = _canvas(qtbot)
    graph = FakeBackend().neighbourhood(1, hops=1)
    with qtbot.waitSignal(canvas.layoutFinished, timeout=15000):
        canvas.set_graph(graph, 1)
    assert set(canvas.nodes) == set(graph.nodes)
    assert len(canvas.edges) == graph.number_of_edges()
    assert canvas.nodes[1].is_center and canvas.nodes[1].pos().manhattanLength() < 1e-6
    spread = {(round(n.pos().x()), round(n.pos().y())) for n in canvas.nodes.values()}
    assert len(spread) == len(canvas.nodes)  # nobody is left on top of another
    assert "4 个节点" in canvas.count_label.text()


def test_canvas_hide_type_and_expand_in_place(qtbot):
    canvas = _canvas(qtbot)
    backend = FakeBackend()
    with qtbot.waitSignal(canvas.layoutFinished, timeout=15000):
        canvas.set_graph(backend.neighbourhood(1, hops=1), 1)
    canvas.set_type_visible("HONOR", False)
    assert not canvas.nodes[3].isVisible()
    assert not canvas.edges[12].isVisible()
    assert 3 not in canvas.visible_nodes()
    assert not canvas.type_buttons["HONOR"].isChecked()
    canvas.type_buttons["HONOR"].setChecked(True)
    assert canvas.nodes[3].isVisible()
    before = canvas.nodes[2].pos()
    with qtbot.waitSignal(canvas.layoutFinished, timeout=15000):
        canvas.merge_graph(backend.neighbourhood(3, hops=1), 3)
    assert 4 in canvas.nodes  # the other company with the same honor appeared
    assert canvas.nodes[2].pos() == before  # existing nodes stay put


def test_canvas_double_click_and_context_requests(qtbot):
    canvas = _canvas(qtbot)
    with qtbot.waitSignal(canvas.layoutFinished, timeout=15000):
        canvas.set_graph(FakeBackend().neighbourhood(1, hops=1), 1)
    node = canvas.nodes[3]
    point = canvas.view.mapFromScene(node.scenePos())
    with qtbot.waitSignal(canvas.nodeActivated, timeout=2000) as activated:
        qtbot.mouseDClick(canvas.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert activated.args == [3]
    with qtbot.waitSignal(canvas.nodeSelected, timeout=2000) as selected:
        canvas.select(2)
    assert selected.args == [2]


def test_canvas_zoom_and_fit(qtbot):
    canvas = _canvas(qtbot)
    with qtbot.waitSignal(canvas.layoutFinished, timeout=15000):
        canvas.set_graph(build_graph(), 1)
    scale = canvas.view.transform().m11()
    canvas.view.zoom(1.25)
    assert canvas.view.transform().m11() > scale
    canvas.fit()
    visible = canvas.view.mapToScene(canvas.view.viewport().rect()).boundingRect()
    for node in canvas.nodes.values():
        assert visible.contains(node.scenePos())


def test_canvas_with_2000_nodes_stays_responsive(qtbot):
    canvas = _canvas(qtbot)
    tree = nx.random_labeled_tree(2000, seed=5)
    graph = nx.MultiDiGraph()
    for node in tree:
        graph.add_node(node, name=f"实体{node}", type=("ORG", "PLACE", "PERSON", "HONOR", "PROGRAM")[node % 5], mentions=node % 7)
    for key, (a, b) in enumerate(tree.edges()):
        graph.add_edge(a, b, key=key, relation="located_in", evidence=[])
    started = time.perf_counter()
    with qtbot.waitSignal(canvas.layoutFinished, timeout=15000):
        canvas.set_graph(graph, 0)
    assert time.perf_counter() - started < 8
    started = time.perf_counter()
    canvas.view.viewport().repaint()
    canvas.view.zoom(2.0)
    canvas.view.viewport().repaint()
    assert time.perf_counter() - started < 1.5  # a full repaint of 2,000 nodes
