"""Teaching from the reader (issue 16): select text in the article reader,
right-click, "这是 机构" (This is an organisation) or "不是名称" (Not a name).

The controller adds the teach actions to the reader's context menu, the
lexicon panel as a dock, and a progress bar with a cancel button to the
status bar; the change itself (`services.teach`) runs on a worker thread,
and its report ("罗克佳华 taught as 机构: found in 14 more articles, 9 new
facts") ends in the status bar. It talks only to services.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QDockWidget, QLabel, QMenu, QProgressBar, QToolButton

from explorer.gui import worker
from explorer.gui.lexicon_panel import LexiconPanel
from explorer.gui.style import type_label

TEACHABLE_TYPES = ("ORG", "PERSON", "PLACE", "PROGRAM", "HONOR")
MAX_NAME = 60  # a selection longer than this is not a name


def _services():
    from explorer.services import lexicon, teach

    return lexicon, teach


def _lexicon_state(project):
    lexicon, _ = _services()
    return lexicon.entries(project, include_inactive=True), lexicon.can_undo(project), lexicon.pending_documents(project)


class TeachController(QObject):
    """Wires teaching into a MainWindow (reader menu, lexicon dock, status bar)."""

    taught = Signal(object)  # the TeachReport of a finished change
    busyChanged = Signal(bool)

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.running = None  # the Worker of the change in progress
        self.panel = LexiconPanel(window)
        dock = QDockWidget(self.tr("词库"), window)
        dock.setObjectName("dock-lexicon")
        dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        dock.hide()  # shown when the user teaches or opens it from the View menu
        window.docks["lexicon"] = dock
        self.dock = dock
        self.progress = QProgressBar(window)
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(180)
        self.cancel_button = QToolButton(window)
        self.cancel_button.setText(self.tr("取消"))
        self.cancel_button.clicked.connect(self.cancel)
        self.result = QLabel(window)  # the last report stays while the stats message changes
        self._hide_result = QTimer(self, singleShot=True, interval=20000, timeout=self.result.hide)
        for widget in (self.result, self.progress, self.cancel_button):
            window.statusBar().addPermanentWidget(widget)
            widget.hide()
        browser = window.reader.browser
        browser.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        browser.customContextMenuRequested.connect(self._show_menu)
        self.panel.undoRequested.connect(self.undo)
        self.panel.removeRequested.connect(self.remove)
        window.projectChanged.connect(self.refresh)

    # --- availability ------------------------------------------------------
    @property
    def project(self):
        backend = self.window.backend
        return getattr(backend, "project", None) if backend is not None else None

    def available(self) -> bool:
        project = self.project
        return project is not None and not getattr(project, "read_only", False)

    # --- the reader's menu ----------------------------------------------------
    def selection(self) -> str:
        text = self.window.reader.browser.textCursor().selectedText()
        return text.replace("\u2029", "\n").strip()

    def build_menu(self, pos=None) -> QMenu:
        """The reader's context menu: Qt's own actions plus teaching for a selection."""
        browser = self.window.reader.browser
        menu = browser.createStandardContextMenu(pos) if pos is not None else browser.createStandardContextMenu()
        text = self.selection()
        if not text or not self.available():
            return menu
        menu.addSeparator()
        if "\n" in text or len(text) > MAX_NAME:
            action = menu.addAction(self.tr("选中的文字太长，不是一个名称"))
            action.setEnabled(False)
            return menu
        for entity_type in TEACHABLE_TYPES:
            action = menu.addAction(self.tr("这是 %1").replace("%1", type_label(entity_type)))
            action.setObjectName(f"teach-{entity_type}")
            action.triggered.connect(lambda _=False, t=entity_type, s=text: self.teach(s, t))
        action = menu.addAction(self.tr("不是名称"))
        action.setObjectName("teach-not-a-name")
        action.triggered.connect(lambda _=False, s=text: self.not_a_name(s))
        if self.running is not None:
            for action in menu.actions()[-6:]:
                action.setEnabled(False)
        return menu

    def _show_menu(self, pos) -> None:
        menu = self.build_menu(pos)
        menu.exec(self.window.reader.browser.viewport().mapToGlobal(pos))
        menu.deleteLater()

    # --- changes ----------------------------------------------------------------
    def _article_id(self):
        record = self.window.reader.record
        return getattr(record, "id", None)

    def teach(self, surface: str, entity_type: str) -> None:
        _, teach = _services()
        self._run(self.tr("正在教学：%1").replace("%1", surface), teach.teach, self.project, surface, entity_type,
                  from_article=self._article_id())

    def not_a_name(self, surface: str) -> None:
        _, teach = _services()
        self._run(self.tr("正在教学：%1").replace("%1", surface), teach.not_a_name, self.project, surface,
                  from_article=self._article_id())

    def remove(self, surface: str) -> None:
        _, teach = _services()
        self._run(self.tr("正在移除：%1").replace("%1", surface), teach.remove, self.project, surface)

    def undo(self) -> None:
        _, teach = _services()
        self._run(self.tr("正在撤销上次教学"), teach.undo, self.project)

    def cancel(self) -> None:
        if self.running is not None:
            self.running.cancel()

    def _run(self, label: str, fn, *args, **kwargs) -> None:
        if self.running is not None or not self.available():
            return
        self.dock.show()
        self.dock.raise_()
        self.panel.set_busy(True)
        self.progress.setValue(0)
        self.result.hide()
        self.progress.show()
        self.cancel_button.show()
        self.window.statusBar().showMessage(label)
        self.busyChanged.emit(True)
        self.running = worker.start(
            fn, *args, with_state=True, on_progress=self._progress, on_result=self._done,
            on_error=self._failed, **kwargs,
        )

    def _progress(self, fraction: float, message: str) -> None:
        self.progress.setValue(int(fraction * 100))

    def _finish(self) -> None:
        self.running = None
        self.progress.hide()
        self.cancel_button.hide()
        self.panel.set_busy(False)
        self.busyChanged.emit(False)

    def _done(self, report) -> None:
        try:
            self._finish()
        except RuntimeError:  # the window closed while the change ran (it finished all the same)
            return
        self.refresh()
        self._reload_views()
        text = self.tr("没有可撤销的教学。") if report is None else report.summary(label=type_label)
        self.result.setText(text)
        self.result.show()
        self._hide_result.start()
        if report is not None:
            self.taught.emit(report)

    def _failed(self, error) -> None:
        try:
            self._finish()
        except RuntimeError:
            return
        self.window.report_error(error)
        self.refresh()

    def _reload_views(self) -> None:
        window = self.window
        window.refresh_stats()
        article = self._article_id()
        if article is not None:
            window.open_article(article)
        if window.current_id is not None:
            window.open_entity(window.current_id, record=False)

    # --- the panel --------------------------------------------------------------
    def refresh(self) -> None:
        """Read the lexicon on a worker and show it in the panel."""
        project = self.project
        if project is None:
            self.panel.show_entries([], can_undo=False)
            return
        worker.start(_lexicon_state, project, on_result=self._show_state, on_error=lambda _e: None)

    def _show_state(self, state) -> None:
        views, can_undo, pending = state
        try:
            self.panel.show_entries(views, can_undo=can_undo and self.running is None, pending=pending)
        except RuntimeError:  # the window closed while the lexicon was read
            pass
