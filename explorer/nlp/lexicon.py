"""Word knowledge the rule components read: one data file per concept.

Every word list the rules depend on (type words, honour levels, referring
words, industry words...) is a plain text file in explorer/nlp/data/, so a
reviewer can see and extend it without reading code. pipeline.cfg names, in
each component's `lexicon` block, the file behind each concept the component
uses; the factory passes that block to `configure`, and the rules ask for a
concept by name (`words("generic_places")`). A concept that no config names
is read from `<concept>.txt` (or `.tsv`), so a Doc built by hand in a test
sees the same knowledge as the packaged pipeline.

Formats: `.txt` holds words separated by spaces or lines; `.tsv` holds
`key<TAB>value` lines; `#` starts a comment line in both.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from explorer.errors import PipelineError

DATA_DIR = Path(__file__).resolve().parent / "data"

# Sentence ends for evidence: Chinese full stops and line breaks.
SENTENCE_END = re.compile(r"[。！？；!?\n]+[”’」』]?")
HAN = re.compile(r"^[\u3400-\u9fff]+$")

_FILES: dict[str, str] = {}  # concept -> file name, from pipeline.cfg


def configure(files: dict[str, str]) -> None:
    """Point concepts at data files (a component's `lexicon` config block)."""
    changed = False
    for concept, name in files.items():
        if not (DATA_DIR / name).is_file():
            raise PipelineError(f"the word list {name!r} for {concept!r} is not in {DATA_DIR}")
        if _FILES.get(concept) != name:
            _FILES[concept] = name
            changed = True
    if changed:
        _clear()


def _file_of(concept: str) -> str:
    if concept.endswith((".txt", ".tsv")):
        return concept
    if concept in _FILES:
        return _FILES[concept]
    for suffix in (".txt", ".tsv"):
        if (DATA_DIR / (concept + suffix)).is_file():
            return concept + suffix
    raise PipelineError(f"no word list for {concept!r} in {DATA_DIR}")


def _lines(name: str) -> list[str]:
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    if name.endswith(".txt"):
        return [word for line in lines for word in line.split()]
    return lines


def _words_of(name: str) -> list[str]:
    """The words of a list, or the keys of a table."""
    lines = _lines(name)
    return lines if name.endswith(".txt") else [line.split("\t")[0].strip() for line in lines]


@functools.cache
def words(concept: str) -> tuple[str, ...]:
    """A word list, longest first so that alternations prefer long matches."""
    return tuple(sorted(set(_words_of(_file_of(concept))), key=lambda w: (-len(w), w)))


@functools.cache
def word_set(concept: str) -> frozenset[str]:
    return frozenset(words(concept))


@functools.cache
def table(concept: str) -> dict[str, str]:
    pairs = (line.split("\t") for line in _lines(_file_of(concept)))
    return {key.strip(): value.strip() for key, value in pairs}


@functools.cache
def pattern(concept: str) -> str:
    """The concept's words as a regex alternation (longest first), to put in a pattern."""
    return alternation(words(concept))


@functools.cache
def suffix_lengths(concept: str) -> tuple[int, ...]:
    """The lengths of the words, longest first: the only suffixes worth trying."""
    return tuple(sorted({len(w) for w in words(concept)}, reverse=True))


def ending(text: str, concept: str) -> str | None:
    """The longest word of the concept that `text` ends with."""
    known = word_set(concept)
    for length in suffix_lengths(concept):
        if len(text) >= length and text[-length:] in known:
            return text[-length:]
    return None


_DERIVED: list = []


def derived(function):
    """Cache something built from word lists (a compiled pattern, an index);
    the cache is dropped when a config points a concept at another file."""
    cached = functools.cache(function)
    _DERIVED.append(cached)
    return cached


def _clear() -> None:
    for cached in (words, word_set, table, pattern, suffix_lengths, *_DERIVED):
        cached.cache_clear()


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
