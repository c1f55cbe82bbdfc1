"""Facts the writing states outside a sentence pattern: a notice's issuer, an
office named after its parent body, a site named as a place's seat, a
paragraph's opening name as the winner of a subjectless award sentence, a place
carrying out a named programme, firms of a scene the reader walks into, listed
projects landing in a park, a county written before a park's name. Part of the
enumerations component (enumerations.py); word lists are data
(`data/enumeration_*.txt`).
"""

from __future__ import annotations

import re

from explorer.core.gazetteer import load_gazetteer
from explorer.nlp.facts import Context, Facts
from explorer.nlp.lexicon import derived, pattern, words
from explorer.nlp.relation_patterns import is_firm, is_government
from explorer.nlp.spans import Mention


def longest(found: list[Mention]) -> Mention | None:
    return max(found, key=lambda m: m.end - m.start) if found else None


def innermost(ctx: Context, place: Mention, end: int | None = None) -> Mention:
    """丙镇丁村: the innermost place of a chain written without a break (ending before `end`)."""
    while end is None or place.end < end:
        inner = longest(ctx.mentions.starting(place.end, ("PLACE",)))
        if inner is None:
            break
        place = inner
    return place


def _nested(ctx: Context, m: Mention) -> bool:
    """Inside a longer name of another type (甲省 of 甲省人民政府)."""
    return any(o.label != m.label and o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start
               for o in ctx.mentions.all)


def notices(ctx: Context, facts: Facts) -> None:
    """〈body〉关于印发X的通知 … 《X》已经市政府同意，现印发给你们: the body of the
    title issues X; without a title, the body signing below the paragraph does."""
    verbs = pattern("enumeration_notice_verbs")
    for agreed in re.finditer(rf"已经[^，。；\n]{{0,12}}同意[，,]\s*现(?:{verbs})", ctx.text):
        documents = [m for m in ctx.mentions.ending(agreed.start() - 1, ("PROGRAM",))] \
            or [m for m in ctx.mentions.ending(agreed.start(), ("PROGRAM",))]
        if not documents:
            continue
        issuer = _title_issuer(ctx, agreed.start(), verbs) or _signature(ctx, agreed.end())
        if issuer is not None:
            facts.add(documents[0], "issued_by", issuer, ctx.sentence_of(agreed.start()), 0.7)


def _title_issuer(ctx: Context, before: int, verbs: str) -> Mention | None:
    titles = list(re.finditer(rf"关于(?:{verbs})", ctx.text[:before]))
    if not titles:
        return None
    return longest([m for m in ctx.mentions.ending(titles[-1].start(), ("ORG",)) if not m.rule.deictic])


def _signature(ctx: Context, after: int) -> Mention | None:
    """A body named alone on a line after the notice's paragraph."""
    line = re.compile(r"\n\s*")
    for gap in line.finditer(ctx.text, after, min(len(ctx.text), after + 200)):
        body = longest([m for m in ctx.mentions.starting(gap.end(), ("ORG",)) if not m.rule.deictic])
        if body is not None and re.match(r"\s*(?:\n|$)", ctx.text[body.end : body.end + 2]):
            return body
    return None


def offices(ctx: Context, facts: Facts) -> None:
    """X市人民政府办公室 → X市人民政府, 中共X县委政法委员会 → 中共X县委: an office
    named after a body the article names (by resolved names, so 县委政法委 counts)."""
    bodies = {m.canonical: m for m in ctx.mentions.all if m.label == "ORG" and not m.rule.deictic}
    parents = [m for name, m in bodies.items() if name.endswith(words("enumeration_parent_heads"))]
    units = words("enumeration_sub_units")
    for name, office in bodies.items():
        for parent in parents:
            rest = name[len(parent.canonical):]
            if name.startswith(parent.canonical) and rest in units:
                facts.add_in_sentence(office, "part_of", parent, 0.7)


def seats(ctx: Context, facts: Facts) -> None:
    """夷陵区是…三峡大坝所在地 / 石花镇是…X开发区所在地: the site lies in the place
    the clause is about."""
    for seat in re.finditer(pattern("enumeration_seat_words"), ctx.text):
        sites = [m for m in ctx.mentions.ending(seat.start()) if m.label in ("PLACE", "ORG") and not m.rule.deictic]
        site = longest(sites)
        if site is None:
            continue
        clause = ctx.clause_start(site.start)
        copula = ctx.text.find("是", clause, site.start)
        if copula < 0:
            copula = ctx.text.find("作为", ctx.sentence_of(site.start)[0], site.start)
        place = subject_place(ctx, ctx.sentence_of(site.start)[0], copula) if copula >= 0 else None
        if place is None or place is site:
            continue
        same = site.label
        for item in [site, *ctx.listed_before(site, lambda m, same=same: m.label == same)]:
            facts.add_in_sentence(item, "located_in", place, 0.6, at=site.start)


