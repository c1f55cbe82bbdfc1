"""Round-4 rules, each on a short invented sentence (names differ from the
second blind evaluation set in tests/data/eval_gold2): failure classes that
set showed, fixed as general patterns."""

from __future__ import annotations

from sentence_helpers import analyse, mentions, triples


def test_a_quoted_name_after_an_award_verb_is_an_honour_and_quansheng_is_the_province():
    analysis = analyse("山东乙丁化工有限公司获评“全省安全生产先进单位”。")
    assert ("全省安全生产先进单位", "山东省安全生产先进单位") in mentions(analysis, "HONOR")
    assert ("山东乙丁化工有限公司", "awarded", "山东省安全生产先进单位") in triples(analysis)


def test_named_awards_end_in_jiang_but_a_cash_reward_is_not_one():
    analysis = analyse("今年，聊城丙戊机械有限公司获得聊城市科学技术进步奖三等奖，还获得资金奖励50万元。")
    honours = {surface for surface, _ in mentions(analysis, "HONOR")}
    assert honours == {"聊城市科学技术进步奖三等奖"}
    assert ("聊城丙戊机械有限公司", "awarded", "聊城市科学技术进步奖三等奖") in triples(analysis)


def test_every_name_listed_before_fenbie_huode_gets_the_award():
    analysis = analyse("山东甲丙电子有限公司、聊城乙戊新材料有限公司分别获得聊城市专利奖二等奖。")
    assert {("山东甲丙电子有限公司", "awarded", "聊城市专利奖二等奖"),
            ("聊城乙戊新材料有限公司", "awarded", "聊城市专利奖二等奖")} <= triples(analysis)


def test_x_zhang_zhi_systems_without_quotes_are_programmes():
    analysis = analyse("莘县全面推行林长制。")
    assert ("林长制", "林长制") in mentions(analysis, "PROGRAM")
    assert ("莘县", "participates_in", "林长制") in triples(analysis)


def test_star_grades_and_quoted_brand_lists_are_honours_not_bodies():
    analysis = analyse("全县评选出“四星级党支部”12个。今年新增“泉水人家”品牌5个。")
    honours = {surface for surface, _ in mentions(analysis, "HONOR")}
    assert {"四星级党支部", "“泉水人家”品牌"} <= honours
    assert not mentions(analysis, "ORG") and not mentions(analysis, "PROGRAM")


def test_county_party_departments_ecology_branches_and_government_offices_get_official_names():
    analysis = analyse("阳谷县委组织部召开会议。莘县生态环境分局开展执法检查。冠县政府办公室印发通知。")
    names = mentions(analysis, "ORG")
    assert ("阳谷县委组织部", "中共阳谷县委组织部") in names
    assert ("莘县生态环境分局", "聊城市生态环境局莘县分局") in names
    assert ("冠县政府办公室", "冠县人民政府办公室") in names


def test_lianhe_before_a_county_body_and_datelines_are_not_names():
    analysis = analyse("本报莘县讯（记者 孙红梅）市教育局联合县卫健局开展体检。")
    assert not any("联合" in surface or surface.endswith("讯") for surface, _ in mentions(analysis))
    assert ("县卫健局", "莘县卫生健康局") in mentions(analysis, "ORG")


def test_province_deixis():
    assert ("我省", "山东省") in mentions(analyse("我省出台政策。"), "PLACE")


def test_gaihang_is_the_bank_just_named():
    analysis = analyse("山东甲乙农村商业银行股份有限公司成立于2005年。该行开展“金融夜校”活动。")
    assert ("该行", "山东甲乙农村商业银行股份有限公司") in mentions(analysis, "ORG")
    assert ("山东甲乙农村商业银行股份有限公司", "participates_in", "“金融夜校”活动") in triples(analysis)


def test_village_party_branch_is_the_village_just_named():
    analysis = analyse("在冠县清泉街道李庄村，村党支部书记张明远带领群众致富。")
    assert ("张明远", "role_at", "李庄村党支部") in triples(analysis)


def test_a_short_firm_name_before_its_party_committee_in_a_title_chain_is_the_firm():
    analysis = analyse("山东丙丁纺织集团有限公司位于冠县。丙丁纺织党委书记、董事长李国强说，企业发展很快。")
    roles = {(r.subject, r.object, r.role) for r in analysis.relations if r.relation == "role_at"}
    assert ("李国强", "山东丙丁纺织集团有限公司", "党委书记、董事长") in roles


def test_a_county_head_is_at_the_government_when_it_is_named():
    analysis = analyse("冠县人民政府主办本次活动。县委副书记、县长周文涛致辞。")
    assert ("周文涛", "role_at", "冠县人民政府") in triples(analysis)
    without = analyse("县委副书记、县长周文涛致辞。")
    assert not any(r.object.endswith("人民政府") for r in without.relations)


def test_awards_joined_by_he_are_both_honours_and_a_bare_grade_or_scholarship_is_not():
    analysis = analyse("他荣获一等奖。学生获国家奖学金。山东甲庚公司荣获第三届聊城市市长质量奖和山东省专利奖。")
    assert {surface for surface, _ in mentions(analysis, "HONOR")} == {"聊城市市长质量奖", "山东省专利奖"}
    assert ("山东甲庚公司", "awarded", "山东省专利奖") in triples(analysis)
