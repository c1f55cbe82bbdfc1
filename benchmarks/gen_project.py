"""Generate a large synthetic project (default 100k entities, 500k facts).

Writes the tables directly in bulk (one transaction) instead of calling
`Project.store_document` per article: the benchmark measures reading, and a
year of real ingest would take far longer to produce. Names, aliases,
pinyin and grams are indexed by the same functions ingest uses
(explorer.store.search), so search sees exactly what it would see.

    .venv/bin/python -m benchmarks.gen_project /tmp/bench.db --entities 100000 --relations 500000
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

from explorer.store import Project
from explorer.store.search import grams, pinyin_forms

COMMON = (
    "东西南北中华光明新兴阳春长城金山银河泰和安康福祥瑞丰源盛达利通顺鑫旺宏伟海天宇嘉禾佳美"
    "润泽恒昌荣晟德信聚鼎鹏程锦绣凤凰龙腾昊辰鸿运永康博雅智慧创联合众力诚远航高科星月云峰"
)
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬斌宇浩凯健俊帆"
ORG_SUFFIX = ("科技有限公司", "集团", "专业合作社", "人民医院", "实验学校", "机械有限公司", "食品有限公司", "化工股份有限公司", "服务中心", "委员会")
PLACE_SUFFIX = ("镇", "村", "街道", "社区", "乡", "区")
HONOR_SUFFIX = ("先进单位", "示范企业", "劳动模范", "优秀共产党员", "文明单位", "专精特新企业", "科技进步奖")
PROGRAM_SUFFIX = ("工程", "项目", "行动", "计划")
TYPE_SHARE = (("ORG", 0.40), ("PERSON", 0.30), ("PLACE", 0.15), ("HONOR", 0.10), ("PROGRAM", 0.05))
RELATIONS = (
    ("located_in", "ORG", "PLACE", 0.30), ("awarded", "ORG", "HONOR", 0.15), ("role_at", "PERSON", "ORG", 0.25),
    ("awarded", "PERSON", "HONOR", 0.10), ("participates_in", "ORG", "PROGRAM", 0.10),
    ("part_of", "PLACE", "PLACE", 0.05), ("issued_by", "PROGRAM", "ORG", 0.05),
)


def _pick(rng: random.Random, pool: str, n: int) -> str:
    return "".join(rng.choice(pool) for _ in range(n))


def _level(place: str) -> str:
    for suffix, level in (("街道", "street"), ("社区", "community"), ("镇", "town"), ("村", "village"),
                          ("乡", "township"), ("区", "district")):
        if place.endswith(suffix):
            return level
    return "town"


def make_name(rng: random.Random, type_: str) -> str:
    if type_ == "PERSON":
        return rng.choice(SURNAMES) + _pick(rng, GIVEN, rng.choice((1, 2, 2)))
    if type_ == "ORG":
        return _pick(rng, COMMON, rng.choice((2, 2, 4))) + _pick(rng, COMMON, 2) + rng.choice(ORG_SUFFIX)
    if type_ == "PLACE":
        return _pick(rng, COMMON, 2) + rng.choice(PLACE_SUFFIX)
    if type_ == "HONOR":
        return rng.choice(("省级", "市级", "国家级", "全国", "")) + _pick(rng, COMMON, 2) + rng.choice(HONOR_SUFFIX)
    return _pick(rng, COMMON, 2) + _pick(rng, COMMON, 2) + rng.choice(PROGRAM_SUFFIX)


def generate(path: Path, n_entities: int = 100_000, n_relations: int = 500_000, seed: int = 7,
             per_article: int = 10, articles_per_doc: int = 10, log=print) -> None:
    rng = random.Random(seed)
    path.unlink(missing_ok=True)
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    t0 = time.perf_counter()
    project = Project.open(path)
    entities: dict[str, list[int]] = {t: [] for t, _ in TYPE_SHARE}
    rows, seen = [], set()
    for type_, share in TYPE_SHARE:
        for _ in range(int(n_entities * share)):
            name = make_name(rng, type_)
            while (name, type_) in seen:
                name = make_name(rng, type_)
            seen.add((name, type_))
            entity_id = len(rows) + 1
            attrs = {"level": _level(name)} if type_ == "PLACE" else {}
            rows.append((entity_id, name, type_, "", name, type_, json.dumps(attrs, ensure_ascii=False), 0, "ingest"))
            entities[type_].append(entity_id)
    names = {r[0]: r[1] for r in rows}
    log(f"  {len(rows)} entity names in {time.perf_counter() - t0:.1f}s")

    def popular(ids: list[int]) -> int:  # a few entities are mentioned a lot
        return ids[int(len(ids) * rng.random() ** 3)]

    weights = [w for *_, w in RELATIONS]
    relations, evidence, mentions, articles = [], [], [], []
    mention_count: dict[int, int] = {}
    article_id = 0
    for rel_id in range(1, n_relations + 1):
        if (rel_id - 1) % per_article == 0:
            article_id += 1
            articles.append(article_id)
        relation, stype, otype, _ = rng.choices(RELATIONS, weights)[0]
        s, o = popular(entities[stype]), popular(entities[otype])
        if s == o:
            o = entities[otype][(entities[otype].index(o) + 1) % len(entities[otype])]
        sentence = f"{names[s]}{relation}{names[o]}。"
        year = rng.choice((None, 2021, 2022, 2023, 2024)) if relation == "awarded" else None
        relations.append((rel_id, article_id, s, o, s, relation, o, "董事长" if relation == "role_at" else None, year, 0.8, 0))
        evidence.append((rel_id, rel_id, article_id, sentence, 0, len(sentence), 0.8))
        mentions.append((article_id, 0, len(names[s]), names[s], s, s))
        start = len(sentence) - len(names[o]) - 1
        mentions.append((article_id, start, start + len(names[o]), names[o], o, o))
        mention_count[s] = mention_count.get(s, 0) + 1
        mention_count[o] = mention_count.get(o, 0) + 1
    n_docs = (len(articles) + articles_per_doc - 1) // articles_per_doc
    with project.write() as conn:
        conn.execute("INSERT INTO sources(id, name, home_city) VALUES (1, '模拟日报', '聊城市')")
        conn.executemany(
            "INSERT INTO documents(id, path, content_hash, source_id, home_city, date, media_type) VALUES (?,?,?,?,?,?,?)",
            [(d, f"/bench/page_{d:06d}.txt", f"h{d}", 1, "聊城市", f"2024-{1 + d % 12:02d}-{1 + d % 28:02d}", "text/plain")
             for d in range(1, n_docs + 1)],
        )
        conn.executemany(
            "INSERT INTO articles(id, document_id, idx, headline, kind, text, raw, bylines, captions) VALUES (?,?,?,?,?,?,?,'[]','[]')",
            [(a, (a - 1) // articles_per_doc + 1, (a - 1) % articles_per_doc, f"模拟新闻第{a}篇", "news", "", "") for a in articles],
        )
        conn.executemany(
            "INSERT INTO entities(id, key_name, key_type, key_scope, name, type, attrs, mentions, origin) VALUES (?,?,?,?,?,?,?,?,?)",
            [(*r[:7], mention_count.get(r[0], 0), r[8]) for r in rows],
        )
        conn.executemany(
            "INSERT INTO relations(id, article_id, subject_base, object_base, subject_id, relation, object_id, role, year, confidence, hidden) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?)", relations)
        conn.executemany("INSERT INTO evidence(id, relation_id, article_id, sentence, start, end, confidence) VALUES (?,?,?,?,?,?,?)", evidence)
        conn.executemany("INSERT INTO mentions(article_id, start, end, surface, base_id, entity_id) VALUES (?,?,?,?,?,?)", mentions)
        log(f"  facts, evidence, mentions written in {time.perf_counter() - t0:.1f}s")
        name_rows, gram_rows = [], []
        name_id = 0
        for entity_id, name, type_, *_ in rows:
            forms = [(name, 0)]
            if type_ == "ORG" and rng.random() < 0.3:
                forms.append((name[2:4] + name[4:6], 1))  # a short form as alias
            for form, is_alias in forms:
                name_id += 1
                full, initials = pinyin_forms(form)
                count = mention_count.get(entity_id, 0)
                name_rows.append((name_id, entity_id, form, is_alias, full, initials, count))
                gram_rows.extend((g, p, count, name_id) for g, p in grams(form))
        conn.executemany(
            "INSERT OR IGNORE INTO names(id, entity_id, name, is_alias, pinyin, initials, mentions) VALUES (?,?,?,?,?,?,?)",
            name_rows)
        conn.executemany("INSERT OR IGNORE INTO name_grams(gram, is_prefix, mentions, name_id) VALUES (?,?,?,?)", gram_rows)
        log(f"  name index ({len(name_rows)} names, {len(gram_rows)} grams) in {time.perf_counter() - t0:.1f}s")
    with project.write() as conn:
        conn.execute("ANALYZE")
    project.close()
    log(f"generated {path} ({path.stat().st_size / 1e6:.0f} MB) in {time.perf_counter() - t0:.1f}s")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--relations", type=int, default=500_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    generate(args.path, args.entities, args.relations, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
