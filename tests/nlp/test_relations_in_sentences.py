"""Roles and relations read from short invented sentences, through the whole pipeline
(folded from the evaluation-round rule tests; relations.py and roles.py own the rules)."""

from __future__ import annotations

from explorer.nlp import spans
from explorer.nlp.roles import role_titles
from tests.nlp.sentence_helpers import analyse, mentions, triples


def test_appointment_names_the_body_after_the_person():
    analysis = analyse("会议宣布：韩志远同志任聊城经济技术开发区党工委副书记。")
    assert any(r.subject == "韩志远" and r.relation == "role_at" and r.role == "副书记" for r in analysis.relations)


def test_school_named_with_its_county_gets_the_award_not_the_county():
    facts = triples(analyse("今年，冠县实验中学被评为山东省文明校园。"))
    assert ("冠县实验中学", "awarded", "山东省文明校园") in facts
    assert ("冠县", "awarded", "山东省文明校园") not in facts


def test_numbered_list_of_a_notice():
    text = ("市工业和信息化局确定了2024年度聊城市绿色工厂拟认定名单，现予以公示。\n"
            "1.山东甲乙化工有限公司（阳谷县）2.聊城丙丁机械有限公司（茌平区）")
    facts = triples(analyse(text))
    assert ("山东甲乙化工有限公司", "awarded", "聊城市绿色工厂") in facts
    assert ("聊城丙丁机械有限公司", "located_in", "茌平区") in facts


def test_two_bodies_issuing_together():
    facts = triples(analyse("县委、县政府联合印发《冠县乡村振兴三年行动计划》。"))
    assert ("《冠县乡村振兴三年行动计划》", "issued_by", "中共冠县委") in facts or \
        any(s == "《冠县乡村振兴三年行动计划》" and r == "issued_by" and o.startswith("中共") for s, r, o in facts)
    assert any(s == "《冠县乡村振兴三年行动计划》" and r == "issued_by" and o.endswith("人民政府") for s, r, o in facts)


def test_a_deputy_after_the_head_is_at_the_same_body():
    facts = triples(analyse("市商务局局长韩立国出席并讲话，副局长邓红通报情况。"))
    assert ("邓红", "role_at", "聊城市商务局") in facts
    # a deputy county head is at the county government, which the text does not name
    facts = triples(analyse("县委副书记、县长宋立新出席会议，副县长王红通报情况。"))
    assert not any(s == "王红" for s, _, _ in facts)


def test_sites_listed_inside_a_scenic_spot_just_named():
    analysis = analyse("青龙湖景区位于阳谷县，景区内有张秋镇文化馆、望湖亭等景点。")
    facts = triples(analysis)
    assert any(s.endswith("文化馆") and r == "located_in" and o == "青龙湖景区" for s, r, o in facts)


def test_every_name_listed_before_fenbie_huode_gets_the_award():
    analysis = analyse("山东甲丙电子有限公司、聊城乙戊新材料有限公司分别获得聊城市专利奖二等奖。")
    assert {("山东甲丙电子有限公司", "awarded", "聊城市专利奖二等奖"),
            ("聊城乙戊新材料有限公司", "awarded", "聊城市专利奖二等奖")} <= triples(analysis)


def test_a_short_firm_name_before_its_party_committee_in_a_title_chain_is_the_firm():
    analysis = analyse("山东丙丁纺织集团有限公司位于冠县。丙丁纺织党委书记、董事长李国强说，企业发展很快。")
    roles = {(r.subject, r.object, r.role) for r in analysis.relations if r.relation == "role_at"}
    assert ("李国强", "山东丙丁纺织集团有限公司", "党委书记、董事长") in roles


def test_a_county_head_is_at_the_government_when_it_is_named():
    analysis = analyse("冠县人民政府主办本次活动。县委副书记、县长周文涛致辞。")
    assert ("周文涛", "role_at", "冠县人民政府") in triples(analysis)
    without = analyse("县委副书记、县长周文涛致辞。")
    assert not any(r.object.endswith("人民政府") for r in without.relations)


def test_an_unnamed_committee_in_a_title_chain_does_not_break_the_chain():
    analysis = analyse("北关村党支部书记、村委会主任李长河介绍，村里建起了冷库。")
    assert ("李长河", "role_at", "北关村党支部") in triples(analysis)


def test_a_committee_giving_way_to_its_body_is_not_a_second_body():
    analysis = analyse("市审计局党组书记、局长丁文涛出席会议。")
    assert ("丁文涛", "role_at", "聊城市审计局") in triples(analysis)
    assert {surface for surface, _ in mentions(analysis, "ORG")} == {"市审计局"}


