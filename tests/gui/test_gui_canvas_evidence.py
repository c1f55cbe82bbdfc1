"""The canvas is drawn without evidence, cut to a limit, and reads an edge's
evidence only when the user opens that edge; export still carries evidence."""

from __future__ import annotations

import json

import networkx as nx
from gui_fakes import FakeBackend
from PySide6.QtCore import Qt

from explorer.gui.graph_canvas import DEFAULT_LIMIT, GraphCanvas
from explorer.gui.graph_data import count_neighbourhood, view_with_evidence


def _open(qtbot, window, entity_id):
    with qtbot.waitSignals([window.entityShown, window.graphShown], timeout=15000):
        window.open_entity(entity_id)


def test_canvas_loads_without_evidence_and_with_the_canvas_limit(qtbot, window, fake_backend):
    _open(qtbot, window, 1)
    assert fake_backend.neighbourhood_options[-1] == {"limit": DEFAULT_LIMIT, "with_evidence": False}
    assert all(not edge.data.get("evidence") for edge in window.canvas.edges.values())
    assert not window.canvas.note.isVisible()  # nothing was cut
    with qtbot.waitSignal(window.canvas.layoutFinished, timeout=15000):
        window.canvas.expandRequested.emit(3)
    assert fake_backend.neighbourhood_options[-1]["with_evidence"] is False


def test_cut_neighbourhood_shows_a_note_with_the_full_count(qtbot, window, fake_backend):
    window.canvas.limit.setMinimum(2)
    window.canvas.limit.setValue(3)
    _open(qtbot, window, 1)  # 1 has four entities within one hop
    assert len(window.canvas.nodes) == 3
    qtbot.waitUntil(lambda: "共 4 个" in window.canvas.note.text(), timeout=15000)
    assert window.canvas.note.isVisible() and "显示前 3 个节点" in window.canvas.note.text()
    # the note's link raises the limit, and the whole neighbourhood comes back
    with qtbot.waitSignal(window.graphShown, timeout=15000):
        window.canvas.note.linkActivated.emit("more")
    assert window.canvas.limit.value() == 6 and set(window.canvas.nodes) == {1, 2, 3, 6}
    assert not window.canvas.note.isVisible()


def test_clicking_an_edge_reads_its_fact_on_a_worker_and_shows_the_sentence(qtbot, window, fake_backend):
    _open(qtbot, window, 1)
    edge = window.canvas.edges[12]  # 阳光食品公司 -awarded-> 省级龙头企业
    view = window.canvas.view
    middle = (edge.source.scenePos() + edge.target.scenePos()) / 2
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(middle))
    qtbot.waitUntil(lambda: "省级龙头企业称号" in window.canvas.panel.text(), timeout=15000)
    assert ("fact", 12) in fake_backend.calls
    assert window.canvas.panel.isVisible() and window.canvas.panel.key == 12
    assert "省级龙头企业称号" in edge.toolTip()  # the tooltip carries the sentence from now on
    with qtbot.waitSignal(window.articleShown, timeout=15000):
        window.canvas.panel.linkActivated.emit(next(l for l in _links(window.canvas.panel.text()) if l.startswith("article:")))
    window.canvas.panel.linkActivated.emit("close")
    assert not window.canvas.panel.isVisible()


def _links(html: str) -> list[str]:
    return [part.split('"', 1)[0] for part in html.split('href="')[1:]]


def test_hovering_an_edge_asks_for_its_fact_once(qtbot):
    canvas = GraphCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(800, 600)
    canvas.show()
    backend = FakeBackend()
    with qtbot.waitSignal(canvas.layoutFinished, timeout=15000):
        canvas.set_graph(backend.neighbourhood(1, hops=1, with_evidence=False), 1)
    wanted = []
    canvas.edgeFactWanted.connect(wanted.append)
    canvas._edge_hovered(canvas.edges[11], canvas.mapToGlobal(canvas.rect().center()))
    assert wanted == [11]
    canvas.set_fact(11, backend.fact(11))
    canvas._edge_hovered(canvas.edges[11], canvas.mapToGlobal(canvas.rect().center()))
    assert wanted == [11]  # known now: no second read
    assert "茌平区" in canvas.edges[11].toolTip()


def test_export_of_the_current_view_carries_evidence(qtbot, window, fake_backend, tmp_path):
    _open(qtbot, window, 1)
    seen = {}
    original = fake_backend.export_view

    def export_view(graph, fmt, path, title="explorer"):
        seen.update({key: data["evidence"] for _a, _b, key, data in graph.edges(keys=True, data=True)})
        return original(graph, fmt, path, title)

    fake_backend.export_view = export_view
    window.export_graph("json", whole=False, path=str(tmp_path / "view.json"))
    qtbot.waitUntil(lambda: (tmp_path / "view.json").exists(), timeout=15000)
    assert set(seen) == set(window.canvas.edges) and all(seen.values())


def test_view_with_evidence_fills_expanded_edges_one_by_one():
    backend = FakeBackend()
    view = nx.compose(backend.neighbourhood(1, 1, with_evidence=False), backend.neighbourhood(3, 1, with_evidence=False))
    full = view_with_evidence(backend, view, 1, 1, 400)
    assert all(data["evidence"] for _a, _b, data in full.edges(data=True))
    assert ("fact", 13) in backend.calls  # 绿源农业 -awarded-> ... came from the expansion
    assert not any(data["evidence"] for _a, _b, data in view.edges(data=True))  # the canvas's copy untouched
    json.dumps([data["evidence"] for _a, _b, data in full.edges(data=True)])


def test_count_neighbourhood_caps():
    backend = FakeBackend()
    assert count_neighbourhood(backend, 1, 1) == 4
    assert count_neighbourhood(backend, 1, 2, cap=3) == -3


def test_items_are_built_in_slices_between_event_loop_turns(qtbot):
    canvas = GraphCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(800, 600)
    canvas.show()
    tree = nx.random_labeled_tree(600, seed=2)
    graph = nx.MultiDiGraph()
    for node in tree:
        graph.add_node(node, name=f"实体{node}", type="ORG", mentions=1)
    for key, (a, b) in enumerate(tree.edges()):
        graph.add_edge(a, b, key=key, relation="located_in", evidence=[])
    with qtbot.waitSignal(canvas.layoutFinished, timeout=15000):
        canvas.set_graph(graph, 0)
        assert len(canvas.edges) < graph.number_of_edges()  # not all in one go on the UI thread
    assert len(canvas.nodes) == 600 and len(canvas.edges) == 599
    assert canvas.view.viewport().updatesEnabled()
