"""The graph canvas: the current entity's neighbourhood as a native scene.

`set_graph` shows a networkx graph (node key = entity id, attrs name/type/
mentions; edge attrs relation/evidence); `merge_graph` expands a node in
place. Layouts run in a worker (`gui.layout`) and the nodes glide to their
new places; stale layouts are dropped by a generation counter.
"""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QPointF, Qt, QTimer, QVariantAnimation, Signal
from PySide6.QtGui import QAction, QColor, QPainter, QWheelEvent
from PySide6.QtWidgets import (
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from explorer.gui import worker
from explorer.gui.graph_items import LABEL_LOD, EdgeItem, NodeItem
from explorer.gui.layout import compute_layout, layout_with_labels
from explorer.gui.style import all_types, type_icon, type_label

ANIMATE_LIMIT = 800  # above this many nodes positions jump instead of gliding
SLICE = 250  # items built per event-loop turn for large graphs
ALWAYS_LABEL_LIMIT = 150  # small graphs keep their labels at any zoom


class GraphView(QGraphicsView):
    """Zoom with the wheel, pan by dragging, double-click a node to centre it."""

    nodeActivated = Signal(object)
    contextRequested = Signal(object, QPointF)
    zoomChanged = Signal()

    def __init__(self, scene: QGraphicsScene, parent=None):
        super().__init__(scene, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setBackgroundBrush(QColor("#fbfbf8"))

    def wheelEvent(self, event: QWheelEvent) -> None:
        factor = 1.15 if event.angleDelta().y() > 0 else 1 / 1.15
        self.zoom(factor)

    def zoom(self, factor: float) -> None:
        current = self.transform().m11()
        if 0.05 < current * factor < 8:
            self.scale(factor, factor)
            self.zoomChanged.emit()

    def node_at(self, pos) -> NodeItem | None:
        for item in self.items(pos):
            if isinstance(item, NodeItem):
                return item
            if isinstance(item.parentItem(), NodeItem):
                return item.parentItem()
        return None

    def mouseDoubleClickEvent(self, event) -> None:
        node = self.node_at(event.position().toPoint())
        if node is not None:
            self.nodeActivated.emit(node.node_id)
            return
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event) -> None:
        node = self.node_at(event.pos())
        if node is not None:
            self.contextRequested.emit(node.node_id, QPointF(event.globalPos()))


class GraphCanvas(QWidget):
    nodeSelected = Signal(object)
    nodeActivated = Signal(object)  # double-click: make it the centre
    openRequested = Signal(object)  # open the entity page without recentring
    expandRequested = Signal(object)
    hopsChanged = Signal(int)
    layoutFinished = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.scene = QGraphicsScene(self)
        self.scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.view = GraphView(self.scene, self)
        self.nodes: dict = {}
        self.edges: dict = {}
        self.graph = None  # the networkx graph shown, for exporting the current view
        self.center = None
        self.hidden_types: set[str] = set()
        self._generation = 0
        self._animation: QVariantAnimation | None = None
        self._labels_shown: bool | None = None
        self._selected: list[NodeItem] = []
        self.layout_pending = False

        self.hops = QSpinBox(self)
        self.hops.setRange(1, 3)
        self.hops.setPrefix(self.tr("跳数 "))
        self.hops.setToolTip(self.tr("显示几跳以内的邻居"))
        self.hops.valueChanged.connect(self.hopsChanged)
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        bar.addWidget(self.hops)
        for text, tip, slot in (
            ("＋", self.tr("放大"), lambda: self.view.zoom(1.25)),
            ("－", self.tr("缩小"), lambda: self.view.zoom(0.8)),
            (self.tr("适应"), self.tr("缩放到全部节点"), self.fit),
        ):
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            bar.addWidget(button)
        bar.addSpacing(12)
        self.type_buttons: dict[str, QToolButton] = {}
        for entity_type in all_types():
            button = QToolButton(self)
            button.setCheckable(True)
            button.setChecked(True)
            button.setIcon(type_icon(entity_type, 14))
            button.setText(type_label(entity_type))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setToolTip(self.tr("显示或隐藏此类型"))
            button.toggled.connect(lambda on, t=entity_type: self.set_type_visible(t, on))
            self.type_buttons[entity_type] = button
            bar.addWidget(button)
        bar.addStretch(1)
        self.count_label = QLabel(self)
        bar.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

        self.view.nodeActivated.connect(self.nodeActivated)
        self.view.contextRequested.connect(self._context_menu)
        self.view.zoomChanged.connect(self.apply_level_of_detail)
        self.scene.selectionChanged.connect(self._selection_changed)

    # --- content -------------------------------------------------------------
    def clear(self) -> None:
        self._generation += 1
        self._stop_animation()
        self._selected = []
        self.scene.clear()
        self.nodes.clear()
        self.edges.clear()
        self.center = None
        self.graph = None
        self._update_count()

    def set_graph(self, graph, center) -> None:
        """Show `graph` around `center`, keeping the places of nodes already shown."""
        if graph.number_of_nodes() > ANIMATE_LIMIT:
            self._set_large_graph(graph, center)
            return
        previous = {n: (item.pos().x(), item.pos().y()) for n, item in self.nodes.items()}
        anchor = previous.get(center, (0.0, 0.0))
        self._stop_animation()
        self._selected = []
        self.scene.clear()
        self.nodes.clear()
        self.edges.clear()
        self.center = center
        self.graph = graph.copy()
        self._add(graph, QPointF(*anchor))
        for node_id, (x, y) in previous.items():
            if node_id in self.nodes:
                self.nodes[node_id].move_to(QPointF(x, y))
        self._mark_center()
        self._apply_visibility()
        self._relayout(previous={n: p for n, p in previous.items() if n in self.nodes})

    def merge_graph(self, graph, around) -> None:
        """Expand `around` in place: add what `graph` has and the canvas lacks."""
        start = self.nodes[around].pos() if around in self.nodes else QPointF(0, 0)
        self._stop_animation()
        import networkx as nx  # lazily: it costs 0.4 s of start-up

        self.graph = graph.copy() if self.graph is None else nx.compose(self.graph, graph)
        self._add(graph, start)
        self._apply_visibility()
        previous = {n: (item.pos().x(), item.pos().y()) for n, item in self.nodes.items()}
        self._relayout(previous=previous, pinned=tuple(n for n in previous if n != around))

    def _add(self, graph, start: QPointF) -> None:
        self._add_items(graph, start)
        # antialiasing doubles the cost of a repaint; big graphs stay fluid without it
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing, len(self.nodes) <= ANIMATE_LIMIT)

    def _set_large_graph(self, graph, center) -> None:
        """Lay out first (worker), then build the items in slices between event-loop
        turns, so that showing thousands of nodes never freezes the window."""
        self.clear()
        self.center = center
        self.graph = graph.copy()
        generation = self._generation
        self.layout_pending = True
        worker.start(
            compute_layout,
            list(graph.nodes),
            [(a, b) for a, b in graph.edges()],
            center,
            on_result=lambda positions: self._build_in_slices(generation, graph, positions),
            on_error=lambda error: self._build_in_slices(generation, graph, {}),
        )

    def _build_in_slices(self, generation: int, graph, positions: dict) -> None:
        if generation != self._generation:
            return
        self.scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        nodes = list(graph.nodes(data=True))
        edges = list(graph.edges(keys=True, data=True))
        pair_count: dict = {}
        slices = iter(
            [lambda rows=nodes[i : i + SLICE]: self._add_nodes(rows, positions=positions) for i in range(0, len(nodes), SLICE)]
            + [lambda rows=edges[i : i + SLICE]: self._add_edges(rows, pair_count) for i in range(0, len(edges), SLICE)]
        )

        def step():
            if generation != self._generation:
                return
            build = next(slices, None)
            if build is None:
                self.view.setRenderHint(QPainter.RenderHint.Antialiasing, False)
                self._mark_center()
                self._apply_visibility()
                self._finish_layout()
                return
            build()
            QTimer.singleShot(0, step)

        step()

    def _add_items(self, graph, start: QPointF) -> None:
        self._add_nodes(graph.nodes(data=True), start=start)
        self._add_edges(graph.edges(keys=True, data=True), {})

    def _add_nodes(self, rows, start: QPointF = QPointF(0, 0), positions: dict | None = None) -> None:
        for node_id, attrs in rows:
            if node_id in self.nodes:
                continue
            item = NodeItem(node_id, str(attrs.get("name", node_id)), attrs.get("type", ""), int(attrs.get("mentions", 0) or 0))
            if positions and node_id in positions:
                item.setPos(*positions[node_id])
            else:
                item.setPos(start)
            self.scene.addItem(item)
            self.nodes[node_id] = item

    def _add_edges(self, rows, pair_count: dict) -> None:
        for a, b, key, attrs in rows:
            if key in self.edges or a not in self.nodes or b not in self.nodes:
                continue
            edge = EdgeItem(key, self.nodes[a], self.nodes[b], attrs.get("relation", ""), attrs)
            pair = frozenset((a, b))
            edge.offset = 12.0 * pair_count.get(pair, 0)
            pair_count[pair] = pair_count.get(pair, 0) + 1
            self.scene.addItem(edge)
            self.edges[key] = edge
        self._update_count()

    def _mark_center(self) -> None:
        for node_id, item in self.nodes.items():
            if item.is_center != (node_id == self.center):
                item.set_center(node_id == self.center)

    def apply_level_of_detail(self, force: bool = False) -> None:
        """Labels only when zoomed in enough to read them (cheap to paint when not)."""
        shown = self.view.transform().m11() >= LABEL_LOD or len(self.nodes) <= ALWAYS_LABEL_LIMIT
        if shown == self._labels_shown and not force:
            return
        self._labels_shown = shown
        for item in self.nodes.values():
            item.set_label_visible(shown)
        for edge in self.edges.values():
            edge.set_label_visible(shown)

    # --- layout ----------------------------------------------------------------
    def _relayout(self, previous: dict, pinned: tuple = ()) -> None:
        self._generation += 1
        generation = self._generation
        nodes = list(self.nodes)
        edges = [(e.source.node_id, e.target.node_id) for e in self.edges.values()]
        sizes = {n: item.label_size() for n, item in self.nodes.items()}
        radii = {n: item.radius for n, item in self.nodes.items()}
        self.layout_pending = True
        worker.start(
            layout_with_labels,
            nodes,
            edges,
            self.center,
            previous,
            pinned,
            sizes,
            radii,
            self.view.width() / max(self.view.height(), 1),
            on_result=lambda answer: self._layout_ready(generation, *answer),
            on_error=lambda error: self._layout_ready(generation, {}),
        )

    def _layout_ready(self, generation: int, positions: dict, sides: dict | None = None) -> None:
        if generation != self._generation:
            return
        for node_id, side in (sides or {}).items():
            if node_id in self.nodes:
                self.nodes[node_id].set_label_side(side)
        starts = {n: self.nodes[n].pos() for n in positions if n in self.nodes}
        targets = {n: QPointF(*positions[n]) for n in starts}
        if len(targets) > ANIMATE_LIMIT or not self.isVisible():
            for node_id, point in targets.items():
                self.nodes[node_id].move_to(point)
            self._finish_layout()
            return
        self.scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)  # items move every frame
        animation = QVariantAnimation(self)
        animation.setStartValue(0.0)
        animation.setEndValue(1.0)
        animation.setDuration(380)
        animation.setEasingCurve(QEasingCurve.Type.OutCubic)

        def step(value):
            t = float(value)
            for node_id, target in targets.items():
                s = starts[node_id]
                self.nodes[node_id].move_to(s + (target - s) * t)

        animation.valueChanged.connect(step)
        animation.finished.connect(self._finish_layout)
        self._animation = animation
        animation.start()

    def _finish_layout(self) -> None:
        self._animation = None
        self.layout_pending = False
        self.scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)  # still: index for painting
        self.fit()
        self.apply_level_of_detail(force=True)
        self.layoutFinished.emit()

    def _stop_animation(self) -> None:
        if self._animation is not None:
            self._animation.stop()
            self._animation = None

    # --- view ----------------------------------------------------------------------
    def fit(self) -> None:
        visible = [item for item in self.nodes.values() if item.isVisible()]
        if not visible:
            return
        def extent(item):  # the shape and its label
            return item.mapRectToScene(item.boundingRect().united(item.childrenBoundingRect()))

        rect = extent(visible[0])
        for item in visible[1:]:
            rect = rect.united(extent(item))
        rect = rect.adjusted(-30, -30, 30, 30)
        self.scene.setSceneRect(rect.adjusted(-2000, -2000, 2000, 2000))
        self.view.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        if self.view.transform().m11() > 1.6:
            self.view.resetTransform()
            self.view.scale(1.6, 1.6)
            self.view.centerOn(rect.center())
        self.apply_level_of_detail()

    def set_type_visible(self, entity_type: str, visible: bool) -> None:
        if visible:
            self.hidden_types.discard(entity_type)
        else:
            self.hidden_types.add(entity_type)
        button = self.type_buttons.get(entity_type)
        if button is not None and button.isChecked() != visible:
            button.setChecked(visible)
        self._apply_visibility()

    def _apply_visibility(self) -> None:
        for item in self.nodes.values():
            item.setVisible(item.entity_type not in self.hidden_types or item.node_id == self.center)
        for edge in self.edges.values():
            edge.setVisible(edge.source.isVisible() and edge.target.isVisible())
        self._update_count()

    def current_view(self):
        """The shown graph without hidden types, as a networkx graph."""
        if self.graph is None:
            import networkx as nx

            return nx.MultiDiGraph()
        view = self.graph.subgraph(self.visible_nodes()).copy()
        view.graph["center"] = self.center
        return view

    def visible_nodes(self) -> list:
        return [n for n, item in self.nodes.items() if item.isVisible()]

    def _update_count(self) -> None:
        nodes = sum(item.isVisible() for item in self.nodes.values())
        edges = sum(edge.isVisible() for edge in self.edges.values())
        self.count_label.setText(self.tr("%1 个节点 · %2 条关系").replace("%1", str(nodes)).replace("%2", str(edges)))

    def select(self, node_id) -> None:
        self.scene.clearSelection()
        if node_id in self.nodes:
            self.nodes[node_id].setSelected(True)

    def _selection_changed(self) -> None:
        selected = [item for item in self.scene.selectedItems() if isinstance(item, NodeItem)]
        for item in self._selected + selected:
            item.update_look()
            item.set_label_visible(bool(self._labels_shown))
        self._selected = selected
        if selected:
            self.nodeSelected.emit(selected[0].node_id)

    def _context_menu(self, node_id, global_pos: QPointF) -> None:
        menu = QMenu(self)
        centre = QAction(self.tr("设为中心"), menu)
        centre.triggered.connect(lambda: self.nodeActivated.emit(node_id))
        expand = QAction(self.tr("就地展开"), menu)
        expand.triggered.connect(lambda: self.expandRequested.emit(node_id))
        open_page = QAction(self.tr("打开实体页"), menu)
        open_page.triggered.connect(lambda: self.openRequested.emit(node_id))
        hide = QAction(self.tr("隐藏此类型"), menu)
        entity_type = self.nodes[node_id].entity_type
        hide.triggered.connect(lambda: self.set_type_visible(entity_type, False))
        for action in (centre, expand, open_page, hide):
            menu.addAction(action)
        menu.popup(global_pos.toPoint())
