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
