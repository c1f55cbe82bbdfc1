"""Trimming of names that took a neighbouring word along.

The segmenter and the extender sometimes glue a word to a name: the 市 of
我市, a verb (…主办), a title (甲市委书记), a character before a county
(成/立冠县…), a role noun ending in 方 (承建方X公司, 景区运营方X公司), or a
second body joined by 联合/会同 (市中院联合市检察院). Each trim keeps
offsets consistent with the article text.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from explorer.core.gazetteer import load_gazetteer
from explorer.nlp import spans
from explorer.nlp.lexicon import derived, pattern, words
from explorer.nlp.spans import GROWN

LEADING_VERBS = ("既有", "也有", "还有", "已有", "拥有", "共有", "包括", "含", "以引入", "引入", "入驻", "据")


def _trim_deixis(doc: Doc) -> None:
    """我市甲乙化工集团…, 我市中天科技集团: 我市 is not part of the company's name."""
    text = spans.text_of(doc)
    for m in spans.mentions(doc):
        if m.label not in ("ORG", "PLACE"):
            continue
        lead = next((w for w in words("deixis") if m.text.startswith(w) and len(m.text) - len(w) >= 3), None)
        if lead is None and m.text.startswith("市") and m.start > 0 and text[m.start - 1] in "我本全" \
                and m.text.endswith(words("company_endings")) and len(m.text) > 4:
            lead = "市"  # the segmenter split 我 | 市甲乙集团
        if lead:
            m.start += len(lead)
            m.text = m.canonical = text[m.start : m.end]
        if m.guess and len(m.text) > 3 and m.text[-1] in "和与及等":
            m.end -= 1  # 甲省工商联和 | 乙院, 甲乙记等: the segmenter took the conjunction along
            m.text = m.canonical = text[m.start : m.end]
        lead = next((w for w in LEADING_VERBS if m.text.startswith(w)), None) if m.rank <= GROWN else None
        if lead and len(m.text) - len(lead) >= 3:
            m.start += len(lead)  # 既有甲乙集团, 含甲市高新区: a verb the segmenter glued on
            m.text = m.canonical = text[m.start : m.end]


def _trim_verb_char(doc: Doc) -> None:
    """成立冠县X合作社 read as 成/立冠县…: a name does not start one character before a county."""
    gazetteer = load_gazetteer()
    text = spans.text_of(doc)
    for m in spans.mentions(doc):
        if m.label not in ("ORG", "PLACE") or m.rank > GROWN or len(m.text) < 5:
            continue
        for length in (2, 3, 4):
            name = m.text[1 : 1 + length]
            if name[-1:] in "县市区省" and any(d.name == name and d.level in ("county", "county_city", "district", "city", "province")
                                                for d in gazetteer.lookup(name)) and m.text[: 1 + length] not in gazetteer:
                m.start += 1
                m.text = text[m.start : m.end]
                m.canonical = m.canonical[1:] if m.canonical != m.text else m.text
                break




def _trim_titles(doc: Doc) -> None:
    """甲市委书记 read as one place: the title is not part of the name."""
    text = spans.text_of(doc)
    titles = words("titles.txt")
    for m in spans.mentions(doc):
        if not m.guess or m.label not in ("PLACE", "ORG") or not m.text.endswith(titles):
            continue
        title = next(t for t in titles if m.text.endswith(t))
        rest = m.text[: -len(title)]
        if len(rest) >= 3 and rest.endswith(words("org_heads")):
            m.end -= len(title)
            m.text = m.canonical = text[m.start : m.end]
            m.label = "ORG"


def _trim_verb_tail(doc: Doc) -> None:
    """新加坡媒体发展管理局主办: the segmenter took the verb into the name."""
    text = spans.text_of(doc)
    for m in spans.mentions(doc):
        if m.guess and m.label == "ORG" and m.text.endswith(words("verb_tails")) \
                and m.text[:-2].endswith(words("org_heads")):
            m.end -= 2
            m.text = m.canonical = text[m.start : m.end]


@derived
def _role_noun() -> re.Pattern:
    return re.compile(f"^[\u4e00-\u9fff]{{0,3}}?(?:{pattern('party_roles')})方")


@derived
def _joined() -> re.Pattern:
    return re.compile(pattern("joining_words"))


def _trim_role_noun(doc: Doc) -> None:
    """承建方乙省X有限公司: the party's role is not part of its name."""
    text = spans.text_of(doc)
    for m in spans.mentions(doc):
        found = _role_noun().match(m.text) if m.label in ("ORG", "PLACE") else None
        if found and len(m.text) - found.end() >= 4:
            m.start += found.end()
            m.text = text[m.start : m.end]
            m.canonical = m.text


