"""The entity page: who or what an entity is, every fact with its evidence.

Rendered as rich text with links (`entity:ID`, `article:ID:START:END`,
`delete-fact:ID`, `place:NAME` for each step of an administrative path); clicking a link emits a signal, the main window decides
what to do. Corrections are asked for here and applied by the main window
through its undo stack.
"""

from __future__ import annotations

import html
from collections import OrderedDict
from urllib.parse import quote, unquote

from PySide6.QtCore import QCoreApplication, QUrl, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from explorer.gui.style import COLOURS, all_types, relation_label, type_label

MAX_MENTIONS_SHOWN = 300


def _e(text) -> str:
    return html.escape(str(text)) if text is not None else ""


def render_entity_html(detail) -> str:
    """The page body for an `EntityDetail`; a plain function so tests can read it."""
    colour = COLOURS.get(detail.type, "#888")
    parts = [
        f"<h2 style='margin-bottom:2px'>{_e(detail.name)} "
        f"<span style='background:{colour};color:white;font-size:small'>&nbsp;{_e(type_label(detail.type))}&nbsp;</span></h2>"
    ]
    if detail.aliases:
        label = QCoreApplication.translate("EntityPage", "别名")
        parts.append(f"<p><b>{_e(label)}：</b>{'、'.join(_e(a) for a in detail.aliases)}</p>")
    if detail.admin_path:
        label = QCoreApplication.translate("EntityPage", "行政区划")
        steps = [
            _e(p) if i == 0 else f"<a href='place:{quote(p)}'>{_e(p)}</a>"  # the first step is this place
            for i, p in enumerate(detail.admin_path)
        ]
        parts.append(f"<p><b>{_e(label)}：</b>{' › '.join(steps)}</p>")
    delete_label = QCoreApplication.translate("EntityPage", "删除")
    groups: OrderedDict = OrderedDict()
    for fact in detail.facts:
        inverse = fact.object_id == detail.id and fact.subject_id != detail.id
        groups.setdefault((fact.relation, inverse), []).append(fact)
    label = QCoreApplication.translate("EntityPage", "关系")
    parts.append(f"<h3>{_e(label)}（{len(detail.facts)}）</h3>")
    if not groups:
        label = QCoreApplication.translate("EntityPage", "暂无关系")
        parts.append(f"<p style='color:gray'>{_e(label)}</p>")
    for (relation, inverse), facts in groups.items():
        arrow = "←" if inverse else "→"
        parts.append(f"<h4 style='margin-bottom:0'>{arrow} {_e(relation_label(relation, inverse))}（{len(facts)}）</h4><ul>")
        for fact in facts:
            other_id, other, other_type = (
                (fact.subject_id, fact.subject, fact.subject_type) if inverse else (fact.object_id, fact.object, fact.object_type)
            )
            dot = COLOURS.get(other_type, "#888")
            extra = ", ".join(_e(x) for x in (fact.role, fact.year) if x)
            line = f"<li><span style='color:{dot}'>●</span> <a href='entity:{other_id}'>{_e(other)}</a>"
            if extra:
                line += f" <span style='color:gray'>（{extra}）</span>"
            line += f" &nbsp;<a href='delete-fact:{fact.relation_id}' style='color:#b33;font-size:small'>{_e(delete_label)}</a>"
            for evidence in fact.evidence[:3]:
                source = " · ".join(_e(x) for x in (evidence.headline, evidence.date, evidence.source) if x) or _e(QCoreApplication.translate("EntityPage", '原文'))
                line += (
                    f"<br><span style='color:#444'>“{_e(evidence.sentence)}”</span> "
                    f"<a href='article:{evidence.article_id}:{evidence.start}:{evidence.end}' style='font-size:small'>{source}</a>"
                )
            parts.append(line + "</li>")
        parts.append("</ul>")
    label = QCoreApplication.translate("EntityPage", "提及")
    parts.append(f"<h3>{_e(label)}（{len(detail.mentions)}）</h3><ul>")
    for mention in detail.mentions[:MAX_MENTIONS_SHOWN]:
        label = _e(mention.headline or QCoreApplication.translate("EntityPage", "无标题文章"))
        date = f"{_e(mention.date)} " if mention.date else ""
        parts.append(
            f"<li>{date}<a href='article:{mention.article_id}:{mention.start}:{mention.end}'>{label}</a>"
            f" <span style='color:gray'>「{_e(mention.surface)}」</span></li>"
        )
    if len(detail.mentions) > MAX_MENTIONS_SHOWN:
        parts.append(f"<li>… {len(detail.mentions) - MAX_MENTIONS_SHOWN}</li>")
    parts.append("</ul>")
    return "\n".join(parts)