def subject_place(ctx: Context, start: int, end: int) -> Mention | None:
    """The first place of [start, end) outside brackets and adverbials (从X, 在X):
    what the sentence is about; 我市 counts once resolved to the home city."""
    for m in ctx.mentions.between(start, end):
        if m.label != "PLACE" or m.rule.deictic and m.canonical == m.text or ctx.adverbial(m):
            continue
        opened = len(re.findall(r"[（(]", ctx.text[start : m.start])) > len(re.findall(r"[）)]", ctx.text[start : m.start]))
        if not opened and not _nested(ctx, m):
            return _innermost(ctx, m)
    return None


def _innermost(ctx: Context, place: Mention) -> Mention:
    """谷城县石花镇是…: the sentence is about the last place of a chain."""
    while True:
        inner = longest([m for m in ctx.mentions.starting(place.end, ("PLACE",)) if m.attrs.get("code")])
        if inner is None or not place.attrs.get("code"):
            return place
        place = inner


def titled_issuers(ctx: Context, facts: Facts) -> None:
    """《X市工业和信息化局关于印发…的通知》: the body before 关于 issues the notice,
    when the article names that body (市工信局 resolves to the same name)."""
    bodies: dict[str, Mention] = {}
    for m in ctx.mentions.all:
        if m.label == "ORG" and not m.rule.deictic:
            bodies.setdefault(m.canonical, m)
            bodies.setdefault(m.text, m)
    for document in ctx.mentions.all:
        about = document.text.find("关于") if document.label == "PROGRAM" else -1
        if about >= 2 and document.text[:about] in bodies:
            facts.add_in_sentence(document, "issued_by", bodies[document.text[:about]], 0.7)


OPENING = re.compile(r"\s*(?:(?:据悉|据了解|据介绍|目前|近年来|多年来)[，,]\s*)?")


def topic_awards(ctx: Context, facts: Facts) -> None:
    """据悉，X开发区拥有…。相继获得A、B等称号: a sentence that opens on an award verb
    has the paragraph's opening name as its subject."""
    verbs = pattern("enumeration_topic_award_verbs")
    for opener in re.finditer(rf"(?:^|(?<=[。！？\n]))\s*(?:相继|先后|还|曾|并|也|已)?(?:{verbs})", ctx.text):
        sentence = ctx.sentence_of(opener.end())
        honours = [m for m in ctx.mentions.between(opener.end(), sentence[1]) if m.label == "HONOR"]
        topic = _paragraph_topic(ctx, opener.end() - len(opener.group().lstrip()))
        if topic is None:
            continue
        for honour in honours:
            facts.add(topic, "awarded", honour, sentence, 0.55)


def _paragraph_topic(ctx: Context, pos: int) -> Mention | None:
    start = ctx.text.rfind("\n", 0, pos) + 1
    if start >= pos:
        return None  # the award sentence opens the paragraph: no topic before it
    opening = OPENING.match(ctx.text, start)
    lead = opening.end() if opening else start
    named = [m for m in ctx.mentions.starting(lead) if m.label in ("ORG", "PLACE") and not m.rule.deictic]
    return longest(named)


@derived
def _carrying_out() -> re.Pattern:
    """深入推进“X” / 贯彻落实《X》: a verb of carrying a programme out, right before it."""
    return re.compile(rf"(?:{pattern('enumeration_participation_verbs')})[“‘《]?$")


def _acting_place(m: Mention) -> bool:
    """A division or 我区/我市 resolved; 全市 and 这里 do not act."""
    return m.label == "PLACE" and bool(m.attrs.get("code")) and not (m.rule.deictic and m.text[:1] in "全这這")


def participation(ctx: Context, facts: Facts) -> None:
    """高明区把X作为深入推进“Y工程”的抓手 / 我区“X年”活动: a place takes part in the
    programme it carries out, or that it names as its own by writing itself before it."""
    for program in ctx.mentions.all:
        if program.label != "PROGRAM":
            continue
        owner = [m for m in ctx.mentions.ending(program.start) if _acting_place(m) and not _nested(ctx, m)]
        if owner and ctx.text[program.start : program.start + 1] in "“‘《":
            facts.add_in_sentence(max(owner, key=lambda m: m.end - m.start), "participates_in", program, 0.55)
            continue
        clause = ctx.clause_start(program.start)
        verb = _carrying_out().search(ctx.text, max(clause, program.start - 8), program.start)
        if verb is None or ctx.text.startswith(("部署", "要求", "精神"), program.end):
            continue  # 落实X战略部署: carrying out someone else's plan is not taking part
        sentence = ctx.sentence_of(program.start)
        own = [m for m in ctx.mentions.between(clause, verb.start()) if m.label == "PLACE" and not _nested(ctx, m)]
        actor = own[0] if own else subject_place(ctx, sentence[0], verb.start())  # 全市也在推进X: 全市's
        if actor is not None and _acting_place(actor) and _opens_clause(ctx, actor):
            facts.add(actor, "participates_in", program, sentence, 0.55)


