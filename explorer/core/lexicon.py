"""The project lexicon: what the user taught, as plain records.

A journalist who fixes a name once wants it right everywhere. What she
taught is kept in the project (store/lexicon.py) and handed to the NLP
pipeline as a `ProjectLexicon` (nlp/taught.py reads it), so the nlp layer
never touches the store:

- a **name** entry: this surface is a name of this type (a taught name wins
  over the grammar), optionally with the canonical name it stands for;
- a **not-a-name** entry (`type` None): the grammar must not read it as a name;
- an **alias** (from a rename or a merge): the pipeline's canonical name is
  replaced by the one the user chose; it adds no mention of its own;
- a **negative fact** (from a deleted fact): later analyses do not produce it.

The TSV form (`to_tsv`/`parse_tsv`) lets a newsroom share what it taught.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, replace

from explorer.core.models import ENTITY_TYPES, RELATION_TYPES

NOT_A_NAME = "NOT_A_NAME"  # the type column of a not-a-name entry (TSV, CLI)
ORIGINS = ("taught", "rename", "merge", "set-type", "delete-fact", "imported")
ALIAS_ORIGINS = ("rename", "merge")  # canonicalise what the grammar found; add nothing
TSV_HEADER = "# explorer lexicon v1: kind\tsurface|subject\ttype|relation\tcanonical|object\torigin"


@dataclass(frozen=True)
class LexiconEntry:
    """One taught surface. `type` None means "not a name"."""

    surface: str
    type: str | None
    canonical: str | None = None
    origin: str = "taught"
    created: str = ""
    active: bool = True
    id: int | None = None  # the store's row, when it has one
    edit_id: int | None = None  # the correction it was learnt from

    @property
    def not_a_name(self) -> bool:
        return self.type is None

    @property
    def is_alias(self) -> bool:
        return self.origin in ALIAS_ORIGINS

    @property
    def adds_mentions(self) -> bool:
        """A typed entry that is not a mere alias finds the name wherever it is written."""
        return self.type is not None and not self.is_alias

    @property
    def type_label(self) -> str:
        return self.type or NOT_A_NAME


@dataclass(frozen=True)
class NegativeFact:
    """A fact the user deleted: (subject, relation, object) by canonical name."""

    subject: str
    relation: str
    object: str
    origin: str = "delete-fact"
    created: str = ""
    active: bool = True
    id: int | None = None
    edit_id: int | None = None


@dataclass(frozen=True)
class ProjectLexicon:
    """Everything the pipeline should know from the project; empty by default."""

    entries: tuple[LexiconEntry, ...] = ()
    negatives: tuple[NegativeFact, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.entries or self.negatives)

    def active(self) -> ProjectLexicon:
        return ProjectLexicon(
            tuple(e for e in self.entries if e.active), tuple(n for n in self.negatives if n.active)
        )

    def by_surface(self) -> dict[str, LexiconEntry]:
        """The active entry of each surface: a later entry overrides an earlier one."""
        chosen: dict[str, LexiconEntry] = {}
        for entry in self.entries:
            if entry.active and entry.surface:
                chosen[entry.surface] = entry
        return chosen

    def fingerprint(self) -> str:
        """Changes whenever what the pipeline would do changes (a cache key)."""
        digest = hashlib.sha1()
        for e in self.entries:
            if e.active:
                digest.update(f"n\t{e.surface}\t{e.type}\t{e.canonical}\t{e.origin}\n".encode())
        for n in self.negatives:
            if n.active:
                digest.update(f"f\t{n.subject}\t{n.relation}\t{n.object}\n".encode())
        return digest.hexdigest()[:16]

    def to_plain(self) -> dict:
        """Lists of strings only, so it rides on a spaCy Doc across processes (msgpack)."""
        return {
            "fingerprint": self.fingerprint(),
            "entries": [[e.surface, e.type or "", e.canonical or "", e.origin] for e in self.entries if e.active],
            "negatives": [[n.subject, n.relation, n.object] for n in self.negatives if n.active],
        }

    @classmethod
    def from_plain(cls, plain: dict) -> ProjectLexicon:
        entries = tuple(
            LexiconEntry(surface, type_ or None, canonical or None, origin)
            for surface, type_, canonical, origin in plain.get("entries", ())
        )
        negatives = tuple(NegativeFact(s, r, o) for s, r, o in plain.get("negatives", ()))
        return cls(entries, negatives)

    def without_negatives_from_edits(self) -> ProjectLexicon:
        """For analyses stored in the project itself: its own deleted facts are
        hidden by the store's correction rules (undoably), so the pipeline need
        not drop them; negatives imported from elsewhere still apply."""
        return replace(self, negatives=tuple(n for n in self.negatives if n.edit_id is None))


def check_entry(surface: str, type_: str | None, canonical: str | None = None) -> str | None:
    """Why an entry cannot be taught, or None."""
    if not surface.strip():
        return "a name cannot be empty"
    if any(c in surface for c in "\t\r\n") or (canonical and any(c in canonical for c in "\t\r\n")):
        return "a name cannot hold tabs or line breaks"
    if type_ is not None and type_ not in ENTITY_TYPES:
        return f"unknown type {type_!r}; use one of {', '.join(ENTITY_TYPES)} or {NOT_A_NAME}"
    if type_ is None and canonical:
        return "a not-a-name entry has no canonical name"
    return None


# --- TSV ---------------------------------------------------------------------


def to_tsv(lexicon: ProjectLexicon) -> str:
    """Active entries and negative facts, one per line (UTF-8 text)."""
    lines = [TSV_HEADER]
    for e in lexicon.entries:
        if e.active:
            lines.append("\t".join(("name", e.surface, e.type_label, e.canonical or "", e.origin)))
    for n in lexicon.negatives:
        if n.active:
            lines.append(f"not-fact\t{n.subject}\t{n.relation}\t{n.object}\t{n.origin}")
    return "\n".join(lines) + "\n"


class LexiconFormatError(ValueError):
    """A line of a lexicon TSV that cannot be read (1-based line number)."""

    def __init__(self, line: int, reason: str):
        super().__init__(f"line {line}: {reason}")
        self.line = line
        self.reason = reason


def parse_tsv(text: str) -> ProjectLexicon:
    """Read `to_tsv` output (or a hand-written file in the same columns).
    Every line is checked before anything is returned: a bad file imports nothing."""
    entries: list[LexiconEntry] = []
    negatives: list[NegativeFact] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        cells += [""] * (5 - len(cells))
        kind, first, second, third, origin = (c.strip() for c in cells[:5])
        if len(cells) > 5 and any(c.strip() for c in cells[5:]):
            raise LexiconFormatError(number, "more than 5 columns")
        if kind == "name":
            type_ = None if second == NOT_A_NAME else second
            problem = check_entry(first, type_, third or None)
            if problem:
                raise LexiconFormatError(number, problem)
            entries.append(LexiconEntry(first, type_, third or None, "imported"))
        elif kind == "not-fact":
            if not first or not third:
                raise LexiconFormatError(number, "a negative fact needs a subject and an object")
            if second not in RELATION_TYPES:
                raise LexiconFormatError(number, f"unknown relation {second!r}; use one of {', '.join(RELATION_TYPES)}")
            negatives.append(NegativeFact(first, second, third, "imported"))
        else:
            raise LexiconFormatError(number, f"the first column must be 'name' or 'not-fact', not {kind!r}")
        del origin  # where the other newsroom got it from does not carry over: here it is imported
    return ProjectLexicon(tuple(entries), tuple(negatives))


def surfaces_of(entries: Iterable[LexiconEntry]) -> list[str]:
    return sorted({e.surface for e in entries})
