"""The home city comes from the source, never from a default."""

from __future__ import annotations

import pytest

from explorer.ingest import read_document
from explorer.ingest.home_city import (
    from_content,
    from_file_name,
    from_source,
    from_text,
    home_city,
    infer_home_city,
    place_of_name,
)
from explorer.settings import IngestOptions


@pytest.mark.parametrize(
    ("text", "city", "signal"),
    [
        ("南通日报\n2023年9月28日 星期四\n本报讯（记者 王某）我市新增…", "南通市", "paper"),
        ("标题\n佛山日报讯 记者朱某 通讯员顺宣报道:昨日，我市…", "佛山市", "paper"),
        ("标题\n本报江阴讯（记者 李某）日前，我市…", "无锡市", "dateline"),  # a county-level city names its prefecture's paper
        ("標題\n本報江陰訊（記者 李某）日前…", "无锡市", "dateline"),  # traditional characters
        ("正文第一段。\n来源：绵阳日报", "绵阳市", "paper"),
        ("正文。\n来源：南通发布", "南通市", "source line"),
        ("正文。\n原文链接 http://www.nantong.gov.cn/art/1.html", "南通市", "web address"),
    ],
)
def test_the_text_names_the_paper(text, city, signal):
    found = from_text(text)
    assert found is not None and (found.name, found.signal) == (city, signal)


@pytest.mark.parametrize(
    "text",
    [
        "据人民日报报道，我市新增3家企业。",  # a national paper
        "据光明日报消息，我市…",  # 光明 is also a district's short name: a paper is named after a city
        "新华日报讯 我省新增…",  # provincial
        "本报讯（记者 张某）我市新增…",  # a 本报讯 without a place
    ],
)
def test_papers_that_name_no_city(text):
    assert from_text(text) is None


def test_a_county_level_city_paper_means_itself():
    assert place_of_name("昆山日报"[:2], paper=True).name == "昆山市"
    assert from_text("昆山日报讯 我市…").name == "昆山市"
    assert place_of_name("昆山").name == "苏州市"  # a dateline's place lies in the paper's city


@pytest.mark.parametrize(
    ("name", "city"),
    [("liaocheng-daily_2023-03-14_p02.txt", "聊城市"), ("南通日报_0928.txt", "南通市"),
     ("js-nantong-01.txt", "南通市"), ("foshan_p01.pdf", "佛山市")],
)
def test_file_names(name, city):
    assert from_file_name(name).name == city


def test_ambiguous_pinyin_says_nothing():
    assert from_file_name("taizhou-daily_p01.txt") is None  # 泰州 and 台州
    assert from_file_name("page_01.txt") is None


def test_source_name():
    assert from_source("佛山日报").name == "佛山市"
    assert from_source("佛山在线").name == "佛山市"  # a site named after its city
    assert from_source("珠江时报") is None
    assert from_source(None) is None


def test_content_needs_a_clear_majority():
    text = "顺德区、南海区和三水区的企业……高明区也在推进。"
    found = from_content(text)
    assert found is not None and found.name == "佛山市" and found.signal == "content"
    assert from_content("南海区的企业") is None  # one place is not enough
    assert from_content("南通市、苏州市、无锡市和常州市的企业") is None  # no city dominates


def test_the_option_wins_and_nothing_means_none():
    assert home_city("南通市", "佛山日报讯 …").name == "南通市"
    assert home_city("南通", "").name == "南通市"  # a short name resolves to the full one
    assert home_city(None, "本报讯（记者 张某）我市新增3家企业。", "page_01.txt") is None
    assert infer_home_city("佛山日报讯 …", "nantong.txt").name == "佛山市"  # the paper beats the file name


def test_read_document_has_no_default_city(tmp_path):
    plain = tmp_path / "page_01.txt"
    plain.write_text("本报讯（记者 张某）我市新增3家专精特新企业。\n", encoding="utf-8")
    assert read_document(plain, IngestOptions()).home_city is None
    assert read_document(plain, IngestOptions(home_city="南通市")).home_city == "南通市"
    named = tmp_path / "nantong-daily_p01.txt"
    named.write_text("本报讯（记者 张某）我市新增3家专精特新企业。\n", encoding="utf-8")
    assert read_document(named, IngestOptions()).home_city == "南通市"
    assert read_document(plain, IngestOptions(source="佛山日报")).home_city == "佛山市"
