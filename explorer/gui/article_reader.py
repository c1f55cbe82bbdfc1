"""The article reader: the source text with its entities highlighted by type.

Every highlighted entity is a link to its page; a span (the evidence of a
fact or a mention) can be marked and scrolled to. The headline and the
source line stay above the text while it scrolls; the reader can be widened
or opened in a tab of its own beside the graph.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from explorer.gui.style import COLOURS, type_label


def _e(text) -> str:
    return html.escape(str(text)) if text is not None else ""


def _tint(entity_type: str) -> str:
    colour = QColor(COLOURS.get(entity_type, "#888888"))
    return colour.lighter(170).name()


def _body(text: str, mentions, focus: tuple[int, int] | None) -> str:
    """The text as HTML, mentions as coloured links, the focus span marked."""
    cuts = []
    last = 0
    for mention in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if mention.start < last or mention.end > len(text) or mention.start >= mention.end:
            continue
        cuts.append(mention)
        last = mention.end
    out = []
    position = 0

    def plain(a: int, b: int) -> str:
        if a >= b:
            return ""
        if focus and focus[0] < b and a < focus[1]:
            fa, fb = max(a, focus[0]), min(b, focus[1])
            return (
                _e(text[a:fa])
                + ("<a name='focus'></a>" if fa == focus[0] else "")
                + f"<span style='text-decoration:underline;background:#fff3a8'>{_e(text[fa:fb])}</span>"
                + _e(text[fb:b])
            )
        return _e(text[a:b])

    for mention in cuts:
        out.append(plain(position, mention.start))
        label = _e(text[mention.start:mention.end])
        in_focus = focus is not None and focus[0] <= mention.start and mention.end <= focus[1]
        style = f"background:{_tint(mention.type)};color:#000;text-decoration:none"
        if in_focus:
            style += ";font-weight:bold"
        title = f"{_e(mention.name)} · {_e(type_label(mention.type))}"
        anchor = "<a name='focus'></a>" if focus and mention.start == focus[0] else ""
        out.append(f"{anchor}<a href='entity:{mention.entity_id}' title='{title}' style='{style}'>{label}</a>")
        position = mention.end
    out.append(plain(position, len(text)))
    return "".join(out).replace("\n", "<br>")


def render_header_html(record) -> str:
    """Headline, subtitle and source line: the part that stays in view."""
    untitled = QCoreApplication.translate("ArticleReader", "无标题文章")
    parts = [f"<span style='font-size:15pt;font-weight:bold'>{_e(record.headline or untitled)}</span>"]
    if record.subtitle:
        parts.append(f"<br><span style='color:#555'>{_e(record.subtitle)}</span>")
    meta = [x for x in (record.date, record.source, record.page and QCoreApplication.translate("ArticleReader", "版面 %1").replace("%1", str(record.page))) if x]
    if meta:
        parts.append(f"<br><span style='color:#666'>{' · '.join(_e(m) for m in meta)}</span>")
    return "".join(parts)


def render_article_html(record, focus: tuple[int, int] | None = None, with_header: bool = True) -> str:
    untitled = QCoreApplication.translate("ArticleReader", "无标题文章")
    parts = [f"<h2>{_e(record.headline or untitled)}</h2>"] if with_header else []
    if record.subtitle and with_header:
        parts.append(f"<h4 style='color:#555'>{_e(record.subtitle)}</h4>")
    meta = [x for x in (record.date, record.source, record.page and QCoreApplication.translate("ArticleReader", "版面 %1").replace("%1", str(record.page))) if x] if with_header else []
    if record.bylines:
        meta.append("、".join(record.bylines))
    if meta:
        parts.append(f"<p style='color:#666'>{' · '.join(_e(m) for m in meta)}</p>")
    if record.path:
        label = QCoreApplication.translate("ArticleReader", "原始文件")
        parts.append(f"<p style='color:#888;font-size:small'>{_e(label)}：{_e(record.path)}</p>")
    parts.append(f"<div style='line-height:160%'>{_body(record.text, record.mentions, focus)}</div>")
    return "\n".join(parts)


class ArticleReader(QWidget):
    entityClicked = Signal(object)
    widenRequested = Signal()
    tabRequested = Signal(object)  # the ArticleRecord to open in a tab of its own

    def __init__(self, parent=None):
        super().__init__(parent)
        self.record = None
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._link)
        self.header = QLabel(self)  # stays in view while the text scrolls
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.header.setContentsMargins(8, 6, 8, 4)
        self.widen_button = QToolButton(self)
        self.widen_button.setText(self.tr("加宽"))
        self.widen_button.setToolTip(self.tr("加宽阅读区"))
        self.widen_button.clicked.connect(self.widenRequested)
        self.tab_button = QToolButton(self)
        self.tab_button.setText(self.tr("标签页"))
        self.tab_button.setToolTip(self.tr("在标签页中打开"))
        self.tab_button.clicked.connect(lambda: self.tabRequested.emit(self.record) if self.record else None)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 4, 0)
        top.addWidget(self.header, 1)
        buttons = QVBoxLayout()
        buttons.addWidget(self.widen_button)
        buttons.addWidget(self.tab_button)
        buttons.addStretch(1)
        top.addLayout(buttons)
        self.top = QWidget(self)
        self.top.setLayout(top)
        self.top.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.top)
        layout.addWidget(self.browser, 1)
        hint = self.tr("点击实体页中的文章以阅读原文。")
        self.browser.setHtml(f"<p style='color:gray'>{_e(hint)}</p>")

    def show_article(self, record, start: int = 0, end: int = 0) -> None:
        self.record = record
        focus = (start, end) if end > start else None
        self.header.setText(render_header_html(record))
        self.top.show()
        self.browser.setHtml(render_article_html(record, focus, with_header=False))
        if focus:
            self.browser.scrollToAnchor("focus")

    def set_tab_mode(self) -> None:
        """In a tab of its own: nothing to widen or to open again."""
        self.widen_button.hide()
        self.tab_button.hide()

    def _link(self, url: QUrl) -> None:
        kind, _, rest = url.toString().partition(":")
        if kind == "entity" and rest.isdigit():
            self.entityClicked.emit(int(rest))
