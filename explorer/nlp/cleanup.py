"""Cleanup of overlapping and doubtful guesses, before names are resolved.

Three passes, each a table of small rules:
- `VERDICTS`: one mention at a time — a segmenter guess with no place word,
  a kind of place or body (镇街, 乡镇学校), a name inside a 《…》 title or an
  honour (乙省文化产业示范园区 is a list, not a park) is dropped; a segmenter
  "place" ending in an industry word is a firm.
- `CONFLICTS`: pairs — where two rules disagree about a span, the one higher
  in the precedence table (spans.RULES) wins; a grown park gives way to a
  division it crosses.
- nesting: a name inside a longer one is kept only where it also stands alone
  (ANNOTATION.md), except organisations inside their sub-units (南通大学 of
  南通大学商学院) and a person inside a memorial's name (X故居).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from explorer.core.gazetteer import load_gazetteer
from explorer.nlp import places, spans
from explorer.nlp.lexicon import derived, ending, pattern, word_set, words
from explorer.nlp.spans import ENCLOSING, GROWN, Mention
from explorer.nlp.trims import trim_names

PROPER_TAGS = {"LOC", "PER", "nz", "ORG", "j", "nw", "m"}
DROP = "drop"
COUNTED_BEFORE = re.compile(r"(?:[0-9一二三四五六七八九十百千万余多]+[所家个座]|最[\u4e00-\u9fff]{1,2}的)$")


def inside(inner: Mention, outer: Mention) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end and outer.span != inner.span


def crosses(a: Mention, b: Mention) -> bool:
    return a.start < b.start < a.end < b.end or b.start < a.start < b.end < a.end


def proper(doc: Doc, start: int, end: int) -> bool:
    """Some word of [start, end) is a name or a proper noun for the segmenter."""
    return any(w.tag_ in PROPER_TAGS for w in spans.words_between(doc, start, end))


@derived
def _generic_org() -> re.Pattern:
    kinds = pattern("generic_org_kinds")
    return re.compile(f"^(?:{pattern('generic_org_modifiers')})(?:人民)?(?:{kinds})$|^(?:{kinds})$")


class Context:
    """What the verdicts need to know about the whole doc, computed once."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = spans.text_of(doc)
        self.records = spans.mentions(doc)
        self.titles = [m for m in self.records if m.rank == ENCLOSING]
        self.honours = [m for m in self.records if m.label == "HONOR"]
        self.gazetteer = load_gazetteer()
        home = places.home_division(self.gazetteer, doc._.home_city)
        self.place_names = places.name_index(home.name if home else None)

    def opens_with_place(self, text: str) -> bool:
        """甲明智能装备产业集群: a division's name or short name opens it."""
        return any(text[:n] in self.place_names for n in range(min(len(text) - 1, 8), 1, -1))


# --- one mention at a time: each returns DROP, a new label, or None ------------


def _in_title(c: Context, m: Mention):
    return DROP if any(inside(m, t) or crosses(m, t) for t in c.titles) else None


def _not_a_person(c: Context, m: Mention):
    """A segmenter person must open with a surname; 尹书记 is a way to address
    someone, not a name."""
    surnames = word_set("surnames")
    if m.label == "PERSON" and (m.text[:1] in surnames and m.text[1:] in word_set("titles")):
        return DROP
    return DROP if m.label == "PERSON" and m.text[:1] not in surnames and m.text[:2] not in surnames else None


def _short_guess(c: Context, m: Mention):
    if m.guess and m.label == "ORG" and len(m.text) <= 2:
        return DROP
    if m.guess and m.label == "ORG" and m.text.endswith(("社区", "街道")) and len(m.text) >= 4:
        return "PLACE"  # 米市街社区党委书记: the community is a place; its 党委 is the body
    return None


def _kind_of_place(c: Context, m: Mention):
    if m.label == "PLACE" and (ending(m.text, "kind_place_endings") or m.text in word_set("generic_places")):
        return DROP  # 美丽乡村建设, 镇街: kinds of places
    return None


