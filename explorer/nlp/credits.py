"""Bylines: the people credited with an article become PERSON entities.

本报讯（记者 王某 通讯员 李某）, 佛山日报讯 记者朱某 通讯员顺宣报道, 作者:记者 徐某
编辑:钱某, （张某 摄）, ■ 本报记者 赵某: each name is a person of the article and
a credit (reported_by), never a relation between entities. Names glued
together (全媒体记者任某某徐某) are split where a family name starts.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from explorer.core.models import Credit
from explorer.nlp.lexicon import words

# Role words of a credit, longest first: what the role of the names after it is.
ROLES = ("摄影记者", "文字记者", "首席记者", "全媒体记者", "融媒体记者", "见习记者", "实习记者", "特约记者", "记者",
         "特约通讯员", "通讯员", "实习生", "责任编辑", "编辑", "摄影", "作者", "撰稿")
ROLE = re.compile(r"(?:本报|本台|本网)?(" + "|".join(ROLES) + r")\s*[:：/]?\s*")
NAME_RUN = re.compile(r"[\u4e00-\u9fff·]{2,9}")
PHOTO = re.compile(r"[（(]\s*([\u4e00-\u9fff·]{2,4}(?:\s+[\u4e00-\u9fff·]{2,4})*)\s*[/]?\s*摄\s*[）)]")
LONE_NAME = re.compile(r"(?m)^\s*[（(]\s*([\u4e00-\u9fff]{2,3})\s*[）)]\s*$")  # (王某) on a line of its own
TAIL = re.compile(r"(?:报道|报导|摄|文|图)$")
CREDIT_LINES = 3  # credits open an article (after its headline) or close it


@functools.lru_cache(maxsize=1)
def _surnames() -> tuple[frozenset[str], frozenset[str]]:
    names = words("surnames")
    return frozenset(n for n in names if len(n) == 1), frozenset(n for n in names if len(n) == 2)


def _has_surname(name: str) -> bool:
    single, double = _surnames()
    return name[:1] in single or name[:2] in double


def split_names(run: str) -> list[str]:
    """任媛媛徐飞 -> [任媛媛, 徐飞]: a run of two glued names splits where the second family name starts."""
    run = TAIL.sub("", run)
    if len(run) <= 3 or len(run) == 4 and run[:2] in _surnames()[1]:  # 王某, 欧阳某某
        return [run] if len(run) >= 2 and _has_surname(run) else []
    for cut in (3, 2):
        first, rest = run[:cut], run[cut:]
        if 2 <= len(rest) <= 3 and _has_surname(first) and _has_surname(rest):
            return [first, rest]
    return []


@dataclass(frozen=True)
class Credited:
    """A credited name where it is written: [start, end) in the text read."""

    name: str
    role: str
    start: int
    end: int


def _after_role(text: str, match: re.Match) -> list[Credited]:
    """The names after one role word, up to the next role word or punctuation."""
    found: list[Credited] = []
    pos = match.end()
    while True:
        run = NAME_RUN.match(text, pos)
        if run is None or ROLE.match(text, run.start()):
            return found
        word = run.group()
        role_inside = ROLE.search(word)
        if role_inside is not None:  # 朱朝贵通讯员…: the run stops at the next role
            word = word[: role_inside.start()]
        at = run.start()
        for name in split_names(word):
            start = text.index(name, at)
            found.append(Credited(name, match.group(1), start, start + len(name)))
            at = start + len(name)
        pos = run.start() + len(word)
        gap = re.match(r"[ \t　、，,]+", text[pos:])
        if gap is None:
            return found
        pos += gap.end()


def _credit_region(text: str) -> list[tuple[int, int]]:
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    return lines[:CREDIT_LINES] + lines[-2:]


def find_credits(text: str) -> list[Credited]:
    """Credited names in an article's text (headline and body as read): role
    words in the first and last lines, photo credits anywhere, a lone (王某) line."""
    found: list[Credited] = []
    for start, end in _credit_region(text):
        for match in ROLE.finditer(text, start, end):
            found.extend(_after_role(text, match))
    for match in PHOTO.finditer(text):
        for name in match.group(1).split():
            start = text.index(name, match.start(1))
            if _has_surname(name):
                found.append(Credited(name, "摄影", start, start + len(name)))
    for match in LONE_NAME.finditer(text):
        if _has_surname(match.group(1)):
            found.append(Credited(match.group(1), "记者", match.start(1), match.end(1)))
    unique: dict[tuple[int, int], Credited] = {}
    for credit in found:
        unique.setdefault((credit.start, credit.end), credit)
    return sorted(unique.values(), key=lambda c: c.start)


def credits_of(found: list[Credited], bylines: tuple[str, ...]) -> tuple[Credit, ...]:
    """One credit per person: the names found in the text, then the article's
    bylines that ingest read from credits printed apart (■ 本报记者 X)."""
    credits: dict[str, Credit] = {}
    for credit in found:
        credits.setdefault(credit.name, Credit(credit.name, credit.role))
    for name in bylines:
        credits.setdefault(name, Credit(name, "记者"))
    return tuple(credits.values())
