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
from explorer.nlp.spans import Mention

AWARD_TRIGGERS = re.compile(r"评定为|命名为|授予|列为|确定为|入选|获评|被评为|评为|被认定为|认定为|荣获|获得|获批|获|备案|名列其中|榜上有名|之一|称号|成为|跻身|建成|创建")
ISSUE_TRIGGERS = re.compile(r"印发|发布|出台|制定|起草|牵头|公布|颁布")
JOIN_TRIGGERS = re.compile(r"实施|参与|加入|打造|纳入|开展|启动|推出|落实|深化|推行")
PROJECT_TRIGGERS = re.compile(r"实施|建设|投资|开工|签约|引进|推进")
BUILT_BY = re.compile(r"由([^，。；]{2,40}?)(?:投资|负责|牵头)?(?:建设|实施|承建|开发|运营)")
LISTED = re.compile(r"名列其中|榜上有名|入选|上榜|入围|在列")
CLAUSE = re.compile(r"[，；：,;]")
SPEAKING = re.compile(r"(?:说|表示|介绍|告诉|指出|认为|坦言|透露)")
YEAR = re.compile(r"(20\d\d|19\d\d)\s*年")


INSTITUTIONS = ("学校", "小学", "中学", "幼儿园", "医院", "卫生院", "合作社", "农场", "博物馆", "纪念馆", "文化馆", "图书馆",
                "美术馆", "科技馆")


def _is_company(mention: Mention) -> bool:
    return mention.text.endswith(COMPANY_ENDINGS) or mention.rule.firm


def _is_located_body(mention: Mention) -> bool:
    """Firms and institutions have an address; government bodies have a jurisdiction."""
    return _is_company(mention) or mention.text.endswith(INSTITUTIONS)