def _kind_of_plan(c: Context, m: Mention):
    """产业规划, 国家战略, 头号工程, 重点建设项目: a plan word with only words that say
    what kind of plan it is names no plan. Titles and quoted names are names."""
    if m.label != "PROGRAM" or m.rank == ENCLOSING or "“" in m.text or "《" in m.canonical:
        return None
    head = ending(m.text, "program_heads")
    if head is None:
        return None
    rest = m.text[: -len(head)]
    for word in words("plan_kind_words"):
        rest = rest.replace(word, "")
    return DROP if not rest else None


def _inside_honour(c: Context, m: Mention):
    """全国青少年校园足球特色学校, 乙省文化产业示范园区: a list, not a school or a park."""
    if m.label in ("PLACE", "ORG") and (m.rank <= GROWN or m.label == "ORG") and any(
            h.start <= m.start and m.end <= h.end for h in c.honours):
        return DROP
    return None


def _firm_named_as_place(c: Context, m: Mention):
    """甲县祥光铜业: a firm named with its county, not a place."""
    if m.guess and m.label == "PLACE" and len(m.text) >= 4 and ending(m.text, "industry_words") \
            and m.text[-1] not in word_set("place_end_chars"):
        return "ORG"
    return None


def _kind_of_body(c: Context, m: Mention):
    """全市法院, 乡镇学校, 家庭农场: kinds of bodies, not names."""
    if m.label == "ORG" and m.rank <= GROWN and (
            _generic_org().match(m.text) or m.text[0] in "市县区省" and c.text[m.start - 1 : m.start] == "全"
            or m.text in word_set("org_heads")):
        return DROP
    if m.label == "ORG" and m.rank <= GROWN and not proper(c.doc, m.start, m.end) \
            and COUNTED_BEFORE.search(c.text, 0, m.start):
        return DROP  # 46所乡村学校, 规模最大的物流集散中心
    return None


def _word_not_place(c: Context, m: Mention):
    if not (m.guess and m.label == "PLACE"):
        return None
    if m.text in word_set("short_name_stopwords"):
        return DROP  # 惠民 (惠民政策) is a word before it is a county
    if len(m.text) <= 3 and m.text[-1] not in word_set("place_end_chars") and m.text not in word_set("countries") \
            and m.text not in c.gazetteer:
        return DROP  # 周转, 恒温库: short segmenter guesses with no place word
    if m.text.endswith("村") and c.text.startswith(("干部", "民"), m.end) and m.text not in c.gazetteer:
        return DROP  # 包村干部: a verb, not a village
    return None


def _bare_facility(c: Context, m: Mention):
    """A grown park or market with no proper word (工业园区, 产业园): a kind, unless
    a place or person opens it."""
    if m.grown and m.label == "PLACE" and not proper(c.doc, m.start, m.end) and not c.opens_with_place(m.text) \
            and not any(o is not m and o.start == m.start and o.label in ("PERSON", "PLACE") for o in c.records):
        return DROP
    return None


VERDICTS: tuple[Callable[[Context, Mention], str | None], ...] = (
    _in_title, _not_a_person, _short_guess, _kind_of_place, _kind_of_plan, _inside_honour, _firm_named_as_place,
    _kind_of_body, _word_not_place, _bare_facility,
)


def judge_each(doc: Doc) -> None:
    context = Context(doc)
    doomed = []
    for m in context.records:
        for verdict in VERDICTS:
            outcome = verdict(context, m)
            if outcome == DROP:
                doomed.append(m)
                break
            if outcome:
                m.label = outcome
                break
    spans.remove(doc, doomed)


# --- pairs: does `o` make `m` go? ----------------------------------------------


def _guess_loses(m: Mention, o: Mention) -> bool:
    """A segmenter guess gives way to a better rule on the same span with another
    label, to a span it crosses, and to a longer place it starts."""
    if not m.guess or o.guess:
        return False
    if m.span == o.span and o.label != m.label or crosses(m, o):
        return True
    if o.label == m.label == "PLACE" and o.start == m.start and o.end > m.end:
        return True
    # 南通大学签署: the segmenter took the verb along
    return o.label == m.label == "ORG" and o.start == m.start and 0 < m.end - o.end <= 2 and bool(ending(o.text, "org_heads"))


