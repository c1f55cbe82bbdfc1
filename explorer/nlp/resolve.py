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

import re

from spacy.language import Language
from spacy.tokens import Doc

from explorer.core.gazetteer import Division, load_gazetteer
from explorer.core.text import to_simplified
from explorer.nlp import bodies, listed_names, spans
from explorer.nlp.anaphora import (
    COMPANY_ENDINGS,
    anaphora,
    merge_honour_levels,
    own_bodies,
)
from explorer.nlp.cleanup import cleanup
from explorer.nlp.lexicon import configure, derived, pattern, table, words
from explorer.nlp.spans import Mention

# Word lists other modules import from here (relations.py).
GOV_ENDINGS = words("government_heads")
SUB_UNITS = words("sub_units")
FULL_COMPANY = words("full_company_endings")
INDUSTRY_WORDS = words("industry_words")


@derived
def deixis() -> dict[str, object]:
    """我市 -> "home", 该区 -> ("district", "zone"): deixis.tsv."""
    found: dict[str, object] = {}
    for word, target in table("deixis").items():
        found[word] = target if target in ("home", "province") else tuple(target.split(","))
    return found


def zones() -> dict[str, str]:
    return table("zone_words")


@derived
def _zone_word() -> re.Pattern:
    words_ = pattern("zone_words")
    return re.compile(f"(?<![\u4e00-\u9fff])({words_})|(?<=[、和与])({words_})")


def simplified(text: str) -> str:
    return to_simplified(text)


# --- resolution ----------------------------------------------------------------


def _home(doc: Doc):
    """The city 市委 and 我市 name, and its province. A county-level city's paper
    (海宁市) names itself so; a county's or district's paper (甲县) names its
    prefecture's bodies 市X, its own through 县委 and 该县."""
    gazetteer = load_gazetteer()
    home = doc._.home_city
    found = [d for d in gazetteer.lookup(home) if d.level in ("city", "county_city", "county", "district")] if home else []
    found = [d for d in found if d.name == home] or found
    if not found:
        return None, None
    city = found[0]
    if city.level in ("county", "district") and city.parent:
        city = gazetteer.get(city.parent) or city
    province = gazetteer.get(city.parent) if city.parent else None
    while province is not None and province.level != "province" and province.parent:
        province = gazetteer.get(province.parent)
    return city, province


def resolve_deixis(doc: Doc) -> None:
    home_city, province = _home(doc)
    local = bodies.home_local(doc._.home_city)
    places = sorted((m for m in spans.mentions(doc) if m.label == "PLACE" and m.attrs.get("code")), key=lambda m: m.start)
    for match in re.finditer("|".join(deixis()), spans.text_of(doc)):
        if spans.overlapping(doc, match.start(), match.end()):
            continue
        target = deixis()[match.group()]
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
        elif local is not None and local.level in target and not match.group().startswith("该"):
            spans.add(doc, match.start(), match.end(), "PLACE", "deixis", canonical=local.name,
                      level=local.level, code=local.code)  # 我县 in a county's own paper


def expand_org(name: str, home_city: str | None, province: str | None) -> str:
    """市工信局 -> 〈home city〉工业和信息化局; 金郝庄镇政府 -> 金郝庄镇人民政府."""
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


def local_division(name: str, places: list[Mention], before: int, home: Division | None = None) -> str | None:
    """县委/该镇党委: the county or town last named before this point, else the
    paper's own county (`home`, a county's paper)."""
    match = LOCAL_PREFIX.match(name)
    if not match:
        return None
    levels = LOCAL_LEVELS[match.group(1)[-1]]
    named = [p for p in places if p.end <= before and p.attrs.get("level") in levels]
    if named:
        return named[-1].canonical
    return home.name if home is not None and home.level in levels and not match.group(1).startswith("该") else None


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
    # the department's official name (政法委 -> 政法委员会) after its committee's
    full = table("abbreviations.tsv").get(mention.text, mention.text).removeprefix("委")
    if committees:
        return max(committees, key=lambda m: m.end).canonical + full
    if home_city is not None:
        return f"中共{home_city.name}委{full}"
    return mention.text


