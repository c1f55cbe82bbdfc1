"""Node positions and label sides for the graph canvas, computed off the UI thread.

Plain functions on plain data (node ids, edge pairs, label sizes), so they
run in a worker and are tested without Qt. Small graphs get a force-directed
layout seeded with a radial layout and the current positions (so expanding a
node moves little), spread by the width of their labels and pushed apart
where two nodes would touch; large ones a radial layout by hop distance,
which is O(n) and readable. `label_sides` then puts each label below, above,
right or left of its node, wherever it hides the fewest other labels, nodes
and lines (a chain of nodes on one line gets staggered labels).
"""

from __future__ import annotations

import math
from collections import deque

SPRING_LIMIT = 300  # above this a force layout is too slow without scipy
SCALE_MIN = 170.0
SCALE_PER_ROOT = 55.0
TYPICAL_LABEL_WIDTH = 90.0  # px; wider labels get proportionally more room
NODE_GAP = 34.0  # px between node centres at least
LABEL_LIMIT = 200  # above this labels keep the default side (they hide when zoomed out)
SIDES = ("below", "above", "right", "left")
RING_TWIST = 0.7  # radians each ring turns against the previous one


def compute_layout(
    nodes: list,
    edges: list[tuple],
    center=None,
    previous: dict | None = None,
    pinned: tuple = (),
    label_sizes: dict | None = None,
) -> dict:
    """Positions {node: (x, y)} in scene pixels, the centre at (0, 0)."""
    if not nodes:
        return {}
    previous = previous or {}
    label_sizes = label_sizes or {}
    if len(nodes) > SPRING_LIMIT:
        return radial_layout(nodes, edges, center)
    import networkx as nx  # here, on the worker thread, not at start-up
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from((a, b) for a, b in edges if a != b)
    initial = radial_layout(nodes, edges, center)
    for node, (x, y) in previous.items():
        if node in initial:
            initial[node] = (x, y)
    scale = max(SCALE_MIN, SCALE_PER_ROOT * math.sqrt(len(nodes)))  # room grows with the graph
    if label_sizes:  # long names need longer edges
        mean_width = sum(w for w, _ in label_sizes.values()) / len(label_sizes)
        scale *= min(2.2, max(1.0, mean_width / TYPICAL_LABEL_WIDTH))
    norm = {n: (x / scale, y / scale) for n, (x, y) in initial.items()}
    fixed = [n for n in pinned if n in graph] or ([center] if center in graph else None)
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    k = 1.4 / math.sqrt(len(nodes))
    pos = nx.spring_layout(graph, pos=norm, fixed=fixed, k=k, iterations=80, seed=7)
    result = {n: (float(p[0]) * scale, float(p[1]) * scale) for n, p in pos.items()}
    result = separate(result, NODE_GAP, frozen=set(fixed or ()))
    if center in result and not fixed:
        cx, cy = result[center]
        result = {n: (x - cx, y - cy) for n, (x, y) in result.items()}
    return result


def separate(positions: dict, gap: float, frozen: set = frozenset(), rounds: int = 40) -> dict:
    """Push apart nodes closer than `gap` (a spring layout can leave leaves of one
    hub on top of each other); `frozen` nodes stay where they are."""
    import numpy as np

    names = list(positions)
    if len(names) < 2:
        return dict(positions)
    xy = np.array([positions[n] for n in names], dtype=float)
    movable = np.array([n not in frozen for n in names])
    rng = np.random.default_rng(7)
    for _ in range(rounds):
        delta = xy[:, None, :] - xy[None, :, :]
        dist = np.hypot(delta[..., 0], delta[..., 1])
        np.fill_diagonal(dist, np.inf)
        close = dist < gap
        if not close.any():
            break
        same = dist < 1e-6  # exactly on top of each other: any direction will do
        if same.any():
            delta[same] = rng.normal(size=(int(same.sum()), 2))
            dist = np.where(same, 1.0, dist)
        safe = np.where(close, dist, 1.0)
        push = np.where(close, (gap - safe) / 2 / safe, 0.0)
        shift = (delta * push[..., None]).sum(axis=1)
        xy[movable] += shift[movable]
    return {n: (float(x), float(y)) for n, (x, y) in zip(names, xy, strict=True)}


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


def radial_layout(nodes: list, edges: list[tuple], center=None) -> dict:
    """Rings by hop distance from `center`; children near their parent's angle."""
    adjacency: dict = {n: [] for n in nodes}
    for a, b in edges:
        if a in adjacency and b in adjacency and a != b:
            adjacency[a].append(b)
            adjacency[b].append(a)
    root = center if center in adjacency else nodes[0]
    depth = {root: 0}
    parent: dict = {root: None}
    order = [root]
    queue = deque([root])
    while queue:
        node = queue.popleft()
        for other in adjacency[node]:
            if other not in depth:
                depth[other] = depth[node] + 1
                parent[other] = node
                order.append(other)
                queue.append(other)
    far = max(depth.values()) + 1
    for node in nodes:  # unreachable nodes form an outer ring
        if node not in depth:
            depth[node] = far
            parent[node] = None
            order.append(node)
    rings: dict[int, list] = {}
    for node in order:
        rings.setdefault(depth[node], []).append(node)
    angle = {root: 0.0}
    pos = {root: (0.0, 0.0)}
    for level in sorted(rings):
        if level == 0:
            continue
        members = rings[level]
        members.sort(key=lambda n: angle.get(parent[n], 0.0) if parent[n] is not None else 10.0)
        radius = level * max(150.0, len(members) * 9.0 / (2 * math.pi))
        for i, node in enumerate(members):
            theta = 2 * math.pi * i / len(members) + (level - 1) * RING_TWIST  # chains bend instead of lining up
            angle[node] = theta
            pos[node] = (radius * math.cos(theta), radius * math.sin(theta))
    return pos
