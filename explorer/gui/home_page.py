"""The home page: what the project holds, shown when no entity is open.

A header with the counts, articles per month as a small chart, then the
honour board (organisations with the most honours; counties and districts
with the most honoured organisations), the most connected people,
organisations and programmes and the latest imports. Every name is a link.
An empty project shows one call to action instead: import pages (button or
drop zone) or open the sample project. The sample carries a banner saying it
is fictional.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from explorer.gui.style import COLOURS, type_label
from explorer.gui.timeline_chart import TimelineChart

TYPE_ORDER = ("PERSON", "ORG", "PLACE", "PROGRAM", "HONOR")
_BANNER_STYLE = "QLabel { background: #fff4ce; border: 1px solid #e0c36a; border-radius: 4px; padding: 6px 10px; color: #4a3b00; }"
_DROP_STYLE = "QFrame { border: 2px dashed #9aa7b8; border-radius: 8px; background: #f6f8fa; } QLabel { border: 0; color: #555; }"


def _e(text) -> str:
    return html.escape(str(text)) if text is not None else ""


def _entity_link(entity) -> str:
    dot = COLOURS.get(entity.type, "#888")
    return f"<span style='color:{dot}'>●</span> <a href='entity:{entity.id}'>{_e(entity.name)}</a>"


def render_header_html(s) -> str:
    """Counts line: articles, sources, dates, then a chip per type (a link)."""
    documents = QCoreApplication.translate("HomePage", "%1 个文档").replace("%1", str(s.documents))
    parts = [
        f"<a href='documents:'>{_e(documents)}</a>",
        _e(QCoreApplication.translate("HomePage", "%1 篇文章").replace("%1", str(s.articles))),
    ]
    if s.sources:
        parts.append(_e(QCoreApplication.translate("HomePage", "来源：%1").replace("%1", "、".join(s.sources))))
    if s.first_date:
        parts.append(_e(f"{s.first_date} – {s.last_date}"))
    chips = " ".join(
        f"<a href='type:{t}' style='color:{COLOURS.get(t, '#888')};text-decoration:none'>■</a> "
        f"<a href='type:{t}'>{_e(type_label(t))} {s.entities[t]}</a>&nbsp;&nbsp;"
        for t in TYPE_ORDER if s.entities.get(t)
    )
    facts = _e(QCoreApplication.translate("HomePage", "%1 条关系").replace("%1", str(s.relations)))
    return f"<p style='font-size:large'>{' · '.join(parts)}</p><p>{chips} · {facts}</p>"


def render_home_html(s) -> str:
    """The honour board, the most connected and the recent imports, side by side."""
    title = {
        "board": QCoreApplication.translate("HomePage", "荣誉榜"),
        "orgs": QCoreApplication.translate("HomePage", "获得荣誉最多的机构"),
        "no_honours": QCoreApplication.translate("HomePage", "还没有获奖记录"),
        "areas": QCoreApplication.translate("HomePage", "获誉机构最多的县区"),
        "no_areas": QCoreApplication.translate("HomePage", "无法确定所在县区"),
        "connected": QCoreApplication.translate("HomePage", "联系最多"),
        "recent": QCoreApplication.translate("HomePage", "最近导入"),
        "all": QCoreApplication.translate("HomePage", "管理全部文档…"),
    }
    left = [f"<h3>{_e(title['board'])}</h3>", f"<p><b>{_e(title['orgs'])}</b></p><ol>"]
    for org in s.honoured_organisations:
        honours = _e("、".join(org.details))
        left.append(f"<li>{_entity_link(org)} <b>{org.count}</b><br><span style='color:#777;font-size:small'>{honours}</span></li>")
    if not s.honoured_organisations:
        left.append(f"<li style='color:#888'>{_e(title['no_honours'])}</li>")
    left.append(f"</ol><p><b>{_e(title['areas'])}</b></p><ol>")
    for area in s.honoured_areas:
        target = f"entity:{area.entity_id}" if area.entity_id is not None else f"area:{area.code}"
        name = f"<a href='{target}'>{_e(area.name)}</a>"
        figures = QCoreApplication.translate("HomePage", "%1 家机构 · %2 项荣誉").replace("%1", str(area.organisations)).replace("%2", str(area.honours))
        top = "、".join(f"<a href='entity:{o.id}'>{_e(o.name)}</a>" for o in area.top)
        left.append(f"<li>{name} <span style='color:#555'>{_e(figures)}</span><br><span style='font-size:small'>{top}</span></li>")
    if not s.honoured_areas:
        left.append(f"<li style='color:#888'>{_e(title['no_areas'])}</li>")
    left.append("</ol>")
    right = [f"<h3>{_e(title['connected'])}</h3>"]
    for entity_type, ranked in s.most_connected.items():
        if not ranked:
            continue
        right.append(f"<p><b>{_e(type_label(entity_type))}</b><br>")
        right.append("<br>".join(f"{_entity_link(r)} <span style='color:#777'>{r.count}</span>" for r in ranked) + "</p>")
    right.append(f"<h3>{_e(title['recent'])}</h3><ul>")
    for d in s.recent:
        when = " · ".join(_e(x) for x in (d.date, d.source) if x)
        status = "" if d.status == "ok" else f" <span style='color:#b33'>{_e(status_label(d.status))}</span>"
        count = _e(QCoreApplication.translate("HomePage", "%1 篇").replace("%1", str(d.articles)))
        right.append(f"<li><a href='document:{d.id}'>{_e(d.name)}</a> <span style='color:#777'>{when} · {count}</span>{status}</li>")
    right.append(f"</ul><p><a href='documents:'>{_e(title['all'])}</a></p>")
    return (
        "<table width='100%' cellspacing='0' cellpadding='6'><tr>"
        f"<td width='55%' valign='top'>{''.join(left)}</td><td width='45%' valign='top'>{''.join(right)}</td>"
        "</tr></table>"
    )


def status_label(status: str) -> str:
    return {
        "ok": QCoreApplication.translate("HomePage", "正常"),
        "changed": QCoreApplication.translate("HomePage", "文件已修改"),
        "missing": QCoreApplication.translate("HomePage", "文件不存在"),
        "empty": QCoreApplication.translate("HomePage", "没有文章"),
    }.get(status, status)


class DropZone(QFrame):
    """A framed area that takes files dropped on it."""

    filesDropped = Signal(list)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setStyleSheet(_DROP_STYLE)
        self.setMinimumSize(420, 120)
        self.setMaximumHeight(160)
        label = QLabel(self.tr("把新闻页面（.txt .pdf .html、扫描图片）或文件夹拖到这里"), self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        QVBoxLayout(self).addWidget(label)

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.filesDropped.emit(paths)


class HomePage(QWidget):
    entityClicked = Signal(object)
    typeClicked = Signal(str)
    documentClicked = Signal(object)
    documentsRequested = Signal()
    areaClicked = Signal(object)  # a core.overview.AreaHonours the project never names itself
    monthClicked = Signal(str)
    importRequested = Signal()
    sampleRequested = Signal()
    ownProjectRequested = Signal()
    filesDropped = Signal(list)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.summary = None
        self.banner = QLabel(self)
        self.banner.setStyleSheet(_BANNER_STYLE)
        self.banner.setWordWrap(True)
        self.banner.linkActivated.connect(lambda _link: self.ownProjectRequested.emit())
        self.banner.hide()
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress_label = QLabel(self)
        self.progress.hide()
        self.progress_label.hide()
        self.header = QLabel(self)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        self.header.linkActivated.connect(self._link)
        self.timeline = TimelineChart(self)
        self.timeline.monthClicked.connect(self.monthClicked)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setFrameShape(QFrame.Shape.NoFrame)
        self.browser.anchorClicked.connect(lambda url: self._link(url.toString()))
        content = QWidget(self)
        box = QVBoxLayout(content)
        box.setContentsMargins(12, 6, 12, 0)
        box.addWidget(self.header)
        box.addWidget(QLabel(f"<b>{_e(self.tr('每月文章数'))}</b>", self))
        box.addWidget(self.timeline)
        box.addWidget(self.browser, 1)
        self.empty = self._empty_page()
        self.pages = QStackedWidget(self)
        self.pages.addWidget(content)
        self.pages.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.banner)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.pages, 1)

    def _empty_page(self) -> QWidget:
        page = QWidget(self)
        title = QLabel(f"<h2>{_e(self.tr('这个项目还没有文章'))}</h2>", page)
        text = QLabel(self.tr("导入报纸的版面（PDF 转出的文本、PDF 本身或保存的网页），explorer 会找出其中的人物、机构、地点、项目和荣誉，以及它们之间的关系。"), page)
        text.setWordWrap(True)
        self.import_button = QPushButton(self.tr("导入文件…"), page)
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.importRequested)
        self.sample_button = QPushButton(self.tr("打开示例项目"), page)
        self.sample_button.setToolTip(self.tr("四个虚构的版面，单独存放，不会写入您的项目"))
        self.sample_button.clicked.connect(self.sampleRequested)
        self.drop_zone = DropZone(page)
        self.drop_zone.filesDropped.connect(self.filesDropped)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.sample_button)
        buttons.addStretch(1)
        column = QVBoxLayout()
        column.setSpacing(14)
        column.addStretch(2)
        for widget in (title, text):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            column.addWidget(widget)
        column.addLayout(buttons)
        column.addWidget(self.drop_zone)
        column.addStretch(3)
        outer = QHBoxLayout(page)
        outer.addStretch(1)
        outer.addLayout(column, 3)
        outer.addStretch(1)
        return page

    def show_summary(self, summary) -> None:
        self.summary = summary
        self.show_progress(None)
        self.set_sample(summary.is_sample)
        if summary.is_empty:
            self.pages.setCurrentWidget(self.empty)
            return
        self.pages.setCurrentIndex(0)
        self.header.setText(render_header_html(summary))
        self.timeline.set_months(summary.months)
        self.browser.setHtml(render_home_html(summary))

    def set_sample(self, is_sample: bool) -> None:
        text = self.tr("这是示例项目：其中的版面、公司和人物都是为演示虚构的，地名是真实的。它单独存放，不会写入您自己的项目。")
        link = self.tr("打开我的项目")
        self.banner.setText(f"⚠ {_e(text)} <a href='own'>{_e(link)}</a>")
        self.banner.setVisible(is_sample)

    def show_progress(self, fraction: float | None, message: str = "") -> None:
        """Progress of a long preparation (the sample's first import); None hides it."""
        running = fraction is not None
        self.progress.setVisible(running)
        self.progress_label.setVisible(running)
        if running:
            self.progress.setValue(int(fraction * 1000))
            self.progress_label.setText(message)

    def _link(self, link: str) -> None:
        kind, _, rest = link.partition(":")
        if kind == "entity" and rest.isdigit():
            self.entityClicked.emit(int(rest))
        elif kind == "type":
            self.typeClicked.emit(rest)
        elif kind == "document" and rest.isdigit():
            self.documentClicked.emit(int(rest))
        elif kind == "documents":
            self.documentsRequested.emit()
        elif kind == "area" and self.summary is not None:
            area = next((a for a in self.summary.honoured_areas if a.code == rest), None)
            if area is not None:
                self.areaClicked.emit(area)

    def link(self, url: str) -> None:
        """Follow a link as a click would (tests, keyboard)."""
        self._link(QUrl(url).toString())
