"""relation_rules.py (the shapes patterns cannot say) and facts.py (typed records), on hand-built Docs."""

from __future__ import annotations

import srsly

from explorer.core.models import RelationFact
from explorer.nlp import spans
from explorer.nlp.facts import Context, Facts, Role
from explorer.nlp.relations import relations


def _doc(make_doc, text, marks, home_city="南通市"):
    doc = make_doc([(c, "n") for c in text], home_city=home_city)
    for surface, label, source, attrs in marks:
        start = text.index(surface)
        spans.add(doc, start, start + len(surface), label, source, **attrs)
    doc._.roles = []
    return doc


def _triples(doc):
    relations(doc)
    return {(r.subject, r.relation, r.object) for r in doc._.relations}


def test_relations_are_typed_and_quote_their_sentence(make_doc):
    text = "据悉，甲乙科技有限公司获评2023年度省级专精特新中小企业。另讯。"
    doc = _doc(make_doc, text, [("甲乙科技有限公司", "ORG", "test", {}), ("省级专精特新中小企业", "HONOR", "honor", {})])
    relations(doc)
    [fact] = doc._.relations
    assert isinstance(fact, RelationFact)
    assert (fact.relation, fact.year, fact.subject_type, fact.object_type) == ("awarded", 2023, "ORG", "HONOR")
    assert text[fact.evidence_start : fact.evidence_end] == fact.evidence == "据悉，甲乙科技有限公司获评2023年度省级专精特新中小企业。"


def test_records_cross_processes():
    fact = RelationFact("甲", "ORG", "part_of", "乙", "ORG", "甲乙", 0, 2, None, None, 0.8)
    role = Role(0, 2, 3, 6, "书记", 0)
    assert srsly.msgpack_loads(srsly.msgpack_dumps({"r": [fact], "roles": [role]})) == {"r": [fact], "roles": [role]}


def test_a_fact_is_stated_once(make_doc):
    doc = _doc(make_doc, "甲公司位于乙镇。", [("甲公司", "ORG", "test", {}), ("乙镇", "PLACE", "gazetteer", {"code": "1"})])
    facts = Facts(Context(doc))
    first, place = spans.mentions(doc)
    assert facts.add_in_sentence(first, "located_in", place, 0.8)
    assert not facts.add_in_sentence(first, "located_in", place, 0.8)
    assert not facts.add_in_sentence(first, "located_in", first, 0.8)  # one thing is not related to itself


def test_a_list_named_then_filled_after_fenbiewei(make_doc):
    text = "甲市列入第四批制造业单项冠军企业名单，共3家，分别为：甲乙股份有限公司、丙丁科技股份有限公司、戊己集团。"
    doc = _doc(make_doc, text, [
        ("甲市", "PLACE", "gazetteer", {"code": "1101", "level": "city"}),
        ("制造业单项冠军企业", "HONOR", "honor", {}),
        ("甲乙股份有限公司", "ORG", "test", {}), ("丙丁科技股份有限公司", "ORG", "test", {}), ("戊己集团", "ORG", "test", {}),
    ])
    found = _triples(doc)
    assert {s for s, r, o in found if r == "awarded"} == {"甲乙股份有限公司", "丙丁科技股份有限公司", "戊己集团"}


def test_places_listed_after_fenbiewei_are_the_innermost_of_each_chain(make_doc):
    text = "本次入围中部百强镇的镇分别为：甲县乙镇、丙市丁镇。"
    doc = _doc(make_doc, text, [
        ("中部百强镇", "HONOR", "honor", {}),
        ("甲县", "PLACE", "gazetteer", {"code": "110101", "level": "county"}),
        ("乙镇", "PLACE", "gazetteer", {"code": "110101001", "level": "town"}),
        ("丙市", "PLACE", "gazetteer", {"code": "110102", "level": "county_city"}),
        ("丁镇", "PLACE", "gazetteer", {"code": "110102001", "level": "town"}),
    ])
    found = _triples(doc)
    assert {s for s, r, o in found if r == "awarded"} == {"乙镇", "丁镇"}
    assert ("乙镇", "located_in", "甲县") in found  # a place written directly before the name


def test_sub_units_are_part_of_the_body_they_start_with(make_doc):
    text = "甲市人民政府办公室印发通知，甲乙大学商学院承办。"
    doc = _doc(make_doc, text, [
        ("甲市人民政府办公室", "ORG", "test", {}), ("甲市人民政府", "ORG", "parent_org", {}),
        ("甲乙大学商学院", "ORG", "test", {}), ("甲乙大学", "ORG", "parent_org", {}),
    ])
    found = _triples(doc)
    assert ("甲市人民政府办公室", "part_of", "甲市人民政府") in found
    assert ("甲乙大学商学院", "part_of", "甲乙大学") in found


def test_a_project_named_after_its_investor(make_doc):
    text = "甲乙冷链与区政府签约。甲乙冷链国际食品交易园项目总投资50亿元。"
    doc = _doc(make_doc, text, [("甲乙冷链", "ORG", "test", {}), ("甲乙冷链国际食品交易园项目", "PROGRAM", "project", {})])
    assert ("甲乙冷链", "participates_in", "甲乙冷链国际食品交易园项目") in _triples(doc)


