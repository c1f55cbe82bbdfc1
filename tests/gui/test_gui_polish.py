"""The rough edges of issue 14: Qt's own texts in Chinese, short undo labels,
the merge dialog naming both entities, lists refreshed after corrections,
admin paths as links, no-match suggestions, the reader's headline, article
tabs, and the canvas's co-mention layer."""

from __future__ import annotations

from gui_fakes import FakeBackend
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialogButtonBox

from explorer.core.style import COMENTION_EDGE, RELATION_EDGE


def test_standard_buttons_are_chinese(qtbot, qapp):
    from explorer.gui.i18n import install_translator

    install_translator(qapp, "zh")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Ok).text() == "确定"
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"


def _open(qtbot, window, entity_id=1):
    with qtbot.waitSignals([window.entityShown, window.graphShown], timeout=15000):
        window.open_entity(entity_id)


def test_undo_and_redo_keep_short_labels_with_details_in_the_tooltip(qtbot, window):
    _open(qtbot, window)
    assert window.undo_action.text() == "撤销" and not window.undo_action.isEnabled()
    with qtbot.waitSignal(window.entityShown, timeout=15000):
        window.entity_page.request_rename("阳光食品集团")
    assert window.undo_action.text() == "撤销" and window.undo_action.isEnabled()
    assert "重命名“阳光食品公司”为“阳光食品集团”" in window.undo_action.toolTip()
    with qtbot.waitSignal(window.entityShown, timeout=15000):
        window.undo_action.trigger()
    assert window.redo_action.text() == "重做" and "阳光食品集团" in window.redo_action.toolTip()


def test_the_results_list_shows_the_new_name_after_a_rename(qtbot, window):
    _open(qtbot, window)
    with qtbot.waitSignal(window.search.resultsReady, timeout=5000):
        window.search.field.setText("阳光")
        window.search.search_now()
    assert window.search.model.hit(0).name == "阳光食品公司"
    with qtbot.waitSignal(window.search.resultsReady, timeout=5000):
        window.entity_page.request_rename("阳光食品集团")
    assert window.search.model.hit(0).name == "阳光食品集团"


def test_the_merge_dialog_names_both_entities(qtbot):
    from explorer.gui.dialogs import EntityPickerDialog

    backend = FakeBackend()
    dialog = EntityPickerDialog(backend.search, "合并到“阳光食品公司”", target=(1, "阳光食品公司"))
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled() and "阳光食品公司" in dialog.summary.text()
    with qtbot.waitSignal(dialog.picker.resultsReady, timeout=5000):
        dialog.picker.field.setText("绿源")
        dialog.picker.search_now()
    dialog.picker.list.setCurrentIndex(dialog.picker.model.index(0))
    assert "<b>绿源农业</b>" in dialog.summary.text() and "<b>阳光食品公司</b>" in dialog.summary.text()
    assert ok.isEnabled()
    with qtbot.waitSignal(dialog.picker.resultsReady, timeout=5000):
        dialog.picker.field.setText("阳光")
        dialog.picker.search_now()
    dialog.picker.list.setCurrentIndex(dialog.picker.model.index(0))
    assert not ok.isEnabled() and "自己" in dialog.summary.text()  # not into itself


def test_a_step_of_the_admin_path_opens_that_place(qtbot, window):
    _open(qtbot, window, 2)
    with qtbot.waitSignal(window.entityShown, timeout=15000) as shown:
        window.entity_page.placeClicked.emit("聊城市")
    assert shown.args[0].id == 5
    window.entity_page.placeClicked.emit("山东省")  # not in the project: said so, nothing breaks
    qtbot.waitUntil(lambda: "山东省" in window.statusBar().currentMessage(), timeout=5000)
    assert window.current_id == 5


def test_a_query_without_hits_offers_near_names_visibly(qtbot, window):
    panel = window.search
    with qtbot.waitSignal(panel.suggestionsShown, timeout=5000):
        panel.field.setText("阳光食口")
        panel.search_now()
    assert not panel.suggestion.isHidden()
    assert "没有找到“阳光食口”" in panel.suggestion.text() and "entity:1" in panel.suggestion.text()
    with qtbot.waitSignal(panel.entityChosen) as chosen:
        panel.suggestion.linkActivated.emit("entity:1")
    assert chosen.args == [1]
    with qtbot.waitSignal(panel.resultsReady, timeout=5000):
        panel.field.setText("阳光")
        panel.search_now()
    assert panel.suggestion.isHidden()


def test_the_reader_keeps_its_headline_and_opens_in_a_tab(qtbot, window, fake_backend):
    with qtbot.waitSignal(window.articleShown, timeout=10000):
        window.open_article(100, 0, 6)
    reader = window.reader
    assert "龙头企业名单公布" in reader.header.text() and not reader.top.isHidden()
    assert "<h2>" not in reader.browser.toHtml().lower()  # the headline is above the scrolling text
    reader.tab_button.click()
    assert window.tabs.count() == 2 and window.tabs.currentIndex() == 1
    tab = window.tabs.widget(1)
    assert tab.record.id == 100 and tab.tab_button.isHidden()
    window.tabs.tabCloseRequested.emit(0)  # the graph tab stays
    assert window.tabs.count() == 2
    window.tabs.tabCloseRequested.emit(1)
    assert window.tabs.count() == 1
    before = window.docks["article"].width()
    reader.widen_button.click()
    qtbot.waitUntil(lambda: window.docks["article"].width() > before, timeout=5000)


def test_the_comention_layer_is_off_by_default_and_lighter(qtbot, window, fake_backend):
    window.canvas.hops.setValue(2)
    _open(qtbot, window)
    canvas = window.canvas
    assert not canvas.comentions_on() and not canvas.comentions.items
    with qtbot.waitSignal(window.comentionsShown, timeout=10000) as shown:
        canvas.comention_button.setChecked(True)
    assert shown.args == [len(canvas.comentions.items)] and canvas.comentions.items
    line = canvas.comentions.items[0]
    fact = next(iter(canvas.edges.values()))
    assert line.pen().color().alphaF() < fact.pen().color().alphaF()
    assert line.pen().color().rgb() == QColor(COMENTION_EDGE.colour).rgb() and fact.pen().color().rgb() == QColor(RELATION_EDGE.colour).rgb()
    widths = {item.articles: item.pen().widthF() for item in canvas.comentions.items}
    assert widths[3] > widths[1]  # more shared articles, thicker
    assert "对共现" in canvas.count_label.text()
    canvas.comention_button.setChecked(False)
    assert not canvas.comentions.items and "对共现" not in canvas.count_label.text()
