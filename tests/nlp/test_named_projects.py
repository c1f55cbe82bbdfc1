"""Projects named by what they build (named_projects.py), read from the segmenter's words."""

from __future__ import annotations

from explorer.nlp import spans
from explorer.nlp.named_projects import find_firm_projects, find_named_projects


def _programs(doc):
    return {m.text for m in spans.mentions(doc) if m.label == "PROGRAM"}


def test_a_name_before_xiangmu_is_a_project_and_kind_words_are_not(make_doc):
    doc = make_doc([
        ("在", "p"), ("甲区", "LOC"), ("乙河", "LOC"), ("综合治理", "vn"), ("项目", "n"), ("现场", "n"), ("，", "w"),
        ("丙威", "ORG"), ("高端", "a"), ("装备", "n"), ("制造", "vn"), ("项目", "n"), ("、", "w"),
        ("20万吨", "m"), ("尿素", "n"), ("项目", "n"), ("开工", "v"), ("。", "w"),
        ("全市", "n"), ("13个", "m"), ("重大", "a"), ("产业", "n"), ("项目", "n"), ("和", "c"),
        ("2018年", "TIME"), ("重点", "n"), ("项目", "n"), ("，", "w"), ("到", "v"), ("丁县", "LOC"),
        ("调研", "vn"), ("重点", "n"), ("项目", "n"), ("。", "w"),
    ])
    find_named_projects(doc)
    # the district where it is built is not part of the name; an output counts as a name
    assert _programs(doc) == {"乙河综合治理项目", "丙威高端装备制造项目", "20万吨尿素项目"}


def test_a_verb_of_the_sentence_ends_the_name_on_the_left(make_doc):
    doc = make_doc([("市长", "n"), ("察看", "v"), ("戊己", "nz"), ("光电", "n"), ("项目", "n"), ("。", "w")])
    find_named_projects(doc)
    assert _programs(doc) == {"戊己光电项目"}


def test_a_firm_full_name_opens_a_project_only_when_no_sentence_stands_between(make_doc):
    doc = make_doc([
        ("甲乙科技有限公司", "ORG"), ("20万吨", "m"), ("/", "w"), ("年", "q"), ("异壬醇", "nz"), ("项目", "n"), ("。", "w"),
        ("丙丁控股有限公司", "ORG"), ("总经理", "n"), ("王五", "PER"), ("代表", "v"), ("开工", "v"), ("项目", "n"), ("。", "w"),
    ])
    text = spans.text_of(doc)
    for firm in ("甲乙科技有限公司", "丙丁控股有限公司"):
        start = text.index(firm)
        spans.add(doc, start, start + len(firm), "ORG", "test")
    spans.add(doc, text.index("王五"), text.index("王五") + 2, "PERSON", "test")
    find_firm_projects(doc)
    assert _programs(doc) == {"甲乙科技有限公司20万吨/年异壬醇项目"}
