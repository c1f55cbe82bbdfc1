"""One grammar for compound names of every type.

Chinese official and facility names are a head (a type word) preceded by
modifiers: places, descriptive words, quoted slogans, bracketed second names,
and for honours a level, a region, an edition or a batch:

    甲县 竹木制品 特色 | 产业集群        PLACE (place_heads.txt)
    市 环境信息与监控 | 中心              ORG (org_heads.txt)
    乡村振兴 | 战略, “十四五” | 规划      PROGRAM (program_heads.txt)
    2023年度 乙省 十佳 智慧 | 园区        HONOR (a park head with a level and a marker)
    江苏省 紫砂 | 之乡                    HONOR (honor_heads.txt)

`find_heads` finds every head on the characters (segmenter words often glue
a head to its modifiers), `reach_left` walks back over the segmenter's words
while they can be part of a name, and `label_of` types the result from the
head's lexicon and the honour evidence met on the way. A name preceded by a
count after a list (培育了A、B、C三个省级集群) hands its head to each item.
The longest well-formed name wins later, in the cleanup.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from explorer.core.gazetteer import load_gazetteer
from explorer.nlp import spans
from explorer.nlp.lexicon import derived, ending, suffix_lengths, word_set, words
from explorer.nlp.spans import Word

# Segmenter tags of words that can stand inside a name.
NAME_TAGS = {"n", "nz", "LOC", "ORG", "PER", "vn", "an", "nw", "j", "s", "a", "b"}
# For parks, plans and honours verbs may stand inside a name too (城市更新三年行动,
# 智造科技产业园); only the words of name_left_stops.txt end them.
LOOSE_TAGS = NAME_TAGS | {"v", "vd", "f", "TIME", "nt"}
CHINESE_NUMERALS = set("一二三四五六七八九十百千两")
EDITION = re.compile(r"^第[0-9一二三四五六七八九十百]+[批届次期轮]$|^首批$")
YEAR = re.compile(r"^(?:19|20)\d\d年度?$")
COUNT = re.compile(r"^[0-9一二三四五六七八九十百千万两几多]+[个家所座项大类批条]$")
SUPERLATIVE = re.compile(r"^最[\u4e00-\u9fff]{1,2}$")
PLAN_FOLLOWERS = set("的等和与及中为是")
LIST_WORDS = ("榜单", "名单", "榜", "称号", "荣誉称号", "名录")
SYMBOLS = re.compile(r"[+＋=/|＝]")
MAX_LEN = {"ORG": 30, "PLACE": 24, "PROGRAM": 40, "HONOR": 30, "KIND": 30}
LABEL_OF_LEXICON = (("honor_heads", "HONOR"), ("honor_kinds", "KIND"), ("program_heads", "PROGRAM"), ("place_heads", "PLACE"), ("org_heads", "ORG"))


@dataclass(frozen=True)
class Head:
    start: int
    end: int
    label: str  # the type its lexicon gives
    word: int  # index of the segmenter word the head ends in
    first: int  # index of the word the head starts in


@dataclass
class Reach:
    """How far a name reaches to the left of its head, and what it met."""

    start: int
    level: bool = False  # 省级, 国家级, a province or country before the rest
    marker: bool = False  # 十佳, 示范, 第三批, 2023年度
    counted: bool = False  # stopped at a count (三个, 46所): a kind, or the head of a list
    count_word: int = -1
    awarded: bool = False  # the word before the name is an award verb (认定为, 入选)
    superlative: bool = False  # stopped at 最大/最强: a description
    modifiers: int = 0  # words taken
    local: bool = False  # a place below the province among the modifiers (a park's own place)
    dropped: list = field(default_factory=list)  # editions and years: in the text, not in the canonical name


@derived
def _head_labels() -> dict[str, str]:
    labels: dict[str, str] = {}
    for concept, label in reversed(LABEL_OF_LEXICON):
        for head in words(concept):
            labels[head] = label  # earlier lexicons win: 示范基地 is an honour, 基地 a place
    return labels


@derived
def _head_lengths() -> tuple[int, ...]:
    return tuple(sorted({len(h) for h in _head_labels()}, reverse=True))


RANKED = re.compile(r"(?:[0-9]+|[一二三四五六七八九十百千]+)强$")  # 民营企业200强, 百强


@derived
def _last_chars() -> frozenset[str]:
    return frozenset(h[-1] for h in _head_labels()) | frozenset("强")


def _head_ending(text: str) -> str | None:
    if not text or text[-1] not in _last_chars():
        return None
    ranked = RANKED.search(text)
    if ranked:
        return ranked.group()
    labels = _head_labels()
    for length in _head_lengths():
        if len(text) >= length and text[-length:] in labels:
            return text[-length:]
    return None


def _title_cut(text: str) -> int | None:
    """市委常委, 党委书记: where a head ends inside a word that ends in a title
    (None for a bare title such as 常委 or 委员, which is not the 委 of a committee)."""
    titles = word_set("titles")
    for length in suffix_lengths("titles"):
        if length < len(text) and text[-length:] in titles and _head_ending(text[:-length]):
            return len(text) - length
    return None if text in titles else len(text)


def find_heads(ws: list[Word], text: str) -> list[Head]:
    """Every head that ends where a word ends (or before a title inside a word);
    a head may span words (试点/企业) or start inside one (专业合作社)."""
    heads = []
    starts = [w.idx for w in ws]
    for i, w in enumerate(ws):
        if w.tag_ in ("w", "TIME") or w.tag_ == "m" and not w.text.endswith("期") or w.text in word_set("not_heads"):
            continue  # numbers are not heads; a project's phase (二期) is
        cut = _title_cut(w.text)
        if cut is None:
            continue
        end = w.idx + cut
        head = _head_ending(text[max(0, end - _head_lengths()[0]) : end])
        if head is None or w.text == head and w.tag_ == "v":
            continue  # 办起了…: a verb, not the 办 of an office
        label = _head_labels().get(head, "HONOR")
        if label in ("PROGRAM", "HONOR") and _continues(ws, i, cut):
            continue  # 新兴战略产业: the plan word modifies the noun after it
        first = bisect.bisect_right(starts, end - len(head)) - 1
        heads.append(Head(end - len(head), end, label, i, first))
    return heads


def _continues(ws: list[Word], i: int, cut: int) -> bool:
    if cut < len(ws[i].text) or i + 1 < len(ws) and ws[i + 1].text in LIST_WORDS:
        return False  # 民营企业200强榜单: the list word follows the honour's name
    return i + 1 < len(ws) and ws[i + 1].tag_ in ("n", "vn", "nz", "a") and ws[i + 1].text[0] not in PLAN_FOLLOWERS


def _level(w: Word, places: dict[int, spans.Mention]) -> bool:
    if w.text in word_set("honor_levels") or w.text.endswith(("省级", "市级", "县级")):
        return True
    place = places.get(w.idx)
    return place is not None and place.attrs.get("level") == "province" or w.text == "中国"


LEVEL_RANK = {"国": 0, "部": 0, "省": 1, "市": 2, "县": 3, "区": 3, "镇": 4, "乡": 4, "村": 5}
PLACE_RANK = {"province": 1, "city": 2, "county": 3, "district": 3, "zone": 3, "town": 4, "street": 4, "village": 5}


def _smaller_place(w: Word, level_word: str, places: dict[int, spans.Mention]) -> bool:
    """A division below the level named after it (a district before 省级)."""
    level = STRICT_LEVEL.search(level_word)
    place = places.get(w.idx)
    if level is None or place is None:
        return False
    return PLACE_RANK.get(place.attrs.get("level", ""), 9) > LEVEL_RANK[level.group()[0]]


def _marker(w: Word) -> bool:
    return bool(w.text in word_set("honor_markers") or EDITION.match(w.text) or YEAR.match(w.text))


def _quote_open(ws: list[Word], j: int, close: str, open_: str) -> int | None:
    """Index of the word that opens the quote or bracket closed by word j-1."""
    k = j - 2
    while k >= 0 and j - 1 - k <= 12:
        if ws[k].text == open_:
            return k
        if ws[k].text in ("。", "，", "；", "\n", close):
            return None
        k -= 1
    return None


def reach_left(ws: list[Word], head: Head, places: dict[int, spans.Mention]) -> Reach:
    """Walk back from the head's word while the words can belong to a name."""
    i = head.first
    reach = Reach(start=ws[i].idx)
    if ws[i].tag_ in FUNCTION_TAGS and ws[i].idx < head.start:
        reach.start = _start_in_word(ws[i], head.start)  # 将会同市财政局 (one segmenter "verb"): 市财政局
        return reach
    loose = head.label != "ORG"  # only bodies keep 和/与 inside their names
    j = i
    while j > 0:
        prev = ws[j - 1]
        if head.end - prev.idx > MAX_LEN[head.label]:
            break
        if prev.text in ("”", "’", "）", ")"):
            opening = {"”": "“", "’": "‘", "）": "（", ")": "("}[prev.text]
            k = _quote_open(ws, j, prev.text, opening)
            if k is None or k == j - 2 or prev.text == "）" and any(w.text == "、" for w in ws[k:j]):
                break  # 县（市、区）政府: a list of kinds, not a second name
            if prev.text in "）)" and (BYLINE_WORDS.search("".join(w.text for w in ws[k:j])) or ws[j - 1].idx - ws[k].idx > 14):
                break  # （甲日报记者 乙）市经信厅: a byline in brackets ends the name before it
            j, reach.modifiers = k, reach.modifiers + 1
            continue
        if prev.text in word_set("referring_places"):
            j -= 1  # 该镇党委: the resolver names the town
            break
        if COUNT.match(prev.text):
            reach.counted, reach.count_word = True, j - 1
            break
        if prev.text in ("等", "等等"):
            break
        if SUPERLATIVE.match(prev.text):
            reach.superlative = True
            break
        if reach.level and _smaller_place(prev, ws[j].text, places):
            break  # 实现了东昌府区省级新型研发机构零的突破: the district holds the honour
        if _level(prev, places) or _marker(prev):
            reach.level = reach.level or _level(prev, places)
            if _marker(prev):
                reach.marker = True
                if EDITION.match(prev.text) or YEAR.match(prev.text):
                    reach.dropped.append((prev.idx, prev.idx + len(prev.text)))
            j, reach.modifiers = j - 1, reach.modifiers + 1
            continue
        if reach.level and head.label != "PROGRAM" and prev.tag_ != "LOC" and prev.idx not in places:
            break  # 甲公司拟认定为省级绿色工厂: a level opens the name; only its region or year goes before it
        if not loose and prev.text in ("和", "与"):
            j = _joined_name(ws, j)
            break
        if not loose and prev.text[-1:] in ("和", "与") and _place_led_fragment(prev, prev.text[:-1]):
            j -= 1  # 甲市经济和 | 信息化局: the segmenter glued 和 to the first half of the name
            break
        if not loose and prev.tag_ == "v" and j >= 2 and ws[j - 2].text in ("市", "省", "县", "区"):
            j -= 2  # 市促进非公有制经济发展工作领导小组办公室
            break
        if not _takes(ws, j, head.label):
            break
        j, reach.modifiers = j - 1, reach.modifiers + 1
    reach.start = ws[j].idx
    reach.awarded = j > 0 and ws[j - 1].text in word_set("award_verbs")
    reach.local = any(w.tag_ == "LOC" and w.idx not in places for w in ws[j:i]) or any(
        reach.start <= m.start and m.end <= head.start and m.attrs.get("level") != "province" for m in places.values())
    return reach


