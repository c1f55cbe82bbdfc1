"""Relations as declarative patterns over a sentence's mentions.

Each line of `data/relations.tsv` (named by `pipeline.cfg`) says: a relation,
the trigger words, which argument stands before the trigger and which after
it (subject or object, the entity types and kinds it may have, how far it may
be), options, and a confidence. For example

    awarded  获评|荣获|入选  subject:ORG|PLACE|PERSON@clause+  object:HONOR@clause  list  0.7

reads "X获评Y": the nearest organisation, place or person before 获评 in its
clause (else the sentence's subject) is awarded the first honour after it in
the clause, and every name listed with 、/和 beside either of them too.

Reach: `touch` (the argument touches the trigger), `clause` (the nearest in
the clause), `clause+` (else the sentence's first subject before it), `chain`
(a chain of places after the trigger: the innermost). Kinds refine a type
(ORG.firm, PLACE.division...: see KINDS). Types after `/` only block: the
nearest name before 落户 being a project means the project lands, not the
firm before it. Options: `list` (enumerations share the role), `agent` (the
agent before 会同/联合/在 acts), `of` (位于X的Y: Y is the subject), `deeper`
(of two divisions, the smaller lies in the larger). Earlier lines win a
trigger and argument pair over later ones.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from explorer.core.gazetteer import LEVEL_RANK
from explorer.errors import PipelineError
from explorer.nlp import lexicon
from explorer.nlp.facts import COUNT, Context, Facts
from explorer.nlp.lexicon import DATA_DIR, ending, table, words
from explorer.nlp.spans import Mention

AGENT_BREAKS = re.compile(r"会同|联合|协同|携手|在")


def _ends(m: Mention, concept: str) -> bool:
    return m.canonical.endswith(words(concept)) or m.text.endswith(words(concept))


def is_firm(m: Mention) -> bool:
    return m.label == "ORG" and (m.text.endswith(words("firm_endings")) or m.rule.firm)


def is_government(m: Mention) -> bool:
    return m.label == "ORG" and not is_firm(m) and _ends(m, "jurisdiction_endings")


def is_addressed(m: Mention) -> bool:
    """A body with an address (a firm, a school, a hospital), not a jurisdiction."""
    return is_firm(m) or m.label == "ORG" and _ends(m, "addressed_bodies")


def is_placed(m: Mention) -> bool:
    """A body with an address, or a name the segmenter found that is no
    government (莒南县太钢鑫海: a firm's short name after its county)."""
    return is_addressed(m) or m.label == "ORG" and m.guess and not is_government(m)


def is_division(m: Mention) -> bool:
    return m.label == "PLACE" and bool(m.attrs.get("code"))


def is_facility(m: Mention) -> bool:
    """A park, market, site or zone: a place that is not a division, grown from or
    matched on its type word (not a bare segmenter guess such as 中国)."""
    return m.label == "PLACE" and not is_division(m) and not m.rule.deictic and not m.guess


PLACE_ENDINGS = ("村", "社区", "镇", "乡", "街道", "屯", "庄", "寨", "路", "街", "巷", "园", "湖", "山", "港", "湾", "岛", "基地")


def is_local(m: Mention) -> bool:
    """A facility, or a place the segmenter found that ends like one (高槐村 after its district)."""
    return is_facility(m) or m.label == "PLACE" and m.guess and not is_division(m) and m.text.endswith(PLACE_ENDINGS)


PROJECT = re.compile(r"(?:项目|工程)(?:[（(]?[一二三四五六七八九十0-9]+期[）)]?)?$")


def is_project(m: Mention) -> bool:
    """A named construction or investment project (…项目, …工程, …项目二期)."""
    return m.label == "PROGRAM" and (m.rule.project or bool(PROJECT.search(m.canonical)))


def is_deictic(m: Mention) -> bool:
    return m.rule.deictic


def is_actor(m: Mention) -> bool:
    """我市/该县 act; 全市 (the whole city) and 这里 do not."""
    return not (m.rule.deictic and m.text[:1] in "全这這")


BIG_LEVELS = ("province", "city", "county", "county_city", "district")

KINDS: dict[str, Callable[[Mention], bool]] = {
    "firm": is_firm,
    "gov": is_government,
    "body": lambda m: not is_government(m),
    "addressed": is_addressed,
    "placed": is_placed,
    "division": is_division,
    "facility": is_facility,
    "local": is_local,
    "site": lambda m: m.attrs.get("level") not in BIG_LEVELS and not m.rule.deictic,
    "named": lambda m: not m.rule.deictic,
    "actor": is_actor,
    "ours": lambda m: m.rule.deictic and m.text[:1] in "我本该",  # 我市, 本区, 该县
    # 全市 or 全区 resolved (a ranking within the province says little of where a city is)
    "whole": lambda m: m.rule.deictic and m.text[:1] == "全" and m.canonical != m.text
    and m.attrs.get("level") != "province",
    "issuer": lambda m: not m.rule.deictic or m.text[:1] in "我本该",
    "project": is_project,
    "plan": lambda m: not is_project(m),
    "document": lambda m: m.source == "title" or m.canonical.startswith("《"),
}


@dataclass(frozen=True)
class Slot:
    """One argument of a pattern: its role, the mentions it accepts, its reach."""

    role: str  # subject | object
    accepts: tuple[tuple[str, str | None], ...]  # (label, kind)
    blocks: tuple[tuple[str, str | None], ...]
    reach: str  # touch | clause | clause+ | chain

    def takes(self, m: Mention) -> bool:
        return _matches(m, self.accepts)

    def stops(self, m: Mention) -> bool:
        return _matches(m, self.blocks)


def _matches(m: Mention, kinds) -> bool:
    return any(m.label == label and (kind is None or KINDS[kind](m)) for label, kind in kinds)


@dataclass(frozen=True)
class Pattern:
    relation: str
    trigger: re.Pattern | None  # None: the arguments touch each other
    before: Slot
    after: Slot
    options: frozenset[str]
    confidence: float


REACHES = ("touch", "clause", "clause+", "chain")


def _kinds(spec: str) -> tuple[tuple[str, str | None], ...]:
    out = []
    for item in filter(None, spec.split("|")):
        label, _, kind = item.partition(".")
        if kind and kind not in KINDS:
            raise PipelineError(f"relations: unknown kind {kind!r} in {spec!r}")
        out.append((label, kind or None))
    return tuple(out)


def parse_slot(spec: str) -> Slot:
    """`subject:ORG|PLACE.facility/PROGRAM@clause+` -> Slot."""
    match = re.fullmatch(r"(subject|object):([^@/]+)(?:/([^@]+))?@(\S+)", spec)
    if match is None or match.group(4) not in REACHES:
        raise PipelineError(f"relations: cannot read the argument {spec!r}")
    return Slot(match.group(1), _kinds(match.group(2)), _kinds(match.group(3) or ""), match.group(4))


def parse_line(line: str) -> Pattern:
    fields = line.split("\t")
    if len(fields) != 6:
        raise PipelineError(f"relations: expected 6 tab-separated fields, got {len(fields)}: {line!r}")
    relation, trigger, before, after, options, confidence = fields
    pattern = Pattern(
        relation=relation.strip(), trigger=None if trigger.strip() == "-" else re.compile(trigger.strip()),
        before=parse_slot(before.strip()), after=parse_slot(after.strip()),
        options=frozenset(o.strip() for o in options.split(",") if o.strip() and o.strip() != "-"),
        confidence=float(confidence),
    )
    if {pattern.before.role, pattern.after.role} != {"subject", "object"}:
        raise PipelineError(f"relations: a pattern needs one subject and one object: {line!r}")
    return pattern


@functools.lru_cache(maxsize=8)
def load_patterns(name: str = "relations.tsv") -> tuple[Pattern, ...]:
    path = DATA_DIR / name
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise PipelineError(f"cannot read the relation patterns {path}: {exc}") from exc
    return tuple(parse_line(line) for line in lines if line.strip() and not line.lstrip().startswith("#"))


# --- finding the arguments ---------------------------------------------------------


def _outermost(candidates: list[Mention]) -> list[Mention]:
    """Of names nested in one another, the whole one (江苏省人民政府, not 江苏省)."""
    return [m for m in candidates if not any(
        o is not m and o.start <= m.start and m.end <= o.end and (o.end - o.start) > (m.end - m.start) for o in candidates)]


def _usable_before(ctx: Context, m: Mention) -> bool:
    """Not an adverbial, a quoted title, a speaker or a reporter."""
    return not ctx.adverbial(m) and not ctx.quoted(m) and not ctx.speaker(m) and not ctx.credited(m)


SUBJECTS = ("ORG", "PLACE", "PERSON")  # what may be a clause's subject


def _nearest_before(ctx: Context, slot: Slot, pos: int, options) -> list[Mention]:
    """The nearest possible subject before pos in its clause, if the slot takes it;
    else (clause+) the sentence's first subject when the clause names none."""
    clause = ctx.clause_start(pos)
    relevant = [m for m in ctx.mentions.between(clause, pos) if m.label in SUBJECTS or slot.takes(m) or slot.stops(m)]
    relevant = _outermost([m for m in relevant if _usable_before(ctx, m)])
    if "agent" in options:
        breaks = list(AGENT_BREAKS.finditer(ctx.text, clause, pos))
        if breaks and any(m.end <= breaks[-1].start() for m in relevant):
            relevant = [m for m in relevant if m.end <= breaks[-1].start()]  # 市工信局会同市财政局开展…
    if relevant:
        nearest = max(relevant, key=lambda m: (m.end, m.end - m.start, m.label == "ORG"))
        # a place that counts its members (我市5家企业入选) stands for them: none of its names is the subject
        return [nearest] if slot.takes(nearest) and not ctx.counts(nearest) else []
    if slot.reach != "clause+" or COUNT.search(ctx.text, clause, pos):
        return []  # 街道已有3个社区被评为X: what is counted is the subject, not a name before the clause
    sentence = ctx.sentence_of(pos)
    first = [m for m in ctx.mentions.between(sentence[0], pos) if slot.takes(m) and _usable_before(ctx, m)
             and _same_voice(ctx.text[m.end : pos])]
    first = _outermost(first)
    if not first:
        return []
    # A和B成功入选，由X升级为Y: the clause goes on with the subject of the last clause that named one
    last_clause = ctx.clause_start(first[-1].start)
    latest = [m for m in first if m.start >= last_clause and not ctx.adverbial(m)]
    return latest[-1:] if latest and last_clause > sentence[0] and _ends_clause_with_trigger(ctx, latest[-1]) else first[:1]


def _ends_clause_with_trigger(ctx: Context, m: Mention) -> bool:
    """The subject acted in its own clause (A成功入选，…), so it is the topic that goes on."""
    return bool(_award_verb_at_end().search(ctx.text, m.end, ctx.clause_end(m.end)))


@lexicon.derived
def _award_verb_at_end() -> re.Pattern:
    return re.compile(f"(?:{lexicon.pattern('award_verbs')})$")


def _same_voice(between: str) -> bool:
    """No quote opens or closes between a name and the trigger (a speaker's words are not his acts)."""
    return between.count("“") == between.count("”") and between.count("「") == between.count("」")


def find_before(ctx: Context, slot: Slot, pos: int, options) -> list[Mention]:
    if slot.reach == "touch":
        found = [m for m in ctx.mentions.ending(pos) if slot.takes(m)]
        chosen = [max(found, key=lambda m: m.end - m.start)] if found else []
    else:
        chosen = _nearest_before(ctx, slot, pos, options)
    if chosen and "list" in options:
        chosen += ctx.listed_before(chosen[0], _listed_with(chosen[0], slot))
    return chosen


def _listed_with(first: Mention, slot: Slot):
    """Items listed before a touching place are places of its rank (甲县、乙县的X);
    in 甲镇A村、乙镇B村, A村 is no town of a list."""
    same = _same_kind_as(first, slot)
    if slot.reach != "touch" or first.label != "PLACE":
        return same
    rank = division_rank(first)
    return lambda m: same(m) and division_rank(m) == rank


def _same_kind_as(first: Mention, slot: Slot):
    """An item of a list is of the first item's type (A公司、B、C: B and C need no company ending)."""
    return lambda m: any(m.label == label for label, _ in slot.accepts) and not m.rule.deictic


def _chain(ctx: Context, pos: int) -> tuple[Mention | None, int]:
    """The innermost place of a chain starting at pos (茌平区博平镇), and where it ends."""
    place = None
    while True:
        found = ctx.mentions.starting(pos, ("PLACE",))
        if not found:
            return place, pos
        place = max(found, key=lambda m: m.end)
        pos = place.end


def find_after(ctx: Context, slot: Slot, pos: int, options) -> list[Mention]:
    if slot.reach == "chain":
        place, _ = _chain(ctx, pos)
        chosen = [place] if place is not None and slot.takes(place) else []
    elif slot.reach == "touch":
        pos += 1 if ctx.text[pos : pos + 1] in ("“", "‘", "《") and not ctx.mentions.starting(pos) else 0
        found = [m for m in ctx.mentions.starting(pos) if slot.takes(m)]
        chosen = [max(found, key=lambda m: m.end - m.start)] if found else []
    else:
        end = ctx.clause_end(pos)
        found = [m for m in ctx.mentions.between(pos, end) if slot.takes(m)]
        chosen = _outermost(found)[:1]
    if chosen and "list" in options:
        chosen += ctx.listed_after(chosen[0], _same_kind_as(chosen[0], slot))
    return chosen


def _of_target(ctx: Context, pos: int) -> Mention | None:
    """位于冠县烟庄街道王村的中共王村党支部旧址: what lies there is after 的."""
    place, end = _chain(ctx, pos)
    if place is None or ctx.text[end : end + 1] != "的":
        return None
    found = [m for m in ctx.mentions.starting(end + 1) if m.label in ("ORG", "PLACE")]
    return max(found, key=lambda m: m.end) if found else None


# --- applying the patterns ---------------------------------------------------------


def _trigger_spans(ctx: Context, pattern: Pattern):
    if pattern.trigger is not None:
        for match in pattern.trigger.finditer(ctx.text):
            if not ctx.mentions.inside_name(match.start(), match.end()):
                yield match.start(), match.end()
        return
    for m in ctx.mentions.all:  # the arguments touch: after each possible first argument
        if pattern.before.takes(m):
            yield m.end, m.end


def _emit(facts: Facts, pattern: Pattern, first: Mention, second: Mention, at: int, claimed: set) -> None:
    subject, obj = (first, second) if pattern.before.role == "subject" else (second, first)
    if subject is obj or subject.canonical == obj.canonical:
        return
    key = (min(id(subject), id(obj)), max(id(subject), id(obj)), at)
    if key in claimed:
        return  # an earlier pattern read this trigger for these two names
    if "deeper" in pattern.options and not _lies_within(subject, obj):
        return
    claimed.add(key)
    facts.add_in_sentence(subject, pattern.relation, obj, pattern.confidence, at=at)


def _unless(pattern: Pattern) -> tuple[str, ...]:
    """`unless:部署|要求`: not when these words follow the second argument (落实X部署: X is someone else's)."""
    return tuple(w for o in pattern.options if o.startswith("unless:") for w in o[len("unless:"):].split("|"))


def _arguments(ctx: Context, pattern: Pattern, start: int, end: int, unless) -> tuple[list, list]:
    """The names before and after one trigger that the pattern accepts."""
    target = _of_target(ctx, end) if "of" in pattern.options else None
    if target is not None:  # 位于X的Y: Y lies in X, whatever stands before 位于
        return [target], [_chain(ctx, end)[0]]
    afters = find_after(ctx, pattern.after, end, pattern.options)
    if "uncounted" in pattern.options and afters and COUNT.search(ctx.text, end, afters[0].start):
        return [], []  # 入选12家, 建成6个X: what is counted is the subject, not a name before
    if unless:
        afters = [m for m in afters if not ctx.text.startswith(unless, m.end)]
    if not afters:
        return [], []
    return find_before(ctx, pattern.before, start, pattern.options), afters


ZONE_LIKE = re.compile(r"(?:开发区|高新区|经开区|新区|园区|产业园|示范区|集聚区)$")


def division_rank(m: Mention) -> int | None:
    """0 (province) .. 4 (village): the gazetteer's level, else the name's ending
    (a former county or a village the gazetteer lacks); None for other places."""
    level = m.attrs.get("level")
    if m.attrs.get("code") and level in LEVEL_RANK:
        return LEVEL_RANK[level]
    suffix = ending(m.canonical, "division_ranks")
    return int(table("division_ranks")[suffix]) if suffix and len(m.canonical) > len(suffix) else None


def _lies_within(inner: Mention, outer: Mention) -> bool:
    """The text states it; the levels only check it (a village lies in a town, not
    a town in a village). A division lies in no facility but a zone
    (襄阳高新区团山镇), and in no road."""
    a, b = division_rank(inner), division_rank(outer)
    if a is not None and b is not None:
        return a > b
    if a is not None:
        return bool(ZONE_LIKE.search(outer.canonical))
    return True


def apply_pattern(ctx: Context, facts: Facts, pattern: Pattern, claimed: set) -> None:
    unless = _unless(pattern)
    for start, end in _trigger_spans(ctx, pattern):
        befores, afters = _arguments(ctx, pattern, start, end, unless)
        for first in befores:
            for second in afters:
                _emit(facts, pattern, first, second, start, claimed)


def apply_patterns(ctx: Context, facts: Facts, patterns) -> None:
    claimed: set = set()
    for pattern in patterns:
        apply_pattern(ctx, facts, pattern, claimed)
