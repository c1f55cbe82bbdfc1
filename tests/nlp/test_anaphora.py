"""Names that point back (anaphora.py): 该局, 公司, 园区, 村党支部; one honour with and without its level."""

from __future__ import annotations

from tests.nlp.sentence_helpers import analyse, mentions, triples


def test_gaihang_is_the_bank_just_named():
    analysis = analyse("山东甲乙农村商业银行股份有限公司成立于2005年。该行开展“金融夜校”活动。")
    assert ("该行", "山东甲乙农村商业银行股份有限公司") in mentions(analysis, "ORG")
    assert ("山东甲乙农村商业银行股份有限公司", "participates_in", "“金融夜校”活动") in triples(analysis)


def test_village_party_branch_is_the_village_just_named():
    analysis = analyse("在冠县清泉街道李庄村，村党支部书记张明远带领群众致富。")
    assert ("张明远", "role_at", "李庄村党支部") in triples(analysis)


def test_bare_company_park_and_committee_refer_back():
    text = ("走进山东甲乙铝业新材料有限公司生产车间。“订单已经排满。”公司总经理助理张某某介绍。\n"
            "在茌平区博平镇，博平汽车零部件产业园已入驻企业23家。园区内的山东丙丁汽车部件有限公司去年投产。\n"
            "聊城经济技术开发区党工委委员、管委会副主任杨某某说。")
    facts = triples(analyse(text))
    assert ("张某某", "role_at", "山东甲乙铝业新材料有限公司") in facts
    assert ("山东丙丁汽车部件有限公司", "located_in", "博平汽车零部件产业园") in facts
    assert ("博平汽车零部件产业园", "located_in", "博平镇") in facts
    assert ("杨某某", "role_at", "聊城经济技术开发区管理委员会") in facts


def test_an_honour_named_with_and_without_its_level_is_one_list():
    analysis = analyse("在工业和信息化部公布的专精特新“小巨人”企业名单中，山东甲乙生物科技有限公司名列其中，成为该县第3家国家级专精特新“小巨人”企业。")
    honours = {canonical for _, canonical in mentions(analysis, "HONOR")}
    assert honours == {"国家级专精特新“小巨人”企业"}
