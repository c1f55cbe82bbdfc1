"""PROGRAM and HONOR recognition.

PROGRAM: 《…》 titles of documents (the span excludes the brackets, the
canonical name keeps them, so 《办法》 and 办法 both resolve), quoted slogans
followed by a plan word (“制造业强市”战略, 管理提升“百千万”行动, “链长制”)
and unquoted named plans ending in a plan word (专精特新提升行动,
党员联系户制度), cut on the left at verbs such as 实施/启动/落实.

HONOR: a lexicon of official list names (瞪羚企业, 专精特新中小企业, …)
with optional level or place prefixes (国家级, 省级, 江苏省), plus a general
pattern level + … + 示范企业/示范基地/产业集群 ….
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from explorer.nlp import spans
from explorer.nlp.lexicon import alternation, configure, derived, pattern, words
from explorer.nlp.named_projects import find_firm_projects, find_named_projects
from explorer.nlp.rankings import find_list_names, find_rankings

TITLE = re.compile(r"《([^《》\n]{2,80}?)》")
ALIAS = re.compile(r"《([^《》\n]{2,80}?)》[（(]以下简称[“《]([^”》\n]{1,20})[”》][）)]")
ABBREVIATION = re.compile(r"《([^《》\n]{2,80}?)》[（(]([A-Z][A-Za-z0-9]{1,9})[）)]")
HOMETOWN_TITLE = re.compile(r"“((?:中国|全国|[\u4e00-\u9fff]{2,7}?[省市县区])?[\u4e00-\u9fff]{1,6}之(?:乡|都|城))”")
PLAN_FOLLOWERS = set("的等和与及中为是")
NUMBER_START = re.compile(r"^[0-9一二三四五六七八九十百千万两几多]+[大项个年]")
A_GRADE = r"(?:国家)?(?:[1-5]A|A{1,5})级(?:旅游)?景区"  # 国家4A级旅游景区, AAAA级景区
# 获乙省科学技术奖, 分别获得科学技术进步奖二等奖, 还获得甲市市长质量奖
AWARD_NAME = r"([\u4e00-\u9fff]{2,14}?奖(?:[一二三特]等奖|金奖|银奖|铜奖)?)(?=[^\u4e00-\u9fff]|[和与及等的称]|$)"
NEXT_AWARD = re.compile(r"[和、与及]" + AWARD_NAME)  # 获得A奖和B奖


def _any(concept: str) -> str:
    return f"(?:{pattern(concept)})"


@derived
def _document_ending() -> re.Pattern:
    return re.compile(f"{_any('document_heads')}$")


@derived
def _title_honor() -> re.Pattern:
    return re.compile(f"{_any('title_verbs')}“([^“”\n]{{2,16}})”(?:荣誉)?称号")


@derived
def _adopted() -> re.Pattern:
    return re.compile(f"{_any('adopting_verbs')}“([^“”\n]{{2,8}})”(?![\u4e00-\u9fff]{{2}})")


@derived
def _left_stop() -> re.Pattern:
    return re.compile(_any("plan_left_stops"))


@derived
def _project() -> re.Pattern:
    return re.compile(
        f"{_any('output_verbs')}[0-9.]+[万亿千百]?(?:[A-Za-z]+|[吨台套件辆只个片头张平方米千瓦])+"
        r"[\u4e00-\u9fffA-Za-z0-9]{2,14}?项目"
        f"|[\u4e00-\u9fff]{{2,12}}?{_any('project_heads')}(?:建设)?项目"
        # 甲至乙快速路工程, X高铁甲市段项目: a route between two places
        f"|[\u4e00-\u9fff]{{2,6}}(?:至|到)[\u4e00-\u9fff]{{2,6}}?{_any('route_heads')}"
        r"(?:[\u4e00-\u9fff]{1,3}段)?(?:改扩建|改建|扩建|新建)?(?:工程|项目)"
    )


@derived
def _project_verb() -> re.Pattern:
    return re.compile(pattern("project_verbs"))


@derived
def _quoted_award() -> re.Pattern:
    """获评“全省先进基层党组织”: a quoted name after an award verb is the honour."""
    return re.compile(_any("award_name_verbs") + r"(?:(?:19|20)\d\d年度?)?“([^“”\n]{3,20})”(?=[，。；、！]|$|\n)")


@derived
def _quoted_kind_award() -> re.Pattern:
    """入选“头雁”企业, 获评“五好”村: a quoted name and the kind of member it lists."""
    return re.compile(_any("award_name_verbs") + r"(?:(?:19|20)\d\d年度?)?(“[^“”\n]{2,8}”" + _any("list_member_kinds") + ")")


@derived
def _named_award() -> re.Pattern:
    return re.compile(_any("award_name_verbs") + r"(?:第[一二三四五六七八九十0-9]+届)?" + AWARD_NAME)


@derived
def _award_heading() -> re.Pattern:
    """一、工业经济发展规模奖 on a line of its own: a notice's section that names an award."""
    return re.compile(
        r"(?m)^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十0-9]{1,3}[）)]|[0-9]{1,2}[.、．])\s*"
        r"([\u4e00-\u9fff“”]{2,16}奖)\s*[:：]?\s*$"
    )


