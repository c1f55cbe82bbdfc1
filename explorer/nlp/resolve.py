"""Clean up overlapping guesses and resolve names to canonical forms.

Cleanup: a more specific rule beats a segmenter guess (gazetteer over LAC
fragments such as 东昌 of 东昌府区), nothing inside a 《…》 title counts, and a
name nested in a longer one is kept only where it also stands alone
(the annotation convention), except places inside government bodies and
organisations inside their sub-units.

Resolution: 我市/本市/全市 -> home city; 该区/全区, 该县/全县, 该镇 -> the
district, county or town last named; 市X局 -> 〈home city〉X局 with the official
name of common abbreviations (工信局 -> 工业和信息化局); 开发区 -> the home
city's development zone; company short forms (罗克佳华) -> the full name in
the same article; traditional characters -> simplified canonical names.
"""

from __future__ import annotations

import functools
import re

from spacy.language import Language
from spacy.tokens import Doc

from explorer.core.gazetteer import load_gazetteer
from explorer.core.text import to_simplified
from explorer.nlp import spans
from explorer.nlp.anaphora import (
    COMPANY_ENDINGS,
    anaphora,
    merge_honour_levels,
    own_bodies,
)
from explorer.nlp.lexicon import table, word_set, words
from explorer.nlp.spans import ENCLOSING, GROWN, Mention
from explorer.nlp.trims import trim_names

PROPER_TAGS = {"LOC", "PER", "nz", "ORG", "j", "nw", "m"}
GOV_ENDINGS = (
    "政府", "党委", "党支部", "村委会", "居委会", "办事处", "党工委", "管委会", "局", "厅", "委", "办",
    "海关", "残联", "联合会", "指挥部", "办公室", "法院", "检察院", "组织部", "宣传部", "统战部",
)
SUB_UNITS = ("中心", "学院", "分公司", "分院", "分局", "分行", "支行", "研究所", "研究院", "医院", "附属中学", "工会", "志愿者协会", "学生会")
FULL_COMPANY = ("有限公司", "有限责任公司", "集团公司")
INDUSTRY_WORDS = (
    "机器人科技", "科技", "家纺", "漆业", "实业", "化工", "生物", "股份", "控股", "发展", "新材料", "电子",
    "机械", "食品", "医药", "纺织", "能源", "环保", "信息", "技术", "建设", "投资", "贸易", "经贸", "商贸",
    "农业", "牧业", "钢铁", "特钢", "铝业", "轴承", "汽车", "制造", "工业", "集团", "智能", "物流", "置业",
    "装备", "线缆", "电缆", "储能", "精工", "医疗", "药业", "材料", "重工", "电器", "电气", "纸业", "化纤",
    "铜业", "铁业", "石化", "钢管", "木业", "酒业", "乳业", "面业", "棉业",
)
DEIXIS = {
    "我市": "home", "本市": "home", "全市": "home",
    "该区": ("district", "zone"), "全区": ("district", "zone"), "该县": ("county",), "全县": ("county",),
    "该镇": ("town",), "全镇": ("town",), "该市": ("county", "city"),
    "全省": "province", "我省": "province", "本省": "province",
}
GENERIC_BEFORE = re.compile(r"(?:[0-9一二三四五六七八九十百千万余多]+[所家个座]|最[\u4e00-\u9fff]{1,2}的)$")
GENERIC_ORG = re.compile(  # 乡镇学校, 农村学校, 扩建中小学: kinds of bodies, not names
    r"^(?:乡镇|农村|城区|城乡|基层|村级|民营|国有|新建|改扩建|扩建|各类)(?:学校|中小学|小学|中学|幼儿园|医院|卫生院|卫生室|银行|机构)$"
    r"|^(?:学校|中小学|医院|卫生院)$|^(?:全市|全县|全区|全省|各级|各)(?:人民)?(?:法院|检察院|学校|医院|银行)$")
