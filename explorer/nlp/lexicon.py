"""Word lists the rule components share, read once from explorer/nlp/data/.

They are plain text files so that a reviewer can see (and extend) every
word the rules depend on; docs/nlp.md records that they were written for
this project.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"

# Sentence ends for evidence: Chinese full stops and line breaks.
SENTENCE_END = re.compile(r"[。！？；!?\n]+[”’」』]?")
HAN = re.compile(r"^[\u3400-\u9fff]+$")


def _lines(name: str) -> list[str]:
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    if name.endswith(".txt"):
        return [word for line in lines for word in line.split()]
    return lines


@functools.lru_cache(maxsize=None)
def words(name: str) -> tuple[str, ...]:
    """A word list, longest first so that alternations prefer long matches."""
    return tuple(sorted(set(_lines(name)), key=len, reverse=True))


@functools.lru_cache(maxsize=None)
def table(name: str) -> dict[str, str]:
    pairs = (line.split("\t") for line in _lines(name))
    return {short: full for short, full in pairs}


def alternation(items) -> str:
    return "|".join(re.escape(item) for item in sorted(items, key=len, reverse=True))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, end after its final punctuation."""
    spans, start = [], 0
    for match in SENTENCE_END.finditer(text):
        if match.end() > start:
            spans.append((start, match.end()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def is_han(text: str) -> bool:
    return bool(HAN.match(text))
