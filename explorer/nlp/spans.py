"""Entity records kept on the Doc as character spans.

Chinese names nest (聊城大学 inside 聊城大学商学院, 金郝庄镇 inside
临清市金郝庄镇政府) and often start or end inside a segmenter word, so the
components record mentions by character offset in `doc._.mentions` rather
than as token-aligned `doc.ents`. Records are plain dicts so that docs
survive `nlp.pipe(n_process=2)` serialisation.
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Doc

for _name in ("home_city", "mentions", "relations", "aliases", "text_cache", "original_text"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


# The user_data keys behind doc._.mentions and doc._.text_cache: reading them
# directly skips building an Underscore object on every access (hot path).
_MENTIONS = ("._.", "mentions", None, None)
_TEXT = ("._.", "text_cache", None, None)
_ORIGINAL = ("._.", "original_text", None, None)


_WORDS = ("explorer", "words")


class Word(NamedTuple):
    """A token as plain data (spaCy builds a Token object on every access)."""

    text: str
    tag_: str
    idx: int


def words_of(doc: Doc) -> list[Word]:
    cached = doc.user_data.get(_WORDS)
    if cached is None:
        cached = doc.user_data[_WORDS] = [Word(t.text, t.tag_, t.idx) for t in doc]
    return cached


def set_words(doc: Doc, words: list[Word]) -> None:
    doc.user_data[_WORDS] = words


def forget_words(doc: Doc) -> None:
    """Drop the token cache before the doc leaves the pipeline (it need not be pickled)."""
    doc.user_data.pop(_WORDS, None)


def text_of(doc: Doc) -> str:
    """doc.text, computed once: spaCy rebuilds it from the tokens on every access."""
    cached = doc.user_data.get(_TEXT)
    if cached is None:
        cached = doc.user_data[_TEXT] = doc.text
    return cached


def original_of(doc: Doc) -> str:
    """The article as written (text_of may be its simplified view); doc.text
    rebuilds the string from the tokens on every access."""
    cached = doc.user_data.get(_ORIGINAL)
    if cached is None:
        cached = doc.user_data[_ORIGINAL] = doc.text
    return cached


def mentions(doc: Doc) -> list[dict]:
    records = doc.user_data.get(_MENTIONS)
    if records is None:
        records = doc.user_data[_MENTIONS] = []
    return records


def relations(doc: Doc) -> list[dict]:
    if doc._.relations is None:
        doc._.relations = []
    return doc._.relations


def add(doc: Doc, start: int, end: int, label: str, source: str, canonical: str | None = None, **attrs) -> dict | None:
    """Record a mention unless the same span with the same label exists."""
    text = text_of(doc)
    while start < end and text[start].isspace():
        start += 1  # a segmenter word may begin with the line break before it
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        return None
    records = mentions(doc)
    for record in records:
        if record["start"] == start and record["end"] == end and record["label"] == label:
            # a second rule confirms the span: keep what it knows (gazetteer code, canonical)
            record["attrs"].update({k: v for k, v in attrs.items() if v is not None})
            if canonical:
                record["canonical"] = canonical
            if record["source"] == "lac":
                record["source"] = source
                record["also_lac"] = True
            return record
    record = {
        "start": start,
        "end": end,
        "label": label,
        "text": text_of(doc)[start:end],
        "canonical": canonical or text_of(doc)[start:end],
        "source": source,
        "attrs": {k: v for k, v in attrs.items() if v is not None},
    }
    records.append(record)
    return record


def remove(doc: Doc, doomed: list[dict]) -> None:
    ids = {id(record) for record in doomed}
    doc._.mentions = [record for record in mentions(doc) if id(record) not in ids]


def covering(doc: Doc, start: int, end: int, labels=None) -> list[dict]:
    """Mentions that contain [start, end)."""
    return [
        m for m in mentions(doc)
        if m["start"] <= start and end <= m["end"] and (labels is None or m["label"] in labels)
    ]


def overlapping(doc: Doc, start: int, end: int, labels=None) -> list[dict]:
    return [
        m for m in mentions(doc)
        if m["start"] < end and start < m["end"] and (labels is None or m["label"] in labels)
    ]


def token_starts(doc: Doc) -> set[int]:
    return {token.idx for token in doc}


def token_ends(doc: Doc) -> set[int]:
    return {token.idx + len(token.text) for token in doc}