def test_a_project_that_lands_somewhere_does_not_move_its_investor():
    analysis = analyse("天津戊己科技有限公司投资的年产5万吨环保涂料项目落户莘县。")
    assert not any(r == "located_in" and s == "天津戊己科技有限公司" for s, r, _ in triples(analysis))


def test_a_list_named_in_an_earlier_sentence():
    analysis = analyse("省工业和信息化厅公布2023年度山东省技术创新示范企业名单。其中，山东甲乙装备有限公司分别凭借两项技术入选。")
    assert ("山东甲乙装备有限公司", "awarded", "山东省技术创新示范企业") in triples(analysis)


def test_a_body_is_not_located_in_its_own_jurisdiction():
    analysis = analyse("记者从阳谷县市场监管局获悉。临清市金郝庄镇政府组织人员。")
    facts = triples(analysis)
    assert not any(s == "阳谷县市场监督管理局" and r == "located_in" for s, r, _ in facts)
    assert ("临清市金郝庄镇人民政府", "located_in", "临清市") in facts


def test_listed_places_each_receive_the_honour():
    analysis = analyse("日前，国家林业和草原局公布第三批国家森林乡村名单，我市阳谷县寿张镇李台村、茌平区乐平铺镇等15个村入选。")
    facts = triples(analysis)
    assert ("李台村", "awarded", "国家森林乡村") in facts and ("乐平铺镇", "awarded", "国家森林乡村") in facts
    assert not any(s == "聊城市" and r == "awarded" for s, r, _ in facts)


def test_an_honour_without_a_name_in_its_clause_goes_to_the_sentence_subject():
    analysis = analyse("王庄村位于张寨镇东部，是省级乡村振兴示范村。近年来，临清市依托“中国轴承之乡”金字招牌，先后获评国家中小企业特色产业集群。")
    facts = triples(analysis)
    assert ("王庄村", "awarded", "省级乡村振兴示范村") in facts
    assert ("临清市", "awarded", "国家中小企业特色产业集群") in facts
    assert ("中国轴承之乡", "中国轴承之乡") in mentions(analysis, "HONOR")


def test_trigger_before_the_list_and_a_zone_that_opens_the_sentence():
    analysis = analyse("据了解，阳谷县石佛镇入选第二批全国乡村治理示范镇名单，该镇也是我市唯一入选的乡镇。\n"
                       "冠县经济开发区内，山东甲乙股份有限公司建设的年产30万吨彩涂板项目正式投产。")
    facts = triples(analysis)
    assert ("石佛镇", "awarded", "全国乡村治理示范镇") in facts
    assert ("山东甲乙股份有限公司", "located_in", "冠县经济开发区") in facts
    assert ("山东甲乙股份有限公司", "participates_in", "年产30万吨彩涂板项目") in facts


def test_roles_walk_back_over_titles_to_each_organisation(make_doc):
    text = "张庄联合村党委书记、农业社会化服务中心负责人王玉宝说"
    doc = make_doc([(c, "n") for c in text])
    spans.add(doc, 0, 7, "ORG", "org_extender")
    spans.add(doc, 10, 19, "ORG", "org_extender")
    spans.add(doc, 22, 25, "PERSON", "lac")
    role_titles(doc)
    roles = {(text[r.org_start:r.org_end], r.role) for r in doc._.roles}
    assert roles == {("张庄联合村党委", "书记"), ("农业社会化服务中心", "负责人")}


def test_carrying_out_another_bodys_deployment_is_not_taking_part():
    from tests.nlp.sentence_helpers import analyse, triples

    found = triples(analyse("东昌府区严格落实“制造业强市”战略部署。"))
    assert not {t for t in found if t[1] == "participates_in"}


def test_a_place_that_puts_a_strategy_into_practice_takes_part_in_it():
    from tests.nlp.sentence_helpers import analyse, triples

    assert ("阳谷县", "participates_in", "“双碳”战略") in triples(analyse("阳谷县为践行“双碳”战略，出台多项政策。"))


def test_a_clause_goes_on_with_the_subject_that_won_and_a_dateline_paper_wins_nothing():
    from tests.nlp.sentence_helpers import analyse, triples

    found = triples(analyse("聊城日报讯 近日，工信部公示名单发布，山东甲乙新材料有限公司成功入选，由省级专精特新企业升级为国家级专精特新“小巨人”企业。"))
    assert ("山东甲乙新材料有限公司", "awarded", "国家级专精特新“小巨人”企业") in found
    assert not any(s == "聊城日报" and r == "awarded" for s, r, o in found)