GENERIC_PLACES = {"镇街", "乡镇", "村居", "镇村", "县区", "市区", "城区", "县城", "村庄", "社区", "街道", "园区", "景区"}
PLACE_ENDINGS = tuple("省市县区镇乡村庄屯街路巷道河山湖岛港湾洲国州城寨营集店铺楼塔寺庙阁桥园宫坊冈岗坡林泉池井门关口")
COUNTRIES = {"日本", "新西兰", "俄罗斯", "印度", "越南", "新加坡", "朝鲜", "蒙古", "巴西", "埃及", "欧洲", "亚洲", "非洲", "美洲", "台湾", "香港", "澳门"}
SPEECH_VERBS = "说|表示|介绍|告诉|指出|认为|坦言|感慨|解释"
LIST_LEADS = re.compile(r"^(?:尤其是|特别是|包括|例如|比如|其中|以及|如|像|和|及)")
ZONE_WORD = re.compile(r"(?<![\u4e00-\u9fff])(开发区|经开区|高新区|度假区)|(?<=[、和与])(开发区|经开区|高新区|度假区)")
ZONES = {"开发区": "经济技术开发区", "经开区": "经济技术开发区", "高新区": "高新技术产业开发区", "度假区": "旅游度假区"}


def simplified(text: str) -> str:
    return to_simplified(text)


# --- cleanup -----------------------------------------------------------------


def _inside(inner: Mention, outer: Mention) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end and (
        outer.start, outer.end) != (inner.start, inner.end)


def _crosses(a: Mention, b: Mention) -> bool:
    return a.start < b.start < a.end < b.end or b.start < a.start < b.end < a.end


def _proper(doc: Doc, start: int, end: int) -> bool:
    return any(w.tag_ in PROPER_TAGS for w in spans.words_of(doc) if w.idx < end and w.idx + len(w.text) > start)


def _complete_known_places(doc: Doc) -> None:
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


def cleanup(doc: Doc) -> None:
    trim_names(doc)
    records = spans.mentions(doc)
    surnames = set(words("surnames.txt"))
    doomed = []
    titles = [m for m in records if m.rank == ENCLOSING]
    for m in records:
        if any(_inside(m, t) or _crosses(m, t) for t in titles):
            doomed.append(m)
        elif m.label == "PERSON" and not (m.text[:1] in surnames or m.text[:2] in surnames):
            doomed.append(m)
        elif m.guess and m.label == "ORG" and len(m.text) <= 2:
            doomed.append(m)
        elif m.guess and m.label == "ORG" and m.text.endswith(("社区", "街道")) and len(m.text) >= 4:
            m.label = "PLACE"  # 米市街社区党委书记: the community is a place; its 党委 is the body
        elif m.label == "PLACE" and m.text.endswith(("乡村", "农村", "城乡")):
            doomed.append(m)  # 美丽乡村建设: a kind of place, not a name
        elif m.label == "ORG" and not m.guess and any(
                h.label == "HONOR" and h.start <= m.start and m.end <= h.end for h in records):
            doomed.append(m)  # 全国青少年校园足球特色学校 is a list, not a school
        elif m.guess and m.label == "PLACE" and m.text.endswith(INDUSTRY_WORDS) \
                and not m.text.endswith(PLACE_ENDINGS) and len(m.text) >= 4:
            m.label = "ORG"  # 阳谷县祥光铜业: a firm named with its county, not a place
        elif m.label == "ORG" and m.rank <= GROWN and (GENERIC_ORG.match(m.text) or (
                m.text[0] in "市县区省" and spans.text_of(doc)[m.start - 1 : m.start] == "全") or m.text in words("org_heads")):  # 全市法院, 家庭农场
            doomed.append(m)
        elif m.label == "PLACE" and m.text in GENERIC_PLACES:
            doomed.append(m)  # 镇街, 乡镇: kinds of places
        elif m.label in ("PLACE", "ORG") and m.rank <= GROWN and any(
                h.label == "HONOR" and h.start <= m.start and m.end <= h.end for h in records):
            doomed.append(m)  # 山东省文化产业示范园区 is a list, not a park
        elif m.guess and m.label == "PLACE" and m.text in word_set("short_name_stopwords"):
            doomed.append(m)  # 惠民 (惠民政策) is a word before it is a county
        elif m.guess and m.label == "PLACE" and len(m.text) <= 3 \
                and not m.text.endswith(PLACE_ENDINGS) and m.text not in COUNTRIES \
                and m.text not in load_gazetteer():
            doomed.append(m)  # 周转, 恒温库: short segmenter guesses with no place word
        elif m.guess and m.label == "PLACE" and m.text.endswith("村") \
                and spans.text_of(doc).startswith(("干部", "民"), m.end) and m.text not in load_gazetteer():
            doomed.append(m)  # 包村干部, 会同村干部: a verb, not a village
        elif m.label == "ORG" and m.rank <= GROWN and not _proper(doc, m.start, m.end) \
                and GENERIC_BEFORE.search(spans.text_of(doc), 0, m.start):
            doomed.append(m)  # 46所乡村学校, 规模最大的物流集散中心: a kind of body, not a name
        elif m.grown and m.label == "PLACE" and not _proper(doc, m.start, m.end) and not any(
            o is not m and o.start == m.start and o.label in ("PERSON", "PLACE") for o in records
        ):
            doomed.append(m)
    spans.remove(doc, doomed)
    _complete_known_places(doc)
    records = spans.mentions(doc)
    doomed = []
    for m in records:
        for o in records:
            if o is m:
                continue
            same_span = (m.start, m.end) == (o.start, o.end)
            if m.guess and not o.guess and same_span and o.label != m.label:
                doomed.append(m)
                break
            if m.guess and not o.guess and o.start == m.start and 0 < m.end - o.end <= 2 \
                    and o.label == m.label == "ORG" and o.text.endswith(words("org_heads")):
                doomed.append(m)  # 聊城大学签署: the segmenter took the verb along
                break
            if m.grown and m.label == "PLACE" and o.rule.division and _crosses(m, o):
                doomed.append(m)  # 东昌府区新区 | 新区街道: the division wins
                break
            if m.guess and not o.guess and (_crosses(m, o) or (
                    o.label == m.label == "PLACE" and o.start == m.start and o.end > m.end)):
                doomed.append(m)
                break
            if m.label == "PERSON" and (_inside(m, o) or _crosses(m, o)):
                if o.label == "PLACE" and o.text.endswith(("故居", "纪念馆", "墓", "旧居")):
                    continue  # 赵健民故居 names a person too
                doomed.append(m)
                break
    spans.remove(doc, doomed)
    _split_place_chains(doc)
    _trim_facilities(doc)
    _parent_orgs(doc)
    _drop_nested(doc)


