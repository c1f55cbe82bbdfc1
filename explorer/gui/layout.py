"""Node positions for the graph canvas, computed off the UI thread.

Plain functions on plain data (node ids, edge pairs), so they run in a
worker and are tested without Qt. Small graphs get a force-directed layout
seeded with the current positions (so expanding a node moves little);
large ones a radial layout by hop distance, which is O(n) and readable.
"""

from __future__ import annotations

import math
from collections import deque

SPRING_LIMIT = 300  # above this a force layout is too slow without scipy
SCALE_MIN = 170.0
SCALE_PER_ROOT = 55.0


def compute_layout(
    nodes: list,
    edges: list[tuple],
    center=None,
    previous: dict | None = None,
    pinned: tuple = (),
) -> dict:
    """Positions {node: (x, y)} in scene pixels, the centre at (0, 0)."""
    if not nodes:
        return {}
    previous = previous or {}
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
    norm = {n: (x / scale, y / scale) for n, (x, y) in initial.items()}
    fixed = [n for n in pinned if n in graph] or ([center] if center in graph else None)
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    k = 1.4 / math.sqrt(len(nodes))
    pos = nx.spring_layout(graph, pos=norm, fixed=fixed, k=k, iterations=60, seed=7)
    result = {n: (float(p[0]) * scale, float(p[1]) * scale) for n, p in pos.items()}
    if center in result and not fixed:
        cx, cy = result[center]
        result = {n: (x - cx, y - cy) for n, (x, y) in result.items()}
    return result


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
            theta = 2 * math.pi * i / len(members)
            angle[node] = theta
            pos[node] = (radius * math.cos(theta), radius * math.sin(theta))
    return pos
