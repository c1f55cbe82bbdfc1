"""Relations between resolved mentions, each with its evidence sentence.

Patterns of Chinese news writing, checked inside one sentence:
- located_in: 位于〈place〉的〈X〉, 〈X〉位于/落户〈place〉; a place directly before a smaller place or
  a facility (魏湾镇丁马村, 开发区周公河精品水果市场); a government body named
  with its place (临清市金郝庄镇政府); a division whose gazetteer parent is
  named in the same sentence; 在〈place〉，…〈organisation〉.
- awarded: an honour with a trigger (入选, 获评, 被认定为, 通过…备案,
  名列其中, …之一, 称号) and the nearest organisation or place.
- issued_by: 印发/发布/出台/牵头起草… a programme, by the clause's body.
- participates_in: 实施/参与/加入/打造 a programme (not the paper's own city).
- role_at: from the role_titles component. part_of: an organisation inside
  its sub-unit's name (聊城大学商学院 -> 聊城大学).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from explorer.core.gazetteer import load_gazetteer
from explorer.nlp import spans
from explorer.nlp.lexicon import sentence_spans
from explorer.nlp.resolve import COMPANY_ENDINGS, GOV_ENDINGS, SUB_UNITS

AWARD_TRIGGERS = re.compile(r"入选|获评|被评为|评为|被认定为|认定为|荣获|获得|获批|获|备案|名列其中|榜上有名|之一|称号|成为|跻身")
ISSUE_TRIGGERS = re.compile(r"印发|发布|出台|制定|起草|牵头|公布|颁布")
JOIN_TRIGGERS = re.compile(r"实施|参与|加入|打造|纳入")
LISTED = re.compile(r"名列其中|榜上有名|入选|上榜|入围|在列")
CLAUSE = re.compile(r"[，；：,;]")
YEAR = re.compile(r"(20\d\d|19\d\d)\s*年")


def _is_company(mention: dict) -> bool:
    return mention["text"].endswith(COMPANY_ENDINGS) or mention["source"] in ("short_form", "enumeration")


class Facts:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.original = doc.text  # evidence quotes the article as written
        self.records = spans.relations(doc)
        self.seen = set()

    def add(self, subject: dict, relation: str, obj: dict, sentence: tuple[int, int], confidence: float, role=None):
        key = (subject["canonical"], relation, obj["canonical"])
        if subject["canonical"] == obj["canonical"] or key in self.seen:
            return
        self.seen.add(key)
        evidence = self.original[sentence[0] : sentence[1]].strip()
        match = YEAR.search(evidence)
        self.records.append({
            "subject": subject["canonical"], "subject_type": subject["label"], "relation": relation,
            "object": obj["canonical"], "object_type": obj["label"], "evidence": evidence,
            "evidence_start": sentence[0], "evidence_end": sentence[1], "role": role,
            "year": int(match.group(1)) if match and relation == "awarded" else None,
            "confidence": confidence,
        })


def _sentence_of(sentences, pos):
    for start, end in sentences:
        if start <= pos < end:
            return start, end
    return sentences[-1] if sentences else (0, 0)


def _in(sentence, labels, mentions):
    return [m for m in mentions if sentence[0] <= m["start"] and m["end"] <= sentence[1] and m["label"] in labels]


def located_in(doc: Doc, facts: Facts, mentions, sentences) -> None:
    gazetteer = load_gazetteer()
    by_start = {}
    for m in mentions:
        by_start.setdefault(m["start"], []).append(m)
    places = [m for m in mentions if m["label"] == "PLACE"]
    for place in places:
        sentence = _sentence_of(sentences, place["start"])
        for nxt in by_start.get(place["end"], []):
            if nxt["label"] == "PLACE" or (nxt["label"] == "ORG" and not _is_company(nxt)):
                a, b = place["attrs"].get("code"), nxt["attrs"].get("code")
                if a and b and not (len(b) > len(a)):
                    continue
                facts.add(nxt, "located_in", place, sentence, 0.7)
        for org in mentions:
            if org["label"] == "ORG" and org["start"] == place["start"] and org["end"] > place["end"] \
                    and org["text"].endswith(GOV_ENDINGS) and place["attrs"].get("level") not in ("province", "city", None):
                facts.add(org, "located_in", place, sentence, 0.7)
        code = place["attrs"].get("code")
        parent = gazetteer.parent(code) if code else None
        if parent is not None and place["source"] != "deixis":
            for other in _in(sentence, {"PLACE"}, places):
                if other["canonical"] == parent.name and other["source"] != "deixis":
                    facts.add(place, "located_in", other, sentence, 0.6)
    text = spans.text_of(doc)
    for match in re.finditer(r"位于|坐落于|地处|落户|落户于|落地", text):
        sentence = _sentence_of(sentences, match.start())
        chain = []
        pos = match.end()
        while pos in by_start and any(m["label"] == "PLACE" for m in by_start[pos]):
            place = max((m for m in by_start[pos] if m["label"] == "PLACE"), key=lambda m: m["end"])
            chain.append(place)
            pos = place["end"]
        if not chain:
            continue
        if text[pos : pos + 1] == "的":
            pos += 1
            targets = [t for t in by_start.get(pos, []) if t["label"] in ("ORG", "PLACE")]
            if targets:  # 位于冠县烟庄街道王村的中共王村党支部旧址
                facts.add(max(targets, key=lambda t: t["end"]), "located_in", chain[-1], sentence, 0.9)
            continue
        actors = [m for m in mentions if m["label"] in ("ORG", "PLACE") and m["source"] != "deixis"
                  and not m["attrs"].get("code")]
        subject = _subject_before(doc, sentence, match.start(), actors)
        if subject is not None:  # 该公司位于高新区 / 项目落户东昌府区
            facts.add(subject, "located_in", chain[-1], sentence, 0.8)
    for match in re.finditer(r"(?:^|[。！？\n])\s*在", text):
        pos = match.end()
        place = next((m for m in by_start.get(pos, []) if m["label"] == "PLACE"), None)
        if place is None or text[place["end"] : place["end"] + 1] not in "，,":
            continue
        sentence = _sentence_of(sentences, pos)
        for org in _in(sentence, {"ORG"}, mentions):
            if org["start"] > place["end"] and _is_company(org):
                facts.add(org, "located_in", place, sentence, 0.6)


def _clause_start(text: str, sentence, pos: int) -> int:
    last = sentence[0]
    for match in CLAUSE.finditer(text, sentence[0], pos):
        last = match.end()
    return last


def _clause_end(text: str, sentence, pos: int) -> int:
    match = CLAUSE.search(text, pos, sentence[1])
    return match.start() if match else sentence[1]


def _subject_before(doc, sentence, pos, candidates, exclude_home=False):
    clause = _clause_start(spans.text_of(doc), sentence, pos)
    before = [m for m in candidates if clause <= m["start"] and m["end"] <= pos]
    if before:  # the nearest, and of nested names the whole body (区人民政府, not 区)
        return max(before, key=lambda m: (m["end"], m["end"] - m["start"], m["label"] == "ORG"))
    first = [m for m in candidates if sentence[0] <= m["start"] and m["end"] <= pos]
    return first[0] if first else None


def awarded(doc: Doc, facts: Facts, mentions, sentences) -> None:
    text = spans.text_of(doc)
    honors = [m for m in mentions if m["label"] == "HONOR"]
    for honor in honors:
        sentence = _sentence_of(sentences, honor["start"])
        clause = (_clause_start(text, sentence, honor["start"]), _clause_end(text, sentence, honor["end"]))
        if not AWARD_TRIGGERS.search(text, clause[0], clause[1]) and "名单" not in text[honor["end"] : honor["end"] + 3]:
            continue
        candidates = [m for m in _in(sentence, {"ORG", "PLACE", "PERSON"}, mentions)
                      if not (honor["start"] <= m["start"] < honor["end"]) and m["source"] != "deixis"
                      and not ISSUE_TRIGGERS.match(text, m["end"], m["end"] + 2)
                      and not text.startswith(("公布", "发布", "印发"), m["end"])
                      and not (m["start"] > 0 and text[m["start"] - 1] in "被由经")]  # 被教育部认定为: the agent
        after = text[honor["end"] : honor["end"] + 4]
        subject = None
        listed = LISTED.search(text, honor["end"], sentence[1]) if after.startswith("名单") else None
        if after.startswith("之一"):
            later = [m for m in candidates if m["start"] >= honor["end"]]
            subject = later[0] if later else None
        elif listed is not None:  # …名单，位于东昌府区的X名列其中 / 我市X等32家企业入选
            later = [m for m in candidates if m["start"] >= honor["end"] and m["end"] <= listed.start()]
            subject = max(later, key=lambda m: (m["label"] == "ORG", m["start"])) if later else None
        else:
            before = [m for m in candidates if m["end"] <= honor["start"]]
            subject = before[-1] if before else None
        if subject is not None:
            facts.add(subject, "awarded", honor, sentence, 0.7)


def programmes(doc: Doc, facts: Facts, mentions, sentences) -> None:
    text = spans.text_of(doc)
    home = doc._.home_city
    actors = [m for m in mentions if m["label"] in ("ORG", "PLACE") and m["source"] != "deixis"]
    for program in (m for m in mentions if m["label"] == "PROGRAM"):
        sentence = _sentence_of(sentences, program["start"])
        clause = _clause_start(text, sentence, program["start"])
        window = text[clause : program["start"]]
        issue = None
        for issue in ISSUE_TRIGGERS.finditer(window):
            pass
        if issue is not None:
            pos = clause + issue.start()
            subject = _subject_before(doc, sentence, pos, actors)
            if subject is not None:
                facts.add(program, "issued_by", subject, sentence, 0.7)
            continue
        join = None
        for join in JOIN_TRIGGERS.finditer(window):
            pass
        if join is not None:
            subject = _subject_before(doc, sentence, clause + join.start(), actors)
            if subject is not None and subject["canonical"] != home:
                facts.add(subject, "participates_in", program, sentence, 0.6)


def role_facts(doc: Doc, facts: Facts, mentions, sentences) -> None:
    by_span = {(m["start"], m["end"]): m for m in mentions}
    for role in doc._.roles or ():
        person = by_span.get((role["person_start"], role["person_end"]))
        org = by_span.get((role["org_start"], role["org_end"]))
        if person and org:
            facts.add(person, "role_at", org, _sentence_of(sentences, person["start"]), 0.9, role=role["role"])


def part_of(doc: Doc, facts: Facts, mentions, sentences) -> None:
    orgs = [m for m in mentions if m["label"] == "ORG"]
    for inner in orgs:
        for outer in orgs:
            if outer["start"] == inner["start"] and outer["end"] > inner["end"] and outer["text"].endswith(SUB_UNITS):
                facts.add(outer, "part_of", inner, _sentence_of(sentences, outer["start"]), 0.8)


@Language.factory("relations", assigns=["doc._.relations"], requires=["doc._.mentions", "doc._.roles"])
def make_relations(nlp: Language, name: str):
    return relations


def relations(doc: Doc) -> Doc:
    doc._.relations = []
    facts = Facts(doc)
    mentions = sorted(spans.mentions(doc), key=lambda m: m["start"])
    sentences = sentence_spans(spans.text_of(doc))
    for step in (role_facts, located_in, awarded, programmes, part_of):
        step(doc, facts, mentions, sentences)
    spans.forget_words(doc)
    return doc
