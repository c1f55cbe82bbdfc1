"""The main window: search, home page, graph canvas, entity page, article
reader and documents panel.

Everything slow (reading an entity, a neighbourhood, a layout, an ingest)
runs on the thread pool; answers are matched to the request that asked for
them by a sequence number, so a late answer never overwrites a newer view.
Menus and project handling live in `gui.menus`, the home page, documents,
the sample and article tabs in `gui.window_pages`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from explorer.gui import worker
from explorer.gui.article_reader import ArticleReader
from explorer.gui.documents_panel import DocumentsPanel
from explorer.gui.entity_page import EntityPage
from explorer.gui.errors import show_error, user_message
from explorer.gui.graph_canvas import GraphCanvas
from explorer.gui.graph_data import count_neighbourhood
from explorer.gui.home_page import HomePage
from explorer.gui.menus import MenuMixin
from explorer.gui.navigation import Breadcrumb, History, Place
from explorer.gui.search_panel import SearchPanel
from explorer.gui.teach import TeachController
from explorer.gui.undo import CorrectionCommand
from explorer.gui.window_pages import PagesMixin


def _unique(main: QKeySequence, standard) -> list[QKeySequence]:
    """Alt+Left plus the platform's Back keys, without registering one twice
    and without plain Backspace (it belongs to the text fields)."""
    keys = [main]
    for key in QKeySequence.keyBindings(standard):
        if key not in keys and key != QKeySequence(Qt.Key.Key_Backspace):
            keys.append(key)
    return keys


class MainWindow(PagesMixin, MenuMixin, QMainWindow):
    entityShown = Signal(object)  # the EntityDetail now on the page
    graphShown = Signal(object)  # the centre entity id once its layout settled
    articleShown = Signal(object)
    projectChanged = Signal()
    languageSwitched = Signal(str)  # the user chose another interface language
    errorReported = Signal(object)  # every error shown to the user (explorer.app's --screenshot counts them)
    homeShown = Signal(object)  # the ProjectSummary now on the home page
    comentionsShown = Signal(int)  # co-mention pairs drawn on the canvas

    def __init__(self, backend=None, settings: QSettings | None = None, parent=None):
        super().__init__(parent)
        self.settings = settings if settings is not None else QSettings()
        self.backend = None
        self.history = History()
        self.undo_stack = QUndoStack(self)
        self._sequence = 0  # entity pages
        self._graph_sequence = 0  # canvas neighbourhoods and their counts
        self._pending = 0
        self.current_id = None
        self.setObjectName("MainWindow")
        self.setAcceptDrops(True)

        self.search = SearchPanel(parent=self)
        self.entity_page = EntityPage(self)
        self.canvas = GraphCanvas(self)
        self.reader = ArticleReader(self)
        self.breadcrumb = Breadcrumb(self)
        self.home_page = HomePage(self)
        self.documents_panel = DocumentsPanel(self)
        self.pages = QStackedWidget(self)  # the home page until an entity is opened, then the graph
        self.pages.addWidget(self.home_page)
        self.pages.addWidget(self.canvas)
        central = QWidget(self)
        box = QVBoxLayout(central)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.breadcrumb)
        box.addWidget(self.pages, 1)
        self.tabs = QTabWidget(self)  # articles opened in a tab of their own sit beside the graph
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setTabBarAutoHide(True)
        self.tabs.addTab(central, self.tr("图谱"))
        self.tabs.tabBar().setTabButton(0, self.tabs.tabBar().ButtonPosition.RightSide, None)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.setCentralWidget(self.tabs)
        self.docks = {}
        for name, title, widget, area in (
            ("search", self.tr("搜索"), self.search, Qt.DockWidgetArea.LeftDockWidgetArea),
            ("entity", self.tr("实体"), self.entity_page, Qt.DockWidgetArea.RightDockWidgetArea),
            ("article", self.tr("原文"), self.reader, Qt.DockWidgetArea.RightDockWidgetArea),
            ("documents", self.tr("文档"), self.documents_panel, Qt.DockWidgetArea.BottomDockWidgetArea),
        ):
            dock = QDockWidget(title, self)
            dock.setObjectName(f"dock-{name}")
            dock.setWidget(widget)
            self.addDockWidget(area, dock)
            self.docks[name] = dock
        self.resizeDocks([self.docks["search"], self.docks["entity"]], [260, 420], Qt.Orientation.Horizontal)
        self.docks["documents"].hide()  # opened from the home page, the Project menu or Ctrl+D

        self.teaching = TeachController(self)  # reader menu, lexicon dock, progress (issue 16)
        self._build_actions()
        self._build_menus()
        self._connect()
        self.restore_layout()
        QApplication.instance().installEventFilter(self)
        if backend is not None:
            self.set_backend(backend)
        else:
            self._update_title()

    # --- wiring ---------------------------------------------------------------
    def _build_actions(self) -> None:
        self.back_action = QAction(self.tr("后退"), self)
        self.back_action.setShortcuts(_unique(QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Left), QKeySequence.StandardKey.Back))
        self.back_action.triggered.connect(self.go_back)
        self.forward_action = QAction(self.tr("前进"), self)
        self.forward_action.setShortcuts(_unique(QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Right), QKeySequence.StandardKey.Forward))
        self.forward_action.triggered.connect(self.go_forward)
        # short labels that never grow; what would be undone is in the tooltip
        self.undo_action = QAction(self.tr("撤销"), self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(self.undo_stack.undo)
        self.redo_action = QAction(self.tr("重做"), self)
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.redo_action.triggered.connect(self.undo_stack.redo)
        self.undo_stack.indexChanged.connect(self._update_undo_actions)
        self._update_undo_actions()
        self.home_action = QAction(self.tr("首页"), self)
        self.home_action.setShortcut(QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Home))
        self.home_action.setToolTip(self.tr("项目概览（Alt+Home）"))
        self.home_action.triggered.connect(self.show_home)
        toolbar = self.addToolBar(self.tr("导航"))
        toolbar.setObjectName("toolbar-navigation")
        for action in (self.home_action, self.back_action, self.forward_action, self.undo_action, self.redo_action):
            toolbar.addAction(action)
        self.toolbar = toolbar
        self._update_navigation()

    def _update_undo_actions(self, *_args) -> None:
        stack = self.undo_stack
        if not isValid(stack):
            return  # the window is being torn down
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())
        undo_tip = self.tr("撤销：%1").replace("%1", stack.undoText()) if stack.canUndo() else self.tr("没有可撤销的更正")
        redo_tip = self.tr("重做：%1").replace("%1", stack.redoText()) if stack.canRedo() else self.tr("没有可重做的更正")
        self.undo_action.setToolTip(undo_tip)
        self.redo_action.setToolTip(redo_tip)
        self.undo_action.setStatusTip(undo_tip)
        self.redo_action.setStatusTip(redo_tip)

    def _connect(self) -> None:
        self._connect_pages()
        self.search.entityChosen.connect(self.open_entity)
        self.search.failed.connect(self.report_error)
        self.entity_page.entityClicked.connect(self.open_entity)
        self.entity_page.articleClicked.connect(self.open_article)
        self.entity_page.correctionRequested.connect(self.apply_correction)
        self.entity_page.mergeRequested.connect(self.ask_merge)
        self.entity_page.splitRequested.connect(self.ask_split)
        self.reader.entityClicked.connect(self.open_entity)
        self.reader.widenRequested.connect(self.widen_reader)
        self.reader.tabRequested.connect(self.open_article_tab)
        self.entity_page.placeClicked.connect(self.open_place)
        self.canvas.comentionsToggled.connect(lambda _on: self.load_comentions())
        self.canvas.nodeActivated.connect(self.open_entity)
        self.canvas.openRequested.connect(lambda node: self.open_entity(node))
        self.canvas.expandRequested.connect(self.expand_node)
        self.canvas.hopsChanged.connect(lambda _: self.reload_graph())
        self.canvas.limitChanged.connect(lambda _: self.reload_graph())
        self.canvas.edgeFactWanted.connect(self.load_fact)
        self.canvas.articleRequested.connect(self.open_article)
        self.canvas.nodeSelected.connect(self._node_selected)
        self.canvas.layoutFinished.connect(self._layout_finished)
        self.breadcrumb.stepClicked.connect(self.go_to_step)

    def set_backend(self, backend) -> None:
        """Switch to another open project; the old one is closed."""
        if self.backend is not None and self.backend is not backend:
            worker.wait_all()
            self.backend.close()
        self.backend = backend
        self.search.search_fn = backend.search
        self.search.suggest_fn = getattr(backend, "suggest", None)
        self.history = History()
        self.undo_stack.clear()
        self.current_id = None
        self.canvas.clear()
        self.entity_page.show_placeholder()
        self.breadcrumb.show_history(self.history)
        self._update_navigation()
        self._update_title()
        self.refresh_stats()
        self.documents_panel.set_backend(backend)
        self.show_home()
        if backend.path is not None:
            self.remember_recent(backend.path)
        self.projectChanged.emit()

    # --- busy bookkeeping ---------------------------------------------------------
    def _start(self, fn, *args, on_result, on_error=None, **kwargs):
        self._pending += 1

        def done(value):
            self._pending -= 1
            on_result(value)

        def failed(error):
            self._pending -= 1
            self.report_error(error)
            if on_error is not None:
                on_error(error)

        return worker.start(fn, *args, on_result=done, on_error=failed, **kwargs)

    def is_busy(self) -> bool:
        return self._pending > 0 or self.canvas.layout_pending or self.documents_panel.is_busy()

    def report_error(self, error) -> None:
        self.statusBar().showMessage(user_message(error), 8000)
        show_error(self, error)
        self.errorReported.emit(error)

    # --- navigation ------------------------------------------------------------------
    def open_entity(self, entity_id, record: bool = True) -> None:
        """Show an entity's page and make it the centre of the canvas."""
        if self.backend is None:
            return
        self._sequence += 1
        sequence = self._sequence
        if record:
            self.history.visit(Place(entity_id, self._known_name(entity_id)))
        self.current_id = entity_id
        self.pages.setCurrentWidget(self.canvas)
        self.tabs.setCurrentIndex(0)
        self._update_navigation()
        self.breadcrumb.show_history(self.history)
        self._start(self.backend.entity, entity_id, on_result=lambda detail: self._entity_ready(sequence, detail))
        self.reload_graph()

    def _known_name(self, entity_id) -> str:
        node = self.canvas.nodes.get(entity_id)
        return node.name if node is not None else ""

    def _entity_ready(self, sequence: int, detail) -> None:
        if sequence != self._sequence:
            return
        self.entity_page.show_entity(detail)
        self.history.rename(detail.id, detail.name)
        self.breadcrumb.show_history(self.history)
        self.docks["entity"].raise_()
        self.entityShown.emit(detail)

    def reload_graph(self) -> None:
        """The centre's neighbourhood, without evidence (read per edge on demand),
        cut to the canvas limit; when cut, the full size is counted afterwards."""
        if self.backend is None or self.current_id is None:
            return
        self._graph_sequence += 1  # a count or graph still coming is for other settings
        sequence = self._graph_sequence
        center = self.current_id
        hops, limit = self.canvas.hops.value(), self.canvas.limit.value()
        self._start(
            self.backend.neighbourhood,
            center,
            hops,
            limit=limit,
            with_evidence=False,
            on_result=lambda graph: self._graph_ready(sequence, center, graph, hops, limit),
        )

    def _graph_ready(self, sequence: int, center, graph, hops: int, limit: int) -> None:
        if sequence != self._graph_sequence:
            return
        self.canvas.set_graph(graph, center)
        if graph.number_of_nodes() < limit:
            self.canvas.hide_cut()
            return
        self.canvas.show_cut(graph.number_of_nodes(), None)

        def counted(total):
            if sequence != self._graph_sequence:
                return
            if total == graph.number_of_nodes():
                self.canvas.hide_cut()  # exactly the limit: nothing was left out
            else:
                self.canvas.show_cut(graph.number_of_nodes(), total)

        worker.start(count_neighbourhood, self.backend, center, hops, on_result=counted, on_error=lambda _e: None)

    def expand_node(self, node_id) -> None:
        if self.backend is None:
            return
        sequence = self._graph_sequence
        self._start(
            self.backend.neighbourhood,
            node_id,
            1,
            limit=self.canvas.limit.value(),
            with_evidence=False,
            on_result=lambda graph: self.canvas.merge_graph(graph, node_id) if sequence == self._graph_sequence else None,
        )

    def _layout_finished(self) -> None:
        self.load_comentions()
        self.graphShown.emit(self.canvas.center)

    def load_comentions(self) -> None:
        """The co-mention layer of what the canvas shows, when it is switched on."""
        if self.backend is None or not self.canvas.comentions_on() or not self.canvas.nodes:
            return
        sequence, canvas = self._graph_sequence, self.canvas

        def shown(pairs):
            if sequence == self._graph_sequence:
                canvas.set_comentions(pairs)
                self.comentionsShown.emit(len(pairs))

        self._start(self.backend.comentions, list(canvas.nodes), on_result=shown)

    def open_place(self, name: str) -> None:
        """A step of an administrative path: open that place if the project has it."""
        if self.backend is None:
            return

        def missing(_error):
            self.statusBar().showMessage(self.tr("“%1”不在这个项目的文章中。").replace("%1", name), 6000)

        def found(detail):
            self.open_entity(detail.id)

        worker.start(self.backend.find_entity, name, "PLACE", on_result=found, on_error=missing)

    def load_fact(self, edge_key) -> None:
        """An edge's evidence, read on a worker when the user points at or opens it."""
        if self.backend is None:
            return
        canvas = self.canvas

        def failed(error):
            self.statusBar().showMessage(user_message(error), 8000)

        worker.start(self.backend.fact, edge_key, on_result=lambda fact: canvas.set_fact(edge_key, fact), on_error=failed)

    def _node_selected(self, node_id) -> None:
        node = self.canvas.nodes.get(node_id)
        if node is not None:
            hint = self.tr("双击设为中心，右键展开")
            self.statusBar().showMessage(f"{node.name} · {hint}", 5000)

    def go_back(self) -> None:
        place = self.history.back()
        if place is not None:
            self.open_entity(place.entity_id, record=False)

    def go_forward(self) -> None:
        place = self.history.forward()
        if place is not None:
            self.open_entity(place.entity_id, record=False)

    def go_to_step(self, index: int) -> None:
        place = self.history.go(index)
        if place is not None:
            self.open_entity(place.entity_id, record=False)

    def _update_navigation(self) -> None:
        self.back_action.setEnabled(self.history.can_back())
        self.forward_action.setEnabled(self.history.can_forward())

    def eventFilter(self, watched, event) -> bool:
        """Mouse back/forward buttons work anywhere in this window."""
        if event.type() == QEvent.Type.MouseButtonPress and isinstance(watched, QWidget) and watched.window() is self:
            if event.button() == Qt.MouseButton.BackButton:
                self.go_back()
                return True
            if event.button() == Qt.MouseButton.ForwardButton:
                self.go_forward()
                return True
        return super().eventFilter(watched, event)

    def open_article(self, article_id, start: int = 0, end: int = 0) -> None:
        if self.backend is None:
            return

        def shown(record):
            self.reader.show_article(record, start, end)
            self.docks["article"].show()
            self.docks["article"].raise_()
            self.articleShown.emit(record)

        self._start(self.backend.article, article_id, on_result=shown)

    # --- corrections -------------------------------------------------------------------
    def apply_correction(self, action: str, args: tuple, text: str) -> bool:
        command = CorrectionCommand(self.backend, action, args, text, on_change=self._after_undo_redo)
        try:
            command.apply()
        except Exception as error:  # noqa: BLE001 - shown to the user
            self.report_error(error)
            return False
        self.undo_stack.push(command)
        self._refresh_after_edit(command.result if action == "split" else None)
        return True

    def _after_undo_redo(self, command) -> None:
        if command.error is not None:
            self.report_error(command.error)
        self._refresh_after_edit()

    def _refresh_after_edit(self, new_id=None) -> None:
        """Every list that shows names or counts is read again: the results list
        (a renamed entity), the home page and the documents."""
        self.refresh_stats()
        if self.search.field.text().strip():
            self.search.search_now()
        if self.showing_home():
            self.refresh_home()
        if self.current_id is not None:
            self.open_entity(self.current_id, record=False)

    def ask_merge(self, entity_id) -> None:
        from explorer.gui.dialogs import EntityPickerDialog

        name = self.entity_page.detail.name if self.entity_page.detail else str(entity_id)
        dialog = EntityPickerDialog(self.backend.search, self.tr("合并到“%1”").replace("%1", name), self, target=(entity_id, name))
        self.merge_dialog = dialog
        if dialog.exec() and dialog.chosen is not None and dialog.chosen.id != entity_id:
            text = self.tr("把“%1”合并到“%2”").replace("%1", dialog.chosen.name).replace("%2", name)
            self.apply_correction("merge", (entity_id, dialog.chosen.id), text)

    def ask_split(self, entity_id) -> None:
        from explorer.gui.dialogs import SplitDialog

        detail = self.entity_page.detail
        if detail is None:
            return
        dialog = SplitDialog(detail, self)
        if dialog.exec() and dialog.article_ids():
            text = self.tr("拆分“%1”").replace("%1", detail.name)
            self.apply_correction("split", (entity_id, dialog.article_ids()), text)

    # --- window state ---------------------------------------------------------------------
    def restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 900)
        if state is not None:
            self.restoreState(state)

    def save_layout(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.sync()

    def closeEvent(self, event) -> None:
        self.save_layout()
        ingest = getattr(self, "ingest_dialog", None)
        if ingest is not None and ingest._worker is not None:
            ingest._worker.cancel()  # stops after the current file instead of finishing them all
        QApplication.instance().removeEventFilter(self)
        worker.wait_all()
        if self.backend is not None:
            self.backend.close()
            self.backend = None
        super().closeEvent(event)

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.show_ingest(paths)
