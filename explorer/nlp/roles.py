"""Role titles: 〈organisation〉〈title〉、〈title〉〈person〉.

Chinese news names a person after their organisation and titles with no
separator (市工信局党组成员、副局长吴明启). Walking back from each person
over titles (with prefixes such as 副, 第一任, 业务) to the organisation
gives role_at facts; a 、 before the organisation continues the chain
(张庄联合村党委书记、农业社会化服务中心负责人王玉宝: two roles). A bare
committee (区委书记X) is the committee of the district just named. The
chains are `Role` records (facts.py) that the relations component reads.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from explorer.nlp import bodies, spans
from explorer.nlp.facts import Role
from explorer.nlp.lexicon import alternation, configure, words
from explorer.nlp.spans import Mention


@functools.lru_cache(maxsize=1)
def title_at_end() -> re.Pattern:
    core = alternation(words("titles"))
    # 常务副市长, 原副主任: up to two modifiers before the title
    return re.compile(f"(?:副|常务|执行|代|首席|高级|资深|第[一二三四五六七八九十]+任|首任|原|前|业务|行政|技术|财务|销售|项目)"
                      f"{{0,2}}(?:{core})")


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
            if tail == "党组" and org.canonical.endswith(tail):  # 市政协党组书记: a state body's own party group
                body = spans.add(doc, org.start, org.end - len(tail), "ORG", org.source, canonical=org.canonical[: -len(tail)])
                if body is not None:
                    bodies.official_name(body)
                return body
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


@dataclass
class _Chain:
    """The state of a walk back from a person over titles and bodies."""

    pos: int
    titles: list[str]
    found: list[tuple[Mention, str, int]]


def _body_before(doc: Doc, starts: list[int]) -> tuple[Mention | None, int]:
    """The title start at which a named body ends (an organisation first), and the body."""
    for labels in (("ORG",), ("PLACE",)):
        chosen = next((s for s in starts if _org_ending_at(doc, s, labels)), None)
        if chosen is not None:
            return _org_ending_at(doc, chosen, labels), chosen
    return None, starts[-1]


def _zone_committee(doc: Doc, text: str, end: int) -> Mention | None:
    """新区党工委委员、管委会副主任X: the unnamed committee of the zone just named."""
    word = re.search(r"(?:管委会|党工委)$", text[max(0, end - 3) : end])
    zone = bodies.zone_before(doc, end) if word else None
    if word is None or zone is None:
        return None
    mention = spans.add(doc, end - len(word.group()), end, "ORG", "anaphora")
    if mention is not None:
        bodies.resolve_bare(doc, mention)
    return mention


def _close_chain(doc: Doc, chain: _Chain, org: Mention) -> None:
    body = _body_of_committee(doc, org)
    if body is not None:  # 市公安局党委书记、局长: the roles are at 市公安局
        chain.titles[0] = org.text[len(body.text):] + chain.titles[0]
        if body.start == org.start and org in spans.mentions(doc):
            spans.remove(doc, [org])  # the committee is a title here, not a second body
        org = body
    bodies.resolve_bare(doc, org)
    chain.found.append((org, "、".join(chain.titles), org.start))
    chain.titles = []
    chain.pos = org.start


def _step(doc: Doc, text: str, chain: _Chain) -> bool:
    """One title (and the body before it, if any) back from chain.pos; False when the chain ends."""
    starts = _title_starts(text, chain.pos)
    if not starts:
        return False
    org, chosen = _body_before(doc, starts)
    if org is None:
        org = _zone_committee(doc, text, chosen)
    unnamed = UNNAMED_BODY.search(text, max(0, chosen - 4), chosen) if org is None else None
    if unnamed is not None and unnamed.start() > 0 and text[unnamed.start() - 1] == "、":
        chain.titles, chain.pos = [], unnamed.start() - 1  # X党委书记、居委会主任Y: the unnamed committee gets no role
        return True
    chain.titles.insert(0, text[chosen : chain.pos])
    chain.pos = chosen
    if org is not None:
        _close_chain(doc, chain, org)
        if not (chain.pos > 0 and text[chain.pos - 1] == "、"):
            return False  # the chain ends at its first body
    if chain.pos > 0 and text[chain.pos - 1] == "、":
        chain.pos -= 1
    return True


def roles_before(doc: Doc, person: Mention) -> list[tuple[Mention, str, int]]:
    text = spans.text_of(doc)
    pos = person.start
    while pos > 0 and text[pos - 1] in " \u3000":  # 中心主任 李俊
        pos -= 1
    chain = _Chain(pos, [], [])
    while chain.pos > 0 and _step(doc, text, chain):
        pass
    return chain.found


def roles_in_brackets(doc: Doc, person: Mention) -> list[tuple[Mention, str, int]]:
    """温云强（长卿镇党委书记）: the title and body in brackets after the name."""
    text = spans.text_of(doc)
    inside = re.match(r"[（(]([^（）()]{3,30})[）)]", text[person.end : person.end + 32])
    if inside is None:
        return []
    start = person.end + 1
    orgs = [m for m in spans.mentions(doc) if m.start == start and m.label == "ORG"]
    if not orgs:
        return []
    org = max(orgs, key=lambda m: m.end)
    title = title_at_end().fullmatch(text, org.end, person.end + inside.end() - 1)
    return [(org, title.group(), person.start)] if title else []


APPOINTED = re.compile(r"(?:同志)?(?:任|担任|出任|兼任|转任|改任|拟任)")


def roles_after(doc: Doc, person: Mention) -> list[tuple[Mention, str, int]]:
    """张某同志任甲乙高新区党工委书记: an appointment names the body and title after the person."""
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
        found.append((org, title.group(), person.start))
        pos = title.end()
        if text[pos : pos + 1] != "、":
            break
        pos += 1
    return found


RANK = re.compile(r"^(?:副|常务副|常务|执行|代)")
GOVERNMENT_HEADS = ("省长", "市长", "县长", "区长", "镇长", "乡长")


def _heads_a_government(title: str) -> bool:
    """县长, 常务副市长: the title of a government, which a bare title does not name."""
    return RANK.sub("", title) in GOVERNMENT_HEADS


def same_body_as_before(doc: Doc, person: Mention, records: list[Role]) -> list[tuple[Mention, str, int]]:
    """院长陈某讲话，副院长周某通报: a bare title after a clause separator is at the body of
    the same title just named in the sentence (局长 → 副局长, 院长 → 副院长)."""
    text = spans.text_of(doc)
    starts = [s for s in _title_starts(text, person.start) if s == 0 or text[s - 1] in "，、；：。\n"]
    if not starts:
        return []
    title = text[starts[-1] : person.start]
    if _heads_a_government(title):
        return []  # 县委副书记、县长A …，副县长B: B is at the government, which is not named
    sentence_start = max(text.rfind(c, 0, starts[-1]) for c in "。！？\n") + 1
    by_span = {(m.start, m.end): m for m in spans.mentions(doc)}
    for record in reversed(records):
        if record.person_end < sentence_start:
            break
        last = record.role.split("、")[-1]
        org = by_span.get((record.org_start, record.org_end))
        if org is not None and RANK.sub("", last) == RANK.sub("", title):
            return [(org, title, starts[-1])]
    return []


def next_title_in_list(doc: Doc, person: Mention, records: list[Role]) -> list[tuple[Mention, str, int]]:
    """市人大常委会副主任A、秘书长B: a bare title right after a titled person's name
    and 、 is at that person's body."""
    text = spans.text_of(doc)
    starts = _title_starts(text, person.start)
    if not starts or not records or records[-1].person_end != starts[-1] - 1 or text[starts[-1] - 1] != "、":
        return []
    title = text[starts[-1] : person.start]
    if _heads_a_government(title):
        return []  # 市委书记A、市长B: B heads the government, which is not named
    last = records[-1]
    org = next((m for m in spans.mentions(doc) if (m.start, m.end) == (last.org_start, last.org_end)), None)
    return [(org, title, starts[-1])] if org is not None else []


