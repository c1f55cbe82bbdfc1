"""enumerations.py and written_facts.py: relations stated by counts, lists,
notices, offices and seats, on hand-built Docs (invented names)."""

from __future__ import annotations

from explorer.core.models import RelationFact
from explorer.nlp import spans
from explorer.nlp.enumerations import enumerations


def _doc(make_doc, text, marks, home_city="甲市"):
    """marks: (surface, label, source, canonical or None, attrs[, nth occurrence])."""
    doc = make_doc([(c, "n") for c in text], home_city=home_city)
    for surface, label, source, canonical, attrs, *nth in marks:
        start = -1
        for _ in range((nth or [1])[0]):
            start = text.index(surface, start + 1)
        spans.add(doc, start, start + len(surface), label, source, canonical, **attrs)
    doc._.relations = []
    return doc


def _triples(doc):
    enumerations(doc)
    return {(r.subject, r.relation, r.object) for r in doc._.relations}


CITY = {"code": "1101", "level": "city"}
FIRMS = [("甲乙科技有限公司", "ORG", "test", None, {}), ("丙丁电子股份有限公司", "ORG", "test", None, {}),
         ("戊己材料有限公司", "ORG", "test", None, {})]
FIRM_NAMES = {"甲乙科技有限公司", "丙丁电子股份有限公司", "戊己材料有限公司"}


def test_a_home_city_before_a_counted_list_places_and_awards_each_firm(make_doc):
    text = "我市甲乙科技有限公司、丙丁电子股份有限公司、戊己材料有限公司3家企业入围民营制造业百强。"
    doc = _doc(make_doc, text, [("我市", "PLACE", "deixis", "甲市", CITY), *FIRMS, ("民营制造业百强", "HONOR", "honor", None, {})])
    found = _triples(doc)
    assert {s for s, r, o in found if r == "located_in" and o == "甲市"} == FIRM_NAMES
    assert {s for s, r, o in found if r == "awarded" and o == "民营制造业百强"} == FIRM_NAMES


def test_without_a_home_city_wo_shi_places_nothing(make_doc):
    text = "我市甲乙科技有限公司、丙丁电子股份有限公司2家企业入选。"
    doc = _doc(make_doc, text, [("我市", "PLACE", "deixis", None, {}), *FIRMS[:2]], home_city=None)
    assert not {t for t in _triples(doc) if t[1] == "located_in"}


def test_a_parallel_clause_keeps_the_counting_place_but_not_the_other_honour(make_doc):
    text = "我市甲乙科技有限公司等17户纳入“小巨人”企业范围，丙丁电子股份有限公司等32户纳入成长型企业范围。"
    doc = _doc(make_doc, text, [("我市", "PLACE", "deixis", "甲市", CITY), *FIRMS[:2],
                                ("“小巨人”企业", "HONOR", "honor", "省级“小巨人”企业", {})])
    found = _triples(doc)
    assert ("丙丁电子股份有限公司", "located_in", "甲市") in found
    assert ("甲乙科技有限公司", "awarded", "省级“小巨人”企业") in found
    assert ("丙丁电子股份有限公司", "awarded", "省级“小巨人”企业") not in found


def test_a_list_after_fenbiewei_on_the_next_line(make_doc):
    text = "（一）乙市列入第四批制造业单项冠军企业名单，共3家，分别为：\n甲乙科技有限公司、丙丁电子股份有限公司、戊己材料有限公司。"
    doc = _doc(make_doc, text, [("乙市", "PLACE", "gazetteer", None, {"code": "1102", "level": "city"}), *FIRMS,
                                ("制造业单项冠军企业", "HONOR", "honor", None, {})])
    found = _triples(doc)
    assert {s for s, r, o in found if r == "located_in" and o == "乙市"} == FIRM_NAMES
    assert {s for s, r, o in found if r == "awarded"} == FIRM_NAMES


