"""The documents panel: list, article list, remove (confirmed), re-analyse;
on a real project, removing drops the counts and re-importing restores them."""

from __future__ import annotations

import pytest
from gui_fakes import FakeBackend

from explorer.gui.document_models import ArticlesModel, DocumentsModel
from explorer.gui.documents_panel import DocumentsPanel


def _panel(qtbot, backend) -> DocumentsPanel:
    panel = DocumentsPanel()
    qtbot.addWidget(panel)
    panel.resize(900, 300)
    panel.show()
    with qtbot.waitSignal(panel.listed, timeout=10000):
        panel.set_backend(backend)
    return panel


def test_models_pass_the_model_tester(qtmodeltester):
    backend = FakeBackend()
    documents = DocumentsModel()
    documents.set_items(backend.documents())
    qtmodeltester.check(documents)
    articles = ArticlesModel()
    articles.set_items(backend.document_articles(7))
    qtmodeltester.check(articles)
    documents.set_items([])
    qtmodeltester.check(documents)


def test_the_panel_lists_documents_with_their_status_and_articles(qtbot):
    panel = _panel(qtbot, FakeBackend())
    model = panel.model
    assert model.rowCount() == 2 and model.columnCount() == 7
    row = model.row_of(8)
    assert model.index(row, 6).data() == "文件不存在" and model.index(row, 0).data() == "gone.txt"
    assert model.index(row, 0).data(3) == "/data/gone.txt"  # the tooltip is the full path
    panel.select(7)
    qtbot.waitUntil(lambda: panel.articles.rowCount() == 1, timeout=10000)
    assert panel.articles.index(0, 0).data() == "龙头企业名单公布"
    with qtbot.waitSignal(panel.articleRequested) as opened:
        panel.article_table.doubleClicked.emit(panel.articles.index(0, 0))
    assert opened.args == [100, 0, 0]
    panel.select(8)
    assert not panel.reanalyse_button.isEnabled()  # the file is gone: nothing to read again
    panel.filter.setText("2024-05")
    assert panel.proxy.rowCount() == 1


def test_remove_asks_first_and_says_corrections_stay(qtbot, monkeypatch):
    backend = FakeBackend()
    panel = _panel(qtbot, backend)
    panel.select(7)
    asked = []
    monkeypatch.setattr(panel, "confirm_remove", lambda document: asked.append(document.id) or False)
    panel.remove_button.click()
    assert asked == [7] and ("remove_document", 7) not in backend.calls  # declined: nothing removed
    monkeypatch.setattr(panel, "confirm_remove", lambda document: True)
    with qtbot.waitSignal(panel.changed, timeout=10000):
        panel.remove_button.click()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10000)
    assert ("remove_document", 7) in backend.calls
    assert "已删除" in panel.status.text() and "1 项更正已保留" in panel.status.text()


def test_reanalyse_runs_on_a_worker(qtbot):
    backend = FakeBackend()
    panel = _panel(qtbot, backend)
    panel.select(7)
    with qtbot.waitSignal(panel.changed, timeout=10000):
        panel.reanalyse_button.click()
    assert ("reanalyse_document", 7) in backend.calls and "已重新分析" in panel.status.text()


@pytest.mark.slow
def test_remove_then_reimport_on_a_real_project(qtbot, qsettings, sample_project_copy, ingested_sample, monkeypatch):
    from explorer.gui.backend import Backend
    from explorer.gui.main_window import MainWindow

    backend = Backend.open(sample_project_copy, create=False)
    window = MainWindow(backend, settings=qsettings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.home_page.summary is not None and window.documents_panel.model.rowCount() == 4, timeout=20000)
    before = window.home_page.summary
    panel = window.documents_panel
    page = next(d for d in panel.model._rows if d.name.endswith("2023-09-08_p01.txt"))
    panel.select(page.id)
    monkeypatch.setattr(panel, "confirm_remove", lambda document: True)
    with qtbot.waitSignal(window.homeShown, timeout=20000) as shown:
        panel.remove_button.click()
    after = shown.args[0]
    assert (after.documents, after.articles) == (3, before.articles - page.articles)
    assert sum(after.entities.values()) < sum(before.entities.values()) and after.relations < before.relations
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3, timeout=10000)

    window.show_ingest([str(ingested_sample[1] / page.name)])
    dialog = window.ingest_dialog
    dialog.source.setText("聊城日报")
    dialog.home_city.setText("聊城市")
    with qtbot.waitSignal(window.homeShown, timeout=60000) as restored:
        dialog.start()
    again = restored.args[0]
    assert (again.documents, again.articles, again.entities, again.relations) == (
        before.documents, before.articles, before.entities, before.relations)
    dialog.accept()
    window.close()
