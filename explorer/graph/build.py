"""Building MultiDiGraphs from rows (see the contract in explorer/graph/__init__.py)."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple, Protocol

import networkx as nx


@dataclass(frozen=True)
class NodeRow:
    id: int
    name: str
    type: str
    mentions: int = 0
    level: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class EdgeRow:
    """One statement of a fact (several statements make one edge)."""

    id: int
    subject_id: int
    object_id: int
    relation: str
    role: str | None = None
    year: int | None = None
    confidence: float = 0.5


class FactRow(NamedTuple):
    """One fact already grouped by the store: all its statements."""

    key: int
    subject_id: int
    object_id: int
    relation: str
    role: str | None
    year: int | None
    confidence: float
    statements: tuple[int, ...]


@dataclass
class _Edge:
    key: int
    relation: str
    role: str | None
    year: int | None
    confidence: float
    statements: list[int] = field(default_factory=list)


class GraphReader(Protocol):
    """What the graph layer needs from a store."""

    def nodes(self, ids: Iterable[int]) -> list[NodeRow]: ...

    def ranked_neighbours(
        self, frontier: Iterable[int], exclude: set[int], types: Sequence[str] | None,
        relations: Sequence[str] | None, limit: int,
    ) -> list[int]:
        """Up to `limit` entities one fact away from `frontier` and not in
        `exclude`, of `types` if given, most mentioned first."""
        ...

    def edges_touching(
        self, ids: Iterable[int], relations: Sequence[str] | None = None, within: set[int] | None = None
    ) -> list[EdgeRow]:
        """Statements with an end in `ids` (and, given `within`, both ends in it)."""
        ...

    def facts_touching(
        self, ids: Iterable[int], within: Iterable[int], relations: Sequence[str] | None = None
    ) -> list[FactRow]:
        """Facts (statements grouped) with one end in `ids` and the other in `within`."""
        ...

    def all_nodes(self) -> Iterable[NodeRow]: ...

    def all_edges(self) -> Iterable[EdgeRow]: ...

    def evidence(self, statement_ids: Iterable[int]) -> dict[int, list[dict]]: ...


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection while a graph is built.

    A graph is thousands of small acyclic dicts: their allocation keeps
    triggering full collections, each walking every object the process holds
    (in the benchmark these pauses were most of the 2-hop p95). Nothing built
    here forms a cycle, so postponing collection frees nothing late. If GC
    was already off (another builder in another thread), it is left to them.
    """
    was_enabled = gc.isenabled()
    if was_enabled:
        gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def group_edges(rows: Iterable[EdgeRow]) -> dict[tuple, _Edge]:
    """Statements of the same fact become one edge keyed by the smallest id."""
    edges: dict[tuple, _Edge] = {}
    for r in rows:
        ident = (r.subject_id, r.object_id, r.relation, r.role, r.year)
        edge = edges.get(ident)
        if edge is None:
            edges[ident] = _Edge(r.id, r.relation, r.role, r.year, r.confidence, [r.id])
        else:
            edge.statements.append(r.id)
            edge.key = min(edge.key, r.id)
            edge.confidence = max(edge.confidence, r.confidence)
    return edges


def _node_attrs(n: NodeRow) -> dict:
    return {"name": n.name, "type": n.type, "aliases": list(n.aliases), "mentions": n.mentions, "level": n.level}


def _add_edges(graph: nx.MultiDiGraph, edges: Iterable[tuple[int, int, int, dict]]) -> None:
    """Insert (u, v, key, attrs) for nodes already in the graph.

    `add_edges_from` re-checks every edge through NetworkX's views and costs
    ~2.5x more; on a fresh MultiDiGraph the adjacency is plain nested dicts
    (successor and predecessor share one key dict per node pair), which is what
    this fills. tests/graph checks the result equals add_edges_from's.
    """
    succ, pred = getattr(graph, "_succ", None), getattr(graph, "_pred", None)
    if succ is None or pred is None or type(graph) is not nx.MultiDiGraph:
        graph.add_edges_from(edges)
        return
    for u, v, key, attrs in edges:
        keydict = succ[u].get(v)
        if keydict is None:
            keydict = succ[u][v] = {}
            pred[v][u] = keydict
        keydict[key] = attrs


