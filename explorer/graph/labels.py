"""Where each label goes, and which way a fresh drawing is turned.

`label_sides` puts each label below, above, right or left of its node,
wherever it hides the fewest other labels, nodes and lines (a chain of nodes
on one line gets staggered labels); `turn_to_fit` turns a fresh drawing so
that it fills the view. `layout_with_labels` runs the layout and both in one
worker call (the canvas); the HTML export uses the same positions.
"""

from __future__ import annotations

import math

from explorer.graph.layout import compute_layout

LABEL_LIMIT = 200  # above this labels keep the default side (they hide when zoomed out)
SIDES = ("below", "above", "right", "left")


def label_box(x: float, y: float, radius: float, size: tuple, side: str) -> tuple:
    """(left, top, right, bottom) of a label of `size` on `side` of a node at (x, y)."""
    w, h = size
    if side == "below":
        return (x - w / 2, y + radius + 2, x + w / 2, y + radius + 2 + h)
    if side == "above":
        return (x - w / 2, y - radius - 2 - h, x + w / 2, y - radius - 2)
    if side == "right":
        return (x + radius + 3, y - h / 2, x + radius + 3 + w, y + h / 2)
    return (x - radius - 3 - w, y - h / 2, x - radius - 3, y + h / 2)


def _overlap(a: tuple, b: tuple) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def _crosses(box: tuple, p: tuple, q: tuple) -> bool:
    """Does the segment p-q pass through the box? (Liang-Barsky clipping)"""
    x0, y0 = p
    dx, dy = q[0] - x0, q[1] - y0
    low, high = 0.0, 1.0
    for edge_p, edge_q in ((-dx, x0 - box[0]), (dx, box[2] - x0), (-dy, y0 - box[1]), (dy, box[3] - y0)):
        if edge_p == 0:
            if edge_q < 0:
                return False
            continue
        t = edge_q / edge_p
        if edge_p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return False
    return True


def label_sides(
    positions: dict,
    label_sizes: dict,
    radii: dict,
    edges: list[tuple],
    order: list | None = None,
) -> dict:
    """{node: side}: greedily, most important node first (`order`), the side whose
    label box covers the least of the labels placed so far, of nodes and of lines."""
    if len(positions) > LABEL_LIMIT:
        return {}
    order = [n for n in (order or positions) if n in positions and n in label_sizes]
    segments = [(positions[a], positions[b]) for a, b in edges if a in positions and b in positions and a != b]
    node_boxes = [(x - radii.get(n, 11.0), y - radii.get(n, 11.0), x + radii.get(n, 11.0), y + radii.get(n, 11.0)) for n, (x, y) in positions.items()]
    placed: list[tuple] = []
    sides: dict = {}
    for node in order:
        x, y = positions[node]
        radius = radii.get(node, 11.0)
        best, best_cost = "below", math.inf
        for rank, side in enumerate(SIDES):
            box = label_box(x, y, radius, label_sizes[node], side)
            cost = rank * 0.5  # below, then above, then beside: a tie keeps the usual place
            cost += sum(_overlap(box, other) for other in placed)
            cost += 0.5 * sum(_overlap(box, other) for other in node_boxes)
            cost += 40.0 * sum(
                1
                for p, q in segments
                if max(p[0], q[0]) >= box[0] and min(p[0], q[0]) <= box[2] and max(p[1], q[1]) >= box[1] and min(p[1], q[1]) <= box[3]
                and _crosses(box, p, q)
            )
            if cost < best_cost:
                best, best_cost = side, cost
        sides[node] = best
        placed.append(label_box(x, y, radius, label_sizes[node], best))
    return sides


def fit_scale(positions: dict, label_sizes: dict, aspect: float) -> float:
    """How large the drawing (nodes with labels below) appears in a view of `aspect` (w/h)."""
    left = top = math.inf
    right = bottom = -math.inf
    for node, (x, y) in positions.items():
        w, h = label_sizes.get(node, (0.0, 0.0))
        left, right = min(left, x - max(w / 2, 20)), max(right, x + max(w / 2, 20))
        top, bottom = min(top, y - 20), max(bottom, y + 20 + h)
    return min(aspect / max(right - left, 1.0), 1.0 / max(bottom - top, 1.0))


def turn_to_fit(positions: dict, label_sizes: dict, aspect: float, center=None, steps: int = 12) -> dict:
    """Rotate a fresh drawing about the centre so that it fills the view best: a
    chain of long horizontal names reads better upright or slanted than flat."""
    if len(positions) < 3:
        return positions
    cx, cy = positions.get(center, (0.0, 0.0))
    best, best_scale = positions, fit_scale(positions, label_sizes, aspect) * 1.02  # a tie keeps the drawing
    for step in range(1, steps):
        angle = math.pi * step / steps
        c, s = math.cos(angle), math.sin(angle)
        turned = {n: (cx + (x - cx) * c - (y - cy) * s, cy + (x - cx) * s + (y - cy) * c) for n, (x, y) in positions.items()}
        scale = fit_scale(turned, label_sizes, aspect)
        if scale > best_scale:
            best, best_scale = turned, scale
    return best


def layout_with_labels(nodes, edges, center=None, previous=None, pinned=(), label_sizes=None, radii=None, aspect=None) -> tuple[dict, dict]:
    """Positions and label sides in one worker call; with `aspect` (the view's w/h)
    a fresh drawing (nothing kept from before) is turned to fill the view."""
    positions = compute_layout(nodes, edges, center, previous, pinned, label_sizes)
    label_sizes = label_sizes or {}
    kept = [n for n in (previous or {}) if n != center and n in positions]
    if aspect and not kept and not pinned and len(positions) <= LABEL_LIMIT:
        positions = turn_to_fit(positions, label_sizes, aspect, center)
    degree: dict = {}
    for a, b in edges:
        degree[a] = degree.get(a, 0) + 1
        degree[b] = degree.get(b, 0) + 1
    order = sorted(positions, key=lambda n: (n != center, -degree.get(n, 0)))
    return positions, label_sides(positions, label_sizes, radii or {}, edges, order)