def resolve_orgs(doc: Doc) -> None:
    home_city, province = _home(doc)
    gazetteer = load_gazetteer()
    places = sorted((m for m in spans.mentions(doc) if m.label == "PLACE" and m.attrs.get("code")),
                    key=lambda m: m.start)
    home_local = bodies.home_local(doc._.home_city)
    for m in spans.mentions(doc):
        if m.label == "ORG":
            division = local_division(m.canonical, places, m.start, home_local)
            if division:
                m.canonical = expand_local(m.canonical, division)
            m.canonical = expand_org(m.canonical, home_city.name if home_city else None,
                                        province.name if province else None)
            m.canonical = re.sub(r"([省市县区])\1委$", r"\1委", m.canonical)  # 甲县县委 -> 甲县委
            if not m.canonical.startswith("中共") and (re.search(r"[县区]委$", m.canonical) or (
                    m.canonical.endswith(("市委", "省委")) and m.canonical[:-1] in gazetteer)):
                m.canonical = "中共" + m.canonical  # 甲区委 -> 中共甲区委 (real papers' naming, without the city)
            if m.text in PARTY_DEPARTMENTS:
                m.canonical = _party_department(doc, m, home_city)
            zone_body = _zone_body(doc, m, home_city)
            if zone_body:
                m.canonical = zone_body
            committee = re.match(r"([\u4e00-\u9fff]{1,5}[县区市])委(组织部|宣传部|统战部|统一战线工作部|政法委员会|办公室)$", m.canonical)
            if committee and committee.group(1) in gazetteer:  # 高唐县委组织部 -> 中共高唐县委组织部
                m.canonical = "中共" + m.canonical
            ecology = re.match(r"([\u4e00-\u9fff]{1,5}[县区市])生态环境分局$", m.canonical)
            if ecology and home_city is not None:  # 县生态环境分局: a branch of the city's bureau since 2019
                m.canonical = f"{home_city.name}生态环境局{ecology.group(1)}分局"
        elif m.label == "PLACE" and home_city is not None and m.text[-3:] in zones() \
                and m.text[:-3] in (home_city.short, home_city.name):  # 无锡高新区: the city's zone
            _name_home_zone(m, home_city, zones()[m.text[-3:]])
        elif m.label == "PLACE" and m.text in zones() and home_city is not None:
            wanted = zones()[m.text]
            named = [z for z in spans.mentions(doc) if z.label == "PLACE" and z.end <= m.start
                     and z.canonical.endswith(wanted) and z.text not in zones()]
            if named:  # 江北水城旅游度假区 … 度假区将…: the zone just named
                m.canonical = named[-1].canonical
                m.attrs.update({k: v for k, v in named[-1].attrs.items() if k in ("level", "code")})
                continue
            _name_home_zone(m, home_city, wanted)
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


@derived
def _zone_body_pattern() -> re.Pattern:
    return re.compile(f"^([\u4e00-\u9fff]{{0,4}}?)({pattern('zone_words')})(党工委|工委|管委会|管理委员会)$")


def _zone_body(doc: Doc, mention: Mention, home_city) -> str | None:
    """高新区党工委 -> 中共〈city〉高新技术产业开发区工作委员会, 〈city〉高新区管委会 -> …管理委员会."""
    match = _zone_body_pattern().match(mention.text)
    if match is None or home_city is None or match.group(1) not in ("", home_city.short, home_city.name):
        return None
    wanted = zones()[match.group(2)]
    named = [z for z in spans.mentions(doc) if z.label == "PLACE" and z.canonical.endswith(wanted) and z.end <= mention.start]
    found = [named[-1].canonical] if named else [home_zone(home_city, wanted)[0]]
    return f"中共{found[0]}工作委员会" if "工委" in match.group(3) else found[0] + "管理委员会"


def home_zone(home_city, ending: str) -> tuple[str, str | None]:
    """The home city's zone of this kind: from the gazetteer where it lists it, else
    by the official naming of zones (city short name + 经济技术开发区: 甲乙经开区)."""
    for zone in load_gazetteer().lookup(home_city.short + ending):
        return zone.name, zone.code
    return home_city.short + ending, None


def _name_home_zone(m: Mention, home_city, ending: str) -> None:
    m.canonical, code = home_zone(home_city, ending)
    m.attrs.update(level="zone", **({"code": code} if code else {}))


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