def test_a_list_longer_than_its_count_is_another_list(make_doc):
    text = "乙市上榜的2家企业分别是：甲乙科技有限公司、丙丁电子股份有限公司、戊己材料有限公司。"
    doc = _doc(make_doc, text, [("乙市", "PLACE", "gazetteer", None, {"code": "1102", "level": "city"}), *FIRMS])
    assert _triples(doc) == set()


def test_firms_counted_in_one_sentence_and_listed_in_the_next(make_doc):
    text = "乙市3家企业入选国家级绿色工厂，2家企业入选绿色产品。据了解，甲乙科技有限公司、丙丁电子股份有限公司、戊己材料有限公司入选国家级绿色工厂；另有园区入选。"
    doc = _doc(make_doc, text, [("乙市", "PLACE", "gazetteer", None, {"code": "1102", "level": "city"}), *FIRMS,
                                ("国家级绿色工厂", "HONOR", "honor", None, {}),
                                ("国家级绿色工厂", "HONOR", "honor", None, {}, 2)])
    found = _triples(doc)
    assert {s for s, r, o in found if r == "located_in" and o == "乙市"} == FIRM_NAMES
    assert {s for s, r, o in found if r == "awarded" and o == "国家级绿色工厂"} == FIRM_NAMES


def test_a_park_counted_then_firms_over_several_sentences(make_doc):
    text = "丙科技产业园共3家企业上榜。甲乙科技有限公司荣获专精特新产品；丙丁电子股份有限公司荣获小巨人企业；戊己材料有限公司荣获小巨人企业。"
    doc = _doc(make_doc, text, [("丙科技产业园", "PLACE", "compound", None, {}), *FIRMS])
    assert {s for s, r, o in _triples(doc) if r == "located_in" and o == "丙科技产业园"} == FIRM_NAMES


def test_more_firms_than_counted_are_not_placed(make_doc):
    text = "乙市2家企业入选国家级绿色工厂。甲乙科技有限公司、丙丁电子股份有限公司、戊己材料有限公司入选国家级绿色工厂。"
    doc = _doc(make_doc, text, [("乙市", "PLACE", "gazetteer", None, {"code": "1102", "level": "city"}), *FIRMS])
    assert not {t for t in _triples(doc) if t[1] == "located_in"}


def test_a_breakdown_by_division_places_each_in_the_counting_city(make_doc):
    text = "至此，我市累计已达41户（占全省的6.5%），其中：甲区5户、乙县14户、经开区4户；另有丁县的3户。"
    doc = _doc(make_doc, text, [
        ("我市", "PLACE", "deixis", "甲市", CITY),
        ("全省", "PLACE", "deixis", "甲省", {"code": "11", "level": "province"}),
        ("甲区", "PLACE", "gazetteer", None, {"code": "110101", "level": "district"}),
        ("乙县", "PLACE", "gazetteer", None, {"code": "110102", "level": "county"}),
        ("经开区", "PLACE", "zone", None, {}),
        ("丁县", "PLACE", "gazetteer", None, {"code": "120102", "level": "county"}),
    ])
    found = _triples(doc)
    assert found == {("甲区", "located_in", "甲市"), ("乙县", "located_in", "甲市"), ("经开区", "located_in", "甲市")}


def test_a_breakdown_keeps_the_gazetteer_honest(make_doc):
    text = "甲市共有10家，其中：甲区5户、丁县5户。"
    doc = _doc(make_doc, text, [
        ("甲市", "PLACE", "gazetteer", None, CITY),
        ("甲区", "PLACE", "gazetteer", None, {"code": "110101", "level": "district"}),
        ("丁县", "PLACE", "gazetteer", None, {"code": "120102", "level": "county"}),
    ])
    assert _triples(doc) == {("甲区", "located_in", "甲市")}


def test_two_places_in_one_sentence_are_not_related(make_doc):
    text = "甲市与乙县签署合作协议，共建3个项目。"
    doc = _doc(make_doc, text, [("甲市", "PLACE", "gazetteer", None, CITY),
                                ("乙县", "PLACE", "gazetteer", None, {"code": "120102", "level": "county"})])
    assert _triples(doc) == set()