@derived
def _star_grade() -> re.Pattern:
    """县级“五星级党支部”, 四星级农家乐: a star grade is an honour, not a body."""
    return re.compile(f"“?([一二三四五]星级[\u4e00-\u9fff]{{0,6}}?{_any('star_grade_kinds')})”?")


@derived
def _brand_list() -> re.Pattern:
    """新增“好品X省”品牌18个, 入选“X”品牌: a quoted brand list after an award verb is an honour."""
    return re.compile(f"{_any('brand_verbs')}(?:[0-9]+个)?(“[^“”\n]{{2,10}}”品牌)")


@derived
def _chief_system() -> re.Pattern:
    return re.compile(f"{_any('chief_systems')}长制")  # 河长制, 林长制: systems without quotes


def _loose(word: str) -> str:
    """A regex for a lexicon entry that tolerates spaces around digits (50 强)."""
    out = []
    for i, char in enumerate(word):
        out.append('[“”"]' if char in "“”" else re.escape(char))  # 专精特新"小巨人"企业: straight quotes too
        if i + 1 < len(word) and (char.isdigit() != word[i + 1].isdigit()):
            out.append(r"\s*")
        elif i + 1 < len(word) and char not in "“”" and word[i + 1] not in "“”":
            out.append('[“”"]?')  # “专精特新”中小企业 is the same list as 专精特新中小企业
    return "".join(out)


@derived
def _honor_pattern() -> re.Pattern:
    lexicon = "|".join(_loose(w) for w in words("honors"))
    level, tail = _any("lexicon_honor_levels"), _any("honor_tails")
    return re.compile(
        f"{level}?(?:制造业|新材料)?“?(?:{lexicon})|{level}[\u4e00-\u9fff“”]{{2,12}}?{tail}"
        f"|{A_GRADE}|{level}{_any('level_required_honors')}|“[^“”\n]{{2,10}}”{tail}(?=名单)"
    )


def _blocked(doc: Doc, start: int, end: int) -> bool:
    return bool(spans.overlapping(doc, start, end, {"PROGRAM"}))


def _left_start(text: str, head_start: int, limit: int = 14) -> int:
    """Where a plan name begins: after punctuation, digits or the last stop word."""
    start = head_start
    while start > 0 and head_start - start < limit:
        char = text[start - 1]
        if not ("\u4e00" <= char <= "\u9fff" or char in "“”"):
            break
        start -= 1
    window = text[start:head_start]
    last = None
    for match in _left_stop().finditer(window):
        last = match
    if last is not None:
        start += last.end()
    while start < head_start and text[start] == "”":
        start += 1
    return start


# 甲市人民政府办公室关于印发X的通知 on a line of its own: a notice's title
# without book-title marks; the body before 关于 issues it
NOTICE_LINE = re.compile(
    r"(?m)^[^\n，。；：“”《》]{2,30}?(关于[^\n，。；《》]{4,100}?的(?:通知|通报|决定|意见|批复|公告|通告|公示|函))\s*$"
)


def find_titles(doc: Doc) -> None:
    text = spans.text_of(doc)
    for match in NOTICE_LINE.finditer(text):
        spans.add(doc, match.start(1), match.end(1), "PROGRAM", "title")
    for match in TITLE.finditer(text):
        inner = match.group(1)
        bare = re.sub(r"[（(][^（）()]{1,20}[）)]$", "", inner)  # …白皮书（2021—2023）
        if _document_ending().search(bare) or "〈" in inner or "关于" in inner:
            spans.add(doc, match.start(1), match.end(1), "PROGRAM", "title", canonical=f"《{inner}》")
    for match in ABBREVIATION.finditer(text):
        aliases = doc._.aliases or {}
        aliases[match.group(2)] = f"《{match.group(1)}》"
        doc._.aliases = aliases
        for use in re.finditer(re.escape(match.group(2)), text):
            if not spans.overlapping(doc, use.start(), use.end(), {"PROGRAM"}):
                spans.add(doc, use.start(), use.end(), "PROGRAM", "title", canonical=f"《{match.group(1)}》")
    for match in ALIAS.finditer(text):
        full, short = f"《{match.group(1)}》", match.group(2)
        aliases = doc._.aliases or {}
        aliases[short] = full
        aliases[f"《{short}》"] = full
        doc._.aliases = aliases


