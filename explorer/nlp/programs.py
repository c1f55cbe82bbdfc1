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

import functools
import re

from spacy.language import Language
from spacy.tokens import Doc

from explorer.nlp import spans
from explorer.nlp.lexicon import alternation, words

DOC_ENDINGS = (
    "办法|方案|意见|通知|规划|计划|条例|规定|决定|公示|清单|预案|协定|纲要|细则|标准|指南|措施|"
    "报告|法|公告|通报|函|批复|名单|制度|战略|协议|政策|说明|意见稿|行动|工程|要点|导则|准则|守则|规则|章程|"
    "公约|决议|须知|条款|目录|白皮书|公报|年鉴|办法（试行）|（试行）|（暂行）"
)
TITLE = re.compile(r"《([^《》\n]{2,80}?)》")
ALIAS = re.compile(r"《([^《》\n]{2,80}?)》[（(]以下简称[“《]([^”》\n]{1,20})[”》][）)]")
ABBREVIATION = re.compile(r"《([^《》\n]{2,80}?)》[（(]([A-Z][A-Za-z0-9]{1,9})[）)]")
TITLE_HONOR = re.compile(r"(?:授予|获得|荣获|评为|获评|被评为|命名为)“([^“”\n]{2,16})”(?:荣誉)?称号")
HOMETOWN_TITLE = re.compile(r"“((?:中国|全国|[\u4e00-\u9fff]{2,7}?[省市县区])?[\u4e00-\u9fff]{1,6}之(?:乡|都|城))”")
ADOPTED = re.compile(r"(?:依托|推行|推出|创建|开展|创新)“([^“”\n]{2,8})”(?![\u4e00-\u9fff]{2})")
LEFT_STOPS = (
    "该工程|该项目|投资建设|投资兴建|列入|纳入|推行|推出|实行|探索|我市|本市|全市|我省|全省|我县|全县|我区|全区|该市|该县|该区|该镇|一手抓|抓|实施|启动|开展|推进|落实好|落实|建立|健全|重点|通过|做好|抓好|牵头|围绕|深化|推动|加快|打造|着力|"
    "深入|全面|持续|积极|组织|参与|参加|开启|完善|依托|按照|根据|结合|以及|还有|采取|采用|批|届|年度|"
    "的|了|等|和|与|及|是|在|为|将|把|对|从"
)
LEFT_STOP_RE = re.compile(f"(?:{LEFT_STOPS})")
PLAN_FOLLOWERS = set("的等和与及中为是")
NUMBER_START = re.compile(r"^[0-9一二三四五六七八九十百千万两几多]+[大项个年]")
QUOTED_HEADS = "战略|工程|行动|计划|建设|制度|机制|模式|工作法|活动|品牌"
HONOR_LEVEL = r"(?:国家级|省级|市级|县级|区级|国家重点|国家|全国|省|市)"
HONOR_GENERIC_TAIL = (
    "示范企业|示范基地|示范平台|示范区|示范县|示范村|示范园区|试点区|试点县|试点企业|试点单位|示范单位|"
    "龙头企业|研发机构|产业集群|冠军企业|领军企业|重点企业|文明单位|先进集体|示范点|示范社|示范户|"
    "特色学校|示范学校|示范校|特色小镇|示范合作社|研究中心|研发中心|技术中心|创新中心|品牌|"
    "典型县|先进县|百强县|强县|示范镇|重点镇|先进单位|典型案例"
)
# List names too generic to be an honour without a level before them (龙头企业带动, 重点项目是…).
LEVEL_REQUIRED = "重点项目|龙头企业|重点龙头企业|示范项目|优秀企业|现代农业产业园"
PROJECT = re.compile(
    r"(?:年产|年加工|年处理|年出栏|年存栏)[0-9.]+[万亿千百]?(?:[A-Za-z]+|[吨台套件辆只个片头张平方米千瓦])+"
    r"[\u4e00-\u9fffA-Za-z0-9]{2,14}?项目"
    r"|[\u4e00-\u9fff]{2,12}?(?:产业园|物流园|工业园|科技园|产业基地|基地|中心|综合体|工程|厂房|园区)(?:建设)?项目"
    # 高唐至茌平快速路工程, X高铁甲市段项目: a route between two places
    r"|[\u4e00-\u9fff]{2,6}(?:至|到)[\u4e00-\u9fff]{2,6}?(?:快速路|高速公路|高速铁路|高铁|铁路|公路|城际铁路|快速通道|连接线|大道)"
    r"(?:[\u4e00-\u9fff]{1,3}段)?(?:改扩建|改建|扩建|新建)?(?:工程|项目)"
)
PROJECT_VERB = re.compile(r"资建设|资兴建|建设|新建|兴建|扩建|签约|开工|实施|推进")
A_GRADE = r"(?:国家)?(?:[1-5]A|A{1,5})级(?:旅游)?景区"  # 国家4A级旅游景区, AAAA级景区
AWARD_VERBS = r"(?:获评|被评为|评为|荣获|获得了?|认定为|命名为|授予|同获|摘得|获)"
# 获评“全省先进基层党组织”, 被评为“省级美丽幸福示范河湖”: a quoted name after an award verb is the honour
QUOTED_AWARD = re.compile(AWARD_VERBS + r"(?:(?:19|20)\d\d年度?)?“([^“”\n]{3,20})”(?=[，。；、！]|$|\n)")
# 获乙省科学技术奖, 分别获得科学技术进步奖二等奖, 还获得甲市市长质量奖
AWARD_NAME = r"([\u4e00-\u9fff]{2,14}?奖(?:[一二三特]等奖|金奖|银奖|铜奖)?)(?=[^\u4e00-\u9fff]|[和与及等的称]|$)"
NEXT_AWARD = re.compile(r"[和、与及]" + AWARD_NAME)  # 获得A奖和B奖
NAMED_AWARD = re.compile(AWARD_VERBS + r"(?:第[一二三四五六七八九十0-9]+届)?" + AWARD_NAME)
# 县级“五星级党支部”, 四星级农家乐: a star grade is an honour, not a body
STAR_GRADE = re.compile(r"“?([一二三四五]星级[\u4e00-\u9fff]{0,6}?(?:党支部|党组织|党委|企业|合作社|农场|饭店|酒店|农家乐|社区|村|户|景区))”?")
# 新增“好品X省”品牌18个, 入选“X”品牌: a quoted brand list after an award verb is an honour
BRAND_LIST = re.compile(r"(?:新增|入选|获评|认定为?|获得|荣获)(?:[0-9]+个)?(“[^“”\n]{2,10}”品牌)")
LONG_RIVER = re.compile(r"(?:河湖|河|湖|林|田|路|链|街|巷|楼|山|网格)长制")  # 河长制, 林长制: systems without quotes


