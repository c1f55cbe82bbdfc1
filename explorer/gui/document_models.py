"""Item models of the documents panel: the project's documents and the
articles of one document (`core.overview.DocumentInfo` / `ArticleInfo`)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from explorer.gui.home_page import status_label
from explorer.gui.models import ItemRole

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
SortRole = Qt.ItemDataRole.UserRole + 10
STATUS_COLOURS = {"missing": "#b00020", "changed": "#a05a00", "empty": "#777777"}


class DocumentsModel(QAbstractTableModel):
    """One row per ingested file."""

    COLUMNS = ("文件", "来源", "日期", "版面", "文章", "导入时间", "状态")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []

    def set_items(self, documents) -> None:
        self.beginResetModel()
        self._rows = list(documents)
        self.endResetModel()

    def document(self, row: int):
        return self._rows[row]

    def row_of(self, document_id) -> int:
        return next((i for i, d in enumerate(self._rows) if d.id == document_id), -1)

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        titles = (self.tr("文件"), self.tr("来源"), self.tr("日期"), self.tr("版面"), self.tr("文章"), self.tr("导入时间"), self.tr("状态"))
        return titles[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or not 0 <= index.column() < len(self.COLUMNS):
            return None
        d = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, SortRole):
            values = (d.name, d.source or "", d.date or "", d.page or "", d.articles,
                      (d.ingested_at or "").replace("T", " ")[:16], status_label(d.status))
            value = values[column]
            return value if role == Qt.ItemDataRole.DisplayRole or column != 6 else d.status
        if role == Qt.ItemDataRole.ToolTipRole:
            return d.path
        if role == Qt.ItemDataRole.ForegroundRole and column == 6 and d.status in STATUS_COLOURS:
            return QColor(STATUS_COLOURS[d.status])
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ItemRole:
            return d
        return None


class ArticlesModel(QAbstractTableModel):
    """The articles of one document: headline, kind, length, mentions."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []

    def set_items(self, articles) -> None:
        self.beginResetModel()
        self._rows = list(articles)
        self.endResetModel()

    def article(self, row: int):
        return self._rows[row]

    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal or not 0 <= section < 3:
            return None
        return (self.tr("标题"), self.tr("字数"), self.tr("提及"))[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or not 0 <= index.column() < 3:
            return None
        a = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (a.headline or self.tr("无标题文章"), a.chars, a.mentions)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("双击在阅读器中打开")
        if role == ItemRole:
            return a
        return None