def listed_with(doc: Doc, person: Mention, records: list[Role]) -> list[tuple[Mention, str, int]]:
    """市政协副主席A、B、C: the names listed right after a titled person share the title."""
    text = spans.text_of(doc)
    if person.start < 1 or text[person.start - 1] != "、" or not records:
        return []
    last = records[-1]
    between = text[last.person_end : person.start]
    if not re.fullmatch(r"(?:、[\u4e00-\u9fff·]{2,4})*、", between):
        return []
    by_span = {(m.start, m.end): m for m in spans.mentions(doc)}
    shared = [r for r in records if r.person_end == last.person_end]
    return [(by_span[(r.org_start, r.org_end)], r.role, r.start) for r in shared if (r.org_start, r.org_end) in by_span]


def government_named(doc: Doc, person: Mention) -> list[tuple[Mention, str, int]]:
    """副市长董磊主持 … 市政府: a bare title that heads a government is at the
    government of its level the article names (the home city's first, else
    the only one of that level)."""
    text = spans.text_of(doc)
    starts = _title_starts(text, person.start)
    if not starts or not _heads_a_government(title := text[starts[-1] : person.start]):
        return []
    ending = title[-2] + "人民政府"
    named = [m for m in spans.mentions(doc) if m.label == "ORG" and m.canonical.endswith(ending) and not m.refers]
    home = f"{doc._.home_city or ''}人民政府"
    chosen = [m for m in named if m.canonical == home] if title[-2] == "市" else []
    if not chosen and len({m.canonical for m in named}) == 1:
        chosen = named
    return [(chosen[0], title, starts[-1])] if chosen else []


@Language.factory("role_titles", assigns=["doc._.roles"], requires=["doc._.mentions"], default_config={"lexicon": {}})
def make_role_titles(nlp: Language, name: str, lexicon: dict[str, str]):
    configure(lexicon)
    title_at_end.cache_clear()
    return role_titles


def role_titles(doc: Doc) -> Doc:
    bodies.official_names(doc)
    records: list[Role] = []
    persons = sorted((m for m in spans.mentions(doc) if m.label == "PERSON"), key=lambda m: m.start)
    for person in persons:
        found = roles_before(doc, person) + roles_after(doc, person) + roles_in_brackets(doc, person)
        if not found:
            found = same_body_as_before(doc, person, records) or listed_with(doc, person, records) \
                or next_title_in_list(doc, person, records) or government_named(doc, person)
        for org, role, start in found:
            records.append(Role(person.start, person.end, org.start, org.end, role, start))
    doc._.roles = records
    return doc
