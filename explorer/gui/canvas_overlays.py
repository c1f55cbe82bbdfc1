"""Notes laid over the graph canvas: the "neighbourhood was cut" note and the
evidence panel of the edge the user clicked.

The canvas is drawn without evidence (`with_evidence=False` halves the
neighbourhood's cost); an edge's sentences are read on a worker only when the
user opens that edge, and shown here.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from explorer.gui.style import relation_label

_NOTE_STYLE = (
    "QLabel { background: rgba(255, 248, 214, 235); border: 1px solid #d9c98a;"
    " border-radius: 4px; padding: 3px 6px; color: #4a4000; }"
)
_PANEL_STYLE = (
    "QLabel { background: rgba(255, 255, 255, 240); border: 1px solid #b8b8b8;"
    " border-radius: 4px; padding: 6px 8px; color: #202020; }"
)
SENTENCES_SHOWN = 5


class LimitNote(QLabel):
    """Top-left of the view: "显示前 400 个节点 / 共 N 个" when the store cut the
    neighbourhood to the canvas limit (most mentioned kept); a link raises it."""

    moreRequested = Signal()

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setStyleSheet(_NOTE_STYLE)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.linkActivated.connect(lambda _link: self.moreRequested.emit())
        self.setToolTip(self.tr("按提及次数保留最常见的实体；可在工具栏调高上限"))
        self.hide()

    def show_cut(self, shown: int, total: int | None, can_raise: bool) -> None:
        if total is None:
            text = self.tr("显示前 %1 个节点（已截断，正在计数…）").replace("%1", str(shown))
        else:
            text = self.tr("显示前 %1 个节点 / 共 %2 个").replace("%1", str(shown)).replace("%2", _count(total))
        if can_raise:
            text += f' · <a href="more">{escape(self.tr("显示更多"))}</a>'
        self.setText(text)
        self.adjustSize()
        self.move(8, 8)
        self.show()
        self.raise_()


def _count(total: int) -> str:
    return f"{total}+" if total < 0 else str(total)


class EdgePanel(QLabel):
    """Bottom of the view: the relation of the clicked edge and its evidence
    sentences, each linking to its article in the reader."""

    articleRequested = Signal(object, int, int)

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setStyleSheet(_PANEL_STYLE)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.linkActivated.connect(self._link)
        self.key = None
        self.hide()

    def show_loading(self, key, title: str) -> None:
        self.key = key
        self._show(f"<b>{escape(title)}</b><br>{escape(self.tr('正在读取证据…'))}")

    def show_fact(self, key, fact) -> None:
        self.key = key
        title = f"{fact.subject} —{relation_label(fact.relation)}→ {fact.object}"
        if fact.role:
            title += f"（{fact.role}）"
        lines = [f"<b>{escape(title)}</b>"]
        for evidence in fact.evidence[:SENTENCES_SHOWN]:
            source = " · ".join(escape(str(part)) for part in (evidence.headline, evidence.date) if part)
            link = f"article:{evidence.article_id}:{evidence.start}:{evidence.end}"
            lines.append(f"「{escape(evidence.sentence)}」 <a href=\"{link}\">{source or escape(self.tr('原文'))}</a>")
        if not fact.evidence:
            lines.append(escape(self.tr("没有证据句。")))
        elif len(fact.evidence) > SENTENCES_SHOWN:
            lines.append(escape(self.tr("另有 %1 句").replace("%1", str(len(fact.evidence) - SENTENCES_SHOWN))))
        self._show("<br>".join(lines))

    def _show(self, html: str) -> None:
        close = f'<div align="right"><a href="close">{escape(self.tr("关闭"))}</a></div>'
        self.setText(close + html)
        self.place()
        self.show()
        self.raise_()

    def place(self) -> None:
        parent = self.parentWidget()
        width = max(200, parent.width() - 16)
        self.setFixedWidth(width)
        self.adjustSize()
        self.move(8, max(8, parent.height() - self.height() - 8))

    def dismiss(self) -> None:
        self.key = None
        self.hide()

    def _link(self, link: str) -> None:
        if link == "close":
            self.dismiss()
        elif link.startswith("article:"):
            _, article, start, end = link.split(":")
            self.articleRequested.emit(int(article), int(start), int(end))


def fact_tooltip(fact) -> str:
    """The edge's tooltip once its fact is known: relation and first sentences."""
    text = f"{fact.subject} —{relation_label(fact.relation)}→ {fact.object}"
    for evidence in fact.evidence[:2]:
        text += "\n「" + evidence.sentence[:120] + "」"
    if len(fact.evidence) > 2:
        text += f"\n… ({len(fact.evidence)})"
    return text
