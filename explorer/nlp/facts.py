"""Typed relation records and the sentence context the relation rules read.

A relation is a `RelationFact` (explorer.core.models) from the moment a rule
states it: the subject and object are named exactly as their mentions were
resolved (canonical names), with the evidence sentence as written. Title
chains found by `role_titles` are `Role` records. Both travel between worker
processes (`nlp.pipe(n_process=2)`) through srsly's msgpack encoders.

`Context` holds what every rule needs once per document: the text, the
mentions by position, the sentences and clauses, and the helpers that read
news grammar around a mention (enumerations, adverbials, quotes).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import astuple, dataclass

import srsly  # type: ignore[import-untyped]
from spacy.tokens import Doc

from explorer.core.models import RelationFact
from explorer.nlp import spans
from explorer.nlp.lexicon import sentence_spans, words
from explorer.nlp.spans import Mention

if not Doc.has_extension("roles"):
    Doc.set_extension("roles", default=None)


@dataclass(frozen=True)
class Role:
    """〈organisation〉〈title〉〈person〉: a person's title at a named body."""

    person_start: int
    person_end: int
    org_start: int
    org_end: int
    role: str
    start: int  # where the chain begins (evidence)


_RELATION_KEY = "__explorer_relation__"
_ROLE_KEY = "__explorer_role__"


def _encode(obj, chain=None):
    if isinstance(obj, RelationFact):
        return {_RELATION_KEY: list(astuple(obj))}
    if isinstance(obj, Role):
        return {_ROLE_KEY: list(astuple(obj))}
    return obj if chain is None else chain(obj)


def _decode(obj, chain=None):
    if _RELATION_KEY in obj:
        return RelationFact(*obj[_RELATION_KEY])
    if _ROLE_KEY in obj:
        return Role(*obj[_ROLE_KEY])
    return obj if chain is None else chain(obj)


srsly.msgpack_encoders.register("explorer_relation", func=_encode)
srsly.msgpack_decoders.register("explorer_relation", func=_decode)

# 我市（共有）5家企业, 襄阳有三个镇, 南通市新增18个: a place that counts its members is not their subject
COUNT = re.compile(r"(?:共有|共|有|的|新增|上榜的|入选的|入围的|获评的)?[0-9一二三四五六七八九十百两]+(?:家|户|个|所|项|名)")
QUOTED_TITLE = 24  # a quoted title or slogan is short; a speech is not
CLAUSE = re.compile(r"[，；：,;:]")
YEAR = re.compile(r"(20\d\d|19\d\d)\s*年")
JOINT = re.compile(r"(?:、|和|与|及|以及|及其|同|联合|携手)$")  # A、B / A和B / A联合B
ADVERBIAL_BEFORE = ("从", "在", "向", "对", "与", "和", "据", "由", "经", "于", "到", "被", "给", "为", "同", "跟")
ADVERBIAL_BEFORE2 = ("位于", "来自", "根据", "按照", "依托", "围绕", "面向")


@dataclass
class Mentions:
    """The mentions of a document, sorted, indexed by where they start and end."""

    all: list[Mention]

    def __post_init__(self) -> None:
        self.all = sorted(self.all, key=lambda m: (m.start, -m.end))
        self.by_start: dict[int, list[Mention]] = {}
        self.by_end: dict[int, list[Mention]] = {}
        for m in self.all:
            self.by_start.setdefault(m.start, []).append(m)
            self.by_end.setdefault(m.end, []).append(m)
        self._starts = [m.start for m in self.all]

    def inside_name(self, start: int, end: int) -> bool:
        """[start, end) lies inside a longer name (开展 of 《关于开展…的通知》, 投资 of X投资有限公司)."""
        first = bisect_right(self._starts, start) - 1
        return any(m.start <= start and end <= m.end and m.end - m.start > end - start
                   for m in self.all[max(0, first - 40) : first + 1])

    def between(self, start: int, end: int) -> list[Mention]:
        """Mentions inside [start, end)."""
        first = bisect_right(self._starts, start - 1)
        last = bisect_left(self._starts, end, first)  # sorted by start: nothing after `last` starts before end
        return [m for m in self.all[first:last] if m.end <= end]

    def starting(self, pos: int, labels=None) -> list[Mention]:
        return [m for m in self.by_start.get(pos, ()) if labels is None or m.label in labels]

    def ending(self, pos: int, labels=None) -> list[Mention]:
        return [m for m in self.by_end.get(pos, ()) if labels is None or m.label in labels]


