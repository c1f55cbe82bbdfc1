"""list_sections.py: relations stated by a published list's layout (headings,
groups, items), on hand-built Docs with invented names."""

from __future__ import annotations

from explorer.nlp.enumerations import enumerations
from tests.nlp.conftest import doc_with_mentions

TOWN = {"level": "town"}


def _doc(make_doc, text, marks, home_city="甲市"):
    return doc_with_mentions(make_doc, text, marks, home_city)


def _triples(doc):
    enumerations(doc)
    return {(r.subject, r.relation, r.object) for r in doc._.relations}


def test_a_list_title_region_and_groups_award_and_place_each_item(make_doc):
    text = "2030年度\n乙省示范村创建名单\n（甲市）\n丙县（2个）\n丁镇戊村、己镇庚村\n辛县（1个）\n壬镇癸村\n"
    doc = _doc(make_doc, text, [
        ("乙省示范村", "HONOR", {}), ("甲市", "PLACE", {"code": "1101", "level": "city"}),
        ("丙县", "PLACE", {"code": "110101", "level": "county"}),
        ("丁镇", "PLACE", {"code": "110101001", **TOWN}), ("戊村", "PLACE", {}),
        ("己镇", "PLACE", {"code": "110101002", **TOWN}), ("庚村", "PLACE", {}),
        ("辛县", "PLACE", {"code": "110102", "level": "county"}),
        ("壬镇", "PLACE", {"code": "110102001", **TOWN}), ("癸村", "PLACE", {}),
    ])
    found = _triples(doc)
    assert {s for s, r, o in found if r == "awarded" and o == "乙省示范村"} == {"戊村", "庚村", "癸村"}
    located = {(s, o) for s, r, o in found if r == "located_in"}
    assert {("丙县", "甲市"), ("辛县", "甲市"), ("丁镇", "丙县"), ("己镇", "丙县"), ("壬镇", "辛县")} <= located
    assert ("壬镇", "丙县") not in located  # a new group heading closes the last one


def test_numbered_sections_give_their_honour_to_the_lines_below(make_doc):
    text = "现将名单通报如下。\n一、十佳甲企业\n1.乙丙科技有限公司\n2.丁戊电子有限公司\n二、十佳己企业\n1.庚辛材料有限公司\n"
    doc = _doc(make_doc, text, [
        ("十佳甲企业", "HONOR", {}), ("乙丙科技有限公司", "ORG", {}), ("丁戊电子有限公司", "ORG", {}),
        ("十佳己企业", "HONOR", {}), ("庚辛材料有限公司", "ORG", {}),
    ])
    assert _triples(doc) == {
        ("乙丙科技有限公司", "awarded", "十佳甲企业"), ("丁戊电子有限公司", "awarded", "十佳甲企业"),
        ("庚辛材料有限公司", "awarded", "十佳己企业"),
    }


def test_prose_after_a_list_closes_it(make_doc):
    text = "一、十佳甲企业\n1.乙丙科技有限公司\n会议指出，丁戊电子有限公司要加快发展。\n庚辛材料有限公司\n"
    doc = _doc(make_doc, text, [
        ("十佳甲企业", "HONOR", {}), ("乙丙科技有限公司", "ORG", {}), ("丁戊电子有限公司", "ORG", {}),
        ("庚辛材料有限公司", "ORG", {}),
    ])
    assert _triples(doc) == {("乙丙科技有限公司", "awarded", "十佳甲企业")}


def test_a_line_of_names_without_a_heading_states_nothing(make_doc):
    text = "甲市召开会议。\n乙丙科技有限公司、丁戊电子有限公司\n"
    doc = _doc(make_doc, text, [
        ("甲市", "PLACE", {"code": "1101", "level": "city"}), ("乙丙科技有限公司", "ORG", {}), ("丁戊电子有限公司", "ORG", {}),
    ])
    assert _triples(doc) == set()


def test_a_region_in_the_titles_brackets_and_an_item_without_a_name(make_doc):
    text = "乙省示范村创建名单（甲市）\n丙县（3个）\n丁镇戊村、某某某村、己镇庚村\n"
    doc = _doc(make_doc, text, [
        ("乙省示范村", "HONOR", {}), ("甲市", "PLACE", {"code": "1101", "level": "city"}),
        ("丙县", "PLACE", {"code": "110101", "level": "county"}),
        ("丁镇", "PLACE", {"code": "110101001", **TOWN}), ("戊村", "PLACE", {}),
        ("己镇", "PLACE", {"code": "110101002", **TOWN}), ("庚村", "PLACE", {}),
    ])
    found = _triples(doc)
    assert ("丙县", "located_in", "甲市") in found
    assert {s for s, r, o in found if r == "awarded"} == {"戊村", "庚村"}


def test_a_line_mostly_without_names_is_no_list(make_doc):
    text = "一、十佳甲企业\n乙丙科技有限公司、加快发展步伐、继续扩大规模\n"
    doc = _doc(make_doc, text, [("十佳甲企业", "HONOR", {}), ("乙丙科技有限公司", "ORG", {})])
    assert _triples(doc) == set()


def test_a_group_heading_with_its_items_on_the_same_line(make_doc):
    text = "乙省示范区创建单位名单\n丙市（2个）:丁区、戊县\n己市:庚县\n"
    doc = _doc(make_doc, text, [
        ("乙省示范区创建单位", "HONOR", {}),
        ("丙市", "PLACE", {"code": "1102", "level": "city"}), ("丁区", "PLACE", {"code": "110201", "level": "district"}),
        ("戊县", "PLACE", {"code": "110202", "level": "county"}),
        ("己市", "PLACE", {"code": "1103", "level": "city"}), ("庚县", "PLACE", {"code": "110301", "level": "county"}),
    ])
    found = _triples(doc)
    assert {(s, o) for s, r, o in found if r == "located_in"} == {("丁区", "丙市"), ("戊县", "丙市"), ("庚县", "己市")}
    assert {s for s, r, o in found if r == "awarded"} == {"丁区", "戊县", "庚县"}


def test_a_tables_other_cells_on_lines_of_their_own_do_not_end_the_list(make_doc):
    text = "甲市（3家）\n乙丙科技有限公司\n第二批\n丁戊电子有限公司\n第三批\n庚辛材料有限公司\n会议要求各地加快发展。\n壬癸有限公司\n"
    doc = _doc(make_doc, text, [
        ("甲市", "PLACE", {"code": "1101", "level": "city"}), ("乙丙科技有限公司", "ORG", {}), ("丁戊电子有限公司", "ORG", {}),
        ("庚辛材料有限公司", "ORG", {}), ("壬癸有限公司", "ORG", {}),
    ])
    located = {s for s, r, o in _triples(doc) if r == "located_in" and o == "甲市"}
    assert located == {"乙丙科技有限公司", "丁戊电子有限公司", "庚辛材料有限公司"}  # prose still closes it
