"""A name the article spelt out once is the same name wherever it comes again.

A list's title line (温州市第一批“最美工厂”企业名单) or a table row repeats a
name the prose found, but without the words around it that let a rule find it
there (the verb before a list's name, the heads after a plan's). The article
itself is the best lexicon for its own names: each honour, programme or
organisation it found is placed at the other places its exact words stand,
where nothing longer already holds them.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from explorer.nlp import spans
from explorer.nlp.spans import Mention

REPEATED_LABELS = ("HONOR", "PROGRAM", "ORG")
MIN_CHARS = 4  # shorter names are words of other names too often (市政府, 工程)


def _sources(records: list[Mention]) -> dict[str, Mention]:
    """The names worth repeating: found by a rule (not a segmenter guess), not
    a referring word (该公司), long enough to stand for themselves."""
    found: dict[str, Mention] = {}
    for m in records:
        if m.label in REPEATED_LABELS and not m.guess and not m.refers and len(m.text) >= MIN_CHARS:
            found.setdefault(m.text, m)
    return found


def _free(doc: Doc, start: int, end: int) -> list[Mention] | None:
    """The mentions an occurrence at [start, end) would replace: places nested
    in it (a place inside a name is part of the name) and segmenter guesses.
    None when any other mention overlaps: the rules there read more."""
    inside = []
    for m in spans.overlapping(doc, start, end):
        if m.start < start or m.end > end or (m.start, m.end) == (start, end) or not (m.label == "PLACE" or m.guess):
            return None
        inside.append(m)
    return inside


def add_repeated_names(doc: Doc) -> Doc:
    text = spans.text_of(doc)
    for surface, source in _sources(spans.mentions(doc)).items():
        for match in re.finditer(re.escape(surface), text):
            nested = _free(doc, *match.span())
            if nested is None:
                continue
            spans.remove(doc, nested)
            spans.add(doc, match.start(), match.end(), source.label, "repeated", source.canonical, **source.attrs)
    return doc


@Language.factory("repeated_names", assigns=["doc._.mentions"], requires=["doc._.mentions"])
def make_repeated_names(nlp: Language, name: str):
    return add_repeated_names
