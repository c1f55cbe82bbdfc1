"""Canonical names (resolve.py): official names, deixis, zones, committees, short forms."""

from __future__ import annotations

from explorer.core.models import Article
from explorer.nlp import analyse_articles, spans
from explorer.nlp.resolve import company_cores, expand_org, resolver
from tests.nlp.sentence_helpers import analyse, mentions, triples


def test_zone_bodies_and_zone_short_names_resolve_to_the_zone():
    analysis = analyse("聊城高新区召开会议，高新区管委会主任孙明杰主持。")
    assert ("聊城高新区", "聊城高新技术产业开发区") in mentions(analysis, "PLACE")
    assert ("孙明杰", "role_at", "聊城高新技术产业开发区管理委员会") in triples(analysis)


def test_city_bureau_in_a_county_level_city_story():
    analysis = analyse("临清市商务局启动促消费活动。市商务局局长周海宁表示，活动将持续一个月。")
    assert ("周海宁", "role_at", "临清市商务局") in triples(analysis)


def test_county_party_departments_ecology_branches_and_government_offices_get_official_names():
    analysis = analyse("阳谷县委组织部召开会议。莘县生态环境分局开展执法检查。冠县政府办公室印发通知。")
    names = mentions(analysis, "ORG")
    assert ("阳谷县委组织部", "中共阳谷县委组织部") in names
    assert ("莘县生态环境分局", "聊城市生态环境局莘县分局") in names
    assert ("冠县政府办公室", "冠县人民政府办公室") in names


def test_province_deixis():
    assert ("我省", "山东省") in mentions(analyse("我省出台政策。"), "PLACE")


def test_district_and_county_committees_are_named_as_papers_name_them():
    # real papers write 中共〈district〉委 without the city (中共顺德区委), as for counties
    analysis = analyse("茌平区委常委、副区长李某某说。临清市委常委、副市长王某某说。")
    canonicals = {canonical for _, canonical in mentions(analysis, "ORG")}
    assert {"中共茌平区委", "中共临清市委"} <= canonicals
    assert ("李某某", "role_at", "中共茌平区委") in triples(analysis)


def test_a_bare_zone_word_is_the_zone_just_named():
    analysis = analyse("江北水城旅游度假区管委会主任陈某某说，度假区将启动生态修复工程。")
    assert ("度假区", "江北水城旅游度假区") in mentions(analysis, "PLACE")
    assert ("陈某某", "role_at", "江北水城旅游度假区管理委员会") in triples(analysis)


def test_official_name_of_the_development_and_reform_commission():
    analysis = analyse("市发展改革委副主任刘某某介绍。")
    assert ("刘某某", "role_at", "聊城市发展和改革委员会") in triples(analysis)


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


def test_a_list_of_names_before_deng_qiye_are_firms_but_sectors_are_not():
    from tests.nlp.sentence_helpers import analyse, mentions

    firms = {surface for surface, _ in mentions(analyse("利用甲门船舶、乙淮数据等头部企业场景资源。"), "ORG")}
    assert {"甲门船舶", "乙淮数据"} <= firms
    sectors = {surface for surface, _ in mentions(analyse("新材料、生物医药等企业加快发展。"), "ORG")}
    assert "生物医药" not in sectors and "新材料" not in sectors


def test_a_zone_the_gazetteer_lacks_is_named_after_the_home_city():
    analysis = analyse_articles([Article(text="市领导莅临经开区调研。经开区党工委书记王景书陪同。")], "新乡市")[0]
    assert ("经开区", "新乡经济技术开发区") in mentions(analysis, "PLACE")
    assert ("王景书", "role_at", "中共新乡经济技术开发区工作委员会") in triples(analysis)


def test_a_city_districts_consultative_conference_carries_its_city():
    analysis = analyse_articles([Article(text="陈仓区政协组织委员视察。区政协主席苟晓明一同视察。")], "宝鸡市")[0]
    assert ("苟晓明", "role_at", "中国人民政治协商会议宝鸡市陈仓区委员会") in triples(analysis)
    county = analyse_articles([Article(text="阳谷县政协主席张某某出席。")], "聊城市")[0]
    assert {o for _, r, o in triples(county) if r == "role_at"} <= {"中国人民政治协商会议阳谷县委员会"}


def test_a_surname_led_name_after_a_title_and_before_a_pause_is_a_person(make_doc):
    from explorer.nlp.resolve import titled_people

    text = "市长齐家滨，秘书长尤在晶等参加，主任科员，局长助理出席。"
    doc = make_doc([(c, "n") for c in text])
    titled_people(doc)
    assert {m.text for m in spans.mentions(doc) if m.label == "PERSON"} == {"齐家滨", "尤在晶"}
    doc = make_doc([("书记", "n"), ("强调", "v"), ("，", "w")])
    titled_people(doc)
    assert not spans.mentions(doc)  # a verb after the title is no name


def test_a_county_level_city_or_a_county_paper_names_its_own_bodies():
    def run(text, home):
        return analyse_articles([Article(text=text)], home)[0]

    # 临清市 is a county-level city, 阳谷县 a county, both under 聊城市 in the gazetteer
    city = run("市委、市政府召开会议，我市企业参加。", "临清市")
    assert {(m.surface, m.canonical) for m in city.mentions} >= {("市委", "中共临清市委"), ("市政府", "临清市人民政府"), ("我市", "临清市")}
    county = run("县委、县政府召开会议，市委书记到我县调研。", "阳谷县")
    assert {(m.surface, m.canonical) for m in county.mentions} >= {
        ("县委", "中共阳谷县委"), ("县政府", "阳谷县人民政府"), ("市委", "中共聊城市委"), ("我县", "阳谷县")}
