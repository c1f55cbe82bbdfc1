"""Entity records kept on the Doc as character spans.

Chinese names nest (南通大学 inside 南通大学商学院, 金郝庄镇 inside
临清市金郝庄镇政府) and often start or end inside a segmenter word, so the
components record mentions by character offset in `doc._.mentions` rather
than as token-aligned `doc.ents`. Each is a `Mention` record; an encoder
registered with srsly's msgpack lets docs survive `nlp.pipe(n_process=2)`
(spaCy sends docs between processes with `Doc.to_bytes`).

Which rule produced a mention matters to later steps only through the
`RULES` table: its rank (a segmenter guess gives way to a name grown from a
head word, which gives way to a lexicon or pattern match, which gives way to
a document title) and a few traits (refers back, a division, a firm...).
"""

from __future__ import annotations

import bisect
from dataclasses import astuple, dataclass, field
from typing import NamedTuple, cast

import srsly
from spacy.tokens import Doc

for _name in ("home_city", "mentions", "relations", "aliases", "text_cache", "original_text"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


GUESS, GROWN, MATCHED, ENCLOSING = 0, 1, 2, 3


@dataclass(frozen=True)
class Rule:
    """What later steps may know about the rule that found a mention."""

    rank: int  # GUESS < GROWN < MATCHED < ENCLOSING: who wins a disputed span
    refers: bool = False  # points back at a name (我市, 该局): not another name of it
    deictic: bool = False  # 我市, 全县, 该区: a place word, never an actor of its own
    division: bool = False  # an administrative division from the gazetteer
    firm: bool = False  # known to be a company (a short form, an item of a list of firms)
    project: bool = False  # a construction or investment project
    award: bool = False  # an honour read after an award verb (获评“X”, X奖)
    nests: bool = False  # an organisation that may stand inside a longer one (南通大学 of 南通大学商学院)


# The precedence table: every rule that adds mentions, and what its mentions are.
RULES: dict[str, Rule] = {
    "lac": Rule(GUESS, nests=True),  # the segmenter's PER/LOC/ORG words
    "org_extender": Rule(GROWN),  # an organisation grown leftwards from its type word
    "facility": Rule(GROWN),  # a park, market or site grown leftwards from its type word
    "compound": Rule(GROWN),  # a name of any type grown leftwards from its head (compounds.py)
    "gazetteer": Rule(MATCHED, division=True),
    "zone": Rule(MATCHED),  # a bare 开发区 of the home city
    "quoted": Rule(MATCHED),
    "plan": Rule(MATCHED),
    "project": Rule(MATCHED, project=True),
    "honor": Rule(MATCHED),
    "award": Rule(MATCHED, award=True),
    "parent_org": Rule(MATCHED, nests=True),
    "short_form": Rule(MATCHED, firm=True),
    "enumeration": Rule(MATCHED, firm=True),
    "titled": Rule(MATCHED),
    "repeated": Rule(MATCHED),  # a name the article found elsewhere, at its other places (repeated.py)
    "deixis": Rule(MATCHED, refers=True, deictic=True),
    "anaphora": Rule(MATCHED, refers=True),
    "title": Rule(ENCLOSING),  # 《…》: nothing inside a document title is a name
}
UNKNOWN_RULE = Rule(MATCHED)  # hand-placed mentions in tests


@dataclass(eq=False)
class Mention:
    """A typed name found in the text: [start, end) on the simplified view of
    the article (same offsets as the original). Compared by identity: two
    rules may record the same span with different labels."""

    start: int
    end: int
    label: str
    text: str
    canonical: str
    source: str  # the rule that found it (a key of RULES)
    attrs: dict = field(default_factory=dict)
    also_lac: bool = False  # the segmenter found the same span (a confirmation)

    @property
    def rule(self) -> Rule:
        return RULES.get(self.source, UNKNOWN_RULE)

    @property
    def rank(self) -> int:
        return self.rule.rank

    @property
    def guess(self) -> bool:
        """Only the segmenter said so."""
        return self.rule.rank == GUESS

    @property
    def grown(self) -> bool:
        """Grown leftwards from a type word, not confirmed by a lexicon or pattern."""
        return self.rule.rank == GROWN

    @property
    def refers(self) -> bool:
        return self.rule.refers

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end


_MENTION_KEY = "__explorer_mention__"


def _encode_mention(obj, chain=None):
    if isinstance(obj, Mention):
        return {_MENTION_KEY: list(astuple(obj))}
    return obj if chain is None else chain(obj)


def _decode_mention(obj, chain=None):
    if _MENTION_KEY in obj:
        return Mention(*obj[_MENTION_KEY])
    return obj if chain is None else chain(obj)


srsly.msgpack_encoders.register("explorer_mention", func=_encode_mention)
srsly.msgpack_decoders.register("explorer_mention", func=_decode_mention)


# The user_data keys behind doc._.mentions and doc._.text_cache: reading them
# directly skips building an Underscore object on every access (hot path).
_MENTIONS = ("._.", "mentions", None, None)
_TEXT = ("._.", "text_cache", None, None)
_ORIGINAL = ("._.", "original_text", None, None)


_WORDS = ("explorer", "words")
_STARTS = ("explorer", "word_starts")


def data_of(doc: Doc) -> dict:
    """doc.user_data, which holds tuple keys (spaCy's own extensions use them)
    although its type says str."""
    return cast(dict, doc.user_data)


class Word(NamedTuple):
    """A token as plain data (spaCy builds a Token object on every access)."""

    text: str
    tag_: str
    idx: int


def words_of(doc: Doc) -> list[Word]:
    cached = data_of(doc).get(_WORDS)
    if cached is None:
        cached = data_of(doc)[_WORDS] = [Word(t.text, t.tag_, t.idx) for t in doc]
    return cached


def set_words(doc: Doc, words: list[Word]) -> None:
    data_of(doc)[_WORDS] = words


def forget_words(doc: Doc) -> None:
    """Drop the token cache before the doc leaves the pipeline (it need not be pickled)."""
    data_of(doc).pop(_WORDS, None)
    data_of(doc).pop(_STARTS, None)


def word_index(doc: Doc, pos: int) -> int:
    """The index of the word at `pos`: the last one starting at or before it (0
    before the first). The starts are kept beside the words they were read from."""
    words = words_of(doc)
    cached = data_of(doc).get(_STARTS)
    if cached is None or cached[0] is not words:  # set_words gave new words
        cached = data_of(doc)[_STARTS] = (words, [w.idx for w in words])
    return max(0, bisect.bisect_right(cached[1], pos) - 1)


def word_at(doc: Doc, start: int, end: int) -> Word | None:
    """The one word that is exactly [start, end), if the segmenter read one."""
    words = words_of(doc)
    word = words[word_index(doc, start)] if words else None
    return word if word is not None and word.idx == start and word.idx + len(word.text) == end else None


def words_between(doc: Doc, start: int, end: int) -> list[Word]:
    """The words that overlap [start, end), in order."""
    words = words_of(doc)
    i, found = word_index(doc, start), []
    while i < len(words) and words[i].idx < end:
        if words[i].idx + len(words[i].text) > start:
            found.append(words[i])
        i += 1
    return found


def text_of(doc: Doc) -> str:
    """doc.text, computed once: spaCy rebuilds it from the tokens on every access."""
    cached = data_of(doc).get(_TEXT)
    if cached is None:
        cached = data_of(doc)[_TEXT] = doc.text
    return cached


def original_of(doc: Doc) -> str:
    """The article as written (text_of may be its simplified view); doc.text
    rebuilds the string from the tokens on every access."""
    cached = data_of(doc).get(_ORIGINAL)
    if cached is None:
        cached = data_of(doc)[_ORIGINAL] = doc.text
    return cached


def mentions(doc: Doc) -> list[Mention]:
    records = data_of(doc).get(_MENTIONS)
    if records is None:
        records = data_of(doc)[_MENTIONS] = []
    return records


def relations(doc: Doc) -> list[dict]:
    if doc._.relations is None:
        doc._.relations = []
    return doc._.relations


def add(doc: Doc, start: int, end: int, label: str, source: str, canonical: str | None = None, **attrs) -> Mention | None:
    """Record a mention unless the same span with the same label exists."""
    text = text_of(doc)
    while start < end and text[start].isspace():
        start += 1  # a segmenter word may begin with the line break before it
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start or "\n" in text[start:end]:
        return None  # a name never runs over a line break (rows of a list, a headline)
    records = mentions(doc)
    for record in records:
        if record.start == start and record.end == end and record.label == label:
            # a second rule confirms the span: keep what it knows (gazetteer code, canonical)
            record.attrs.update({k: v for k, v in attrs.items() if v is not None})
            if canonical:
                record.canonical = canonical
            if record.guess:
                record.source = source
                record.also_lac = True
            return record
    record = Mention(
        start=start, end=end, label=label, text=text[start:end], canonical=canonical or text[start:end],
        source=source, attrs={k: v for k, v in attrs.items() if v is not None},
    )
    records.append(record)
    return record


def remove(doc: Doc, doomed) -> None:
    ids = {id(record) for record in doomed}
    doc._.mentions = [record for record in mentions(doc) if id(record) not in ids]


def covering(doc: Doc, start: int, end: int, labels=None) -> list[Mention]:
    """Mentions that contain [start, end)."""
    return [
        m for m in mentions(doc)
        if m.start <= start and end <= m.end and (labels is None or m.label in labels)
    ]


def overlapping(doc: Doc, start: int, end: int, labels=None) -> list[Mention]:
    return [
        m for m in mentions(doc)
        if m.start < end and start < m.end and (labels is None or m.label in labels)
    ]


def token_starts(doc: Doc) -> set[int]:
    return {token.idx for token in doc}


def token_ends(doc: Doc) -> set[int]:
    return {token.idx + len(token.text) for token in doc}
