"""The compound-name grammar (compounds.py) and the organisation names of orgs.py."""

from __future__ import annotations

from explorer.core.models import Article
from explorer.nlp import analyse_articles, spans
from explorer.nlp.compounds import compound_names
from explorer.nlp.orgs import dateline_papers
from explorer.nlp.orgs import find_compounds as org_extender
from tests.nlp.conftest import found
from tests.nlp.sentence_helpers import analyse, mentions, triples


def test_party_department_in_a_title_chain():
    facts = triples(analyse("市委常委、宣传部部长冯晓东出席活动。"))
    assert ("冯晓东", "role_at", "中共聊城市委") in facts
    assert ("冯晓东", "role_at", "中共聊城市委宣传部") in facts


def test_counted_or_superlative_bodies_are_kinds_not_names():
    analysis = analyse("该县为全县46所乡村学校配齐教室，项目将成为全市规模最大的果蔬冷链集散中心。")
    assert not mentions(analysis, "ORG")


def test_verbs_ending_in_a_type_character_and_speakers():
    analysis = analyse("山东甲乙化工集团股份有限公司与聊城大学签署合作协议。琉璃寺镇党委书记刘某某介绍，该镇已建成现代农业产业园3处。")
    assert {s for s, _ in mentions(analysis, "ORG")} >= {"聊城大学"}
    assert "聊城大学签署" not in {s for s, _ in mentions(analysis, "ORG")}
    assert not any(r.relation == "awarded" for r in analysis.relations)


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


def _typed(doc):
    return {(m.text, m.label, m.canonical) for m in spans.mentions(doc)}


def _with_places(make_doc, pairs, places, home_city="无锡市"):
    """A hand-built doc with divisions placed as the gazetteer would place them."""
    doc = make_doc(pairs, home_city=home_city)
    text = "".join(w for w, _ in pairs)
    for name, level in places:
        start = text.index(name)
        spans.add(doc, start, start + len(name), "PLACE", "gazetteer", level=level, code="32")
    return doc


def test_a_cluster_is_a_place_grown_from_its_head_over_descriptors_and_verbs(make_doc):
    doc = _with_places(make_doc, [("甲县", "LOC"), ("智能", "n"), ("输", "v"), ("配电", "vn"), ("设备", "n"),
                                  ("产业", "n"), ("集群", "n"), ("获", "v"), ("评", "v")], [("甲县", "county")])
    compound_names(doc)
    assert ("甲县智能输配电设备产业集群", "PLACE", "甲县智能输配电设备产业集群") in _typed(doc)


def test_a_province_or_a_level_before_a_cluster_makes_it_an_honour(make_doc):
    doc = _with_places(make_doc, [("获", "v"), ("评", "v"), ("乙省", "LOC"), ("中小企业", "n"), ("特色", "n"),
                                  ("产业", "n"), ("集群", "n")], [("乙省", "province")])
    compound_names(doc)
    assert ("乙省中小企业特色产业集群", "HONOR", "乙省中小企业特色产业集群") in _typed(doc)


def test_years_and_batches_date_an_honour_but_do_not_name_it(make_doc):
    doc = _with_places(make_doc, [("入选", "v"), ("2023年度", "TIME"), ("乙省", "LOC"), ("十佳", "m"), ("智慧", "n"),
                                  ("园区", "n")], [("乙省", "province")])
    compound_names(doc)
    assert ("2023年度乙省十佳智慧园区", "HONOR", "乙省十佳智慧园区") in _typed(doc)
    doc = make_doc([("入选", "v"), ("第三批", "m"), ("国家级", "a"), ("绿色", "n"), ("示范区", "n")])
    compound_names(doc)
    assert ("第三批国家级绿色示范区", "HONOR", "国家级绿色示范区") in _typed(doc)


def test_a_hometown_title_takes_any_province_before_it(make_doc):
    doc = _with_places(make_doc, [("被", "p"), ("命名", "v"), ("为", "v"), ("江苏省", "LOC"), ("紫砂之乡", "n")],
                       [("江苏省", "province")])
    compound_names(doc)
    assert ("江苏省紫砂之乡", "HONOR", "江苏省紫砂之乡") in _typed(doc)


def test_the_whole_pipeline_types_a_hometown_title_of_another_province():
    analysis = analyse_articles([Article(text="宜兴市被命名为江苏省紫砂之乡。")], "无锡市")[0]
    assert {(m.surface, m.type) for m in analysis.mentions} >= {("江苏省紫砂之乡", "HONOR"), ("宜兴市", "PLACE")}
    assert not any(m.type == "PLACE" and "紫砂" in m.surface for m in analysis.mentions)


