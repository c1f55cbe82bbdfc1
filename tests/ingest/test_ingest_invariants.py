"""Property tests: unwrapping and segmentation never lose or duplicate text."""

from __future__ import annotations

import os
import re
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explorer.core.models import Document
from explorer.ingest import normalise_text, split_articles, unwrap_lines
from explorer.ingest.layout import split_lines

HAN = "市区县镇村企业发展项目建设工作会议群众服务经济文化旅游农业科技创新政府部门产业园"
EXAMPLES = int(os.environ.get("EXPLORER_HYPOTHESIS_EXAMPLES", "100"))  # raise it for a soak run
NAMES = ["张伟", "王芳", "李娜", "刘洋", "陈静", "赵磊"]
han_text = st.text(alphabet=HAN, min_size=1, max_size=12)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@st.composite
def sentences(draw) -> str:
    parts = draw(st.lists(han_text, min_size=1, max_size=4))
    return "，".join(parts) + draw(st.sampled_from("。！？"))


@st.composite
def wrapped_paragraph(draw, opener: str = "", break_after_first: bool = True) -> list[str]:
    """One paragraph hard-wrapped at a column width, first line indented,
    with blank lines at some wraps (column breaks inside a sentence). Like a
    typesetter, it never starts a line with punctuation."""
    text = opener + "".join(draw(st.lists(sentences(), min_size=1, max_size=4)))
    column = draw(st.integers(12, 17))
    lines, position = [], 0
    while position < len(text):
        step = column - 2 if not lines else column
        while position + step < len(text) and text[position + step] in "，。！？）":
            step += 1
        lines.append(text[position : position + step])
        position += step
        if position < len(text) and (break_after_first or len(lines) > 1) and draw(st.integers(0, 5)) == 0:
            lines.append("")  # a column break
    return lines


@st.composite
def articles(draw, ambiguous: bool = True) -> dict:
    opener = ""
    if draw(st.booleans()):
        opener = f"本报讯（记者 {draw(st.sampled_from(NAMES))}）"
    paragraphs = [draw(wrapped_paragraph(opener, ambiguous))]
    paragraphs += draw(st.lists(wrapped_paragraph(break_after_first=ambiguous), min_size=0, max_size=3))
    headline = draw(st.lists(st.text(alphabet=HAN, min_size=4, max_size=14), min_size=1, max_size=2))
    credit = f"■ 本报记者 {draw(st.sampled_from(NAMES))}" if draw(st.integers(0, 3)) == 0 else None
    return {"paragraphs": paragraphs, "headline": headline, "credit": credit}


def _render(items: list[dict], headline_first: bool) -> str:
    blocks: list[str] = []
    for item in items:
        body = "\n\n".join("\n".join(p) for p in item["paragraphs"])
        head = "\n".join(item["headline"])
        if headline_first:
            blocks.append(head)
            if item["credit"]:
                blocks.append(item["credit"])
            blocks.append(body)
        else:
            blocks.append(body + ("\n" + item["credit"] if item["credit"] else ""))
            blocks.append(head)
    return "\n\n".join(blocks) + "\n"


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(articles(), min_size=1, max_size=5), st.booleans())
def test_segmentation_loses_and_duplicates_nothing(items, headline_first):
    text = _render(items, headline_first)
    document = Document(path="generated.txt", text=text, content_hash="0" * 64)
    result = split_articles(document)
    assert result, "a page with text yields at least one article"
    # the raw slices partition the page, in order
    assert _squash("".join(a.raw for a in result)) == _squash(text)
    position = 0
    for index, article in enumerate(result):
        assert article.index == index
        found = text.index(article.raw, position)
        position = found + len(article.raw)
    # every character of the page is in exactly one field: body, headline or a credit line
    fields = Counter()
    for article in result:
        fields.update(_squash(article.text + (article.kicker or "") + (article.headline or "") + (article.subtitle or "")))
        for line in article.raw.split("\n"):
            if line.lstrip().startswith("■"):
                fields.update(_squash(line))
    assert fields == Counter(_squash(text))


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(articles(ambiguous=False), min_size=2, max_size=5))
def test_headline_after_body_pages_keep_article_boundaries(items):
    """With 本报讯 openers on every article the split is exact. (A paragraph's
    unpunctuated first line alone before a column break can read as a
    headline; the segmenter needs column-width context for that case, so
    this exactness test leaves it out; the no-loss test above keeps it.)"""
    for item in items:
        if not item["paragraphs"][0][0].startswith("本报讯"):
            first = item["paragraphs"][0]
            item["paragraphs"][0] = ["本报讯（记者 张伟）" + first[0], *first[1:]]
    text = _render(items, headline_first=False)
    result = split_articles(Document(path="g.txt", text=text, content_hash=""))
    assert len(result) == len(items)
    for article, item in zip(result, items, strict=True):
        assert _squash((article.headline or "") + (article.subtitle or "")) == _squash("".join(item["headline"]))


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(st.one_of(wrapped_paragraph(), st.just([""])), min_size=1, max_size=6))
def test_unwrapping_only_removes_line_breaks(blocks):
    text = "\n".join("\n".join(lines) for lines in blocks)
    unwrapped = unwrap_lines(text)
    assert _squash(unwrapped) == _squash(text)
    assert "\n\n" not in unwrapped
    for paragraph in unwrapped.split("\n"):
        assert paragraph == paragraph.strip()


@given(st.text(max_size=200))
def test_normalise_is_idempotent_and_keeps_line_count(text):
    once = normalise_text(text)
    assert normalise_text(once) == once
    cleaned = text.replace("\r\n", "\n").replace("\r", "\n")
    assert once.count("\n") <= cleaned.count("\n")


def test_normalise_folds_width_and_controls():
    assert normalise_text("ＲＣＥＰ原产地证书\u200b２０２２年\x00") == "RCEP原产地证书2022年"
    assert normalise_text("從 2021 年至 2023 年", to_simplified=True) == "从2021年至2023年"
    assert normalise_text("跑在问题前面 做到群众心里") == "跑在问题前面 做到群众心里"


LINE_PIECES = st.sampled_from(
    ["本报讯（记者 张伟）", "■ 本报记者 王芳", "各成员单位：", "2022年1月4日", "联系电话：123", "——副题",
     "第3版", "聊城日报", "。", "，", "”", "关于", "的通知", "", " ", "\r", "\t", "\x00", "ＡＢ１", "東區"]
)


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(st.one_of(LINE_PIECES, han_text, st.text(max_size=6)), max_size=40), st.sampled_from(["text/plain", "text/html"]))
def test_any_text_splits_without_crash_or_loss(pieces, media_type):
    text = "".join(p if i % 3 else p + "\n" for i, p in enumerate(pieces))
    result = split_articles(Document(path="x.txt", text=text, content_hash="", media_type=media_type))
    def content(part: str) -> str:  # page furniture (第3版, mastheads) belongs to no article
        return _squash("".join(line.text for line in split_lines(part) if line.kind != "furniture"))

    assert "".join(content(a.raw) for a in result) == content(text)
