"""Chinese by default, English from the compiled translation."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from gui_fakes import FakeBackend

from explorer.gui.i18n import chosen_language, install_translator, translations_dir


@pytest.fixture
def english(qapp):
    translator = install_translator(qapp, "en")
    assert translator is not None, "resources/i18n/explorer_en.qm is missing"
    yield translator
    qapp.removeTranslator(translator)


def test_every_source_text_has_an_english_translation():
    tree = ET.parse(translations_dir() / "explorer_en.ts")
    untranslated = [
        m.find("source").text
        for m in tree.getroot().iter("message")
        if m.find("translation").get("type") == "unfinished" or not (m.find("translation").text or "").strip()
    ]
    assert untranslated == []
    assert (translations_dir() / "explorer_en.qm").stat().st_size > 1000


def test_default_language_is_chinese(qsettings):
    assert chosen_language(qsettings) == "zh"
    qsettings.setValue("ui/language", "en")
    assert chosen_language(qsettings) == "en"
    qsettings.setValue("ui/language", "xx")
    assert chosen_language(qsettings) == "zh"


def test_widgets_speak_english_with_the_translator(qtbot, english, qsettings):
    from explorer.gui.dialogs import EntityPicker
    from explorer.gui.main_window import MainWindow
    from explorer.gui.style import type_label

    window = MainWindow(FakeBackend(), settings=qsettings)
    qtbot.addWidget(window)
    assert window.menuBar().actions()[0].text() == "&Project"  # MainWindow context, via the mixin
    assert window.back_action.text() == "Back"
    assert window.search.field.placeholderText().startswith("Search")
    assert type_label("ORG") == "Organisation"
    picker = EntityPicker(FakeBackend().search)  # a subclass still finds SearchPanel's texts
    qtbot.addWidget(picker)
    assert picker.type_filter.itemText(0) == "All types"


def test_chinese_without_translator(qtbot, qsettings):
    from explorer.gui.main_window import MainWindow

    window = MainWindow(FakeBackend(), settings=qsettings)
    qtbot.addWidget(window)
    assert window.menuBar().actions()[0].text() == "项目(&P)"


def test_switching_language_rebuilds_the_window_at_once(qtbot, qapp, window, fake_backend, qsettings):
    from explorer import app as app_module
    from explorer.gui.file_open import FileOpenFilter
    from explorer.gui.main_window import MainWindow

    made = []

    def make():
        new = MainWindow(settings=qsettings)
        qtbot.addWidget(new)
        made.append(new)
        return new

    with qtbot.waitSignals([window.entityShown, window.graphShown], timeout=15000):
        window.open_entity(1)
    opener = FileOpenFilter(window)
    app_module._rebuild_on_language_switch(window, opener, make)
    try:
        window.set_language("en")
        english_window = made[0]
        assert english_window.back_action.text() == "Back"
        assert english_window.backend is fake_backend and not fake_backend.closed
        assert not window.isVisible() and english_window.isVisible() and opener.window is english_window
        qtbot.waitUntil(lambda: english_window.entity_page.detail is not None, timeout=15000)
        assert english_window.entity_page.detail.id == 1  # the same entity, now in English
        assert qsettings.value("ui/language") == "en"
        english_window.set_language("zh")
        assert made[1].back_action.text() == "后退" and made[1].backend is fake_backend
    finally:
        install_translator(qapp, "zh")


def test_a_language_switch_keeps_the_search_the_depth_and_the_layers(qtbot, qapp, window, fake_backend, qsettings):
    from explorer import app as app_module
    from explorer.gui.file_open import FileOpenFilter
    from explorer.gui.main_window import MainWindow

    made = []

    def make():
        new = MainWindow(settings=qsettings)
        qtbot.addWidget(new)
        made.append(new)
        return new

    window.canvas.hops.setValue(2)
    window.canvas.set_type_visible("HONOR", False)
    window.canvas.comention_button.setChecked(True)
    with qtbot.waitSignal(window.search.resultsReady, timeout=5000):
        window.search.field.setText("阳光")
        window.search.search_now()
    with qtbot.waitSignals([window.entityShown, window.graphShown], timeout=15000):
        window.open_entity(1)
    app_module._rebuild_on_language_switch(window, FileOpenFilter(window), make)
    try:
        window.set_language("en")
        english = made[0]
        assert english.search.field.text() == "阳光"
        assert english.canvas.hops.value() == 2 and "HONOR" in english.canvas.hidden_types
        assert english.canvas.comentions_on()
        qtbot.waitUntil(lambda: english.canvas.center == 1 and english.search.model.rowCount() == 1, timeout=15000)
    finally:
        install_translator(qapp, "zh")
