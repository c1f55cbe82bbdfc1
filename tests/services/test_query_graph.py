"""services.query on a small project: neighbourhoods, paths, typed queries, rankings."""

from __future__ import annotations

import pytest

from explorer.core import Article, ArticleAnalysis, Document, Mention, RelationFact
from explorer.errors import AmbiguousNameError, NotFoundError
from explorer.services import query
from explorer.store import Project, places


def _m(text, surface, type_):
    start = text.index(surface)
    return Mention(start, start + len(surface), surface, type_, surface)


def _f(s, st, rel, o, ot, text, **kw):
    return RelationFact(s, st, rel, o, ot, text, 0, len(text), **kw)


ARTICLES = [
    ("东昌府区属于聊城市，郑家镇属于东昌府区。", [("东昌府区", "PLACE"), ("聊城市", "PLACE"), ("郑家镇", "PLACE")],
     [("东昌府区", "PLACE", "part_of", "聊城市", "PLACE"), ("郑家镇", "PLACE", "part_of", "东昌府区", "PLACE")]),
    ("光岳科技位于郑家镇，获评高新技术企业。", [("光岳科技", "ORG"), ("郑家镇", "PLACE"), ("高新技术企业", "HONOR")],
     [("光岳科技", "ORG", "located_in", "郑家镇", "PLACE"), ("光岳科技", "ORG", "awarded", "高新技术企业", "HONOR")]),
    ("德州某厂位于德州市，获评高新技术企业。", [("德州某厂", "ORG"), ("德州市", "PLACE"), ("高新技术企业", "HONOR")],
     [("德州某厂", "ORG", "located_in", "德州市", "PLACE"), ("德州某厂", "ORG", "awarded", "高新技术企业", "HONOR")]),
    ("李明任光岳科技总经理。", [("李明", "PERSON"), ("光岳科技", "ORG")],
     [("李明", "PERSON", "role_at", "光岳科技", "ORG")]),
]


@pytest.fixture
def project(tmp_path):
    places.gazetteer.cache_clear()
    p = Project.open(tmp_path / "g.db")
    arts, analyses = [], []
    for i, (text, mentions, facts) in enumerate(ARTICLES):
        arts.append(Article(text=text, headline=f"第{i}篇", index=i))
        analyses.append(ArticleAnalysis(
            tuple(_m(text, s, t) for s, t in mentions),
            tuple(_f(*f, text, role="总经理" if f[2] == "role_at" else None) for f in facts),
        ))
    p.store_document(Document("/page.txt", "", "h1", source="聊城日报", home_city="聊城市", date="2024-05-01"), arts, analyses)
    yield p
    p.close()


def _id(project, name):
    return query.find_entity(project, name).id


def test_neighbourhood_follows_the_graph_contract(project):
    graph = query.neighbourhood(project, _id(project, "光岳科技"), hops=2)
    names = {graph.nodes[n]["name"] for n in graph}
    assert {"光岳科技", "郑家镇", "东昌府区", "高新技术企业", "李明", "德州某厂"} <= names
    node = graph.nodes[_id(project, "郑家镇")]
    assert set(node) == {"name", "type", "aliases", "mentions", "level"}
    u, v, key, data = next(iter(graph.edges(keys=True, data=True)))
    assert isinstance(key, int) and set(data) == {"relation", "role", "year", "confidence", "evidence"}
    assert set(data["evidence"][0]) >= {"sentence", "article_id", "headline", "date", "source"}
    assert data["evidence"][0]["source"] == "聊城日报"


def test_shortest_path_between_a_person_and_a_city_with_evidence(project):
    paths = query.shortest_paths(project, _id(project, "李明"), _id(project, "聊城市"))
    assert len(paths) >= 1
    hops = paths[0]
    assert [f.relation for f in hops] == ["role_at", "located_in", "part_of", "part_of"]
    assert all(f.evidence and f.evidence[0].sentence for f in hops)


