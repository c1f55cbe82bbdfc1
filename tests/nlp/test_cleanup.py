"""Cleanup of doubtful and overlapping guesses (cleanup.py)."""

from __future__ import annotations

from explorer.nlp import spans
from explorer.nlp.resolve import resolver
from tests.nlp.conftest import found
from tests.nlp.sentence_helpers import analyse, mentions, triples


def test_generic_bodies_are_not_names():
    analysis = analyse("城区学校与乡镇学校结对，全市法院加强协作。")
    assert not mentions(analysis, "ORG")


def test_a_community_named_again_is_completed_from_its_first_mention():
    analysis = analyse("走进道口铺街道东苑社区，处处干净整洁。东苑社区还获得“市级文明社区”称号。")
    places = {surface for surface, _ in mentions(analysis, "PLACE")}
    assert "东苑社区" in places and "东苑" not in places
    assert ("东苑社区", "awarded", "市级文明社区") in triples(analysis)


def test_sub_units_name_their_parent_organisation(make_doc):
    text = "聊城大学商学院教授赵磊说"
    doc = make_doc([(c, "n") for c in text])
    spans.add(doc, 0, 7, "ORG", "org_extender")
    resolver(doc)
    assert ("聊城大学", "ORG") in found(doc)


def _marked(make_doc, text, marks, home_city="聊城市"):
    from explorer.nlp import spans

    doc = make_doc([(c, "n") for c in text], home_city=home_city)
    for surface, label, source in marks:
        start = text.index(surface)
        spans.add(doc, start, start + len(surface), label, source)
    return doc


def test_a_place_inside_a_longer_name_counts_only_where_it_also_stands_alone(make_doc):
    from explorer.nlp import spans
    from explorer.nlp.cleanup import drop_nested

    doc = _marked(make_doc, "甲乙产业园招商。甲乙很美。丙丁产业园开工。", [
        ("甲乙产业园", "PLACE", "compound"), ("甲乙", "PLACE", "lac"), ("甲乙很", "PERSON", "test"),
        ("丙丁产业园", "PLACE", "compound"), ("丙丁", "PLACE", "lac"),
    ])
    spans.remove(doc, [m for m in spans.mentions(doc) if m.label == "PERSON"])
    spans.add(doc, 8, 10, "PLACE", "lac")  # 甲乙 on its own
    drop_nested(doc)
    assert sorted((m.text, m.start) for m in spans.mentions(doc)) == [("丙丁产业园", 13), ("甲乙", 0), ("甲乙", 8), ("甲乙产业园", 0)]


def test_a_better_rule_wins_a_disputed_span_by_precedence(make_doc):
    from explorer.nlp import spans
    from explorer.nlp.cleanup import settle_conflicts

    doc = _marked(make_doc, "南通大学签署协议", [("南通大学签署", "ORG", "lac"), ("南通大学", "ORG", "compound")])
    settle_conflicts(doc)
    assert [(m.text, m.source) for m in spans.mentions(doc)] == [("南通大学", "compound")]


def test_verdicts_drop_kinds_and_relabel_firms(make_doc):
    from explorer.nlp import spans
    from explorer.nlp.cleanup import judge_each

    doc = _marked(make_doc, "镇街干部和甲县祥光铜业", [("镇街", "PLACE", "lac"), ("甲县祥光铜业", "PLACE", "lac")])
    judge_each(doc)
    assert [(m.text, m.label) for m in spans.mentions(doc)] == [("甲县祥光铜业", "ORG")]


def test_a_firm_named_by_its_kind_alone_is_no_name():
    from tests.nlp.sentence_helpers import analyse, mentions

    analysis = analyse("该公司是甲乙集团的全资子公司，也是一家上市公司。进入新时代，企业加快发展。")
    assert not {"全资子公司", "上市公司", "新时代"} & {surface for surface, _ in mentions(analysis, "ORG")}


def test_a_citys_urban_area_is_no_place():
    from tests.nlp.sentence_helpers import analyse, mentions

    analysis = analyse("项目位于甲乙市区东部，交通便利。")
    assert not {surface for surface, _ in mentions(analysis, "PLACE") if surface.endswith("市区")}


def test_a_surname_and_a_title_address_a_person_but_are_no_name(make_doc):
    text = "尹书记说，尹明说。"
    doc = make_doc([(c, "n") for c in text])
    spans.add(doc, 0, 3, "PERSON", "lac")
    spans.add(doc, 5, 7, "PERSON", "lac")
    resolver(doc)
    assert {m.text for m in spans.mentions(doc) if m.label == "PERSON"} == {"尹明"}


def _kept_after_resolving(make_doc, text, names, label, source):
    """Mark each name, run the resolver, return the names of that label it keeps."""
    doc = make_doc([(c, "n") for c in text])
    for name in names:
        start = text.index(name)
        spans.add(doc, start, start + len(name), label, source)
    resolver(doc)
    return {m.text for m in spans.mentions(doc) if m.label == label}


def test_a_plan_word_with_only_kind_words_before_it_names_no_plan(make_doc):
    kept = _kept_after_resolving(make_doc, "编制产业规划，实施国家战略，推进甲乙河治理工程。",
                                 ("产业规划", "国家战略", "甲乙河治理工程"), "PROGRAM", "plan")
    assert kept == {"甲乙河治理工程"}


def test_a_centre_or_company_named_only_by_what_it_does_is_no_name(make_doc):
    kept = _kept_after_resolving(make_doc, "建设配送中心，成立合资公司，甲乙配送中心开业。",
                                 ("配送中心", "合资公司", "甲乙配送中心"), "ORG", "lac")
    assert kept == {"甲乙配送中心"}


def test_a_country_opening_a_longer_phrase_is_no_place_but_one_standing_alone_is():
    modifier = analyse("奋力谱写中国式现代化建设阳谷实践新篇章，举办中国农民丰收节。")
    assert "中国" not in {surface for surface, _ in mentions(modifier, "PLACE")}
    alone = analyse("阳谷县是中国唯一的铜谷，产品销往日本、韩国。")
    assert {"中国", "日本", "韩国"} <= {surface for surface, _ in mentions(alone, "PLACE")}
