"""Small dialogs: pick an entity, find paths between two, split an entity."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
)

from explorer.gui import worker
from explorer.gui.errors import user_message
from explorer.gui.search_panel import SearchPanel
from explorer.gui.style import COLOURS, relation_label


class EntityPicker(SearchPanel):
    """A search panel that remembers the chosen entity instead of navigating."""

    def __init__(self, search_fn: Callable, parent=None):
        super().__init__(search_fn, parent)
        self.chosen = None
        self.list.setMaximumHeight(160)
        self.list.clicked.disconnect()
        self.list.activated.disconnect()
        self.list.selectionModel().currentChanged.connect(self._current)

    def _current(self, index, _previous) -> None:
        self.chosen = self.model.hit(index.row()) if index.isValid() else None


class EntityPickerDialog(QDialog):
    """Choose one entity by searching; `chosen` is its EntityHit. With `target`
    ((id, name): a merge into it), a line names both entities as the user picks."""

    def __init__(self, search_fn: Callable, title: str, parent=None, target: tuple | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.target = target
        self.picker = EntityPicker(search_fn, self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picker)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.picker.list.selectionModel().currentChanged.connect(lambda *_: self._describe())
        self.picker.model.modelReset.connect(self._describe)
        self._describe()
        self.resize(460, 400)

    def _describe(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        chosen = self.chosen
        same = chosen is not None and self.target is not None and chosen.id == self.target[0]
        ok.setEnabled(chosen is not None and not same)
        if self.target is None:
            self.summary.setVisible(False)
            return
        keep = f"<b>{html.escape(self.target[1])}</b>"
        if chosen is None:
            text = html.escape(self.tr("搜索并选择要并入“%1”的实体。").replace("%1", self.target[1]))
        elif same:
            text = html.escape(self.tr("不能把实体合并到它自己。"))
        else:
            text = self.tr("把 %1 合并到 %2：前者的名称、提及和关系都归入后者，可以撤销。")
            text = text.replace("%1", f"<b>{html.escape(chosen.name)}</b>").replace("%2", keep)
        self.summary.setText(text)

    @property
    def chosen(self):
        return self.picker.chosen


def render_paths_html(paths) -> str:
    """Each path as hops `A —relation→ B` with the evidence sentence of every hop."""
    if not paths:
        nothing = QCoreApplication.translate("PathFinderDialog", "没有找到路径。")
        return f"<p>{html.escape(nothing)}</p>"
    parts = []
    for number, path in enumerate(paths, 1):
        title = QCoreApplication.translate("PathFinderDialog", "路径 %1（%2 步）")
        parts.append(f"<h4>{html.escape(title.replace('%1', str(number)).replace('%2', str(len(path))))}</h4><ol>")
        for fact in path:
            a = f"<a href='entity:{fact.subject_id}' style='color:{COLOURS.get(fact.subject_type, '#333')}'>{html.escape(fact.subject)}</a>"
            b = f"<a href='entity:{fact.object_id}' style='color:{COLOURS.get(fact.object_type, '#333')}'>{html.escape(fact.object)}</a>"
            line = f"<li>{a} —{html.escape(relation_label(fact.relation))}→ {b}"
            for evidence in fact.evidence[:1]:
                source = " · ".join(html.escape(x) for x in (evidence.headline, evidence.date) if x) or "…"
                line += (
                    f"<br><span style='color:#444'>“{html.escape(evidence.sentence)}”</span> "
                    f"<a href='article:{evidence.article_id}:{evidence.start}:{evidence.end}'>{source}</a>"
                )
            parts.append(line + "</li>")
        parts.append("</ol>")
    return "\n".join(parts)


class PathFinderDialog(QDialog):
    """Two entities → the shortest paths between them, with evidence per hop."""

    entityClicked = Signal(object)
    articleClicked = Signal(object, int, int)
    pathsShown = Signal(int)

    def __init__(self, search_fn: Callable, paths_fn: Callable, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("路径查找"))
        self.paths_fn = paths_fn
        self.source = EntityPicker(search_fn, self)
        self.target = EntityPicker(search_fn, self)
        self.count = QSpinBox(self)
        self.count.setRange(1, 10)
        self.count.setValue(3)
        self.find_button = QPushButton(self.tr("查找路径"), self)
        self.find_button.clicked.connect(self.find)
        self.result = QTextBrowser(self)
        self.result.setOpenLinks(False)
        self.result.anchorClicked.connect(self._link)
        pickers = QHBoxLayout()
        for label, picker in ((self.tr("起点"), self.source), (self.tr("终点"), self.target)):
            box = QVBoxLayout()
            box.addWidget(QLabel(label, self))
            box.addWidget(picker)
            pickers.addLayout(box)
        form = QFormLayout()
        form.addRow(self.tr("最多路径数"), self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(pickers)
        layout.addLayout(form)
        layout.addWidget(self.find_button)
        layout.addWidget(self.result, 1)
        self.resize(760, 620)

    def find(self) -> None:
        a, b = self.source.chosen, self.target.chosen
        if a is None or b is None:
            self.result.setHtml("<p>" + html.escape(self.tr("请先选择起点和终点。")) + "</p>")
            return
        self.find_button.setEnabled(False)
        self.result.setHtml("<p>" + html.escape(self.tr("正在查找…")) + "</p>")
        worker.start(self.paths_fn, a.id, b.id, self.count.value(), on_result=self._show, on_error=self._error)

    def _show(self, paths) -> None:
        self.find_button.setEnabled(True)
        self.result.setHtml(render_paths_html(paths))
        self.pathsShown.emit(len(paths))

    def _error(self, error) -> None:
        self.find_button.setEnabled(True)
        self.result.setHtml(f"<p style='color:#b33'>{html.escape(user_message(error))}</p>")
        self.pathsShown.emit(0)

    def _link(self, url: QUrl) -> None:
        kind, _, rest = url.toString().partition(":")
        numbers = [int(x) for x in rest.split(":") if x.lstrip("-").isdigit()]
        if kind == "entity" and numbers:
            self.entityClicked.emit(numbers[0])
        elif kind == "article" and len(numbers) == 3:
            self.articleClicked.emit(numbers[0], numbers[1], numbers[2])


class SplitDialog(QDialog):
    """Tick the articles whose mentions are really a different entity."""

    def __init__(self, detail, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("拆分“%1”").replace("%1", detail.name))
        self.list = QListWidget(self)
        seen = set()
        for mention in detail.mentions:
            if mention.article_id in seen:
                continue
            seen.add(mention.article_id)
            text = " ".join(x for x in (mention.date, mention.headline or self.tr("无标题文章"), f"「{mention.surface}」") if x)
            item = QListWidgetItem(text, self.list)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, mention.article_id)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("选中的文章中的提及将成为一个新实体："), self))
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(480, 400)

    def article_ids(self) -> list[int]:
        return [
            self.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]

