"""Rankings and published lists as honours: 全国百强区, 广东500强企业, 中国企业效益200佳,
十强工业企业, 全国城市综合经济实力“30强”. A ranking is a list a firm, county or town is named
to, like any honour, but it has no honour head: its rank (N强, N佳) is what
marks it. The name runs left from the rank over its region and descriptors up
to punctuation, 的 or an award verb (入选, 跻身), and right over the kind of
member (企业, 县市, 开发区) from data/list_member_kinds.txt.

A ranking that opens a firm's name (世界500强企业甲集团) is cut from it: the
firm keeps the rest, and relation_rules reads the ranking before the firm as
its honour.

A list named before 名单 (纳入乙省百亿大企业培养名单) is an honour too: its name runs
from the verb that publishes or joins it (data/list_verbs.txt) to 名单, less the
list's stage (培育, 拟认定: data/list_kind_words.txt)."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from explorer.nlp import spans
from explorer.nlp.lexicon import derived, pattern, words

RANK = re.compile(r"(?<![前第])“?(?:[0-9]{2,4}|[一二三四五六七八九两]?[十百千])[强佳]”?")
STOPS = set("，,。；;、：:（）()“”的和与及在是为等\n ")
STOP_TAGS = frozenset(("v", "p", "d", "u", "c", "r", "w", "f", "vd", "ad", "xc"))
MAX_LEFT = 14


@derived
def _award_verb() -> re.Pattern:
    return re.compile(f"(?:{pattern('ranking_verbs')}|{pattern('award_verbs')}|{pattern('award_name_verbs')})$")


@derived
def _kind() -> re.Pattern:
    return re.compile(f"[\u4e00-\u9fff]{{0,6}}?(?:{pattern('list_member_kinds')})")


def _left_edge(doc: Doc, rank_start: int) -> int:
    """Back over the segmenter's words to a pause, a function word or a verb."""
    text = spans.text_of(doc)
    words_ = spans.words_of(doc)
    holder = words_[spans.word_index(doc, rank_start)] if words_ else None
    start = holder.idx if holder is not None and holder.idx < rank_start < holder.idx + len(holder.text) else rank_start
    i = spans.word_index(doc, start)  # 世界500强企业 is one word: from its start
    while i >= 0:
        word, i = words_[i], i - 1
        if word.idx + len(word.text) > start:
            continue
        if rank_start - word.idx > MAX_LEFT or word.tag_ in STOP_TAGS or any(c in STOPS for c in word.text) \
                or _award_verb().search(text[max(0, start - 4) : start]):
            break
        start = word.idx
    return start


def find_rankings(doc: Doc) -> None:
    text = spans.text_of(doc)
    for match in RANK.finditer(text):
        start = _left_edge(doc, match.start())
        end = match.end()
        kind = _kind().match(text, end)
        if kind is not None:
            end = kind.end()
        if text[end - 1] == "”" and "“" not in text[start:end]:
            end -= 1
        if start == match.start() and kind is None:
            continue  # a bare 十强 or 百强 names no list
        if spans.overlapping(doc, start, end, {"HONOR", "PROGRAM", "PERSON"}):
            continue
        _cut_from_firms(doc, start, end)
        if not spans.overlapping(doc, start, end):
            spans.add(doc, start, end, "HONOR", "honor")


def _cut_from_firms(doc: Doc, start: int, end: int) -> None:
    """世界500强企业甲集团: the firm's name starts after the ranking; places and
    guesses inside the ranking's span give way to it."""
    text = spans.text_of(doc)
    for m in spans.overlapping(doc, start, end):
        if m.label == "ORG" and m.start >= start and m.end > end and m.text.endswith(words("firm_endings")):
            spans.remove(doc, [m])
            spans.add(doc, end, m.end, "ORG", m.source)
        elif start <= m.start and m.end <= end and (m.guess or m.label == "PLACE" and text[m.start:m.end] != text[start:end]):
            spans.remove(doc, [m])


@derived
def _named_list() -> re.Pattern:
    """纳入福建省百亿大企业培养名单, 公布了2021年度全省100户大企业大集团名单: what a
    published list is of, between the verb that publishes or joins it and 名单."""
    return re.compile(
        f"(?:{pattern('list_verbs')})了?(?:(?:19|20)\\d\\d年度?)?(?:第[一二三四五六七八九十0-9]+批)?"
        f"([\u4e00-\u9fff“”0-9]{{4,22}}?)(?:{pattern('list_kind_words')})?名单"
    )


def find_list_names(doc: Doc) -> None:
    text = spans.text_of(doc)
    for match in _named_list().finditer(text):
        start, end = match.span(1)
        if text.count("“", start, end) != text.count("”", start, end) or re.search("[和及与]", text[start:end]):
            continue  # 支柱型雁阵集群和“头雁”企业: two lists in one
        if spans.overlapping(doc, start, end, {"HONOR", "PROGRAM", "ORG", "PERSON"}):
            continue
        spans.remove(doc, [m for m in spans.overlapping(doc, start, end) if start <= m.start and m.end <= end])
        spans.add(doc, start, end, "HONOR", "honor")
