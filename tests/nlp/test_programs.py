"""PROGRAM and HONOR patterns of programs.py: titles, quoted plans, projects, awards."""

from __future__ import annotations

from explorer.nlp import spans
from explorer.nlp.programs import program_honor
from tests.nlp.conftest import found
from tests.nlp.sentence_helpers import analyse, mentions, triples


def test_a_grade_scenic_spot_and_heritage_bearer_are_honours():
    analysis = analyse("阳谷县青龙湖景区被评定为国家3A级旅游景区。蒋春梅被认定为省级非物质文化遗产代表性传承人。")
    honours = {surface for surface, _ in mentions(analysis, "HONOR")}
    assert "国家3A级旅游景区" in honours
    assert any(h.endswith("非物质文化遗产代表性传承人") for h in honours)


def test_route_project_keeps_both_ends_and_its_builder():
    analysis = analyse("莘县至阳谷快速路工程开工，由山东恒信路桥集团有限公司承建。")
    assert ("莘县至阳谷快速路工程", "莘县至阳谷快速路工程") in mentions(analysis, "PROGRAM")
    assert ("山东恒信路桥集团有限公司", "participates_in", "莘县至阳谷快速路工程") in triples(analysis)


def test_a_quoted_name_after_an_award_verb_is_an_honour_and_quansheng_is_the_province():
    analysis = analyse("山东乙丁化工有限公司获评“全省安全生产先进单位”。")
    assert ("全省安全生产先进单位", "山东省安全生产先进单位") in mentions(analysis, "HONOR")
    assert ("山东乙丁化工有限公司", "awarded", "山东省安全生产先进单位") in triples(analysis)


def test_named_awards_end_in_jiang_but_a_cash_reward_is_not_one():
    analysis = analyse("今年，聊城丙戊机械有限公司获得聊城市科学技术进步奖三等奖，还获得资金奖励50万元。")
    honours = {surface for surface, _ in mentions(analysis, "HONOR")}
    assert honours == {"聊城市科学技术进步奖三等奖"}
    assert ("聊城丙戊机械有限公司", "awarded", "聊城市科学技术进步奖三等奖") in triples(analysis)


def test_x_zhang_zhi_systems_without_quotes_are_programmes():
    analysis = analyse("莘县全面推行林长制。")
    assert ("林长制", "林长制") in mentions(analysis, "PROGRAM")
    assert ("莘县", "participates_in", "林长制") in triples(analysis)


def test_star_grades_and_quoted_brand_lists_are_honours_not_bodies():
    analysis = analyse("全县评选出“四星级党支部”12个。今年新增“泉水人家”品牌5个。")
    honours = {surface for surface, _ in mentions(analysis, "HONOR")}
    assert {"四星级党支部", "“泉水人家”品牌"} <= honours
    assert not mentions(analysis, "ORG") and not mentions(analysis, "PROGRAM")


def test_awards_joined_by_he_are_both_honours_and_a_bare_grade_or_scholarship_is_not():
    analysis = analyse("他荣获一等奖。学生获国家奖学金。山东甲庚公司荣获第三届聊城市市长质量奖和山东省专利奖。")
    assert {surface for surface, _ in mentions(analysis, "HONOR")} == {"聊城市市长质量奖", "山东省专利奖"}
    assert ("山东甲庚公司", "awarded", "山东省专利奖") in triples(analysis)


def test_shiji_honours_keep_their_level_as_the_annotators_write_them():
    analysis = analyse("山东丙辛食品有限公司是市级农业产业化重点龙头企业。")
    assert ("市级农业产业化重点龙头企业", "市级农业产业化重点龙头企业") in mentions(analysis, "HONOR")


def test_a_province_inside_a_quoted_title_is_not_a_place_of_its_own():
    analysis = analyse("南苑社区获得“山东省绿色社区”称号。")
    assert ("山东省绿色社区", "山东省绿色社区") in mentions(analysis, "HONOR")
    assert not any(surface == "山东省" for surface, _ in mentions(analysis, "PLACE"))


def test_an_investment_verb_and_a_product_word_are_not_part_of_a_project_name():
    analysis = analyse("河北丁庚机械有限公司在临清市投资建设智能农机装备产业园项目。")
    assert ("智能农机装备产业园项目", "智能农机装备产业园项目") in mentions(analysis, "PROGRAM")
    assert ("河北丁庚机械有限公司", "participates_in", "智能农机装备产业园项目") in triples(analysis)


