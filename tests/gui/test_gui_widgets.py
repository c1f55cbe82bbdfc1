"""Each widget on its own, fed by the fake backend's hand-made records."""

from __future__ import annotations

from gui_fakes import FakeBackend
from PySide6.QtCore import QUrl

from explorer.errors import BrokenPdfError, NotFoundError, ProjectOpenError
from explorer.gui.article_reader import ArticleReader, render_article_html
from explorer.gui.entity_page import EntityPage, render_entity_html
from explorer.gui.errors import show_error, user_message
from explorer.gui.navigation import Breadcrumb, History, Place
from explorer.gui.search_panel import SearchPanel


def test_search_panel_debounces_and_shows_hits(qtbot):
    backend = FakeBackend()
    panel = SearchPanel(backend.search)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.resultsReady, timeout=15000) as blocker:
        for character in "阳光食":  # QTest cannot type 汉字: insert them one by one
            panel.field.insert(character)
    assert blocker.args == [1]
    # three keystrokes, one search: the debounce timer swallowed the first two
    assert [c for c in backend.calls if c[0] == "search"] == [("search", "阳光食", None)]
    assert panel.model.hit(0).name == "阳光食品公司"


def test_search_panel_type_filter_and_choice(qtbot):
    backend = FakeBackend()
    panel = SearchPanel(backend.search)
    qtbot.addWidget(panel)
    panel.field.setText("区")
    with qtbot.waitSignal(panel.resultsReady, timeout=15000):
        panel.type_filter.setCurrentIndex(panel.type_filter.findData("ORG"))
    assert panel.model.rowCount() == 0
    with qtbot.waitSignal(panel.resultsReady, timeout=15000):
        panel.type_filter.setCurrentIndex(panel.type_filter.findData("PLACE"))
    assert panel.model.hit(0).name == "茌平区"
    with qtbot.waitSignal(panel.entityChosen) as chosen:
        panel.field.returnPressed.emit()
    assert chosen.args == [2]


def test_search_panel_drops_stale_answers(qtbot):
    backend = FakeBackend(delay=0.2)
    panel = SearchPanel(backend.search)
    qtbot.addWidget(panel)
    panel.field.setText("阳光")
    panel.search_now()
    panel.field.setText("绿源")
    with qtbot.waitSignal(panel.resultsReady, timeout=15000):
        panel.search_now()
    qtbot.wait(300)
    assert [panel.model.hit(i).name for i in range(panel.model.rowCount())] == ["绿源农业"]


def test_entity_page_renders_facts_evidence_and_links(qtbot):
    detail = FakeBackend().entity(1)
    page = EntityPage()
    qtbot.addWidget(page)
    page.show_entity(detail)
    html = render_entity_html(detail)
    assert "阳光食品公司" in html and "茌平区" in html and "省级龙头企业" in html
    assert "阳光食品公司获得省级龙头企业称号。" in html  # the evidence sentence
    assert "href='entity:3'" in html and "href='article:100:" in html
    assert "任职于" not in html or "←" in html  # incoming role_at is shown from the company's side
    with qtbot.waitSignal(page.entityClicked) as clicked:
        page.browser.anchorClicked.emit(QUrl("entity:3"))
    assert clicked.args == [3]
    with qtbot.waitSignal(page.articleClicked) as opened:
        page.browser.anchorClicked.emit(QUrl("article:100:5:9"))
    assert opened.args == [100, 5, 9]


def test_entity_page_asks_for_corrections(qtbot):
    page = EntityPage()
    qtbot.addWidget(page)
    page.show_entity(FakeBackend().entity(1))
    with qtbot.waitSignal(page.correctionRequested) as rename:
        page.request_rename("阳光集团")
    assert rename.args[:2] == ["rename", (1, "阳光集团")]
    with qtbot.waitSignal(page.correctionRequested) as retype:
        page.request_type("PROGRAM")
    assert retype.args[:2] == ["set_type", (1, "PROGRAM")]
    with qtbot.waitSignal(page.correctionRequested) as delete:
        page.browser.anchorClicked.emit(QUrl("delete-fact:12"))
    assert delete.args[:2] == ["delete_fact", (12,)]


def test_entity_page_shows_admin_path_as_links(qtbot):
    html = render_entity_html(FakeBackend().entity(2))
    assert "茌平区 › <a href='place:%E8%81%8A%E5%9F%8E%E5%B8%82'>聊城市</a> › " in html
    assert ">山东省</a>" in html and "place:%E8%8C%8C" not in html  # the place itself is no link
    page = EntityPage()
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.placeClicked) as clicked:
        page.browser.anchorClicked.emit(QUrl("place:%E5%B1%B1%E4%B8%9C%E7%9C%81"))
    assert clicked.args == ["山东省"]


def test_article_reader_highlights_entities_and_focus(qtbot):
    record = FakeBackend().article(100)
    reader = ArticleReader()
    qtbot.addWidget(reader)
    start = record.text.index("阳光食品公司获得")
    reader.show_article(record, start, start + 10)
    html = render_article_html(record, (start, start + 10))
    assert "龙头企业名单公布" in html and "记者 李四" in html and "/data/page.txt" in html
    assert html.count("href='entity:1'") == 3
    assert "name='focus'" in html
    assert "阳光食品公司" in reader.browser.toPlainText()
    with qtbot.waitSignal(reader.entityClicked) as clicked:
        reader.browser.anchorClicked.emit(QUrl("entity:6"))
    assert clicked.args == [6]


def test_history_back_forward_and_truncation():
    history = History()
    for entity_id in (1, 2, 3):
        history.visit(Place(entity_id, str(entity_id)))
    assert history.back().entity_id == 2
    assert history.back().entity_id == 1
    assert history.back() is None
    assert history.forward().entity_id == 2
    history.visit(Place(9, "9"))
    assert not history.can_forward()
    assert [p.entity_id for p in history.places] == [1, 2, 9]
    history.visit(Place(9, "nine"))  # revisiting the current place does not grow the history
    assert len(history.places) == 3 and history.current.label == "nine"


def test_breadcrumb_links_back_to_steps(qtbot):
    history = History()
    for entity_id, label in ((1, "甲"), (2, "乙"), (3, "丙")):
        history.visit(Place(entity_id, label))
    crumb = Breadcrumb()
    qtbot.addWidget(crumb)
    crumb.show_history(history)
    assert "<b>丙</b>" in crumb.text() and "step:0" in crumb.text()
    with qtbot.waitSignal(crumb.stepClicked) as step:
        crumb.linkActivated.emit("step:1")
    assert step.args == [1]


def test_error_messages_are_user_text(qtbot):
    assert "PDF" in user_message(BrokenPdfError("/x.pdf", "encrypted"))
    assert "/x.pdf" in user_message(BrokenPdfError("/x.pdf", "encrypted"))
    assert "茌平" in user_message(NotFoundError("茌平"))
    assert "/p.db" in user_message(ProjectOpenError("/p.db", "not a database"))
    assert "ValueError" in user_message(ValueError("boom"))
    box = show_error(None, NotFoundError("甲"))
    qtbot.addWidget(box)
    assert "甲" in box.text()
    box.close()


def test_failed_file_text_is_worded_by_error_class():
    from explorer.gui.errors import file_error_text

    assert "PDF" in file_error_text("BrokenPdfError", "/x.pdf", "encrypted")
    assert "/x.pdf" in file_error_text("UnreadableFileError", "/x.pdf", "no such file")
    assert file_error_text(None, "/x.pdf", "odd reason") == "odd reason"
    assert file_error_text("NotAnError", "/x.pdf", "odd") == "odd"
