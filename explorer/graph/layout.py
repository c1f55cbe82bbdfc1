"""Node positions, the one layout engine of the canvas and the HTML export.

Plain functions on plain data (node ids, edge pairs, label sizes), run on a
worker and tested without Qt or a browser. Up to `SPRING_LIMIT` nodes: a
force-directed layout seeded with a radial one and the positions kept from
before (so expanding a node moves little), spread by the width of the labels
and pushed apart where two nodes would touch. Above: a radial tree per
connected component (rings by breadth-first depth from the centre or the
best-connected node, each subtree in a wedge so children sit by their
parent), components packed in rows; linear in nodes plus edges, so 20,000
nodes are placed in well under a second. Positions are pixels of the canvas
and units of vis-network alike (a node is about 20 wide in both).
"""

from __future__ import annotations

import math
from collections import deque

SPRING_LIMIT = 300  # above this a force layout is too slow without scipy
SCALE_MIN = 170.0
SCALE_PER_ROOT = 55.0
TYPICAL_LABEL_WIDTH = 90.0  # px; wider labels get proportionally more room
NODE_GAP = 34.0  # px between node centres at least
NODE_SPACING = 30.0  # along a ring of the radial layout
RING_SPACING = 110.0  # between rings
RING_TWIST = 0.7  # radians each ring turns against the previous one


def compute_layout(
    nodes: list,
    edges: list[tuple],
    center=None,
    previous: dict | None = None,
    pinned: tuple = (),
    label_sizes: dict | None = None,
) -> dict:
    """Positions {node: (x, y)}, the centre (if given) at (0, 0)."""
    if not nodes:
        return {}
    if len(nodes) > SPRING_LIMIT:
        return radial_layout(nodes, edges, center)
    if not previous and not pinned:
        adjacency = {n: set(v) for n, v in _adjacency(nodes, edges).items()}
        components = _components(adjacency, center)
        if len(components) > 1:  # apart, they would drift off: each on its own, then packed
            return _packed_springs(components, edges, center, label_sizes or {})
    return spring_layout(nodes, edges, center, previous or {}, pinned, label_sizes or {})


def _packed_springs(components: list[list], edges: list[tuple], center, label_sizes: dict) -> dict:
    placed = []
    for members in components:
        inside = set(members)
        local = spring_layout(members, [(a, b) for a, b in edges if a in inside and b in inside],
                              center if center in inside else None, {}, (), {n: label_sizes[n] for n in members if n in label_sizes})
        cx = sum(x for x, _ in local.values()) / len(local)
        cy = sum(y for _, y in local.values()) / len(local)
        local = {n: (x - cx, y - cy) for n, (x, y) in local.items()}
        radius = max(math.hypot(x, y) for x, y in local.values()) + NODE_SPACING
        placed.append((radius, local))
    first = placed[:1] if center is not None and center in placed[0][1] else []
    positions = _pack(first + sorted(placed[len(first):], key=lambda item: -item[0]))
    if center in positions:
        cx, cy = positions[center]
        positions = {n: (x - cx, y - cy) for n, (x, y) in positions.items()}
    return positions


def spring_layout(nodes, edges, center, previous: dict, pinned: tuple, label_sizes: dict) -> dict:
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    import networkx as nx  # here, on the worker thread, not at start-up

    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from((a, b) for a, b in edges if a != b)
    initial = seed_layout(nodes, edges, center)
    for node, (x, y) in previous.items():
        if node in initial:
            initial[node] = (x, y)
    scale = max(SCALE_MIN, SCALE_PER_ROOT * math.sqrt(len(nodes)))  # room grows with the graph
    if label_sizes:  # long names need longer edges
        mean_width = sum(w for w, _ in label_sizes.values()) / len(label_sizes)
        scale *= min(2.2, max(1.0, mean_width / TYPICAL_LABEL_WIDTH))
    norm = {n: (x / scale, y / scale) for n, (x, y) in initial.items()}
    fixed = [n for n in pinned if n in graph] or ([center] if center in graph else None)
    k = 1.4 / math.sqrt(len(nodes))
    pos = nx.spring_layout(graph, pos=norm, fixed=fixed, k=k, iterations=80, seed=7)
    result = {n: (float(p[0]) * scale, float(p[1]) * scale) for n, p in pos.items()}
    result = separate(result, NODE_GAP, frozen=set(fixed or ()))
    if center in result and not fixed:
        cx, cy = result[center]
        result = {n: (x - cx, y - cy) for n, (x, y) in result.items()}
    return result


def separate(positions: dict, gap: float, frozen: set | frozenset = frozenset(), rounds: int = 40) -> dict:
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


def _adjacency(nodes, edges) -> dict:
    adjacency: dict = {n: [] for n in nodes}
    for a, b in edges:
        if a in adjacency and b in adjacency and a != b:
            adjacency[a].append(b)
            adjacency[b].append(a)
    return adjacency