def test_tuixing_ends_the_name_of_a_quoted_working_model():
    analysis = analyse("该街道推行“红色物业”服务模式。")
    assert ("“红色物业”服务模式", "“红色物业”服务模式") in mentions(analysis, "PROGRAM")


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


def test_planned_circles_and_belts_are_programmes():
    analysis = analyse("近年来，冠县打造10公里红色教育圈，串联起多处革命旧址。")
    assert ("10公里红色教育圈", "10公里红色教育圈") in mentions(analysis, "PROGRAM")
    assert ("冠县", "participates_in", "10公里红色教育圈") in triples(analysis)


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


def test_quoted_titles_awarded_are_honours(make_doc):
    text = "博平镇被授予“全国文明村镇”称号。"
    doc = make_doc([(c, "n") for c in text])
    program_honor(doc)
    assert ("全国文明村镇", "HONOR") in found(doc)


def test_a_numbered_slogan_in_quotes_is_a_programme(make_doc):
    from explorer.nlp import spans
    from explorer.nlp.programs import find_quoted

    text = "推进“三个一批”，实现“十大突破”，入选“百强”名单。"
    doc = make_doc([(c, "n") for c in text])
    find_quoted(doc)
    assert {(m.text, m.label) for m in spans.mentions(doc)} == {("三个一批", "PROGRAM"), ("十大突破", "PROGRAM")}


def test_each_quoted_title_of_a_run_after_an_award_verb_is_an_honour(make_doc):
    from explorer.nlp import spans
    from explorer.nlp.programs import find_award_names

    text = "近百名企业家被授予“杰出企业家”“优秀企业家”、“明星企业家”称号。他说“好好干”“加油”。"
    doc = make_doc([(c, "n") for c in text])
    find_award_names(doc)
    assert {(m.text, m.label) for m in spans.mentions(doc)} == {
        ("杰出企业家", "HONOR"), ("优秀企业家", "HONOR"), ("明星企业家", "HONOR")}


def test_a_nationwide_programme_named_without_a_plan_word():
    analysis = analyse("甲县推进大众创业、万众创新，积极融入长三角一体化，服务“一带一路”。")
    programmes = {surface for surface, _ in mentions(analysis, "PROGRAM")}
    assert {"大众创业、万众创新", "长三角一体化"} <= programmes
    assert any("一带一路" in p for p in programmes)
    assert not any("一带一路" in surface for surface, _ in mentions(analysis, "PLACE"))


def test_a_nationwide_programme_inside_a_longer_name_is_not_one():
    analysis = analyse("市乡村振兴局公布乡村振兴示范村名单。")
    assert "乡村振兴" not in {surface for surface, _ in mentions(analysis, "PROGRAM")}


def test_an_honour_never_runs_across_a_verb_before_it():
    analysis = analyse("省农业农村厅公布了乡村振兴示范村名单。")
    honours = {surface for surface, _ in mentions(analysis, "HONOR")}
    assert honours and not any("公布" in h for h in honours)


def test_a_level_opens_an_honours_name_and_a_have_verb_ends_what_came_before():
    analysis = analyse("甲乙科技有限公司拟认定为省级绿色工厂。目前全市已有省级服务业集聚示范区5家。")
    honours = {surface for surface, _ in mentions(analysis, "HONOR")}
    assert "省级绿色工厂" in honours
    assert not any("有限公司" in h or "已有" in h for h in honours)
    assert ("甲乙科技有限公司", "甲乙科技有限公司") in mentions(analysis, "ORG")


def test_a_campaign_year_is_a_programme_but_a_plain_year_is_not():
    analysis = analyse("今年是开发区确定的招商引资突破年、项目建设攻坚年。去年是丰收年。")
    programmes = {surface for surface, _ in mentions(analysis, "PROGRAM")}
    assert {"招商引资突破年", "项目建设攻坚年"} <= programmes
    assert not any("丰收" in p for p in programmes)


def test_a_verb_of_carrying_out_is_not_part_of_the_plan():
    analysis = analyse("甲县践行“双碳”战略，坚持可持续发展战略。")
    programmes = {surface for surface, _ in mentions(analysis, "PROGRAM")}
    assert {"“双碳”战略", "可持续发展战略"} <= programmes
    assert not any(p.startswith(("践行", "坚持")) for p in programmes)


