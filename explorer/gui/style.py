"""How each entity type looks on screen: Qt colours, painter paths, icons
and translated labels.

The colours and shapes come from `explorer.core.style`, the one table the
HTML export reads too, so the canvas, the lists, the reader and a shared
page all show a type the same way.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPixmap, QPolygonF

from explorer.core import ENTITY_TYPES
from explorer.core.style import OTHER_STYLE, TYPE_STYLES

COLOURS = {key: style.colour for key, style in TYPE_STYLES.items()}
SHAPES = {key: style.shape for key, style in TYPE_STYLES.items()}
FALLBACK_COLOUR = OTHER_STYLE.colour


def type_label(entity_type: str) -> str:
    """The translated name of an entity type."""
    labels = {
        "PERSON": QCoreApplication.translate("EntityTypes", "人物"),
        "ORG": QCoreApplication.translate("EntityTypes", "机构"),
        "PLACE": QCoreApplication.translate("EntityTypes", "地点"),
        "PROGRAM": QCoreApplication.translate("EntityTypes", "项目"),
        "HONOR": QCoreApplication.translate("EntityTypes", "荣誉"),
    }
    return labels.get(entity_type, entity_type)


def relation_label(relation: str, inverse: bool = False) -> str:
    """The relation's name read from its subject, or from its object if `inverse`."""
    if inverse:
        inverse_labels = {
            "located_in": QCoreApplication.translate("Relations", "包含"),
            "awarded": QCoreApplication.translate("Relations", "获得者"),
            "role_at": QCoreApplication.translate("Relations", "人员"),
            "issued_by": QCoreApplication.translate("Relations", "颁发"),
            "participates_in": QCoreApplication.translate("Relations", "参与者"),
            "part_of": QCoreApplication.translate("Relations", "下属"),
        }
        return inverse_labels.get(relation, relation)
    labels = {
        "located_in": QCoreApplication.translate("Relations", "位于"),
        "awarded": QCoreApplication.translate("Relations", "获得"),
        "role_at": QCoreApplication.translate("Relations", "任职于"),
        "issued_by": QCoreApplication.translate("Relations", "颁发单位"),
        "participates_in": QCoreApplication.translate("Relations", "参与"),
        "part_of": QCoreApplication.translate("Relations", "隶属于"),
    }
    return labels.get(relation, relation)


def colour(entity_type: str) -> QColor:
    return QColor(COLOURS.get(entity_type, FALLBACK_COLOUR))


@lru_cache(maxsize=512)
def shape_path(entity_type: str, radius: float) -> QPainterPath:
    """The node outline for a type, centred on (0, 0)."""
    path = QPainterPath()
    r = radius
    shape = SHAPES.get(entity_type, "circle")
    if shape == "square":
        path.addRect(QRectF(-r * 0.85, -r * 0.85, r * 1.7, r * 1.7))
    elif shape == "triangle":
        path.addPolygon(QPolygonF([QPointF(0, -r), QPointF(r, r * 0.8), QPointF(-r, r * 0.8), QPointF(0, -r)]))
    elif shape == "diamond":
        path.addPolygon(QPolygonF([QPointF(0, -r), QPointF(r, 0), QPointF(0, r), QPointF(-r, 0), QPointF(0, -r)]))
    elif shape == "hexagon":
        points = [QPointF(r * x, r * y) for x, y in ((1, 0), (0.5, 0.87), (-0.5, 0.87), (-1, 0), (-0.5, -0.87), (0.5, -0.87), (1, 0))]
        path.addPolygon(QPolygonF(points))
    else:
        path.addEllipse(QPointF(0, 0), r, r)
    return path


@lru_cache(maxsize=None)
def type_icon(entity_type: str, size: int = 16) -> QIcon:
    """A small coloured shape; drawn, so no image file can go missing."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(size / 2, size / 2)
    painter.setPen(colour(entity_type).darker(140))
    painter.setBrush(colour(entity_type))
    painter.drawPath(shape_path(entity_type, size / 2 - 1.5))
    painter.end()
    return QIcon(pixmap)


def all_types() -> tuple[str, ...]:
    return ENTITY_TYPES