def _park_crosses_division(m: Mention, o: Mention) -> bool:
    return m.grown and m.label == "PLACE" and o.rule.division and crosses(m, o)  # 甲区新区 | 新区街道


def _person_inside(m: Mention, o: Mention) -> bool:
    if m.label != "PERSON" or not (inside(m, o) or crosses(m, o)):
        return False
    return not (o.label == "PLACE" and ending(o.text, "memorial_heads"))  # 赵健民故居 names a person too


CONFLICTS = (_guess_loses, _park_crosses_division, _person_inside)


def _overlapping_pairs(records: list[Mention]):
    """(m, o) for every two mentions that share a character (every conflict needs one)."""
    ordered = sorted(records, key=lambda m: m.start)
    for i, m in enumerate(ordered):
        for o in ordered[i + 1 :]:
            if o.start >= m.end:
                break
            yield m, o
            yield o, m


def settle_conflicts(doc: Doc) -> None:
    records = spans.mentions(doc)
    doomed = {id(m): m for m, o in _overlapping_pairs(records) if any(rule(m, o) for rule in CONFLICTS)}
    spans.remove(doc, list(doomed.values()))


# --- nesting ---------------------------------------------------------------------


def _standalone_texts(records: list[Mention]) -> set[str]:
    alone: set[str] = set()
    for m in records:
        if not any(inside(m, o) for o in records):
            alone.update((m.text, m.canonical))
    return alone


def _may_nest(m: Mention, o: Mention) -> bool:
    if m.label == "ORG" and o.start == m.start and (m.rule.nests or m.also_lac) and ending(m.text, "org_heads"):
        return True  # 中共甲地委 inside 中共甲地委旧址: organisations nest
    if m.label == o.label == "ORG" and o.start == m.start and ending(o.text[len(m.text):], "sub_units"):
        return True
    if m.label == "PERSON" and o.label == "PLACE" and ending(o.text, "memorial_heads"):
        return True
    # kept as the shared page's gold does (江苏省 of 江苏省文化和旅游厅); the resolver and the
    # relations read the body's place from it (县卫健局 after 莘县人民政府)
    return m.label == "PLACE" and o.label == "ORG" and bool(ending(o.text, "government_heads"))


# what may follow a country that stands alone: a function word or punctuation
COUNTRY_ALONE_NEXT = re.compile(r"[^\u4e00-\u9fff]|[的和与及、在是为将已等同对向到内外前谈]")
# what before a country makes it an argument of its own (是中国唯一…, 跑到香港, 销往非洲)
COUNTRY_ALONE_BEFORE = re.compile(r"(?:是|在|到|赴|至|往|来自|全)$")


def drop_country_modifiers(doc: Doc) -> None:
    """中国式现代化, 中国特色社会主义, 中国农民丰收节: a country written as the first
    word of a longer phrase is part of that phrase, not a place of its own,
    unless the article also names it alone (after 是/在/到, before a function
    word or punctuation, or before a place inside it: 波兰波兹南)."""
    text = spans.text_of(doc)
    records = spans.mentions(doc)
    countries = set(words("countries"))
    found = [m for m in records if m.label == "PLACE" and m.text in countries]

    def stands_alone(m: Mention) -> bool:
        return m.end == len(text) or COUNTRY_ALONE_NEXT.match(text, m.end) is not None \
            or COUNTRY_ALONE_BEFORE.search(text, 0, m.start) is not None \
            or any(o.label == "PLACE" and o.start == m.end for o in records)

    alone = {m.text for m in found if stands_alone(m)}
    spans.remove(doc, [m for m in found if m.text not in alone])


def drop_nested(doc: Doc) -> None:
    """A name inside a longer one counts only where it also stands alone."""
    records = spans.mentions(doc)
    alone = _standalone_texts(records)
    doomed = []
    for m in records:
        outers = [o for o in records if inside(m, o)]
        if outers and m.text not in alone and m.canonical not in alone and not any(_may_nest(m, o) for o in outers):
            doomed.append(m)
    spans.remove(doc, doomed)


