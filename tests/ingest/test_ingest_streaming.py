"""The splitter streams (issue 13, memory): lines, units, drafts and articles
are read as they are asked for, so a file at the 50 MB limit never holds
every line of its text at once. The articles are those of the whole-text
reading; these tests show that nothing is read ahead and memory does not
grow with the file."""

from __future__ import annotations

import importlib.util
import random
import sys
import tracemalloc
from pathlib import Path

import pytest

from explorer.core.models import Document
from explorer.ingest import articles as articles_module
from explorer.ingest import home_city, layout
from explorer.ingest.articles import iter_articles, iter_drafts, split_articles
from explorer.ingest.layout import Unit, edge_lines, iter_units, read_units

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def corpus_gen():
    spec = importlib.util.spec_from_file_location("_streaming_corpus_gen", REPO / "benchmarks" / "corpus_gen.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _pages(corpus_gen, count: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    return "\n\n".join(corpus_gen.page_text(rng, 2021) for _ in range(count))


def _document(text: str) -> Document:
    return Document(path="year.txt", text=text, content_hash="h", media_type="text/plain")


def test_the_first_article_comes_before_the_rest_of_the_file_is_read(corpus_gen, monkeypatch):
    text = _pages(corpus_gen, 60)
    read = []
    real = layout.iter_lines

    def counted(text):
        for line in real(text):
            read.append(line.number)
            yield line

    monkeypatch.setattr(layout, "iter_lines", counted)
    stream = iter_articles(_document(text))
    first = next(stream)
    lines_for_first = len(read)
    rest = list(stream)
    assert first.index == 0 and len(rest) > 200
    # a page is about 80 lines: the first article needs the lines of its own
    # page and a few past it, not the 5,000 of the file
    assert lines_for_first < 120 < len(read)
    monkeypatch.undo()
    assert [first, *rest] == split_articles(_document(text))


def test_drafts_come_out_while_units_are_still_coming(corpus_gen):
    units = read_units(_pages(corpus_gen, 5))
    handed = 0

    def units_then_a_failure():
        nonlocal handed
        for unit in units:
            handed += 1
            yield unit
        raise AssertionError("the input was read to its end before a draft came out")

    drafts = iter_drafts(units_then_a_failure())
    first = next(drafts)
    assert first.body and handed < len(units) // 3


def test_units_are_final_when_handed_out():
    """A sentence runs on across page furniture: the paragraph above the
    furniture grows after the furniture unit is made, so neither leaves the
    reader before the sentence ends."""
    text = "市里召开会议，部署今年的重点\n第3版\n工作任务和保障措施。\n\n另起一段。"
    seen = []
    for unit in iter_units(text):
        seen.append((unit.role, [line.text for line in unit.lines]))
    assert seen == [
        ("paragraph", ["市里召开会议，部署今年的重点", "工作任务和保障措施。"]),
        ("furniture", ["第3版"]),
        ("paragraph", ["另起一段。"]),
    ]
    assert [(u.role, [ln.text for ln in u.lines]) for u in read_units(text)] == seen


def test_a_page_that_opens_with_a_body_and_has_no_headline_groups_as_before():
    """The first content unit decides the order; with no headline at all both
    orders group alike (credits still close photo items)."""
    text = "图为村民在晾晒玉米。\n■ 本报记者 张三\n\n本报讯（记者 李四）市里举行活动。\n\n本报讯 另一条消息。"
    got = split_articles(_document(text))
    assert [a.text for a in got] == ["图为村民在晾晒玉米。", "本报讯（记者 李四）市里举行活动。", "本报讯 另一条消息。"]
    assert got[0].kind == "photo" and got[0].bylines == ("张三",)


def test_credits_on_top_wait_for_the_first_content_unit():
    headline_first = "■ 本报记者 张三\n\n市里召开全体会议\n\n本报讯 会议要求各地抓好落实。\n\n再部署一项工作\n\n本报讯 第二条。"
    got = split_articles(_document(headline_first))
    # the page opens with a headline once the credit is passed: headlines on top
    assert [a.headline for a in got] == [None, "市里召开全体会议", "再部署一项工作"]
    assert got[0].bylines == ("张三",) and got[1].text == "本报讯 会议要求各地抓好落实。"


def _peak_while_splitting(text: str) -> int:
    document = _document(text)
    tracemalloc.start()
    try:
        for _ in iter_articles(document):  # nothing kept: only what the splitter holds
            pass
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_while_splitting_does_not_grow_with_the_file(corpus_gen):
    small, large = _pages(corpus_gen, 8, seed=1), _pages(corpus_gen, 40, seed=1)
    small_peak, large_peak = _peak_while_splitting(small), _peak_while_splitting(large)
    # holding every line and unit cost about 30 bytes per character of text
    # (a 5x larger text, 5x the peak); streaming holds one page's worth
    assert large_peak < 1.5 * small_peak + 200_000
    assert large_peak < 5 * len(large)


def test_edge_lines_equal_the_ends_of_all_lines():
    rng = random.Random(3)
    for _ in range(3000):
        parts = [rng.choice(["", " ", "甲", " 乙乙 ", "\t", "丙\r"]) + (str(i) if rng.random() < 0.6 else "")
                 for i in range(rng.randint(0, 25))]
        text = "\n".join(parts)
        lines = [ln for ln in text.split("\n") if ln.strip()]
        for head, tail in ((6, 4), (4, 2), (6, 3), (1, 1)):
            assert edge_lines(text, head, tail) == lines[:head] + lines[-tail:]


def test_a_long_text_is_simplified_in_pieces_as_a_whole(monkeypatch):
    traditional = "本報東阿訊 臨清市舉辦農業發展會議，網絡直播。\n" * 400 + "來源：聊城日報\n" + "後續報導。" * 50
    whole = home_city.to_simplified(traditional)
    monkeypatch.setattr(home_city, "SIMPLIFY_PIECE", 97)
    assert home_city._simplified(traditional) == whole
    plain = "本报讯 会议召开。\n" * 300
    assert home_city._simplified(plain) is plain  # nothing to convert: no copy


def test_units_and_articles_match_for_a_web_page():
    text = "市里召开全体会议\n部署工作\n\n本报讯 会议要求各地抓好落实。\n第2版\n■ 本报记者 张三"
    document = Document(path="a.html", text=text, content_hash="h", media_type="text/html")
    got = list(iter_articles(document))
    assert len(got) == 1 and got[0].headline == "市里召开全体会议"
    assert got == articles_module.split_articles(document)
    assert all(isinstance(u, Unit) for u in iter_units(text))