def test_a_notice_is_issued_by_the_body_of_its_title(make_doc):
    text = "甲市人民政府办公室关于印发甲市重大项目年度计划的通知\n各县人民政府：\n《甲市重大项目年度计划》已经市政府同意，现印发给你们，请认真组织实施。"
    doc = _doc(make_doc, text, [
        ("甲市人民政府办公室", "ORG", "compound", None, {}),
        ("甲市重大项目年度计划", "PROGRAM", "title", "《甲市重大项目年度计划》", {}, 2),
        ("市政府", "ORG", "compound", "甲市人民政府", {}),
    ])
    found = _triples(doc)
    assert ("《甲市重大项目年度计划》", "issued_by", "甲市人民政府办公室") in found
    assert ("甲市人民政府办公室", "part_of", "甲市人民政府") in found  # an office named after its parent


def test_a_notice_without_a_title_is_issued_by_its_signature(make_doc):
    text = "《乙市扶持办法》已经市政府同意，现印发给你们。\n乙市人民政府\n2024年3月5日"
    doc = _doc(make_doc, text, [("乙市扶持办法", "PROGRAM", "title", "《乙市扶持办法》", {}),
                                ("乙市人民政府", "ORG", "compound", None, {})])
    assert _triples(doc) == {("《乙市扶持办法》", "issued_by", "乙市人民政府")}


def test_an_office_is_part_of_a_resolved_parent_only(make_doc):
    text = "县委政法委和县委、县交通运输局参加。"
    doc = _doc(make_doc, text, [
        ("县委政法委", "ORG", "compound", "中共丙县委政法委员会", {}),
        ("县委", "ORG", "compound", "中共丙县委", {}, 2),
        ("县交通运输局", "ORG", "compound", "丙县交通运输局", {}),
    ])
    assert _triples(doc) == {("中共丙县委政法委员会", "part_of", "中共丙县委")}


def test_a_site_named_as_a_places_seat(make_doc):
    text = "他说，乙区是举世瞩目的丙大坝所在地，也是面积最大的市辖区。"
    doc = _doc(make_doc, text, [("乙区", "PLACE", "gazetteer", None, {"code": "110103", "level": "district"}),
                                ("丙大坝", "PLACE", "compound", None, {})])
    assert _triples(doc) == {("丙大坝", "located_in", "乙区")}


def test_a_title_names_its_issuer_when_the_article_names_the_body(make_doc):
    text = "根据《甲市工业和信息化局关于印发甲市培育方案的通知》，市工信局组织申报。"
    doc = _doc(make_doc, text, [
        ("甲市工业和信息化局关于印发甲市培育方案的通知", "PROGRAM", "title", "《甲市工业和信息化局关于印发甲市培育方案的通知》", {}),
        ("市工信局", "ORG", "compound", "甲市工业和信息化局", {}),
    ])
    assert _triples(doc) == {("《甲市工业和信息化局关于印发甲市培育方案的通知》", "issued_by", "甲市工业和信息化局")}


def test_an_award_sentence_without_subject_goes_to_the_paragraphs_opening_name(make_doc):
    text = "前言。\n据悉，丁经济开发区拥有企业190家。相继获得百强开发区、示范园区等称号。\n获得省级荣誉。"
    doc = _doc(make_doc, text, [("丁经济开发区", "PLACE", "compound", None, {}),
                                ("百强开发区", "HONOR", "honor", None, {}), ("示范园区", "HONOR", "honor", None, {}),
                                ("省级荣誉", "HONOR", "honor", None, {})])
    assert _triples(doc) == {("丁经济开发区", "awarded", "百强开发区"), ("丁经济开发区", "awarded", "示范园区")}