FUNCTION_TAGS = {"v", "p", "d", "u", "r", "ad"}
BYLINE_WORDS = re.compile(r"记者|通讯员|摄影|编辑|报道")


def _start_in_word(w: Word, head_start: int) -> int:
    """Where a name starts inside a segmenter word that is not a name: after the
    last word of name_left_stops in it."""
    prefix = w.text[: head_start - w.idx]
    cut = 0
    for stop in words("name_left_stops"):
        found = prefix.rfind(stop)
        if found >= 0:
            cut = max(cut, found + len(stop))
    return w.idx + cut


def _joined_name(ws: list[Word], j: int) -> int:
    """江苏省文化和旅游厅, 市环境信息与监控中心: 和/与 stay inside a body's name
    when what comes before them starts with a place or an administrative prefix;
    otherwise (东昌湖和景阳冈景区) the name starts after them."""
    if ws[j].text.startswith(words("admin_prefixes")) or ws[j].tag_ in ("LOC", "ORG"):
        return j  # 甲省工商联和省X研究院, 甲区与乙化工有限公司: two parties, each named whole
    k = j - 1
    while k > 0 and ws[k - 1].tag_ in NAME_TAGS and ws[k - 1].text not in word_set("name_stop_words"):
        k -= 1
    if k < j - 1 and (ws[k].text.startswith(words("admin_prefixes")) or ws[k].tag_ == "LOC" or _place_led_fragment(ws[k])):
        return k
    return j


