"""The relation shapes a trigger pattern cannot express (relation_patterns.py
has the rest): lists named in one sentence and filled in the next, numbered
notice lists, sentence openers that set the scene, names nested in names.
"""

from __future__ import annotations

import re

from explorer.core.gazetteer import load_gazetteer
from explorer.nlp.facts import COUNT, Context, Facts
from explorer.nlp.lexicon import words
from explorer.nlp.relation_patterns import is_addressed, is_facility, is_firm, is_government, is_project
from explorer.nlp.spans import Mention
from explorer.nlp.written_facts import longest

LISTED = re.compile(r"名列其中|榜上有名|入选|上榜|入围|在列")
LIST_LEAD = re.compile(r"(?:分别为|分别是|依次为|包括|有|为|是)[:：]?")
LIST_NAME = re.compile(r"(?:拟认定|拟推荐|拟命名|拟入选|认定|推荐|入选|拟)?(?:名单|榜单)")
# a list item opens a line, or follows the bracket or stop that closed the previous one
# (ingest may join the lines of a list: …（共8家）1.A公司（东昌府区）2.B公司…)
LIST_ITEM = re.compile(r"(?m)(?:(?<=^)|(?<=[\n）)。；;：:]))[ \t　]*(?:\d{1,3}[.、．]|[（(]\d{1,3}[）)])[ \t　]*")
# what remains of 甲医疗中心建设项目 after 甲医疗中心: the body is what is built, not an owner
BARE_PROJECT = re.compile(r"(?:新建|扩建|改建|改造|迁建|建设|提升|续建)*(?:项目|工程)(?:[一二三四五六七八九十0-9]+期)?")
BUILT_BY = re.compile(r"(?:由|是)([^，。；]{2,40}?)(?:联合|共同)?(?:投资|负责|牵头|与[^，。；]{2,30}?)?"
                      r"(?:建设|实施|承建|开发|运营|打造|投资)")
# 该项目由Y投资: the project the sentence before named
THIS_PROJECT = re.compile(r"(?:该|此)项目(?=由)")


def _winner(m: Mention) -> bool:
    return m.label in ("ORG", "PLACE") and not m.rule.deictic


# --- awarded -------------------------------------------------------------------------


def _lists_named(ctx: Context, honors: list[Mention], first_sentence: int, before: int) -> list[Mention]:
    return [h for h in honors if first_sentence <= h.start < before
            and (LIST_NAME.match(ctx.text, h.end) or h.rule.award and h.text.endswith("品牌"))]


AWARD_FIRST = re.compile(r"入选|入围|获评|被评为|认定为|列入|纳入")


def _chain_ends(ctx: Context, names: list[Mention]) -> list[Mention]:
    """Of chains of places (阳谷县寿张镇李台村), the innermost place of each."""
    return [m for m in names if not any(o.label == "PLACE" for o in ctx.mentions.starting(m.end))]


def listed_in_sentence(ctx: Context, facts: Facts) -> None:
    """…公布X名单，位于东昌府区的A和B名列其中 / 我市A等32家企业入选 / …名单，我市甲县
    乙镇李台村、丙区丁镇等15个村入选: every firm listed (else the innermost place
    of each chain) between the list and 名列其中/入选 receives it."""
    for honor in (m for m in ctx.mentions.all if m.label == "HONOR"):
        if not LIST_NAME.match(ctx.text, honor.end) and not ctx.text.startswith("中", honor.end):
            continue
        sentence = ctx.sentence_of(honor.start)
        trigger = LISTED.search(ctx.text, honor.end, sentence[1])
        if trigger is None or AWARD_FIRST.search(ctx.text, ctx.clause_start(honor.start), honor.start) \
                or COUNT.match(ctx.text, trigger.end()):  # 绍兴入选12家: the counted firms won
            continue  # X入选…名单: the trigger comes first, the subject before it (a pattern reads it)
        clause = max(honor.end, ctx.clause_start(trigger.start()))  # 榜单由A和B评价，我市C、D入围: C and D
        names = [m for m in ctx.mentions.between(clause, trigger.start())
                 if _winner(m) and not ctx.adverbial(m) and not ctx.counts(m)]
        firms = [m for m in names if m.label == "ORG"]
        for m in firms or _chain_ends(ctx, [m for m in names if m.label == "PLACE"]):
            facts.add(m, "awarded", honor, sentence, 0.7)


