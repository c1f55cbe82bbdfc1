"""What the user taught, applied by the pipeline (issue 16).

The project lexicon (`explorer.core.lexicon.ProjectLexicon`) rides on each
Doc as plain lists (`doc._.project_lexicon`, so it survives `n_process=2`);
the services hand it over, this layer never reads the store. Three steps:

- `project_lexicon` (after the entity rules, before the resolver): every
  place a taught name is written becomes a mention ("taught" in the rule
  table); a grammar mention that crosses it or has its span with another
  type gives way, names nested inside it stay for the resolver to judge.
  Not-a-name surfaces lose their mentions.
- `project_lexicon_resolved` (after the resolver): the resolver's cleanup may
  have trimmed or dropped a taught name for reasons of its own; it comes
  back unless a longer name now contains it (the nesting convention).
  Canonical names of taught entries and aliases from renames and merges are
  applied, so relations are built on the names the user chose.
- `finish` (after the pipe, in `analyse_articles`): canonical names once
  more (short company names are shared across articles after the pipe), and
  negative facts are dropped from the relations.
"""

from __future__ import annotations

import dataclasses
import re

from spacy.language import Language
from spacy.tokens import Doc

from explorer.core.lexicon import LexiconEntry, ProjectLexicon
from explorer.core.models import ArticleAnalysis, RelationFact
from explorer.nlp import spans
from explorer.nlp.segment import simplified_view
from explorer.nlp.spans import MATCHED, Mention, Rule

if not Doc.has_extension("project_lexicon"):
    Doc.set_extension("project_lexicon", default=None)

TAUGHT = "taught"
spans.RULES.setdefault(TAUGHT, Rule(MATCHED))  # a lexicon match: beats segmenter guesses and grown names


class Compiled:
    """A lexicon ready for matching: simplified surfaces, one regex."""

    def __init__(self, lexicon: ProjectLexicon):
        self.lexicon = lexicon
        chosen = lexicon.by_surface()
        self.names: dict[str, LexiconEntry] = {}  # simplified surface -> typed entry that adds mentions
        self.not_names: set[str] = set()
        self.canonical: dict[tuple[str, str], str] = {}  # (surface or canonical, type) -> chosen canonical
        for surface, entry in chosen.items():
            key = simplified_view(surface)
            if entry.not_a_name:
                self.not_names.add(key)
                self.not_names.add(surface)
            elif entry.adds_mentions:
                self.names[key] = entry
            if entry.type and entry.canonical:
                for form in {surface, key}:
                    self.canonical[(form, entry.type)] = entry.canonical
        alternation = "|".join(re.escape(s) for s in sorted(self.names, key=len, reverse=True))
        self.pattern = re.compile(alternation) if alternation else None
        self.negatives = {(n.subject, n.relation, n.object) for n in lexicon.negatives if n.active}

    def occurrences(self, text: str) -> list[tuple[int, int, LexiconEntry]]:
        """(start, end, entry) of every taught name in `text`, leftmost-longest."""
        if self.pattern is None:
            return []
        return [(m.start(), m.end(), self.names[m.group()]) for m in self.pattern.finditer(text)]

    def canonical_of(self, name: str, type_: str) -> str | None:
        return self.canonical.get((name, type_))

    def is_negative(self, fact: RelationFact) -> bool:
        if not self.negatives:
            return False
        subject = self.canonical_of(fact.subject, fact.subject_type) or fact.subject
        object_ = self.canonical_of(fact.object, fact.object_type) or fact.object
        return any(
            (s, fact.relation, o) in self.negatives
            for s in {fact.subject, subject} for o in {fact.object, object_}
        )


_CACHE: dict[str, Compiled] = {}  # fingerprint -> matcher; a handful of lexicons per process


def compiled(lexicon: ProjectLexicon | dict | None) -> Compiled | None:
    """The matcher of a lexicon (cached by its fingerprint), None when empty."""
    if lexicon is None:
        return None
    plain = lexicon if isinstance(lexicon, dict) else lexicon.to_plain()
    if not plain.get("entries") and not plain.get("negatives"):
        return None
    matcher = _CACHE.get(plain["fingerprint"])
    if matcher is None:
        if len(_CACHE) >= 8:
            _CACHE.clear()
        source = lexicon if isinstance(lexicon, ProjectLexicon) else ProjectLexicon.from_plain(plain)
        matcher = _CACHE[plain["fingerprint"]] = Compiled(source.active())
    return matcher


def attach(doc: Doc, plain: dict | None) -> None:
    """Put the lexicon (`ProjectLexicon.to_plain()`, made once per batch) on a
    Doc before it enters the pipeline."""
    doc._.project_lexicon = plain or None


