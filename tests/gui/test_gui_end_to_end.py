"""The whole path through real services: ingest, search, open, walk two hops, go back."""

from __future__ import annotations

import shutil

import networkx as nx
import pytest
from PySide6.QtCore import Qt

from explorer.gui.backend import Backend
from explorer.gui.main_window import MainWindow


@pytest.mark.slow
def test_ingest_search_walk_two_hops_and_back(qtbot, qsettings, tmp_path, sample_dir):
    corpus = tmp_path / "corpus"
    shutil.copytree(sample_dir, corpus, ignore=shutil.ignore_patterns("*.md"))
    backend = Backend.open(tmp_path / "project.db", create=True)
    window = MainWindow(backend, settings=qsettings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    window.show_ingest([str(corpus)])
    dialog = window.ingest_dialog
    with qtbot.waitSignal(dialog.finished_ingest, timeout=120000) as done:
        dialog.start()
    report = done.args[0]
    assert report is not None and report.articles > 0 and not report.failed
    assert dialog.outcomes.rowCount() == len(report.files)
    dialog.accept()

    # a start entity two facts away from something else, found through the services
    start, first, second = _two_hop_walk(backend)
    name = backend.entity(start).name
    with qtbot.waitSignal(window.search.resultsReady, timeout=5000):
        for character in name:  # typed one character at a time (QTest cannot type 汉字)
            window.search.field.insert(character)
    ids = [window.search.model.hit(i).id for i in range(window.search.model.rowCount())]
    assert start in ids
    row = ids.index(start)
    with qtbot.waitSignals([window.entityShown, window.graphShown], timeout=30000):
        window.search.list.activated.emit(window.search.model.index(row))
    assert window.entity_page.detail.id == start
    assert first in window.canvas.nodes

    for step in (first, second):
        _double_click_node(qtbot, window, step)
        assert window.entity_page.detail.id == step
        assert window.canvas.center == step

    with qtbot.waitActive(window):
        window.activateWindow()  # the ingest dialog had the focus
    window.canvas.view.setFocus()
    with qtbot.waitSignal(window.entityShown, timeout=30000):
        qtbot.keyClick(window.canvas.view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.entity_page.detail.id == first
    assert window.history.can_forward()

    # a correction through services.corrections, undone and redone from the GUI
    original = window.entity_page.detail.name
    with qtbot.waitSignal(window.entityShown, timeout=30000):
        window.entity_page.request_rename(original + "（改）")
    assert backend.entity(first).name == original + "（改）"
    with qtbot.waitSignal(window.entityShown, timeout=30000):
        window.undo_action.trigger()
    assert backend.entity(first).name == original == window.entity_page.detail.name
    with qtbot.waitSignal(window.entityShown, timeout=30000):
        window.redo_action.trigger()
    assert window.entity_page.detail.name == original + "（改）"
    window.close()


def _two_hop_walk(backend):
    whole = nx.Graph()
    for hit in backend.search("市", limit=200) + backend.search("公司", limit=200) + backend.search("区", limit=200):
        for a, b in backend.neighbourhood(hit.id, hops=1).to_undirected().edges():
            whole.add_edge(a, b)
    for start in whole:
        for first in whole[start]:
            for second in whole[first]:
                if second != start:
                    return start, first, second
    pytest.fail("the sample corpus yields no two-hop walk")


def _double_click_node(qtbot, window, node_id):
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=30000)
    node = window.canvas.nodes[node_id]
    view = window.canvas.view
    view.centerOn(node)
    point = view.mapFromScene(node.scenePos())
    with qtbot.waitSignals([window.entityShown, window.graphShown], timeout=30000):
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
