"""Scene items of the graph canvas: nodes shaped by type and labelled edges.

Both are plain `QGraphicsPathItem`s with `QGraphicsSimpleTextItem` labels, so
Qt paints them in C++ without calling back into Python: that is what keeps
2,000 visible nodes responsive. The canvas hides labels when zoomed out
(`set_label_visible`) instead of items deciding in a Python `paint`.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF
from PySide6.QtGui import QBrush, QColor, QFont, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsSimpleTextItem

from explorer.core.style import RELATION_EDGE, node_radius
from explorer.gui.style import colour, relation_label, shape_path

NODE_RADIUS = 11.0
LABEL_LOD = 0.55  # zoom below which labels are hidden

_NODE_FONT = None
_EDGE_FONT = None


def _fonts() -> tuple[QFont, QFont]:
    global _NODE_FONT, _EDGE_FONT
    if _NODE_FONT is None:
        _NODE_FONT = QFont()
        _NODE_FONT.setPointSizeF(9)
        _EDGE_FONT = QFont()
        _EDGE_FONT.setPointSizeF(7.5)
    return _NODE_FONT, _EDGE_FONT


class NodeItem(QGraphicsPathItem):
    """One entity: a coloured shape with its name below."""

    def __init__(self, node_id, name: str, entity_type: str, mentions: int = 0):
        super().__init__()
        self.node_id = node_id
        self.name = name
        self.entity_type = entity_type
        self.mentions = mentions
        self.edges: list[EdgeItem] = []
        self.is_center = False
        self.label_side = "below"
        self.radius = node_radius(mentions)  # the HTML export sizes nodes by the same rule
        self.setPath(shape_path(entity_type, self.radius))
        self.setBrush(QBrush(colour(entity_type)))
        self._normal_pen = QPen(colour(entity_type).darker(150), 1.2)
        self.setPen(self._normal_pen)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setToolTip(name)
        self.setZValue(2)
        self.label = QGraphicsSimpleTextItem(name, self)
        self.label.setFont(_fonts()[0])
        self.label.setBrush(QColor("#202020"))
        self._place_label()

    def _place_label(self) -> None:
        rect = self.label.boundingRect()
        w, h = rect.width(), rect.height()
        r = self.radius
        x, y = {
            "below": (-w / 2, r + 2),
            "above": (-w / 2, -r - 2 - h),
            "right": (r + 3, -h / 2),
            "left": (-r - 3 - w, -h / 2),
        }[self.label_side]
        self.label.setPos(x, y)

    def label_size(self) -> tuple[float, float]:
        rect = self.label.boundingRect()
        return (rect.width(), rect.height())

    def set_label_side(self, side: str) -> None:
        """Below (the default), above, right or left of the shape (see layout.label_sides)."""
        if side != self.label_side:
            self.label_side = side
            self._place_label()

    def set_center(self, center: bool) -> None:
        self.is_center = center
        font = QFont(_fonts()[0])
        font.setBold(center)
        self.label.setFont(font)
        self._place_label()
        self.setZValue(3 if center else 2)
        self.update_look()

    def update_look(self) -> None:
        if self.isSelected():
            self.setPen(QPen(QColor("#111111"), 3))
        elif self.is_center:
            self.setPen(QPen(QColor("#333333"), 2.5))
        else:
            self.setPen(self._normal_pen)

    def set_label_visible(self, visible: bool) -> None:
        self.label.setVisible(visible or self.is_center or self.isSelected())

    def move_to(self, point: QPointF) -> None:
        """Move and drag the edges along."""
        self.setPos(point)
        for edge in self.edges:
            edge.adjust()


class EdgeItem(QGraphicsPathItem):
    """A directed relation between two nodes: a line, an arrow head, a label."""

    def __init__(self, key, source: NodeItem, target: NodeItem, relation: str, data: dict | None = None):
        super().__init__()
        self.key = key
        self.source = source
        self.target = target
        self.relation = relation
        self.data = data or {}
        self.offset = 0.0  # moves the labels of parallel edges apart
        source.edges.append(self)
        target.edges.append(self)
        line = QColor(RELATION_EDGE.colour)
        line.setAlphaF(RELATION_EDGE.alpha)
        pen = QPen(line, RELATION_EDGE.width)
        pen.setCosmetic(True)
        self.setPen(pen)
        self.setBrush(QColor(110, 110, 110))
        self.setZValue(1)
        self.label = QGraphicsSimpleTextItem(relation_label(relation), self)
        self.label.setFont(_fonts()[1])
        self.label.setBrush(QColor("#555555"))
        self.label_wanted = True
        tip = relation_label(relation)
        evidence = self.data.get("evidence") or []
        if evidence:
            tip += "\n" + str(evidence[0].get("sentence", ""))[:120]
        self.setToolTip(tip)
        self.adjust()

    def adjust(self) -> None:
        line = QLineF(self.source.pos(), self.target.pos())
        length = line.length()
        path = QPainterPath()
        if length < 1:
            self.setPath(path)
            self.label.setVisible(False)
            return
        unit = (line.p2() - line.p1()) / length
        normal = QPointF(-unit.y(), unit.x())
        start = line.p1() + unit * self.source.radius
        tip = line.p2() - unit * self.target.radius
        path.moveTo(start)
        path.lineTo(tip)
        path.addPolygon(QPolygonF([tip, tip - unit * 9 + normal * 4, tip - unit * 9 - normal * 4, tip]))
        self.setPath(path)
        rect = self.label.boundingRect()
        if normal.y() > 0 or (normal.y() == 0 and normal.x() < 0):
            normal = -normal  # beside the line, above it (or right of a vertical one)
        clearance = rect.width() / 2 * abs(normal.x()) + rect.height() / 2 * abs(normal.y()) + 1
        mid = line.center() + normal * (clearance + self.offset)
        self.label.setPos(mid.x() - rect.width() / 2, mid.y() - rect.height() / 2)
        self.label.setVisible(self.label_wanted and length > 60)

    def set_label_visible(self, visible: bool) -> None:
        self.label_wanted = visible
        self.label.setVisible(visible and QLineF(self.source.pos(), self.target.pos()).length() > 60)
