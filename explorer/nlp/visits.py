"""Visit scenes: 市委书记甲到乙区调研……先后来到A公司、B产业园 — the firms and sites
the visitors see lie in the place they went to, until the report moves on to
another place. Local news writes most of its firm locations this way: the
visit sentence names the district once, the stops follow without it."""

from __future__ import annotations

import re

from explorer.nlp.facts import Context, Facts
from explorer.nlp.lexicon import derived, words
from explorer.nlp.relation_patterns import is_facility, is_placed
from explorer.nlp.spans import Mention
from explorer.nlp.written_facts import innermost, longest

# a city or province visited is too large to say where a firm is (省工信厅调研组到甲市调研)
SMALL_LEVELS = ("county", "county_city", "district", "zone", "town", "street", "village")


@derived
def _visit() -> re.Pattern:
    moves = "|".join(map(re.escape, words("visit_moves")))
    verbs = "|".join(map(re.escape, words("visit_verbs")))
    return re.compile(rf"(?:{moves})(?P<rest>[^，。；！？\n]{{0,40}}?)(?:{verbs})")


def _visited(ctx: Context, start: int, end: int) -> Mention | None:
    """The place right after the move word: a division below the city, a park or
    zone, or 我区/全区 resolved to one."""
    place = longest(ctx.mentions.starting(start, ("PLACE",)))
    if place is None:
        return None
    place = innermost(ctx, place, end)  # 甲县乙镇: the town
    if re.match(r"[、和及与]", ctx.text[place.end : place.end + 1]):
        return None  # 赴甲县和乙县调研, 到甲新区、市开发区: the stops that follow may lie in either
    if place.rule.deictic:
        return place if place.canonical != place.text and place.text[-1:] in "区县镇乡" else None
    if place.attrs.get("level") in SMALL_LEVELS or is_facility(place) and not place.attrs.get("level"):
        return place
    return None


def _scenes(ctx: Context) -> list[tuple[int, Mention]]:
    scenes = []
    for match in _visit().finditer(ctx.text):
        place = _visited(ctx, match.start("rest"), match.end("rest"))
        if place is not None:
            scenes.append((match.start(), place))
    return scenes


def visit_scenes(ctx: Context, facts: Facts) -> None:
    scenes = _scenes(ctx)
    for index, (start, place) in enumerate(scenes):
        end = scenes[index + 1][0] if index + 1 < len(scenes) else len(ctx.text)
        first = ctx.sentence_of(start)[0]
        placed = {record.subject for record in facts.records if record.relation == "located_in"}
        for m in ctx.mentions.between(place.end, end):
            if m is place or m.canonical in placed or ctx.credited(m) or m.text.startswith(place.text):
                continue  # a firm the text places more precisely (园区内的A) keeps that place only
            if is_placed(m) or is_facility(m) and m.attrs.get("level") is None:
                facts.add(m, "located_in", place, (first, ctx.sentence_of(m.start)[1]), 0.55)