def _split_place_chains(doc: Doc) -> None:
    """A segmenter place made of gazetteer places (烟庄街道王村) gives way to them."""
    records = spans.mentions(doc)
    doomed = []
    for m in records:
        if m.label != "PLACE" or m.rule.division:
            continue
        parts = sorted((o for o in records if o.rule.division and _inside(o, m)), key=lambda o: o.start)
        covered, last_code = m.start, ""
        for part in parts:
            code = part.attrs.get("code", "")
            if part.start == covered and code.startswith(last_code):
                covered, last_code = part.end, code
        if parts and covered == m.end:
            doomed.append(m)
        else:
            doomed.extend(parts)  # 聊城古城区 is one name, not 聊城 + 古城区
    spans.remove(doc, doomed)


def _trim_facilities(doc: Doc) -> None:
    """开发区周公河精品水果市场 -> 周公河精品水果市场 (the place before it is separate)."""
    records = spans.mentions(doc)
    text = spans.text_of(doc)
    spans.remove(doc, [m for m in records if m.grown and m.label == "PLACE" and any(  # 中洲运河古城 | 景区: one name
        o.grown and o.label == "PLACE" and o.start == m.start and text[m.end : o.end] in word_set("place_heads") for o in records)])
    records = spans.mentions(doc)
    for m in list(records):
        if m.label != "PLACE" or not m.grown:
            continue
        for o in records:
            if o is not m and o.label == "PLACE" and o.start == m.start and o.end < m.end:
                spans.remove(doc, [m])
                if m.end - o.end >= 4 and _proper(doc, o.end, m.end):
                    spans.add(doc, o.end, m.end, "PLACE", "facility")
                break


def _standalone_texts(doc: Doc) -> set[str]:
    records = spans.mentions(doc)
    alone = set()
    for m in records:
        if not any(_inside(m, o) for o in records):
            alone.add(m.text)
            alone.add(m.canonical)
    return alone


PARENT_HEADS = re.compile(r"大学|集团|公司|医院|学校|研究院|银行")


