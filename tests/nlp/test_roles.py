"""roles.py: title chains as Role records, on hand-built Docs."""

from __future__ import annotations

from explorer.nlp import spans
from explorer.nlp.facts import Role
from explorer.nlp.relations import relations
from explorer.nlp.roles import role_titles


def _doc(make_doc, text, marks, home_city="南通市"):
    doc = make_doc([(c, "n") for c in text], home_city=home_city)
    for surface, label, source, attrs in marks:
        name, _, nth = surface.partition("#")
        start = -1
        for _ in range(int(nth or 1)):
            start = text.index(name, start + 1)
        spans.add(doc, start, start + len(name), label, source, **attrs)
    return doc


def _roles(doc):
    role_titles(doc)
    relations(doc)
    return {(r.subject, r.object, r.role) for r in doc._.relations if r.relation == "role_at"}


def test_roles_are_typed_records(make_doc):
    text = "甲乙有限公司董事长张三说"
    doc = _doc(make_doc, text, [("甲乙有限公司", "ORG", "test", {}), ("张三", "PERSON", "lac", {})])
    role_titles(doc)
    assert doc._.roles == [Role(person_start=9, person_end=11, org_start=0, org_end=6, role="董事长", start=0)]


def test_a_bare_district_committee_is_the_district_just_named(make_doc):
    text = "甲区召开会议。区委副书记、区长张三出席。"
    doc = _doc(make_doc, text, [
        ("甲区", "PLACE", "gazetteer", {"code": "100601", "level": "district"}),
        ("区委", "ORG", "test", {}), ("张三", "PERSON", "lac", {}),
    ])
    spans.mentions(doc)[1].canonical = "中共区委"  # what the resolver makes of a committee it cannot place
    assert _roles(doc) == {("张三", "中共甲区委", "副书记、区长")}


def test_a_county_paper_names_its_county_later(make_doc):
    text = "县委书记李四出席。甲县今年新开工项目12个。"
    doc = _doc(make_doc, text, [
        ("县委", "ORG", "test", {}), ("李四", "PERSON", "lac", {}),
        ("甲县", "PLACE", "gazetteer", {"code": "100602", "level": "county"}),
    ])
    assert _roles(doc) == {("李四", "中共甲县委", "书记")}


def test_names_listed_after_a_titled_person_share_the_title(make_doc):
    text = "甲市政协副主席张三、李四、王五参加视察。"
    doc = _doc(make_doc, text, [
        ("甲市政协", "ORG", "test", {}), ("张三", "PERSON", "lac", {}), ("李四", "PERSON", "lac", {}),
        ("王五", "PERSON", "lac", {}),
    ])
    assert _roles(doc) == {(name, "中国人民政治协商会议甲市委员会", "副主席") for name in ("张三", "李四", "王五")}


def test_a_chain_of_two_bodies(make_doc):
    text = "甲村党委书记、乙合作社负责人王六介绍"
    doc = _doc(make_doc, text, [("甲村党委", "ORG", "test", {}), ("乙合作社", "ORG", "test", {}), ("王六", "PERSON", "lac", {})])
    assert _roles(doc) == {("王六", "甲村党委", "书记"), ("王六", "乙合作社", "负责人")}


def test_bare_bodies_of_every_kind_take_the_division_named(make_doc):
    text = "甲县召开大会，县人大常委会主任张三、县政协主席李四出席。"
    doc = _doc(make_doc, text, [
        ("甲县", "PLACE", "gazetteer", {"code": "100602", "level": "county"}),
        ("县人大常委会", "ORG", "test", {}), ("张三", "PERSON", "lac", {}),
        ("县政协", "ORG", "test", {}), ("李四", "PERSON", "lac", {}),
    ])
    assert _roles(doc) == {("张三", "甲县人民代表大会常务委员会", "主任"), ("李四", "中国人民政治协商会议甲县委员会", "主席")}


def test_an_unnamed_zone_committee_is_the_zone_just_named(make_doc):
    text = "考察组来到甲乙新区丙村，新区党工委委员、管委会副主任王五陪同。"
    doc = _doc(make_doc, text, [
        ("甲乙新区", "PLACE", "facility", {}), ("新区党工委", "ORG", "test", {}), ("王五", "PERSON", "lac", {}),
    ])
    assert _roles(doc) == {("王五", "中共甲乙新区工作委员会", "委员"), ("王五", "甲乙新区管理委员会", "副主任")}


def test_title_in_brackets_and_a_space_before_the_name(make_doc):
    text = "温某强（甲镇党委书记）说。甲区招商服务中心主任 李某介绍。"
    doc = _doc(make_doc, text, [
        ("温某强", "PERSON", "lac", {}), ("甲镇党委", "ORG", "test", {}),
        ("甲区招商服务中心", "ORG", "test", {}), ("李某", "PERSON", "lac", {}),
    ])
    assert _roles(doc) == {("温某强", "甲镇党委", "书记"), ("李某", "甲区招商服务中心", "主任")}