def one_of(ctx: Context, facts: Facts) -> None:
    """作为X年度第一批专精特新中小企业之一，罗克佳华…: the holder follows the clause."""
    for honor in (m for m in ctx.mentions.all if m.label == "HONOR" and ctx.text.startswith("之一", m.end)):
        if "作为" not in ctx.text[ctx.clause_start(honor.start) : honor.start]:
            continue
        sentence = ctx.sentence_of(honor.start)
        later = [m for m in ctx.mentions.between(honor.end, sentence[1]) if _winner(m) and not ctx.adverbial(m)]
        if later:
            facts.add(later[0], "awarded", honor, sentence, 0.6)


COUNTED_BEFORE = re.compile(r"(?:[两二三四五六七八九十]|[0-9]{1,3})(?:个|家|所|座|项)(?:都是|均为|均是|为)?$")


def counted_honours(ctx: Context, facts: Facts) -> None:
    """甲园区、乙园区两个省级绿色工业园区 / A、B等3家国家级X: the names listed right
    before the count hold the honour the count names."""
    for honor in (m for m in ctx.mentions.all if m.label == "HONOR"):
        count = COUNTED_BEFORE.search(ctx.text, max(0, honor.start - 6), honor.start)
        if count is None:
            continue
        pos = count.start() - (1 if ctx.text[count.start() - 1 : count.start()] == "等" else 0)
        item = longest([m for m in ctx.mentions.ending(pos) if m.label in ("ORG", "PLACE") and not m.rule.deictic])
        if item is None:
            continue
        label = item.label
        items = [item, *ctx.listed_before(item, lambda m, label=label: m.label == label and not m.rule.deictic)]
        if len(items) >= 2:
            for m in items:
                facts.add(m, "awarded", honor, ctx.sentence_of(honor.start), 0.6)


def listed_later(ctx: Context, facts: Facts) -> None:
    """…公布2023年X名单，我市5家企业获评。其中，A、B…入选 / 记者注意到，A名列其中:
    the list was named a sentence or two before."""
    honors = [m for m in ctx.mentions.all if m.label == "HONOR"]
    for index, sentence in enumerate(ctx.sentences):
        trigger = LISTED.search(ctx.text, sentence[0], sentence[1])
        if trigger is None or any(sentence[0] <= h.start < sentence[1] for h in honors):
            continue
        lists = _lists_named(ctx, honors, ctx.sentences[max(0, index - 2)][0], sentence[0])
        if not lists:
            continue
        for m in ctx.mentions.between(sentence[0], trigger.start()):
            if is_firm(m):
                facts.add(m, "awarded", lists[-1], sentence, 0.6)


def _list_after(ctx: Context, pos: int, end: int) -> list[Mention]:
    """The names of a list that starts at pos (A、B、C), outermost, in order."""
    items = []
    while pos < end:
        found = [m for m in ctx.mentions.starting(pos) if _winner(m)]
        if not found:
            break
        item = max(found, key=lambda m: m.end)
        while item.label == "PLACE" and ctx.mentions.starting(item.end, ("PLACE", "ORG")):  # 钟祥市胡集镇
            item = max(ctx.mentions.starting(item.end, ("PLACE", "ORG")), key=lambda m: m.end)
        items.append(item)
        joint = re.match(r"[、，,和及与]|以及", ctx.text[item.end : item.end + 2])
        if joint is None:
            break
        pos = item.end + joint.end()
    return items