def test_relations_already_stated_are_not_repeated(make_doc):
    text = "我市甲乙科技有限公司、丙丁电子股份有限公司2家企业入围民营制造业百强。"
    doc = _doc(make_doc, text, [("我市", "PLACE", "deixis", "甲市", CITY), *FIRMS[:2]])
    doc._.relations = [RelationFact("甲乙科技有限公司", "ORG", "located_in", "甲市", "PLACE", text)]
    enumerations(doc)
    stated = [(r.subject, r.relation, r.object) for r in doc._.relations]
    assert stated.count(("甲乙科技有限公司", "located_in", "甲市")) == 1
    assert ("丙丁电子股份有限公司", "located_in", "甲市") in stated
    assert all(isinstance(r, RelationFact) for r in doc._.relations)


def test_a_place_carrying_out_a_programme_takes_part_in_it(make_doc):
    text = "对此，乙区把园区整治作为深入推进“百县千镇工程”的第一抓手，全市也在推进“丙计划”。"
    doc = _doc(make_doc, text, [("乙区", "PLACE", "gazetteer", None, {"code": "110103", "level": "district"}),
                                ("百县千镇工程", "PROGRAM", "quoted", None, {}),
                                ("全市", "PLACE", "deixis", "甲市", CITY), ("丙计划", "PROGRAM", "quoted", None, {})])
    assert _triples(doc) == {("乙区", "participates_in", "百县千镇工程")}


def test_a_place_written_before_a_quoted_programme_owns_it(make_doc):
    text = "来我区检查，对我区“建设加速年”活动进行考察，在丙县会见。"
    doc = _doc(make_doc, text, [("我区", "PLACE", "deixis", "乙区", {"code": "110103", "level": "district"}, 2),
                                ("“建设加速年”活动", "PROGRAM", "quoted", None, {})])
    assert _triples(doc) == {("乙区", "participates_in", "“建设加速年”活动")}


def test_a_place_inside_the_clause_is_no_actor(make_doc):
    text = "主抓丁江大桥工程、乙区至丙市轨道工程开工，推进“戊航道改造工程”。"
    doc = _doc(make_doc, text, [("乙区", "PLACE", "gazetteer", None, {"code": "110103", "level": "district"}),
                                ("戊航道改造工程", "PROGRAM", "quoted", None, {})])
    assert _triples(doc) == set()


def test_firms_of_a_sentence_that_walks_into_a_zone_are_in_it(make_doc):
    text = "走进丙经济开发区，热潮扑面而来：甲乙科技有限公司、丙丁电子股份有限公司等企业车间内机器轰鸣。走进车间，戊己材料有限公司很忙。"
    doc = _doc(make_doc, text, [("丙经济开发区", "PLACE", "compound", None, {}), *FIRMS])
    assert _triples(doc) == {("甲乙科技有限公司", "located_in", "丙经济开发区"), ("丙丁电子股份有限公司", "located_in", "丙经济开发区")}


def test_listed_projects_land_in_the_park_the_sentence_is_about(make_doc):
    text = "丁科创园作为开发区的核心板块，大力建设，甲乙研发中心、丙丁研究院等重点项目相继落地。乙县，戊项目等项目落地。"
    doc = _doc(make_doc, text, [("丁科创园", "PLACE", "compound", None, {}), ("甲乙研发中心", "ORG", "compound", None, {}),
                                ("丙丁研究院", "ORG", "compound", None, {}),
                                ("乙县", "PLACE", "gazetteer", None, {"code": "110102", "level": "county"}),
                                ("戊项目", "PROGRAM", "project", None, {})])
    assert _triples(doc) == {("甲乙研发中心", "located_in", "丁科创园"), ("丙丁研究院", "located_in", "丁科创园")}


