"""Graph questions: shortest paths, typed path patterns, rankings.

Pure functions over NetworkX graphs and row lists; the store supplies the
rows, so these are tested with hand-built graphs.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import networkx as nx

from explorer.graph.build import EdgeRow, GraphReader, build_graph

Hop = tuple[int, int, int, dict]  # (subject, object, edge key, edge attrs)


def shortest_paths(graph: nx.MultiDiGraph, a: int, b: int, k: int = 3) -> list[list[Hop]]:
    """Up to k shortest paths between a and b, ignoring direction (a fact links
    both ways for a reader); each hop is the best-supported edge between its ends."""
    if a not in graph or b not in graph:
        return []
    simple = nx.Graph()
    simple.add_nodes_from(graph.nodes)
    simple.add_edges_from((u, v) for u, v in graph.edges() if u != v)
    try:
        node_paths = list(itertools.islice(nx.shortest_simple_paths(simple, a, b), k))
    except nx.NetworkXNoPath:
        return []
    paths = []
    for nodes in node_paths:
        hops = []
        for x, y in zip(nodes, nodes[1:]):
            choices = [(x, y, key, d) for key, d in graph.get_edge_data(x, y, default={}).items()]
            choices += [(y, x, key, d) for key, d in graph.get_edge_data(y, x, default={}).items()]
            hops.append(max(choices, key=lambda h: (h[3].get("confidence", 0), -h[2])))
        paths.append(hops)
    return paths


def connecting_subgraph(
    reader: GraphReader, a: int, b: int, max_hops: int = 6, limit: int = 50000
) -> nx.MultiDiGraph:
    """The part of the graph explored by a two-sided breadth-first search from
    a and b until they meet: enough for their shortest paths, read from the
    store instead of loading the whole project. Built without evidence."""
    seen = {a: {a}, b: {b}}
    frontier = {a: {a}, b: {b}}
    rows: dict[int, EdgeRow] = {}
    for _ in range(max_hops):
        if seen[a] & seen[b] or sum(map(len, seen.values())) > limit:
            break
        side = min((a, b), key=lambda s: len(frontier[s]))
        if not frontier[side]:
            side = b if side == a else a
            if not frontier[side]:
                break
        touching = reader.edges_touching(frontier[side])
        new: set[int] = set()
        for r in touching:
            rows[r.id] = r
            new.update((r.subject_id, r.object_id))
        new -= seen[side]
        seen[side] |= new
        frontier[side] = new
    nodes = reader.nodes(seen[a] | seen[b])
    return build_graph(nodes, rows.values())


# --- typed path patterns -------------------------------------------------------------

_CLAUSE = re.compile(r"^\s*([A-Za-z_]+\d*)\s*-\s*([a-z_]+)\s*->\s*([A-Za-z_]+\d*)\s*$")


@dataclass(frozen=True)
class Clause:
    subject_var: str
    relation: str
    object_var: str

    @property
    def subject_type(self) -> str:
        return self.subject_var.rstrip("0123456789").upper()

    @property
    def object_type(self) -> str:
        return self.object_var.rstrip("0123456789").upper()


def parse_pattern(pattern: str) -> list[Clause]:
    """"ORG-located_in->PLACE, ORG-awarded->HONOR": a variable is an entity
    type, the same variable in two clauses is the same entity; ORG2 is a
    second, different ORG."""
    clauses = []
    for part in pattern.split(","):
        if not part.strip():
            continue
        m = _CLAUSE.match(part)
        if not m:
            raise ValueError(f"cannot read pattern clause {part.strip()!r}; write TYPE-relation->TYPE")
        clauses.append(Clause(m.group(1).upper(), m.group(2), m.group(3).upper()))
    if not clauses:
        raise ValueError("empty pattern")
    return clauses


def match_pattern(
    clauses: Sequence[Clause],
    rows_per_clause: Sequence[Iterable[EdgeRow]],
    allowed: dict[str, set[int]] | None = None,
    limit: int = 1000,
) -> list[tuple[dict[str, int], list[EdgeRow]]]:
    """Join the clauses on shared variables; `allowed` restricts a variable."""
    allowed = allowed or {}
    results: list[tuple[dict[str, int], list[EdgeRow]]] = [({}, [])]
    for clause, rows in zip(clauses, rows_per_clause):
        by_subject: dict[int, list[EdgeRow]] = {}
        for r in rows:
            if clause.subject_var in allowed and r.subject_id not in allowed[clause.subject_var]:
                continue
            if clause.object_var in allowed and r.object_id not in allowed[clause.object_var]:
                continue
            by_subject.setdefault(r.subject_id, []).append(r)
        joined = []
        for binding, facts in results:
            s_bound = binding.get(clause.subject_var)
            candidates = by_subject.get(s_bound, []) if s_bound is not None else itertools.chain.from_iterable(by_subject.values())
            for r in candidates:
                o_bound = binding.get(clause.object_var)
                if o_bound is not None and o_bound != r.object_id:
                    continue
                new = {**binding, clause.subject_var: r.subject_id, clause.object_var: r.object_id}
                if len(set(new.values())) != len(new):
                    continue  # two variables never bind the same entity
                joined.append((new, [*facts, r]))
                if len(joined) >= limit * 10:
                    break
        results = joined
        if not results:
            break
    return results[:limit]


def centrality_ranking(
    graph: nx.MultiDiGraph, type_: str | None = None, by: str = "degree", limit: int = 20
) -> list[tuple[int, float]]:
    """Entities ranked by degree, pagerank or betweenness, optionally of one type."""
    if by == "degree":
        scores = dict(graph.degree())
    elif by == "pagerank":
        scores = pagerank(graph)
    elif by == "betweenness":
        k = min(200, graph.number_of_nodes()) or None
        scores = nx.betweenness_centrality(nx.Graph(graph), k=k, seed=0) if k else {}
    else:
        raise ValueError(f"unknown ranking {by!r}; use degree, pagerank or betweenness")
    ranked = [
        (n, float(s)) for n, s in scores.items()
        if type_ is None or graph.nodes[n].get("type") == type_
    ]
    ranked.sort(key=lambda item: (-item[1], item[0]))
    return ranked[:limit]


def pagerank(graph: nx.MultiDiGraph, alpha: float = 0.85, iterations: int = 50, tol: float = 1e-8) -> dict[int, float]:
    """Plain power iteration (networkx's pagerank needs scipy, which we do not ship)."""
    n = graph.number_of_nodes()
    if not n:
        return {}
    out_degree = {u: d for u, d in graph.out_degree()}
    rank = dict.fromkeys(graph, 1.0 / n)
    for _ in range(iterations):
        dangling = alpha * sum(rank[u] for u, d in out_degree.items() if d == 0) / n
        new = dict.fromkeys(graph, (1.0 - alpha) / n + dangling)
        for u, v in graph.edges():
            new[v] += alpha * rank[u] / out_degree[u]
        delta = sum(abs(new[u] - rank[u]) for u in graph)
        rank = new
        if delta < tol * n:
            break
    return rank