def test_a_political_consultative_conference_gets_its_official_name(make_doc):
    text = "甲市政协副主席张三、李四参加视察。"
    doc = _doc(make_doc, text, [("甲市政协", "ORG", "test", {}), ("张三", "PERSON", "lac", {}), ("李四", "PERSON", "lac", {})])
    assert _roles(doc) == {(n, "中国人民政治协商会议甲市委员会", "副主席") for n in ("张三", "李四")}


def test_a_title_with_two_modifiers_continues_the_chain(make_doc):
    text = "甲市委常委、常务副市长乙丙丁出席。"
    doc = _doc(make_doc, text, [("甲市委", "ORG", "compound", {}), ("乙丙丁", "PERSON", "lac", {})])
    assert _roles(doc) == {("乙丙丁", "甲市委", "常委、常务副市长")}


def test_a_provincial_committee_and_a_doubled_county_are_named_officially():
    from tests.nlp.sentence_helpers import analyse

    analysis = analyse("省委常委、市委书记王明远调研。阳谷县县委副书记李新华讲话。")
    bodies = {r.object for r in analysis.relations if r.relation == "role_at"}
    assert {"中共山东省委", "中共聊城市委", "中共阳谷县委"} <= bodies


def test_a_committee_members_second_title_does_not_break_the_chain():
    from tests.nlp.sentence_helpers import analyse, triples

    facts = triples(analyse("阳谷县召开会议。县委常委、办公室主任王俊涛出席。"))
    assert ("王俊涛", "role_at", "中共阳谷县委") in facts


def test_a_party_department_named_alone_gets_its_official_name():
    from tests.nlp.sentence_helpers import analyse, triples

    facts = triples(analyse("市委常委、政法委书记郭力铭出席。"))
    assert ("郭力铭", "role_at", "中共聊城市委政法委员会") in facts


def test_board_secretaries_and_academicians_hold_roles():
    from tests.nlp.sentence_helpers import analyse, triples

    facts = triples(analyse("甲乙航空制造股份有限公司董事会秘书陈苗、中国工程院院士舒印彪出席。"))
    assert ("陈苗", "role_at", "甲乙航空制造股份有限公司") in facts
    assert ("舒印彪", "role_at", "中国工程院") in facts


def test_the_united_front_department_takes_its_official_name():
    from tests.nlp.sentence_helpers import analyse, triples

    facts = triples(analyse("阳谷县委常委、统战部部长张明参加。"))
    assert ("张明", "role_at", "中共阳谷县委统一战线工作部") in facts


def test_a_bare_title_after_a_titled_name_is_at_the_same_body_unless_it_heads_a_government(make_doc):
    text = "甲市人大常委会副主任张三、秘书长李四参加。甲市委书记王五、市长赵六出席。"
    doc = _doc(make_doc, text, [
        ("甲市人大常委会", "ORG", "test", {}), ("张三", "PERSON", "lac", {}), ("李四", "PERSON", "lac", {}),
        ("甲市委", "ORG", "test", {}), ("王五", "PERSON", "lac", {}), ("赵六", "PERSON", "lac", {}),
    ])
    found = _roles(doc)
    assert ("李四", "甲市人大常委会", "秘书长") in found
    assert not any(person == "赵六" for person, _, _ in found)  # the government is not named


def test_a_state_body_s_party_group_title_is_a_role_at_the_body(make_doc):
    text = "甲市政协党组副书记、副主席张三出席。"
    doc = _doc(make_doc, text, [("甲市政协党组", "ORG", "lac", {}), ("张三", "PERSON", "lac", {})])
    assert _roles(doc) == {("张三", "中国人民政治协商会议甲市委员会", "党组副书记、副主席")}



def test_a_bare_government_head_is_at_the_government_the_article_names(make_doc):
    text = "会议由副市长董磊主持，市委副书记、代市长邓沛然讲话，市政府有关部门参加。"
    doc = _doc(make_doc, text, [
        ("董磊", "PERSON", "lac", {}), ("市委", "ORG", "test", {}), ("邓沛然", "PERSON", "lac", {}), ("市政府", "ORG", "test", {}),
    ])
    spans.mentions(doc)[1].canonical, spans.mentions(doc)[3].canonical = "中共南通市委", "南通市人民政府"
    found = {(s, o) for s, o, _ in _roles(doc)}
    assert {("董磊", "南通市人民政府"), ("邓沛然", "中共南通市委"), ("邓沛然", "南通市人民政府")} <= found


def test_a_bare_government_head_is_no_role_where_no_government_is_named(make_doc):
    text = "会议由副市长董磊主持。"
    doc = _doc(make_doc, text, [("董磊", "PERSON", "lac", {})])
    assert _roles(doc) == set()
