"""Rankings as honours (rankings.py): the rank marks the list, the words before it name it."""

from __future__ import annotations

from explorer.nlp import spans
from explorer.nlp.rankings import find_rankings


def _honours(doc):
    return {m.text for m in spans.mentions(doc) if m.label == "HONOR"}


def test_a_ranking_runs_from_its_region_to_the_kind_it_lists(make_doc):
    doc = make_doc([
        ("该", "r"), ("公司", "n"), ("入选", "v"), ("甲省", "LOC"), ("500强", "m"), ("企业", "n"), ("，", "w"),
        ("位列", "v"), ("中国", "LOC"), ("企业", "n"), ("效益", "n"), ("200佳", "m"), ("，", "w"),
        ("乙区", "LOC"), ("跻身", "v"), ("全国", "n"), ("百强区", "n"), ("，", "w"),
        ("进入", "v"), ("全国", "n"), ("前十强", "m"), ("，", "w"), ("有", "v"), ("十强", "m"), ("。", "w"),
    ])
    find_rankings(doc)
    # a rank after 前 is a place in a ranking, and a bare rank names no list
    assert _honours(doc) == {"甲省500强企业", "中国企业效益200佳", "全国百强区"}


def test_a_ranking_that_opens_a_firm_name_is_cut_from_it(make_doc):
    doc = make_doc([("世界500强企业", "ORG"), ("丙丁集团", "ORG"), ("在", "p"), ("此", "r"), ("投资", "v"), ("。", "w")])
    spans.add(doc, 0, len("世界500强企业丙丁集团"), "ORG", "compound")
    find_rankings(doc)
    assert _honours(doc) == {"世界500强企业"}
    assert {m.text for m in spans.mentions(doc) if m.label == "ORG"} == {"丙丁集团"}


def test_a_list_published_or_joined_is_named_before_mingdan(make_doc):
    from explorer.nlp.rankings import find_list_names

    text = "甲公司纳入乙省百亿大企业培养名单。丙厅公布了2021年度全省100户大企业大集团名单，并印发丁和戊名单。"
    doc = make_doc([(c, "n") for c in text])
    find_list_names(doc)
    assert _honours(doc) == {"乙省百亿大企业", "全省100户大企业大集团"}