def named_lists(ctx: Context, facts: Facts) -> None:
    """X名单，共3家，分别为：A、B、C / 此次X市上榜的7户企业分别是A、B: every item
    receives the honour named before, and lies in the place that counted them."""
    for match in re.finditer(r"分别为|分别是|依次为|名单如下|包括|(?<=的)[，,]?有(?=[:：]?)|(?<=入选|上榜|入围|获评)的", ctx.text):
        sentence = ctx.sentence_of(match.start())
        index = ctx.sentence_index(match.start())
        lead = ctx.text[match.end() : match.end() + 3]
        start = match.end() + len(lead) - len(lead.lstrip(":：,， \n"))
        items = _list_after(ctx, start, ctx.sentence_of(start)[1])
        items = [m for m in items if m.label == "ORG" or m.label == "PLACE" and m.attrs.get("code")]
        if len(items) < 2 and not (items and match.group().startswith("分别")):
            continue
        window = min(ctx.sentences[max(0, index - 1)][0], max(0, match.start() - LIST_REACH))
        honors = _list_honours(ctx, ctx.sentences[max(0, index - 2)][0], window, match.start())
        if not honors and match.group() == "的":  # 此次入选的A、B: the list the article announced
            honors = [m for m in ctx.mentions.between(0, match.start()) if m.label == "HONOR"
                      and LISTING.search(ctx.text, *ctx.sentence_of(m.start))][:1]
        place = _counting_place(ctx, window, match.start())
        for item in items:
            if honors:
                facts.add(item, "awarded", honors[-1], sentence, 0.6)
            if place is not None and item.label == "ORG":
                facts.add(item, "located_in", place, (place.start, sentence[1]), 0.6)


LISTING = re.compile(r"名单|上榜|入选|入围|获评|认定|[0-9一二三四五六七八九十百两]+(?:家|户|个)")


def _list_honours(ctx: Context, far: int, near: int, end: int) -> list[Mention]:
    """The honours a list may hold, nearest last: those of the sentences just before
    it, or of the one before them when it names the list and they only define the
    honour (…确定73家企业为X，我县5家企业上榜。X是…中的佼佼者。此次上榜的企业分别是…)."""
    near_ones = [m for m in ctx.mentions.between(near, end) if m.label == "HONOR"]
    named = [m for m in ctx.mentions.between(far, end) if m.label == "HONOR"
             and LISTING.search(ctx.text, *ctx.sentence_of(m.start))]
    return named or near_ones


# 甲区5家企业成功入选 / 我市14家企业已被纳入… / 甲区此次入选的企业: the place that counts the firms
COUNTED_FIRMS = re.compile(r"(?:此次|本次|今年|共有|共|有)?(?:(?:入选|上榜|入围|获评)的)?"
                           r"(?:[0-9一二三四五六七八九十百两]+个[\u4e00-\u9fff]{1,6}[、和])?"  # 3个产业集群、6家企业
                           r"(?:[0-9一二三四五六七八九十百两]+(?:家|户))?企业")


def _counting_place(ctx: Context, start: int, end: int) -> Mention | None:
    """The last place before end that counts the firms listed after it."""
    for m in reversed(ctx.mentions.between(start, end)):
        counted = COUNTED_FIRMS.match(ctx.text, m.end)
        if m.label == "PLACE" and counted and len(counted.group()) > 2 and not ctx.adverbial(m):
            return m
    return None