def company_cores(full: str) -> list[str]:
    """江苏罗克佳华科技有限公司 -> [罗克佳华科技, 罗克佳华]: forms a paper shortens it to."""
    gazetteer = load_gazetteer()
    name = full
    if not full.endswith(FULL_COMPANY):
        return []
    for company_ending in COMPANY_ENDINGS:
        if name.endswith(company_ending):
            name = name[: -len(company_ending)]
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
    brand = cores[0][:2]  # 字号 + 行业: 甲乙装备 for 江苏甲乙新能源装备有限公司
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


NOT_NAME_TAGS = frozenset(("v", "vd", "vn", "ad", "d", "p", "c", "u", "r", "f", "m", "q", "TIME"))


def titled_people(doc: Doc) -> None:
    """书记成立锋说, 市长齐家滨，: a surname-led name between a title and a speech
    verb or a pause is a person even where the segmenter read it as words (成立
    is also a verb, 齐家 a phrase)."""
    text = spans.text_of(doc)
    surnames = set(words("surnames.txt"))
    pattern = _titled_pattern()
    for match in pattern.finditer(text):
        start, end = match.span(1)
        word = spans.word_at(doc, start, end)
        if word is not None and word.tag_ in NOT_NAME_TAGS:
            continue  # 书记强调，: one segmenter word that is a verb, not a name
        if match.group(1)[0] in surnames and not spans.overlapping(doc, start, end):
            spans.add(doc, start, end, "PERSON", "titled")
    people = [m for m in spans.mentions(doc) if m.label == "PERSON"]
    names = {m.text for m in people}
    for m in people:  # 齐如 + 文家 -> 齐如文 when 齐如文 is named elsewhere
        longer = [n for n in names if n != m.text and n.startswith(m.text) and text.startswith(n, m.start)]
        if longer:
            spans.remove(doc, [m])
            spans.add(doc, m.start, m.start + len(longer[0]), "PERSON", m.source)


@derived
def _titled_pattern() -> re.Pattern:
    titles = "|".join(re.escape(t) for t in words("titles.txt"))
    return re.compile(f"(?:{titles})([\u4e00-\u9fff]{{2,3}}?)(?:{pattern('speech_verbs')}|(?=[，,、；;。]|等[，,、；;。参出陪]))")


def resolve_person_aliases(doc: Doc) -> None:
    """于树森（于龙）: the bracketed name is another name of the same person."""
    people = {m.start: m for m in spans.mentions(doc) if m.label == "PERSON"}
    for m in list(people.values()):
        after = m.end
        if spans.text_of(doc)[after : after + 1] in ("（", "(") and after + 1 in people:
            people[after + 1].canonical = m.canonical


@Language.factory("resolver", assigns=["doc._.mentions"], requires=["doc._.mentions"], default_config={"lexicon": {}})
def make_resolver(nlp: Language, name: str, lexicon: dict[str, str]):
    configure(lexicon)
    return resolver


def zone_words(doc: Doc) -> None:
    """A bare 开发区 in a city paper is the city's development zone: at the start of
    a phrase, after 、和与, or as a word of its own after a verb (莅临经开区调研)."""
    text = spans.text_of(doc)
    found = [match.span(match.lastindex) for match in _zone_word().finditer(text)]
    ws = spans.words_of(doc)
    for before, word in zip(ws, ws[1:]):
        if word.text in zones() and before.tag_ in ("v", "p", "vd"):
            found.append((word.idx, word.idx + len(word.text)))
    for start, end in found:
        if not spans.overlapping(doc, start, end, {"ORG", "PROGRAM", "HONOR"}):
            spans.add(doc, start, end, "PLACE", "zone")


def resolver(doc: Doc) -> Doc:
    zone_words(doc)
    cleanup(doc)
    listed_names.enumerated_orgs(doc)
    listed_names.enumerated_projects(doc)
    resolve_deixis(doc)
    resolve_orgs(doc)
    county_city_bodies(doc)
    resolve_short_companies(doc)
    merge_honour_levels(doc)
    anaphora(doc)
    own_bodies(doc)
    titled_people(doc)
    resolve_person_aliases(doc)
    unique: dict[tuple[int, int, str], Mention] = {}
    for m in spans.mentions(doc):  # trimming can make two records of one span
        unique.setdefault((m.start, m.end, m.label), m)
    doc._.mentions = sorted(unique.values(), key=lambda m: (m.start, -m.end))
    return doc
