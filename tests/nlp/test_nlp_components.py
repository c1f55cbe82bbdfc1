"""Each component on hand-built Docs: LAC's tags are given, not computed."""

from __future__ import annotations

from explorer.nlp import spans
from explorer.nlp.orgs import find_compounds as org_extender
from explorer.nlp.places import place_gazetteer
from explorer.nlp.programs import program_honor
from explorer.nlp.resolve import company_cores, expand_org, resolver
from explorer.nlp.roles import role_titles
from explorer.nlp.segment import base_entities
from tests.nlp.conftest import found


def test_base_entities_keep_names_and_drop_non_names(make_doc):
    doc = make_doc([("记者", "n"), ("尹腾淑", "PER"), ("在", "p"), ("聊城市", "LOC"), ("3", "PER")])
    base_entities(doc)
    assert found(doc) == {("尹腾淑", "PERSON"), ("聊城市", "PLACE")}


def test_org_extender_grows_names_left_to_the_head(make_doc):
    doc = make_doc([
        ("经", "p"), ("市", "n"), ("环境", "n"), ("信息", "n"), ("与", "c"), ("监控", "vn"), ("中心", "n"),
        ("和", "c"), ("农机", "n"), ("专业", "n"), ("合作社", "n"), ("会商", "v"),
    ])
    org_extender(doc)
    assert ("市环境信息与监控中心", "ORG") in found(doc)
    assert ("农机专业合作社", "ORG") in found(doc)


def test_org_extender_stops_at_verbs_and_generic_words(make_doc):
    doc = make_doc([("全市", "n"), ("各", "r"), ("部门", "n"), ("发布", "v"), ("公司", "n")])
    org_extender(doc)
    assert found(doc, "ORG") == set()


def test_org_head_before_a_title_in_one_word(make_doc):
    doc = make_doc([("张庄联合村", "LOC"), ("党委书记", "n"), ("王玉宝", "PER")])
    org_extender(doc)
    assert ("张庄联合村党委", "ORG") in found(doc)


def test_gazetteer_finds_places_inside_a_longer_word(make_doc):
    doc = make_doc([("临清市金郝庄镇政府", "ORG"), ("邀请", "v")])
    place_gazetteer(doc)
    places = {m.text: m for m in spans.mentions(doc)}
    assert set(places) == {"临清市", "金郝庄镇"}
    assert places["金郝庄镇"].attrs["level"] == "town"


def test_gazetteer_short_names_need_a_word_start(make_doc):
    doc = make_doc([("聊城", "LOC"), ("的", "u"), ("我市中", "n")])
    place_gazetteer(doc)
    assert found(doc) == {("聊城", "PLACE")}
    assert spans.mentions(doc)[0].canonical == "聊城市"


def test_programmes_from_titles_quotes_and_plan_words(make_doc):
    text = "市政府印发《聊城市优质专利补助办法》（以下简称《办法》），实施“链长制”和管理提升“百千万”行动，落实党员联系户制度。"
    doc = make_doc([(c, "n") for c in text])
    program_honor(doc)
    programs = {m.text: m.canonical for m in spans.mentions(doc) if m.label == "PROGRAM"}
    assert programs["聊城市优质专利补助办法"] == "《聊城市优质专利补助办法》"
    assert programs["链长制"] == "链长制"  # enclosing quotes are not part of the name (ANNOTATION.md)
    assert "管理提升“百千万”行动" in programs
    assert "党员联系户制度" in programs
    assert doc._.aliases["办法"] == "《聊城市优质专利补助办法》"


def test_honours_with_level_prefixes_and_spaces_in_numbers(make_doc):
    text = "培育国家级专精特新企业2家、省级新材料领军企业库 50 强企业 1 家、瞪羚企业3家"
    doc = make_doc([(c, "n") for c in text])
    program_honor(doc)
    honors = {m.canonical for m in spans.mentions(doc) if m.label == "HONOR"}
    assert {"国家级专精特新企业", "省级新材料领军企业库50强企业", "瞪羚企业"} <= honors


def test_expand_org_uses_home_city_and_official_names():
    assert expand_org("市工信局", "聊城市", "山东省") == "聊城市工业和信息化局"
    assert expand_org("市市场监管局", "聊城市", "山东省") == "聊城市市场监督管理局"
    assert expand_org("临清市残联", "聊城市", "山东省") == "临清市残疾人联合会"
    assert expand_org("省科学技术厅", "聊城市", "山东省") == "山东省科学技术厅"
    assert expand_org("市委", "聊城市", "山东省") == "中共聊城市委"
    assert expand_org("市场监管局", None, None) == "市场监督管理局"


def test_company_cores_strip_place_type_and_trade():
    assert "罗克佳华" in company_cores("山东罗克佳华科技有限公司")
    assert "金号" in company_cores("山东金号家纺集团有限公司")
    assert company_cores("鲁西集团") == []