def _add_nodes(graph: nx.MultiDiGraph, nodes: Iterable[NodeRow]) -> None:
    """Insert nodes into a fresh graph with the attribute dict built here.

    `add_nodes_from((n, attrs))` first tries each pair as a node, catches the
    TypeError, then copies attrs into a new dict: ~3x the cost of filling the
    three plain dicts of a MultiDiGraph directly. tests/graph checks the
    result equals add_nodes_from's.
    """
    if type(graph) is not nx.MultiDiGraph or len(graph) or not all(
        hasattr(graph, a) for a in ("_node", "_succ", "_pred")
    ):
        graph.add_nodes_from((n.id, _node_attrs(n)) for n in nodes)
        return
    node, succ, pred = graph._node, graph._succ, graph._pred
    for n in nodes:
        node[n.id] = {"name": n.name, "type": n.type, "aliases": list(n.aliases), "mentions": n.mentions,
                      "level": n.level}
        if n.id not in succ:
            succ[n.id] = {}
            pred[n.id] = {}


def _assemble(nodes: Iterable[NodeRow], edges) -> nx.MultiDiGraph:
    """Nodes first, then the (subject, object, key, attrs) edges whose ends are present."""
    with paused_gc():
        graph = nx.MultiDiGraph()
        _add_nodes(graph, nodes)
        present = set(graph)
        _add_edges(graph, (edge for edge in edges if edge[0] in present and edge[1] in present))
        return graph


def _edge_attrs(relation, role, year, confidence, statements, evidence: dict[int, list[dict]]) -> dict:
    return {
        "relation": relation, "role": role, "year": year, "confidence": confidence,
        "evidence": [item for sid in statements for item in evidence.get(sid, ())],
    }


def build_graph(
    nodes: Iterable[NodeRow],
    rows: Iterable[EdgeRow],
    evidence: dict[int, list[dict]] | None = None,
) -> nx.MultiDiGraph:
    """A graph from node rows and statement rows; edges whose ends are missing are dropped."""
    evidence = evidence or {}
    return _assemble(nodes, (
        (s, o, e.key, _edge_attrs(e.relation, e.role, e.year, e.confidence, sorted(e.statements), evidence))
        for (s, o, *_), e in group_edges(rows).items()
    ))


def build_graph_from_facts(
    nodes: Iterable[NodeRow],
    facts: Iterable[FactRow],
    evidence: dict[int, list[dict]] | None = None,
) -> nx.MultiDiGraph:
    """Like `build_graph` for facts the store grouped itself (the whole graph)."""
    evidence = evidence or {}
    return _assemble(nodes, (
        (f.subject_id, f.object_id, f.key, _edge_attrs(f.relation, f.role, f.year, f.confidence, f.statements, evidence))
        for f in facts
    ))


def neighbourhood(
    reader: GraphReader,
    center: int,
    hops: int = 1,
    types: Sequence[str] | None = None,
    limit: int = 2000,
    relations: Sequence[str] | None = None,
    with_evidence: bool = True,
) -> nx.MultiDiGraph:
    """Entities within `hops` facts of `center`, read frontier by frontier.

    `types` keeps only neighbours of those entity types (the centre always
    stays); `limit` caps the number of entities (most mentioned kept first) so
    a hub cannot flood the view. Facts are those met on the way out (between
    consecutive rings or within an inner ring); facts between two entities of
    the outermost ring are left out, which keeps hub-heavy views readable.
    """
    with paused_gc():
        return _neighbourhood(reader, center, hops, types, limit, relations, with_evidence)


def _neighbourhood(reader, center, hops, types, limit, relations, with_evidence) -> nx.MultiDiGraph:
    if not reader.nodes([center]):
        return nx.MultiDiGraph()
    kept = {center}
    frontier = {center}
    facts: dict[int, FactRow] = {}
    for _ in range(max(hops, 0)):
        if not frontier:
            break
        ring = reader.ranked_neighbours(frontier, kept, types, relations, limit - len(kept))
        kept.update(ring)
        for fact in reader.facts_touching(frontier, kept, relations):
            facts[fact.key] = fact
        frontier = set(ring)
    evidence = reader.evidence([sid for f in facts.values() for sid in f.statements]) if with_evidence else None
    return build_graph_from_facts(reader.nodes(kept), facts.values(), evidence)
