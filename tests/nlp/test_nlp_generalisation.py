"""Round-2 rules, each on a short invented sentence: patterns of news writing
that the shared page does not exercise."""

from __future__ import annotations

from sentence_helpers import analyse, mentions, triples


def test_quoted_campaign_after_a_verb_keeps_its_plan_word():
    analysis = analyse("市工信局将会同市财政局开展“数字赋能提质”行动。")
    assert ("“数字赋能提质”行动", "“数字赋能提质”行动") in mentions(analysis, "PROGRAM")
    # a government body running a campaign issues it; the partner after 会同 does not
    assert ("“数字赋能提质”行动", "issued_by", "聊城市工业和信息化局") in triples(analysis)
    assert not any(r.object == "聊城市财政局" for r in analysis.relations)


def test_single_quotes_and_the_longest_plan_word():
    analysis = analyse("今年，高唐县实施“粮食增产”产能建设工程。我们将实施‘头雁’企业培育行动。")
    programs = {surface for surface, _ in mentions(analysis, "PROGRAM")}
    assert "“粮食增产”产能建设工程" in programs and "‘头雁’企业培育行动" in programs
    assert ("高唐县", "participates_in", "“粮食增产”产能建设工程") in triples(analysis)


def test_named_projects_and_who_builds_them():
    analysis = analyse("其中，莘县鲁西农产品物流园项目建成后投用；年产5GWh动力电池项目由山东甲乙储能科技有限公司投资建设。")
    programs = {surface for surface, _ in mentions(analysis, "PROGRAM")}
    assert {"鲁西农产品物流园项目", "年产5GWh动力电池项目"} <= programs
    facts = triples(analysis)
    assert ("莘县", "participates_in", "鲁西农产品物流园项目") in facts
    assert ("山东甲乙储能科技有限公司", "participates_in", "年产5GWh动力电池项目") in facts


def test_quoted_list_names_before_a_list_are_honours():
    analysis = analyse("在日前公布的2023年第二批“齐鲁精品”品牌名单中，位于阳谷经济开发区的山东甲乙线缆股份有限公司和阳谷县阿城镇的山东丙丁农业科技有限公司名列其中。")
    assert ("“齐鲁精品”品牌", "“齐鲁精品”品牌") in mentions(analysis, "HONOR")
    facts = triples(analysis)
    assert ("山东甲乙线缆股份有限公司", "awarded", "“齐鲁精品”品牌") in facts
    assert ("山东丙丁农业科技有限公司", "awarded", "“齐鲁精品”品牌") in facts
    assert ("山东丙丁农业科技有限公司", "located_in", "阿城镇") in facts


def test_a_list_named_in_an_earlier_sentence():
    analysis = analyse("省工业和信息化厅公布2023年度山东省技术创新示范企业名单。其中，山东甲乙装备有限公司分别凭借两项技术入选。")
    assert ("山东甲乙装备有限公司", "awarded", "山东省技术创新示范企业") in triples(analysis)


def test_district_and_county_committees_are_named_as_papers_name_them():
    # real papers write 中共〈district〉委 without the city (中共顺德区委), as for counties
    analysis = analyse("茌平区委常委、副区长李某某说。临清市委常委、副市长王某某说。")
    canonicals = {canonical for _, canonical in mentions(analysis, "ORG")}
    assert {"中共茌平区委", "中共临清市委"} <= canonicals
    assert ("李某某", "role_at", "中共茌平区委") in triples(analysis)


def test_a_body_is_not_located_in_its_own_jurisdiction():
    analysis = analyse("记者从阳谷县市场监管局获悉。临清市金郝庄镇政府组织人员。")
    facts = triples(analysis)
    assert not any(s == "阳谷县市场监督管理局" and r == "located_in" for s, r, _ in facts)
    assert ("临清市金郝庄镇人民政府", "located_in", "临清市") in facts


def test_bare_company_park_and_committee_refer_back():
    text = ("走进山东甲乙铝业新材料有限公司生产车间。“订单已经排满。”公司总经理助理张某某介绍。\n"
            "在茌平区博平镇，博平汽车零部件产业园已入驻企业23家。园区内的山东丙丁汽车部件有限公司去年投产。\n"
            "聊城经济技术开发区党工委委员、管委会副主任杨某某说。")
    facts = triples(analyse(text))
    assert ("张某某", "role_at", "山东甲乙铝业新材料有限公司") in facts
    assert ("山东丙丁汽车部件有限公司", "located_in", "博平汽车零部件产业园") in facts
    assert ("博平汽车零部件产业园", "located_in", "博平镇") in facts
    assert ("杨某某", "role_at", "聊城经济技术开发区管理委员会") in facts


def test_two_character_counties_are_found_by_the_gazetteer():
    analysis = analyse("莘县燕店镇和冠县店子镇的农户。")
    places = {surface for surface, _ in mentions(analysis, "PLACE")}
    assert {"莘县", "冠县", "燕店镇", "店子镇"} <= places


def test_an_honour_named_with_and_without_its_level_is_one_list():
    analysis = analyse("在工业和信息化部公布的专精特新“小巨人”企业名单中，山东甲乙生物科技有限公司名列其中，成为该县第3家国家级专精特新“小巨人”企业。")
    honours = {canonical for _, canonical in mentions(analysis, "HONOR")}
    assert honours == {"国家级专精特新“小巨人”企业"}