class Context:
    """One document as the relation rules read it."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = spans.text_of(doc)
        self.original = spans.original_of(doc)  # evidence quotes the article as written
        self.mentions = Mentions(list(spans.mentions(doc)))
        self.sentences = sentence_spans(self.text)
        self._sentence_starts = [s for s, _ in self.sentences]
        self.home = doc._.home_city

    # --- where things are -------------------------------------------------------
    def sentence_of(self, pos: int) -> tuple[int, int]:
        if not self.sentences:
            return 0, len(self.text)
        index = max(0, bisect_right(self._sentence_starts, pos) - 1)
        return self.sentences[index]

    def sentence_index(self, pos: int) -> int:
        return max(0, bisect_right(self._sentence_starts, pos) - 1)

    def clause_start(self, pos: int) -> int:
        sentence = self.sentence_of(pos)
        last = sentence[0]
        for match in CLAUSE.finditer(self.text, sentence[0], pos):
            last = match.end()
        return last

    def clause_end(self, pos: int) -> int:
        sentence = self.sentence_of(pos)
        match = CLAUSE.search(self.text, pos, sentence[1])
        return match.start() if match else sentence[1]

    def in_sentence(self, pos: int, labels=None) -> list[Mention]:
        start, end = self.sentence_of(pos)
        return [m for m in self.mentions.between(start, end) if labels is None or m.label in labels]

    # --- news grammar around a mention -------------------------------------------
    def adverbial(self, m: Mention) -> bool:
        """A name in an adverbial or a modifier (从X获悉, 在X, 被X认定, 位于X, X的Y) is not a subject."""
        text = self.text
        before = text[m.start - 1 : m.start] if m.start else ""
        if before in ("和", "与", "及") and self.mentions.ending(m.start - 1):
            return False  # A和B: the last item of a list, not "with B"
        if before in ADVERBIAL_BEFORE or text[max(0, m.start - 2) : m.start] in ADVERBIAL_BEFORE2:
            return True
        # X的Y公司: X only qualifies a name; A公司的绿色产品入选: A holds what follows
        return text[m.end : m.end + 1] == "的" and bool(self.mentions.starting(m.end + 1))

    def counts(self, m: Mention) -> bool:
        """A place followed by a count (我市5家企业, 襄阳有三个镇): it contains the subject."""
        return m.label == "PLACE" and COUNT.match(self.text, m.end) is not None

    def quoted(self, m: Mention) -> bool:
        """Inside a short open “…” (a quoted title or slogan; a quoted speech is longer)."""
        opened = self.text.rfind("“", max(0, m.start - QUOTED_TITLE), m.start)
        if opened < 0 or self.text.rfind("”", opened, m.start) >= 0:
            return False
        return "”" in self.text[m.end : m.end + QUOTED_TITLE] and "。" not in self.text[opened : m.start]

    def speaker(self, m: Mention) -> bool:
        return m.label == "PERSON" and self.text.startswith(words("speaking_verbs"), m.end)

    def credited(self, m: Mention) -> bool:
        """A reporter or photographer of the article (记者 X, 通讯员 Y), or the
        paper of a dateline (甲日报讯): credits, not actors of the news."""
        if m.label == "ORG" and self.text.startswith(("讯", "消息"), m.end):
            return True
        return m.label == "PERSON" and bool(re.search(r"记者|通讯员|摄影|编辑", self.text[max(0, m.start - 8) : m.start]))

    def listed_before(self, last: Mention, allowed) -> list[Mention]:
        """Names listed right before `last` with 、/和/与 between (A、B和C: A and B for C)."""
        found: list[Mention] = []
        start = last.start
        while True:
            joint = JOINT.search(self.text, max(0, start - 2), start)
            if joint is None:
                return found
            before = [m for m in self.mentions.ending(joint.start()) if allowed(m)]
            if not before:
                return found
            partner = max(before, key=lambda m: m.end - m.start)
            found.append(partner)
            start = partner.start

    def listed_after(self, first: Mention, allowed) -> list[Mention]:
        """Names listed right after `first` (A、B和C: B and C for A)."""
        found: list[Mention] = []
        end = first.end
        while True:
            joint = re.match(r"[”’]?(?:、|和|与|及|以及)[“‘]?|》《|”“", self.text[end : end + 4])
            if joint is None:
                return found
            after = [m for m in self.mentions.starting(end + joint.end()) if allowed(m)]
            if not after:
                return found
            partner = max(after, key=lambda m: m.end - m.start)
            if partner.label == "PLACE" and self.mentions.starting(partner.end, ("PLACE",)):
                return found  # 甲市乙镇、丙县丁镇: 丙县 heads a chain of its own
            found.append(partner)
            end = partner.end


class Facts:
    """The relations of one document: typed, each stated once, with its evidence."""

    def __init__(self, context: Context):
        self.context = context
        self.records: list[RelationFact] = []
        self.seen: set[tuple[str, str, str]] = set()

    def add(self, subject: Mention, relation: str, obj: Mention, evidence: tuple[int, int],
            confidence: float, role: str | None = None) -> bool:
        """Record subject —relation→ object unless it is already known or names one thing twice."""
        key = (subject.canonical, relation, obj.canonical)
        if subject.canonical == obj.canonical or key in self.seen or subject is obj:
            return False
        self.seen.add(key)
        sentence = self.context.original[evidence[0] : evidence[1]]
        stripped = sentence.strip()
        offset = evidence[0] + (len(sentence) - len(sentence.lstrip()))
        year = YEAR.search(stripped) if relation == "awarded" else None
        self.records.append(RelationFact(
            subject=subject.canonical, subject_type=subject.label, relation=relation,
            object=obj.canonical, object_type=obj.label, evidence=stripped,
            evidence_start=offset, evidence_end=offset + len(stripped), role=role,
            year=int(year.group(1)) if year else None, confidence=confidence,
        ))
        return True

    def add_in_sentence(self, subject: Mention, relation: str, obj: Mention, confidence: float,
                        role: str | None = None, at: int | None = None) -> bool:
        sentence = self.context.sentence_of(subject.start if at is None else at)
        return self.add(subject, relation, obj, sentence, confidence, role)
