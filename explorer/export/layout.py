"""Node positions computed in Python, so the browser never runs physics on
a large graph.

`spring` (networkx's Fruchterman-Reingold, dense numpy) is pleasant but
quadratic, so it is used for small graphs only. `radial` is linear in nodes
plus edges: each connected component is a radial tree (rings by
breadth-first depth from its best-connected node, subtrees in wedges), and
components are packed in rows, largest first. It places 20,000 nodes in well under a second.
"""

from __future__ import annotations

import math
from collections import deque

import networkx as nx

# Distance between neighbouring nodes on a ring and between rings, in
# vis-network canvas units (a default node is about 20 units wide).
NODE_SPACING = 28.0
RING_SPACING = 90.0
SPRING_MAX_NODES = 500


def compute_layout(graph: nx.MultiDiGraph) -> dict:
    """Positions {node: (x, y)} for every node of `graph`."""
    if graph.number_of_nodes() == 0:
        return {}
    if graph.number_of_nodes() <= SPRING_MAX_NODES:
        return spring_layout(graph)
    return radial_layout(graph)


def spring_layout(graph: nx.MultiDiGraph) -> dict:
    n = graph.number_of_nodes()
    scale = max(200.0, NODE_SPACING * 2.2 * math.sqrt(n))
    simple = nx.Graph(graph)  # FR only needs who touches whom
    positions = nx.spring_layout(simple, seed=7, scale=scale, iterations=60)
    return {node: (float(x), float(y)) for node, (x, y) in positions.items()}


def radial_layout(graph: nx.MultiDiGraph) -> dict:
    adjacency = _undirected_adjacency(graph)
    components = _components(adjacency)
    components.sort(key=len, reverse=True)
    placed = [_ring_component(adjacency, nodes) for nodes in components]
    return _pack(placed)


def _undirected_adjacency(graph: nx.MultiDiGraph) -> dict:
    """Neighbours regardless of direction (the raw dicts: set unions run in C)."""
    succ, pred = graph._succ, graph._pred
    return {node: (succ[node].keys() | pred[node].keys()) - {node} for node in succ}


def _components(adjacency: dict) -> list[list]:
    seen: set = set()
    components = []
    for start in adjacency:
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


def _ring_component(adjacency: dict, members: list) -> tuple[float, dict]:
    """Radial tree layout of one component; returns (radius, local positions).

    A breadth-first tree from the best-connected node: depth sets the ring,
    and each subtree gets a wedge of the circle in proportion to its size,
    so children sit beside their parent.
    """
    if len(members) == 1:
        return NODE_SPACING / 2, {members[0]: (0.0, 0.0)}
    root = max(members, key=lambda node: len(adjacency[node]))
    depth = {root: 0}
    parent = {root: None}
    children: dict = {root: []}
    order = [root]
    for node in order:  # `order` grows while we walk it: a breadth-first queue
        below = depth[node] + 1
        kids = children[node]
        for neighbour in adjacency[node]:
            if neighbour not in depth:
                depth[neighbour] = below
                parent[neighbour] = node
                kids.append(neighbour)
                children[neighbour] = []
                order.append(neighbour)
    size = dict.fromkeys(order, 1)
    for node in reversed(order[1:]):
        size[parent[node]] += size[node]
    ring_counts = [0] * (depth[order[-1]] + 1)
    for node in order:
        ring_counts[depth[node]] += 1
    radii = [0.0]
    for count in ring_counts[1:]:
        # big enough for the ring's nodes and outside the previous ring
        radii.append(max(radii[-1] + RING_SPACING, count * NODE_SPACING / (2 * math.pi)))
    wedge = {root: (0.0, 2 * math.pi)}
    positions = {root: (0.0, 0.0)}
    cos, sin = math.cos, math.sin
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
            positions[child] = (radius * cos(angle), radius * sin(angle))
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
            x = 0.0
            y += row_height
            row_height = 0.0
        cx, cy = x + radius, y + radius
        for node, (lx, ly) in local.items():
            positions[node] = (cx + lx, cy + ly)
        x += size
        row_height = max(row_height, size)
    return positions
