"""The documents panel: every ingested file, its articles, and taking one out.

Lists source, date, page, article count, when it was ingested and its status
(the file may be gone or changed since). Below, the articles of the selected
document; a double-click opens one in the reader. *删除…* removes a document
with its articles, mentions and facts after a confirmation that says the
user's corrections stay for a later re-import; *重新分析* reads it again with
the current rules. Both run on a worker; `changed` tells the window to
refresh its counts.
"""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from explorer.gui import worker
from explorer.gui.document_models import ArticlesModel, DocumentsModel, SortRole
from explorer.gui.errors import file_error_text, user_message


class DocumentsPanel(QWidget):
    articleRequested = Signal(object, int, int)  # article id, start, end (0, 0: the top)
    changed = Signal()  # a document was removed or analysed again
    listed = Signal(int)  # documents shown after a refresh

    def __init__(self, parent=None):
        super().__init__(parent)
        self.backend = None
        self._pending = 0
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("筛选：文件名、来源或日期（如 2023-03）"))
        self.filter.setClearButtonEnabled(True)
        self.model = DocumentsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = self._table(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(5, Qt.SortOrder.DescendingOrder)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selected())
        self.articles = ArticlesModel(self)
        self.article_table = self._table(self.articles)
        self.article_table.doubleClicked.connect(self._open_article)
        self.remove_button = QPushButton(self.tr("删除…"), self)
        self.remove_button.setToolTip(self.tr("删除此文档及其文章、提及和关系；您的更正会保留"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.reanalyse_button = QPushButton(self.tr("重新分析"), self)
        self.reanalyse_button.setToolTip(self.tr("用当前的规则重新分析此文档"))
        self.reanalyse_button.clicked.connect(self.reanalyse_selected)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.filter, 1)
        buttons.addWidget(self.reanalyse_button)
        buttons.addWidget(self.remove_button)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.table)
        split.addWidget(self.article_table)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(buttons)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        self._enable()

    def _table(self, model) -> QTableView:
        table = QTableView(self)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        return table

    # --- content -------------------------------------------------------------------
    def set_backend(self, backend) -> None:
        self.backend = backend
        self.articles.set_items([])
        self.refresh()

    def refresh(self, select=None) -> None:
        if self.backend is None:
            return
        current = select if select is not None else self.current_id()

        def show(documents):
            self.model.set_items(documents)
            self.table.resizeColumnsToContents()
            if current is not None:
                self.select(current)
            self._enable()
            self.listed.emit(len(documents))

        self._run(self.backend.documents, on_result=show)

    def select(self, document_id) -> bool:
        row = self.model.row_of(document_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def current(self):
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.document(self.proxy.mapToSource(index).row())

    def current_id(self):
        document = self.current()
        return document.id if document is not None else None

    def _selected(self) -> None:
        self._enable()
        document = self.current()
        if document is None or self.backend is None:
            self.articles.set_items([])
            return
        shown = document.id

        def show(articles):
            if self.current_id() == shown:
                self.articles.set_items(articles)
                self.article_table.resizeColumnsToContents()

        # not a change: the buttons stay usable while the list loads
        worker.start(self.backend.document_articles, document.id, on_result=show, on_error=lambda error: self.status.setText(user_message(error)))

    def _open_article(self, index) -> None:
        if index.isValid():
            self.articleRequested.emit(self.articles.article(index.row()).id, 0, 0)

    # --- changes --------------------------------------------------------------------
    def confirm_remove(self, document) -> bool:
        """Ask before removing (tests replace this)."""
        text = self.tr("删除“%1”及其 %2 篇文章、提及和关系？").replace("%1", document.name).replace("%2", str(document.articles))
        detail = self.tr("您对实体所做的更正会保留：以后重新导入此文件时会再次应用。")
        answer = QMessageBox.question(self, self.tr("删除文档"), f"{text}\n\n{detail}",
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def remove_selected(self) -> None:
        document = self.current()
        if document is None or self.backend is None or not self.confirm_remove(document):
            return

        def removed(report):
            text = self.tr("已删除“%1”：%2 篇文章、%3 条关系。").replace("%1", report.document.name)
            text = text.replace("%2", str(report.articles)).replace("%3", str(report.relations))
            if report.corrections_kept:
                text += " " + self.tr("%1 项更正已保留，重新导入即可恢复。").replace("%1", str(report.corrections_kept))
            self.status.setText(text)
            self.articles.set_items([])
            self.refresh()
            self.changed.emit()

        self.status.setText(self.tr("正在删除…"))
        self._run(self.backend.remove_document, document.id, on_result=removed)

    def reanalyse_selected(self) -> None:
        document = self.current()
        if document is None or self.backend is None:
            return

        def done(report):
            articles = sum(f.articles for f in report.files)
            failed = [f for f in report.files if f.status == "failed"]
            text = self.tr("已重新分析“%1”：%2 篇文章。").replace("%1", document.name).replace("%2", str(articles))
            self.status.setText(text if not failed else file_error_text(failed[0].error_type, failed[0].path, failed[0].error))
            self.refresh(select=document.id)
            self.changed.emit()

        def progress(fraction, message):
            self.status.setText(self.tr("正在重新分析… %1%").replace("%1", str(int(fraction * 100))))

        self.status.setText(self.tr("正在重新分析…"))
        self._run(self.backend.reanalyse_document, document.id, on_result=done, on_progress=progress, with_state=True)

    def _run(self, fn, *args, on_result, **kwargs) -> None:
        self._pending += 1
        self._enable()

        def finished(value):
            self._pending -= 1
            self._enable()
            on_result(value)

        def failed(error):
            self._pending -= 1
            self._enable()
            self.status.setText(user_message(error))

        worker.start(fn, *args, on_result=finished, on_error=failed, **kwargs)

    def is_busy(self) -> bool:
        return self._pending > 0

    def _enable(self) -> None:
        chosen = self.current() is not None and self._pending == 0
        self.remove_button.setEnabled(chosen)
        self.reanalyse_button.setEnabled(chosen and self.current().status != "missing")

