"""The completion popup under the search field: fed by the worker search, keyboard driven."""

from __future__ import annotations

import time

from gui_fakes import FakeBackend
from PySide6.QtCore import Qt

from explorer.gui.models import EntityIdRole
from explorer.gui.search_panel import SearchPanel


def _panel(qtbot, backend):
    panel = SearchPanel(backend.search)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    panel.field.setFocus()
    qtbot.waitUntil(panel.field.hasFocus, timeout=3000)
    return panel


def test_typing_opens_the_popup_and_the_keyboard_picks_an_entity(qtbot, qtmodeltester):
    backend = FakeBackend()
    panel = _panel(qtbot, backend)
    popup = panel.completer.popup()
    panel.field.insert("公司")  # what typing does (keyClicks cannot type 汉字)
    qtbot.waitUntil(popup.isVisible, timeout=5000)
    qtmodeltester.check(panel.completer.completionModel())
    assert popup.model().rowCount() == panel.model.rowCount() >= 1
    assert panel.field.text() == "公司"  # the completer never rewrites what was typed
    expected = popup.model().index(0, 0).data(EntityIdRole)
    with qtbot.waitSignal(panel.entityChosen, timeout=3000) as chosen:
        qtbot.keyClick(popup, Qt.Key.Key_Down)
        qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert chosen.args == [expected]
    assert not popup.isVisible()
    assert panel.list.currentIndex().data(EntityIdRole) == expected  # the list follows
    qtbot.wait(50)
    assert [c for c in backend.calls if c[0] == "search"]  # searched by the worker


def test_enter_from_the_popup_opens_the_entity_once(qtbot):
    panel = _panel(qtbot, FakeBackend())
    opened = []
    panel.entityChosen.connect(opened.append)
    panel.field.insert("区")
    qtbot.waitUntil(panel.completer.popup().isVisible, timeout=5000)
    qtbot.keyClick(panel.completer.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(panel.completer.popup(), Qt.Key.Key_Return)
    qtbot.wait(100)
    assert len(opened) == 1


def test_escape_closes_the_popup_and_enter_still_opens_the_first_hit(qtbot):
    panel = _panel(qtbot, FakeBackend())
    popup = panel.completer.popup()
    panel.field.insert("区")
    qtbot.waitUntil(popup.isVisible, timeout=5000)
    qtbot.keyClick(popup, Qt.Key.Key_Escape)
    assert not popup.isVisible()
    with qtbot.waitSignal(panel.entityChosen, timeout=3000) as chosen:
        qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    assert chosen.args == [panel.model.hit(0).id]


def test_no_popup_without_hits_or_focus(qtbot):
    panel = _panel(qtbot, FakeBackend())
    popup = panel.completer.popup()
    panel.field.insert("不存在的名字")
    with qtbot.waitSignal(panel.resultsReady, timeout=5000):
        pass
    assert not popup.isVisible()
    panel.field.clearFocus()
    panel.field.setText("区")
    with qtbot.waitSignal(panel.resultsReady, timeout=5000):
        pass
    assert not popup.isVisible()  # results for a programmatic search go to the list only


def test_a_slow_search_never_blocks_typing(qtbot):
    backend = FakeBackend()
    backend.delay = 0.4
    panel = _panel(qtbot, backend)
    started = time.perf_counter()
    for text in ("阳", "阳光", "阳光食"):
        panel.field.setText(text)
        qtbot.wait(130)  # past the debounce: each keystroke starts a search
    assert time.perf_counter() - started < 1.0  # the UI thread never waited on a search
    qtbot.waitUntil(panel.completer.popup().isVisible, timeout=5000)
    assert [panel.model.hit(row).name for row in range(panel.model.rowCount())] == ["阳光食品公司"]


def test_down_in_the_field_brings_the_popup_back_with_the_first_row_picked(qtbot):
    panel = _panel(qtbot, FakeBackend())
    popup = panel.completer.popup()
    panel.field.insert("区")
    qtbot.waitUntil(popup.isVisible, timeout=5000)
    qtbot.keyClick(popup, Qt.Key.Key_Escape)
    assert not popup.isVisible()
    qtbot.keyClick(panel.field, Qt.Key.Key_Down)
    assert popup.isVisible() and popup.currentIndex().row() == 0
    with qtbot.waitSignal(panel.entityChosen, timeout=3000) as chosen:
        qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert chosen.args == [panel.model.hit(0).id]