def test_resolver_deixis_and_short_company_names(make_doc):
    text = "东昌府区有山东罗克佳华科技有限公司。该区像罗克佳华这样的企业很多，我市也是。"
    doc = make_doc([(c, "n") for c in text])
    spans.add(doc, 0, 4, "PLACE", "gazetteer", level="district", code="151401")
    spans.add(doc, 5, 17, "ORG", "lac")
    resolver(doc)
    canon = {m.text: m.canonical for m in spans.mentions(doc)}
    assert canon["该区"] == "东昌府区"
    assert canon["罗克佳华"] == "山东罗克佳华科技有限公司"
    assert canon["我市"] == "聊城市"


def test_roles_walk_back_over_titles_to_each_organisation(make_doc):
    text = "张庄联合村党委书记、农业社会化服务中心负责人王玉宝说"
    doc = make_doc([(c, "n") for c in text])
    spans.add(doc, 0, 7, "ORG", "org_extender")
    spans.add(doc, 10, 19, "ORG", "org_extender")
    spans.add(doc, 22, 25, "PERSON", "lac")
    role_titles(doc)
    roles = {(text[r.org_start:r.org_end], r.role) for r in doc._.roles}
    assert roles == {("张庄联合村党委", "书记"), ("农业社会化服务中心", "负责人")}


def test_county_bodies_take_the_county_last_named(make_doc):
    text = "王强到阳谷县调研。县委书记李明、县政府有关负责人陪同。"
    doc = make_doc([(c, "n") for c in text])
    start = text.index("阳谷县")
    spans.add(doc, start, start + 3, "PLACE", "gazetteer", level="county", code="151402")
    for name in ("县委", "县政府"):
        at = text.index(name)
        spans.add(doc, at, at + len(name), "ORG", "org_extender")
    resolver(doc)
    canon = {m.text: m.canonical for m in spans.mentions(doc)}
    assert canon["县委"] == "中共阳谷县委"
    assert canon["县政府"] == "阳谷县人民政府"


def test_quoted_titles_awarded_are_honours(make_doc):
    text = "博平镇被授予“全国文明村镇”称号。"
    doc = make_doc([(c, "n") for c in text])
    program_honor(doc)
    assert ("全国文明村镇", "HONOR") in found(doc)


def test_sub_units_name_their_parent_organisation(make_doc):
    text = "聊城大学商学院教授赵磊说"
    doc = make_doc([(c, "n") for c in text])
    spans.add(doc, 0, 7, "ORG", "org_extender")
    resolver(doc)
    assert ("聊城大学", "ORG") in found(doc)


def test_party_departments_belong_to_the_committee_just_named(make_doc):
    text = "阳谷县委常委、宣传部部长李华说"
    doc = make_doc([(c, "n") for c in text])
    spans.add(doc, 0, 3, "PLACE", "gazetteer", level="county", code="151402")
    spans.add(doc, 0, 4, "ORG", "org_extender")
    spans.add(doc, 7, 10, "ORG", "org_extender")
    resolver(doc)
    canon = {m.text: m.canonical for m in spans.mentions(doc)}
    assert canon["阳谷县委"] == "中共阳谷县委"
    assert canon["宣传部"] == "中共阳谷县委宣传部"


def test_referring_mentions_are_marked_and_give_no_alias():
    from explorer.core import Article
    from explorer.nlp import analyse_articles

    text = "山东瑞岭科技有限公司位于冠县。公司总经理王立新介绍，该企业去年获评瞪羚企业。"
    [analysis] = analyse_articles([Article(text=text)], "聊城市")
    company = [m for m in analysis.mentions if m.canonical == "山东瑞岭科技有限公司"]
    referring = [m for m in company if dict(m.attrs).get("refers")]
    assert referring, "公司/该企业 should resolve to the company named before"
    assert not any(alias in ("公司", "该企业") for m in company for alias in m.aliases)


def test_a_full_piece_cache_never_loses_the_pieces_of_the_batch(monkeypatch):
    from explorer.nlp import segment

    segment.clear_cache()
    monkeypatch.setattr(segment, "PIECE_CACHE_SIZE", 3)
    first = segment.lac_words_many(["聊城市召开会议。", "东昌府区举办活动。"])
    # the second batch reuses a cached piece and overflows the cache with new ones
    second = segment.lac_words_many(["聊城市召开会议。冠县建设新区。莘县发展农业。阳谷县开展培训。"])
    assert [w for w, _ in second[0]][: len(first[0])] == [w for w, _ in first[0]]
    assert "".join(w for w, _ in second[0]) == "聊城市召开会议。冠县建设新区。莘县发展农业。阳谷县开展培训。"
    segment.clear_cache()