def test_a_shared_head_names_each_item_of_a_list(make_doc):
    doc = make_doc([("培育", "v"), ("了", "u"), ("甲县", "LOC"), ("板材", "n"), ("、", "w"), ("乙县", "LOC"),
                    ("果蔬", "n"), ("、", "w"), ("丙县", "LOC"), ("纺机", "n"), ("三个", "m"), ("省级", "a"), ("集群", "n")])
    compound_names(doc)
    clusters = {(m.text, m.canonical) for m in spans.mentions(doc) if m.label == "PLACE"}
    assert clusters == {("甲县板材", "甲县板材集群"), ("乙县果蔬", "乙县果蔬集群"), ("丙县纺机", "丙县纺机集群")}


def test_plans_keep_quotes_and_verbs_inside_and_stop_at_their_verb(make_doc):
    doc = make_doc([("推进", "v"), ("“", "w"), ("十四五", "nz"), ("”", "w"), ("规划", "n"), ("和", "c"), ("城市", "n"),
                    ("更新", "v"), ("三年", "TIME"), ("行动", "n")])
    compound_names(doc)
    assert {(m.text, m.label) for m in spans.mentions(doc)} == {("“十四五”规划", "PROGRAM"), ("城市更新三年行动", "PROGRAM")}


def test_a_plan_word_before_a_noun_is_not_the_end_of_a_name(make_doc):
    doc = make_doc([("一手抓", "v"), ("新兴", "a"), ("战略", "n"), ("产业", "n"), ("培育", "vn")])
    compound_names(doc)
    assert not spans.mentions(doc)


def test_kinds_are_honours_only_with_a_level_or_after_an_award_verb(make_doc):
    doc = make_doc([("建有", "v"), ("院士", "n"), ("工作站", "n"), ("和", "c"), ("国家级", "a"), ("企业", "n"),
                    ("技术中心", "n"), ("，", "w"), ("被", "p"), ("认定为", "v"), ("高新技术企业", "n")])
    compound_names(doc)
    assert {(m.text, m.label) for m in spans.mentions(doc)} == {("国家级企业技术中心", "HONOR"), ("高新技术企业", "HONOR")}


def test_a_name_inside_a_segmenter_verb_starts_after_its_stop_word(make_doc):
    doc = make_doc([("市工信局", "ORG"), ("将会同市财政局", "v"), ("开展", "v")])
    compound_names(doc)
    assert ("市财政局", "ORG") in {(m.text, m.label) for m in spans.mentions(doc)}
    assert not any("会同" in m.text for m in spans.mentions(doc))


def test_a_district_before_a_level_holds_the_honour(make_doc):
    doc = _with_places(make_doc, [("实现", "v"), ("了", "u"), ("甲区", "LOC"), ("省级", "a"), ("新型", "a"),
                                  ("研发机构", "n"), ("零", "m")], [("甲区", "district")])
    compound_names(doc)
    assert ("省级新型研发机构", "HONOR") in {(m.text, m.label) for m in spans.mentions(doc)}


def test_the_paper_of_a_dateline_is_an_organisation(make_doc):
    doc = make_doc([("招商", "vn"), ("再破", "v"), ("千亿", "m"), ("甲山", "LOC"), ("日报讯", "n"), (" ", "w"), ("记者", "n")])
    dateline_papers(doc)
    assert {(m.text, m.label) for m in spans.mentions(doc)} == {("甲山日报", "ORG")}
    doc = make_doc([("甲山日报", "ORG"), ("/", "w"), ("甲山网讯", "LOC"), ("(", "w"), ("记者", "n")])
    dateline_papers(doc)
    assert ("甲山网", "ORG") in {(m.text, m.label) for m in spans.mentions(doc)}  # a news site's dateline


def test_a_news_sites_dateline_with_its_date_or_a_credit_names_the_site(make_doc):
    doc = make_doc([("甲江在线", "n"), ("2月15日", "TIME"), ("讯", "n"), ("（", "w"), ("记者", "n")])
    dateline_papers(doc)
    assert ("甲江在线", "ORG") in {(m.text, m.label) for m in spans.mentions(doc)}
    doc = make_doc([("温度新闻", "n"), (" ", "w"), ("记者", "n"), (" ", "w"), ("徐飞", "PER")])
    dateline_papers(doc)
    assert ("温度新闻", "ORG") in {(m.text, m.label) for m in spans.mentions(doc)}