def test_a_county_written_before_a_cluster_says_where_it_is(make_doc, monkeypatch):
    """Invented names, so a two-entry table stands in for the gazetteer; a city
    before a park and a zone named after its district give nothing."""

    class Division:
        def __init__(self, code, level):
            self.code, self.level = code, level

    class Table:
        def lookup(self, name):
            return {"乙区": [Division("110103", "district")], "甲市": [Division("1101", "city")]}.get(name, [])

    monkeypatch.setattr("explorer.nlp.written_facts.load_gazetteer", lambda: Table())
    text = "乙区、甲市引进项目。乙区智能装备产业集群获评省级集群，甲市数字产业园开园，乙区经济开发区扩区。"
    doc = _doc(make_doc, text, [
        ("乙区", "PLACE", "gazetteer", None, {"code": "110103", "level": "district"}),
        ("乙区智能装备产业集群", "PLACE", "compound", None, {}),
        ("甲市", "PLACE", "gazetteer", None, CITY, 1),
        ("甲市数字产业园", "PLACE", "compound", None, {}),
        ("乙区经济开发区", "PLACE", "compound", None, {}),
    ])
    assert _triples(doc) == {("乙区智能装备产业集群", "located_in", "乙区")}


def test_a_seat_lies_in_the_last_place_of_the_subject_chain(make_doc):
    text = "丙县丁镇是乙经济开发区所在地，产值占丙县的四成。"
    doc = _doc(make_doc, text, [("丙县", "PLACE", "gazetteer", None, {"code": "110104", "level": "county"}),
                                ("丁镇", "PLACE", "gazetteer", None, {"code": "110104001", "level": "town"}),
                                ("乙经济开发区", "PLACE", "compound", None, {})])
    assert _triples(doc) == {("乙经济开发区", "located_in", "丁镇")}


def test_counts_are_read_in_digits_and_chinese_numerals():
    from explorer.nlp.enumerations import _number

    assert [_number(t) for t in ("7", "三", "十", "十二", "二十", "三十五", "两", "百")] == [7, 3, 10, 12, 20, 35, 2, None]


def test_a_programme_the_governing_bodies_carry_out(make_doc):
    text = "乙市引水工程，是乙市委、市政府谋划实施的重大工程，由丙公司承建。丁工程是丙有限公司建设的项目。"
    doc = _doc(make_doc, text, [("乙市引水工程", "PROGRAM", "compound", None, {}),
                                ("乙市委", "ORG", "compound", "中共乙市委", {}),
                                ("市政府", "ORG", "compound", "乙市人民政府", {}),
                                ("丁工程", "PROGRAM", "compound", None, {}), ("丙有限公司", "ORG", "compound", None, {})])
    assert _triples(doc) == {("乙市引水工程", "issued_by", "中共乙市委"), ("乙市引水工程", "issued_by", "乙市人民政府")}


def test_a_place_between_deng_and_the_count_counts_the_firms_listed_before(make_doc):
    text = "甲乙科技有限公司、丙丁电子股份有限公司、戊己材料有限公司等我市22家企业入选民营制造业百强。"
    doc = _doc(make_doc, text, [("我市", "PLACE", "deixis", "甲市", CITY), *FIRMS, ("民营制造业百强", "HONOR", "honor", None, {})])
    found = _triples(doc)
    assert {s for s, r, o in found if r == "located_in" and o == "甲市"} == FIRM_NAMES
    assert {s for s, r, o in found if r == "awarded" and o == "民营制造业百强"} == FIRM_NAMES


def test_a_breakdown_of_the_paper_s_own_count_by_division_with_a_clause_per_row(make_doc):
    text = "本次开工项目共71个。其中，甲区签约项目13个，总投资8亿元；乙县15个项目；丁县5个项目。全市上下再加力。"
    doc = _doc(make_doc, text, [
        ("甲区", "PLACE", "gazetteer", None, {"code": "110101", "level": "district"}),
        ("乙县", "PLACE", "gazetteer", None, {"code": "110102", "level": "county"}),
        ("丁县", "PLACE", "gazetteer", None, {"code": "120102", "level": "county"}),
        ("全市", "PLACE", "deixis", "甲市", CITY),
    ])
    # the home city counts them; the gazetteer still keeps 丁县 out
    assert _triples(doc) == {("甲区", "located_in", "甲市"), ("乙县", "located_in", "甲市")}
