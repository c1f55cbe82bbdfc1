"""The canvas's optional co-mention layer: "named in the same article" lines.

Lighter than the typed relations (dashed, pale, no arrow, under them), their
width growing with the number of shared articles; the colours and widths
come from `explorer.core.style`, as in the HTML export. Each line follows
its two nodes (it registers in their `edges`, whose `adjust` is called when
a node moves).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLineF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem

from explorer.core.style import COMENTION_EDGE, comention_width


class CoMentionItem(QGraphicsPathItem):
    def __init__(self, source, target, articles: int):
        super().__init__()
        self.source, self.target, self.articles = source, target, articles
        colour = QColor(COMENTION_EDGE.colour)
        colour.setAlphaF(COMENTION_EDGE.alpha)
        pen = QPen(colour, comention_width(articles))
        pen.setCosmetic(True)
        if COMENTION_EDGE.dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        self.setPen(pen)
        self.setZValue(0.5)  # under the facts (1) and the nodes (2)
        text = QCoreApplication.translate("GraphCanvas", "%1 · %2\n在 %3 篇文章中同时出现")
        self.setToolTip(text.replace("%1", source.name).replace("%2", target.name).replace("%3", str(articles)))
        source.edges.append(self)
        target.edges.append(self)
        self.adjust()

    def adjust(self) -> None:
        line = QLineF(self.source.pos(), self.target.pos())
        path = QPainterPath()
        if line.length() > self.source.radius + self.target.radius:
            unit = (line.p2() - line.p1()) / line.length()
            path.moveTo(line.p1() + unit * self.source.radius)
            path.lineTo(line.p2() - unit * self.target.radius)
        self.setPath(path)

    def set_label_visible(self, _visible: bool) -> None:
        """Co-mention lines carry no label (the tooltip says what they are)."""

    def detach(self) -> None:
        for node in (self.source, self.target):
            if self in node.edges:
                node.edges.remove(self)


class CoMentionLayer:
    """The co-mention items of one canvas."""

    def __init__(self, scene):
        self.scene = scene
        self.items: list[CoMentionItem] = []

    def set_pairs(self, nodes: dict, pairs) -> int:
        """Draw (a, b, articles) pairs between nodes shown; returns how many."""
        self.clear()
        for a, b, articles in pairs:
            if a in nodes and b in nodes and a != b:
                item = CoMentionItem(nodes[a], nodes[b], int(articles))
                self.scene.addItem(item)
                self.items.append(item)
        self.apply_visibility()
        return len(self.items)

    def clear(self) -> None:
        for item in self.items:
            item.detach()
            if item.scene() is self.scene:
                self.scene.removeItem(item)
        self.items = []

    def forget(self) -> None:
        """The scene was cleared (its items are gone with it)."""
        self.items = []

    def apply_visibility(self) -> None:
        for item in self.items:
            item.setVisible(item.source.isVisible() and item.target.isVisible())

    def visible_count(self) -> int:
        return sum(item.isVisible() for item in self.items)