def test_a_zone_named_with_its_province_is_a_place(make_doc):
    doc = _with_places(make_doc, [("位于", "v"), ("乙省", "LOC"), ("石花", "n"), ("经济开发区", "n")], [("乙省", "province")])
    compound_names(doc)
    assert ("乙省石花经济开发区", "PLACE") in {(m.text, m.label) for m in spans.mentions(doc)}


def test_divisions_written_in_full_before_a_park_are_places_of_their_own():
    from tests.nlp.sentence_helpers import analyse, mentions, triples

    analysis = analyse("山东省聊城市甲乙经济开发区内企业一片忙碌。")
    places = {surface for surface, _ in mentions(analysis, "PLACE")}
    assert {"山东省", "聊城市", "甲乙经济开发区"} <= places
    assert ("甲乙经济开发区", "located_in", "聊城市") in triples(analysis)


def test_a_company_with_its_region_in_brackets_is_one_name_but_a_byline_in_brackets_ends_a_name():
    from tests.nlp.sentence_helpers import analyse, mentions

    assert ("甲乙森博（广东）纸业有限公司", "甲乙森博（广东）纸业有限公司") in mentions(analyse("甲乙森博（广东）纸业有限公司上榜。"), "ORG")
    orgs = {surface for surface, _ in mentions(analyse("（聊城日报记者 王明远）市工信局日前公布名单。"), "ORG")}
    assert "市工信局" in orgs and not any("记者" in o for o in orgs)


def test_divisions_the_gazetteer_lacks_still_address_the_site_after_them():
    from tests.nlp.sentence_helpers import analyse, mentions, triples

    analysis = analyse("在青禾区石湾镇柳塘村龙游巴道水产养殖基地，村民正在忙碌。")
    assert "龙游巴道水产养殖基地" in {surface for surface, _ in mentions(analysis, "PLACE")}
    assert ("龙游巴道水产养殖基地", "located_in", "柳塘村") in triples(analysis)


def test_a_bureau_name_keeps_the_he_the_segmenter_glued_to_its_first_half():
    from tests.nlp.sentence_helpers import analyse, mentions

    analysis = analyse("近日，台州市经济和信息化局公布名单。")
    assert "台州市经济和信息化局" in {surface for surface, _ in mentions(analysis, "ORG")}


def test_a_city_before_a_firm_whose_name_opens_with_its_province_is_the_address():
    from tests.nlp.sentence_helpers import analyse, mentions, triples

    analysis = analyse("入选企业为枣庄市山东甲乙数控技术有限公司、山东丙丁新材料科技有限公司。")
    assert "山东甲乙数控技术有限公司" in {surface for surface, _ in mentions(analysis, "ORG")}
    assert ("山东甲乙数控技术有限公司", "located_in", "枣庄市") in triples(analysis)


def test_a_zone_the_state_grants_without_a_place_naming_it_is_an_honour(make_doc):
    text = "甲高新区升级为国家高新技术产业开发区，乙开发区是国家级经济技术开发区，丙省丁戊经济开发区开工。"
    doc = make_doc([("甲高新区", "LOC"), ("升级", "v"), ("为", "p"), ("国家高新技术产业开发区", "LOC"), ("，", "w"),
                    ("乙开发区", "LOC"), ("是", "v"), ("国家级", "b"), ("经济技术开发区", "n"), ("，", "w"),
                    ("丙省", "LOC"), ("丁戊", "nz"), ("经济开发区", "n"), ("开工", "v"), ("。", "w")])
    assert spans.text_of(doc) == text
    compound_names(doc)
    honours = {m.text for m in spans.mentions(doc) if m.label == "HONOR"}
    assert honours == {"国家高新技术产业开发区", "国家级经济技术开发区"}


def test_yu_before_a_whole_organisation_joins_two_parties_not_one_name(make_doc):
    doc = _with_places(make_doc, [("代表", "v"), ("甲区", "LOC"), ("与", "p"), ("乙丙化工有限公司", "ORG"), ("签约", "v")],
                       [("甲区", "district")])
    compound_names(doc)
    names = {m.text for m in spans.mentions(doc) if m.label == "ORG"}
    assert "乙丙化工有限公司" in names and not any("与" in name for name in names)
    doc = _with_places(make_doc, [("甲市", "LOC"), ("环境", "n"), ("信息", "n"), ("与", "p"), ("监控", "vn"), ("中心", "n")],
                       [("甲市", "city")])
    compound_names(doc)
    assert "甲市环境信息与监控中心" in {m.text for m in spans.mentions(doc) if m.label == "ORG"}  # one body