def _parent_orgs(doc: Doc) -> None:
    """聊城大学商学院 also names 聊城大学 (the annotation counts both, with part_of)."""
    for m in list(spans.mentions(doc)):
        if m.label != "ORG" or not m.text.endswith(SUB_UNITS):
            continue
        for head in PARENT_HEADS.finditer(m.text):
            cut = head.end()
            if 2 < cut < len(m.text) and m.text[cut:].endswith(SUB_UNITS) and len(m.text) - cut >= 2:
                spans.add(doc, m.start, m.start + cut, "ORG", "parent_org")
                break


def _drop_nested(doc: Doc) -> None:
    records = spans.mentions(doc)
    alone = _standalone_texts(doc)
    doomed = []
    for m in records:
        outers = [o for o in records if _inside(m, o)]
        if not outers or m.text in alone or m.canonical in alone:
            continue
        keep = False
        for o in outers:
            if m.label == "ORG" and o.start == m.start and (m.rule.nests or m.also_lac) \
                    and m.text.endswith(words("org_heads")):
                keep = True  # 中共鲁西北地委 inside 中共鲁西北地委旧址: organisations nest
            if m.label == "PERSON" and o.label == "PLACE" and o.text.endswith(("故居", "纪念馆", "墓", "旧居")):
                keep = True
            if m.label == "PLACE" and o.label == "ORG" and o.text.endswith(GOV_ENDINGS):
                keep = True  # the gold counts the place of a government body (山东省 of 山东省文化和旅游厅)
            if m.label == "ORG" and o.label == "ORG" and o.start == m.start and o.text[len(m.text):].endswith(SUB_UNITS):
                keep = True
        if not keep:
            doomed.append(m)
    spans.remove(doc, doomed)


# --- resolution ----------------------------------------------------------------


def _home(doc: Doc):
    gazetteer = load_gazetteer()
    home = doc._.home_city
    found = [d for d in gazetteer.lookup(home) if d.level == "city"] if home else []
    return (found[0], gazetteer.get(found[0].parent)) if found else (None, None)


def resolve_deixis(doc: Doc) -> None:
    home_city, province = _home(doc)
    places = sorted((m for m in spans.mentions(doc) if m.label == "PLACE" and m.attrs.get("code")), key=lambda m: m.start)
    for match in re.finditer("|".join(DEIXIS), spans.text_of(doc)):
        if spans.overlapping(doc, match.start(), match.end()):
            continue
        target = DEIXIS[match.group()]
        if target in ("home", "province"):
            place = home_city if target == "home" else province
            if place is not None:
                spans.add(doc, match.start(), match.end(), "PLACE", "deixis", canonical=place.name,
                          level=place.level, code=place.code)
            continue
        before = [p for p in places if p.end <= match.start() and p.attrs.get("level") in target]
        if before:
            last = before[-1]
            spans.add(doc, match.start(), match.end(), "PLACE", "deixis", canonical=last.canonical,
                      level=last.attrs["level"], code=last.attrs["code"])


def expand_org(name: str, home_city: str | None, province: str | None) -> str:
    """市工信局 -> 聊城市工业和信息化局; 金郝庄镇政府 -> 金郝庄镇人民政府."""
    abbreviations = table("abbreviations.tsv")
    for short in sorted(abbreviations, key=len, reverse=True):
        full = abbreviations[short]
        if name.endswith(short) and not name.endswith(full):
            if short in ("宣传部", "组织部", "统战部", "政法委", "编办") and not name.endswith("市" + short):
                continue
            name = name[: -len(short)] + full
            break
    if home_city:
        if name.startswith("市委"):
            return "中共" + home_city + name[1:]
        if name.startswith("市") and not name.startswith("市场") or name.startswith("市市场"):
            return home_city + name[1:]
    if province and name.startswith("省") and not name.startswith("省会"):
        return province + name[1:]
    return name


LOCAL_PREFIX = re.compile(r"^(该县|该区|该市|该镇|该乡|县|区|镇|乡)(?=[\u4e00-\u9fff])")
LOCAL_LEVELS = {"县": ("county",), "区": ("district",), "市": ("county",), "镇": ("town",), "乡": ("town",)}


def local_division(name: str, places: list[Mention], before: int) -> str | None:
    """县委/该镇党委: the county or town last named before this point."""
    match = LOCAL_PREFIX.match(name)
    if not match:
        return None
    levels = LOCAL_LEVELS[match.group(1)[-1]]
    named = [p for p in places if p.end <= before and p.attrs.get("level") in levels]
    return named[-1].canonical if named else None


