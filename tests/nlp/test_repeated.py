"""repeated.py: a name the article found once is placed where its words come
again, on hand-built Docs with invented names."""

from __future__ import annotations

from explorer.nlp import spans
from explorer.nlp.repeated import add_repeated_names
from tests.nlp.conftest import doc_with_mentions, found


def _at(doc, surface):
    return sorted(m.start for m in spans.mentions(doc) if m.text == surface)


def test_a_list_title_repeats_the_honour_the_prose_named_and_the_place_inside_gives_way(make_doc):
    text = "甲市公布甲市第一批“最美工厂”名单。\n甲市第一批“最美工厂”企业名单\n乙丙服饰有限公司\n"
    doc = doc_with_mentions(make_doc, text, [
        ("甲市", "PLACE", {}), ("甲市第一批“最美工厂”", "HONOR", {}), ("甲市#3", "PLACE", {}), ("乙丙服饰有限公司", "ORG", {}),
    ], "甲市")
    add_repeated_names(doc)
    assert _at(doc, "甲市第一批“最美工厂”") == [text.index("甲市第一"), text.index("甲市第一", 10)]
    assert _at(doc, "甲市") == [0]  # the place nested in the repeated honour is part of it


def test_words_inside_a_longer_name_or_a_segmenter_guess_are_not_repeated(make_doc):
    text = "丁戊科技公司获奖。丁戊科技公司研究院成立。己庚镇辛村新貌，己庚镇辛村。"
    doc = doc_with_mentions(make_doc, text, [
        ("丁戊科技公司", "ORG", {}), ("丁戊科技公司研究院", "ORG", {}),
    ], "甲市")
    spans.add(doc, text.index("己庚镇辛村"), text.index("己庚镇辛村") + 5, "ORG", "lac")
    add_repeated_names(doc)
    assert _at(doc, "丁戊科技公司") == [0]
    assert ("丁戊科技公司研究院", "ORG") in found(doc)
    assert len(_at(doc, "己庚镇辛村")) == 1  # only a rule's name is repeated, not the segmenter's guess


def test_short_names_are_not_repeated(make_doc):
    text = "甲工程开工。乙甲工程竣工。"
    doc = doc_with_mentions(make_doc, text, [("甲工程", "PROGRAM", {})], "甲市")
    add_repeated_names(doc)
    assert _at(doc, "甲工程") == [0]