class Facts:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.original = spans.original_of(doc)  # evidence quotes the article as written
        self.records = spans.relations(doc)
        self.seen = set()

    def add(self, subject: Mention, relation: str, obj: Mention, sentence: tuple[int, int], confidence: float, role=None):
        key = (subject.canonical, relation, obj.canonical)
        if subject.canonical == obj.canonical or key in self.seen:
            return
        self.seen.add(key)
        evidence = self.original[sentence[0] : sentence[1]].strip()
        match = YEAR.search(evidence)
        self.records.append({
            "subject": subject.canonical, "subject_type": subject.label, "relation": relation,
            "object": obj.canonical, "object_type": obj.label, "evidence": evidence,
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
    return [m for m in mentions if sentence[0] <= m.start and m.end <= sentence[1] and m.label in labels]


def located_in(doc: Doc, facts: Facts, mentions, sentences) -> None:
    gazetteer = load_gazetteer()
    by_start = {}
    for m in mentions:
        by_start.setdefault(m.start, []).append(m)
    places = [m for m in mentions if m.label == "PLACE"]
    for place in places:
        sentence = _sentence_of(sentences, place.start)
        for nxt in by_start.get(place.end, []):
            if nxt.label == "PLACE" or (nxt.label == "ORG" and not _is_company(nxt)):
                a, b = place.attrs.get("code"), nxt.attrs.get("code")
                if a and b and not (len(b) > len(a)):
                    continue
                facts.add(nxt, "located_in", place, sentence, 0.7)
        for org in mentions:
            if org.label == "ORG" and org.start == place.start and org.end > place.end \
                    and org.text.endswith(GOV_ENDINGS) and place.attrs.get("level") not in ("province", "city", None) \
                    and any(inner.label == "PLACE" and inner.start == place.end and inner.end < org.end
                            for inner in by_start.get(place.end, ())):
                # 临清市金郝庄镇人民政府 lies in 临清市; a body is not "located in" its own jurisdiction
                facts.add(org, "located_in", place, sentence, 0.7)
        code = place.attrs.get("code")
        parent = gazetteer.parent(code) if code else None
        if parent is not None and not place.rule.deictic:
            index = sentences.index(sentence) if sentence in sentences else 0
            nearby = (sentences[max(0, index - 1)][0], sentence[1])  # 高唐县计划改造…。…涉及鱼邱湖街道
            for other in _in(nearby, {"PLACE"}, places):
                if other.canonical == parent.name and not other.rule.deictic:
                    facts.add(place, "located_in", other, sentence, 0.6)
    text = spans.text_of(doc)
    for place in places:  # 景区内有A、B等: the sites and bodies listed are inside
        inside = re.match(r"(?:内|里)(?:有|建有|设有)", text[place.end : place.end + 3])
        if inside is None or place.attrs.get("level") in ("province", "city", "county", "county_city", "district"):
            continue
        clause_end = _clause_end(text, _sentence_of(sentences, place.start), place.end)
        for m in mentions:
            if place.end < m.start and m.end <= clause_end and not m.attrs.get("code") and (
                    m.label == "PLACE" or m.label == "ORG" and _is_located_body(m)):
                facts.add(m, "located_in", place, _sentence_of(sentences, place.start), 0.6)
    for place in places:  # 聊城高新区的山东X有限公司, 园区内的X公司
        link = re.match(r"(?:内|里|中)?的", text[place.end : place.end + 2])
        if not link or text[place.start - 2 : place.start] in ("位于", "坐落于", "地处"):
            continue
        for target in by_start.get(place.end + link.end(), ()):
            if target.label == "ORG" and _is_company(target) or target.label == "PLACE" and target.grown:
                facts.add(target, "located_in", place, _sentence_of(sentences, place.start), 0.7)
    for match in re.finditer(r"位于|坐落于|地处|落户|落户于|落地", text):
        sentence = _sentence_of(sentences, match.start())
        chain = []
        pos = match.end()
        while pos in by_start and any(m.label == "PLACE" for m in by_start[pos]):
            place = max((m for m in by_start[pos] if m.label == "PLACE"), key=lambda m: m.end)
            chain.append(place)
            pos = place.end
        if not chain:
            continue
        if text[pos : pos + 1] == "的":
            pos += 1
            targets = [t for t in by_start.get(pos, []) if t.label in ("ORG", "PLACE")]
            if targets:  # 位于冠县烟庄街道王村的中共王村党支部旧址
                facts.add(max(targets, key=lambda t: t.end), "located_in", chain[-1], sentence, 0.9)
            continue
        actors = [m for m in mentions if m.label in ("ORG", "PLACE") and not m.rule.deictic
                  and not m.attrs.get("code")]
        subject = _subject_before(doc, sentence, match.start(), actors)
        if subject is not None and any(m.label == "PROGRAM" and subject.end <= m.start and m.end <= match.start()
                                       for m in mentions):
            continue  # X公司投资建设的Y项目落户Z: the project lands there, not the investor
        if subject is not None:  # 该公司位于高新区 / 项目落户东昌府区
            facts.add(subject, "located_in", chain[-1], sentence, 0.8)
    for match in re.finditer(r"(?:^|[。！？\n])\s*(在)?", text):
        pos = match.end()
        place = None
        while any(m.label == "PLACE" for m in by_start.get(pos, ())):  # 在茌平区博平镇，
            place = max((m for m in by_start[pos] if m.label == "PLACE"), key=lambda m: m.end)
            pos = place.end
        if place is None:
            continue
        inside = re.match(r"(?:内|里|中)?[，,]", text[place.end : place.end + 2])
        if not inside or (match.group(1) is None and inside.end() == 1):
            continue  # 在X， or X内， (a sentence that opens with a bare place is its subject)
        sentence = _sentence_of(sentences, pos)
        for org in _in(sentence, {"ORG", "PLACE"}, mentions):
            if org.start > place.end and (_is_located_body(org) or org.label == "PLACE" and org.grown):
                facts.add(org, "located_in", place, sentence, 0.6)


def _clause_start(text: str, sentence, pos: int) -> int:
    last = sentence[0]
    for match in CLAUSE.finditer(text, sentence[0], pos):
        last = match.end()
    return last


def _clause_end(text: str, sentence, pos: int) -> int:
    match = CLAUSE.search(text, pos, sentence[1])
    return match.start() if match else sentence[1]


AGENT_BREAKS = re.compile(r"会同|联合|协同|携手|在")


def _subject_before(doc, sentence, pos, candidates, exclude_home=False):
    text = spans.text_of(doc)
    clause = _clause_start(text, sentence, pos)
    brk = None
    for brk in AGENT_BREAKS.finditer(text, clause, pos):
        pass
    if brk is not None and any(clause <= m.start and m.end <= brk.start() for m in candidates):
        pos = brk.start()  # 市工信局将会同市财政局开展…, 市残联在X社区启动…: the agent comes first
    before = [m for m in candidates if clause <= m.start and m.end <= pos]
    if before:  # the nearest, and of nested names the whole body (区人民政府, not 区)
        return max(before, key=lambda m: (m.end, m.end - m.start, m.label == "ORG"))
    first = [m for m in candidates if sentence[0] <= m.start and m.end <= pos]
    return first[0] if first else None


def awarded(doc: Doc, facts: Facts, mentions, sentences) -> None:
    text = spans.text_of(doc)
    honors = [m for m in mentions if m.label == "HONOR"]
    for honor in honors:
        sentence = _sentence_of(sentences, honor.start)
        clause = (_clause_start(text, sentence, honor.start), _clause_end(text, sentence, honor.end))
        if not AWARD_TRIGGERS.search(text, clause[0], clause[1]) and "名单" not in text[honor.end : honor.end + 3] \
                and text[honor.start - 1 : honor.start] != "是":  # X是国家级专精特新“小巨人”企业
            continue
        candidates = [m for m in _in(sentence, {"ORG", "PLACE", "PERSON"}, mentions)
                      if not (honor.start <= m.start < honor.end) and not m.rule.deictic
                      and not ISSUE_TRIGGERS.match(text, m.end, m.end + 2)
                      and not text.startswith(("公布", "发布", "印发"), m.end)
                      and not (m.start > 0 and text[m.start - 1] in "被由经")  # 被教育部认定为: the agent
                      and not (m.label == "PERSON" and re.search(r"记者|通讯员", text[max(0, m.start - 8) : m.start]))
                      and not (m.label == "PERSON" and SPEAKING.match(text, m.end))  # 书记刘洋介绍，…: the speaker
                      and not _quoted(text, sentence, m)]  # 完成的“黄河下游…技术”获…: a title, not the winner
        after = text[honor.end : honor.end + 4]
        subject = None
        listed = LISTED.search(text, honor.end, sentence[1]) if after.startswith("名单") else None
        if listed is not None and AWARD_TRIGGERS.search(text, clause[0], honor.start):
            listed = None  # X入选…名单: the trigger comes first, the subject before it
        before = [m for m in candidates if m.end <= honor.start]
        if after.startswith("之一"):
            later = [m for m in candidates if m.start >= honor.end]
            subject = later[0] if later else (before[-1] if before else None)
        elif listed is not None:  # …名单，位于东昌府区的X名列其中 / 我市X等32家企业入选
            later = [m for m in candidates if m.start >= honor.end and m.end <= listed.start()]
            companies = [m for m in later if m.label == "ORG" and _is_company(m)]
            for company in companies[1:]:  # A和B名列其中: each of them
                facts.add(company, "awarded", honor, sentence, 0.7)
            if not companies:  # 阳谷县寿张镇李台村、茌平区乐平铺镇等15个村入选: the innermost of each place chain
                ends = [m for m in later if not any(o.start == m.end and o.label == "PLACE" for o in later)]
                for place in ends[1:]:
                    facts.add(place, "awarded", honor, sentence, 0.6)
                later = ends[:1] or later
            subject = companies[0] if companies else (max(later, key=lambda m: m.start) if later else None)
        else:
            in_clause = [m for m in before if m.start >= clause[0]]
            # 王庄村位于张寨镇东部，是省级乡村振兴示范村: without a name in its clause, the
            # honour goes to the sentence's subject, not to the nearest name
            subjects = [m for m in before if not _adverbial(text, m) and not any(  # not 从X获悉, 在X公布的, 位于X
                o.label == "ORG" and o.start <= m.start and m.end <= o.end and o is not m
                and (o.end - o.start) > (m.end - m.start) for o in mentions)]  # nor 山东省 of 山东省人民政府
            # of names starting at one place the whole one (东阿县实验中学, not 东阿县)
            subject = max(in_clause, key=lambda m: (m.start, m.end)) if in_clause else (subjects[0] if subjects else None)
            if subject is not None and subject in in_clause:  # A、B、C分别获得…, A联合B完成的…同获…: each of them
                for partner in _enumerated(text, subject, in_clause):
                    facts.add(partner, "awarded", honor, sentence, 0.6)
        if subject is not None:
            facts.add(subject, "awarded", honor, sentence, 0.7)
    _listed_later(doc, facts, mentions, sentences, honors)


def _quoted(text: str, sentence, mention: Mention) -> bool:
    """Inside an open “…” of its sentence (a quoted title or slogan)."""
    opened = text.rfind("“", sentence[0], mention.start)
    return opened >= 0 and text.rfind("”", opened, mention.start) < 0 and "”" in text[mention.end : sentence[1]]


ENUMERATION = re.compile(r"(?:、|和|与|及|联合|携手)$")


def _enumerated(text: str, last: Mention, candidates) -> list[Mention]:
    """The names listed right before `last` with 、/和/与/联合 between them."""
    found, start = [], last.start
    while True:
        joint = ENUMERATION.search(text, max(0, start - 2), start)
        before = [m for m in candidates if joint and m.end == joint.start() and m.label != "HONOR"]
        if not before:
            return found
        partner = max(before, key=lambda m: m.end - m.start)
        found.append(partner)
        start = partner.start


def _adverbial(text: str, mention: Mention) -> bool:
    """A name in an adverbial or a modifier (从X获悉, 在X公布的, 位于X, X的Y) is not the subject."""
    return text[mention.start - 1 : mention.start] in ("从", "在", "向", "对", "与", "和", "据", "由", "经", "于", "到") \
        or text[max(0, mention.start - 2) : mention.start] in ("位于", "来自") \
        or text[mention.end : mention.end + 1] == "的"


def _listed_later(doc, facts, mentions, sentences, honors) -> None:
    """…公布2023年X名单，我市5家企业获评。其中，A、B分别…入选 / 记者注意到，A名列其中:
    the list was named a sentence or two before."""
    text = spans.text_of(doc)
    for index, sentence in enumerate(sentences):
        trigger = LISTED.search(text, sentence[0], sentence[1])
        if trigger is None or any(sentence[0] <= h.start < sentence[1] for h in honors):
            continue
        lists = [h for h in honors if sentences[max(0, index - 2)][0] <= h.start < sentence[0]
                 and (text.startswith("名单", h.end) or h.rule.award and h.text.endswith("品牌"))]
        if not lists:
            continue
        for m in _in(sentence, {"ORG"}, mentions):
            if m.end <= trigger.start() and _is_company(m):
                facts.add(m, "awarded", lists[-1], sentence, 0.6)


# a list item opens a line, or follows the bracket or stop that closed the previous one
# (ingest may join the lines of a list: …（共8家）1.A公司（东昌府区）2.B公司…)
LIST_ITEM = re.compile(r"(?m)(?:(?<=^)|(?<=[\n）)。；;：:]))[ \t　]*(?:\d{1,3}[.、．]|[（(]\d{1,3}[）)])[ \t　]*")
LIST_NAME = re.compile(r"(?:拟认定|拟推荐|拟命名|拟入选|认定|推荐|入选|拟)?名单")


def listed_items(doc: Doc, facts: Facts, mentions, sentences) -> None:
    """A notice's numbered list: “1. 山东X有限公司（东昌府区）” under “…X拟认定名单”:
    each firm receives the list's honour, and the division in brackets is where it is."""
    text = spans.text_of(doc)
    by_start = {}
    for m in mentions:
        by_start.setdefault(m.start, []).append(m)
    honors = [h for h in mentions if h.label == "HONOR" and LIST_NAME.match(text, h.end)]
    for item in LIST_ITEM.finditer(text):
        orgs = [m for m in by_start.get(item.end(), ()) if m.label == "ORG"]
        if not orgs:
            continue
        org = max(orgs, key=lambda m: m.end)
        close = re.match(r"[（(][^（）()\n]{1,20}[）)]", text[org.end :])
        line = (item.start(), org.end + (close.end() if close else 0))
        lists = [h for h in honors if h.end <= item.start()]
        if lists:
            facts.add(org, "awarded", lists[-1], line, 0.6)
    for org in mentions:  # X有限公司（东昌府区）
        if org.label != "ORG" or text[org.end : org.end + 1] not in "（(" or org.end >= len(text):
            continue
        places = [p for p in by_start.get(org.end + 1, ()) if p.label == "PLACE" and p.attrs.get("code")]
        if places and text[places[0].end : places[0].end + 1] in "）)" and text[places[0].end : places[0].end + 1]:
            facts.add(org, "located_in", places[0], _sentence_of(sentences, org.start), 0.6)


def programmes(doc: Doc, facts: Facts, mentions, sentences) -> None:
    text = spans.text_of(doc)
    home = doc._.home_city
    # 我市/该县 act; 全市/全县 (the whole city) and the paper's city named in passing do not
    actors = [m for m in mentions if m.label in ("ORG", "PLACE") and not (m.rule.deictic and m.text[0] in "全這这")]
    issuers = [m for m in actors if not m.rule.deictic or m.text.startswith("该")]
    for program in (m for m in mentions if m.label == "PROGRAM"):
        if program.rule.project:
            sentence = _sentence_of(sentences, program.start)
            before = [m for m in actors if m.end == program.start and m.label == "PLACE"]
            if before:  # 莘县X物流园项目: built there
                facts.add(before[-1], "participates_in", program, sentence, 0.6)
            built = BUILT_BY.match(text, program.end) or BUILT_BY.search(text, program.end, sentence[1])
            if built:  # X项目由Y公司投资建设
                for m in actors:
                    if built.start(1) <= m.start and m.end <= built.end(1) and m.label == "ORG":
                        facts.add(m, "participates_in", program, sentence, 0.7)
        sentence = _sentence_of(sentences, program.start)
        clause = _clause_start(text, sentence, program.start)
        window = text[clause : program.start]
        issue = None
        for issue in ISSUE_TRIGGERS.finditer(window):
            pass
        if issue is not None:
            pos = clause + issue.start()
            subject = _subject_before(doc, sentence, pos, issuers)
            if subject is not None:
                facts.add(program, "issued_by", subject, sentence, 0.7)
                for partner in _coordinated(text, subject, issuers):  # 县委、县政府联合印发
                    facts.add(program, "issued_by", partner, sentence, 0.7)
            continue
        join = None
        for join in (PROJECT_TRIGGERS if program.rule.project else JOIN_TRIGGERS).finditer(window):
            pass
        if join is not None and not text.startswith(("部署", "要求", "精神"), program.end):
            subject = _subject_before(doc, sentence, clause + join.start(), actors)
            if subject is None or subject.canonical == home and not subject.rule.deictic:
                continue  # the city named in passing is not the actor; 我市实施… is
            if subject.label == "ORG" and subject.canonical.endswith(GOV_ENDINGS) and not program.rule.project:
                facts.add(program, "issued_by", subject, sentence, 0.6)  # a government body runs its own campaign
            else:
                facts.add(subject, "participates_in", program, sentence, 0.6)


def _coordinated(text: str, body: Mention, candidates) -> list[Mention]:
    """A、B (联合)印发: the bodies listed right before the issuer issue it too."""
    found, start = [], body.start
    while start > 0 and text[start - 1] in "、和与及":
        before = [m for m in candidates if m.end == start - 1 and m.label == "ORG"]
        if not before:
            break
        partner = max(before, key=lambda m: m.end - m.start)
        found.append(partner)
        start = partner.start
    return found


def role_facts(doc: Doc, facts: Facts, mentions, sentences) -> None:
    by_span = {(m.start, m.end): m for m in mentions}
    for role in doc._.roles or ():
        person = by_span.get((role["person_start"], role["person_end"]))
        org = by_span.get((role["org_start"], role["org_end"]))
        if person and org:
            facts.add(person, "role_at", org, _sentence_of(sentences, person.start), 0.9, role=role["role"])
            head = re.search(r"(?:副)?[市县区镇乡]长$", role["role"])
            party = re.fullmatch(r"中共(.+?)(?:县|区)?委", org.canonical)
            governments = [m for m in mentions if party and m.label == "ORG" and re.fullmatch(
                re.escape(party.group(1)) + r"[县区]?人民政府", m.canonical)] if head else []
            if governments:  # 临清市委副书记、市长X, with 临清市人民政府 named: the mayor is at the government
                facts.add(person, "role_at", governments[0], _sentence_of(sentences, person.start), 0.7, role=head.group())


def part_of(doc: Doc, facts: Facts, mentions, sentences) -> None:
    orgs = [m for m in mentions if m.label == "ORG"]
    for inner in orgs:
        for outer in orgs:
            if outer.start == inner.start and outer.end > inner.end and outer.text.endswith(SUB_UNITS):
                facts.add(outer, "part_of", inner, _sentence_of(sentences, outer.start), 0.8)


@Language.factory("relations", assigns=["doc._.relations"], requires=["doc._.mentions", "doc._.roles"])
def make_relations(nlp: Language, name: str):
    return relations


def relations(doc: Doc) -> Doc:
    doc._.relations = []
    facts = Facts(doc)
    mentions = sorted(spans.mentions(doc), key=lambda m: m.start)
    sentences = sentence_spans(spans.text_of(doc))
    for step in (role_facts, located_in, awarded, listed_items, programmes, part_of):
        step(doc, facts, mentions, sentences)
    spans.forget_words(doc)
    return doc