LIST_REACH = 120  # characters back from 分别为 where the list's name may stand (line-broken pages)
def listed_items(ctx: Context, facts: Facts) -> None:
    """A notice's numbered list: “1. X有限公司（东昌府区）” under “…X拟认定名单”:
    each firm receives the list's honour, and the division in brackets is where it is."""
    honors = [h for h in ctx.mentions.all if h.label == "HONOR" and LIST_NAME.match(ctx.text, h.end)]
    for item in LIST_ITEM.finditer(ctx.text):
        orgs = ctx.mentions.starting(item.end(), ("ORG",))
        if not orgs:
            continue
        org = max(orgs, key=lambda m: m.end)
        close = re.match(r"[（(][^（）()\n]{1,20}[）)]", ctx.text[org.end :])
        line = (item.start(), org.end + (close.end() if close else 0))
        lists = [h for h in honors if h.end <= item.start()]
        if lists:
            facts.add(org, "awarded", lists[-1], line, 0.6)
    for org in ctx.mentions.all:  # X有限公司（东昌府区）
        if org.label != "ORG" or ctx.text[org.end : org.end + 1] not in ("（", "("):
            continue
        places = [p for p in ctx.mentions.starting(org.end + 1, ("PLACE",)) if p.attrs.get("code")]
        if places and ctx.text[places[0].end : places[0].end + 1] in ("）", ")"):
            facts.add_in_sentence(org, "located_in", places[0], 0.6)


# --- located_in ----------------------------------------------------------------------


def scene_openers(ctx: Context, facts: Facts) -> None:
    """在茌平区博平镇，X合作社…: a sentence that opens on a place sets where its bodies are."""
    for match in re.finditer(r"(?:^|[。！？\n])\s*(在)?", ctx.text):
        pos, place = match.end(), None
        while ctx.mentions.starting(pos, ("PLACE",)):
            place = max(ctx.mentions.starting(pos, ("PLACE",)), key=lambda m: m.end)
            pos = place.end
        if place is None:
            continue
        inside = re.match(r"(?:内|里|中)?[，,]", ctx.text[place.end : place.end + 2])
        if not inside or (match.group(1) is None and inside.end() == 1):
            continue  # 在X， or X内， (a sentence that opens with a bare place is its subject)
        sentence = ctx.sentence_of(pos)
        for m in ctx.mentions.between(place.end, sentence[1]):
            if is_addressed(m) or is_facility(m):
                facts.add(m, "located_in", place, sentence, 0.6)


def seats(ctx: Context, facts: Facts) -> None:
    """夷陵区是…三峡大坝所在地 / 石花镇是…湖北石花经济开发区所在地: what stands before
    所在地 lies in the place that is the clause's subject."""
    for match in re.finditer(r"所在地", ctx.text):
        inside = [m for m in ctx.mentions.ending(match.start()) if m.label in ("ORG", "PLACE") and not m.rule.deictic]
        if not inside:
            continue
        clause = ctx.clause_start(match.start())
        verb = ctx.text.rfind("是", clause, match.start())
        places = [m for m in ctx.mentions.between(clause, max(verb, clause)) if m.label == "PLACE" and m.attrs.get("code")]
        if verb >= 0 and places:
            facts.add_in_sentence(max(inside, key=lambda m: m.end - m.start), "located_in", places[-1], 0.6)


def part_of_statements(ctx: Context, facts: Facts) -> None:
    """襄阳是湖北省三大都市圈之一 / 夷陵区…是宜昌面积最大的市辖区: a division said (是) to
    be of a larger division it lies in (the gazetteer confirms) lies in it."""
    gazetteer = load_gazetteer()
    for match in re.finditer(r"是|为", ctx.text):
        clause = ctx.clause_start(match.start())
        before = [m for m in ctx.mentions.between(clause, match.start()) if m.label == "PLACE" and m.attrs.get("code")]
        after = [m for m in ctx.mentions.between(match.end(), ctx.clause_end(match.end()))
                 if m.label == "PLACE" and m.attrs.get("code") and not m.rule.deictic]  # not 高新区是全市的主阵地
        if not before or not after:
            continue
        inner, outer = before[0], after[0]
        if inner.attrs["code"] != outer.attrs["code"] and gazetteer.is_within(inner.attrs["code"], outer.attrs["code"]):
            facts.add_in_sentence(inner, "located_in", outer, 0.6, at=match.start())


