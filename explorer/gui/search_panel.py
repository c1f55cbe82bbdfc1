"""Search as you type: a field, a type filter, a completion popup and the results list.

Keystrokes restart a short debounce timer; the search itself runs in a
worker and answers that arrive after a newer keystroke are dropped, so
typing never waits on the database. The same answer fills the results list
and the completion popup under the field (a QCompleter in unfiltered mode:
the matching — 汉字 substrings, pinyin, initials, aliases — is the search's,
not the completer's prefix test). A query that finds nothing gets a visible
box with near names (same pinyin, a typo or two), each a link.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from explorer.gui import worker
from explorer.gui.models import EntityIdRole, MentionsRole, SearchResultsModel
from explorer.gui.style import all_types, type_icon, type_label

DEBOUNCE_MS = 120
_NO_MATCH_STYLE = (
    "QLabel { background: #fff4ce; border: 1px solid #e0c36a; border-radius: 4px;"
    " padding: 6px 8px; color: #3d3200; font-size: 11pt; }"
)


class MentionCountDelegate(QStyledItemDelegate):
    """Draws the mention count right-aligned in grey."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        count = index.data(MentionsRole)
        count_text = str(count) if count is not None else ""
        count_width = opt.fontMetrics.horizontalAdvance(count_text) + 12 if count_text else 0
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
        text_rect.setRight(opt.rect.right() - count_width)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setPen(opt.palette.highlightedText().color() if selected else opt.palette.text().color())
        elided = opt.fontMetrics.elidedText(text, Qt.TextElideMode.ElideRight, text_rect.width())
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided)
        if count_text:
            painter.setPen(QColor("#dddddd") if selected else QColor("#888888"))
            rect = QRect(opt.rect).adjusted(0, 0, -6, 0)
            painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, count_text)
        painter.restore()


