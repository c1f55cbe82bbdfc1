"""Trimming of names that took a neighbouring word along (trims.py)."""

from __future__ import annotations

from tests.nlp.sentence_helpers import analyse, mentions, triples


def test_role_noun_before_a_company_is_not_part_of_its_name():
    analysis = analyse("施工方山东甲丙路桥工程有限公司项目经理钱立新介绍，工程将于年底完工。")
    assert ("钱立新", "role_at", "山东甲丙路桥工程有限公司") in triples(analysis)
    assert not any(m.surface.startswith("施工方") for m in analysis.mentions)


def test_two_bodies_joined_by_lianhe_are_two_names():
    analysis = analyse("市中院联合市司法局开展“法律进企业”活动。")
    names = mentions(analysis, "ORG")
    assert ("市中院", "聊城市中级人民法院") in names
    assert not any("联合" in surface for surface, _ in names)


def test_lianhe_before_a_county_body_and_datelines_are_not_names():
    analysis = analyse("本报莘县讯（记者 孙红梅）市教育局联合县卫健局开展体检。")
    assert not any("联合" in surface or surface.endswith("讯") for surface, _ in mentions(analysis))
    assert ("县卫健局", "莘县卫生健康局") in mentions(analysis, "ORG")


def test_names_do_not_start_with_a_line_break_or_a_verb_character():
    analysis = analyse("“品牌是无形资产。”\n阳谷县市场监管局局长孙某某表示。村党支部领办成立冠县丰收果蔬种植专业合作社，采取“党支部+合作社+农户”的模式。")
    surfaces = {surface for surface, _ in mentions(analysis)}
    assert "阳谷县市场监管局" in surfaces and "冠县丰收果蔬种植专业合作社" in surfaces
    assert not any(s.startswith(("\n", "立")) or "+" in s for s in surfaces)


def test_titles_are_cut_from_names_and_a_committee_gives_way_to_its_body():
    analysis = analyse("聊城市委书记李长青出席。市公安局党委书记、局长吴某某介绍。")
    assert [m.surface for m in analysis.mentions if m.type == "ORG"].count("聊城市委") == 1
    roles = {(r.subject, r.object, r.role) for r in analysis.relations if r.relation == "role_at"}
    assert ("李长青", "中共聊城市委", "书记") in roles
    assert ("吴某某", "聊城市公安局", "党委书记、局长") in roles


def test_two_firms_run_together_in_a_table_cell_are_two_names():
    from tests.nlp.sentence_helpers import analyse, mentions

    analysis = analyse("名单：湖北甲乙环保科技股份有限公司湖北丙丁离合器有限公司")
    assert {"湖北甲乙环保科技股份有限公司", "湖北丙丁离合器有限公司"} <= {s for s, _ in mentions(analysis, "ORG")}


def test_governments_run_together_in_a_table_cell_are_named_one_by_one(make_doc):
    from explorer.nlp import spans
    from explorer.nlp.trims import _split_joined

    text = "甲市人民政府乙区人民政府丙县人民政府"
    doc = make_doc([(c, "n") for c in text])
    spans.add(doc, 0, len(text), "ORG", "lac")
    _split_joined(doc)
    assert {m.text for m in spans.mentions(doc)} == {"甲市人民政府", "乙区人民政府", "丙县人民政府"}


def test_a_programme_opening_on_a_quote_leaves_the_place_or_body_before_it_out():
    analysis = analyse("阳谷县持续深化“工业强县”战略，认真贯彻落实省委“两创”总战略。冠县“三馆一中心”建设项目开工。")
    programmes = {surface for surface, _ in mentions(analysis, "PROGRAM")}
    assert {"“工业强县”战略", "“两创”总战略"} <= programmes
    assert ("阳谷县", "participates_in", "“工业强县”战略") in triples(analysis)
    assert "冠县“三馆一中心”建设项目" in programmes  # a project keeps the place it is built in
