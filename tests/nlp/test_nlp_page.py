"""The whole pipeline on the shared page, scored as ANNOTATION.md says; the
extract command's JSON contract; load time."""

from __future__ import annotations

import json
import time

import pytest

from explorer.ingest import read_document, split_articles
from explorer.nlp import analyse_articles, load_pipeline, scoring
from explorer.settings import IngestOptions

PAGE = "corpus/000_6772ab316b97875f.txt"


@pytest.fixture(scope="module")
def page_scores(shared_dir):
    path = shared_dir / PAGE
    gold = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))
    options = IngestOptions(home_city=gold["publication"]["home_city"])
    articles = split_articles(read_document(path, options), options)
    analyses = analyse_articles(articles, options.home_city)
    bylines = [b for a in articles for b in a.bylines]
    return scoring.score_document(analyses, gold, bylines), articles, analyses


def test_entity_f1_on_the_shared_page(page_scores):
    scores, _, _ = page_scores
    assert scores["ALL"].f1 >= 0.93, {k: round(v.f1, 3) for k, v in scores.items()}


def test_relation_f1_on_the_shared_page(page_scores):
    scores, _, _ = page_scores
    assert scores["RELATIONS"].f1 >= 0.80, scores["RELATIONS"]


def test_offsets_index_the_article_text(page_scores):
    _, articles, analyses = page_scores
    parts_seen = set()
    for article, analysis in zip(articles, analyses):
        parts = {"body": article.text, "headline": article.headline or "", "byline": None}
        for mention in analysis.mentions:
            parts_seen.add(mention.part)
            part = parts[mention.part] if parts[mention.part] is not None else mention.surface
            assert part[mention.start : mention.end] == mention.surface
        for fact in analysis.relations:
            assert fact.evidence.strip() in article.text or fact.evidence.strip() == article.headline
            if fact.evidence_end:  # a fact stated in the headline has no body offsets
                assert article.text[fact.evidence_start : fact.evidence_end] == fact.evidence
    assert {"body", "headline"} <= parts_seen  # the page's headlines are read too


def test_pipeline_loads_quickly_from_the_packaged_config():
    from explorer.nlp import CONFIG_PATH, _load, segment

    _load.cache_clear()
    segment._lac.cache_clear()  # the LAC model is part of the load
    started = time.perf_counter()
    nlp = load_pipeline(CONFIG_PATH)
    assert time.perf_counter() - started < 2.0
    assert nlp.pipe_names[0] == "lac_segmenter" and "relations" in nlp.pipe_names


def test_pipe_with_two_processes_gives_the_same_analysis():
    from explorer.core.models import Article

    articles = [Article(text="市工信局党组成员、副局长吴明启表示，我市将实施专精特新提升行动。"), Article(text="位于冠县烟庄街道王村的中共王村党支部旧址。")]
    one = analyse_articles(articles, "聊城市")
    two = analyse_articles(articles, "聊城市", n_process=2, batch_size=1)
    assert one == two
    assert any(r.relation == "role_at" and r.object == "聊城市工业和信息化局" for r in one[0].relations)


def test_extract_command_prints_the_json_contract(tmp_path, capsys):
    from explorer.cli import main

    page = tmp_path / "page.txt"
    page.write_text("本报讯（记者 张三）位于临清市魏湾镇丁马村的众鑫丰农机农民专业合作社入选省级示范合作社名单。\n", encoding="utf-8")
    project = tmp_path / "project.db"
    assert main(["--project", str(project), "extract", str(page), "--format", "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert not project.exists()
    document = payload["documents"][0]
    assert document["path"] == str(page)
    article = document["articles"][0]
    assert set(article) == {"headline", "bylines", "entities", "relations", "credits"}
    for entity in article["entities"]:
        assert set(entity) == {"name", "type", "canonical", "start", "end", "field"}
        assert entity["type"] in ("PERSON", "ORG", "PLACE", "PROGRAM", "HONOR")
        assert entity["field"] in ("body", "headline", "byline")
    assert article["credits"] == [{"person": "张三", "role": "记者", "relation": "reported_by"}]
    assert {"name": "张三", "type": "PERSON", "field": "body"}.items() <= next(
        e for e in article["entities"] if e["name"] == "张三").items()
    for relation in article["relations"]:
        assert set(relation) == {"subject", "relation", "object", "role", "evidence", "confidence"}
    assert any(e["name"] == "丁马村" for e in article["entities"])


def test_traditional_text_gets_simplified_canonical_names_and_original_surfaces():
    from explorer.core.models import Article

    text = "位於臨清市魏灣鎮的合作社。市工信局發佈《關於加強管理的通知》。"
    analysis = analyse_articles([Article(text=text)], "聊城市")[0]
    by_surface = {m.surface: m.canonical for m in analysis.mentions}
    assert by_surface["魏灣鎮"] == "魏湾镇"
    assert by_surface["市工信局"] == "聊城市工业和信息化局"
    assert by_surface["關於加強管理的通知"] == "《关于加强管理的通知》"
    assert all(text[m.start : m.end] == m.surface for m in analysis.mentions)
    assert any(f.relation == "issued_by" and f.object == "聊城市工业和信息化局" for f in analysis.relations)


def test_extract_keeps_traditional_surfaces_with_simplified_canonical_names(tmp_path, capsys):
    from explorer.cli import main

    page = tmp_path / "trad.txt"
    text = "本報訊（記者 李曉明）位於臨清市魏灣鎮的眾鑫豐農機農民專業合作社入選省級示範合作社名單。\n"
    page.write_text(text, encoding="utf-8")
    assert main(["extract", str(page), "--format", "json"]) == 0
    article = json.loads(capsys.readouterr().out)["documents"][0]["articles"][0]
    town = next(e for e in article["entities"] if e["canonical"] == "魏湾镇")
    assert town["name"] == "魏灣鎮"
    assert article["bylines"] == ["李曉明"]

    assert main(["extract", "--simplify", str(page), "--format", "json"]) == 0
    article = json.loads(capsys.readouterr().out)["documents"][0]["articles"][0]
    assert any(e["name"] == "魏湾镇" for e in article["entities"])