class EntityPage(QWidget):
    entityClicked = Signal(object)
    articleClicked = Signal(object, int, int)
    correctionRequested = Signal(str, tuple, str)  # action, args, description
    mergeRequested = Signal(object)  # entity id; the main window picks the other entity
    splitRequested = Signal(object)
    placeClicked = Signal(str)  # a step of the administrative path, by name

    def __init__(self, parent=None):
        super().__init__(parent)
        self.detail = None
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._link)
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        self.buttons = {}
        for key, text, slot in (
            ("rename", self.tr("重命名"), self.ask_rename),
            ("type", self.tr("更改类型"), self.ask_type),
            ("merge", self.tr("合并…"), lambda: self.mergeRequested.emit(self.detail.id) if self.detail else None),
            ("split", self.tr("拆分…"), lambda: self.splitRequested.emit(self.detail.id) if self.detail else None),
        ):
            button = QToolButton(self)
            button.setText(text)
            button.clicked.connect(slot)
            button.setEnabled(False)
            self.buttons[key] = button
            bar.addWidget(button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.browser, 1)
        self.show_placeholder()

    def show_placeholder(self) -> None:
        self.detail = None
        for button in self.buttons.values():
            button.setEnabled(False)
        hint = self.tr("在左侧搜索并选择一个实体。")
        self.browser.setHtml(f"<p style='color:gray'>{_e(hint)}</p>")

    def show_entity(self, detail) -> None:
        self.detail = detail
        for button in self.buttons.values():
            button.setEnabled(True)
        self.browser.setHtml(render_entity_html(detail))

    def _link(self, url: QUrl) -> None:
        kind, _, rest = url.toString().partition(":")
        if kind == "place":
            self.placeClicked.emit(unquote(rest))
            return
        values = rest.split(":")
        try:
            numbers = [int(v) for v in values]
        except ValueError:
            return
        if kind == "entity":
            self.entityClicked.emit(numbers[0])
        elif kind == "article":
            start, end = (numbers[1], numbers[2]) if len(numbers) >= 3 else (0, 0)
            self.articleClicked.emit(numbers[0], start, end)
        elif kind == "delete-fact":
            self.request_delete_fact(numbers[0])

    # --- corrections -------------------------------------------------------
    def ask_rename(self) -> None:
        if self.detail is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("重命名"), self.tr("新名称："), QLineEdit.EchoMode.Normal, self.detail.name)
        if ok and name.strip():
            self.request_rename(name.strip())

    def request_rename(self, name: str) -> None:
        if self.detail is not None and name != self.detail.name:
            text = self.tr("重命名“%1”为“%2”").replace("%1", self.detail.name).replace("%2", name)
            self.correctionRequested.emit("rename", (self.detail.id, name), text)

    def ask_type(self) -> None:
        if self.detail is None:
            return
        types = list(all_types())
        labels = [type_label(t) for t in types]
        current = types.index(self.detail.type) if self.detail.type in types else 0
        label, ok = QInputDialog.getItem(self, self.tr("更改类型"), self.tr("类型："), labels, current, False)
        if ok:
            self.request_type(types[labels.index(label)])

    def request_type(self, entity_type: str) -> None:
        if self.detail is not None and entity_type != self.detail.type:
            text = self.tr("将“%1”的类型改为%2").replace("%1", self.detail.name).replace("%2", type_label(entity_type))
            self.correctionRequested.emit("set_type", (self.detail.id, entity_type), text)

    def request_delete_fact(self, relation_id: int) -> None:
        if self.detail is None:
            return
        fact = next((f for f in self.detail.facts if f.relation_id == relation_id), None)
        what = f"{fact.subject} {relation_label(fact.relation)} {fact.object}" if fact else str(relation_id)
        self.correctionRequested.emit("delete_fact", (relation_id,), self.tr("删除关系：%1").replace("%1", what))