class SearchPanel(QWidget):
    entityChosen = Signal(object)
    resultsReady = Signal(int)  # number of hits shown
    suggestionsShown = Signal(int)  # near names offered for a query without hits
    failed = Signal(object)

    def __init__(self, search_fn: Callable | None = None, parent=None, suggest_fn: Callable | None = None):
        super().__init__(parent)
        self.search_fn = search_fn
        self.suggest_fn = suggest_fn
        self._sequence = 0
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(self.tr("搜索：汉字、拼音、首字母或别名"))
        self.field.setClearButtonEnabled(True)
        self.type_filter = QComboBox(self)
        self.type_filter.addItem(self.tr("全部类型"), None)
        for entity_type in all_types():
            self.type_filter.addItem(type_icon(entity_type), type_label(entity_type), entity_type)
        self.model = SearchResultsModel(self)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setItemDelegate(MentionCountDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.completer = QCompleter(self.model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setMaxVisibleItems(12)
        self.completer.setWidget(self.field)  # not setCompleter: the field's text stays what was typed
        popup = self.completer.popup()
        popup.setItemDelegate(MentionCountDelegate(popup))
        popup.setUniformItemSizes(True)
        self.completer.activated[QModelIndex].connect(self._completion_chosen)
        self.field.installEventFilter(self)  # Down in the field brings the popup back
        self.status = QLabel(self)
        self.status.setStyleSheet("color: gray")
        self.suggestion = QLabel(self)
        self.suggestion.setWordWrap(True)
        self.suggestion.setTextFormat(Qt.TextFormat.RichText)
        self.suggestion.setStyleSheet(_NO_MATCH_STYLE)
        self.suggestion.linkActivated.connect(self._suggestion_chosen)
        self.suggestion.hide()
        self.suggested: list = []
        row = QHBoxLayout()
        row.addWidget(self.field, 1)
        row.addWidget(self.type_filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addWidget(self.suggestion)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.status)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.search_now)
        self.field.textChanged.connect(lambda _: self.timer.start())
        self.field.returnPressed.connect(self._return_pressed)
        self.type_filter.currentIndexChanged.connect(lambda _: self.search_now())
        self.list.activated.connect(self._activated)
        self.list.clicked.connect(self._activated)

    def types(self):
        value = self.type_filter.currentData()
        return [value] if value else None

    def search_now(self) -> None:
        self.timer.stop()
        self._sequence += 1
        sequence = self._sequence
        text = self.field.text().strip()
        if not text or self.search_fn is None:
            self.completer.popup().hide()
            self.model.set_items([])
            self.status.setText("")
            self.suggestion.hide()
            self.resultsReady.emit(0)
            return
        worker.start(
            self.search_fn,
            text,
            self.types(),
            on_result=lambda hits: self._show(sequence, hits),
            on_error=lambda error: self._failed(sequence, error),
        )

    def _show(self, sequence: int, hits) -> None:
        if sequence != self._sequence:
            return  # a newer keystroke already asked again
        self.model.set_items(hits)
        self.status.setText(self.tr("%1 个结果").replace("%1", str(len(hits))))
        if hits:
            self.list.setCurrentIndex(self.model.index(0))
            self.suggestion.hide()
        else:
            self._no_match(sequence, self.field.text().strip())
        self._offer_completions(bool(hits))
        self.resultsReady.emit(len(hits))

    def show_hits(self, hits, caption: str) -> None:
        """Fill the list with hits that did not come from typing (a type or a
        county picked on the home page); the field is left as it was."""
        self._sequence += 1  # an answer still coming for the field is stale now
        self.model.set_items(hits)
        self.suggestion.hide()
        self.status.setText(f"{caption} · " + self.tr("%1 个结果").replace("%1", str(len(hits))))
        if hits:
            self.list.setCurrentIndex(self.model.index(0))

    # --- no match: say so, and offer near names --------------------------------------
    def _no_match(self, sequence: int, text: str) -> None:
        self.suggested = []
        self._show_no_match(text, [])
        if self.suggest_fn is None:
            return
        worker.start(
            self.suggest_fn, text,
            on_result=lambda near: self._suggestions(sequence, text, near),
            on_error=lambda _error: None,
        )

    def _suggestions(self, sequence: int, text: str, near) -> None:
        if sequence == self._sequence:
            self.suggested = list(near)
            self._show_no_match(text, self.suggested)
            self.suggestionsShown.emit(len(self.suggested))

    def _show_no_match(self, text: str, near) -> None:
        head = self.tr("没有找到“%1”。").replace("%1", text)
        if near:
            links = "、".join(
                f"<a href='entity:{hit.id}'>{html.escape(hit.name)}</a>"
                + (f"（{html.escape(hit.matched)}）" if hit.matched else "")
                for hit in near
            )
            body = self.tr("您要找的是不是：") + links
        else:
            body = html.escape(self.tr("可以试试更短的写法、拼音或首字母。"))
        self.suggestion.setText(f"<b>{html.escape(head)}</b><br>{body}")
        self.suggestion.show()

    def _suggestion_chosen(self, link: str) -> None:
        kind, _, rest = link.partition(":")
        if kind == "entity" and rest.isdigit():
            self.entityChosen.emit(int(rest))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if (
            watched is self.field
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
            and not self.completer.popup().isVisible()
            and self.model.rowCount() > 0
        ):
            self._offer_completions(True)
            popup = self.completer.popup()
            popup.setCurrentIndex(popup.model().index(0, 0))
            return True
        return super().eventFilter(watched, event)

    def _offer_completions(self, any_hits: bool) -> None:
        """Show the popup under the field while the user is typing in it."""
        popup = self.completer.popup()
        if not any_hits or not self.field.hasFocus():
            popup.hide()
            return
        rect = self.field.rect()
        rect.setWidth(max(rect.width(), self.list.width()))  # as wide as the list: long names stay readable
        self.completer.complete(rect)  # keyboard: Up/Down, Enter, Escape
        popup.setCurrentIndex(QModelIndex())  # nothing picked until Down: Enter alone opens the first hit

    def _completion_chosen(self, index: QModelIndex) -> None:
        entity_id = index.data(EntityIdRole)
        if entity_id is None:
            return
        self._select_in_list(entity_id)
        self.entityChosen.emit(entity_id)

    def _select_in_list(self, entity_id) -> None:
        for row in range(self.model.rowCount()):
            if self.model.index(row).data(EntityIdRole) == entity_id:
                self.list.setCurrentIndex(self.model.index(row))
                return

    def _failed(self, sequence: int, error) -> None:
        if sequence == self._sequence:
            self.model.set_items([])
            self.status.setText("")
            self.failed.emit(error)

    def _return_pressed(self) -> None:
        popup = self.completer.popup()
        if popup.isVisible() and popup.currentIndex().isValid():
            return  # the completer reaches the field first, then opens the row picked in the popup
        popup.hide()
        if self.timer.isActive():
            self.search_now()
        index = self.list.currentIndex()
        if index.isValid():
            self._activated(index)

    def _activated(self, index: QModelIndex) -> None:
        entity_id = index.data(EntityIdRole)
        if entity_id is not None:
            self.entityChosen.emit(entity_id)
