"""Projects named by what they build: 巴威高端装备制造项目, 秦皇河综合治理项目,
鼎兴智能应急装备产业园项目. Reports of signings, ground-breakings and visits
name most projects this way, with no firm's full name and no park word to
anchor them, so the name is read from the segmenter's words before 项目.

A name runs left from 项目 over nouns, names, quantities and the verbs that
say what is built (生产, 改造), and stops at any other verb, a function word
or punctuation. Words that only say what kind of project it is (重点, 续建,
2018年) drop from its left, and so does a division written before it (the
place where it is built, which relation_rules.projects links). What is left
must hold a name the segmenter found (a firm, a river, a brand) or an output
(100万套), and must not end in a kind word: 重点项目 and 13个重大项目 are no
names.

A firm's full name followed by what it builds and 项目 (甲有限公司20万吨/年X项目)
is a project too (find_firm_projects), when every word between could stand in
a name."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from explorer.nlp import spans
from explorer.nlp.lexicon import word_set, words
from explorer.nlp.spans import Word

# segmenter tags of words that may open or carry a name
NAMING_TAGS = frozenset(("PER", "LOC", "ORG", "nz", "nr", "ns", "nt"))
# tags that end a name on the left (verbs unless they say what is built)
STOP_TAGS = frozenset(("w", "v", "d", "p", "u", "c", "r", "vd", "ad", "f", "xc", "q", "TIME"))
OUTPUT = re.compile(r"[0-9.]+[万千百]?(?:吨|套|台|件|辆|千瓦|兆瓦|平方米|亩)")
COUNT = re.compile(r"[0-9一二三四五六七八九十百千万]+[个批只次届项家]")
DIVISION_END = ("省", "市", "县", "区", "镇", "乡", "街道", "村")
JOINS = frozenset("的和与及、")


def _in_name(word: Word) -> bool:
    """May this word stand inside a project's name?"""
    if word.text in JOINS:
        return False
    if word.tag_ == "m":
        return OUTPUT.fullmatch(word.text) is not None
    if word.tag_ in ("w", "q"):
        return all(char in "/×.年" for char in word.text)  # 20万吨/年
    return word.tag_ not in STOP_TAGS or word.tag_ == "v" and word.text in word_set("project_name_verbs")


def _run_before(tokens: list[Word], index: int) -> list[Word]:
    """The words before tokens[index] (which ends in 项目) that may belong to a name."""
    start = index
    while start > 0 and _in_name(tokens[start - 1]) and tokens[start - 1].tag_ != "w":
        start -= 1
    return tokens[start:index]


def _name_words(run: list[Word]) -> list[Word]:
    """Drop kind words and the division where it is built from the left."""
    kinds = word_set("project_kind_words")
    while run and run[0].text in kinds:
        run = run[1:]
    while len(run) > 1 and run[0].tag_ == "LOC" and run[0].text.endswith(DIVISION_END) \
            and any(w.tag_ in NAMING_TAGS for w in run[1:]):
        run = run[1:]
    return run


def _is_name(run: list[Word], head: Word) -> bool:
    if not run and head.text == "项目":
        return False
    kinds, scenes = word_set("project_kind_words"), word_set("project_scene_words")
    body = run + ([head] if head.text != "项目" else [])
    core = ("".join(w.text for w in run) + head.text)[: -len("项目")]
    if len(core) < 3 or run and run[-1].text in kinds:
        return False
    if any(w.text in scenes or COUNT.fullmatch(w.text) for w in body):
        return False
    return any(w.tag_ in NAMING_TAGS and w.text not in kinds or OUTPUT.fullmatch(w.text) for w in body)


def find_named_projects(doc: Doc) -> None:
    tokens = spans.words_of(doc)
    firm_endings = words("full_company_endings")
    for index, head in enumerate(tokens):
        if not head.text.endswith("项目"):
            continue
        run = _name_words(_run_before(tokens, index))
        if not _is_name(run, head):
            continue
        start, end = (run[0].idx if run else head.idx), head.idx + len(head.text)
        found = spans.overlapping(doc, start, end)
        if any(m.label in ("PROGRAM", "HONOR") or m.start < start or m.end > end
               or m.label == "ORG" and m.text.endswith(firm_endings) for m in found):
            continue  # named already, or a firm's full name (find_firm_projects below)
        spans.remove(doc, [m for m in found if m.label == "PLACE" and not m.attrs.get("code") or m.label == "PERSON"
                           or m.label == "ORG" and m.start > start])
        spans.add(doc, start, end, "PROGRAM", "project")


# after a firm's full name: what it builds, up to 项目 (甲乙科技有限公司20万吨/年异壬醇项目)
FIRM_PROJECT = re.compile(r"(?![等的和与及重新在])[\u4e00-\u9fffA-Za-z0-9./×]{0,24}?(?:项目|工程)(?:[一二三四五六七八九十]期)?")


def find_firm_projects(doc: Doc) -> None:
    """A project named after the firm that builds it: the firm's full name, what it
    builds, 项目. The firm stays a name of its own (it takes part in the project).
    Every word between them must be one a name may hold: 甲公司总经理乙代表开工项目
    is a sentence."""
    text = spans.text_of(doc)
    for firm in [m for m in spans.mentions(doc) if m.label == "ORG" and m.text.endswith(words("full_company_endings"))]:
        match = FIRM_PROJECT.match(text, firm.end)
        if match is None or spans.overlapping(doc, firm.end, match.end(), {"PROGRAM", "ORG", "HONOR", "PERSON"}):
            continue
        between = [w for w in spans.words_between(doc, firm.end, match.end())
                   if firm.end <= w.idx and w.idx + len(w.text) <= match.end() and not w.text.endswith(("项目", "工程"))]
        if all(_in_name(w) for w in between):
            spans.add(doc, firm.start, match.end(), "PROGRAM", "project")
