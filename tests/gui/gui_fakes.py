"""A fake backend built from a hand-made graph, so widgets are tested without a store."""

from __future__ import annotations

import copy
import time
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from explorer.core import ArticleMention, ArticleRecord, EntityDetail, EntityHit, Evidence, Fact, MentionRecord, ProjectStats
from explorer.core.overview import (
    AreaHonours,
    ArticleInfo,
    DocumentInfo,
    MonthCount,
    ProjectSummary,
    RankedEntity,
    RemovalReport,
)
from explorer.errors import NotFoundError

ARTICLE_TEXT = "阳光食品公司位于茌平区。阳光食品公司获得省级龙头企业称号。张三任阳光食品公司总经理。绿源农业也获得省级龙头企业称号。"


def _span(name: str) -> tuple[int, int]:
    start = ARTICLE_TEXT.index(name)
    return start, start + len(name)


def build_graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for node, name, kind, mentions in (
        (1, "阳光食品公司", "ORG", 3),
        (2, "茌平区", "PLACE", 1),
        (3, "省级龙头企业", "HONOR", 2),
        (4, "绿源农业", "ORG", 1),
        (5, "聊城市", "PLACE", 0),
        (6, "张三", "PERSON", 1),
    ):
        g.add_node(node, name=name, type=kind, aliases=[], mentions=mentions, level=None)
    for key, a, b, relation in (
        (11, 1, 2, "located_in"),
        (12, 1, 3, "awarded"),
        (13, 4, 3, "awarded"),
        (14, 2, 5, "located_in"),
        (15, 6, 1, "role_at"),
    ):
        sentence = next(s + "。" for s in ARTICLE_TEXT.split("。") if g.nodes[a]["name"] in s and g.nodes[b]["name"] in s) if a != 2 else "茌平区属聊城市。"
        evidence = [{"sentence": sentence, "article_id": 100, "headline": "龙头企业名单公布", "date": "2024-05-01", "source": "聊城日报"}]
        g.add_edge(a, b, key=key, relation=relation, role="总经理" if relation == "role_at" else None, year=None, confidence=0.8, evidence=evidence)
    return g


@dataclass
class FileOutcome:
    path: str
    status: str
    articles: int = 0
    error: str | None = None
    error_type: str | None = None


@dataclass
class FakeReport:
    files: list = field(default_factory=list)
    cancelled: bool = False

    @property
    def articles(self):
        return sum(f.articles for f in self.files)

    @property
    def failed(self):
        return [f for f in self.files if f.status == "failed"]