def test_a_bracketed_kind_belongs_to_the_honour_and_a_verb_ends_one():
    analysis = analyse("甲乙公司入选江苏省专精特新小巨人企业（制造类）。市推动县域特色产业集群发展。")
    honours = {surface for surface, _ in mentions(analysis, "HONOR")}
    assert "江苏省专精特新小巨人企业（制造类）" in honours
    assert not any(h.startswith("市推动") for h in honours)


def test_a_project_named_after_the_firm_that_builds_it():
    from tests.nlp.sentence_helpers import analyse, mentions, triples

    analysis = analyse("甲乙丙化工股份有限公司20万吨/年异壬醇项目投产。")
    assert "甲乙丙化工股份有限公司20万吨/年异壬醇项目" in {surface for surface, _ in mentions(analysis, "PROGRAM")}
    assert "甲乙丙化工股份有限公司" in {surface for surface, _ in mentions(analysis, "ORG")}
    assert ("甲乙丙化工股份有限公司", "participates_in", "甲乙丙化工股份有限公司20万吨/年异壬醇项目") in triples(analysis)


def test_a_firm_followed_by_a_list_word_names_no_project():
    from tests.nlp.sentence_helpers import analyse, mentions

    analysis = analyse("甲乙丙电气有限公司等企业参加了重点项目观摩。")
    assert not {surface for surface, _ in mentions(analysis, "PROGRAM") if surface.startswith("甲乙丙")}


def test_a_districts_short_name_starting_a_project_is_part_of_its_name():
    from explorer.core.models import Article
    from explorer.nlp import analyse_articles

    analysis = analyse_articles([Article(text="梁溪科技城机器人产业园项目加快建设。")], "无锡市")[0]
    assert "梁溪科技城机器人产业园项目" in {m.surface for m in analysis.mentions if m.type == "PROGRAM"}


def test_a_quoted_name_and_the_kind_it_lists_after_an_award_verb_is_an_honour(make_doc):
    from explorer.nlp.programs import find_award_names

    text = "甲公司入选“头雁”企业，乙村获评“五好”村。"
    doc = make_doc([(c, "n") for c in text])
    find_award_names(doc)
    assert {m.text for m in spans.mentions(doc) if m.label == "HONOR"} == {"“头雁”企业", "“五好”村"}


def test_a_run_of_quoted_titles_after_shi_with_a_level_is_a_run_of_honours():
    from tests.nlp.sentence_helpers import analyse, triples

    facts = triples(analyse("甲镇历史悠久，是全国“千强镇”、“乙省文明镇”、“乙省重点中心镇”。"))
    assert {o for s, r, o in facts if s == "甲镇" and r == "awarded"} == {"全国“千强镇”", "乙省文明镇", "乙省重点中心镇"}


def test_a_listed_honour_written_with_straight_quotes_is_the_same_honour(make_doc):
    from explorer.nlp.programs import find_honors

    text = '该公司跻身国家级专精特新"小巨人"企业行列。'
    doc = make_doc([(c, "n") for c in text])
    find_honors(doc)
    assert '国家级专精特新"小巨人"企业' in {m.text for m in spans.mentions(doc) if m.label == "HONOR"}


def test_a_numbered_heading_that_names_an_award_gives_it_to_the_places_below():
    analysis = analyse("现将先进单位通报如下：\n一、工业经济发展规模奖\n阳谷县、莘县\n二、招商引资奖\n冠县\n")
    facts = triples(analysis)
    assert {("阳谷县", "awarded", "工业经济发展规模奖"), ("莘县", "awarded", "工业经济发展规模奖"),
            ("冠县", "awarded", "招商引资奖")} <= facts
    assert ("冠县", "awarded", "工业经济发展规模奖") not in facts


def test_a_notice_title_line_without_book_marks_is_a_document_its_body_issues():
    analysis = analyse("聊城市人民政府办公室关于印发聊城市扩大有效投资重大项目年度计划的通知\n各县（市、区）人民政府：现将计划印发给你们。")
    title = "关于印发聊城市扩大有效投资重大项目年度计划的通知"
    assert title in {surface for surface, _ in mentions(analysis, "PROGRAM")}
    assert (title, "issued_by", "聊城市人民政府办公室") in triples(analysis)


def test_an_output_by_yearly_volume_opens_a_project_name():
    analysis = analyse("天易经开区管委会与广霖生物科技有限公司签约年产量5000吨天然植物胶提取项目。")
    assert "年产量5000吨天然植物胶提取项目" in {surface for surface, _ in mentions(analysis, "PROGRAM")}
