"""The canvas's view: zoom with the wheel, pan by dragging, double-click a
node to centre it, and find the node or edge under the pointer (an edge's
tooltip and click are handled here, its evidence by the canvas)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QWheelEvent
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView

from explorer.gui.graph_items import EdgeItem, NodeItem


class GraphView(QGraphicsView):
    """Zoom with the wheel, pan by dragging, double-click a node to centre it."""

    nodeActivated = Signal(object)
    contextRequested = Signal(object, QPointF)
    zoomChanged = Signal()
    edgeClicked = Signal(object)  # an EdgeItem
    edgeHovered = Signal(object, QPoint)  # an EdgeItem, global position of the tooltip

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

    def edge_at(self, pos) -> EdgeItem | None:
        """The edge (line, arrow or label) within a few pixels of `pos`."""
        for item in self.items(QRect(pos - QPoint(4, 4), pos + QPoint(4, 4))):
            if isinstance(item, EdgeItem) and item.isVisible():
                return item
            if isinstance(item.parentItem(), EdgeItem) and item.isVisible():
                return item.parentItem()
        return None

    def mousePressEvent(self, event) -> None:
        self._pressed_at = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        pressed = getattr(self, "_pressed_at", None)
        pos = event.position().toPoint()
        if event.button() == Qt.MouseButton.LeftButton and pressed is not None and (pos - pressed).manhattanLength() < 4:
            if self.node_at(pos) is None:
                edge = self.edge_at(pos)
                if edge is not None:
                    self.edgeClicked.emit(edge)

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip and self.node_at(event.pos()) is None:
            edge = self.edge_at(event.pos())
            if edge is not None:
                self.edgeHovered.emit(edge, event.globalPos())
        return super().viewportEvent(event)

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