def seed_layout(nodes: list, edges: list[tuple], center=None) -> dict:
    """The spring layout's start: rings by hop distance from `center`, each ring
    turned a little against the last (chains bend instead of lining up)."""
    adjacency = _adjacency(nodes, edges)
    root = center if center in adjacency else nodes[0]
    depth, parent, order = {root: 0}, {root: None}, [root]
    queue = deque([root])
    while queue:
        node = queue.popleft()
        for other in adjacency[node]:
            if other not in depth:
                depth[other], parent[other] = depth[node] + 1, node
                order.append(other)
                queue.append(other)
    far = max(depth.values()) + 1
    for node in nodes:  # unreachable nodes form an outer ring
        if node not in depth:
            depth[node], parent[node] = far, None
            order.append(node)
    rings: dict[int, list] = {}
    for node in order:
        rings.setdefault(depth[node], []).append(node)
    angle, pos = {root: 0.0}, {root: (0.0, 0.0)}
    for level in sorted(rings):
        if level == 0:
            continue
        members = sorted(rings[level], key=lambda n: angle.get(parent[n], 0.0) if parent[n] is not None else 10.0)
        radius = level * max(150.0, len(members) * 9.0 / (2 * math.pi))
        for i, node in enumerate(members):
            theta = 2 * math.pi * i / len(members) + (level - 1) * RING_TWIST
            angle[node] = theta
            pos[node] = (radius * math.cos(theta), radius * math.sin(theta))
    return pos


def radial_layout(nodes: list, edges: list[tuple], center=None) -> dict:
    """Radial trees per component, packed in rows; `center` (if given) is the
    root of its component and ends at (0, 0)."""
    adjacency = {n: set(v) for n, v in _adjacency(nodes, edges).items()}
    components = _components(adjacency, center)
    first = components[:1] if center in adjacency else []
    rest = sorted(components[len(first):], key=len, reverse=True)
    placed = [_ring_component(adjacency, members, center) for members in first + rest]
    positions = _pack(placed)
    if center in positions:
        cx, cy = positions[center]
        positions = {n: (x - cx, y - cy) for n, (x, y) in positions.items()}
    return positions


def _components(adjacency: dict, center=None) -> list[list]:
    seen: set = set()
    components = []
    starts = ([center] if center in adjacency else []) + list(adjacency)
    for start in starts:
        if start in seen:
            continue
        seen.add(start)
        members = [start]
        queue = deque([start])
        while queue:
            for neighbour in adjacency[queue.popleft()]:
                if neighbour not in seen:
                    seen.add(neighbour)
                    members.append(neighbour)
                    queue.append(neighbour)
        components.append(members)
    return components


def _ring_component(adjacency: dict, members: list, center=None) -> tuple[float, dict]:
    """Radial tree layout of one component; returns (radius, local positions).
    Each subtree gets a wedge of the circle in proportion to its size."""
    if len(members) == 1:
        return NODE_SPACING / 2, {members[0]: (0.0, 0.0)}
    root = center if center in members else max(members, key=lambda node: len(adjacency[node]))
    children: dict = {root: []}
    depth, parent, order = {root: 0}, {root: None}, [root]
    for node in order:  # `order` grows while we walk it: a breadth-first queue
        below = depth[node] + 1
        for neighbour in adjacency[node]:
            if neighbour not in depth:
                depth[neighbour], parent[neighbour] = below, node
                children[node].append(neighbour)
                children[neighbour] = []
                order.append(neighbour)
    size = dict.fromkeys(order, 1)
    for node in reversed(order[1:]):
        size[parent[node]] += size[node]
    ring_counts = [0] * (depth[order[-1]] + 1)
    for node in order:
        ring_counts[depth[node]] += 1
    radii = [0.0]
    for count in ring_counts[1:]:  # room for the ring's nodes, outside the previous ring
        radii.append(max(radii[-1] + RING_SPACING, count * NODE_SPACING / (2 * math.pi)))
    wedge, positions = {root: (0.0, 2 * math.pi)}, {root: (0.0, 0.0)}
    for node in order:
        kids = children[node]
        if not kids:
            continue
        start, end = wedge[node]
        unit = (end - start) / (size[node] - 1)
        radius = radii[depth[node] + 1]
        for child in kids:
            share = unit * size[child]
            wedge[child] = (start, start + share)
            angle = start + share / 2
            positions[child] = (radius * math.cos(angle), radius * math.sin(angle))
            start += share
    return radii[-1] + NODE_SPACING, positions


def _pack(placed: list[tuple[float, dict]]) -> dict:
    """Shelf-pack component discs into rows of roughly square overall shape."""
    total_area = sum((2 * r) ** 2 for r, _ in placed)
    row_width = max(math.sqrt(total_area), 2 * placed[0][0])
    positions = {}
    x = y = row_height = 0.0
    for radius, local in placed:
        size = 2 * radius
        if x > 0 and x + size > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        cx, cy = x + radius, y + radius
        for node, (lx, ly) in local.items():
            positions[node] = (cx + lx, cy + ly)
        x += size
        row_height = max(row_height, size)
    return positions
