"""relation_patterns.py: the pattern file's grammar and the engine, on hand-built Docs."""

from __future__ import annotations

import pytest

from explorer.errors import PipelineError
from explorer.nlp import spans
from explorer.nlp.relation_patterns import load_patterns, parse_line, parse_slot
from explorer.nlp.relations import relations


def _doc(make_doc, text, marks, home_city="南通市"):
    """marks: (surface, label, source, attrs); the nth occurrence with surface#n."""
    doc = make_doc([(c, "n") for c in text], home_city=home_city)
    for surface, label, source, attrs in marks:
        name, _, nth = surface.partition("#")
        start = -1
        for _ in range(int(nth or 1)):
            start = text.index(name, start + 1)
        spans.add(doc, start, start + len(name), label, source, **attrs)
    doc._.roles = []
    return doc


def _triples(doc):
    relations(doc)
    return {(r.subject, r.relation, r.object) for r in doc._.relations}


DIVISION = {"code": "1006", "level": "city"}


def test_the_packaged_patterns_parse():
    patterns = load_patterns()
    assert {p.relation for p in patterns} >= {"located_in", "awarded", "issued_by", "participates_in"}
    assert all(p.before.role != p.after.role for p in patterns)


def test_slot_grammar():
    slot = parse_slot("subject:ORG|PLACE.facility/PROGRAM@clause+")
    assert slot.role == "subject" and slot.reach == "clause+"
    assert slot.accepts == (("ORG", None), ("PLACE", "facility")) and slot.blocks == (("PROGRAM", None),)
    for bad in ("subject:ORG", "who:ORG@clause", "subject:ORG@far", "object:PLACE.nonsense@touch"):
        with pytest.raises(PipelineError):
            parse_slot(bad)
    with pytest.raises(PipelineError):
        parse_line("awarded\t获评\tsubject:ORG@clause\tsubject:HONOR@clause\t-\t0.7")  # two subjects
    with pytest.raises(PipelineError):
        parse_line("awarded\t获评\tsubject:ORG@clause")


def test_a_list_before_the_trigger_shares_the_award(make_doc):
    text = "甲乙科技有限公司、丙丁电子和戊己新材3家企业入选省级专精特新中小企业名单。"
    doc = _doc(make_doc, text, [
        ("甲乙科技有限公司", "ORG", "test", {}), ("丙丁电子", "ORG", "test", {}), ("戊己新材", "ORG", "test", {}),
        ("省级专精特新中小企业", "HONOR", "honor", {}),
    ])
    found = _triples(doc)
    assert {s for s, r, o in found if r == "awarded"} == {"甲乙科技有限公司", "丙丁电子", "戊己新材"}


def test_a_place_that_counts_its_firms_is_not_the_winner(make_doc):
    text = "南通市6家企业入选国家级绿色工厂。"
    doc = _doc(make_doc, text, [("南通市", "PLACE", "gazetteer", DIVISION), ("国家级绿色工厂", "HONOR", "honor", {})])
    assert _triples(doc) == set()


def test_a_place_written_before_a_list_of_firms_locates_each(make_doc):
    text = "我市甲乙集团、丙丁微电入围。"
    doc = _doc(make_doc, text, [
        ("我市", "PLACE", "deixis", DIVISION), ("甲乙集团", "ORG", "test", {}), ("丙丁微电", "ORG", "test", {}),
    ])
    spans.mentions(doc)[0].canonical = "南通市"
    assert _triples(doc) == {("甲乙集团", "located_in", "南通市"), ("丙丁微电", "located_in", "南通市")}


def test_two_places_in_one_sentence_are_not_located(make_doc):
    text = "南通市和苏州市的企业代表参会，江苏省领导出席。"
    doc = _doc(make_doc, text, [
        ("南通市", "PLACE", "gazetteer", DIVISION), ("苏州市", "PLACE", "gazetteer", {"code": "1005", "level": "city"}),
        ("江苏省", "PLACE", "gazetteer", {"code": "10", "level": "province"}),
    ])
    assert _triples(doc) == set()


def test_located_in_after_weiyu_and_of(make_doc):
    text = "位于甲镇的乙丙食品有限公司扩建车间。丁戊产业园落户甲镇。"
    doc = _doc(make_doc, text, [
        ("甲镇", "PLACE", "gazetteer", {"code": "100601001", "level": "town"}),
        ("乙丙食品有限公司", "ORG", "test", {}),
        ("丁戊产业园", "PLACE", "facility", {}),
        ("甲镇#2", "PLACE", "gazetteer", {"code": "100601001", "level": "town"}),
    ])
    assert _triples(doc) == {("乙丙食品有限公司", "located_in", "甲镇"), ("丁戊产业园", "located_in", "甲镇")}


def test_a_project_between_investor_and_luohu_keeps_the_investor_out(make_doc):
    text = "甲乙公司投资建设的丙丁项目落户戊镇。"
    doc = _doc(make_doc, text, [
        ("甲乙公司", "ORG", "test", {}), ("丙丁项目", "PROGRAM", "project", {}),
        ("戊镇", "PLACE", "gazetteer", {"code": "100601002", "level": "town"}),
    ])
    assert not any(r == "located_in" for _, r, _ in _triples(doc))


def test_issuers_and_their_partners(make_doc):
    text = "县委、县政府联合印发《乡村振兴实施方案》。"
    doc = _doc(make_doc, text, [
        ("县委", "ORG", "test", {}), ("县政府", "ORG", "test", {}), ("乡村振兴实施方案", "PROGRAM", "title", {}),
    ])
    assert _triples(doc) == {("乡村振兴实施方案", "issued_by", "县委"), ("乡村振兴实施方案", "issued_by", "县政府")}


