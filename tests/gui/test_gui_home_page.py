"""The home page: counts, honour board, most connected, timeline, recent
imports, every item a link; an empty project's call to action."""

from __future__ import annotations

from gui_fakes import FakeBackend
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from explorer.gui.home_page import HomePage, render_header_html, render_home_html


def _page(qtbot, summary) -> HomePage:
    page = HomePage()
    qtbot.addWidget(page)
    page.resize(900, 700)
    page.show_summary(summary)
    page.show()
    return page


def test_the_overview_is_rendered_with_links(qtbot):
    summary = FakeBackend().summary()
    page = _page(qtbot, summary)
    assert page.pages.currentIndex() == 0 and not page.banner.isVisible()
    header = render_header_html(summary)
    assert "2 个文档" in header and "3 篇文章" in header and "2024-05-01 – 2024-06-03" in header
    assert "href='type:ORG'" in header and "机构 2" in header
    body = render_home_html(summary)
    assert "荣誉榜" in body and "获得荣誉最多的机构" in body and "获誉机构最多的县区" in body
    assert "<a href='entity:1'>阳光食品公司</a> <b>1</b>" in body  # an honoured organisation and its count
    assert "href='entity:2'>茌平区</a>" in body  # the county, a link to its page
    assert "href='document:7'>page.txt</a>" in body and "文件不存在" in body  # recent imports with their status
    assert [m.month for m in page.timeline.months] == ["2024-05", "2024-06"]


def test_every_item_is_clickable(qtbot):
    page = _page(qtbot, FakeBackend().summary())
    for link, signal, args in (
        ("entity:1", page.entityClicked, [1]),
        ("type:HONOR", page.typeClicked, ["HONOR"]),
        ("document:8", page.documentClicked, [8]),
        ("documents:", page.documentsRequested, []),
    ):
        with qtbot.waitSignal(signal) as caught:
            page.browser.anchorClicked.emit(QUrl(link))
        assert caught.args == args
    with qtbot.waitSignal(page.documentsRequested):
        page.header.linkActivated.emit("documents:")
    chart = page.timeline
    bar = chart.bar_rect(1)
    with qtbot.waitSignal(chart.monthClicked) as month:
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=bar.center().toPoint())
    assert month.args == ["2024-06"]


def test_an_area_the_project_never_names_lists_its_organisations(qtbot):
    import dataclasses

    summary = FakeBackend().summary()
    area = dataclasses.replace(summary.honoured_areas[0], entity_id=None)
    page = _page(qtbot, dataclasses.replace(summary, honoured_areas=(area,)))
    assert f"href='area:{area.code}'" in render_home_html(page.summary)
    with qtbot.waitSignal(page.areaClicked) as caught:
        page.browser.anchorClicked.emit(QUrl(f"area:{area.code}"))
    assert caught.args == [area]


def test_an_empty_project_shows_one_call_to_action(qtbot, tmp_path):
    backend = FakeBackend(documents_list=[])
    page = _page(qtbot, backend.summary())
    assert page.pages.currentWidget() is page.empty
    with qtbot.waitSignal(page.importRequested):
        page.import_button.click()
    with qtbot.waitSignal(page.sampleRequested):
        page.sample_button.click()
    dropped = tmp_path / "page.txt"
    dropped.write_text("本报讯", encoding="utf-8")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(dropped))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(page.filesDropped) as caught:
        page.drop_zone.dropEvent(event)
    assert caught.args == [[str(dropped)]]


def test_the_sample_carries_a_banner_and_progress(qtbot):
    backend = FakeBackend(is_sample=True)
    page = _page(qtbot, backend.summary())
    assert page.banner.isVisible() and "虚构" in page.banner.text()
    with qtbot.waitSignal(page.ownProjectRequested):
        page.banner.linkActivated.emit("own")
    page.show_progress(0.5, "正在导入示例页面：p1.txt")
    assert page.progress.isVisible() and page.progress.value() == 500
    page.show_summary(backend.summary())
    assert not page.progress.isVisible()


def test_the_window_opens_on_the_home_page_and_returns_to_it(qtbot, window, fake_backend):
    qtbot.waitUntil(lambda: window.home_page.summary is not None, timeout=10000)
    assert window.showing_home()
    with qtbot.waitSignals([window.entityShown, window.graphShown], timeout=15000):
        window.home_page.browser.anchorClicked.emit(QUrl("entity:1"))
    assert window.pages.currentWidget() is window.canvas and window.current_id == 1
    with qtbot.waitSignal(window.homeShown, timeout=10000):
        window.home_action.trigger()
    assert window.showing_home() and window.current_id is None
    # a type chip lists that type's entities, most mentioned first
    window.home_page.browser.anchorClicked.emit(QUrl("type:PLACE"))
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 2, timeout=10000)
    assert [window.search.model.hit(i).name for i in range(2)] == ["茌平区", "聊城市"]
    assert "地点" in window.search.status.text()


def test_a_month_or_a_recent_import_opens_the_documents_panel(qtbot, window):
    qtbot.waitUntil(lambda: window.documents_panel.model.rowCount() == 2, timeout=10000)
    window.home_page.timeline.monthClicked.emit("2024-06")
    assert window.docks["documents"].isVisible()
    assert window.documents_panel.proxy.rowCount() == 1  # filtered to the month
    window.home_page.browser.anchorClicked.emit(QUrl("document:7"))
    assert window.documents_panel.current_id() == 7 and window.documents_panel.filter.text() == ""


def test_dropping_on_the_empty_page_opens_the_import(qtbot, qsettings, tmp_path):
    from explorer.gui.main_window import MainWindow

    win = MainWindow(FakeBackend(documents_list=[]), settings=qsettings)
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: win.home_page.summary is not None, timeout=10000)
    assert win.home_page.pages.currentWidget() is win.home_page.empty
    win.home_page.filesDropped.emit([str(tmp_path)])
    assert win.ingest_dialog.paths() == [tmp_path]
    win.ingest_dialog.reject()
