"""Hand-built graphs with the store helper's attribute contract."""

from __future__ import annotations

import random

import networkx as nx

TYPES = ("PERSON", "ORG", "PLACE", "PROGRAM", "HONOR")
RELATIONS = ("located_in", "awarded", "role_at", "issued_by", "participates_in", "part_of")
EVIL = "<img src=x onerror=document.title='XSS'>"


def evidence(sentence: str, article_id: int = 1) -> dict:
    return {
        "sentence": sentence,
        "article_id": article_id,
        "headline": "东昌府区表彰先进",
        "date": "2024-03-05",
        "source": "示例日报",
    }


def small_graph() -> nx.MultiDiGraph:
    """A handful of entities with every attribute kind, including missing ones."""
    g = nx.MultiDiGraph()
    g.add_node(1, name="张伟", type="PERSON", aliases=["张书记"], mentions=4, level=None)
    g.add_node(2, name="郑家镇", type="PLACE", aliases=[], mentions=3, level="town")
    g.add_node(3, name="东昌府区", type="PLACE", aliases=["东昌府"], mentions=6, level="district")
    g.add_node(4, name="三八红旗手", type="HONOR", aliases=[], mentions=1, level=None)
    g.add_node(5, name="妇联", type="ORG", aliases=["区妇联", "妇女联合会"], mentions=2, level=None)
    g.add_edge(1, 2, key=10, relation="role_at", role="党委书记", year=2023, confidence=0.9,
               evidence=[evidence("张伟任郑家镇党委书记。", 7)])
    g.add_edge(2, 3, key=11, relation="located_in", role=None, year=None, confidence=0.95,
               evidence=[evidence("郑家镇位于东昌府区。", 7), evidence("东昌府区郑家镇……", 8)])
    g.add_edge(1, 4, key=12, relation="awarded", role=None, year=2024, confidence=0.7,
               evidence=[evidence("张伟获得“三八红旗手”称号，\"引号\"与逗号,测试。", 9)])
    g.add_edge(4, 5, key=13, relation="issued_by", role=None, year=None, confidence=0.6, evidence=[])
    # a second relation between the same pair: keys are relation ids
    g.add_edge(1, 2, key=14, relation="participates_in", role=None, year=None, confidence=0.5,
               evidence=[evidence("张伟参与郑家镇活动。", 10)])
    return g


def random_graph(n: int, seed: int = 1) -> nx.MultiDiGraph:
    """n entities and 1.5 n relations, each with one evidence sentence."""
    rnd = random.Random(seed)
    g = nx.MultiDiGraph()
    for i in range(n):
        g.add_node(i, name=f"实体{i}", type=TYPES[i % 5], aliases=[f"别名{i}"],
                   mentions=rnd.randint(1, 20), level=None)
    for k in range(int(n * 1.5)):
        u, v = rnd.randrange(n), rnd.randrange(n)
        g.add_edge(u, v, key=k, relation=RELATIONS[k % 6], role="主任" if k % 6 == 2 else None,
                   year=2023 if k % 2 else None, confidence=0.8,
                   evidence=[evidence(f"第{k}句：实体{u}与实体{v}有关。", k % 50)])
    return g
