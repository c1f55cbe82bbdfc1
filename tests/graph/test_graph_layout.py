"""Layout quality: nodes apart, labels readable (no Qt needed)."""

from __future__ import annotations

import itertools

import networkx as nx

from explorer.graph.labels import fit_scale, label_box, label_sides, layout_with_labels, turn_to_fit
from explorer.graph.layout import separate

WIDE = (190.0, 14.0)  # a long company name (15 汉字 at 9 pt)


def _label_boxes(graph, pos, sides, radius=12.0):
    return {n: label_box(*pos[n], radius, WIDE, sides.get(n, "below")) for n in graph}


def _overlap(a, b) -> bool:
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])


def _collisions(graph, pos, sides, radius=12.0) -> int:
    labels = _label_boxes(graph, pos, sides, radius)
    shapes = {n: (x - radius, y - radius, x + radius, y + radius) for n, (x, y) in pos.items()}
    clashes = sum(_overlap(labels[a], labels[b]) for a, b in itertools.combinations(graph, 2))
    clashes += sum(_overlap(labels[a], shapes[b]) for a in graph for b in graph if a != b)
    return clashes


def test_a_chain_of_long_names_is_readable():
    """The bug: nodes on one line with their labels below ran into each other."""
    g = nx.path_graph(5)
    pos, sides = layout_with_labels(list(g), list(g.edges()), 2, {}, (), {n: WIDE for n in g}, {n: 12.0 for n in g}, 0.9)
    assert _collisions(g, pos, sides) == 0


def test_a_star_of_long_names_is_readable():
    g = nx.star_graph(9)
    pos, sides = layout_with_labels(list(g), list(g.edges()), 0, {}, (), {n: WIDE for n in g}, {n: 12.0 for n in g}, 1.0)
    assert _collisions(g, pos, sides) == 0


def test_two_hops_with_shared_neighbours_is_readable():
    g = nx.Graph([(0, i) for i in range(1, 6)] + [(1, 6), (2, 6), (3, 7), (4, 7), (5, 8), (6, 9)])
    pos, sides = layout_with_labels(list(g), list(g.edges()), 0, {}, (), {n: WIDE for n in g}, {n: 12.0 for n in g}, 1.2)
    assert _collisions(g, pos, sides) <= 1


def test_a_label_avoids_the_line_leaving_its_node_downwards():
    pos = {"a": (0.0, 0.0), "b": (0.0, 200.0)}
    sides = label_sides(pos, {"a": WIDE, "b": WIDE}, {"a": 12.0, "b": 12.0}, [("a", "b")])
    assert sides["a"] != "below" and sides["b"] != "above"


def test_nodes_on_top_of_each_other_are_pushed_apart_but_frozen_ones_stay():
    spread = separate({1: (0.0, 0.0), 2: (0.0, 0.0), 3: (5.0, 0.0)}, gap=30.0, frozen={1})
    assert spread[1] == (0.0, 0.0)
    for a, b in itertools.combinations(spread, 2):
        (ax, ay), (bx, by) = spread[a], spread[b]
        assert ((ax - bx) ** 2 + (ay - by) ** 2) ** 0.5 > 25.0


def test_a_flat_chain_is_turned_to_fill_a_tall_view():
    flat = {i: (i * 200.0, 0.0) for i in range(5)}
    sizes = {i: WIDE for i in flat}
    turned = turn_to_fit(flat, sizes, aspect=0.8, center=2)
    assert fit_scale(turned, sizes, 0.8) > 1.3 * fit_scale(flat, sizes, 0.8)
    assert turned[2] == flat[2]  # the centre stays put


def test_kept_positions_are_not_turned():
    g = nx.path_graph(4)
    previous = {1: (300.0, 0.0)}
    pos, _ = layout_with_labels(list(g), list(g.edges()), 0, previous, (), {n: WIDE for n in g}, {}, 0.5)
    plain, _ = layout_with_labels(list(g), list(g.edges()), 0, previous, (), {n: WIDE for n in g}, {}, None)
    assert pos == plain