def expand_local(name: str, division: str) -> str:
    rest = LOCAL_PREFIX.sub("", name)
    if rest.startswith("委"):
        return "中共" + division + rest  # 县委 -> 中共阳谷县委
    return division + rest


PARTY_DEPARTMENTS = {"宣传部", "组织部", "统战部", "政法委", "纪委", "党校"}


def _party_department(doc: Doc, mention: Mention, home_city) -> str:
    """宣传部 after 阳谷县委 is that committee's department, else the home city's."""
    committees = [m for m in spans.mentions(doc) if m.label == "ORG" and m.end <= mention.start
                  and m.canonical.startswith("中共") and m.canonical.endswith("委")]
    if committees:
        return max(committees, key=lambda m: m.end).canonical + mention.text
    if home_city is not None:
        return f"中共{home_city.name}委{mention.text}"
    return mention.text


def resolve_orgs(doc: Doc) -> None:
    home_city, province = _home(doc)
    gazetteer = load_gazetteer()
    places = sorted((m for m in spans.mentions(doc) if m.label == "PLACE" and m.attrs.get("code")),
                    key=lambda m: m.start)
    for m in spans.mentions(doc):
        if m.label == "ORG":
            division = local_division(m.canonical, places, m.start)
            if division:
                m.canonical = expand_local(m.canonical, division)
            m.canonical = expand_org(m.canonical, home_city.name if home_city else None,
                                        province.name if province else None)
            if not m.canonical.startswith("中共") and (re.search(r"[县区]委$", m.canonical) or (
                    m.canonical.endswith("市委") and m.canonical[:-1] in gazetteer)):
                m.canonical = "中共" + _city_of_district(m.canonical[:-1], home_city) + m.canonical
            if m.text in PARTY_DEPARTMENTS:
                m.canonical = _party_department(doc, m, home_city)
            zone_body = _zone_body(doc, m, home_city)
            if zone_body:
                m.canonical = zone_body
            committee = re.match(r"([\u4e00-\u9fff]{1,5}[县区市])委(组织部|宣传部|统战部|政法委员会|办公室)$", m.canonical)
            if committee and committee.group(1) in gazetteer:  # 高唐县委组织部 -> 中共高唐县委组织部
                m.canonical = "中共" + m.canonical
            ecology = re.match(r"([\u4e00-\u9fff]{1,5}[县区市])生态环境分局$", m.canonical)
            if ecology and home_city is not None:  # 县生态环境分局: a branch of the city's bureau since 2019
                m.canonical = f"{home_city.name}生态环境局{ecology.group(1)}分局"
            district = re.match(r"中共([\u4e00-\u9fff]{1,5}区)委", m.canonical)
            if district and _city_of_district(district.group(1), home_city):  # 中共东昌府区委组织部
                m.canonical = "中共" + home_city.name + m.canonical[2:]
        elif m.label == "PLACE" and home_city is not None and m.text[-3:] in ZONES \
                and m.text[:-3] in (home_city.short, home_city.name):  # 聊城高新区: the city's zone
            for zone in load_gazetteer().lookup(home_city.short + ZONES[m.text[-3:]]):
                m.canonical = zone.name
                m.attrs.update(level="zone", code=zone.code)
        elif m.label == "PLACE" and m.text in ZONES and home_city is not None:
            wanted = ZONES[m.text]
            named = [z for z in spans.mentions(doc) if z.label == "PLACE" and z.end <= m.start
                     and z.canonical.endswith(wanted) and z.text not in ZONES]
            if named:  # 江北水城旅游度假区 … 度假区将…: the zone just named
                m.canonical = named[-1].canonical
                m.attrs.update({k: v for k, v in named[-1].attrs.items() if k in ("level", "code")})
                continue
            for zone in gazetteer.lookup(home_city.short + wanted):
                m.canonical = zone.name
                m.attrs.update(level="zone", code=zone.code)
        elif m.label == "HONOR":  # 全市X in a city paper is the city's list (市级X keeps its level); 省重点项目 the province's
            if home_city is not None and (m.canonical.startswith("全市") or m.canonical.startswith("市级")
                                          and home_city.name + m.canonical[2:] in spans.text_of(doc)):
                m.canonical = home_city.name + m.canonical[2:]  # 市级X is the city's X where the text says so
            elif m.canonical.startswith("全省") and province is not None:  # 全省先进基层党组织
                m.canonical = province.name + m.canonical[2:]
            elif re.match(r"省(?!级|会|内|外)", m.canonical) and province is not None:
                m.canonical = province.name + m.canonical[1:]
        elif m.label == "PROGRAM" and doc._.aliases:
            m.canonical = doc._.aliases.get(m.text, m.canonical)
        m.canonical = simplified(m.canonical)