def find_quoted(doc: Doc) -> None:
    text = spans.text_of(doc)
    quoted = re.compile(
        f"[“‘]([^“”‘’\n]{{1,15}})[”’]((?:(?!的)[\u4e00-\u9fff]){{0,6}})({pattern('quoted_plan_heads')})(?!名单)"
        f"|[“‘]([^“”‘’\n]{{1,12}}(?:制|制度|计划|工程|行动))[”’]"
    )
    for match in quoted.finditer(text):
        if spans.overlapping(doc, match.start(), match.end(), {"HONOR"}):
            continue  # 新增“好品X省”品牌: a list, found before
        if match.group(4):
            if not _blocked(doc, match.start(4), match.end(4)):  # enclosing quotes are not part of the name
                spans.add(doc, match.start(4), match.end(4), "PROGRAM", "quoted")
            continue
        start = _left_start(text, match.start())
        if _blocked(doc, start, match.end()):
            continue
        spans.add(doc, start, match.end(), "PROGRAM", "quoted")
    for match in _adopted().finditer(text):  # after the quoted plans: 开展“X”行动 is one name
        if not _blocked(doc, match.start(1), match.end(1)) and not spans.overlapping(doc, match.start(1), match.end(1)):
            spans.add(doc, match.start(1), match.end(1), "PROGRAM", "quoted", canonical=f"“{match.group(1)}”")
    for match in NUMBERED_SLOGAN.finditer(text):  # “三个一批”, “十大突破”: a numbered slogan is a programme
        if not spans.overlapping(doc, match.start(1), match.end(1)):
            spans.add(doc, match.start(1), match.end(1), "PROGRAM", "quoted")


NUMBERED_SLOGAN = re.compile(
    r"“([一二三四五六七八九十两百千万]+[个大项条批化核][\u4e00-\u9fff]{1,6})”(?![\u4e00-\u9fff]{0,8}?(?:名单|榜|称号|强))"
)
AREA_PLAN = re.compile(
    r"(?:打造|构建|建设|建成|形成)([0-9一二三四五六七八九十百]+(?:公里|分钟|小时)[\u4e00-\u9fff]{2,8}?(?:圈|带|走廊|廊道))"
)


def find_area_plans(doc: Doc) -> None:
    """打造10公里红色教育圈, 构建15分钟便民生活圈: planned circles and belts have no plan word."""
    for match in AREA_PLAN.finditer(spans.text_of(doc)):
        if not _blocked(doc, match.start(1), match.end(1)):
            spans.add(doc, match.start(1), match.end(1), "PROGRAM", "plan")


def find_projects(doc: Doc) -> None:
    """Named investment and construction projects: 年产10万吨X项目, X物流园项目. A place
    before the name is where it is built, not part of the name."""
    text = spans.text_of(doc)
    places = [m for m in spans.mentions(doc) if m.label == "PLACE"]
    for match in _project().finditer(text):
        start = match.start() if text.startswith("年", match.start()) else _left_start(text, match.end() - 2, limit=18)
        moved = True
        while moved:
            moved = False
            for place in places:
                if place.start <= start < place.end and place.end < match.end() - 4 and place.attrs.get("code") \
                        and place.text == place.canonical \
                        and not text.startswith(("至", "到"), place.end):  # 高唐至茌平快速路工程 names both ends
                    start, moved = place.end, True
        verb = _project_verb().match(text, start, match.end())
        while verb is not None and match.end() - verb.end() >= 5:  # 投资建设X项目: the verb is not the name
            start = verb.end()
            verb = _project_verb().match(text, start, match.end())
        inner = [m for m in spans.overlapping(doc, start, match.end(), {"ORG", "PLACE", "PROGRAM"})
                 if m.end <= match.end() and (start <= m.start and m.guess and m.label == "ORG" or m.grown and m.label != "ORG")
                 and not m.attrs.get("code")]
        blocking = [m for m in spans.overlapping(doc, start, match.end(), {"ORG", "PROGRAM"}) if m not in inner]
        if match.end() - start < 5 or blocking:
            continue
        spans.remove(doc, inner)  # 新能源汽车零部件产业园项目: the segmenter's product "ORG" and the park are the project's words
        spans.add(doc, start, match.end(), "PROGRAM", "project")


