"""Relations stated by the layout of a published list rather than by a sentence.

Notices and list articles (名单, 公示, 通报) set their items out under headings:

    2022年度湖北省乡村振兴示范村创建名单      <- the list's honour
    （甲市）                                  <- the region of what follows
    乙县（3个）                               <- a group heading: a place
    丙镇丁村、戊镇己村、…                     <- the items
    一、十强农业龙头企业                      <- a section heading: an honour
    1.甲公司
    2.乙公司

Each item receives the honour of the heading or title it stands under, and lies
in the place heading of its group; a place heading lies in the region heading
above it when it is a smaller division. An item written as a chain of places
(丙镇丁村) is its innermost place; its outermost place lies in the group's place
(the chain itself is read by the relations component). Prose ends a section.
Part of the enumerations component (enumerations.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from explorer.nlp.facts import Context, Facts
from explorer.nlp.lexicon import derived, pattern
from explorer.nlp.relation_patterns import division_rank
from explorer.nlp.spans import Mention
from explorer.nlp.written_facts import innermost
from explorer.nlp.written_facts import longest as _longest

NUMBERING = re.compile(r"\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十0-9]{1,3}[）)]|[0-9]{1,3}[.、．]"
                       r"(?![0-9]))?\s*")
HEADING_TAIL = re.compile(r"\s*(?:[（(][^（()）\n]{0,10}[）)])?\s*[:：]?\s*$")
ITEM_GAP = re.compile(r"[\s、，,；;]*")
LINE_END = re.compile(r"[\s。；;]*$")
UNREAD_ITEM = re.compile(r"[\u4e00-\u9fff（）()]{2,14}(?=[、，,；;\s]|$)")


@dataclass
class Section:
    """What the current items stand under."""

    honour: Mention | None = None
    regions: list[Mention] = field(default_factory=list)  # place headings, largest first
    items: int = 0  # item lines since the last heading


def _past(optional: re.Pattern, text: str, start: int, end: int) -> int:
    """Past what an always-matching pattern (all optional) reads at start."""
    match = optional.match(text, start, end)
    return match.end() if match else start


def _lines(text: str):
    start = 0
    for line in text.split("\n"):
        if line.strip():
            yield start, start + len(line)
        start += len(line) + 1


def place_heading(ctx: Context, start: int, end: int) -> Mention | None:
    """A line that is one named place, perhaps in brackets or with a count after
    it: 宜都市（3个） / （宜昌） / 二、甲县:."""
    pos = _past(NUMBERING, ctx.text, start, end)
    bracketed = ctx.text[pos : pos + 1] in "（("
    place = _longest([m for m in ctx.mentions.starting(pos + bracketed, ("PLACE",)) if not m.rule.deictic])
    if place is None or place.end > end:
        return None
    rest = place.end + (bracketed and ctx.text[place.end : place.end + 1] in "）)")
    return place if HEADING_TAIL.fullmatch(ctx.text, rest, end) else None


def honour_heading(ctx: Context, start: int, end: int) -> Mention | None:
    """A line that names an honour and nothing else but a list word, or a list
    title: 一、十强农业龙头企业 / 2022年度X示范村创建名单 / X名单（第一批）."""
    honours = [m for m in ctx.mentions.between(start, end) if m.label == "HONOR"]
    if not honours:
        return None
    honour = honours[-1]
    if len(honours) == 1 and _list_word().search(ctx.text, honour.end, end):
        return honour
    pos = _past(NUMBERING, ctx.text, start, end)
    return honour if honour.start == pos and _honour_tail().fullmatch(ctx.text, honour.end, end) else None


@derived
def _list_word() -> re.Pattern:
    return re.compile(f"(?:{pattern('list_title_words')})")


@derived
def _honour_tail() -> re.Pattern:
    """What may follow the honour on its heading line: a list word, a bracket, a colon."""
    return re.compile(rf"(?:{pattern('list_title_words')})?(?:[（(][^（()）\n]{{0,10}}[）)])?\s*[:：]?\s*$")


def item_line(ctx: Context, start: int, end: int) -> list[tuple[Mention, Mention]] | None:
    """The (outermost, innermost) names of a line that lists bodies or places and
    nothing else (1.甲公司 / 丙镇丁村、戊镇己村); None for any other line."""
    pos = _past(NUMBERING, ctx.text, start, end)
    items: list[tuple[Mention, Mention]] = []
    unread = 0  # items the pipeline found no name in (仙女镇向巷村 with 向巷村 unknown)
    while pos < end:
        found = [m for m in ctx.mentions.starting(pos) if m.label in ("ORG", "PLACE") and not m.rule.deictic]
        item = _longest([m for m in found if m.end <= end])
        if item is None:
            if LINE_END.fullmatch(ctx.text, pos, end):
                break
            gap = UNREAD_ITEM.match(ctx.text, pos, end)
            if gap is None:
                return None
            unread, pos = unread + 1, _past(ITEM_GAP, ctx.text, gap.end(), end)
            continue
        inner = innermost(ctx, item) if item.label == "PLACE" else item
        items.append((item, inner))
        pos = _past(ITEM_GAP, ctx.text, inner.end, end)
    return items if items and unread * 2 < len(items) + unread else None


def _bracketed_place(ctx: Context, start: int, end: int) -> Mention | None:
    bracket = re.search(r"[（(]", ctx.text[start:end])
    if bracket is None:
        return None
    found = [m for m in ctx.mentions.starting(start + bracket.end(), ("PLACE",)) if not m.rule.deictic]
    return _longest([m for m in found if m.end < end])


def _state(ctx: Context, facts: Facts, section: Section, items, line: tuple[int, int]) -> None:
    place = section.regions[-1] if section.regions else None
    for outer, inner in items:
        if place is not None and (outer.label == "ORG" or _smaller(outer, place)):
            facts.add(outer, "located_in", place, (place.start, line[1]) if line[1] - place.start < 300 else line, 0.6)
        if section.honour is not None:
            evidence = (section.honour.start, line[1]) if line[1] - section.honour.start < 300 else line
            facts.add(inner, "awarded", section.honour, evidence, 0.6)


def _smaller(inner: Mention, outer: Mention) -> bool:
    a, b = division_rank(inner), division_rank(outer)
    return a is not None and b is not None and a > b


def _place_heading_seen(ctx: Context, facts: Facts, section: Section, place: Mention) -> None:
    """A new group heading replaces the groups of its rank or smaller; it lies in a
    larger region heading above it."""
    while section.regions and not _smaller(place, section.regions[-1]):
        section.regions.pop()
    if section.regions:
        facts.add(place, "located_in", section.regions[-1], (section.regions[-1].start, place.end), 0.6)
    section.regions.append(place)


def inline_group(ctx: Context, start: int, end: int) -> tuple[Mention, int] | None:
    """武汉市：武昌区、蔡甸区 — a group heading with its items on the same line: the
    place, and where its items start."""
    pos = _past(NUMBERING, ctx.text, start, end)
    place = _longest([m for m in ctx.mentions.starting(pos, ("PLACE",)) if not m.rule.deictic])
    if place is None:
        return None
    colon = re.match(r"\s*(?:[（(][^（()）\n]{0,10}[）)])?\s*[:：]\s*", ctx.text[place.end : end])  # 甲市（8家）：
    return (place, place.end + colon.end()) if colon else None


def _inline_group_seen(ctx: Context, facts: Facts, section: Section, start: int, end: int) -> bool:
    group = inline_group(ctx, start, end)
    items = item_line(ctx, group[1], end) if group is not None else None
    if group is None or items is None or not all(_smaller(outer, group[0]) for outer, _ in items if outer.label == "PLACE"):
        return False
    _place_heading_seen(ctx, facts, section, group[0])
    _state(ctx, facts, section, items, (start, end))
    section.regions.pop()
    section.items += 1
    return True


# a table flattened into lines puts each row's other cells (第二批, 2021年,
# 3家) on lines of their own: such a line names nothing and does not end the list
TABLE_CELL = re.compile(r"[\u4e00-\u9fff0-9A-Za-z]{1,8}")


def _table_cell(ctx: Context, start: int, end: int) -> bool:
    return TABLE_CELL.fullmatch(ctx.text, start, end) is not None and not ctx.mentions.between(start, end)


def sections(ctx: Context, facts: Facts) -> None:
    """Walk the lines: headings open sections, item lines state, prose closes."""
    section = Section()
    for start, end in _lines(ctx.text):
        if _inline_group_seen(ctx, facts, section, start, end):
            continue
        items = item_line(ctx, start, end)
        place = place_heading(ctx, start, end)
        if place is not None and (items is None or len(items) == 1 and ctx.text[place.end : end].strip()):
            _place_heading_seen(ctx, facts, section, place)
            section.items = 0
            continue
        honour = honour_heading(ctx, start, end)
        if honour is not None:
            section = Section(honour=honour, regions=section.regions if section.items == 0 else [])
            region = _bracketed_place(ctx, honour.end, end)  # X名单（甲市）: the list's region
            if region is not None:
                _place_heading_seen(ctx, facts, section, region)
            continue
        if items is not None and (section.honour is not None or section.regions):
            _state(ctx, facts, section, items, (start, end))
            section.items += 1
            continue
        if items is None and not _table_cell(ctx, start, end):
            section = Section()
