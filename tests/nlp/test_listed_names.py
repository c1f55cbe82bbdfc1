"""listed_names.py: names known by the list they stand in (invented names)."""

from __future__ import annotations

from tests.nlp.sentence_helpers import analyse, mentions


def test_items_before_deng_zhongdian_xiangmu_are_projects():
    analysis = analyse("我市将加快甲丙磷酸铁、乙丁磷氟新材料、戊己零碳智算产研基地等重点项目建设。")
    assert {"甲丙磷酸铁", "乙丁磷氟新材料", "戊己零碳智算产研基地"} <= {s for s, _ in mentions(analysis, "PROGRAM")}


def test_items_after_xiangmu_fenbiewei_are_projects():
    analysis = analyse("此次参加活动的项目分别为甲乙电线电缆设备、丙丁生物灭菌、戊己多缸发电机组等。")
    assert {"甲乙电线电缆设备", "丙丁生物灭菌", "戊己多缸发电机组"} <= {s for s, _ in mentions(analysis, "PROGRAM")}


def test_a_list_of_sectors_or_places_is_no_list_of_projects():
    programmes = {s for s, _ in mentions(analyse("新能源汽车、生物医药等重点项目加快推进。阳谷县、莘县等项目进展顺利。"), "PROGRAM")}
    assert not programmes & {"新能源汽车", "生物医药", "阳谷县", "莘县"}


def test_a_place_pushing_listed_projects_on_takes_part_in_each():
    from tests.nlp.sentence_helpers import triples

    found = triples(analyse("阳谷县将加快甲丙磷酸铁、乙丁磷氟新材料等重点项目建设。"))
    assert {("阳谷县", "participates_in", "甲丙磷酸铁"), ("阳谷县", "participates_in", "乙丁磷氟新材料")} <= found


def test_the_members_listed_after_ruxuan_de_are_firms_and_hold_the_list_named_before():
    from tests.nlp.sentence_helpers import triples

    analysis = analyse("工信部公布了第六批国家级制造业单项冠军名单。此次入选的甲宇光学、乙科光电、丙讯科技、聊城水表，都是行业龙头。")
    firms = {"甲宇光学", "乙科光电", "丙讯科技", "聊城水表"}
    assert firms <= {s for s, _ in mentions(analysis, "ORG")}
    assert {s for s, r, o in triples(analysis) if r == "awarded" and o == "国家级制造业单项冠军"} == firms


def test_members_listed_after_ruxuan_de_hold_the_list_the_article_announced_paragraphs_before():
    from tests.nlp.sentence_helpers import triples

    analysis = analyse("工信部公布了第六批国家级制造业单项冠军名单。\n甲市制造业基础雄厚，出口占全市一半。\n"
                       "此次入选的甲宇光学、乙科光电、丙讯科技，都是行业龙头。")
    assert {s for s, r, o in triples(analysis) if r == "awarded" and o == "国家级制造业单项冠军"} == {"甲宇光学", "乙科光电", "丙讯科技"}
