"""The enumerations component: relations stated by lists and counts, which a
trigger pattern over one sentence misses.

News reports name honour lists by counting and then enumerating:
我市A、B、C3家企业入围 / 此次X市上榜的7户企业分别是：A、B… / X市6家企业入选Y。
A、B…入选Y / 全市累计41户，其中：甲区5户、乙县14户. A counting place is where
the listed bodies are; the list's honour is what each receives. Notices name
their issuer in the title (〈body〉关于印发X的通知 … 《X》已经市政府同意，现印发给
你们), offices are named after their parent body (X市人民政府办公室), and a
county written directly before a park's name says where it is (written_facts.py
has these). Runs after `relations`
and adds only what that component did not state; arguments are named as the
resolved mentions are. Word lists are data (`data/enumeration_*.txt`).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from explorer.core.gazetteer import load_gazetteer
from explorer.nlp import list_sections, spans, written_facts
from explorer.nlp.facts import Context, Facts
from explorer.nlp.lexicon import configure, derived, pattern
from explorer.nlp.relation_patterns import is_firm, is_government
from explorer.nlp.spans import Mention
from explorer.nlp.written_facts import longest as _longest
from explorer.nlp.written_facts import subject_place

NUMBER = r"[0-9]+|[一二两三四五六七八九十百]+"
SEPARATOR = re.compile(r"[、，,]|和|及|与|以及")
COUNTED_WHAT = re.compile(r"(?:[\u4e00-\u9fff]{2,4}(?=[0-9一二三四五六七八九十]))?")
ROW_END = re.compile(r"(?:[^。；;、\n]{0,24}?[；;]|[\u4e00-\u9fff]{0,3}?(?:[、，,]|和|及|与|以及))")
LIST_GAP = re.compile(r"[\s:：，,]*")


@derived
def _count() -> re.Pattern:
    """等3家企业 / 共7户 / 5个: a count of bodies or places."""
    return re.compile(rf"(等)?(?:共有|共|有)?({NUMBER})(?:{pattern('enumeration_counters')})"
                      r"(?:企业|单位|公司|家企业)?")


@derived
def _trigger() -> re.Pattern:
    return re.compile(pattern("enumeration_award_triggers"))


@derived
def _lead() -> re.Pattern:
    return re.compile(pattern("enumeration_list_leads"))


def _past_gap(text: str, pos: int) -> int:
    """Past the colon, comma or line break before a list."""
    gap = LIST_GAP.match(text, pos)
    return gap.end() if gap else pos


def _number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    digits = dict(zip("一二三四五六七八九", range(1, 10), strict=True)) | {"两": 2}
    if len(text) == 1:
        return 10 if text == "十" else digits.get(text)
    if len(text) == 2 and text[0] == "十":
        return 10 + digits.get(text[1], 0)
    if len(text) in (2, 3) and text[1] == "十":
        return digits.get(text[0], 0) * 10 + (digits.get(text[2], 0) if len(text) == 3 else 0)
    return None


def _body(m: Mention) -> bool:
    """A listed body: a firm, school or association, not a government."""
    return m.label == "ORG" and not m.rule.deictic and not is_government(m)


def _place(m: Mention) -> bool:
    """A counting place: a named place, or 我市/本市 resolved to the home city."""
    return m.label == "PLACE" and not (m.rule.deictic and m.canonical == m.text)


def items_before(ctx: Context, pos: int) -> list[Mention]:
    """The bodies listed right before pos (A、B和C), first to last."""
    items: list[Mention] = []
    while True:
        item = _longest([m for m in ctx.mentions.ending(pos) if _body(m)])
        if item is None:
            return items[::-1]
        items.append(item)
        gap = re.search(r"(?:[、，,]|和|及|与|以及)$", ctx.text[max(0, item.start - 2) : item.start])
        if gap is None:
            return items[::-1]
        pos = item.start - len(gap.group())


def items_after(ctx: Context, pos: int, accept) -> list[Mention]:
    """The names listed from pos on (：A、B、C), skipping the colon or line break
    before the first; a chain of places (甲县乙镇) is its innermost place."""
    pos = _past_gap(ctx.text, pos)
    items: list[Mention] = []
    while True:
        item = _longest([m for m in ctx.mentions.starting(pos) if accept(m)])
        if item is None:
            return items
        inner = _longest(ctx.mentions.starting(item.end, ("PLACE",))) if item.label == "PLACE" else None
        while inner is not None:
            item, inner = inner, _longest(ctx.mentions.starting(inner.end, ("PLACE",)))
        items.append(item)
        gap = SEPARATOR.match(ctx.text, item.end)
        if gap is None:
            return items
        pos = gap.end()


def _honour(ctx: Context, start: int, end: int) -> Mention | None:
    """The last honour named in [start, end)."""
    honours = [m for m in ctx.mentions.between(start, end) if m.label == "HONOR"]
    return honours[-1] if honours else None


def _counting_place(ctx: Context, start: int, end: int) -> Mention | None:
    """The place that counts the bodies: the last place before the count in its
    sentence, not an adverbial (从X, 在X) and not nested in a longer name."""
    places = [m for m in ctx.mentions.between(start, end) if _place(m) and not ctx.adverbial(m)]
    places = [p for p in places if not spans.covering(ctx.doc, p.start, p.end, ("ORG", "HONOR", "PROGRAM"))]
    return places[-1] if places else None


def _state(facts: Facts, ctx: Context, items, place, honour, at: int) -> None:
    sentence = ctx.sentence_of(at)
    for item in items:
        if place is not None and item.label == "ORG":
            facts.add(item, "located_in", place, sentence, 0.65)
        if honour is not None:
            facts.add(item, "awarded", honour, sentence, 0.6)


def counted_lists(ctx: Context, facts: Facts) -> None:
    """我市A、B、C3家企业入围X / 此次X市上榜的7户企业分别是：A、B…"""
    last: tuple[tuple[int, int], Mention] | None = None  # the place of the sentence's previous count
    for count in _count().finditer(ctx.text):
        sentence = ctx.sentence_of(count.start())
        items = items_before(ctx, count.start())
        counter = _longest([m for m in ctx.mentions.ending(count.start()) if _place(m)]) if not items else None
        if counter is not None and ctx.text[counter.start - 1 : counter.start] == "等":
            items = items_before(ctx, counter.start - 1)  # A、B等我市22家企业入选: the place counts them
        if items:  # 我市A、B等3家企业入选X，C等5家纳入Y: the place touches the first list
            place = _longest([m for m in ctx.mentions.ending(items[0].start) if _place(m)]) or counter
            if place is None and last is not None and last[0] == sentence:
                place = last[1]
            if place is not None:
                last = (sentence, place)
            _state(facts, ctx, items, place, _list_honour(ctx, count, items[0].start, sentence), count.start())
            continue
        lead = _lead().search(ctx.text, count.end(), min(sentence[1], count.end() + 12))
        if lead is None or ctx.mentions.between(count.end(), lead.start()):
            continue
        listed = items_after(ctx, lead.end(), _body)
        number = _number(count.group(2))
        if len(listed) < 2 or number is not None and len(listed) > number:
            continue
        place = _counting_place(ctx, sentence[0], count.start())
        window = ctx.sentences[max(0, ctx.sentence_index(count.start()) - 1)][0]
        _state(facts, ctx, listed, place, _honour(ctx, window, count.start()), count.start())


def _list_honour(ctx: Context, count: re.Match, first: int, sentence: tuple[int, int]) -> Mention | None:
    """The honour of 〈list〉N家企业入选X: X, else the honour the sentence opened
    with when nothing else was counted or awarded in between."""
    if not _trigger().match(ctx.text, _past_gap(ctx.text, count.end())):
        return None
    after = _honour(ctx, count.end(), ctx.clause_end(count.end()))
    if after is not None:
        return after
    before = _honour(ctx, sentence[0], first)
    if before is None or _trigger().search(ctx.text, sentence[0], first) or _count().search(ctx.text, sentence[0], first):
        return None
    return before


def counted_then_listed(ctx: Context, facts: Facts) -> None:
    """X市6家企业入选Y。据了解，A、B…F入选Y: the firms of the next sentences, as
    many as were counted, lie in the counting place."""
    for count in _count().finditer(ctx.text):
        after = _past_gap(ctx.text, count.end())
        number = _number(count.group(2))
        if count.group(1) or number is None or number < 2 or not _trigger().match(ctx.text, after):
            continue
        place = _longest([m for m in ctx.mentions.ending(count.start()) if _place(m)])
        if place is None:
            continue
        honour = _honour(ctx, after, ctx.clause_end(after))
        _firms_counted(ctx, facts, (place, honour), number, ctx.sentence_index(count.start()) + 1)


def _firms_counted(ctx: Context, facts: Facts, counted: tuple, number: int, first: int) -> None:
    """The firms of the sentences from `first` on, each with an award verb, until as
    many as were counted are named (more: not this list). They lie in the
    counting place, and receive its honour when their sentence names it too."""
    place, honour = counted
    firms: dict[str, Mention] = {}
    for start, end in ctx.sentences[first : first + 4]:
        named = _distinct([m for m in ctx.mentions.between(start, end) if is_firm(m)])
        if not named or not _trigger().search(ctx.text, start, end):
            return
        firms.update((m.canonical, m) for m in named if m.canonical not in firms)
        if len(firms) > number:
            return
        if len(firms) == number:
            for firm in firms.values():
                sentence = ctx.sentence_of(firm.start)
                facts.add(firm, "located_in", place, sentence, 0.6)
                if honour is not None and _named_in(ctx, honour, sentence):
                    facts.add(firm, "awarded", honour, sentence, 0.6)
            return


def _named_in(ctx: Context, honour: Mention, sentence: tuple[int, int]) -> bool:
    return any(m.label == "HONOR" and m.canonical == honour.canonical for m in ctx.mentions.between(*sentence))


def _distinct(found: list[Mention]) -> list[Mention]:
    outer = [m for m in found if not any(o is not m and o.start <= m.start and m.end <= o.end for o in found)]
    seen: dict[str, Mention] = {}
    for m in outer:
        seen.setdefault(m.canonical, m)
    return list(seen.values())


def breakdowns(ctx: Context, facts: Facts) -> None:
    """全市累计41户，其中：甲区5户、乙市14户: each division counted lies in the place
    that counts the whole."""
    for match in re.finditer(r"其中[:：，,]?", ctx.text):
        items = _counted_places(ctx, match.end())
        if len(items) < 2:
            continue
        index = ctx.sentence_index(match.start())
        whole = subject_place(ctx, ctx.sentences[index][0], match.start())
        if whole is None and index:
            whole = subject_place(ctx, ctx.sentences[index - 1][0], match.start())
        if whole is None:  # 本次开工项目71个，其中，甲县13个项目: the paper's own count
            whole = next((m for m in ctx.mentions.all if m.label == "PLACE" and m.canonical == ctx.home), None)
        for item in items:
            if whole is not None and _inside(item, whole, ctx.home):
                facts.add(item, "located_in", whole, ctx.sentence_of(match.start()), 0.6)


def _counted_places(ctx: Context, pos: int) -> list[Mention]:
    """甲区5户、乙市14户、丙县2户: the places of a list of counts from pos on."""
    items: list[Mention] = []
    while True:
        item = _longest([m for m in ctx.mentions.starting(pos) if _place(m) and not m.rule.deictic])
        what = COUNTED_WHAT.match(ctx.text, item.end) if item is not None else None  # 甲县签约项目12个
        counted = _count().match(ctx.text, what.end()) if item is not None and what is not None else None
        if item is None or counted is None or counted.group(1):
            return items
        items.append(item)
        gap = ROW_END.match(ctx.text, counted.end())  # 甲县13个项目,年度计划投资8亿元;乙县…
        if gap is None:
            return items
        pos = gap.end()


def _inside(item: Mention, whole: Mention, home: str | None) -> bool:
    """The gazetteer puts the division inside the whole; a zone without a code is
    inside when named after it, or a bare 经开区 of the home city."""
    inner, outer = item.attrs.get("code"), whole.attrs.get("code")
    if inner and outer:
        return str(inner).startswith(str(outer)) and len(str(inner)) > len(str(outer))
    if item.label != "PLACE" or inner:
        return False
    division = load_gazetteer().get(str(outer)) if outer else None
    names = (whole.canonical, division.short) if division else (whole.canonical,)
    return item.canonical.startswith(names) or item.source == "zone" and whole.canonical == home


# The rules, in order: lists first, then what a name or a notice states.
RULES = (
    list_sections.sections,
    counted_lists,
    counted_then_listed,
    breakdowns,
    written_facts.notices,
    written_facts.titled_issuers,
    written_facts.led_by,
    written_facts.topic_awards,
    written_facts.participation,
    written_facts.walked_into,
    written_facts.landed,
    written_facts.prefixed_sites,
    written_facts.offices,
    written_facts.seats,
)


@Language.factory(
    "enumerations",
    assigns=["doc._.relations"],
    requires=["doc._.mentions", "doc._.relations"],
    default_config={"lexicon": {}},
)
def make_enumerations(nlp: Language, name: str, lexicon: dict[str, str]):
    configure(lexicon)
    return enumerations


def enumerations(doc: Doc) -> Doc:
    """Add the relations of lists, counts, notices and names to those already found."""
    ctx = Context(doc)
    facts = Facts(ctx)
    facts.records = list(doc._.relations or ())  # the RelationFact records of the relations component
    facts.seen = {(r.subject, r.relation, r.object) for r in facts.records}
    for rule in RULES:
        rule(ctx, facts)
    doc._.relations = facts.records
    return doc
