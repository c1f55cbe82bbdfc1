"""Graph algorithms on hand-built graphs and rows (no database)."""

from __future__ import annotations

import pytest

from explorer.graph import EdgeRow, NodeRow, build_graph, centrality_ranking, match_pattern, parse_pattern, shortest_paths
from explorer.graph.build import neighbourhood

NODES = [
    NodeRow(1, "光岳集团", "ORG", 5), NodeRow(2, "东昌府区", "PLACE", 3, "district"),
    NodeRow(3, "劳动模范", "HONOR", 1), NodeRow(4, "张伟", "PERSON", 2), NodeRow(5, "聊城市", "PLACE", 9, "city"),
    NodeRow(6, "凤凰公司", "ORG", 1),
]
EDGES = [
    EdgeRow(10, 1, 2, "located_in", confidence=0.8), EdgeRow(11, 1, 3, "awarded", year=2023),
    EdgeRow(12, 4, 1, "role_at", role="董事长"), EdgeRow(13, 2, 5, "part_of"),
    EdgeRow(14, 6, 5, "located_in"), EdgeRow(15, 1, 2, "located_in", confidence=0.9),  # a second statement
]


class FakeReader:
    def nodes(self, ids):
        return [n for n in NODES if n.id in set(ids)]

    def ranked_neighbours(self, frontier, exclude, types, relations, limit):
        linked = {e.object_id if e.subject_id in frontier else e.subject_id for e in self.edges_touching(frontier, relations)}
        found = [n for n in NODES if n.id in linked - exclude and (not types or n.type in types)]
        return [n.id for n in sorted(found, key=lambda n: (-n.mentions, n.id))[:max(limit, 0)]]

    def edges_touching(self, ids, relations=None, within=None):
        ids = set(ids)
        return [e for e in EDGES if (e.subject_id in ids or e.object_id in ids)
                and (not relations or e.relation in relations)
                and (within is None or (e.subject_id in within and e.object_id in within))]

    def facts_touching(self, ids, within, relations=None):
        from explorer.graph.build import FactRow, group_edges

        rows = self.edges_touching(ids, relations, within=set(within))
        return [FactRow(e.key, s, o, e.relation, e.role, e.year, e.confidence, tuple(sorted(e.statements)))
                for (s, o, *_), e in group_edges(rows).items()]

    def all_nodes(self):
        return NODES

    def all_edges(self):
        return EDGES

    def evidence(self, ids):
        return {i: [{"sentence": f"s{i}", "article_id": 1, "headline": "h", "date": None, "source": None}] for i in ids}


def test_statements_of_one_fact_become_one_edge_with_all_evidence():
    graph = build_graph(NODES, EDGES, FakeReader().evidence([e.id for e in EDGES]))
    assert graph.number_of_edges(1, 2) == 1
    data = graph.edges[1, 2, 10]
    assert data["confidence"] == 0.9 and [e["sentence"] for e in data["evidence"]] == ["s10", "s15"]
    assert graph.nodes[2] == {"name": "东昌府区", "type": "PLACE", "aliases": [], "mentions": 3, "level": "district"}


def test_neighbourhood_hops_types_and_limit():
    reader = FakeReader()
    assert set(neighbourhood(reader, 1, hops=1).nodes) == {1, 2, 3, 4}
    assert set(neighbourhood(reader, 1, hops=2).nodes) == {1, 2, 3, 4, 5}
    assert set(neighbourhood(reader, 1, hops=2, types=["PLACE"]).nodes) == {1, 2, 5}
    assert len(neighbourhood(reader, 1, hops=2, limit=2)) == 2
    assert len(neighbourhood(reader, 999)) == 0


def test_shortest_paths_ignore_direction_and_pick_the_best_edge():
    graph = build_graph(NODES, EDGES)
    paths = shortest_paths(graph, 4, 6, k=2)
    assert [[(u, v) for u, v, _k, _d in p] for p in paths] == [[(4, 1), (1, 2), (2, 5), (6, 5)]]
    assert shortest_paths(graph, 4, 999) == []


def test_pattern_parsing_and_joining_on_shared_variables():
    clauses = parse_pattern("ORG-located_in->PLACE, ORG-awarded->HONOR")
    assert [(c.subject_type, c.relation, c.object_type) for c in clauses] == [("ORG", "located_in", "PLACE"), ("ORG", "awarded", "HONOR")]
    rows = [[e for e in EDGES if e.relation == c.relation] for c in clauses]
    matches = match_pattern(clauses, rows)
    assert {(b["ORG"], b["PLACE"], b["HONOR"]) for b, _ in matches} == {(1, 2, 3)}
    assert match_pattern(clauses, rows, allowed={"PLACE": {5}}) == []
    with pytest.raises(ValueError):
        parse_pattern("ORG located in PLACE")


def test_rankings():
    graph = build_graph(NODES, EDGES)
    assert centrality_ranking(graph, by="degree", limit=1)[0][0] == 1
    assert [n for n, _ in centrality_ranking(graph, "PLACE", by="pagerank")] == [5, 2]
    with pytest.raises(ValueError):
        centrality_ranking(graph, by="magic")


def test_fast_edge_insertion_equals_networkx_add_edges_from():
    import networkx as nx

    from explorer.graph.build import _add_edges

    edges = [(1, 2, 10, {"relation": "a"}), (1, 2, 11, {"relation": "b"}), (2, 1, 12, {"relation": "c"}), (3, 3, 13, {})]
    fast, slow = nx.MultiDiGraph(), nx.MultiDiGraph()
    for g in (fast, slow):
        g.add_nodes_from([1, 2, 3])
    _add_edges(fast, edges)
    slow.add_edges_from(edges)
    assert nx.utils.graphs_equal(fast, slow)
    assert sorted(fast.in_edges(1, keys=True)) == sorted(slow.in_edges(1, keys=True))
    assert fast.number_of_edges(1, 2) == 2 and fast.degree(3) == 2
    fast.remove_edge(1, 2, key=10)
    assert fast.number_of_edges(1, 2) == 1 and not fast.has_edge(1, 2, key=10)