@dataclass
class FakeBackend:
    graph: nx.MultiDiGraph = field(default_factory=build_graph)
    path: Path | None = None
    calls: list = field(default_factory=list)
    neighbourhood_options: list = field(default_factory=list)
    delay: float = 0.0
    _undo: list = field(default_factory=list)
    _redo: list = field(default_factory=list)
    closed: bool = False

    def close(self):
        self.closed = True

    def stats(self):
        return ProjectStats(documents=1, articles=1, entities=self.graph.number_of_nodes(), relations=self.graph.number_of_edges())

    def ensure_sample(self, state=None):
        return False

    def search(self, text, types=None, limit=50):
        if self.delay:
            time.sleep(self.delay)
        self.calls.append(("search", text, types))
        hits = [
            EntityHit(n, a["name"], a["type"], a["mentions"])
            for n, a in self.graph.nodes(data=True)
            if text in a["name"] and (not types or a["type"] in types)
        ]
        return sorted(hits, key=lambda h: -h.mentions)[:limit]

    def _fact(self, a, b, key, attrs) -> Fact:
        evidence = tuple(Evidence(e["article_id"], e["sentence"], *_safe_span(e["sentence"]), headline=e["headline"], date=e["date"], source=e["source"]) for e in attrs["evidence"])
        na, nb = self.graph.nodes[a], self.graph.nodes[b]
        return Fact(key, attrs["relation"], a, na["name"], na["type"], b, nb["name"], nb["type"], role=attrs.get("role"), evidence=evidence)

    def entity(self, entity_id):
        if entity_id not in self.graph:
            raise NotFoundError(str(entity_id))
        attrs = self.graph.nodes[entity_id]
        facts = [self._fact(a, b, k, d) for a, b, k, d in self.graph.out_edges(entity_id, keys=True, data=True)]
        facts += [self._fact(a, b, k, d) for a, b, k, d in self.graph.in_edges(entity_id, keys=True, data=True)]
        mentions = ()
        if attrs["name"] in ARTICLE_TEXT:
            start, end = _span(attrs["name"])
            mentions = (MentionRecord(100, start, end, attrs["name"], "龙头企业名单公布", "2024-05-01"),)
        admin = ("茌平区", "聊城市", "山东省") if entity_id == 2 else ()
        return EntityDetail(entity_id, attrs["name"], attrs["type"], tuple(attrs["aliases"]), {}, admin, tuple(facts), mentions)

    def find_entity(self, name, entity_type=None):
        for hit in self.search(name):
            if hit.name == name:
                return hit
        raise NotFoundError(name)

    def article(self, article_id):
        if article_id != 100:
            raise NotFoundError(f"article {article_id}")
        mentions = []
        for n, a in self.graph.nodes(data=True):
            start = ARTICLE_TEXT.find(a["name"])
            while start >= 0:
                mentions.append(ArticleMention(n, start, start + len(a["name"]), a["type"], a["name"]))
                start = ARTICLE_TEXT.find(a["name"], start + 1)
        mentions = tuple(mentions)
        return ArticleRecord(100, ARTICLE_TEXT, headline="龙头企业名单公布", bylines=("记者 李四",), date="2024-05-01", source="聊城日报", page="A3", path="/data/page.txt", mentions=mentions)

    def neighbourhood(self, entity_id, hops=1, types=None, limit=2000, with_evidence=True):
        if self.delay:
            time.sleep(self.delay)
        self.calls.append(("neighbourhood", entity_id, hops))
        self.neighbourhood_options.append({"limit": limit, "with_evidence": with_evidence})
        if entity_id not in self.graph:
            raise NotFoundError(str(entity_id))
        near = nx.single_source_shortest_path_length(self.graph.to_undirected(as_view=True), entity_id, cutoff=hops)
        others = sorted((n for n in near if n != entity_id), key=lambda n: (-self.graph.nodes[n]["mentions"], n))
        kept = [entity_id, *others[: max(limit - 1, 0)]]  # most mentioned kept, like the store
        sub = self.graph.subgraph(kept).copy()
        if not with_evidence:
            for _a, _b, data in sub.edges(data=True):
                data["evidence"] = []
        return sub

    def fact(self, edge_key):
        self.calls.append(("fact", edge_key))
        for a, b, key, attrs in self.graph.edges(keys=True, data=True):
            if key == edge_key:
                return self._fact(a, b, key, attrs)
        raise NotFoundError(f"fact {edge_key}")

    def shortest_paths(self, a_id, b_id, k=3):
        undirected = self.graph.to_undirected(as_view=True)
        try:
            nodes = nx.shortest_path(undirected, a_id, b_id)
        except nx.NetworkXNoPath:
            return []
        path = []
        for a, b in zip(nodes, nodes[1:]):
            data = self.graph.get_edge_data(a, b) or {}
            if data:
                key, attrs = next(iter(data.items()))
                path.append(self._fact(a, b, key, attrs))
            else:
                key, attrs = next(iter(self.graph.get_edge_data(b, a).items()))
                path.append(self._fact(b, a, key, attrs))
        return [path]

    def correct(self, action, *args):
        self.calls.append((action, *args))
        self._undo.append(copy.deepcopy(self.graph))
        self._redo.clear()
        if action == "rename":
            self.graph.nodes[args[0]]["name"] = args[1]
        elif action == "set_type":
            self.graph.nodes[args[0]]["type"] = args[1]
        elif action == "delete_fact":
            for a, b, k in list(self.graph.edges(keys=True)):
                if k == args[0]:
                    self.graph.remove_edge(a, b, k)
        elif action == "merge":
            keep, other = args
            self.graph = nx.contracted_nodes(self.graph, keep, other, self_loops=False)
        else:
            raise ValueError(action)
        return None

    def undo(self):
        self.calls.append(("undo",))
        self._redo.append(self.graph)
        self.graph = self._undo.pop()

    def redo(self):
        self.calls.append(("redo",))
        self._undo.append(self.graph)
        self.graph = self._redo.pop()

    def export(self, fmt, path, types=None):
        self.calls.append(("export", fmt, types))
        Path(path).write_text("exported", encoding="utf-8")
        return [Path(path)]

    def export_view(self, graph, fmt, path, title="explorer"):
        self.calls.append(("export_view", fmt, sorted(graph.nodes), title))
        Path(path).write_text("exported", encoding="utf-8")
        return [Path(path)]

    # --- overview and documents ----------------------------------------------------
    is_sample: bool = False
    documents_list: list = field(default_factory=lambda: [
        DocumentInfo(7, "/data/page.txt", "聊城日报", "2024-05-01", "A3", 1, "2024-05-02T08:00:00+00:00", "text/plain", "ok"),
        DocumentInfo(8, "/data/gone.txt", "聊城日报", "2024-06-03", "02", 2, "2024-06-04T08:00:00+00:00", "text/plain", "missing"),
    ])

    def summary(self):
        self.calls.append(("summary",))
        g = self.graph
        entities: dict = {}
        for _n, kind in g.nodes(data="type"):
            entities[kind] = entities.get(kind, 0) + 1
        honoured = [
            RankedEntity(a, g.nodes[a]["name"], "ORG", 1, (g.nodes[b]["name"],))
            for a, b, rel in g.edges(data="relation") if rel == "awarded"
        ]
        area = AreaHonours("茌平区", "151408", 2 if 2 in g else None, 1, 1, tuple(honoured[:1]))
        connected = {t: tuple(RankedEntity(n, a["name"], t, g.degree(n)) for n, a in g.nodes(data=True) if a["type"] == t)
                     for t in ("PERSON", "ORG", "PROGRAM")}
        articles = sum(d.articles for d in self.documents_list)
        return ProjectSummary(
            path=str(self.path) if self.path else None, is_sample=self.is_sample, documents=len(self.documents_list),
            articles=articles, sources=("聊城日报",) if self.documents_list else (),
            first_date="2024-05-01" if self.documents_list else None, last_date="2024-06-03" if self.documents_list else None,
            entities=entities if self.documents_list else {}, relations=g.number_of_edges(),
            honoured_organisations=tuple(honoured) if self.documents_list else (),
            honoured_areas=(area,) if self.documents_list else (),
            most_connected=connected if self.documents_list else {},
            months=(MonthCount("2024-05", 1), MonthCount("2024-06", articles - 1)) if self.documents_list else (),
            recent=tuple(self.documents_list),
        )

    def documents(self):
        self.calls.append(("documents",))
        return list(self.documents_list)

    def document_articles(self, document_id):
        return [ArticleInfo(100, 0, "龙头企业名单公布", "news", len(ARTICLE_TEXT), 8)] if document_id == 7 else []

    def remove_document(self, document_id):
        self.calls.append(("remove_document", document_id))
        document = next(d for d in self.documents_list if d.id == document_id)
        self.documents_list = [d for d in self.documents_list if d.id != document_id]
        return RemovalReport(document, document.articles, 8, 5, 2, 1)

    def reanalyse_document(self, document_id, state):
        self.calls.append(("reanalyse_document", document_id))
        document = next(d for d in self.documents_list if d.id == document_id)
        return FakeReport([FileOutcome(document.path, "replaced", articles=document.articles)])

    def suggest(self, text, limit=5):
        self.calls.append(("suggest", text))
        return [EntityHit(1, "阳光食品公司", "ORG", 3, matched="阳光食品")] if "阳光" in text else []

    def ranked(self, entity_type, limit=50):
        hits = [EntityHit(n, a["name"], a["type"], a["mentions"]) for n, a in self.graph.nodes(data=True) if a["type"] == entity_type]
        return sorted(hits, key=lambda h: -h.mentions)[:limit]

    def comentions(self, entity_ids, min_articles=1):
        self.calls.append(("comentions", sorted(entity_ids)))
        shown = set(entity_ids)
        return [(a, b, n) for a, b, n in ((1, 4, 2), (1, 6, 1), (3, 6, 3)) if a in shown and b in shown]

    def ingest(self, paths, options, state):
        report = FakeReport()
        for number, path in enumerate(paths):
            state.check()
            state.progress(number / len(paths), Path(path).name)
            if Path(path).exists():
                report.files.append(FileOutcome(str(path), "added", articles=2))
            else:
                report.files.append(FileOutcome(str(path), "failed", error="no such file or folder"))
        state.progress(1.0, "")
        return report


def _safe_span(sentence: str) -> tuple[int, int]:
    if sentence in ARTICLE_TEXT:
        start = ARTICLE_TEXT.index(sentence)
        return start, start + len(sentence)
    return 0, 0