def _place_led_fragment(w: Word, text: str | None = None) -> bool:
    """甲市工业 | 和 | 信息化局: a segmenter ORG that is a division plus a field, not a whole name."""
    text = w.text if text is None else text
    if w.tag_ != "ORG" or ending(text, "org_heads"):
        return False
    gazetteer = load_gazetteer()
    return any(text[:n][-1] in "省市县区" and text[:n] in gazetteer for n in range(2, min(6, len(text))))


def _takes(ws: list[Word], j: int, label: str) -> bool:
    """Can the word before word j belong to a name with a head of this type?
    Bodies and places take nouns and names (and 六十二 of 六十二烈士墓); plans and
    honours also take verbs (城市更新三年行动) up to a word of name_left_stops."""
    prev = ws[j - 1]
    if prev.tag_ == "m" or prev.tag_ == "TIME" and re.search(r"[0-9月日号时]", prev.text) and not YEAR.match(prev.text):
        return prev.tag_ == "m" and all(c in CHINESE_NUMERALS for c in prev.text)
    if label in ("ORG", "PLACE"):
        if prev.text in word_set("name_stop_words") or len(prev.text) > 1 and prev.text[-1] in "和与及":
            return False  # 党员联系户制度 is a plan's name; 党员 before a body is not; 甲工商联和 | 乙院
        if prev.text in "市县区省" and j >= 2 and ws[j - 2].text in ("我", "本", "全"):
            return False  # 我 | 市 | 甲乙集团: the 市 of 我市
        if prev.tag_ in NAME_TAGS:
            return True
        # 智造科技产业园 (智/v 造/v), not 进入X市场
        return label == "PLACE" and prev.tag_ == "v" and len(prev.text) == 1 and prev.text not in word_set("name_left_stops")
    if prev.text in word_set("name_left_stops") and not (label == "PROGRAM" and prev.text in word_set("program_verbs")):
        return False
    if prev.text in word_set("award_verbs") or label in ("HONOR", "KIND") and (
            prev.tag_ == "ORG" or prev.text in word_set("honor_breaking_verbs")):
        return False  # 工业和信息化部 | 制造业单项冠军示范企业: the body gives the honour
    return prev.tag_ in LOOSE_TAGS  # 现代/TIME 服务业培育工程; dates are in name_left_stops or have digits