def test_a_government_body_runs_its_campaign_a_place_takes_part(make_doc):
    text = "市工信局开展“企业服务月”活动。甲县实施“强链补链”行动。"
    doc = _doc(make_doc, text, [
        ("市工信局", "ORG", "test", {}), ("“企业服务月”活动", "PROGRAM", "quoted", {}),
        ("甲县", "PLACE", "gazetteer", {"code": "100602", "level": "county"}),
        ("“强链补链”行动", "PROGRAM", "quoted", {}),
    ])
    assert _triples(doc) == {("“企业服务月”活动", "issued_by", "市工信局"), ("甲县", "participates_in", "“强链补链”行动")}


def test_carrying_out_someone_elses_plan_is_not_taking_part(make_doc):
    text = "甲区严格落实“制造业强市”战略部署。"
    doc = _doc(make_doc, text, [
        ("甲区", "PLACE", "gazetteer", {"code": "100603", "level": "district"}),
        ("“制造业强市”战略", "PROGRAM", "quoted", {}),
    ])
    assert _triples(doc) == set()


def test_a_body_before_a_document_title_issued_it(make_doc):
    text = "工业和信息化部《优质中小企业梯度培育管理暂行办法》规定，"
    doc = _doc(make_doc, text, [
        ("工业和信息化部", "ORG", "test", {}), ("优质中小企业梯度培育管理暂行办法", "PROGRAM", "title", {}),
    ])
    assert _triples(doc) == {("优质中小企业梯度培育管理暂行办法", "issued_by", "工业和信息化部")}


def test_a_trigger_inside_a_name_triggers_nothing(make_doc):
    text = "淄博市依据《关于开展制造业单项冠军遴选的通知》。甲乙园区投资有限公司参与丙丁产业园项目。"
    doc = _doc(make_doc, text, [
        ("淄博市", "PLACE", "gazetteer", {"code": "1503", "level": "city"}),
        ("关于开展制造业单项冠军遴选的通知", "PROGRAM", "title", {}),
        ("甲乙园区投资有限公司", "ORG", "test", {}), ("丙丁产业园项目", "PROGRAM", "project", {}),
    ])
    assert _triples(doc) == {("甲乙园区投资有限公司", "participates_in", "丙丁产业园项目")}


def test_ba_x_zuowei_takes_part_and_a_list_of_titles_shares_it(make_doc):
    text = "甲县把“三个一批”作为关键举措。乙市积极贯彻落实《丙办法》《丁措施》。"
    doc = _doc(make_doc, text, [
        ("甲县", "PLACE", "gazetteer", {"code": "100602", "level": "county"}), ("“三个一批”", "PROGRAM", "quoted", {}),
        ("乙市", "PLACE", "gazetteer", {"code": "1006", "level": "city"}),
        ("丙办法", "PROGRAM", "title", {}), ("丁措施", "PROGRAM", "title", {}),
    ])
    assert _triples(doc) == {("甲县", "participates_in", "“三个一批”"), ("乙市", "participates_in", "丙办法"),
                             ("乙市", "participates_in", "丁措施")}


def test_our_city_written_before_a_programme_takes_part(make_doc):
    text = "该项目是我市“交通强市”建设的重点工程。"
    doc = _doc(make_doc, text, [("我市", "PLACE", "deixis", DIVISION), ("“交通强市”建设", "PROGRAM", "quoted", {})])
    spans.mentions(doc)[0].canonical = "南通市"
    assert ("南通市", "participates_in", "“交通强市”建设") in _triples(doc)


def test_a_division_written_before_a_smaller_one_contains_it_even_unknown_to_the_gazetteer(make_doc):
    # a former county (no code) before a town of the gazetteer, a town before a village it lacks
    text = "甲县乙镇、丙镇和丁市戊镇入选，己镇庚村也在其中。"
    doc = _doc(make_doc, text, [
        ("甲县", "PLACE", "lac", {}), ("乙镇", "PLACE", "gazetteer", {"code": "100601001", "level": "town"}),
        ("丙镇", "PLACE", "gazetteer", {"code": "100601002", "level": "town"}), ("丁市", "PLACE", "lac", {}),
        ("戊镇", "PLACE", "gazetteer", {"code": "100602001", "level": "town"}),
        ("己镇", "PLACE", "gazetteer", {"code": "100602002", "level": "town"}), ("庚村", "PLACE", "lac", {}),
    ])
    assert _triples(doc) == {("乙镇", "located_in", "甲县"), ("丙镇", "located_in", "甲县"),
                             ("戊镇", "located_in", "丁市"), ("庚村", "located_in", "己镇")}


def test_a_village_is_not_inside_the_town_listed_after_it(make_doc):
    text = "甲镇乙村、丙镇丁村入选。"
    doc = _doc(make_doc, text, [
        ("甲镇", "PLACE", "gazetteer", {"code": "100601001", "level": "town"}), ("乙村", "PLACE", "lac", {}),
        ("丙镇", "PLACE", "gazetteer", {"code": "100601002", "level": "town"}), ("丁村", "PLACE", "lac", {}),
    ])
    assert _triples(doc) == {("乙村", "located_in", "甲镇"), ("丁村", "located_in", "丙镇")}


def test_a_smaller_division_never_contains_a_larger_one(make_doc):
    text = "甲村乙镇的代表参会。"
    doc = _doc(make_doc, text, [("甲村", "PLACE", "lac", {}), ("乙镇", "PLACE", "lac", {})])
    assert _triples(doc) == set()


def test_a_project_that_lies_in_a_place_is_one_the_place_takes_part_in():
    from tests.nlp.sentence_helpers import analyse, triples

    facts = triples(analyse("甲乙物流产业园项目位于阳谷县石佛镇，总投资5亿元。"))
    assert ("石佛镇", "participates_in", "甲乙物流产业园项目") in facts