def _loose(word: str) -> str:
    """A regex for a lexicon entry that tolerates spaces around digits (50 强)."""
    out = []
    for i, char in enumerate(word):
        out.append(re.escape(char))
        if i + 1 < len(word) and (char.isdigit() != word[i + 1].isdigit()):
            out.append(r"\s*")
        elif i + 1 < len(word) and char not in "“”" and word[i + 1] not in "“”":
            out.append("[“”]?")  # “专精特新”中小企业 is the same list as 专精特新中小企业
    return "".join(out)


@functools.lru_cache(maxsize=1)
def _honor_pattern() -> re.Pattern:
    lexicon = "|".join(_loose(w) for w in words("honors.txt"))
    return re.compile(
        f"{HONOR_LEVEL}?(?:制造业|新材料)?“?(?:{lexicon})|{HONOR_LEVEL}[\u4e00-\u9fff“”]{{2,12}}?(?:{HONOR_GENERIC_TAIL})"
        f"|{A_GRADE}|{HONOR_LEVEL}(?:{LEVEL_REQUIRED})|“[^“”\n]{{2,10}}”(?:{HONOR_GENERIC_TAIL})(?=名单)"
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
    for match in LEFT_STOP_RE.finditer(window):
        last = match
    if last is not None:
        start += last.end()
    while start < head_start and text[start] == "”":
        start += 1
    return start


def find_titles(doc: Doc) -> None:
    text = spans.text_of(doc)
    for match in TITLE.finditer(text):
        inner = match.group(1)
        bare = re.sub(r"[（(][^（）()]{1,20}[）)]$", "", inner)  # …白皮书（2021—2023）
        if re.search(f"(?:{DOC_ENDINGS})$", bare) or "〈" in inner or "关于" in inner:
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
    pattern = re.compile(
        f"[“‘]([^“”‘’\n]{{1,15}})[”’]((?:(?!的)[\u4e00-\u9fff]){{0,6}})({QUOTED_HEADS})(?!名单)"
        f"|[“‘]([^“”‘’\n]{{1,12}}(?:制|制度|计划|工程|行动))[”’]"
    )
    for match in pattern.finditer(text):
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
    for match in ADOPTED.finditer(text):  # after the quoted plans: 开展“X”行动 is one name
        if not _blocked(doc, match.start(1), match.end(1)) and not spans.overlapping(doc, match.start(1), match.end(1)):
            spans.add(doc, match.start(1), match.end(1), "PROGRAM", "quoted", canonical=f"“{match.group(1)}”")


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
    for match in PROJECT.finditer(text):
        start = match.start() if text.startswith("年", match.start()) else _left_start(text, match.end() - 2, limit=18)
        moved = True
        while moved:
            moved = False
            for place in places:
                if place.start <= start < place.end and place.end < match.end() - 4 and place.attrs.get("code") \
                        and not text.startswith(("至", "到"), place.end):  # 高唐至茌平快速路工程 names both ends
                    start, moved = place.end, True
        verb = PROJECT_VERB.match(text, start, match.end())
        while verb is not None and match.end() - verb.end() >= 5:  # 投资建设X项目: the verb is not the name
            start = verb.end()
            verb = PROJECT_VERB.match(text, start, match.end())
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
    heads = alternation(words("program_heads.txt"))
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
    for match in BRAND_LIST.finditer(text):
        if not spans.overlapping(doc, match.start(1), match.end(1), {"HONOR", "PROGRAM"}):
            spans.add(doc, match.start(1), match.end(1), "HONOR", "award")
    for pattern in (QUOTED_AWARD, NAMED_AWARD, STAR_GRADE):
        for match in pattern.finditer(text):
            name = match.group(1)
            if re.fullmatch(r"[一二三特]等奖|[金银铜]奖", name) or _blocked(doc, match.start(1), match.end(1)) \
                    or spans.overlapping(doc, match.start(1), match.end(1), {"HONOR"}):
                continue
            spans.add(doc, match.start(1), match.end(1), "HONOR", "award")
            following = NEXT_AWARD.match(text, match.end(1)) if pattern is NAMED_AWARD else None
            if following and not spans.overlapping(doc, following.start(1), following.end(1), {"HONOR", "PROGRAM"}):
                spans.add(doc, following.start(1), following.end(1), "HONOR", "award")
    for match in LONG_RIVER.finditer(text):
        if not spans.overlapping(doc, match.start(), match.end(), {"PROGRAM", "HONOR"}):
            spans.add(doc, match.start(), match.end(), "PROGRAM", "plan")


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
    for match in TITLE_HONOR.finditer(text):
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
        above = re.match(f"{HONOR_LEVEL}以[上下]", match.group())
        if above:
            start += above.end()
        if text[start] == "“" and text.count("”", start, match.end()) < text.count("“", start, match.end()):
            start += 1  # “专精特新企业是…”: the quote opens a sentence, not the name
        canonical = re.sub(r"\s+", "", spans.text_of(doc)[start : match.end()])
        spans.add(doc, start, match.end(), "HONOR", "honor", canonical=canonical)


@Language.factory("program_honor", assigns=["doc._.mentions"], requires=["doc._.mentions"])
def make_program_honor(nlp: Language, name: str):
    return program_honor


def program_honor(doc: Doc) -> Doc:
    find_titles(doc)
    find_award_names(doc)
    find_quoted(doc)
    find_named_plans(doc)
    find_projects(doc)
    find_area_plans(doc)
    find_honors(doc)
    return doc