ZONE_BODY = re.compile(r"^([\u4e00-\u9fff]{0,4}?)(开发区|经开区|高新区|度假区)(党工委|工委|管委会|管理委员会)$")


def _zone_body(doc: Doc, mention: Mention, home_city) -> str | None:
    """高新区党工委 -> 中共聊城高新技术产业开发区工作委员会, 聊城高新区管委会 -> …管理委员会."""
    match = ZONE_BODY.match(mention.text)
    if match is None or home_city is None or match.group(1) not in ("", home_city.short, home_city.name):
        return None
    wanted = ZONES[match.group(2)]
    named = [z for z in spans.mentions(doc) if z.label == "PLACE" and z.canonical.endswith(wanted) and z.end <= mention.start]
    zones = [named[-1].canonical] if named else [z.name for z in load_gazetteer().lookup(home_city.short + wanted)]
    if not zones:
        return None
    return f"中共{zones[0]}工作委员会" if "工委" in match.group(3) else zones[0] + "管理委员会"


def county_city_bodies(doc: Doc) -> None:
    """临清市文化和旅游局 … 市文旅局: in a county-level city's story 市X局 is that city's
    bureau when its full name was written before, not the home city's."""
    home_city, _ = _home(doc)
    if home_city is None:
        return
    orgs = sorted((m for m in spans.mentions(doc) if m.label == "ORG"), key=lambda m: m.start)
    for m in orgs:
        if not (m.text.startswith("市") and m.canonical.startswith(home_city.name)):
            continue
        rest = m.canonical[len(home_city.name) :]
        for earlier in orgs:
            owner = earlier.canonical[: -len(rest)] if earlier.canonical.endswith(rest) else ""
            if earlier.start < m.start and owner.endswith("市") and owner != home_city.name \
                    and earlier.text == earlier.canonical:
                m.canonical = earlier.canonical


def _city_of_district(name: str, home_city) -> str:
    """茌平区委 -> 中共聊城市茌平区委: a city's districts are named with the city
    (counties and county-level cities are not: 中共冠县县委, 中共临清市委)."""
    if home_city is None or not name.endswith("区"):
        return ""
    if any(d.level == "district" and d.parent == home_city.code for d in load_gazetteer().lookup(name)):
        return home_city.name
    return ""


def company_cores(full: str) -> list[str]:
    """山东罗克佳华科技有限公司 -> [罗克佳华科技, 罗克佳华]: forms a paper shortens it to."""
    gazetteer = load_gazetteer()
    name = full
    if not full.endswith(FULL_COMPANY):
        return []
    for ending in COMPANY_ENDINGS:
        if name.endswith(ending):
            name = name[: -len(ending)]
            break
    else:
        return []
    for length in range(min(6, len(name) - 2), 1, -1):
        if name[:length] in gazetteer:
            name = name[length:]
            break
    cores = [name]
    changed = True
    while changed:
        changed = False
        for word in INDUSTRY_WORDS:
            if name.endswith(word) and len(name) - len(word) >= 2:
                name = name[: -len(word)]
                cores.append(name)
                changed = True
                break
    brand = cores[0][:2]  # 字号 + 行业: 甲乙装备 for 山东甲乙新能源装备有限公司
    cores += [brand + word for word in INDUSTRY_WORDS if word in cores[0][2:] and brand + word not in cores]
    return [core for core in cores if len(core) >= 2]


def resolve_short_companies(doc: Doc, known: dict[str, str] | None = None) -> None:
    fulls = {m.text: m.canonical for m in spans.mentions(doc) if m.label == "ORG"}
    cores = dict(known or {})
    for full, canonical in fulls.items():
        for core in company_cores(full):
            cores.setdefault(core, canonical)
    if not cores:
        return
    pattern = re.compile("|".join(re.escape(c) for c in sorted(cores, key=len, reverse=True)))
    for match in pattern.finditer(spans.text_of(doc)):
        clashing = spans.overlapping(doc, match.start(), match.end())
        if any(c.label in ("ORG", "PROGRAM", "HONOR") and (c.end - c.start) > len(match.group()) for c in clashing):
            continue
        spans.remove(doc, [c for c in clashing if c.label in ("PERSON", "PLACE", "ORG")])
        spans.add(doc, match.start(), match.end(), "ORG", "short_form", canonical=cores[match.group()])