def label_of(head: Head, reach: Reach, name: str) -> str | None:
    """The type of a compound: its head's, unless a level or a marker makes a
    park, centre or plan an honour (省级工业设计中心, 十佳园区, 乙省特色产业集群).
    A region alone makes only a park or cluster an honour, and only when no
    smaller place names it (乙省X市工业园区 is a park)."""
    if head.label == "HONOR":
        return "HONOR"
    if head.label == "KIND":  # 工作站, 高新技术企业: an honour with a level or after an award verb, else a kind
        return "HONOR" if reach.level or reach.marker or reach.awarded else None
    strict = bool(STRICT_LEVEL.search(name[: head.start - reach.start]))
    if head.label == "PROGRAM":  # 甲市重点建设项目 is a list; 先进制造业提升工程 a plan
        return "HONOR" if strict or "重点" in name[: head.start - reach.start] and (reach.level or reach.local) else head.label
    if head.label == "ORG":
        return "HONOR" if strict else head.label
    if strict or reach.marker or reach.level and not reach.local and not name.endswith(ZONE_HEADS):
        return "HONOR"  # 乙省特色产业集群 is a list; 甲省石花经济开发区 a zone
    if name.startswith(("国家", "全国")) and head.start - reach.start >= 2:
        return "HONOR"  # 升级为国家高新技术产业开发区: no place names it, the state grants it
    return head.label


