"""Names known by the list they stand in: A、B、C等企业 lists firms and
A、B等重点项目 lists projects, whatever the segmenter made of each item. Part
of the resolver component (resolve.py); the word lists are data."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from explorer.nlp import spans
from explorer.nlp.lexicon import derived, ending, pattern

ITEM = r"[\u4e00-\u9fff（）()A-Za-z0-9]{2,16}"
LISTED_FIRMS = re.compile(r"((?:[\u4e00-\u9fff（）()]{2,12}、)+[\u4e00-\u9fff（）()]{2,12}?)(?:等|[0-9一二三四五六七八九十]+家)"
                          r"[^，。；]{0,14}?(?:企业|公司|单位)"
                          # 此次入选的A、B、C以及D: the members of a list just named
                          r"|(?:入选|上榜|入围|获评)的((?:[\u4e00-\u9fff（）()]{2,12}、){2,}[\u4e00-\u9fff（）()]{2,12}?)"
                          r"(?=以及|和|[，。；\n]|等)")


def _only_industry(item: str) -> bool:
    """新能源汽车, 生物医药: sectors, not names (nothing left once the sector words go)."""
    rest = item
    while (word := ending(rest, "industry_words")) is not None:
        rest = rest[: -len(word)]
    return len(rest) <= 1


def _items(doc: Doc, match: re.Match, group: int = 1) -> list[tuple[int, int]]:
    """The spans of a list's items, the first one past its lead (包括, 利用)."""
    items: list[tuple[int, int]] = []
    pos = match.start(group)
    for item in match.group(group).split("、"):
        lead = re.match(f"^(?:{pattern('list_leads')})", item)
        skip = lead.end() if lead and len(item) - lead.end() >= 2 else 0
        if not items:  # 加快甲磷酸铁: the first item starts after the last verb before it
            for stop in re.finditer(pattern("plan_left_stops"), item[: len(item) - 2]):
                skip = max(skip, stop.end())
        items.append((pos + skip, pos + len(item)))
        pos += len(item) + 1
    return items


def enumerated_orgs(doc: Doc) -> None:
    """甲集团、乙集团、丙生物…等企业, A、B、C 3家企业: items of a list of firms are
    firms, when most are known as firms or none is a sector, a place or another name."""
    for match in LISTED_FIRMS.finditer(spans.text_of(doc)):
        items = _items(doc, match, 1 if match.group(1) else 2)
        if any(_only_industry(spans.text_of(doc)[s:e]) for s, e in items):
            continue
        orgs = sum(1 for s, e in items if spans.overlapping(doc, s, e, {"ORG"}))
        named = not any(m for s, e in items for m in spans.overlapping(doc, s, e)
                        if not m.guess and m.label != "ORG" and (m.start, m.end) == (s, e))  # 宁波水表 is no place
        if orgs * 2 < len(items) and not named:
            continue
        for s, e in items:
            spans.remove(doc, [m for m in spans.overlapping(doc, s, e) if m.label in ("PERSON", "ORG") or m.guess])
            spans.add(doc, s, e, "ORG", "enumeration")


@derived
def _listed_projects() -> re.Pattern:
    """甲磷酸铁、乙新材料等重点项目 / 项目分别为甲设备、乙灭菌: a list of projects."""
    kinds = pattern("listed_project_kinds")
    after = rf"((?:{ITEM}、)+{ITEM}?)等(?:[0-9一二三四五六七八九十]+个)?(?:{kinds})?项目"
    before = rf"项目(?:{pattern('enumeration_list_leads')})[:：]?((?:{ITEM}、)+{ITEM}?)(?=[，。；\n]|等)"
    return re.compile(f"{after}|{before}")


def enumerated_projects(doc: Doc) -> None:
    """Items of a list of projects are projects, unless one is a sector, or a
    place, body or programme the pipeline already knows."""
    text = spans.text_of(doc)
    for match in _listed_projects().finditer(text):
        group = 1 if match.group(1) else 2
        items = _items(doc, match, group)
        if any(_only_industry(text[s:e]) for s, e in items):
            continue
        if any(m for s, e in items for m in spans.overlapping(doc, s, e) if not (m.guess or m.grown)):
            continue
        for s, e in items:
            spans.remove(doc, spans.overlapping(doc, s, e))
            spans.add(doc, s, e, "PROGRAM", "project")
