"""The article reader: the source text with its entities highlighted by type.

Every highlighted entity is a link to its page; a span (the evidence of a
fact or a mention) can be marked and scrolled to. The headline and the
source line stay above the text while it scrolls; the reader can be widened
or opened in a tab of its own beside the graph.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSplitter,
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


LOW_STYLE = "background:#ffd9b3;color:#8a3b00"  # characters OCR read with low confidence


def _marked(text: str, a: int, b: int, low: frozenset[int]) -> str:
    """text[a:b] escaped, the characters OCR read with low confidence marked."""
    if not low or not any(i in low for i in range(a, b)):
        return _e(text[a:b])
    out = []
    i = a
    while i < b:
        j = i
        while j < b and (j in low) == (i in low):
            j += 1
        piece = _e(text[i:j])
        out.append(f"<span style='{LOW_STYLE}'>{piece}</span>" if i in low else piece)
        i = j
    return "".join(out)


def _body(text: str, mentions, focus: tuple[int, int] | None, low=()) -> str:
    """The text as HTML, mentions as coloured links, the focus span marked,
    and (OCR'd articles) the characters read with low confidence."""
    low_chars = frozenset(i for start, end in low for i in range(start, end))

    def esc(a: int, b: int) -> str:
        return _marked(text, a, b, low_chars)

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
                esc(a, fa)
                + ("<a name='focus'></a>" if fa == focus[0] else "")
                + f"<span style='text-decoration:underline;background:#fff3a8'>{esc(fa, fb)}</span>"
                + esc(fb, b)
            )
        return esc(a, b)

    for mention in cuts:
        out.append(plain(position, mention.start))
        label = esc(mention.start, mention.end)
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
    if getattr(record, "ocr", None) is not None:
        parts.append("<br>" + ocr_badge_html(record.ocr))
    return "".join(parts)


def ocr_badge_html(ocr) -> str:
    """The OCR badge with the article's confidence, and what the marks mean."""
    badge = QCoreApplication.translate("ArticleReader", "OCR 识别 %1%").replace("%1", f"{ocr.confidence * 100:.1f}")
    note = QCoreApplication.translate("ArticleReader", "文字由扫描页识别而来")
    if ocr.low:
        note += QCoreApplication.translate("ArticleReader", "；橙色底纹处识别把握较低，请对照原版")
    return (f"<span style='background:#5e35b1;color:#ffffff;font-weight:bold'>&nbsp;{_e(badge)}&nbsp;</span> "
            f"<span style='color:#666;font-size:small'>{_e(note)}</span>")


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
    if with_header and getattr(record, "ocr", None) is not None:
        parts.append(f"<p>{ocr_badge_html(record.ocr)}</p>")
    if record.path:
        label = QCoreApplication.translate("ArticleReader", "原始文件")
        parts.append(f"<p style='color:#888;font-size:small'>{_e(label)}：{_e(record.path)}</p>")
    low = record.ocr.low if getattr(record, "ocr", None) is not None else ()
    parts.append(f"<div style='line-height:160%'>{_body(record.text, record.mentions, focus, low)}</div>")
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
        self.page_button = QToolButton(self)  # OCR'd articles: the scanned page beside the text
        self.page_button.setText(self.tr("原版"))
        self.page_button.setToolTip(self.tr("在文字旁显示扫描页，红框标出本文所在区域"))
        self.page_button.setCheckable(True)
        self.page_button.toggled.connect(self._toggle_page)
        self.page_button.hide()
        self.page_source = None  # (document_id, page) -> PageImage; None: the window's backend
        self.page_view = None  # gui/page_view.py, made when first shown
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 4, 0)
        top.addWidget(self.header, 1)
        buttons = QVBoxLayout()
        buttons.addWidget(self.widen_button)
        buttons.addWidget(self.tab_button)
        buttons.addWidget(self.page_button)
        buttons.addStretch(1)
        top.addLayout(buttons)
        self.top = QWidget(self)
        self.top.setLayout(top)
        self.top.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.top)
        self.split = QSplitter(Qt.Orientation.Horizontal, self)  # the text | the scanned page
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(self.browser)
        layout.addWidget(self.split, 1)
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
        scanned = getattr(record, "ocr", None) is not None and bool(record.ocr.pages)
        self.page_button.setVisible(scanned)
        if scanned and self.page_button.isChecked():
            self._show_page()
        elif self.page_view is not None:
            self.page_view.hide()

    def _page_images(self):
        if self.page_source is not None:
            return self.page_source
        return getattr(getattr(self.window(), "backend", None), "page_image", None)

    def _toggle_page(self, on: bool) -> None:
        if on:
            self._show_page()
        elif self.page_view is not None:
            self.page_view.hide()

    def _show_page(self) -> None:
        if self.record is None or getattr(self.record, "ocr", None) is None:
            return
        if self.page_view is None:
            from explorer.gui.page_view import PageView

            self.page_view = PageView(self.split)
            self.split.addWidget(self.page_view)
        self.page_view.show()
        self.page_view.show_article(self.record.ocr, self._page_images())
        self.split.setSizes([1, 1])
        QTimer.singleShot(0, lambda: self.browser.scrollToAnchor("focus"))  # the text was laid out again, narrower

    def set_tab_mode(self) -> None:
        """In a tab of its own: nothing to widen or to open again."""
        self.widen_button.hide()
        self.tab_button.hide()

    def _link(self, url: QUrl) -> None:
        kind, _, rest = url.toString().partition(":")
        if kind == "entity" and rest.isdigit():
            self.entityClicked.emit(int(rest))