def _joint(text: str) -> tuple[int, int] | None:
    """Where two bodies meet in one segmenter name: 联合/会同/与/和 after the first body's
    type word, nothing at all before a second 市/县/区/省 body (市委市政府), or a
    complete name run into the next one (甲有限公司乙有限公司, 甲市人民政府乙县人民政府:
    a table's cells)."""
    heads = words("org_heads")
    joint = _joined().search(text)
    if joint is not None and text[: joint.start()].endswith(heads) and len(text) - joint.end() >= 3:
        return joint.start(), joint.end()
    complete = words("complete_name_endings")
    if text.endswith(complete):
        for ending in complete:
            found = text.find(ending)
            if found >= 2 and len(text) - (found + len(ending)) >= 6:
                return found + len(ending), found + len(ending)
    for cut in range(2, len(text) - 2):
        if text[cut] in "市县区省" and text[:cut].endswith(heads) and text[cut:].endswith(heads) and len(text) - cut >= 3:
            return cut, cut
    return None


def _split_joined(doc: Doc) -> None:
    """市中院联合市检察院, 市委市政府: two bodies in one name are two names."""
    pending = list(spans.mentions(doc))
    while pending:
        m = pending.pop()
        if m.label != "ORG" or m.rank > GROWN:
            continue
        joint = _joint(m.text)
        if joint is None:
            continue
        spans.remove(doc, [m])
        for part in (spans.add(doc, m.start, m.start + joint[0], "ORG", m.source),
                     spans.add(doc, m.start + joint[1], m.end, "ORG", m.source)):
            if part is not None:
                pending.append(part)  # five cells run together split one by one


LEADING_JOIN = re.compile(r"^(?:联合|会同|协同|携手)(?=[市县区省])")
DATELINE = re.compile(r"本报([\u4e00-\u9fff]{2,4})讯")


def _trim_joins_and_datelines(doc: Doc) -> None:
    """该局联合县生态环境分局: 联合 is not part of the body (nor 联合县 a place);
    本报东阿讯: a dateline's place short form is not a body."""
    text = spans.text_of(doc)
    datelines = [m.span() for m in DATELINE.finditer(text)]
    doomed = []
    for m in spans.mentions(doc):
        found = LEADING_JOIN.match(m.text) if m.label in ("ORG", "PLACE") else None
        if found and m.label == "PLACE" and m.guess:
            doomed.append(m)
        elif found and len(m.text) - found.end() >= 3:
            m.start += found.end()
            m.text = m.canonical = text[m.start : m.end]
        elif m.label == "ORG" and any(s <= m.start and m.end <= e for s, e in datelines) and m.text.endswith("讯"):
            doomed.append(m)
    spans.remove(doc, doomed)


def _join_prefixed_sites(doc: Doc) -> None:
    """临清 + 运河钞关, 中国 + 大运河: a site the segmenter split from the county or
    country that starts its name is one place (临清运河钞关, as 临清市中洲运河古城景区)."""
    text = spans.text_of(doc)
    records = spans.mentions(doc)
    for m in list(records):
        if m.label != "PLACE" or not m.guess or m.attrs.get("code") or len(m.text) < 3 \
                or m.text.endswith(words("division_suffixes")):
            continue  # 甲区 + 乙村 is a chain of divisions, not one site
        prefix = [o for o in records if o.label == "PLACE" and o.end == m.start and (
            o.text == "中国" or o.attrs.get("level") in ("county", "county_city", "district", "city"))]
        if prefix and not text.startswith(("的", "和", "与"), m.start):
            spans.add(doc, prefix[0].start, m.end, "PLACE", "lac")
            spans.remove(doc, [m])


def _cut_place_before_quote(doc: Doc) -> None:
    """温州“制造业发展双轮驱动”战略, 省委“两创”总战略: a programme whose name opens on a
    quote starts there; the place or body written before it is who carries it
    out or issues it, a name of its own. Projects keep the place they are built in."""
    text = spans.text_of(doc)
    records = spans.mentions(doc)
    for m in records:
        quote = m.text.find("“")
        if m.label != "PROGRAM" or quote < 2 or m.rule.project or m.text.endswith("项目"):
            continue
        cut = m.start + quote
        if any(o.start == m.start and o.end == cut and (o.label == "PLACE" or o.label == "ORG" and o.end - o.start <= 4)
               for o in records):
            m.start = cut
            m.text = m.canonical = text[m.start : m.end]


def trim_names(doc: Doc) -> None:
    _cut_place_before_quote(doc)
    _trim_joins_and_datelines(doc)
    _join_prefixed_sites(doc)
    _trim_deixis(doc)
    _trim_titles(doc)
    _trim_verb_tail(doc)
    _trim_verb_char(doc)
    _trim_role_noun(doc)
    _split_joined(doc)