def test_names_do_not_start_with_a_line_break_or_a_verb_character():
    analysis = analyse("“品牌是无形资产。”\n阳谷县市场监管局局长孙某某表示。村党支部领办成立冠县丰收果蔬种植专业合作社，采取“党支部+合作社+农户”的模式。")
    surfaces = {surface for surface, _ in mentions(analysis)}
    assert "阳谷县市场监管局" in surfaces and "冠县丰收果蔬种植专业合作社" in surfaces
    assert not any(s.startswith(("\n", "立")) or "+" in s for s in surfaces)


def test_planned_circles_and_belts_are_programmes():
    analysis = analyse("近年来，冠县打造10公里红色教育圈，串联起多处革命旧址。")
    assert ("10公里红色教育圈", "10公里红色教育圈") in mentions(analysis, "PROGRAM")
    assert ("冠县", "participates_in", "10公里红色教育圈") in triples(analysis)


def test_counted_or_superlative_bodies_are_kinds_not_names():
    analysis = analyse("该县为全县46所乡村学校配齐教室，项目将成为全市规模最大的果蔬冷链集散中心。")
    assert not mentions(analysis, "ORG")


def test_piece_cache_and_batching_do_not_change_the_words():
    from explorer.nlp import segment

    texts = ["市工信局党组成员、副局长吴明启表示。", "位于冠县烟庄街道王村的旧址。", "市工信局党组成员、副局长吴明启表示。",
             "山东省文化和旅游厅发布通知。"]  # two pieces of equal length share an ONNX batch
    segment.clear_cache()
    batched = segment.lac_words_many(texts)
    segment.clear_cache()
    assert batched == [segment.lac_words(t) for t in texts]
    assert batched[0] == batched[2]


def test_listed_places_each_receive_the_honour():
    analysis = analyse("日前，国家林业和草原局公布第三批国家森林乡村名单，我市阳谷县寿张镇李台村、茌平区乐平铺镇等15个村入选。")
    facts = triples(analysis)
    assert ("李台村", "awarded", "国家森林乡村") in facts and ("乐平铺镇", "awarded", "国家森林乡村") in facts
    assert not any(s == "聊城市" and r == "awarded" for s, r, _ in facts)


def test_a_bare_zone_word_is_the_zone_just_named():
    analysis = analyse("江北水城旅游度假区管委会主任陈某某说，度假区将启动生态修复工程。")
    assert ("度假区", "江北水城旅游度假区") in mentions(analysis, "PLACE")
    assert ("陈某某", "role_at", "江北水城旅游度假区管理委员会") in triples(analysis)


def test_verbs_ending_in_a_type_character_and_speakers():
    analysis = analyse("山东甲乙化工集团股份有限公司与聊城大学签署合作协议。琉璃寺镇党委书记刘某某介绍，该镇已建成现代农业产业园3处。")
    assert {s for s, _ in mentions(analysis, "ORG")} >= {"聊城大学"}
    assert "聊城大学签署" not in {s for s, _ in mentions(analysis, "ORG")}
    assert not any(r.relation == "awarded" for r in analysis.relations)


def test_corner_quotes_of_traditional_papers_read_like_double_quotes():
    text = "山東甲乙生物科技有限公司名列其中，成爲該縣第3家國家級專精特新「小巨人」企業。東阿縣實施「科技型企業培育工程」。"
    analysis = analyse(text)
    assert ("國家級專精特新「小巨人」企業", "国家级专精特新“小巨人”企业") in mentions(analysis, "HONOR")
    assert ("东阿县", "participates_in", "科技型企业培育工程") in triples(analysis)
    assert all(text[m.start : m.end] == m.surface for m in analysis.mentions)


def test_an_honour_without_a_name_in_its_clause_goes_to_the_sentence_subject():
    analysis = analyse("王庄村位于张寨镇东部，是省级乡村振兴示范村。近年来，临清市依托“中国轴承之乡”金字招牌，先后获评国家中小企业特色产业集群。")
    facts = triples(analysis)
    assert ("王庄村", "awarded", "省级乡村振兴示范村") in facts
    assert ("临清市", "awarded", "国家中小企业特色产业集群") in facts
    assert ("中国轴承之乡", "中国轴承之乡") in mentions(analysis, "HONOR")


def test_official_name_of_the_development_and_reform_commission():
    analysis = analyse("市发展改革委副主任刘某某介绍。")
    assert ("刘某某", "role_at", "聊城市发展和改革委员会") in triples(analysis)


def test_trigger_before_the_list_and_a_zone_that_opens_the_sentence():
    analysis = analyse("据了解，阳谷县石佛镇入选第二批全国乡村治理示范镇名单，该镇也是我市唯一入选的乡镇。\n"
                       "冠县经济开发区内，山东甲乙股份有限公司建设的年产30万吨彩涂板项目正式投产。")
    facts = triples(analysis)
    assert ("石佛镇", "awarded", "全国乡村治理示范镇") in facts
    assert ("山东甲乙股份有限公司", "located_in", "冠县经济开发区") in facts
    assert ("山东甲乙股份有限公司", "participates_in", "年产30万吨彩涂板项目") in facts


def test_titles_are_cut_from_names_and_a_committee_gives_way_to_its_body():
    analysis = analyse("聊城市委书记李长青出席。市公安局党委书记、局长吴某某介绍。")
    assert [m.surface for m in analysis.mentions if m.type == "ORG"].count("聊城市委") == 1
    roles = {(r.subject, r.object, r.role) for r in analysis.relations if r.relation == "role_at"}
    assert ("李长青", "中共聊城市委", "书记") in roles
    assert ("吴某某", "聊城市公安局", "党委书记、局长") in roles