def parent_orgs(doc: Doc) -> None:
    """南通大学商学院 also names 南通大学 (the annotation counts both, with part_of)."""
    heads = re.compile(pattern("parent_heads"))
    for m in list(spans.mentions(doc)):
        if m.label != "ORG" or not ending(m.text, "sub_units"):
            continue
        for head in heads.finditer(m.text):
            cut = head.end()
            if 2 < cut < len(m.text) and ending(m.text[cut:], "sub_units") and len(m.text) - cut >= 2:
                spans.add(doc, m.start, m.start + cut, "ORG", "parent_org")
                break


def complete_known_places(doc: Doc) -> None:
    """米市街 + 社区 where 米市街社区 is a place named in the same article: the
    segmenter split the repeated name, the article already told us the whole."""
    text = spans.text_of(doc)
    records = spans.mentions(doc)
    known = {m.text for m in records if m.label == "PLACE" and m.text.endswith(("社区", "村", "街道"))}
    for m in records:
        if m.label != "PLACE" or m.rank > GROWN:
            continue
        for suffix in ("社区", "村", "街道"):
            if text.startswith(suffix, m.end) and m.text + suffix in known \
                    and not spans.overlapping(doc, m.end, m.end + len(suffix)):
                spans.remove(doc, [m])
                spans.add(doc, m.start, m.end + len(suffix), "PLACE", "lac")
                break


def split_place_chains(doc: Doc) -> None:
    """A segmenter place made of gazetteer places (烟庄街道王村) gives way to them;
    one that is more than its parts (甲城古城区) keeps them out."""
    records = spans.mentions(doc)
    doomed = []
    for m in records:
        if m.label != "PLACE" or m.rule.division:
            continue
        parts = sorted((o for o in records if o.rule.division and inside(o, m)), key=lambda o: o.start)
        covered, last_code = m.start, ""
        for part in parts:
            code = part.attrs.get("code", "")
            if part.start == covered and code.startswith(last_code):
                covered, last_code = part.end, code
        doomed.extend([m] if parts and covered == m.end else parts)
    spans.remove(doc, doomed)


def trim_facilities(doc: Doc) -> None:
    """开发区周公河精品水果市场 -> 周公河精品水果市场 (the place before it is separate);
    中洲运河古城 | 景区 is one name."""
    records = spans.mentions(doc)
    text = spans.text_of(doc)
    heads = word_set("place_heads")
    spans.remove(doc, [m for m in records if m.grown and m.label == "PLACE" and any(
        o.grown and o.label == "PLACE" and o.start == m.start and text[m.end : o.end] in heads for o in records)])
    records = spans.mentions(doc)
    for m in list(records):
        if m.label != "PLACE" or not m.grown:
            continue
        for o in records:
            if o is not m and o.label == "PLACE" and o.start == m.start and o.end < m.end:
                spans.remove(doc, [m])
                if m.end - o.end >= 4 and proper(doc, o.end, m.end):
                    spans.add(doc, o.end, m.end, "PLACE", "facility")
                break


def cleanup(doc: Doc) -> None:
    trim_names(doc)
    judge_each(doc)
    complete_known_places(doc)
    settle_conflicts(doc)
    split_place_chains(doc)
    trim_facilities(doc)
    parent_orgs(doc)
    drop_country_modifiers(doc)
    drop_nested(doc)




def drop_places_inside_bodies(doc: Doc) -> Doc:
    """After the relations: a place written only inside a body's name (甲市 of
    甲市乙区经济促进局) is not an entity of its own (ANNOTATION.md). The resolver and
    the relations read it (the body's division, where a firm lies); the
    analysis does not list it."""
    records = spans.mentions(doc)
    alone = _standalone_texts(records)
    doomed = [m for m in records if m.label == "PLACE" and m.text not in alone and m.canonical not in alone
              and not m.refers and any(inside(m, o) and o.label == "ORG" for o in records)]
    spans.remove(doc, doomed)
    return doc


@Language.factory("nested_places", assigns=["doc._.mentions"], requires=["doc._.mentions"])
def make_nested_places(nlp: Language, name: str):
    return drop_places_inside_bodies