ZONE_HEADS = ("开发区", "高新区", "新区", "工业园", "工业园区", "产业园")  # a province names the zone, not a list
STRICT_LEVEL = re.compile(r"(?:国家|[国省市县区镇村部])级")




QUOTED = re.compile(r"“[^“”]*”")


def _well_formed(name: str, head_text: str, label: str, first: Word, at_division: bool, awarded: bool = False) -> bool:
    if len(name) <= len(head_text) and not (awarded and label == "HONOR" and len(name) >= 4):
        return False  # a bare head names a kind, unless it is given (被认定为高新技术企业)
    if len(name) > MAX_LEN[label] or len(name) > MAX_LEN[label] or SYMBOLS.search(QUOTED.sub("", name)):
        return False  # “党支部+合作社+农户”: a formula, not a name (“2+2”战略 is a name)
    if head_text in word_set("short_org_heads") and label == "ORG":
        # 局, 委: only after a division, an administrative prefix or a segmenter name
        return at_division or name.startswith(words("admin_prefixes")) or first.tag_ in ("LOC", "ORG")
    return True


def _canonical(text: str, start: int, end: int, dropped: list) -> str | None:
    """2023年度乙省十佳X园区 -> 乙省十佳X园区: years and batches date the list, they do not name it."""
    if not dropped:
        return None
    out, pos = [], start
    for s, e in sorted(dropped):
        out.append(text[pos:s])
        pos = e
    out.append(text[pos:end])
    return "".join(out)


def _list_items(ws: list[Word], j: int) -> list[tuple[int, int]]:
    """甲县板材、乙县果蔬、丙县纺机 | 三个省级集群: the items listed before word j."""
    items, end = [], j
    k = j
    while k > 0:
        start = k
        while start > 0 and ws[start - 1].tag_ in LOOSE_TAGS and ws[start - 1].text not in word_set("name_left_stops") \
                and ws[start - 1].text not in ("、", "和", "及"):
            start -= 1
        if start == k:
            break
        items.append((ws[start].idx, ws[end - 1].idx + len(ws[end - 1].text)))
        if start == 0 or ws[start - 1].text not in ("、", "和", "及"):
            break
        k = end = start - 1
    return items[::-1] if len(items) >= 2 else []


def _shared_head(doc: Doc, ws: list[Word], head: Head, reach: Reach, text: str) -> None:
    """培育了甲县板材、乙县果蔬、丙县纺机三个省级集群: three clusters, each named by
    its item and the shared head (the mention is the item, the canonical adds the head)."""
    head_text = text[head.start : head.end]
    label = "PLACE" if head.label == "HONOR" else head.label
    for start, end in _list_items(ws, reach.count_word):
        spans.add(doc, start, end, label, "compound", canonical=text[start:end] + head_text)


