"""The compound-name component and the organisation names it cannot grow.

`compound_names` runs the grammar of compounds.py over the segmenter's
words; two organisation patterns have no head to grow from: a committee's
department named bare in a title chain (市委常委、组织部部长X), and a quoted
name that ends in a type word (“服务商联盟”).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from explorer.core.gazetteer import load_gazetteer
from explorer.nlp import spans
from explorer.nlp.compounds import compound_names
from explorer.nlp.lexicon import configure, derived, pattern


@derived
def _department_in_chain() -> re.Pattern:
    return re.compile(f"(?<=、)({pattern('party_departments')})(?=(?:常务)?副?(?:部长|书记))")


def departments_in_chains(doc: Doc) -> None:
    """市委常委、组织部部长X: the department of the committee just named."""
    for match in _department_in_chain().finditer(spans.text_of(doc)):
        if not spans.overlapping(doc, match.start(1), match.end(1)):
            spans.add(doc, match.start(1), match.end(1), "ORG", "org_extender")


@derived
def _quoted_name() -> re.Pattern:
    return re.compile(f"“([^“”\\n]{{2,20}}?(?:{pattern('org_heads')}))”")


def quoted_names(doc: Doc) -> None:
    """“服务商联盟”: a quoted phrase that ends in a type word is a name."""
    for match in _quoted_name().finditer(spans.text_of(doc)):
        spans.add(doc, match.start(1), match.end(1), "ORG", "org_extender")


@Language.factory("compound_names", assigns=["doc._.mentions"], requires=["token.tag", "doc._.mentions"],
                  default_config={"lexicon": {}})
def make_compound_names(nlp: Language, name: str, lexicon: dict[str, str]):
    configure(lexicon)
    return find_compounds


@derived
def _dateline_paper() -> re.Pattern:
    # 佛山日报讯, 浙江在线2月15日讯, 东南网5月20日报道, 温度新闻 记者X
    return re.compile(f"(?:{pattern('paper_heads')})(?=(?:[0-9]{{1,2}}月[0-9]{{1,2}}日)?(?:讯|电|报道|消息)|\\s?(?:全媒体)?记者)")


def _paper_start(text: str, head_start: int) -> int:
    """Where the paper's name begins: after a non-Han character, else at a division's
    name (佛山日报, even glued to a headline before it), else two characters back."""
    run = head_start
    while run > 0 and head_start - run < 6 and "\u4e00" <= text[run - 1] <= "\u9fff":
        run -= 1
    if head_start - run < 6:
        return run
    gazetteer = load_gazetteer()
    for length in (4, 3, 2):
        name = text[head_start - length : head_start]
        if name in gazetteer:
            return head_start - length
    return head_start - 2


def dateline_papers(doc: Doc) -> None:
    """佛山日报讯 记者X: the paper of a dateline is an organisation (not 佛山日报讯)."""
    text = spans.text_of(doc)
    for match in _dateline_paper().finditer(text):
        start, end = _paper_start(text, match.start()), match.end()
        if end - start < 3 or text[start:end].startswith("本报"):
            continue
        spans.remove(doc, [m for m in spans.overlapping(doc, start, end, {"ORG", "PLACE"}) if m.end > end or m.start < start])
        spans.add(doc, start, end, "ORG", "org_extender")


def find_compounds(doc: Doc) -> Doc:
    compound_names(doc)
    departments_in_chains(doc)
    quoted_names(doc)
    dateline_papers(doc)
    return doc
