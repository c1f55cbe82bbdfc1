"""The main window driven through the fake backend."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QMouseEvent
from PySide6.QtWidgets import QApplication


def _open(qtbot, window, entity_id):
    with qtbot.waitSignals([window.entityShown, window.graphShown], timeout=15000):
        window.open_entity(entity_id)


def test_search_open_entity_and_walk_the_canvas(qtbot, window, fake_backend):
    window.search.field.setText("阳光")
    with qtbot.waitSignal(window.search.resultsReady, timeout=15000):
        pass
    with qtbot.waitSignals([window.entityShown, window.graphShown], timeout=15000):
        window.search.field.returnPressed.emit()
    assert window.entity_page.detail.name == "阳光食品公司"
    assert set(window.canvas.nodes) == {1, 2, 3, 6}
    # two hops on the canvas: company -> honor -> the other company
    with qtbot.waitSignals([window.entityShown, window.graphShown], timeout=15000):
        window.canvas.nodeActivated.emit(3)
    assert window.canvas.center == 3 and 4 in window.canvas.nodes
    with qtbot.waitSignals([window.entityShown, window.graphShown], timeout=15000):
        window.canvas.nodeActivated.emit(4)
    assert window.entity_page.detail.name == "绿源农业"
    assert "阳光食品公司" in window.breadcrumb.text() and "省级龙头企业" in window.breadcrumb.text()
    with qtbot.waitSignal(window.entityShown, timeout=15000):
        window.back_action.trigger()
    assert window.entity_page.detail.id == 3
    with qtbot.waitSignal(window.entityShown, timeout=15000):
        window.forward_action.trigger()
    assert window.entity_page.detail.id == 4
    assert not window.forward_action.isEnabled()


def test_mouse_back_button_and_breadcrumb(qtbot, window):
    _open(qtbot, window, 1)
    _open(qtbot, window, 2)
    event = QMouseEvent(QEvent.Type.MouseButtonPress, QPointF(5, 5), QPointF(5, 5), Qt.MouseButton.BackButton, Qt.MouseButton.BackButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.entityShown, timeout=15000):
        QApplication.sendEvent(window.canvas.view.viewport(), event)
    assert window.entity_page.detail.id == 1
    with qtbot.waitSignal(window.entityShown, timeout=15000):
        window.breadcrumb.stepClicked.emit(1)
    assert window.entity_page.detail.id == 2


def test_hops_reload_and_expand(qtbot, window):
    _open(qtbot, window, 1)
    with qtbot.waitSignal(window.graphShown, timeout=15000):
        window.canvas.hops.setValue(2)
    assert {4, 5} <= set(window.canvas.nodes)
    window.canvas.hops.setValue(1)
    qtbot.waitUntil(lambda: not window.is_busy() and 4 not in window.canvas.nodes, timeout=15000)
    with qtbot.waitSignal(window.canvas.layoutFinished, timeout=15000):
        window.canvas.expandRequested.emit(3)
    assert 4 in window.canvas.nodes and window.canvas.center == 1


def test_article_opens_from_entity_page(qtbot, window):
    _open(qtbot, window, 1)
    with qtbot.waitSignal(window.articleShown, timeout=15000) as shown:
        window.entity_page.articleClicked.emit(100, 0, 6)
    assert shown.args[0].headline == "龙头企业名单公布"
    assert "茌平区" in window.reader.browser.toPlainText()
    with qtbot.waitSignal(window.entityShown, timeout=15000):
        window.reader.entityClicked.emit(2)
    assert window.entity_page.detail.id == 2


def test_corrections_undo_and_redo(qtbot, window, fake_backend):
    _open(qtbot, window, 1)
    with qtbot.waitSignal(window.entityShown, timeout=15000):
        window.entity_page.request_rename("阳光集团")
    assert fake_backend.graph.nodes[1]["name"] == "阳光集团"
    assert window.entity_page.detail.name == "阳光集团"
    with qtbot.waitSignal(window.entityShown, timeout=15000):
        window.undo_action.trigger()
    assert window.entity_page.detail.name == "阳光食品公司"
    with qtbot.waitSignal(window.entityShown, timeout=15000):
        window.redo_action.trigger()
    assert window.entity_page.detail.name == "阳光集团"
    with qtbot.waitSignal(window.entityShown, timeout=15000):
        window.entity_page.request_delete_fact(12)
    assert all(f.relation_id != 12 for f in window.entity_page.detail.facts)
    assert window.undo_stack.count() == 2
    assert [c[0] for c in fake_backend.calls if c[0] in ("rename", "undo", "redo", "delete_fact")] == ["rename", "undo", "redo", "delete_fact"]


def test_failed_correction_is_reported_not_pushed(qtbot, window):
    _open(qtbot, window, 1)
    assert not window.apply_correction("nonsense", (1,), "x")
    assert window.undo_stack.count() == 0
    assert window.statusBar().currentMessage()


def test_unknown_entity_error_becomes_status_text(qtbot, window):
    window.open_entity(999)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=15000)
    assert "999" in window.statusBar().currentMessage()


def test_export_current_view_and_whole_graph(qtbot, window, fake_backend, tmp_path):
    _open(qtbot, window, 1)
    window.canvas.set_type_visible("PERSON", False)
    window.export_graph("graphml", whole=False, path=str(tmp_path / "view.graphml"))
    window.export_graph("json", whole=True, path=str(tmp_path / "all.json"))
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=15000)
    exports = {c[1]: c for c in fake_backend.calls if c[0].startswith("export")}
    assert exports["graphml"] == ("export_view", "graphml", [1, 2, 3], "explorer · 阳光食品公司")  # 张三 hidden
    assert exports["json"] == ("export", "json", None)
    assert (tmp_path / "all.json").exists()


def test_docks_and_recent_projects_are_remembered(qtbot, window, qsettings, tmp_path):
    from explorer.gui.main_window import MainWindow
    from gui_fakes import FakeBackend

    window.docks["article"].hide()
    window.remember_recent(tmp_path / "a.db")
    window.remember_recent(tmp_path / "b.db")
    window.close()
    again = MainWindow(FakeBackend(), settings=qsettings)
    qtbot.addWidget(again)
    again.show()
    assert not again.docks["article"].isVisible()
    assert again.recent_projects()[:2] == [str((tmp_path / "b.db").resolve()), str((tmp_path / "a.db").resolve())]
    again.close()


def test_drop_files_opens_ingest_dialog(qtbot, window, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("阳光食品公司", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(page)), QUrl.fromLocalFile(str(tmp_path))])
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(drop)
    dialog = window.ingest_dialog
    qtbot.addWidget(dialog)
    assert [str(p) for p in dialog.paths()] == [str(page), str(tmp_path)]
    assert dialog.isVisible()
    dialog.reject()