def test_companies_in_a_city_include_those_in_its_towns(project):
    matches = query.typed_query(project, "ORG-located_in->PLACE, ORG-awarded->HONOR", place="聊城市")
    assert [(m.entities["ORG"][1], m.entities["PLACE"][1], m.entities["HONOR"][1]) for m in matches] == [
        ("光岳科技", "郑家镇", "高新技术企业")
    ]
    everywhere = query.typed_query(project, "ORG-awarded->HONOR")
    assert {m.entities["ORG"][1] for m in everywhere} == {"光岳科技", "德州某厂"}
    assert all(m.facts[0].evidence for m in everywhere)


def test_gazetteer_links_places_when_available(tmp_path, monkeypatch):
    from dataclasses import dataclass

    @dataclass
    class Division:
        code: str
        name: str
        level: str
        parent: str | None
        short: str | None = None

    table = {
        "370000": Division("370000", "山东省", "province", None), "371500": Division("371500", "聊城市", "city", "370000"),
        "371502": Division("371502", "东昌府区", "district", "371500"), "371502100": Division("371502100", "郑家镇", "town", "371502"),
    }

    class Gaz:
        def lookup(self, name):
            return [d for d in table.values() if d.name == name]

        def path(self, code):
            out = []
            while code:
                out.append(table[code])
                code = table[code].parent
            return out

    places.gazetteer.cache_clear()
    monkeypatch.setattr(places, "gazetteer", lambda: Gaz())
    with Project.open(tmp_path / "gaz.db") as p:
        t1, t2 = "聊城市召开会议。", "某公司位于郑家镇，获评先进单位。"
        p.store_document(Document("/a.txt", "", "x", home_city="聊城市"), [Article(t1), Article(t2, index=1)], [
            ArticleAnalysis((_m(t1, "聊城市", "PLACE"),)),
            ArticleAnalysis((_m(t2, "某公司", "ORG"), _m(t2, "郑家镇", "PLACE"), _m(t2, "先进单位", "HONOR")),
                            (_f("某公司", "ORG", "located_in", "郑家镇", "PLACE", t2), _f("某公司", "ORG", "awarded", "先进单位", "HONOR", t2))),
        ])
        town = query.find_entity(p, "郑家镇")
        assert town.admin_path == ("郑家镇", "东昌府区", "聊城市", "山东省")
        assert query.neighbourhood(p, town.id).nodes[town.id]["level"] == "town"
        matches = query.typed_query(p, "ORG-located_in->PLACE, ORG-awarded->HONOR", place="聊城市")
        assert [m.entities["ORG"][1] for m in matches] == ["某公司"]


def test_rankings_and_whole_graph(project):
    top = query.rankings(project, by="degree", limit=3)
    assert top[0][0].name in {"光岳科技", "郑家镇"}
    assert query.rankings(project, type="PLACE", by="mentions", limit=1)[0][0].name in {"郑家镇", "东昌府区"}
    assert query.rankings(project, type="ORG", by="pagerank", limit=5)
    graph = query.whole_graph(project)
    assert graph.number_of_nodes() == project.stats().entities
    assert graph.number_of_edges() == project.stats().relations


def test_find_entity_errors(project):
    with pytest.raises(NotFoundError):
        query.find_entity(project, "不存在")
    with pytest.raises(AmbiguousNameError):
        query.find_entity(project, "德州")  # prefix of 德州某厂 and 德州市
    assert query.find_entity(project, "光岳").name == "光岳科技"  # the single hit


def test_a_canvas_without_evidence_gets_it_per_edge(project):
    center = _id(project, "光岳科技")
    light = query.neighbourhood(project, center, hops=2, with_evidence=False)
    full = query.neighbourhood(project, center, hops=2)
    assert sorted(light.edges(keys=True)) == sorted(full.edges(keys=True)) and light.number_of_edges() >= 3
    for u, v, key, data in light.edges(keys=True, data=True):
        assert data["evidence"] == []
        fact = query.fact(project, key)
        assert (fact.subject_id, fact.object_id, fact.relation) == (u, v, data["relation"])
        assert [e.sentence for e in fact.evidence] == [e["sentence"] for e in full.edges[u, v, key]["evidence"]]
    with pytest.raises(NotFoundError):
        query.fact(project, 10**9)