def test_the_holder_after_zuowei_zhiyi(make_doc):
    text = "作为2021年度第一批专精特新中小企业之一，甲乙科技有限公司加大研发投入。"
    doc = _doc(make_doc, text, [("专精特新中小企业", "HONOR", "honor", {}), ("甲乙科技有限公司", "ORG", "test", {})])
    assert _triples(doc) == {("甲乙科技有限公司", "awarded", "专精特新中小企业")}


def test_a_notice_list_item_with_its_district(make_doc):
    text = "2024年度绿色工厂拟认定名单\n1.甲乙纺织有限公司（丙区）\n2.丁戊食品有限公司（己县）"
    doc = _doc(make_doc, text, [
        ("绿色工厂", "HONOR", "honor", {}), ("甲乙纺织有限公司", "ORG", "test", {}),
        ("丙区", "PLACE", "gazetteer", {"code": "110103", "level": "district"}),
        ("丁戊食品有限公司", "ORG", "test", {}), ("己县", "PLACE", "gazetteer", {"code": "110104", "level": "county"}),
    ])
    assert _triples(doc) == {
        ("甲乙纺织有限公司", "awarded", "绿色工厂"), ("丁戊食品有限公司", "awarded", "绿色工厂"),
        ("甲乙纺织有限公司", "located_in", "丙区"), ("丁戊食品有限公司", "located_in", "己县"),
    }


def test_a_place_that_counts_the_winners_is_not_one(make_doc):
    text = "甲市6家企业入选国家级绿色工厂。据了解，甲乙股份有限公司、丙丁科技有限公司入选。其中，戊区的己庚有限公司位列第一。"
    doc = _doc(make_doc, text, [
        ("甲市", "PLACE", "gazetteer", {"code": "1101", "level": "city"}),
        ("国家级绿色工厂", "HONOR", "honor", {}),
        ("甲乙股份有限公司", "ORG", "test", {}), ("丙丁科技有限公司", "ORG", "test", {}),
        ("戊区", "PLACE", "gazetteer", {"code": "110105", "level": "district"}), ("己庚有限公司", "ORG", "test", {}),
    ])
    found = _triples(doc)
    assert ("己庚有限公司", "located_in", "戊区") in found  # the text says where it is
    assert not any(s == "甲市" and r == "awarded" for s, r, o in found)  # the city counts the winners


def test_seats_and_statements_of_belonging(make_doc):
    text = "甲区是举世瞩目的乙丙大坝所在地。甲区是丁市面积最大的市辖区。"
    doc = _doc(make_doc, text, [
        ("甲区", "PLACE", "gazetteer", {"code": "110501", "level": "district"}),
        ("乙丙大坝", "PLACE", "facility", {}),
    ])
    second = text.index("甲区", 5)
    spans.add(doc, second, second + 2, "PLACE", "gazetteer", code="110501", level="district")
    spans.add(doc, text.index("丁市"), text.index("丁市") + 2, "PLACE", "gazetteer", code="1105", level="city")
    found = _triples(doc)
    assert ("乙丙大坝", "located_in", "甲区") in found


def test_a_speakers_words_are_not_his_acts(make_doc):
    text = "甲区招商服务中心主任李某说：“力促项目早日落户甲区。”"
    doc = _doc(make_doc, text, [
        ("甲区招商服务中心", "ORG", "test", {}), ("李某", "PERSON", "lac", {}),
        ("甲区", "PLACE", "gazetteer", {"code": "110501", "level": "district"}),
    ])
    spans.add(doc, text.rindex("甲区"), text.rindex("甲区") + 2, "PLACE", "gazetteer", code="110501", level="district")
    assert not any(r == "located_in" for s, r, o in _triples(doc))


def test_a_body_built_by_a_project_is_not_its_owner(make_doc):
    text = "甲区医疗中心建设项目和乙丙学校实训基地建设项目同时开工。"
    doc = _doc(make_doc, text, [
        ("甲区医疗中心建设项目", "PROGRAM", "compound", {}), ("甲区医疗中心", "ORG", "compound", {}),
        ("乙丙学校实训基地建设项目", "PROGRAM", "compound", {}), ("乙丙学校", "ORG", "compound", {}),
    ])
    found = _triples(doc)
    assert ("乙丙学校", "participates_in", "乙丙学校实训基地建设项目") in found
    assert ("甲区医疗中心", "participates_in", "甲区医疗中心建设项目") not in found


def test_a_list_after_de_you_lies_in_the_place_that_counted_its_firms(make_doc):
    text = "甲市3个产业集群、6家企业成功入选。入选“头雁”企业的，有甲乙材料有限公司、丙丁活塞有限公司。"
    doc = _doc(make_doc, text, [
        ("甲市", "PLACE", "gazetteer", {"code": "1101", "level": "city"}),
        ("“头雁”企业", "HONOR", "award", {}),
        ("甲乙材料有限公司", "ORG", "test", {}), ("丙丁活塞有限公司", "ORG", "test", {}),
    ])
    found = _triples(doc)
    for firm in ("甲乙材料有限公司", "丙丁活塞有限公司"):
        assert (firm, "awarded", "“头雁”企业") in found
        assert (firm, "located_in", "甲市") in found