def titled_people(doc: Doc) -> None:
    """书记成立锋说: a surname-led name between a title and a speech verb is a person
    even where the segmenter read it as words (成立 is also a verb)."""
    text = spans.text_of(doc)
    surnames = set(words("surnames.txt"))
    pattern = _titled_pattern()
    for match in pattern.finditer(text):
        start, end = match.span(1)
        if match.group(1)[0] in surnames and not spans.overlapping(doc, start, end):
            spans.add(doc, start, end, "PERSON", "titled")
    people = [m for m in spans.mentions(doc) if m.label == "PERSON"]
    names = {m.text for m in people}
    for m in people:  # 齐如 + 文家 -> 齐如文 when 齐如文 is named elsewhere
        longer = [n for n in names if n != m.text and n.startswith(m.text) and text.startswith(n, m.start)]
        if longer:
            spans.remove(doc, [m])
            spans.add(doc, m.start, m.start + len(longer[0]), "PERSON", m.source)


@functools.lru_cache(maxsize=1)
def _titled_pattern() -> re.Pattern:
    titles = "|".join(re.escape(t) for t in words("titles.txt"))
    return re.compile(f"(?:{titles})([\u4e00-\u9fff]{{2,3}}?)(?:{SPEECH_VERBS})")


def resolve_person_aliases(doc: Doc) -> None:
    """于树森（于龙）: the bracketed name is another name of the same person."""
    people = {m.start: m for m in spans.mentions(doc) if m.label == "PERSON"}
    for m in list(people.values()):
        after = m.end
        if spans.text_of(doc)[after : after + 1] in ("（", "(") and after + 1 in people:
            people[after + 1].canonical = m.canonical


def enumerated_orgs(doc: Doc) -> None:
    """凤祥集团、鲁西集团、希杰生物…等企业: items of a list of firms are firms."""
    pattern = re.compile(r"((?:[\u4e00-\u9fff]{2,8}、)+[\u4e00-\u9fff]{2,8})等[^，。；]{0,14}?(?:企业|公司|单位)")
    for match in pattern.finditer(spans.text_of(doc)):
        items, pos = [], match.start(1)
        for item in match.group(1).split("、"):
            lead = LIST_LEADS.match(item)
            skip = lead.end() if lead and len(item) - lead.end() >= 2 else 0
            items.append((pos + skip, pos + len(item)))
            pos += len(item) + 1
        orgs = sum(1 for s, e in items if spans.overlapping(doc, s, e, {"ORG"}))
        if orgs * 2 < len(items):
            continue
        for s, e in items:
            spans.remove(doc, spans.overlapping(doc, s, e, {"PERSON", "ORG"}))
            spans.add(doc, s, e, "ORG", "enumeration")


@Language.factory("resolver", assigns=["doc._.mentions"], requires=["doc._.mentions"])
def make_resolver(nlp: Language, name: str):
    return resolver


def zone_words(doc: Doc) -> None:
    """A bare 开发区 in a city paper is the city's development zone."""
    for match in ZONE_WORD.finditer(spans.text_of(doc)):
        start, end = match.span(match.lastindex)
        if not spans.overlapping(doc, start, end, {"ORG", "PROGRAM", "HONOR"}):
            spans.add(doc, start, end, "PLACE", "zone")


def resolver(doc: Doc) -> Doc:
    zone_words(doc)
    cleanup(doc)
    enumerated_orgs(doc)
    resolve_deixis(doc)
    resolve_orgs(doc)
    county_city_bodies(doc)
    resolve_short_companies(doc)
    merge_honour_levels(doc)
    anaphora(doc)
    own_bodies(doc)
    titled_people(doc)
    resolve_person_aliases(doc)
    unique = {}
    for m in spans.mentions(doc):  # trimming can make two records of one span
        unique.setdefault((m.start, m.end, m.label), m)
    doc._.mentions = sorted(unique.values(), key=lambda m: (m.start, -m.end))
    return doc
