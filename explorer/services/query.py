"""Questions the GUI and the CLI ask of a project: search, details, graph walks.

Every function takes the open project first. Results are core view records
or NetworkX graphs following the contract in explorer/graph/__init__.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import networkx as nx

from explorer import graph
from explorer.core import ArticleRecord, EntityDetail, EntityHit, Fact
from explorer.errors import AmbiguousNameError, NotFoundError, QueryError
from explorer.graph.build import paused_gc


def search(project, text: str, types: Sequence[str] | None = None, limit: int = 50) -> list[EntityHit]:
    """Entities by name, alias, substring, pinyin or initials; best first. The
    query is folded the way names are stored (羅克佳華 → 罗克佳华, ｌｃｓ → lcs);
    a traditional alias typed as written is still found as typed."""
    from explorer.core.text import fold_query

    typed = " ".join((text or "").split())
    folded = fold_query(typed)
    hits = project.search(folded, types, limit)
    if folded != typed and typed:
        seen = {h.id for h in hits}
        extra = [h for h in project.search(typed, types, limit) if h.id not in seen]
        hits = sorted(hits + extra, key=lambda h: (-h.score, -h.mentions, len(h.name), h.id))[:limit]
    return hits


def suggest(project, text: str, limit: int = 5) -> list[EntityHit]:
    """Near names for a query that found nothing (same pinyin, a typo or two)."""
    from explorer.core.text import fold_query
    from explorer.store import suggest as near

    return near.near_names(project.reader(), fold_query(text), limit)


def comentions(project, entity_ids: Sequence[int], min_articles: int = 1, limit: int = 5000) -> list[tuple[int, int, int]]:
    """(a, b, articles): pairs of `entity_ids` named in the same articles."""
    from explorer.store import comention

    return comention.comentions(project.reader(), entity_ids, min_articles, limit)


def entity(project, entity_id: int) -> EntityDetail:
    return project.graph_reader().entity_detail(entity_id)


def find_entity(project, name: str, type: str | None = None) -> EntityDetail:
    """The entity called `name` (exactly, or by alias; else the single search hit)."""
    reader = project.graph_reader()
    ids = reader.ids_named(name.strip(), type)
    if not ids:
        hits = search(project, name, [type] if type else None, limit=5)
        exactish = [h for h in hits if h.score >= 2.5]
        if len(hits) == 1 or len(exactish) == 1:
            ids = [(exactish or hits)[0].id]
        elif hits:
            raise AmbiguousNameError(name, [f"{h.name} [{h.type}] #{h.id}" for h in hits])
        else:
            raise NotFoundError(name)
    if len(ids) > 1:
        names = reader.names_of(ids)
        exact = [i for i in ids if names[i][0] == name]
        if len(exact) != 1:
            raise AmbiguousNameError(name, [f"{names[i][0]} [{names[i][1]}] #{i}" for i in ids])
        ids = exact
    return reader.entity_detail(ids[0])


def article(project, article_id: int) -> ArticleRecord:
    return project.graph_reader().article_record(article_id)


def neighbourhood(
    project, entity_id: int, hops: int = 1, types: Sequence[str] | None = None, limit: int = 2000,
    relations: Sequence[str] | None = None, with_evidence: bool = True,
) -> nx.MultiDiGraph:
    """Entities within `hops` facts of `entity_id`, read straight from the store."""
    reader = project.graph_reader()
    return graph.neighbourhood(reader, reader.effective_id(entity_id), hops, types, limit, relations, with_evidence)


def fact(project, edge_key: int) -> Fact:
    """The fact behind one edge (its `key`) with all its evidence: a canvas built
    with `with_evidence=False` asks for it when the user opens an edge."""
    return project.graph_reader().fact(edge_key)


def shortest_paths(project, a_id: int, b_id: int, k: int = 3, max_hops: int = 6) -> list[list[Fact]]:
    """Up to k shortest chains of facts linking two entities, each hop with evidence."""
    reader = project.graph_reader()
    a, b = reader.effective_id(a_id), reader.effective_id(b_id)
    if a == b:
        return []
    sub = graph.connecting_subgraph(reader, a, b, max_hops=max_hops)
    return [[reader.fact(key) for _u, _v, key, _d in hops] for hops in graph.shortest_paths(sub, a, b, k)]


@dataclass(frozen=True)
class PatternMatch:
    """One way the pattern holds: variable -> (id, name) and the facts used."""

    entities: dict
    facts: tuple[Fact, ...]


def typed_query(
    project, pattern: str, place: str | None = None, limit: int = 200,
) -> list[PatternMatch]:
    """Answer e.g. "ORG-located_in->PLACE, ORG-awarded->HONOR" with place="东昌府区":
    the PLACE variable may be that place or any place under it in the
    administrative hierarchy."""
    reader = project.graph_reader()
    try:
        clauses = graph.parse_pattern(pattern)
    except ValueError as exc:
        raise QueryError(str(exc)) from exc
    allowed: dict[str, set[int]] = {}
    if place:
        within = _places_within(project, reader, place)
        place_vars = {v for c in clauses for v, t in ((c.subject_var, c.subject_type), (c.object_var, c.object_type)) if t == "PLACE"}
        if not place_vars:
            raise QueryError("a place filter needs a PLACE in the pattern")
        allowed = {v: within for v in place_vars}
    rows = [reader.clause_rows(c.relation, c.subject_type, c.object_type) for c in clauses]
    matches = graph.match_pattern(clauses, rows, allowed, limit)
    names = reader.names_of({i for binding, _ in matches for i in binding.values()})
    out = []
    for binding, facts in matches:
        out.append(PatternMatch(
            {var: (i, names.get(i, ("?", "?"))[0]) for var, i in binding.items()},
            tuple(reader.facts(facts)),
        ))
    return out


def _places_within(project, reader, place: str) -> set[int]:
    """Entities of the place and all places under it; a division the articles
    never name (南通市 when only its towns appear) is found in the gazetteer."""
    try:
        return reader.places_within(find_entity(project, place, "PLACE").id)
    except NotFoundError:
        from explorer.store import places

        code = places.code_of(place)
        if code is None:
            raise
        return reader.places_under_code(code)


def rankings(project, type: str | None = None, by: str = "degree", limit: int = 20) -> list[tuple[EntityHit, float]]:
    """Most connected (degree), most mentioned, or most central (pagerank, betweenness) entities."""
    reader = project.graph_reader()
    if by == "degree":
        ranked = reader.degree_ranking(type, limit)
    elif by == "mentions":
        ranked = reader.mention_ranking(type, limit)
    else:
        if by not in ("pagerank", "betweenness"):
            raise QueryError(f"unknown ranking {by!r}; use degree, mentions, pagerank or betweenness")
        ranked = graph.centrality_ranking(whole_graph(project, with_evidence=False), type, by, limit)
    nodes = {n.id: n for n in reader.nodes([i for i, _ in ranked])}
    return [
        (EntityHit(i, nodes[i].name, nodes[i].type, nodes[i].mentions, score=score), score)
        for i, score in ranked if i in nodes
    ]


def whole_graph(project, with_evidence: bool = True) -> nx.MultiDiGraph:
    """Every visible entity and fact (for export and small projects)."""
    reader = project.graph_reader()
    with paused_gc():
        evidence = reader.evidence() if with_evidence else None
        return graph.build_graph_from_facts(reader.all_nodes(), reader.all_facts(), evidence)
