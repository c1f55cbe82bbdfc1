"""ORG extender and facility places: grow a name leftwards from its head.

Official Chinese names end in a type word (公司, 集团, 局, 中心, 合作社,
党支部; 市场, 大街, 旧址 for places) preceded by name words. Starting at
such a head, the extender takes nouns, names and place words to the left
and stops at verbs, function words, numbers and punctuation; 和/与 inside
a name are kept when the result starts with a place or 市/省/县 prefix
(山东省文化和旅游厅, 市环境信息与监控中心).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from explorer.core.gazetteer import load_gazetteer
from explorer.nlp import spans
from explorer.nlp.lexicon import words

NAME_TAGS = {"n", "nz", "LOC", "ORG", "PER", "vn", "an", "nw", "j", "s", "a", "b"}
STOP_WORDS = {
    "全市", "我市", "本市", "全省", "全国", "全区", "全县", "各", "该", "本", "其", "这", "那", "原",
    "各级", "相关", "有关", "当地", "全体", "上级", "主管", "职能", "工作人员", "人员", "成员",
    "新", "大", "小", "多", "好", "首", "同", "国内", "省内", "市内", "县内", "单位", "企业",
    "群众", "市民", "干部", "党员", "领导", "记者", "本报", "本报讯", "通讯员", "下属", "直属",
}
ADMIN_PREFIX = re.compile(r"^(市|省|县|区|镇|乡|国家|中共|中国|国务院)")
ONE_CHAR_SUFFIX = {"局", "厅", "委", "办", "署", "台"}
GENERIC_HEAD_WORDS = {"之路", "道路", "思路", "线路", "出路", "公路", "铁路", "马路", "新路", "网络", "门路", "销路", "镇街",
                      "签署", "部署", "布局", "举办", "主办", "承办", "协办", "创办", "开办", "督办", "兴办"}
PLACE_HEADS = (
    "精品水果市场", "水产市场", "农贸市场", "批发市场", "市场", "农贸城", "商城", "大街", "大道", "路", "街",
    "广场", "公园", "景区", "园区", "产业园", "工业园", "开发区", "高新区", "新区", "古城区", "古城",
    "旧址", "故居", "烈士墓", "墓", "矶", "陵园", "纪念碑", "遗址", "水库", "湿地", "风景区", "度假区",
)
MAX_LEN = 30
CHINESE_NUMERALS = set("一二三四五六七八九十百千")
SYMBOLS = re.compile(r"[+＋=/|＝]")


def _head_before_title(text: str, heads: tuple[str, ...], titles: tuple[str, ...]) -> tuple[int, str] | None:
    """市委常委, 党委书记: a head word that ends right before a trailing title."""
    for title in titles:
        if text.endswith(title) and len(text) > len(title):
            rest = text[: -len(title)]
            for head in heads:
                if rest.endswith(head):
                    return len(rest), head
    return None


def _head_end(token, heads: tuple[str, ...], titles: tuple[str, ...]) -> tuple[int, str] | None:
    """Offset in the token where a head word ends (token end, or before a title)."""
    text = token.text
    found = _head_before_title(text, heads, titles)
    if found or text in titles:
        return found  # a bare title (常委, 委员) is not the 委 of a committee
    for head in heads:
        if text.endswith(head):
            return len(text), head
    return None


def _place_led_fragment(token) -> bool:
    """聊城市工业 | 和 | 信息化局: a segmenter ORG that is a division plus a field, not a whole name."""
    if token.tag_ != "ORG" or token.text.endswith(words("org_suffixes.txt")):
        return False
    gazetteer = load_gazetteer()
    return any(token.text[:n][-1] in "省市县区" and token.text[:n] in gazetteer for n in range(2, min(6, len(token.text))))


def _extend_left(doc: list, i: int, head_start: int, coordinate: bool = True) -> int | None:
    """Index of the first token of the name whose head is token i."""
    j = i
    kept = i + 1 if head_start > doc[i].idx else i  # head inside token i keeps the token
    while j > 0:
        prev = doc[j - 1]
        if prev.text in ("该镇", "该县", "该区", "该市", "该乡"):
            j -= 1  # 该镇党委: the resolver names the town
            break
        if prev.tag_ == "v" and j >= 2 and doc[j - 2].text in ("市", "省", "县", "区"):
            j -= 2  # 市促进非公有制经济发展工作领导小组办公室
            break
        numeral = prev.tag_ == "m" and all(c in CHINESE_NUMERALS for c in prev.text)  # 六十二烈士墓
        if prev.text in STOP_WORDS or prev.tag_ not in NAME_TAGS and prev.text not in ("和", "与") and not numeral:
            break
        if prev.text in ("和", "与"):
            if not coordinate:
                break  # 东昌湖和景阳冈景区: two places, not one name
            k = j - 1
            while k > 0 and doc[k - 1].tag_ in NAME_TAGS and doc[k - 1].text not in STOP_WORDS:
                k -= 1
            if k < j - 1 and (ADMIN_PREFIX.match(doc[k].text) or doc[k].tag_ == "LOC" or _place_led_fragment(doc[k])):
                j = k
            break
        if doc[i].idx + len(doc[i].text) - prev.idx > MAX_LEN:
            break
        j -= 1
    return min(j, kept) if j < kept else None


def _find(spacy_doc: Doc, heads: tuple[str, ...], label: str, source: str) -> None:
    doc = spans.words_of(spacy_doc)
    titles = words("titles.txt")
    last_chars = {h[-1] for h in heads} | {t[-1] for t in titles}
    for i, token in enumerate(doc):
        if token.text[-1] not in last_chars:
            continue
        if token.text in GENERIC_HEAD_WORDS or token.tag_ in ("w", "m", "TIME"):
            continue
        found = _head_end(token, heads, titles)
        if not found:
            continue
        end_in_token, head = found
        if token.text == head and token.tag_ == "v":
            continue  # 王秀兰办起了…: a verb, not the 办 of an office
        end = token.idx + end_in_token
        head_start = end - len(head)
        j = _extend_left(doc, i, head_start, coordinate=label == "ORG")
        if j is None:
            # the head token alone: a name only when the segmenter made it one word
            if token.idx < head_start and token.tag_ in ("ORG", "LOC", "nz", "n"):
                start = token.idx
            else:
                continue
        else:
            start = doc[j].idx
        name = spans.text_of(spacy_doc)[start:end]
        if len(name) <= len(head) or len(name) > MAX_LEN or SYMBOLS.search(name):
            continue  # “党支部+合作社+农户”: a formula, not a name
        if head in ONE_CHAR_SUFFIX and not (ADMIN_PREFIX.match(name) or doc[j if j is not None else i].tag_ in ("LOC", "ORG")):
            if token.tag_ != "ORG":
                continue
        spans.add(spacy_doc, start, end, label, source)


def _quoted(doc: Doc, heads: tuple[str, ...], label: str, source: str) -> None:
    """“服务商联盟”: a quoted phrase that ends in a head word is a name."""
    pattern = re.compile(r"“([^“”\n]{2,20}?(?:%s))”" % "|".join(map(re.escape, heads)))
    for match in pattern.finditer(spans.text_of(doc)):
        spans.add(doc, match.start(1), match.end(1), label, source)


@Language.factory("org_extender", assigns=["doc._.mentions"], requires=["token.tag"])
def make_org_extender(nlp: Language, name: str):
    return org_extender


DEPARTMENT_IN_CHAIN = re.compile(r"(?<=、)(组织部|宣传部|统战部|政法委|纪委)(?=(?:常务)?副?(?:部长|书记))")


def _departments_in_chains(doc: Doc) -> None:
    """市委常委、组织部部长X: the department of the committee just named."""
    for match in DEPARTMENT_IN_CHAIN.finditer(spans.text_of(doc)):
        if not spans.overlapping(doc, match.start(1), match.end(1)):
            spans.add(doc, match.start(1), match.end(1), "ORG", "org_extender")


def org_extender(doc: Doc) -> Doc:
    heads = words("org_suffixes.txt")
    _find(doc, heads, "ORG", "org_extender")
    _departments_in_chains(doc)
    _quoted(doc, heads, "ORG", "org_extender")
    _find(doc, tuple(sorted(PLACE_HEADS, key=len, reverse=True)), "PLACE", "facility")
    return doc
