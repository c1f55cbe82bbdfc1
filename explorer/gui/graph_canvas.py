"""The graph canvas: the current entity's neighbourhood as a native scene.

`set_graph` shows a networkx graph (node key = entity id, attrs name/type/
mentions; edge attrs relation, evidence usually left empty); `merge_graph`
expands a node in place. Items are built in slices of at most ~8 ms between
event-loop turns, so even 2,000 nodes never freeze the window; layouts run
in a worker (`explorer.graph.layout`, shared with the HTML export) and small graphs glide to their new places;
stale work is dropped by generation counters. An edge's evidence is asked
for (`edgeFactWanted`) only when the user points at or clicks that edge.
The co-mention layer (`gui.comention_items`) is off until the user turns it on.
"""

from __future__ import annotations

import time

from PySide6.QtCore import (
    QEasingCurve,
    QPointF,
    Qt,
    QTimer,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import QAction, QPainter
from PySide6.QtWidgets import (
    QGraphicsScene,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSpinBox,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from explorer.gui import worker
from explorer.gui.canvas_overlays import EdgePanel, LimitNote, fact_tooltip
from explorer.gui.comention_items import CoMentionLayer
from explorer.gui.graph_items import LABEL_LOD, EdgeItem, NodeItem
from explorer.gui.graph_view import GraphView
from explorer.gui.style import all_types, type_icon, type_label
from explorer.services.layout import compute_layout, layout_with_labels

LARGE_LIMIT = 800  # above this many nodes: lay out first, then build the items in place
ANIMATE_LIMIT = 250  # above this many nodes positions jump instead of gliding
BUILD_BUDGET = 0.008  # seconds of item building per event-loop turn
ALWAYS_LABEL_LIMIT = 150  # small graphs keep their labels at any zoom
DEFAULT_LIMIT = 400  # nodes asked of the store (most mentioned first)
MAX_LIMIT = 2000


class GraphCanvas(QWidget):
    nodeSelected = Signal(object)
    nodeActivated = Signal(object)  # double-click: make it the centre
    openRequested = Signal(object)  # open the entity page without recentring
    expandRequested = Signal(object)
    hopsChanged = Signal(int)
    limitChanged = Signal(int)
    layoutFinished = Signal()
    edgeFactWanted = Signal(object)  # an edge key whose evidence should be read (query.fact)
    articleRequested = Signal(object, int, int)  # article id, sentence start, end
    comentionsToggled = Signal(bool)  # the co-mention layer was switched on or off

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
        self._builds = 0  # generation of item building (see _build)
        self.facts: dict = {}  # edge key -> Fact, read lazily
        self._tooltip_for = None  # (edge key, global pos) waiting for its fact
        self.layout_pending = False
        self.comentions = CoMentionLayer(self.scene)

        self.hops = QSpinBox(self)
        self.hops.setRange(1, 3)
        self.hops.setPrefix(self.tr("跳数 "))
        self.hops.setToolTip(self.tr("显示几跳以内的邻居"))
        self.hops.valueChanged.connect(self.hopsChanged)
        self.limit = QSpinBox(self)
        self.limit.setRange(50, MAX_LIMIT)
        self.limit.setSingleStep(100)
        self.limit.setValue(DEFAULT_LIMIT)
        self.limit.setPrefix(self.tr("上限 "))
        self.limit.setKeyboardTracking(False)
        self.limit.setToolTip(self.tr("最多显示多少个节点（按提及次数保留）"))
        self.limit.valueChanged.connect(self.limitChanged)
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        bar.addWidget(self.hops)
        bar.addWidget(self.limit)
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
        bar.addSpacing(12)
        self.comention_button = QToolButton(self)
        self.comention_button.setCheckable(True)
        self.comention_button.setText(self.tr("同文共现"))
        self.comention_button.setToolTip(self.tr("显示在同一篇文章中被提及的实体（浅色虚线，越粗表示共同出现的文章越多）；这不是抽取出的关系"))
        self.comention_button.toggled.connect(self._comentions_toggled)
        bar.addWidget(self.comention_button)
        bar.addStretch(1)
        self.count_label = QLabel(self)
        bar.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

        self.note = LimitNote(self.view)
        self.note.moreRequested.connect(lambda: self.limit.setValue(min(MAX_LIMIT, self.limit.value() * 2)))
        self.panel = EdgePanel(self.view)
        self.panel.articleRequested.connect(self.articleRequested)
        self.view.edgeClicked.connect(self.show_edge)
        self.view.edgeHovered.connect(self._edge_hovered)
        self.view.nodeActivated.connect(self.nodeActivated)
        self.view.contextRequested.connect(self._context_menu)
        self.view.zoomChanged.connect(self.apply_level_of_detail)
        self.scene.selectionChanged.connect(self._selection_changed)

    # --- content -------------------------------------------------------------
    def clear(self) -> None:
        self._generation += 1
        self._builds += 1
        self._stop_animation()
        self._selected = []
        self.comentions.forget()
        self.scene.clear()
        self.nodes.clear()
        self.edges.clear()
        self.facts.clear()
        self.panel.dismiss()
        self.note.hide()
        self.view.viewport().setUpdatesEnabled(True)
        self.center = None
        self.graph = None
        self._update_count()

    def set_graph(self, graph, center) -> None:
        """Show `graph` around `center`, keeping the places of nodes already shown.
        The canvas keeps `graph` itself (no copy): do not change it afterwards."""
        if graph.number_of_nodes() > LARGE_LIMIT:
            self._set_large_graph(graph, center)
            return
        previous = {n: (item.pos().x(), item.pos().y()) for n, item in self.nodes.items()}
        anchor = previous.get(center, (0.0, 0.0))
        self._stop_animation()
        self._generation += 1  # a layout still running is for the old graph
        self._selected = []
        self.comentions.forget()
        self.scene.clear()
        self.nodes.clear()
        self.edges.clear()
        self.facts.clear()
        self.panel.dismiss()
        self.center = center
        self.graph = graph  # handed over by the caller (a fresh answer of a worker)

        def built():
            for node_id, (x, y) in previous.items():
                if node_id in self.nodes:
                    self.nodes[node_id].move_to(QPointF(x, y))
            self._mark_center()
            self._apply_visibility()
            self._relayout(previous={n: p for n, p in previous.items() if n in self.nodes})

        self._build(graph, built, start=QPointF(*anchor))

    def merge_graph(self, graph, around) -> None:
        """Expand `around` in place: add what `graph` has and the canvas lacks."""
        start = self.nodes[around].pos() if around in self.nodes else QPointF(0, 0)
        self._stop_animation()
        self._generation += 1
        import networkx as nx  # lazily: it costs 0.4 s of start-up

        self.graph = graph if self.graph is None else nx.compose(self.graph, graph)

        def built():
            self._apply_visibility()
            previous = {n: (item.pos().x(), item.pos().y()) for n, item in self.nodes.items()}
            self._relayout(previous=previous, pinned=tuple(n for n in previous if n != around))

        self._build(graph, built, start=start, keep=True)

    def _set_large_graph(self, graph, center) -> None:
        """Lay out first (worker), then build the items in place, so that showing
        thousands of nodes never freezes the window."""
        self.clear()
        self.center = center
        self.graph = graph  # handed over by the caller: copying 2,000 nodes here stalls the UI
        generation = self._generation
        self.layout_pending = True

        def place(positions):
            if generation == self._generation:
                self._build(graph, self._large_built, positions=positions)

        worker.start(
            compute_layout,
            list(graph.nodes),
            [(a, b) for a, b in graph.edges()],
            center,
            on_result=place,
            on_error=lambda error: place({}),
        )

    def _large_built(self) -> None:
        self._mark_center()
        self._apply_visibility()
        build = self._builds
        QTimer.singleShot(0, lambda: self._finish_layout() if build == self._builds else None)

    def _build(self, graph, then, start: QPointF = QPointF(0, 0), positions: dict | None = None, keep: bool = False) -> None:
        """Add the items of `graph` a slice at a time (BUILD_BUDGET per event-loop
        turn), then call `then`. The viewport is not painted meanwhile: painting
        a half-built or still stacked scene is what used to stall the UI."""
        self._builds += 1
        build = self._builds
        self.layout_pending = True
        self.scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        viewport = self.view.viewport()
        if not keep:
            viewport.setUpdatesEnabled(False)
        hide_labels = graph.number_of_nodes() + len(self.nodes) > ALWAYS_LABEL_LIMIT
        nodes = iter(list(graph.nodes(data=True)))
        edges = iter(list(graph.edges(keys=True, data=True)))
        pair_count: dict = {}

        def step():
            if build != self._builds:
                return
            deadline = time.perf_counter() + BUILD_BUDGET
            while time.perf_counter() < deadline:
                rows = [row for _, row in zip(range(40), nodes)]
                if rows:
                    self._add_nodes(rows, start, positions, hide_labels)
                    continue
                rows = [row for _, row in zip(range(40), edges)]
                if rows:
                    self._add_edges(rows, pair_count, hide_labels)
                    continue
                self._update_count()
                # antialiasing doubles the cost of a repaint; big graphs stay fluid without it
                self.view.setRenderHint(QPainter.RenderHint.Antialiasing, len(self.nodes) <= LARGE_LIMIT)
                viewport.setUpdatesEnabled(True)
                QTimer.singleShot(0, lambda: then() if build == self._builds else None)  # a turn of its own
                return
            QTimer.singleShot(0, step)

        step()

    def _add_nodes(self, rows, start: QPointF, positions: dict | None, hide_labels: bool) -> None:
        for node_id, attrs in rows:
            if node_id in self.nodes:
                continue
            item = NodeItem(node_id, str(attrs.get("name", node_id)), attrs.get("type", ""), int(attrs.get("mentions", 0) or 0))
            if positions and node_id in positions:
                item.setPos(*positions[node_id])
            else:
                item.setPos(start)
            if hide_labels:
                item.label.setVisible(False)  # until the level of detail decides
            self.scene.addItem(item)
            self.nodes[node_id] = item

    def _add_edges(self, rows, pair_count: dict, hide_labels: bool) -> None:
        for a, b, key, attrs in rows:
            if key in self.edges or a not in self.nodes or b not in self.nodes:
                continue
            edge = EdgeItem(key, self.nodes[a], self.nodes[b], attrs.get("relation", ""), attrs)
            pair = frozenset((a, b))
            edge.offset = 12.0 * pair_count.get(pair, 0)
            pair_count[pair] = pair_count.get(pair, 0) + 1
            if hide_labels:
                edge.set_label_visible(False)
            self.scene.addItem(edge)
            self.edges[key] = edge

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
            moved = set()
            for node_id, point in targets.items():  # jump: every edge is redrawn once, not once per end
                item = self.nodes[node_id]
                item.setPos(point)
                moved.update(item.edges)
            for edge in moved:
                edge.adjust()
            QTimer.singleShot(0, lambda: self._finish_layout() if generation == self._generation else None)
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
        self.comentions.apply_visibility()
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
        text = self.tr("%1 个节点 · %2 条关系").replace("%1", str(nodes)).replace("%2", str(edges))
        if self.comentions.items:
            text += " · " + self.tr("%1 对共现").replace("%1", str(self.comentions.visible_count()))
        self.count_label.setText(text)

    # --- the co-mention layer ----------------------------------------------------------
    def comentions_on(self) -> bool:
        return self.comention_button.isChecked()

    def set_comentions(self, pairs) -> None:
        """(a, b, articles) pairs of the nodes shown, drawn lighter than the facts."""
        if self.comentions_on():
            self.comentions.set_pairs(self.nodes, pairs)
            self._update_count()

    def _comentions_toggled(self, on: bool) -> None:
        if not on:
            self.comentions.clear()
            self._update_count()
        self.comentionsToggled.emit(on)

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

    # --- edges and their evidence ---------------------------------------------------
    def show_edge(self, edge) -> None:
        """Open the evidence panel for `edge` (an EdgeItem or its key)."""
        edge = self.edges.get(edge) if not isinstance(edge, EdgeItem) else edge
        if edge is None:
            return
        fact = self.facts.get(edge.key)
        if fact is not None:
            self.panel.show_fact(edge.key, fact)
            return
        names = f"{edge.source.name} → {edge.target.name}"
        self.panel.show_loading(edge.key, names)
        self.edgeFactWanted.emit(edge.key)

    def _edge_hovered(self, edge, global_pos) -> None:
        if edge.key not in self.facts:
            self._tooltip_for = (edge.key, global_pos)
            self.edgeFactWanted.emit(edge.key)

    def set_fact(self, key, fact) -> None:
        """The fact behind edge `key` arrived (from a worker): remember it, put its
        sentences in the edge's tooltip and in the panel if it waits for them."""
        edge = self.edges.get(key)
        if edge is None:
            return
        self.facts[key] = fact
        tip = fact_tooltip(fact)
        edge.setToolTip(tip)
        if self.panel.key == key:
            self.panel.show_fact(key, fact)
        if self._tooltip_for is not None and self._tooltip_for[0] == key:
            pos = self._tooltip_for[1]
            self._tooltip_for = None
            if self.view.edge_at(self.view.viewport().mapFromGlobal(pos)) is edge:
                QToolTip.showText(pos, tip, self.view.viewport())

    def show_cut(self, shown: int, total: int | None) -> None:
        """Note that the store kept only the `shown` most mentioned of `total` entities
        (None: still counting; negative: at least that many)."""
        self.note.show_cut(shown, total, self.limit.value() < MAX_LIMIT)

    def hide_cut(self) -> None:
        self.note.hide()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.panel.isVisible():
            self.panel.place()

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
