"""Place names matched on characters against the divisions gazetteer.

The segmenter often hides a division inside a longer word (临清市金郝庄镇政府
is one LAC word), so the text itself is scanned, leftmost-longest, for full
names (nationwide down to towns and streets, villages of the home city) and
for short names of provinces, cities and home-province counties (无锡, 江阴),
the latter only where a word starts. Ambiguous names go to the candidate
nearest the places already named in the article, then the home city.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from explorer.core.gazetteer import Division, Gazetteer, load_gazetteer
from explorer.nlp import spans
from explorer.nlp.lexicon import configure, derived, word_set, words

MAX_NAME = 12
NAME_TAGS = {"LOC", "ORG", "nz", "PER"}
LEVEL_NAMES = {
    "province": "province", "city": "city", "zone": "zone", "district": "district",
    "county": "county", "county_city": "county", "street": "street", "town": "town",
    "township": "town", "village": "village", "community": "village",
}


def home_division(gazetteer: Gazetteer, home_city: str | None) -> Division | None:
    if not home_city:
        return None
    found = [d for d in gazetteer.lookup(home_city) if d.level == "city"]
    return found[0] if found else None


@derived
def name_index(home_city: str | None) -> dict[str, tuple[Division, ...]]:
    """Names to match for one home city (villages only around home)."""
    gazetteer = load_gazetteer()
    home = home_division(gazetteer, home_city)
    home_province = home.parent if home else None
    index: dict[str, list[Division]] = {}
    home_code = home.code if home else None
    for division in gazetteer.divisions():
        level = division.level
        if level in ("village", "community"):
            if home_code and division.code.startswith(home_code) and division.name.endswith(("村", "社区")):
                index.setdefault(division.name, []).append(division)
            continue
        for name in {_without_zone(division.name), division.short}:
            is_full = name == _without_zone(division.name)
            if not is_full:
                if name in word_set("short_name_stopwords") or len(name) < 2:
                    continue
                if level in ("district", "county", "county_city"):
                    if not home_province or division.parent[:2] != home_province:
                        continue
                elif level not in ("province", "city"):
                    continue
            elif not name.endswith(words("division_suffixes")) or len(name) < 3 and not (
                    level in ("county", "county_city", "district") and name.endswith(("县", "旗"))):
                continue  # two-character counties (冠县, 莘县) are names; 新村 is not
            index.setdefault(name, []).append(division)
    return {name: tuple(sorted(found, key=lambda d: (d.rank, d.code))) for name, found in index.items()}


def _without_zone(name: str) -> str:
    """高新区团山镇 -> 团山镇: the registry files some towns under their zone's name,
    which papers write apart (襄阳高新区团山镇)."""
    for zone in words("zone_words"):
        if name.startswith(zone) and len(name) - len(zone) >= 3:
            return name[len(zone) :]
    return name


def choose(candidates, context_codes: list[str], home: Division | None) -> Division:
    """The home city itself (株洲 in a 株洲 paper, not 株洲县 inside it), else the
    candidate inside the most recently named place, else near home."""
    if home is not None and any(candidate.code == home.code for candidate in candidates):
        return home
    for code in reversed(context_codes):
        for candidate in candidates:
            if candidate.code.startswith(code) and candidate.code != code:
                return candidate
    if home is not None:
        for prefix in (home.code, home.code[:2]):
            for candidate in candidates:
                if candidate.code.startswith(prefix):
                    return candidate
    return min(candidates, key=lambda d: (d.rank, d.code))


@derived
def _lengths(home_city: str | None) -> dict[str, tuple[int, ...]]:
    """Name lengths by first character, longest first: the only lookups worth trying."""
    found: dict[str, set[int]] = {}
    for name in name_index(home_city):
        found.setdefault(name[0], set()).add(len(name))
    return {char: tuple(sorted(lengths, reverse=True)) for char, lengths in found.items()}


def match_places(text: str, index, word_starts, lengths=None):
    """Leftmost-longest matches: (start, end, name, candidates, is_full)."""
    i, n = 0, len(text)
    while i < n:
        options = lengths.get(text[i], ()) if lengths is not None else range(min(MAX_NAME, n - i), 1, -1)
        for length in options:
            if i + length > n:
                continue
            name = text[i : i + length]
            found = index.get(name)
            if not found:
                continue
            full = [d for d in found if d.name == name]
            if not full and i not in word_starts:
                continue
            yield i, i + length, name, full or list(found), bool(full)
            i += length - 1
            break
        i += 1


@Language.factory("place_gazetteer", assigns=["doc._.mentions"], requires=["token.tag"], default_config={"lexicon": {}})
def make_place_gazetteer(nlp: Language, name: str, lexicon: dict[str, str]):
    configure(lexicon)
    return place_gazetteer


def place_gazetteer(doc: Doc) -> Doc:
    gazetteer = load_gazetteer()
    home = home_division(gazetteer, doc._.home_city)
    index = name_index(home.name if home else None)
    starts = {word.idx: word.tag_ for word in spans.words_of(doc)}
    context: list[str] = []
    last_end = -1
    lengths = _lengths(home.name if home else None)
    for start, end, name, candidates, is_full in match_places(spans.text_of(doc), index, starts, lengths):
        if not is_full and starts.get(start) not in NAME_TAGS and start != last_end:
            continue  # a short name (无锡) only where the segmenter saw a name
        if start not in starts and start != last_end:
            if not is_full or home is None or not any(c.code.startswith(home.code[:2]) for c in candidates):
                continue  # 明村镇 inside 文明村镇: far-away names only where a word starts
        if len(name) == 2 and start not in starts and start != last_end:
            continue  # 冠县 only where a word starts
        division = choose(candidates, context, home)
        if division.level == "village" and start not in starts and start != last_end:
            continue  # 张家村 inside 大张家村
        if division.level == "village" and len(name) == 2 and (start != last_end or division.parent not in context[-1:]):
            continue  # 王村 after 烟庄街道, not 包村 in 包村干部
        spans.add(
            doc, start, end, "PLACE", "gazetteer", canonical=division.name,
            level=LEVEL_NAMES.get(division.level, division.level), code=division.code,
        )
        context.append(division.code)
        last_end = end
    return doc
