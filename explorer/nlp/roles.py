"""Role titles: 〈organisation〉〈title〉、〈title〉〈person〉.

Chinese news names a person after their organisation and titles with no
separator (市工信局党组成员、副局长吴明启). Walking back from each person
over titles (with prefixes such as 副, 第一任, 业务) to the organisation
gives role_at facts; a 、 before the organisation continues the chain
(张庄联合村党委书记、农业社会化服务中心负责人王玉宝: two roles).
"""

from __future__ import annotations

import functools
import re

from spacy.language import Language
from spacy.tokens import Doc

from explorer.nlp import spans
from explorer.nlp.lexicon import alternation, words
from explorer.nlp.spans import Mention

if not Doc.has_extension("roles"):
    Doc.set_extension("roles", default=None)


@functools.lru_cache(maxsize=1)
def title_at_end() -> re.Pattern:
    core = alternation(words("titles.txt"))
    return re.compile(f"(?:副|常务|执行|第[一二三四五六七八九十]+任|首任|原|前|业务|行政|技术|财务|销售|项目)?(?:{core})")


def _title_starts(text: str, pos: int) -> list[int]:
    """Starts s with text[s:pos] a title, shortest title first."""
    pattern = title_at_end()
    return [s for s in range(pos - 1, max(-1, pos - 12), -1) if pattern.fullmatch(text, s, pos)]


def _org_ending_at(doc: Doc, end: int, labels=("ORG", "PLACE")) -> Mention | None:
    best = None
    for mention in spans.mentions(doc):
        if mention.end == end and mention.label in labels:
            if mention.label == "PLACE" and mention.attrs.get("code"):
                continue  # an administrative division is not an employer
            if best is None or mention.start < best.start:
                best = mention
    return best


def _body_of_committee(doc: Doc, org: Mention) -> Mention | None:
    """The body whose own party committee or group this is (市公安局 of 市公安局党委)."""
    for tail in ("党委", "党组", "党总支", "党支部"):
        if org.text.endswith(tail) and len(org.text) > len(tail) + 1:
            for m in spans.mentions(doc):
                if m.label == "ORG" and m.start == org.start and m.end == org.end - len(tail):
                    return m
            return _short_body(doc, org, org.text[: -len(tail)])
    return None


def _short_body(doc: Doc, org: Mention, name: str) -> Mention | None:
    """江苏恒宇党委书记、董事长: 江苏恒宇 is the firm named in full earlier (its own
    party committee is not the employer); the committee mention gives way to it."""
    firms = [m for m in spans.mentions(doc) if m.label == "ORG" and m is not org and m.start < org.start
             and (m.text == name or m.canonical == name or len(name) >= 4 and name in m.canonical
                  or len(name) >= 4 and m.canonical.startswith(name[:2]) and name[2:] in m.canonical)]
    if not firms or not org.text.endswith("党委"):
        return None
    spans.remove(doc, [org])
    return spans.add(doc, org.start, org.start + len(name), "ORG", "anaphora", canonical=firms[-1].canonical)


UNNAMED_BODY = re.compile(r"(?:居委会|居委|村委会|村委|管委会)$")


def roles_before(doc: Doc, person: Mention) -> list[dict]:
    text = spans.text_of(doc)
    found = []
    pos = person.start
    titles: list[str] = []
    while pos > 0:
        starts = _title_starts(text, pos)
        if not starts:
            break
        org = None
        for labels in (("ORG",), ("PLACE",)):
            chosen = next((s for s in starts if _org_ending_at(doc, s, labels)), None)
            if chosen is not None:
                org = _org_ending_at(doc, chosen, labels)
                break
        chosen = chosen if org is not None else starts[-1]
        unnamed = UNNAMED_BODY.search(text, max(0, chosen - 4), chosen) if org is None else None
        if unnamed is not None and unnamed.start() > 0 and text[unnamed.start() - 1] == "、":
            titles, pos = [], unnamed.start() - 1  # X党委书记、居委会主任Y: the unnamed committee gets no role
            continue
        titles.insert(0, text[chosen:pos])
        pos = chosen
        if org is not None:
            body = _body_of_committee(doc, org)
            if body is not None:  # 市公安局党委书记、局长: the roles are at 市公安局
                titles[0] = org.text[len(body.text):] + titles[0]
                if body.start == org.start and org in spans.mentions(doc):
                    spans.remove(doc, [org])  # the committee is a title here, not a second body
                org = body
            found.append({"org_start": org.start, "org_end": org.end, "role": "、".join(titles), "start": org.start})
            titles = []
            pos = org.start
            if pos > 0 and text[pos - 1] == "、":
                pos -= 1
                continue
            break
        if pos > 0 and text[pos - 1] == "、":
            pos -= 1
            continue
    return found


APPOINTED = re.compile(r"(?:同志)?(?:任|担任|出任|兼任|转任|改任|拟任)")


def roles_after(doc: Doc, person: Mention) -> list[dict]:
    """张立群同志任聊城高新区党工委书记: an appointment names the body and title after the person."""
    text = spans.text_of(doc)
    verb = APPOINTED.match(text, person.end)
    if verb is None:
        return []
    found, pos = [], verb.end()
    while True:
        orgs = [m for m in spans.mentions(doc) if m.start == pos and m.label == "ORG"]
        if not orgs:
            break
        org = max(orgs, key=lambda m: m.end)
        title = title_at_end().match(text, org.end)
        if title is None:
            break
        found.append({"org_start": org.start, "org_end": org.end, "role": title.group(), "start": person.start})
        pos = title.end()
        if text[pos : pos + 1] != "、":
            break
        pos += 1
    return found


@Language.factory("role_titles", assigns=["doc._.roles"], requires=["doc._.mentions"])
def make_role_titles(nlp: Language, name: str):
    return role_titles


def role_titles(doc: Doc) -> Doc:
    records = []
    for person in spans.mentions(doc):
        if person.label != "PERSON":
            continue
        roles = roles_before(doc, person) + roles_after(doc, person)
        if not roles:
            roles = same_body_as_before(doc, person, records)
        for role in roles:
            role.update(person_start=person.start, person_end=person.end, end=person.end)
            records.append(role)
    doc._.roles = records
    return doc


RANK = re.compile(r"^(?:副|常务副|常务|执行)")


def same_body_as_before(doc: Doc, person: Mention, records: list[dict]) -> list[dict]:
    """院长陈某讲话，副院长周某通报: a bare title after a clause separator is at the body of
    the same title just named in the sentence (局长 → 副局长, 院长 → 副院长)."""
    text = spans.text_of(doc)
    starts = [s for s in _title_starts(text, person.start) if s == 0 or text[s - 1] in "，、；：。\n"]
    if not starts:
        return []
    title = text[starts[-1] : person.start]
    if RANK.sub("", title) in ("省长", "市长", "县长", "区长", "镇长", "乡长"):
        return []  # 县委副书记、县长A …，副县长B: B is at the government, which is not named
    sentence_start = max(text.rfind(c, 0, starts[-1]) for c in "。！？\n") + 1
    for record in reversed(records):
        if record["person_end"] < sentence_start:
            break
        last = record["role"].split("、")[-1]
        if RANK.sub("", last) == RANK.sub("", title):
            return [{"org_start": record["org_start"], "org_end": record["org_end"], "role": title, "start": starts[-1]}]
    return []
