"""One entity per real-world thing across articles and documents."""

from __future__ import annotations

from explorer.services import query


def _store(project, build, path, text, mentions, facts=(), source="聊城日报", version="v1"):
    return project.store_document(
        build.doc(path, version, source), [build.article(text)], [build.analysis(mentions, facts)]
    )


def test_same_canonical_name_and_type_is_one_entity(project, build):
    t1, t2 = "光岳集团召开大会。", "记者走访光岳集团。"
    _store(project, build, "/a.txt", t1, [build.mention(t1, "光岳集团", "ORG")])
    _store(project, build, "/b.txt", t2, [build.mention(t2, "光岳集团", "ORG")])
    hits = query.search(project, "光岳集团")
    assert len(hits) == 1 and hits[0].mentions == 2


def test_same_name_different_type_stays_apart(project, build):
    t = "东昌府区政府在东昌府区召开会议。"
    _store(project, build, "/a.txt", t, [
        build.mention(t, "东昌府区政府", "ORG"),
        build.mention(t, "东昌府区", "PLACE"),
    ])
    assert {h.type for h in query.search(project, "东昌府区")} == {"ORG", "PLACE"}


def test_short_form_resolves_to_the_full_name_seen_before(project, build):
    doc, arts, analyses = build.company_page()
    project.store_document(doc, arts, analyses)
    t = "罗克佳华新建了一条生产线。"
    _store(project, build, "/b.txt", t, [build.mention(t, "罗克佳华", "ORG")])
    detail = query.find_entity(project, "罗克佳华")
    assert detail.name == "山东罗克佳华科技有限公司"
    assert len(detail.mentions) == 2
    assert "罗克佳华" in detail.aliases


def test_entity_created_under_a_short_form_is_folded_when_the_full_name_appears(project, build):
    t = "罗克佳华新建了一条生产线。"
    _store(project, build, "/b.txt", t, [build.mention(t, "罗克佳华", "ORG")])
    doc, arts, analyses = build.company_page()
    project.store_document(doc, arts, analyses)
    hits = query.search(project, "罗克佳华", types=["ORG"])
    assert [h.name for h in hits] == ["山东罗克佳华科技有限公司"]
    assert hits[0].mentions == 2
    assert project.stats().entities == 3


def test_people_with_one_name_in_unrelated_papers_are_not_merged(project, build):
    t = "张伟同志出席会议。"
    _store(project, build, "/a.txt", t, [build.mention(t, "张伟", "PERSON")], source="聊城日报")
    _store(project, build, "/b.txt", t, [build.mention(t, "张伟", "PERSON")], source="德州日报")
    _store(project, build, "/c.txt", t, [build.mention(t, "张伟", "PERSON")], source="聊城日报")
    hits = query.search(project, "张伟")
    assert sorted(h.mentions for h in hits) == [1, 2]


def test_facts_keep_their_evidence_sentence_and_article(project, build):
    doc, arts, analyses = build.company_page()
    project.store_document(doc, arts, analyses)
    detail = query.find_entity(project, "山东罗克佳华科技有限公司")
    awarded = [f for f in detail.facts if f.relation == "awarded"]
    assert len(awarded) == 1
    fact = awarded[0]
    assert (fact.object, fact.year) == ("省级专精特新企业", 2023)
    assert fact.evidence[0].sentence == arts[0].text
    assert fact.evidence[0].source == "聊城日报" and fact.evidence[0].date == "2024-03-01"


def test_the_same_fact_in_two_articles_is_one_fact_with_two_evidences(project, build):
    for path in ("/a.txt", "/b.txt"):
        doc, arts, analyses = build.company_page(path=path)
        project.store_document(doc, arts, analyses)
    detail = query.find_entity(project, "罗克佳华")
    located = [f for f in detail.facts if f.relation == "located_in"]
    assert len(located) == 1 and len(located[0].evidence) == 2


def test_article_record_has_mention_spans(project, build):
    doc, arts, analyses = build.company_page()
    project.store_document(doc, arts, analyses)
    detail = query.find_entity(project, "郑家镇")
    record = query.article(project, detail.mentions[0].article_id)
    spans = {(m.name, record.text[m.start:m.end]) for m in record.mentions}
    assert ("郑家镇", "郑家镇") in spans and len(spans) == 3
    assert record.source == "聊城日报" and record.path == doc.path


def test_referring_words_are_mentions_but_never_aliases(project, build):
    t = "山东瑞岭科技有限公司位于冠县。公司总经理介绍了新产品。"
    _store(project, build, "/a.txt", t, [
        build.mention(t, "山东瑞岭科技有限公司", "ORG"),
        build.mention(t, "公司", "ORG", canonical="山东瑞岭科技有限公司", attrs=(("refers", "anaphora"),)),
    ])
    detail = query.find_entity(project, "山东瑞岭科技有限公司")
    assert len(detail.mentions) == 2
    assert "公司" not in detail.aliases
    assert "refers" not in detail.attrs
    assert all(h.matched != "公司" for h in query.search(project, "公司"))


def test_a_name_that_starts_like_a_referring_word_is_still_an_alias(project, build):
    # the `refers` mark, not the first character, keeps 我市/该区 out of the names:
    # 全聚德 and 本田 are names, and their short forms are found
    t = "北京全聚德烤鸭股份有限公司（全聚德）在我市开店。"
    _store(project, build, "/a.txt", t, [
        build.mention(t, "北京全聚德烤鸭股份有限公司", "ORG", aliases=("全聚德",)),
        build.mention(t, "全聚德", "ORG", canonical="北京全聚德烤鸭股份有限公司"),
        build.mention(t, "我市", "PLACE", canonical="聊城市", attrs=(("refers", "deixis"),)),
    ])
    detail = query.find_entity(project, "北京全聚德烤鸭股份有限公司")
    assert "全聚德" in detail.aliases
    assert [h.name for h in query.search(project, "全聚德", types=["ORG"])] == ["北京全聚德烤鸭股份有限公司"]
    assert "我市" not in query.find_entity(project, "聊城市").aliases
