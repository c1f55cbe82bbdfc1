"""The lexicon panel: every name the project was taught, where it came from,
how many mentions it affects, with undo and remove (issue 16).

The rows are `services.lexicon.EntryView` records; the panel never changes
the project itself: it asks (`undoRequested`, `removeRequested`) and the
teaching controller (gui/teach.py) runs the change on a worker.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from explorer.gui.style import type_label


def _origin_label(origin: str) -> str:
    labels = {
        "taught": QCoreApplication.translate("LexiconPanel", "教过"),
        "imported": QCoreApplication.translate("LexiconPanel", "导入"),
        "rename": QCoreApplication.translate("LexiconPanel", "重命名"),
        "merge": QCoreApplication.translate("LexiconPanel", "合并"),
        "set-type": QCoreApplication.translate("LexiconPanel", "更改类型"),
    }
    return labels.get(origin, origin)


def _type_text(entry) -> str:
    if entry.type is None:
        return QCoreApplication.translate("LexiconPanel", "不是名称")
    return type_label(entry.type)


class LexiconModel(QAbstractTableModel):
    """Read-only table of lexicon entries (newest first)."""

    COLUMNS = ("名称", "类型", "规范名称", "来源", "提及", "文章")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.views: list = []

    def set_entries(self, views) -> None:
        self.beginResetModel()
        self.views = list(views)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.views)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.COLUMNS):
            return QCoreApplication.translate("LexiconPanel", self.COLUMNS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.views)):
            return None
        view = self.views[index.row()]
        entry = view.entry
        if role == Qt.ItemDataRole.DisplayRole:
            return (entry.surface, _type_text(entry), entry.canonical or "", _origin_label(entry.origin),
                    view.mentions, view.articles)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and not entry.active:
            return QColor("#999999")
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{entry.surface} · {entry.created}"
        if role == Qt.ItemDataRole.UserRole:
            return entry.surface
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class LexiconPanel(QWidget):
    undoRequested = Signal()
    removeRequested = Signal(str)  # the surface

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = LexiconModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.undo_button = QPushButton(self.tr("撤销上次教学"), self)
        self.remove_button = QPushButton(self.tr("移除"), self)
        self.undo_button.clicked.connect(self.undoRequested.emit)
        self.remove_button.clicked.connect(self._remove)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        buttons = QHBoxLayout()
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
        self.can_undo = False
        self.show_entries([], can_undo=False)

    def show_entries(self, views, can_undo: bool, pending: int = 0) -> None:
        self.model.set_entries(views)
        self.can_undo = can_undo
        if pending:
            self.hint.setText(self.tr("%1 篇文档仍待重新分析。").replace("%1", str(pending)))
        elif not views:
            self.hint.setText(self.tr("在原文中选中文字，右键即可教会 explorer 一个名称。"))
        else:
            self.hint.setText("")
        self._update_buttons()

    def selected_surface(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.data(rows[0], Qt.ItemDataRole.UserRole) if rows else None

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_buttons()

    def _update_buttons(self) -> None:
        busy = getattr(self, "_busy", False)
        self.undo_button.setEnabled(self.can_undo and not busy)
        surface = self.selected_surface()
        active = any(v.entry.surface == surface and v.entry.active for v in self.model.views)
        self.remove_button.setEnabled(bool(surface) and active and not busy)

    def _remove(self) -> None:
        surface = self.selected_surface()
        if surface:
            self.removeRequested.emit(surface)
