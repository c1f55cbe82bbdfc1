"""The main window: search, entity page, graph canvas and article reader.

Everything slow (reading an entity, a neighbourhood, a layout, an ingest)
runs on the thread pool; answers are matched to the request that asked for
them by a sequence number, so a late answer never overwrites a newer view.
Menus and project handling live in `gui.menus`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QVBoxLayout, QWidget

from explorer.gui import worker
from explorer.gui.article_reader import ArticleReader
from explorer.gui.entity_page import EntityPage
from explorer.gui.errors import show_error, user_message
from explorer.gui.graph_canvas import GraphCanvas
from explorer.gui.graph_data import count_neighbourhood
from explorer.gui.menus import MenuMixin
from explorer.gui.navigation import Breadcrumb, History, Place
from explorer.gui.search_panel import SearchPanel
from explorer.gui.undo import CorrectionCommand


def _unique(main: QKeySequence, standard) -> list[QKeySequence]:
    """Alt+Left plus the platform's Back keys, without registering one twice
    and without plain Backspace (it belongs to the text fields)."""
    keys = [main]
    for key in QKeySequence.keyBindings(standard):
        if key not in keys and key != QKeySequence(Qt.Key.Key_Backspace):
            keys.append(key)
    return keys


class MainWindow(MenuMixin, QMainWindow):
    entityShown = Signal(object)  # the EntityDetail now on the page
    graphShown = Signal(object)  # the centre entity id once its layout settled
    articleShown = Signal(object)
    projectChanged = Signal()
    languageSwitched = Signal(str)  # the user chose another interface language
    errorReported = Signal(object)  # every error shown to the user (explorer.app's --screenshot counts them)

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
        central = QWidget(self)
        box = QVBoxLayout(central)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.breadcrumb)
        box.addWidget(self.canvas, 1)
        self.setCentralWidget(central)
        self.docks = {}
        for name, title, widget, area in (
            ("search", self.tr("搜索"), self.search, Qt.DockWidgetArea.LeftDockWidgetArea),
            ("entity", self.tr("实体"), self.entity_page, Qt.DockWidgetArea.RightDockWidgetArea),
            ("article", self.tr("原文"), self.reader, Qt.DockWidgetArea.RightDockWidgetArea),
        ):
            dock = QDockWidget(title, self)
            dock.setObjectName(f"dock-{name}")
            dock.setWidget(widget)
            self.addDockWidget(area, dock)
            self.docks[name] = dock
        self.resizeDocks([self.docks["search"], self.docks["entity"]], [260, 420], Qt.Orientation.Horizontal)

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
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("撤销"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("重做"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        toolbar = self.addToolBar(self.tr("导航"))
        toolbar.setObjectName("toolbar-navigation")
        for action in (self.back_action, self.forward_action, self.undo_action, self.redo_action):
            toolbar.addAction(action)
        self.toolbar = toolbar
        self._update_navigation()

    def _connect(self) -> None:
        self.search.entityChosen.connect(self.open_entity)
        self.search.failed.connect(self.report_error)
        self.entity_page.entityClicked.connect(self.open_entity)
        self.entity_page.articleClicked.connect(self.open_article)
        self.entity_page.correctionRequested.connect(self.apply_correction)
        self.entity_page.mergeRequested.connect(self.ask_merge)
        self.entity_page.splitRequested.connect(self.ask_split)
        self.reader.entityClicked.connect(self.open_entity)
        self.canvas.nodeActivated.connect(self.open_entity)
        self.canvas.openRequested.connect(lambda node: self.open_entity(node))
        self.canvas.expandRequested.connect(self.expand_node)
        self.canvas.hopsChanged.connect(lambda _: self.reload_graph())
        self.canvas.limitChanged.connect(lambda _: self.reload_graph())
        self.canvas.edgeFactWanted.connect(self.load_fact)
        self.canvas.articleRequested.connect(self.open_article)
        self.canvas.nodeSelected.connect(self._node_selected)
        self.canvas.layoutFinished.connect(lambda: self.graphShown.emit(self.canvas.center))
        self.breadcrumb.stepClicked.connect(self.go_to_step)

    def set_backend(self, backend) -> None:
        """Switch to another open project; the old one is closed."""
        if self.backend is not None and self.backend is not backend:
            worker.wait_all()
            self.backend.close()
        self.backend = backend
        self.search.search_fn = backend.search
        self.history = History()
        self.undo_stack.clear()
        self.current_id = None
        self.canvas.clear()
        self.entity_page.show_placeholder()
        self.breadcrumb.show_history(self.history)
        self._update_navigation()
        self._update_title()
        self.refresh_stats()
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
        return self._pending > 0 or self.canvas.layout_pending

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
        self.refresh_stats()
        if self.current_id is not None:
            self.open_entity(self.current_id, record=False)

    def ask_merge(self, entity_id) -> None:
        from explorer.gui.dialogs import EntityPickerDialog

        dialog = EntityPickerDialog(self.backend.search, self.tr("合并到当前实体"), self)
        if dialog.exec() and dialog.chosen is not None and dialog.chosen.id != entity_id:
            name = self.entity_page.detail.name if self.entity_page.detail else str(entity_id)
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