def _lexicon_of(doc: Doc) -> Compiled | None:
    return compiled(doc._.project_lexicon)


def _drop_not_names(doc: Doc, lexicon: Compiled) -> None:
    if lexicon.not_names:
        spans.remove(doc, [m for m in spans.mentions(doc) if m.text in lexicon.not_names or m.canonical in lexicon.not_names])


def _give_way(doc: Doc, start: int, end: int, label: str) -> list[Mention]:
    """Grammar mentions that lose to a taught name at [start, end): those that
    cross it, have its span with another type, or are a trimmed copy of it."""
    losers = []
    for m in spans.overlapping(doc, start, end):
        crosses = (m.start < start < m.end < end) or (start < m.start < end < m.end)
        same_span = (m.start, m.end) == (start, end)
        trimmed = m.label == label and start <= m.start and m.end <= end and (m.start == start or m.end == end)
        if m.source != TAUGHT and (crosses or (same_span and m.label != label) or (trimmed and not same_span)):
            losers.append(m)
    return losers


def _place(doc: Doc, start: int, end: int, entry: LexiconEntry) -> None:
    label = entry.type or ""  # only typed entries are matched (Compiled.names)
    spans.remove(doc, _give_way(doc, start, end, label))
    record = spans.add(doc, start, end, label, TAUGHT, canonical=entry.canonical)
    if record is not None:
        record.source = TAUGHT


def add_taught(doc: Doc) -> Doc:
    """The `project_lexicon` component: taught names in, not-a-name surfaces out."""
    lexicon = _lexicon_of(doc)
    if lexicon is None:
        return doc
    _drop_not_names(doc, lexicon)
    for start, end, entry in lexicon.occurrences(spans.text_of(doc)):
        if any(m.source == TAUGHT and m.start <= start and end <= m.end for m in spans.overlapping(doc, start, end)):
            continue
        _place(doc, start, end, entry)
    return doc


def reassert_taught(doc: Doc) -> Doc:
    """The `project_lexicon_resolved` component: taught names back where the
    resolver dropped them (unless nested), canonical names applied."""
    lexicon = _lexicon_of(doc)
    if lexicon is None:
        return doc
    _drop_not_names(doc, lexicon)
    for start, end, entry in lexicon.occurrences(spans.text_of(doc)):
        here = spans.overlapping(doc, start, end)
        if any((m.start, m.end, m.label) == (start, end, entry.type) for m in here):
            continue
        if any(m.start <= start and end <= m.end and (m.end - m.start) > end - start for m in here):
            continue  # nested in a longer name: the annotation convention decides
        _place(doc, start, end, entry)
    apply_canonicals(doc, lexicon)
    doc._.project_lexicon = None  # the Doc leaves the pipeline lighter
    return doc


def apply_canonicals(doc: Doc, lexicon: Compiled) -> None:
    for m in spans.mentions(doc):
        chosen = lexicon.canonical_of(m.text, m.label) or lexicon.canonical_of(m.canonical, m.label)
        if chosen and not m.refers:
            m.canonical = chosen
        elif chosen and m.refers and lexicon.canonical_of(m.canonical, m.label):
            m.canonical = chosen  # 该公司 -> the taught firm: follow its canonical name


def finish_docs(docs, lexicon: ProjectLexicon | None) -> None:
    """After the pipe and cross-article sharing: canonical names once more."""
    matcher = compiled(lexicon)
    if matcher is not None:
        for doc in docs:
            apply_canonicals(doc, matcher)


def finish(analysis: ArticleAnalysis, lexicon: ProjectLexicon | None) -> ArticleAnalysis:
    """The records of one article with the facts named as the user chose and
    without the facts the user deleted (negative examples)."""
    matcher = compiled(lexicon)
    if matcher is None:
        return analysis
    kept = []
    for r in analysis.relations:
        subject = matcher.canonical_of(r.subject, r.subject_type) or r.subject
        object_ = matcher.canonical_of(r.object, r.object_type) or r.object
        if (subject, object_) != (r.subject, r.object):
            r = dataclasses.replace(r, subject=subject, object=object_)
        if not matcher.is_negative(r):
            kept.append(r)
    dropped = sum(1 for r in analysis.relations if matcher.is_negative(r))
    extra = {**analysis.extra, "negatives_dropped": dropped} if dropped else analysis.extra
    return ArticleAnalysis(analysis.mentions, tuple(kept), extra)


@Language.factory("project_lexicon", assigns=["doc._.mentions"], requires=["doc._.mentions"])
def make_project_lexicon(nlp: Language, name: str):
    return add_taught


@Language.factory("project_lexicon_resolved", assigns=["doc._.mentions"], requires=["doc._.mentions"])
def make_project_lexicon_resolved(nlp: Language, name: str):
    return reassert_taught
