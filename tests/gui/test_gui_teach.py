"""Teaching from the reader (issue 16): the context menu, the worker with
progress in the status bar, the lexicon panel with undo and remove."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtGui import QTextCursor

from explorer.core import TaskState
from explorer.core.lexicon import LexiconEntry

PAGES = Path(__file__).resolve().parents[2] / "tests" / "data" / "teach"
FIRM = "星澜智造"


def _views():
    from explorer.services.lexicon import EntryView

    return [
        EntryView(LexiconEntry(FIRM, "ORG", "聊城星澜智能制造有限公司", "taught", "2026-01-01T00:00:00+00:00"), 8, 4),
        EntryView(LexiconEntry("凤祥股份", None, None, "taught", "2026-01-01T00:00:01+00:00", active=False), 0, 1),
        EntryView(LexiconEntry("甲公司", "ORG", "乙公司", "merge", "", True, None, 3), 2, 2),
    ]


def test_the_lexicon_model_passes_modeltester_and_shows_origin_and_counts(qtmodeltester):
    from explorer.gui.lexicon_panel import LexiconModel

    model = LexiconModel()
    model.set_entries(_views())
    qtmodeltester.check(model)
    assert model.rowCount() == 3 and model.columnCount() == 6
    row = [model.data(model.index(0, c)) for c in range(6)]
    assert row == [FIRM, "机构", "聊城星澜智能制造有限公司", "教过", 8, 4]
    assert model.data(model.index(1, 1)) == "不是名称"
    assert model.data(model.index(2, 3)) == "合并"


def test_remove_is_offered_only_for_an_active_entry(qtbot):
    from explorer.gui.lexicon_panel import LexiconPanel

    panel = LexiconPanel()
    qtbot.addWidget(panel)
    panel.show_entries(_views(), can_undo=True)
    assert panel.undo_button.isEnabled() and not panel.remove_button.isEnabled()
    panel.table.selectRow(1)  # inactive
    assert not panel.remove_button.isEnabled()
    panel.table.selectRow(0)
    with qtbot.waitSignal(panel.removeRequested) as removed:
        panel.remove_button.click()
    assert removed.args == [FIRM]


def test_the_reader_menu_offers_no_teaching_without_a_project(window):
    window.reader.show_article(_record(1, f"{FIRM}在东昌府区投产。"))
    _select(window, FIRM)
    names = [a.objectName() for a in window.teaching.build_menu().actions()]
    assert "teach-ORG" not in names


@pytest.fixture
def real_window(qtbot, qsettings, tmp_path):
    from explorer.gui.backend import Backend
    from explorer.gui.main_window import MainWindow
    from explorer.services import ingest
    from explorer.services import project as project_service
    from explorer.settings import IngestOptions

    shutil.copytree(PAGES, tmp_path / "pages", ignore=shutil.ignore_patterns("*.md"))
    project = project_service.open_project(tmp_path / "p.explorer.db", create=True)
    ingest.run(project, [tmp_path / "pages"], IngestOptions(), TaskState())
    win = MainWindow(Backend(project), settings=qsettings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    from explorer.gui import worker

    worker.wait_all(60000)


def _record(article_id: int, text: str):
    from explorer.core import ArticleRecord

    return ArticleRecord(id=article_id, text=text, headline="测试")


def _select(window, text: str) -> None:
    browser = window.reader.browser
    document = browser.document()
    found = document.find(text)
    assert not found.isNull()
    cursor = QTextCursor(found)
    browser.setTextCursor(cursor)


def _open_first_article_with(qtbot, window, text: str) -> None:
    article_id = window.backend.project.reader().execute(
        "SELECT min(id) FROM articles WHERE instr(text, ?) > 0", (text,)).fetchone()[0]
    with qtbot.waitSignal(window.articleShown, timeout=10000):
        window.open_article(article_id)


@pytest.mark.slow
def test_teaching_from_the_reader_reanalyses_reports_and_undoes(qtbot, real_window):
    window = real_window
    _open_first_article_with(qtbot, window, "新厂房投产仪式")
    _select(window, FIRM)
    menu = window.teaching.build_menu()
    actions = {a.objectName(): a for a in menu.actions()}
    assert {"teach-ORG", "teach-PERSON", "teach-PLACE", "teach-PROGRAM", "teach-HONOR", "teach-not-a-name"} <= set(actions)
    assert actions["teach-ORG"].text() == "这是 机构"
    progress = []
    window.teaching.progress.valueChanged.connect(progress.append)
    with qtbot.waitSignal(window.teaching.taught, timeout=60000) as taught:
        actions["teach-ORG"].trigger()
        assert window.teaching.progress.isVisible() and window.teaching.cancel_button.isVisible()
    report = taught.args[0]
    assert report.found_in == 2 and report.new_facts >= 3  # the list page (A、B等8家企业) names it untaught
    assert report.summary() == f"{FIRM} taught as 机构: found in 2 more articles, {report.new_facts} new facts"
    assert window.teaching.result.text() == report.summary() and window.teaching.result.isVisible()
    assert progress and progress[-1] == 100 and not window.teaching.progress.isVisible()
    qtbot.waitUntil(lambda: window.teaching.panel.model.rowCount() == 1, timeout=10000)
    model = window.teaching.panel.model
    assert [model.data(model.index(0, c)) for c in (0, 1, 3, 5)] == [FIRM, "机构", "教过", 4]
    assert model.data(model.index(0, 4)) >= 8
    assert window.docks["lexicon"].isVisible()
    qtbot.waitUntil(lambda: window.teaching.panel.undo_button.isEnabled(), timeout=10000)
    with qtbot.waitSignal(window.teaching.taught, timeout=60000) as undone:
        window.teaching.panel.undo_button.click()
    assert undone.args[0].removed_facts == report.new_facts
    qtbot.waitUntil(lambda: model.rowCount() == 1 and not model.views[0].entry.active, timeout=10000)