def find_named_plans(doc: Doc) -> None:
    text = spans.text_of(doc)
    heads = alternation(words("program_heads"))
    for match in re.finditer(f"(?:{heads})", text):
        start = _left_start(text, match.start())
        name = text[start : match.end()]
        if match.start() - start < 3 or NUMBER_START.match(name) or "“" in name or "”" in name:
            continue
        follower = text[match.end() : match.end() + 1]
        if follower and "\u4e00" <= follower <= "\u9fff" and follower not in PLAN_FOLLOWERS:
            continue
        if _blocked(doc, start, match.end()):
            continue
        spans.add(doc, start, match.end(), "PROGRAM", "plan")


def find_award_names(doc: Doc) -> None:
    """Honours the general lexicon cannot list: quoted titles after an award verb,
    named awards ending in 奖, star grades, quoted brand lists; and X长制 systems."""
    text = spans.text_of(doc)
    for match in _brand_list().finditer(text):
        if not spans.overlapping(doc, match.start(1), match.end(1), {"HONOR", "PROGRAM"}):
            spans.add(doc, match.start(1), match.end(1), "HONOR", "award")
    for award in (_quoted_award(), _quoted_kind_award(), _named_award(), _award_heading(), _star_grade()):
        for match in award.finditer(text):
            name = match.group(1)
            if re.fullmatch(r"[一二三特]等奖|[金银铜]奖", name) or _blocked(doc, match.start(1), match.end(1)) \
                    or spans.overlapping(doc, match.start(1), match.end(1), {"HONOR"}):
                continue
            spans.add(doc, match.start(1), match.end(1), "HONOR", "award")
            following = NEXT_AWARD.match(text, match.end(1)) if award is _named_award() else None
            if following and not spans.overlapping(doc, following.start(1), following.end(1), {"HONOR", "PROGRAM"}):
                spans.add(doc, following.start(1), following.end(1), "HONOR", "award")
    for match in _chief_system().finditer(text):
        if not spans.overlapping(doc, match.start(), match.end(), {"PROGRAM", "HONOR"}):
            spans.add(doc, match.start(), match.end(), "PROGRAM", "plan")
    quoted_title_runs(doc, text)


COPULA_LEVEL = re.compile(r"是((?:全国|中国|国家级|国家|省级|全省)?)$")
QUOTED_RUN = re.compile(r"(?:“[^“”\n]{2,20}”[、和及]?){2,}")
QUOTED_ONE = re.compile(r"“([^“”\n]{2,20})”")


def quoted_title_runs(doc: Doc, text: str) -> None:
    """被授予“杰出企业家”“优秀企业家”称号: each quoted title of a run after an award
    verb; 甲镇是全国“千强镇”、“乙省文明镇”: after 是, when the run opens with a level."""
    verbs = _any("award_name_verbs")
    for run in QUOTED_RUN.finditer(text):
        level = COPULA_LEVEL.search(text, max(0, run.start() - 8), run.start())
        if not re.search(f"{verbs}$", text[max(0, run.start() - 4) : run.start()]) and level is None:
            continue
        for index, one in enumerate(QUOTED_ONE.finditer(text, run.start(), run.end())):
            if index == 0 and level is not None and level.group(1):
                start, end = level.start(1), one.end()
            else:
                start, end = one.start(1), one.end(1)
            if not spans.overlapping(doc, start, end, {"HONOR", "PROGRAM"}):
                spans.add(doc, start, end, "HONOR", "award")  # 全国“千强镇” keeps its quotes


