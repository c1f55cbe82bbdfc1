"""The set-based neighbourhood reader against a plain-Python reference.

The store answers a neighbourhood with a few JSON-parameterised queries on
covering indexes; this checks, on a small generated project with merges,
hidden facts, aliases and repeated statements, that it returns exactly what
the documented rules give when applied row by row to the whole tables.
"""

from __future__ import annotations

import random

import networkx as nx
import pytest

from explorer.graph import neighbourhood
from explorer.store import Project


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    from benchmarks.gen_project import generate

    path = tmp_path_factory.mktemp("nb") / "nb.db"
    generate(path, n_entities=300, n_relations=1500, per_article=3, log=lambda _m: None)
    rng = random.Random(3)
    with Project.open(path) as project, project.write() as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM entities ORDER BY id")]
        for absorbed in rng.sample(ids, 10):  # merged entities: invisible, their names become aliases
            survivor = rng.choice([i for i in ids if i != absorbed])
            conn.execute("UPDATE entities SET merged_into = ? WHERE id = ? AND merged_into IS NULL", (survivor, absorbed))
        conn.execute("UPDATE entities SET merged_into = NULL WHERE id IN (SELECT merged_into FROM entities)")
        conn.execute("UPDATE relations SET hidden = 1 WHERE id % 17 = 0")  # deleted facts
        conn.execute("UPDATE entities SET mentions = NULL WHERE id % 23 = 0")
        # a second statement of some facts (same ends, relation, role, year), with two evidence rows
        conn.execute(
            "INSERT INTO relations(article_id, subject_base, object_base, subject_id, relation, object_id, role, year, confidence, hidden) "
            "SELECT article_id, subject_base, object_base, subject_id, relation, object_id, role, year, 0.95, 0 FROM relations WHERE id % 11 = 0")
        conn.execute(
            "INSERT INTO evidence(relation_id, article_id, sentence, start, end, confidence) "
            "SELECT r.id, r.article_id, 'again ' || r.id, 0, 3, 0.9 FROM relations r WHERE r.id > 1500")
        conn.execute(
            "INSERT INTO evidence(relation_id, article_id, sentence, start, end, confidence) "
            "SELECT r.id, r.article_id, 'twice ' || r.id, 0, 3, 0.9 FROM relations r WHERE r.id > 1500 AND r.id % 2 = 0")
        conn.execute("INSERT OR IGNORE INTO names(entity_id, name, is_alias) SELECT id, name || '别名', 1 FROM entities WHERE id % 7 = 0")
    return path


def reference(conn, center, hops, types, limit, relations, with_evidence) -> nx.MultiDiGraph:
    """The rules of graph.neighbourhood, one row at a time over whole tables."""
    ents = {i: (name, type_, mentions, merged, level) for i, name, type_, mentions, merged, level in conn.execute(
        "SELECT id, name, type, mentions, merged_into, json_extract(attrs, '$.level') FROM entities")}
    stmts = [r for r in conn.execute(
        "SELECT id, subject_id, object_id, relation, role, year, confidence FROM relations WHERE hidden = 0 ORDER BY id")
        if not relations or r[3] in relations]
    if center not in ents or ents[center][3] is not None:
        return nx.MultiDiGraph()
    kept, frontier, chosen = {center}, {center}, {}
    for _ in range(hops):
        if not frontier:
            break
        linked = {o for _, s, o, *_ in stmts if s in frontier} | {s for _, s, o, *_ in stmts if o in frontier}
        candidates = [i for i in linked - kept if i in ents and ents[i][3] is None and (not types or ents[i][1] in types)]
        ring = sorted(candidates, key=lambda i: (-(ents[i][2] or 0), i))[: max(limit - len(kept), 0)]
        kept |= set(ring)
        for row in stmts:
            if (row[1] in frontier and row[2] in kept) or (row[2] in frontier and row[1] in kept):
                chosen[row[0]] = row
        frontier = set(ring)
    evidence: dict[int, list[dict]] = {}
    if with_evidence:
        for rel, sentence, art, headline, date, source, start, end, conf in conn.execute(
            "SELECT ev.relation_id, ev.sentence, ev.article_id, a.headline, d.date, s.name, ev.start, ev.end, ev.confidence "
            "FROM evidence ev JOIN articles a ON a.id = ev.article_id JOIN documents d ON d.id = a.document_id "
            "JOIN sources s ON s.id = d.source_id ORDER BY ev.id"
        ):
            evidence.setdefault(rel, []).append({"sentence": sentence, "article_id": art, "headline": headline, "date": date,
                                                 "source": source, "start": start, "end": end, "confidence": conf})
    owner = {i: (e[3] if e[3] is not None else i) for i, e in ents.items()}
    aliases: dict[int, list[str]] = {}
    for entity_id, name in conn.execute("SELECT entity_id, name FROM names ORDER BY id"):
        target = owner[entity_id]
        if name != ents[target][0] and name not in aliases.setdefault(target, []):
            aliases[target].append(name)
    graph = nx.MultiDiGraph()
    for i in sorted(kept):
        name, type_, mentions, _, level = ents[i]
        graph.add_node(i, name=name, type=type_, aliases=aliases.get(i, []), mentions=mentions or 0, level=level)
    facts: dict[tuple, list] = {}
    for sid, s, o, rel, role, year, conf in sorted(chosen.values()):
        facts.setdefault((s, o, rel, role, year), []).append((sid, conf))
    for (s, o, rel, role, year), group in facts.items():
        graph.add_edge(s, o, key=group[0][0], relation=rel, role=role, year=year,
                       confidence=max(c for _, c in group),
                       evidence=[item for sid, _ in group for item in evidence.get(sid, [])])
    return graph


def _same(a: nx.MultiDiGraph, b: nx.MultiDiGraph) -> None:
    assert dict(a.nodes(data=True)) == dict(b.nodes(data=True))
    edges = lambda g: sorted((u, v, k, repr(sorted(d.items()))) for u, v, k, d in g.edges(keys=True, data=True))  # noqa: E731
    assert edges(a) == edges(b)


@pytest.mark.parametrize("hops, types, limit, relations, with_evidence", [
    (1, None, 2000, None, True),
    (2, None, 2000, None, True),
    (2, None, 40, None, False),
    (3, None, 120, None, True),
    (2, ("ORG", "PLACE"), 2000, None, True),
    (2, None, 2000, ("located_in", "awarded"), False),
])
def test_neighbourhood_equals_the_reference(generated, hops, types, limit, relations, with_evidence):
    with Project.open(generated, create=False) as project:
        reader, conn = project.graph_reader(), project.reader()
        centres = [r[0] for r in conn.execute("SELECT id FROM entities ORDER BY id")][::9]
        centres += [r[0] for r in conn.execute("SELECT id FROM entities ORDER BY mentions DESC LIMIT 3")]
        assert any(r[0] for r in conn.execute("SELECT count(*) FROM entities WHERE merged_into IS NOT NULL"))
        nonempty = 0
        for center in centres:
            got = neighbourhood(reader, center, hops, types, limit, relations, with_evidence)
            _same(got, reference(conn, center, hops, types, limit, relations, with_evidence))
            nonempty += got.number_of_edges() > 0
        assert nonempty > len(centres) // 2
