"""Item models: search results and per-file ingest outcomes.

Both hold plain records (`core.views.EntityHit`, services' `FileOutcome`)
and are replaced wholesale with `set_items`, which is what a search or an
ingest report produces.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from explorer.gui.errors import file_error_text
from explorer.gui.style import type_icon, type_label

ItemRole = Qt.ItemDataRole.UserRole + 1
MentionsRole = Qt.ItemDataRole.UserRole + 2
EntityIdRole = Qt.ItemDataRole.UserRole + 3

_Index = QModelIndex | QPersistentModelIndex


class SearchResultsModel(QAbstractListModel):
    """Entity hits with type icons and mention counts."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._hits: list = []

    def set_items(self, hits) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hit(self, row: int):
        return self._hits[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if hit.matched and hit.matched != hit.name:
                return f"{hit.name}  ({hit.matched})"
            return hit.name
        if role == Qt.ItemDataRole.DecorationRole:
            return type_icon(hit.type)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("%1 · 提及 %2 次").replace("%1", type_label(hit.type)).replace("%2", str(hit.mentions))
        if role == ItemRole:
            return hit
        if role == MentionsRole:
            return hit.mentions
        if role == EntityIdRole:
            return hit.id
        return None


class IngestOutcomeModel(QAbstractTableModel):
    """One row per file of an ingest report: status, counts, error."""

    STATUS = ("added", "replaced", "unchanged", "failed", "skipped")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []

    def set_items(self, outcomes) -> None:
        self.beginResetModel()
        self._rows = list(outcomes)
        self.endResetModel()

    def append(self, outcome) -> None:
        """One more file done (live, while the ingest runs)."""
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(outcome)
        self.endInsertRows()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    def _status_text(self, status: str) -> str:
        return {
            "added": self.tr("已添加"),
            "replaced": self.tr("已更新"),
            "unchanged": self.tr("未变化"),
            "failed": self.tr("失败"),
            "skipped": self.tr("已跳过"),
        }.get(status, status)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if not 0 <= section < 4:
            return None
        return (self.tr("文件"), self.tr("状态"), self.tr("文章"), self.tr("说明"))[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        outcome = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return str(outcome.path)
            if column == 1:
                return self._status_text(outcome.status)
            if column == 2:
                return int(getattr(outcome, "articles", 0) or 0)
            if column == 3:
                if outcome.status == "failed":
                    return file_error_text(getattr(outcome, "error_type", None), str(outcome.path), outcome.error)
                return outcome.error or ""
        if role == Qt.ItemDataRole.ForegroundRole and outcome.status == "failed":
            return QColor("#b00020")
        if role == Qt.ItemDataRole.ToolTipRole and column in (0, 3):
            return str(outcome.path) if column == 0 else self.data(index, Qt.ItemDataRole.DisplayRole)
        if role == ItemRole:
            return outcome
        return None
