"""The paper's home city (the city that 我市/本市/市委 mean), read from the source.

A local paper never names its own city when it writes 我市 or 市工信局; the
reader knows it from the masthead. explorer has no default city: the city
comes from what the user said (`--home-city`), else from the source, strongest
signal first:

1. the paper or site name the user gave (`--source`) or the web page carries;
2. a paper name in the text (南通日报, 佛山日报讯), resolved through the gazetteer;
3. a dateline that names a place of the paper's city (本报东阿讯);
4. a 来源 line or a web address in the text (来源：南通日报, www.nantong.gov.cn);
5. the file name, in characters or pinyin (南通日报_0928.txt, liaocheng-daily_p02.txt);
6. the places the article writes about: when one city (with its counties and
   districts) clearly dominates, a local paper is writing about its own city.

When nothing says, there is no home city and 我市 stays unresolved.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from explorer.core.gazetteer import Division, Gazetteer, load_gazetteer
from explorer.ingest.layout import edge_lines

_PAPER = re.compile(r"([\u4e00-\u9fff]{2,8}?)(?:日报|晚报|早报|都市报|时报|商报)")
_PAPER_DATELINE = re.compile(r"([\u4e00-\u9fff]{2,8}?)(?:日报|晚报|早报|都市报|时报|商报)[讯訊]")
_DATELINE = re.compile(r"本[报報]([\u4e00-\u9fff]{2,6}?)[讯訊电電]")
_SOURCE_LINE = re.compile(r"(?:来源|來源|稿源)\s*[:：]\s*([^\n]{2,40})")
# labels bounded as DNS bounds them: an unbounded [a-z0-9-]+ is quadratic on a long run of digits
_HOST = re.compile(r"(?<![a-z0-9-])(?:https?://)?(?:www\.)?((?:[a-z0-9-]{1,63}\.){1,8}(?:gov\.cn|com\.cn|com|cn|net|org))", re.IGNORECASE)
_NAME_PART = re.compile(r"[A-Za-z]+|[\u4e00-\u9fff]+")
# places a local paper writes about: full names ending in 市/县/区/旗 (and city short names)
_DIVISION_END = set("市县区旗")
CITY_LEVELS = ("city",)
LOCAL_LEVELS = ("county", "district", "county_city", "zone")
CONTENT_MIN_HITS = 3  # names of the city's places needed before the content may speak
CONTENT_MARGIN = 2.0  # ...and at least this many times those of any other city


@functools.lru_cache(maxsize=1)
def _t2s():
    import opencc  # a declared dependency; its table ships in the wheel

    return opencc.OpenCC("t2s").convert


def to_simplified(text: str) -> str:
    return _t2s()(text)


SIMPLIFY_PIECE = 1 << 20  # characters


def _simplified(text: str) -> str:
    """`to_simplified` of a whole file, converted in pieces cut after a line
    break (OpenCC matches no phrase across one): a 50 MB file never passes
    whole through OpenCC's buffers (three copies). Text with nothing to
    convert comes back as it is, not copied."""
    pieces: list[str] | None = None  # from the first piece that changed
    start = 0
    for piece in _line_pieces(text):
        converted = to_simplified(piece)
        if pieces is None and converted != piece:
            pieces = [text[:start]]
        if pieces is not None:
            pieces.append(converted)
        start += len(piece)
    return text if pieces is None else "".join(pieces)


def _line_pieces(text: str) -> Iterator[str]:
    """The text in pieces of about SIMPLIFY_PIECE characters, each cut after a line break."""
    start = 0
    while start < len(text):
        cut = text.find("\n", start + SIMPLIFY_PIECE)
        end = len(text) if cut < 0 else cut + 1
        yield text[start:end]
        start = end


@dataclass(frozen=True)
class HomeCity:
    """A home city and what said so."""

    name: str  # 南通市
    signal: str  # option | source | paper | dateline | source line | web address | file name | content
    evidence: str  # the words that said it (南通日报, 本报东阿讯, liaocheng)


def _is_city(division: Division) -> bool:
    """A prefecture-level city, or a municipality (北京市 is a province-level 市)."""
    return division.level in CITY_LEVELS or division.level == "province" and division.name.endswith("市")


def _city_of(gazetteer: Gazetteer, division: Division) -> Division | None:
    """The city a division lies in (itself when it is one)."""
    for up in gazetteer.path(division.code):
        if _is_city(up):
            return up
    return None


def _unique(cities) -> Division | None:
    found = {c.code: c for c in cities if c is not None}
    return next(iter(found.values())) if len(found) == 1 else None


PAPER_LEVELS = ("city", "county_city")  # a paper is named after a city (光明日报 is not 光明区's)
PLACE_LEVELS = CITY_LEVELS + LOCAL_LEVELS


def _names_in(name: str, trailing: bool):
    """Candidate place names in a name, longest first: its leading words
    (佛山在线 → 佛山) or, for a paper, the words right before its type word
    (记者从南通日报 → 南通)."""
    for size in range(len(name), 1, -1):
        yield name[len(name) - size :] if trailing else name[:size]


def place_of_name(name: str, *, paper: bool = False) -> Division | None:
    """The city a place name stands for (南通 → 南通市, 东阿 → its city), or the
    city a paper is named after (the words before 日报; a county-level city's
    paper means itself by 我市: 昆山 → 昆山市). Ambiguous names (places of two
    cities) give None."""
    gazetteer = load_gazetteer()
    levels = PAPER_LEVELS if paper else PLACE_LEVELS
    for head in _names_in(name, trailing=paper):
        found = [d for d in gazetteer.lookup(head) if d.level in levels or _is_city(d)]
        if not found:
            continue
        cities = [d for d in found if _is_city(d)]
        if cities:
            return _unique(cities)
        county_cities = [d for d in found if d.level == "county_city"]
        if county_cities and paper:
            return _unique(county_cities)
        return _unique(_city_of(gazetteer, d) for d in found)
    return None


def _from_paper(text: str) -> tuple[Division, str] | None:
    for match in _PAPER.finditer(text):
        place = place_of_name(match.group(1), paper=True)
        if place is not None:
            return place, match.group()
    return None


MASTHEAD_LINE = 30  # a masthead or footer line is short; a long line is prose that cites papers


def _edges(text: str, head: int = 6, tail: int = 4) -> str:
    """The short lines at the top and bottom of a page, where a paper prints its name."""
    return "\n".join(ln for ln in edge_lines(text, head, tail) if len(ln.strip()) <= MASTHEAD_LINE)


def from_source(source: str | None) -> HomeCity | None:
    """The user's --source or a web page's site name (南通日报, 佛山在线)."""
    if not source:
        return None
    found = _from_paper(source) or _leading_place(source)
    return HomeCity(found[0].name, "source", source) if found else None


def _leading_place(name: str) -> tuple[Division, str] | None:
    """A site or body named after its city (佛山市人民政府网, 南通发布)."""
    head = re.match(r"[\u4e00-\u9fff]{2,}", name)
    if head is None:
        return None
    place = place_of_name(head.group())
    return (place, name) if place is not None else None


def from_text(text: str) -> HomeCity | None:
    """A paper name (masthead, 佛山日报讯), a dateline (本报东阿讯), a 来源 line or a web address."""
    text = _simplified(text)  # 本報東阿訊
    for match in _PAPER_DATELINE.finditer(text[:400]):  # 佛山日报讯 opens the first article
        place = place_of_name(match.group(1), paper=True)
        if place is not None:
            return HomeCity(place.name, "paper", match.group())
    found = _from_paper(_edges(text))
    if found:
        return HomeCity(found[0].name, "paper", found[1])
    for match in _DATELINE.finditer(text):
        place = place_of_name(match.group(1))
        if place is not None:
            return HomeCity(place.name, "dateline", match.group())
    for match in _SOURCE_LINE.finditer(text):
        found = _from_paper(match.group(1)) or _leading_place(match.group(1))
        if found:
            return HomeCity(found[0].name, "source line", match.group())
    for match in _HOST.finditer(text):
        place = _city_of_pinyin_host(match.group(1))
        if place is not None:
            return HomeCity(place.name, "web address", match.group())
    return None


@functools.lru_cache(maxsize=1)
def _cities_by_pinyin() -> dict[str, list[Division]]:
    from pypinyin import lazy_pinyin

    index: dict[str, list[Division]] = {}
    for division in load_gazetteer().divisions():
        if _is_city(division):
            key = "".join(lazy_pinyin(division.short or division.name)).lower()
            index.setdefault(key, []).append(division)
    return index


def _city_of_pinyin(word: str) -> Division | None:
    found = _cities_by_pinyin().get(word.lower(), [])
    return found[0] if len(found) == 1 else None  # 泰州/台州 are both taizhou: say nothing


def _city_of_pinyin_host(host: str) -> Division | None:
    return _unique(_city_of_pinyin(label) for label in host.split(".")[:-1] if len(label) >= 4)


def from_file_name(name: str) -> HomeCity | None:
    """南通日报_0928.txt, liaocheng-daily_2023-03-14_p02.txt."""
    stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", name.rsplit("/", 1)[-1])
    for part in _NAME_PART.findall(stem):
        if part.isascii():
            place = _city_of_pinyin(part) if len(part) >= 4 else None
        else:
            found = _from_paper(part) or _leading_place(part)
            place = found[0] if found else None
        if place is not None:
            return HomeCity(place.name, "file name", part)
    return None


@functools.lru_cache(maxsize=1)
def _local_names() -> tuple[dict[str, str | None], dict[str, str | None], int]:
    """Where the places a paper writes about belong: full names ending in
    市/县/区/旗 (counties, districts, zones, cities) and the two- and
    three-character short names of cities (南通), each → its city (None when
    places of two cities share the name: 朝阳区, 城区). Also the longest name."""
    gazetteer = load_gazetteer()
    full: dict[str, str | None] = {}
    short: dict[str, str | None] = {}

    def note(table: dict[str, str | None], name: str, city: str) -> None:
        table[name] = city if table.get(name, city) == city else None

    for division in gazetteer.divisions():
        if division.level in LOCAL_LEVELS or _is_city(division):
            city = _city_of(gazetteer, division)
            if city is None:
                continue
            if division.name[-1] in _DIVISION_END:
                note(full, division.name, city.name)
            if _is_city(division) and len(division.short) in (2, 3):
                note(short, division.short, city.name)
    return full, short, max(map(len, full))


def _place_hits(text: str) -> list[tuple[int, int, str | None]]:
    """(start, end, city) of the division names in the text, nested ones dropped."""
    full, short, longest = _local_names()
    found = []
    for end, char in enumerate(text, 1):
        if char in _DIVISION_END:  # a full name ends here: the longest one
            for start in range(max(0, end - longest), end - 1):
                if text[start:end] in full:
                    found.append((start, end, full[text[start:end]]))
                    break
        for size in (3, 2):  # a city's short name starts here
            if text[end - 1 : end - 1 + size] in short:
                found.append((end - 1, end - 1 + size, short[text[end - 1 : end - 1 + size]]))
                break
    found.sort(key=lambda hit: (hit[0], hit[0] - hit[1]))
    kept, reach = [], 0
    for hit in found:
        if hit[0] >= reach:
            kept.append(hit)
            reach = hit[1]
    return kept


def from_content(text: str) -> HomeCity | None:
    """The city whose places the text names most, when it clearly dominates."""
    hits: Counter[str] = Counter()
    examples: dict[str, str] = {}
    # a piece at a time (no name spans a line break): a 50 MB file's hits and
    # its simplified copy held 3.3 times its text (125 MB)
    for piece in _line_pieces(text):
        piece = to_simplified(piece)  # 臨清市
        for start, end, city in _place_hits(piece):
            if city:
                hits[city] += 1
                examples.setdefault(city, piece[start:end])
    if not hits:
        return None
    ranked = hits.most_common(2)
    best, count = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    if count < CONTENT_MIN_HITS or count < CONTENT_MARGIN * runner_up:
        return None
    return HomeCity(best, "content", f"{examples[best]} ({count} places of {best})")


def infer_home_city(text: str, file_name: str = "", source: str | None = None) -> HomeCity | None:
    """The home city from the source, strongest signal first (see the module doc)."""
    return from_source(source) or from_text(text) or from_file_name(file_name) or from_content(text)


def home_city(given: str | None, text: str, file_name: str = "", source: str | None = None) -> HomeCity | None:
    """The user's city when given (resolved to its full name when the gazetteer knows it), else inferred."""
    if given:
        place = place_of_name(given)
        return HomeCity(place.name if place is not None and given in (place.name, place.short) else given, "option", given)
    return infer_home_city(text, file_name, source)
