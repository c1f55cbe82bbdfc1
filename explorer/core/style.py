"""How each entity type and relation looks, in the app and in the HTML export.

One table, read by the canvas (`gui/style.py` turns it into Qt colours and
painter paths) and by the HTML export (`export/html.py` turns it into
vis-network groups and shapes), so a programme is the same purple hexagon
on screen and in a page sent to a colleague. Plain data: no Qt, no vis.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TypeStyle:
    label: str  # Chinese name of the type (the GUI translates it)
    colour: str  # fill, "#rrggbb"
    shape: str  # circle | square | triangle | hexagon | diamond


TYPE_STYLES: dict[str, TypeStyle] = {
    "PERSON": TypeStyle("人物", "#e4572e", "circle"),
    "ORG": TypeStyle("机构", "#2e86ab", "square"),
    "PLACE": TypeStyle("地点", "#3bb273", "triangle"),
    "PROGRAM": TypeStyle("项目", "#a05195", "hexagon"),
    "HONOR": TypeStyle("荣誉", "#f0a202", "diamond"),
}
OTHER_STYLE = TypeStyle("其他", "#888888", "circle")
SHAPES = ("circle", "square", "triangle", "hexagon", "diamond")

# Relation names read from the subject (位于) and from the object (包含).
RELATION_LABELS: dict[str, str] = {
    "located_in": "位于",
    "awarded": "获得",
    "role_at": "任职于",
    "issued_by": "颁发单位",
    "participates_in": "参与",
    "part_of": "隶属于",
}
INVERSE_RELATION_LABELS: dict[str, str] = {
    "located_in": "包含",
    "awarded": "获得者",
    "role_at": "人员",
    "issued_by": "颁发",
    "participates_in": "参与者",
    "part_of": "下属",
}


@dataclass(frozen=True)
class EdgeStyle:
    colour: str
    alpha: float  # 0..1, how strongly the line is drawn
    width: float  # px at weight 1
    dashed: bool


# Typed relations are the facts; co-mentions ("named in the same article")
# are context, so they are drawn lighter, dashed, and thicker with more articles.
RELATION_EDGE = EdgeStyle("#787878", 0.67, 1.1, False)
COMENTION_EDGE = EdgeStyle("#9aa7b8", 0.45, 0.8, True)
COMENTION_LABEL = "同文共现"
COMENTION_MAX_WIDTH = 5.0


def type_style(entity_type: str) -> TypeStyle:
    return TYPE_STYLES.get(entity_type, OTHER_STYLE)


def comention_width(articles: int) -> float:
    """Line width for a pair named together in `articles` articles."""
    return min(COMENTION_MAX_WIDTH, COMENTION_EDGE.width + 0.6 * (max(articles, 1) - 1))


def node_radius(mentions: int) -> float:
    """Node size grows with the log of its mentions (same rule on canvas and page)."""
    import math

    return 11.0 + min(8.0, math.log1p(max(mentions, 0)) * 2.0)
