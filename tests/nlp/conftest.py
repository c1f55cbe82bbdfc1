"""Helpers for the NLP tests: Docs built by hand from (word, tag) pairs."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

import explorer.nlp  # noqa: F401  (registers the components and extensions)


@pytest.fixture(scope="session")
def vocab():
    return spacy.blank("zh").vocab


@pytest.fixture
def make_doc(vocab):
    def build(pairs, home_city="聊城市"):
        doc = Doc(vocab, words=[w for w, _ in pairs], spaces=[False] * len(pairs), tags=[t for _, t in pairs])
        doc._.home_city = home_city
        return doc

    return build


def found(doc, label=None):
    from explorer.nlp import spans

    return {(m.text, m.label) for m in spans.mentions(doc) if label is None or m.label == label}


def doc_with_mentions(make_doc, text, marks, home_city):
    """A one-character-per-token Doc with mentions marked by hand. marks:
    (surface, label, attrs) with surface#n for the nth occurrence; source "test"."""
    from explorer.nlp import spans

    doc = make_doc([(c, "n") for c in text], home_city=home_city)
    for surface, label, attrs in marks:
        name, _, nth = surface.partition("#")
        start = -1
        for _ in range(int(nth or 1)):
            start = text.index(name, start + 1)
        spans.add(doc, start, start + len(name), label, "test", **attrs)
    doc._.relations = []
    return doc