def _opens_clause(ctx: Context, m: Mention) -> bool:
    """The subject of its clause: at its start (主抓海宁至杭州X工程: 海宁 is no actor)."""
    start = ctx.clause_start(m.start)
    return m.start - start <= 4 and not ctx.mentions.between(start, m.start)


@derived
def _scene() -> re.Pattern:
    """走进X开发区， / 来到X镇，: a sentence that walks the reader into a place."""
    return re.compile(rf"(?:^|(?<=[。！？\n]))\s*(?:{pattern('enumeration_scene_verbs')})")


def walked_into(ctx: Context, facts: Facts) -> None:
    """走进X开发区，…：A、B等企业车间内机器轰鸣: the firms of the sentence are in the
    place the reader is walked into."""
    for scene in _scene().finditer(ctx.text):
        place = longest([m for m in ctx.mentions.starting(scene.end(), ("PLACE",)) if not m.rule.deictic])
        if place is None or ctx.text[place.end : place.end + 1] not in "，,":
            continue
        sentence = ctx.sentence_of(place.start)
        for firm in ctx.mentions.between(place.end, sentence[1]):
            if is_firm(firm):
                facts.add(firm, "located_in", place, sentence, 0.55)


def landed(ctx: Context, facts: Facts) -> None:
    """X科创园作为…，A、B、C等重点项目相继落地: what lands, with no place after the
    verb, lands in the park the sentence is about."""
    for verb in re.finditer(rf"等(?:重点|重大)?(?:项目|企业|机构|平台)(?:相继|先后|纷纷)?(?:{pattern('enumeration_landing_verbs')})[，。；,]",
                            ctx.text):
        sentence = ctx.sentence_of(verb.start())
        park = subject_place(ctx, sentence[0], verb.start())
        if park is None or park.attrs.get("code") or park.rule.deictic or not _opens_clause(ctx, park):
            continue
        item = longest([m for m in ctx.mentions.ending(verb.start()) if m.label in ("ORG", "PLACE")])
        items = [item, *ctx.listed_before(item, lambda m: m.label in ("ORG", "PLACE"))] if item else []
        for m in items:
            facts.add(m, "located_in", park, sentence, 0.55)


PREFIX_LEVELS = ("district", "county", "county_city", "town", "township", "street")


def prefixed_sites(ctx: Context, facts: Facts) -> None:
    """高明X产业集群 → 高明区, 狮山X产业园 → 狮山镇: a county, district or town
    written directly before a park's or cluster's name, when the article also names
    it on its own (the gazetteer gives the canonical name). Not for zones named
    after their city (X经济开发区) nor for firms (annotators rarely count those)."""
    gazetteer = load_gazetteer()
    standalone = {str(m.attrs["code"]): m for m in ctx.mentions.all
                  if m.label == "PLACE" and m.attrs.get("code") and not m.rule.deictic and not _nested(ctx, m)}
    for site in ctx.mentions.all:
        if site.label != "PLACE" or site.attrs.get("code") or not site.text.endswith(words("enumeration_sited_heads")):
            continue
        for length in range(min(5, len(site.text) - 3), 1, -1):
            found = [d for d in gazetteer.lookup(site.text[:length]) if d.level in PREFIX_LEVELS and d.code in standalone]
            if found:
                facts.add_in_sentence(site, "located_in", standalone[found[0].code], 0.55)
                break


LED_BY = re.compile(r"[，,]?是([^，。；,]{2,30}?)(?:谋划|部署|决定|确定|主导|牵头|组织)?(?:实施|推进|建设|启动|开展|打造)的")


def led_by(ctx: Context, facts: Facts) -> None:
    """X工程，是市委、市政府谋划实施的重大工程: the governing bodies named in the
    copula clause issue the programme."""
    for program in ctx.mentions.all:
        led = LED_BY.match(ctx.text, program.end) if program.label == "PROGRAM" else None
        if led is None:
            continue
        for body in ctx.mentions.between(led.start(1), led.end(1)):
            if is_government(body) and not _nested(ctx, body):
                facts.add_in_sentence(program, "issued_by", body, 0.6)