def _division_start(start: int, head_start: int, places: dict[int, spans.Mention]) -> int:
    """A government body's name starts with its divisions: 宜都市委 in a slogan
    line (…力量宜都市委), not the words before the chain of divisions."""
    inside = sorted((m for m in places.values() if start < m.start and m.end <= head_start), key=lambda m: m.start)
    if not inside or any(m.start == start for m in places.values()):
        return start
    chain = inside[-1]
    by_end = {m.end: m for m in places.values()}
    while chain.start in by_end and by_end[chain.start].start >= start:
        chain = by_end[chain.start]
    return chain.start


def _past_divisions(start: int, end: int, places: dict[int, spans.Mention]) -> int:
    """河北省保定市徐水经济开发区, 海门区四甲镇X基地: a chain of divisions written in
    full before a park or site is an address, not part of its name; each stays a
    place of its own. One division before it is part of the name (甲县竹木制品
    特色产业集群), and so is a short name (徐水经济开发区)."""
    chain = start
    while (division := places.get(chain)) is not None and division.end < end - 3 \
            and division.text.endswith(words("division_suffixes")) and division.text == division.canonical:
        chain = division.end
    divisions = 0
    at = start
    while at < chain:
        at, divisions = places[at].end, divisions + 1
    return chain if divisions >= 2 else start


def _past_address(text: str, start: int, head_start: int, places: dict[int, spans.Mention]) -> int:
    """甲市乙省丙丁数控技术有限公司: a city or county written before a firm's
    registered name that opens with a province is the firm's address."""
    first = places.get(start)
    if first is None or first.attrs.get("level") == "province" or head_start - first.end < 4:
        return start
    gazetteer = load_gazetteer()
    for length in (3, 2):
        name = text[first.end : first.end + length]
        if any(d.level == "province" and name in (d.name, d.short) for d in gazetteer.lookup(name)):
            return first.end
    return start


def compound_names(doc: Doc) -> Doc:
    ws = spans.words_of(doc)
    text = spans.text_of(doc)
    places = {m.start: m for m in spans.mentions(doc) if m.label == "PLACE" and m.rule.division}
    # 海门区四甲镇: a division the gazetteer lacks (renamed, or below a county) still
    # addresses what follows when the segmenter found it whole
    divisions = dict(places)
    for m in spans.mentions(doc):
        if m.label == "PLACE" and m.guess and m.text.endswith(words("division_suffixes")) \
                and (m.start not in divisions or divisions[m.start].end < m.end):
            divisions[m.start] = m
    starts = [w.idx for w in ws]
    for head in find_heads(ws, text):
        reach = reach_left(ws, head, places)
        if reach.superlative:
            continue  # 规模最大的物流中心: a description, not a name
        name, head_text = text[reach.start : head.end], text[head.start : head.end]
        if reach.counted and len(name) - len(head_text) <= 3:
            _shared_head(doc, ws, head, reach, text)
            continue
        label = label_of(head, reach, name)
        if label == "ORG" and ending(head_text, "government_heads") and not name.startswith(words("admin_prefixes")):
            reach.start = _division_start(reach.start, head.start, places)
            name = text[reach.start : head.end]
        if label == "PLACE":
            reach.start = _past_divisions(reach.start, head.end, divisions)
            name = text[reach.start : head.end]
        if label == "ORG" and ending(head_text, "firm_endings"):
            address = _past_address(text, reach.start, head.start, places)
            if address != reach.start:  # the segmenter's word ran the address into the name
                spans.remove(doc, [m for m in spans.mentions(doc) if m.label == "ORG" and m.guess
                                   and m.start == reach.start and m.end == head.end])
            reach.start = address
            name = text[reach.start : head.end]
        first = ws[bisect.bisect_right(starts, reach.start) - 1]
        if label and _well_formed(name, head_text, label, first, reach.start in places, reach.awarded):
            spans.add(doc, reach.start, head.end, label, "compound",
                      canonical=_canonical(text, reach.start, head.end, reach.dropped))
    return doc