def find_honors(doc: Doc) -> None:
    inside, ends = {}, {}  # positions inside / at the end of a place -> the place's start
    for m in spans.mentions(doc):
        if m.label == "PLACE" and len(m.text) >= 2 and m.text[0] not in "该全我本":  # not 该市国家4A级…
            ends[m.end] = m.start
            for pos in range(m.start + 1, m.end):
                inside[pos] = m.start
    text = spans.text_of(doc)
    for match in HOMETOWN_TITLE.finditer(text):  # “中国轴承之乡”: a title a place receives
        if not spans.overlapping(doc, match.start(1), match.end(1), {"PROGRAM", "HONOR", "ORG"}):
            spans.add(doc, match.start(1), match.end(1), "HONOR", "honor")
    for match in _title_honor().finditer(text):
        places = [m for m in spans.mentions(doc) if m.label == "PLACE"
                  and match.start(1) <= m.start and m.end <= match.end(1)]
        if not spans.overlapping(doc, match.start(1), match.end(1), {"PERSON", "ORG", "PROGRAM", "HONOR"}):
            spans.remove(doc, places)  # 获得“乙省优秀X社区”称号: the province only names the list
            spans.add(doc, match.start(1), match.end(1), "HONOR", "honor", canonical=match.group(1))
    awards = [m for m in spans.mentions(doc) if m.rule.award]
    for match in _honor_pattern().finditer(text):
        if _blocked(doc, match.start(), match.end()) or any(
                a.start < match.end() and match.start() < a.end for a in awards):
            continue
        start = match.start()
        if start in inside:
            start = inside[start]  # 乙省特色产业集群 matched from 省
        elif start in ends and not text.startswith(("国家", "省", "市"), start):
            start = ends[start]  # 甲市两化融合示范企业: the place names the list
        year = re.search(r"(?:(?:19|20)\d\d\s*)?年度?$", text[max(0, start - 8) : start])
        if year and start - len(year.group()) in ends:  # 甲市2022年度农业产业化重点龙头企业
            place_start = ends[start - len(year.group())]
            spans.add(doc, place_start, match.end(), "HONOR", "honor",
                      canonical=text[place_start : start - len(year.group())] + match.group())
            continue
        above = re.match(f"{_any('lexicon_honor_levels')}以[上下]", match.group())
        if above:
            start += above.end()
        start = _past_verbs(text, start, match.end())
        if match.end() - start < 3:
            continue
        if text[start] == "“" and text.count("”", start, match.end()) < text.count("“", start, match.end()):
            start += 1  # “专精特新企业是…”: the quote opens a sentence, not the name
        canonical = re.sub(r"\s+", "", spans.text_of(doc)[start : match.end()])
        spans.add(doc, start, match.end(), "HONOR", "honor", canonical=canonical)


@Language.factory("program_honor", assigns=["doc._.mentions"], requires=["doc._.mentions"], default_config={"lexicon": {}})
def make_program_honor(nlp: Language, name: str, lexicon: dict[str, str]):
    configure(lexicon)
    return program_honor


@derived
def _honor_breaks() -> re.Pattern:
    return re.compile(f"(?:{_any('award_verbs')}|{_any('honor_breaking_verbs')})了?")


def _past_verbs(text: str, start: int, end: int) -> int:
    """省农业农村厅公布了乡村振兴示范村: a verb inside the match ends whatever
    came before it; the honour begins after the last one."""
    for verb in _honor_breaks().finditer(text, start, end - 2):
        start = verb.end()
    return start


HONOR_QUALIFIER = re.compile(r"[（(](?:[\u4e00-\u9fff]{1,4}[类型]|试点|第[一二三四五六七八九十0-9]{1,3}批)[）)]")


def bracketed_qualifiers(doc: Doc) -> None:
    """江苏省专精特新小巨人企业（制造类）: a bracketed kind or batch belongs to the
    honour's name (the two kinds are two lists)."""
    text = spans.text_of(doc)
    for m in [m for m in spans.mentions(doc) if m.label == "HONOR"]:
        qualifier = HONOR_QUALIFIER.match(text, m.end)
        if qualifier is None or spans.overlapping(doc, m.end, qualifier.end()):
            continue
        spans.remove(doc, [m])
        spans.add(doc, m.start, qualifier.end(), "HONOR", m.source, canonical=m.canonical + qualifier.group())


@derived
def _national() -> re.Pattern:
    return re.compile(f"“?(?:{_any('national_programs')})”?")


def find_national_programs(doc: Doc) -> None:
    """乡村振兴, 长三角一体化, “一带一路”: nationwide programmes named without a plan
    word. Not inside a longer name (乡村振兴局, 乡村振兴示范村), which wins; a
    place or person read inside the span (一带一路 as a road) gives way."""
    text = spans.text_of(doc)
    for match in _national().finditer(text):
        start, end = match.span()
        if text[start] == "“" and text[end - 1] != "”" or text[end - 1] == "”" and text[start] != "“":
            start, end = (start + 1, end) if text[start] == "“" else (start, end - 1)
        longer = [m for m in spans.overlapping(doc, start, end)
                  if not (start <= m.start and m.end <= end and m.label in ("PLACE", "PERSON"))]
        if longer:
            continue
        spans.remove(doc, spans.overlapping(doc, start, end))
        spans.add(doc, start, end, "PROGRAM", "plan")


def program_honor(doc: Doc) -> Doc:
    find_titles(doc)
    find_award_names(doc)
    find_quoted(doc)
    find_named_plans(doc)
    find_projects(doc)
    find_firm_projects(doc)
    find_named_projects(doc)
    find_area_plans(doc)
    find_honors(doc)
    find_rankings(doc)
    find_list_names(doc)
    bracketed_qualifiers(doc)
    find_national_programs(doc)
    return doc
