"""credits.py (bylines) and parts.py (headline and body read together, handed back apart)."""

from __future__ import annotations

import pytest

from explorer.core.models import Article, ArticleAnalysis, Credit, Mention, RelationFact
from explorer.nlp.credits import credits_of, find_credits, split_names
from explorer.nlp.parts import compose, finish


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("本报讯（记者 王晓梅 通讯员 李文静）近日，", [("王晓梅", "记者"), ("李文静", "通讯员")]),
        ("佛山日报讯 记者朱朝贵 通讯员顺宣报道:昨日,", [("朱朝贵", "记者")]),  # 顺宣 is a department, not a person
        ("本报讯(全媒体记者任媛媛徐飞)4月30日,", [("任媛媛", "全媒体记者"), ("徐飞", "全媒体记者")]),
        ("作者:记者 徐芳 通讯员 张晓蓉 编辑:钱天怡\n正文。", [("徐芳", "记者"), ("张晓蓉", "通讯员"), ("钱天怡", "编辑")]),
        ("标题\n(本报首席记者 陈丽娣)\n正文。", [("陈丽娣", "首席记者")]),
        ("正文。\n市民在公园散步。（张明 摄）", [("张明", "摄影")]),
        ("记者从市工信局获悉，记者了解到，", []),  # a reporter who is not named
    ],
)
def test_credited_names(text, names):
    assert [(c.name, c.role) for c in find_credits(text)] == names
    for credit in find_credits(text):
        assert text[credit.start : credit.end] == credit.name


def test_glued_names_split_where_a_family_name_starts():
    assert split_names("任媛媛徐飞") == ["任媛媛", "徐飞"]
    assert split_names("张三李四") == ["张三", "李四"]
    assert split_names("欧阳小明") == ["欧阳小明"]
    assert split_names("了解到") == []


def test_one_credit_per_person_bylines_printed_apart_too():
    found = find_credits("本报讯（记者 王晓梅）近日，")
    assert credits_of(found, ("王晓梅", "赵强")) == (Credit("王晓梅", "记者"), Credit("赵强", "记者"))


def test_headline_mentions_get_headline_offsets_and_body_offsets_stay():
    article = Article(text="本报讯（记者 王晓梅）甲乙集团开工。", headline="丙镇新项目开工", bylines=("王晓梅",))
    composed = compose(article)
    assert composed == "丙镇新项目开工\n本报讯（记者 王晓梅）甲乙集团开工。"
    head = len(article.headline) + 1
    place = Mention(0, 2, "丙镇", "PLACE", "丙镇")
    firm = Mention(head + 11, head + 15, "甲乙集团", "ORG", "甲乙集团")
    fact = RelationFact("甲乙集团", "ORG", "located_in", "丙镇", "PLACE", "本报讯（记者 王晓梅）甲乙集团开工。",
                        head, head + len(article.text))
    headline_fact = RelationFact("丙镇", "PLACE", "participates_in", "新项目", "PROGRAM", "丙镇新项目开工", 0, 7)
    done = finish(ArticleAnalysis((place, firm), (fact, headline_fact)), article)
    by_surface = {m.surface: m for m in done.mentions}
    assert (by_surface["丙镇"].part, by_surface["丙镇"].start) == ("headline", 0)
    assert article.text[by_surface["甲乙集团"].start : by_surface["甲乙集团"].end] == "甲乙集团"
    assert by_surface["王晓梅"].type == "PERSON" and by_surface["王晓梅"].part == "body"
    assert article.text[by_surface["王晓梅"].start : by_surface["王晓梅"].end] == "王晓梅"
    body_fact, head_fact = done.relations
    assert article.text[body_fact.evidence_start : body_fact.evidence_end] == body_fact.evidence
    assert (head_fact.evidence_start, head_fact.evidence_end) == (0, 0)  # stated in the headline
    assert done.credits == (Credit("王晓梅", "记者"),)


def test_a_person_read_across_two_credited_names_gives_way():
    article = Article(text="本报讯(全媒体记者任媛媛徐飞)4月30日,")
    wrong = Mention(9, 14, "任媛媛徐飞", "PERSON", "任媛媛徐飞")
    done = finish(ArticleAnalysis((wrong,)), article)
    assert {m.surface for m in done.mentions} == {"任媛媛", "徐飞"}


def test_a_name_written_with_ascii_brackets_keeps_them():
    article = Article(text="甲乙(北京)油田技术开发有限公司总经理张三说。")
    firm = Mention(0, 16, "甲乙(北京)油田技术开发有限公司", "ORG", "甲乙（北京）油田技术开发有限公司")
    fact = RelationFact("张三", "PERSON", "role_at", "甲乙（北京）油田技术开发有限公司", "ORG", article.text, 0, len(article.text))
    done = finish(ArticleAnalysis((firm,), (fact,)), article)
    assert done.mentions[0].canonical == "甲乙(北京)油田技术开发有限公司"
    assert done.relations[0].object == "甲乙(北京)油田技术开发有限公司"
