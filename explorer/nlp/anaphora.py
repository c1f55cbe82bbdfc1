"""Names that point back: anaphora (该局, 公司, 合作社, 园区, 管委会) and one
honour named with and without its level.

News writing names a body once in full and then refers to it as 该局, or,
at the start of a clause, as 公司/企业/合作社/园区; a feature paragraph is
about the firm it opens with. These mentions carry the antecedent's
canonical name, so relations read from them (公司总经理X, 园区内的Y) land on
the right entity, and the annotation's aliases (合作社, 园区, 该局) are found.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from explorer.nlp import spans
from explorer.nlp.lexicon import words
from explorer.nlp.spans import Mention

COMPANY_ENDINGS = words("company_endings")  # imported by resolve and relations


def merge_honour_levels(doc: Doc) -> None:
    """专精特新“小巨人”企业 beside 国家级专精特新“小巨人”企业 in one article is that list."""
    honours = [m for m in spans.mentions(doc) if m.label == "HONOR"]
    canonicals = {m.canonical for m in honours}
    for m in honours:
        longer = {c for c in canonicals if c != m.canonical and c.endswith(m.canonical)
                  and HONOUR_LEVEL.fullmatch(c[: -len(m.canonical)])}
        if len(longer) == 1:
            m.canonical = longer.pop()


HONOUR_LEVEL = re.compile(r"国家级|国家|省级|市级|县级|[\u4e00-\u9fff]{1,7}?[省市](?:级)?")
ANAPHORA = re.compile(
    r"该(局|委|院|公司|企业|合作社|园区|中心|学校|行)(?![业动为])"
    r"|(?:(?<=^)|(?<=[。，；：！？”“、\n])|(?<=[兼担出]任))(公司|企业|合作社|园区|景区|管委会|学校)(?=[\u4e00-\u9fff])"
)


def _antecedent(noun: str, candidates: list[Mention]) -> Mention | None:
    for m in reversed(candidates):
        if noun in ("公司", "企业"):
            if m.label == "ORG" and (m.canonical.endswith(COMPANY_ENDINGS)):
                return m
        elif noun == "行":  # 该行: the bank just named
            if m.label == "ORG" and re.search(r"银行(?:股份有限公司|有限责任公司|有限公司)?$", m.canonical):
                return m
        elif noun == "景区":
            if m.label == "PLACE" and m.canonical.endswith("景区"):
                return m
        elif noun == "园区":
            if m.label == "PLACE" and m.canonical.endswith(("园", "园区", "基地")):
                return m
        elif m.label == "ORG" and m.canonical.endswith(noun):
            return m
    return None


def anaphora(doc: Doc) -> None:
    """该局, 公司总经理…, 合作社成立于…, 园区内的…: the organisation or park just named;
    管委会 -> the zone's 管理委员会."""
    text = spans.text_of(doc)
    records = sorted(spans.mentions(doc), key=lambda m: m.start)
    for match in ANAPHORA.finditer(text):
        noun = match.group(1) or match.group(2)
        if spans.overlapping(doc, match.start(), match.end()):
            continue
        before = [m for m in records if m.end <= match.start() and not m.refers]
        if noun == "管委会":
            zones = [m for m in before if m.label == "PLACE" and m.attrs.get("level") == "zone"]
            if zones:
                spans.add(doc, match.start(), match.end(), "ORG", "anaphora", canonical=zones[-1].canonical + "管理委员会")
            continue
        paragraph = text.rfind("\n", 0, match.start()) + 1
        found = None
        if noun in ("公司", "企业"):  # a feature's paragraph is about the firm it opens with
            found = _antecedent(noun, [m for m in before if m.start >= paragraph][:1])
        found = found or _antecedent(noun, before)
        if found is not None:
            spans.add(doc, match.start(), match.end(), found.label, "anaphora", canonical=found.canonical,
                      **found.attrs)


OWN_BODY = re.compile(r"(?:(?<=^)|(?<=[。，；：！？”“、\n在]))(村|公司|社区)(党支部|党总支|党委|村委会|居委会|工会|团委)")


def own_bodies(doc: Doc) -> None:
    """村党支部书记X in a village story, 公司党委 in a firm's: the body of the village,
    community or firm just named (前屯村党支部, 〈firm〉党委)."""
    text = spans.text_of(doc)
    records = sorted(spans.mentions(doc), key=lambda m: m.start)
    for match in OWN_BODY.finditer(text):
        owner = match.group(1)
        before = [m for m in records if m.end <= match.start() and not m.refers]
        if owner == "公司":
            found = _antecedent("公司", before)
        else:
            found = next((m for m in reversed(before) if m.label == "PLACE" and m.canonical.endswith(owner)), None)
        if found is None:
            continue
        spans.remove(doc, spans.overlapping(doc, match.start(), match.end(), {"ORG"}))
        spans.add(doc, match.start(), match.end(), "ORG", "anaphora", canonical=found.canonical + match.group(2))
