"""Name search: substrings of any length, pinyin, aliases, types, ranking."""

from __future__ import annotations

import pytest

from explorer.services import query
from explorer.store.search import grams, pinyin_forms


@pytest.fixture
def filled(project, build):
    doc, arts, analyses = build.company_page()
    project.store_document(doc, arts, analyses)
    t = "佳华小区的居民和罗克佳华的员工参加了活动，佳华小区，佳华小区。"
    project.store_document(build.doc("/b.txt"), [build.article(t)], [build.analysis([
        build.mention(t, "佳华小区", "PLACE"),
        build.mention(t[t.index("，") :], "佳华小区", "PLACE"),
        build.mention(t, "罗克佳华", "ORG"),
    ])])
    t = "华为公司在郑家镇。"
    project.store_document(build.doc("/c.txt"), [build.article(t)], [build.analysis([build.mention(t, "华为公司", "ORG")])])
    return project


def names(hits):
    return [h.name for h in hits]


def test_pinyin_forms_are_computed_once_per_name():
    assert pinyin_forms("罗克佳华") == ("luokejiahua", "lkjh")
    assert ("罗", 1) in grams("罗克") and ("克", 0) in grams("罗克") and ("罗克", 1) in grams("罗克")


def test_one_character_query_uses_the_gram_index(filled):
    hits = query.search(filled, "华")
    assert set(names(hits)) == {"山东罗克佳华科技有限公司", "佳华小区", "华为公司"}
    assert names(hits)[0] == "华为公司"  # prefix before substring


def test_two_character_query_ranks_prefix_then_mentions(filled):
    hits = query.search(filled, "佳华")
    assert names(hits) == ["佳华小区", "山东罗克佳华科技有限公司"]


def test_three_plus_characters_use_trigram_fts(filled):
    assert names(query.search(filled, "专精特新")) == ["省级专精特新企业"]
    assert names(query.search(filled, "科技有限公司")) == ["山东罗克佳华科技有限公司"]


def test_exact_alias_hit_reports_what_matched(filled):
    hits = query.search(filled, "罗克佳华")
    assert hits[0].name == "山东罗克佳华科技有限公司" and hits[0].matched == "罗克佳华"
    assert hits[0].score == 3.0


def test_full_pinyin_and_initials(filled):
    assert names(query.search(filled, "luokejiahua"))[0] == "山东罗克佳华科技有限公司"
    assert names(query.search(filled, "lkjh"))[0] == "山东罗克佳华科技有限公司"
    assert "佳华小区" in names(query.search(filled, "jiahuaxiao"))
    assert names(query.search(filled, "LKJH"))[0] == "山东罗克佳华科技有限公司"


def test_type_filter(filled):
    assert names(query.search(filled, "华", types=["PLACE"])) == ["佳华小区"]


def test_mentions_break_ties(filled):
    hits = query.search(filled, "小区")
    assert hits[0].name == "佳华小区" and hits[0].mentions == 2


def test_no_hit_and_blank_query(filled):
    assert query.search(filled, "不存在的名字") == []
    assert query.search(filled, "   ") == []
    assert query.search(filled, '"') == []