def government_seats(ctx: Context, facts: Facts) -> None:
    """临清市金郝庄镇人民政府 lies in 临清市: a body named with two divisions lies in the
    outer one (a body is not "located in" its own jurisdiction)."""
    for org in ctx.mentions.all:
        if not is_government(org):
            continue
        outer = [p for p in ctx.mentions.starting(org.start, ("PLACE",)) if p.end < org.end
                 and p.attrs.get("level") not in ("province", "city", None)]
        for place in outer:
            inner = [p for p in ctx.mentions.starting(place.end, ("PLACE",)) if p.end < org.end]
            if inner:
                facts.add_in_sentence(org, "located_in", place, 0.7)


# --- issued_by and participates_in -----------------------------------------------------


def projects(ctx: Context, facts: Facts) -> None:
    """莘县X物流园项目 (built there), X项目由Y公司投资建设, 玉湖冷链国际食品交易园项目
    (named after its investor, 玉湖冷链 named in the article)."""
    firms = [m for m in ctx.mentions.all if m.label == "ORG" and not is_government(m)]
    for program in (m for m in ctx.mentions.all if is_project(m)):
        for place in ctx.mentions.ending(program.start, ("PLACE",)):
            if not place.rule.deictic and place.attrs.get("level") not in ("province", "city"):
                facts.add_in_sentence(place, "participates_in", program, 0.6)
        sentence = ctx.sentence_of(program.start)
        built = BUILT_BY.match(ctx.text, program.end) or BUILT_BY.search(ctx.text, program.end, sentence[1])
        _built_by(ctx, facts, program, built, sentence)
        following = ctx.sentence_index(program.start) + 1
        if following < len(ctx.sentences):  # X项目开工。该项目由Y投资
            start, end = ctx.sentences[following]
            this = THIS_PROJECT.match(ctx.text, start)
            if this and not [m for m in ctx.mentions.between(program.end, start) if is_project(m)]:
                _built_by(ctx, facts, program, BUILT_BY.match(ctx.text, this.end()), (start, end))
        for firm in firms:  # outside the project's name, or the name of the owner that opens it
            outside = firm.end <= program.start or firm.start >= program.end or firm.start == program.start
            rest = program.text[len(firm.text) :]
            if outside and program.text.startswith(firm.text) and not BARE_PROJECT.fullmatch(rest):
                facts.add_in_sentence(firm, "participates_in", program, 0.6, at=program.start)


def _built_by(ctx: Context, facts: Facts, program: Mention, built: re.Match | None, sentence: tuple[int, int]) -> None:
    """X项目由Y公司投资建设 / 是Y投资建设的: the bodies named in Y take part in it."""
    if built is None:
        return
    for m in ctx.mentions.between(built.start(1), built.end(1)):
        if m.label == "ORG" and not (ctx.text[built.start()] == "是" and is_government(m)):
            facts.add(m, "participates_in", program, sentence, 0.7)


# --- part_of ---------------------------------------------------------------------------


def sub_units(ctx: Context, facts: Facts) -> None:
    """甲乙大学商学院 -> 甲乙大学, X市人民政府办公室 -> X市人民政府: a body named
    inside the start of its sub-unit's name."""
    orgs = [m for m in ctx.mentions.all if m.label == "ORG" and not m.rule.deictic]
    heads = words("sub_unit_heads")
    for outer in orgs:
        if not outer.text.endswith(heads):
            continue
        for inner in orgs:  # not a bare segmenter guess (湾区智造 of 湾区智造中心)
            if inner.start == outer.start and inner.end < outer.end and len(inner.text) >= 2 and not inner.guess \
                    and ctx.text[inner.end : inner.end + 1] not in ("和", "与", "、"):
                facts.add_in_sentence(outer, "part_of", inner, 0.8)
