"""Bodies named by their level only, in a title chain: 区委副书记X, 县人大常委会主任Y,
管委会副主任Z. The body is the one of the division (or zone) the article is
about: the one just named, else in a county's or district's own paper the one it
names later, else a division of the home city whose name the text writes.
The resolver cannot know which district an unnamed 区委 belongs to; roles.py
asks here once a chain has found its body.
"""

from __future__ import annotations

import functools
import re

from spacy.tokens import Doc

from explorer.core.gazetteer import Division, load_gazetteer
from explorer.nlp import spans
from explorer.nlp.spans import Mention

BARE = re.compile(r"^(中共|中国人民政治协商会议)?([区县镇乡])"
                  r"(委|党委|人民政府|政府|人民代表大会常务委员会|人大常委会|人大|委员会|纪律检查委员会|纪委|政协)$")
LEVELS = {"区": ("district",), "县": ("county", "county_city"), "镇": ("town",), "乡": ("town", "township")}
ZONE_BODY = re.compile(r"^(?:新区|开发区|高新区|经开区|园区|区)?(党工委|工委|管委会|管理委员会)$")
ZONE_NAME = re.compile(r"(?:新区|开发区|高新区|经开区|园区|产业园|集聚区)$")


def _official(place: str, level: str, body: str, prefix: str | None) -> str:
    """The official name of the body of a place (中共微山县委, 微山县人民代表大会常务委员会)."""
    if body in ("委", "党委") or prefix == "中共" and body == "委员会":
        return f"中共{place}委" if level in "区县" else f"中共{place}委员会"
    if body in ("人民政府", "政府"):
        return f"{place}人民政府"
    if body in ("人民代表大会常务委员会", "人大常委会"):
        return f"{place}人民代表大会常务委员会"
    if body == "人大":
        return f"{place}人民代表大会"
    if body in ("纪律检查委员会", "纪委"):
        return f"中共{place}纪律检查委员会"
    return f"中国人民政治协商会议{city_district(place)}委员会"  # 政协, 中国人民政治协商会议县委员会


def city_district(place: str) -> str:
    """陈仓区 -> 宝鸡市陈仓区: a city district's consultative conference carries its
    city in its official name (district names repeat across cities; county names
    do not need it)."""
    gazetteer = load_gazetteer()
    for division in gazetteer.lookup(place):
        parent = gazetteer.get(division.parent) if division.parent else None
        if division.level == "district" and parent is not None and parent.level == "city":
            return parent.name + place
    return place


@functools.lru_cache(maxsize=64)
def _home_divisions(home: str, levels: tuple[str, ...]) -> tuple[str, ...]:
    gazetteer = load_gazetteer()
    cities = [d for d in gazetteer.lookup(home) if d.level == "city" or d.name == home]
    return tuple(d.name for city in cities[:1] for d in gazetteer.children(city.code) if d.level in levels)


def home_local(home: str | None) -> Division | None:
    """A home below a city (甲县's paper): 县委 and 我县 name it when the article
    names no other county."""
    found = [d for d in load_gazetteer().lookup(home) if d.name == home] if home else []
    return found[0] if found and found[0].level in ("county", "district", "county_city") else None


def place_of_level(doc: Doc, levels: tuple[str, ...], at: int) -> str | None:
    """The division of these levels the article is about, seen from position `at`."""
    named = sorted((m for m in spans.mentions(doc) if m.label == "PLACE" and not m.rule.deictic
                    and m.attrs.get("level") in levels), key=lambda m: m.start)
    before = [m for m in named if m.end <= at]
    if named:
        return (before[-1] if before else named[0]).canonical
    local = home_local(doc._.home_city)
    if local is not None and local.level in levels:
        return local.name
    text = spans.text_of(doc)
    written = [(text.find(name), name) for name in _home_divisions(doc._.home_city or "", levels) if name in text]
    return min(written)[1] if written else None


def resolve_bare(doc: Doc, org: Mention) -> None:
    """区委 -> 中共钟楼区委, 县人大常委会 -> 微山县人民代表大会常务委员会, 管委会 -> 〈zone〉管理委员会."""
    bare = BARE.match(org.canonical) or BARE.match(org.text)
    if bare is not None:
        place = place_of_level(doc, LEVELS[bare.group(2)], org.start)
        if place is not None:
            org.canonical = _official(place, bare.group(2), bare.group(3), bare.group(1))
        return
    zone_body = ZONE_BODY.match(org.text)
    if zone_body is not None:
        zone = zone_before(doc, org.start)
        if zone is not None:
            kind = zone_body.group(1)
            org.canonical = f"中共{zone}工作委员会" if kind in ("党工委", "工委") else f"{zone}管理委员会"


def zone_before(doc: Doc, at: int) -> str | None:
    zones = [m for m in spans.mentions(doc) if m.label == "PLACE" and m.end <= at and ZONE_NAME.search(m.canonical)]
    return max(zones, key=lambda m: m.end).canonical if zones else None


CPPCC = re.compile(r"^([\u4e00-\u9fff]{1,12}?[省市县区])政协(?:委员会)?$")


def official_names(doc: Doc) -> None:
    """宜昌市政协 -> 中国人民政治协商会议宜昌市委员会: a place's political consultative
    conference under its official name (the resolver expands by suffix; this
    name puts the place inside)."""
    for m in spans.mentions(doc):
        official_name(m)


def official_name(m: Mention) -> None:
    found = CPPCC.match(m.canonical) if m.label == "ORG" else None
    if found is not None:
        m.canonical = f"中国人民政治协商会议{city_district(found.group(1))}委员会"