def test_a_district_ranked_within_the_whole_city_lies_in_it_but_not_a_city_ranked_in_the_province():
    from tests.nlp.sentence_helpers import analyse, triples

    assert ("东昌府区", "located_in", "聊城市") in triples(analyse("东昌府区41家企业入选，数量位居全市第一。"))
    assert not {t for t in triples(analyse("我市入选企业数量位居全省第一。")) if t[1] == "located_in"}


def test_firms_listed_after_the_place_that_counts_them_lie_in_it():
    facts = triples(analyse("盐都区5家企业成功入选。入选企业分别是恒瑞达纺织有限公司、凌鑫新能源科技有限公司。"))
    assert ("恒瑞达纺织有限公司", "located_in", "盐都区") in facts
    assert ("凌鑫新能源科技有限公司", "located_in", "盐都区") in facts


def test_firms_within_a_zones_jurisdiction_lie_in_it():
    facts = triples(analyse("泰山经济开发区辖区内的山东华瑞环保科技有限公司、山东鑫海电工有限公司开足马力。"))
    assert ("山东鑫海电工有限公司", "located_in", "泰山经济开发区") in facts


def test_a_firms_short_name_written_after_its_county_lies_in_it():
    facts = triples(analyse("县里组织企业家到莒南县鑫泰海达参观学习。"))
    assert ("鑫泰海达", "located_in", "莒南县") in facts


def test_a_list_takes_the_honour_its_count_names_not_the_one_a_definition_mentions():
    facts = triples(analyse("近日，甲市经济和信息化局确定73家企业为第四批专精特新“小巨人”企业，我县5家企业上榜。"
                            "专精特新“小巨人”企业是专精特新中小企业中的佼佼者。"
                            "此次上榜的企业分别是浙江华瑞生物药业股份有限公司、浙江明达实业股份有限公司。"))
    awarded = {o for s, r, o in facts if r == "awarded" and s == "浙江明达实业股份有限公司"}
    assert awarded and "专精特新中小企业" not in awarded


def test_names_listed_before_a_counted_honour_hold_it():
    facts = triples(analyse("近年来，绵竹高新技术产业园区、旌阳经济开发区两个省级绿色工业园区快速发展。"))
    assert ("绵竹高新技术产业园区", "awarded", "省级绿色工业园区") in facts
    assert ("旌阳经济开发区", "awarded", "省级绿色工业园区") in facts


def test_a_sentence_that_opens_on_shi_gives_its_honours_to_the_paragraph_s_topic():
    from tests.nlp.sentence_helpers import analyse, triples

    facts = triples(analyse("甲镇地处乙市东南部，历史悠久。是全国“千强镇”、“丙省省级农产品加工集中区”、“丙省特色文化镇”。"))
    assert {o for s, r, o in facts if s == "甲镇" and r == "awarded"} == {"全国“千强镇”", "丙省省级农产品加工集中区", "丙省特色文化镇"}


def test_a_project_of_a_zone_or_county_written_with_de_is_one_it_takes_part_in():
    facts = triples(analyse("聊城经开区的年产150万台变速箱壳体项目进展顺利，阳谷县跟踪在谈的年产20亿只医用手套项目即将签约。"))
    assert ("聊城经济技术开发区", "participates_in", "年产150万台变速箱壳体项目") in facts
    assert ("阳谷县", "participates_in", "年产20亿只医用手套项目") in facts


def test_a_visits_scene_opener_places_the_companies_it_names():
    facts = triples(analyse("在阳谷县，董晓航先后到前进灯具公司、柯朗服饰公司调研。"))
    assert {("前进灯具公司", "located_in", "阳谷县"), ("柯朗服饰公司", "located_in", "阳谷县")} <= facts


def test_a_reporters_credit_is_no_role_at_the_news_site():
    found = triples(analyse("甲江在线记者 王培哲 报道：阳谷县召开会议。（甲报融媒记者 王正喜 通讯员 李明）"))
    assert not any(r == "role_at" for _, r, _ in found)


def test_who_invests_in_a_project_after_shi_or_in_the_next_sentence_takes_part_in_it():
    facts = triples(analyse("康信高端肉制品精加工项目是山东康信肉食品有限公司投资建设的重点项目。"
                            "智尚众创城建设项目开工。该项目由万洋集团投资，总投资10亿元。"))
    assert ("山东康信肉食品有限公司", "participates_in", "康信高端肉制品精加工项目") in facts
    assert ("万洋集团", "participates_in", "智尚众创城建设项目") in facts
