"""The records that flow between layers: documents, articles, mentions, facts.

They are plain frozen dataclasses so that they pickle across processes
(`nlp.pipe(n_process=2)`), compare by value in tests and carry no behaviour
that would tie a layer to another.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from explorer.core.ocr import ArticleOcr, OcrProvenance


class EntityType(str, enum.Enum):
    """The five kinds of entity explorer extracts (see docs/data-model.md)."""

    PERSON = "PERSON"
    ORG = "ORG"
    PLACE = "PLACE"
    PROGRAM = "PROGRAM"
    HONOR = "HONOR"


class RelationType(str, enum.Enum):
    """Directed relations between entities."""

    LOCATED_IN = "located_in"
    AWARDED = "awarded"
    ROLE_AT = "role_at"
    ISSUED_BY = "issued_by"
    PARTICIPATES_IN = "participates_in"
    PART_OF = "part_of"


ENTITY_TYPES: tuple[str, ...] = tuple(t.value for t in EntityType)
RELATION_TYPES: tuple[str, ...] = tuple(r.value for r in RelationType)


@dataclass(frozen=True)
class Document:
    """One input file after reading: its text and where it came from.

    `text` is the decoded text before any repair; readers never lose
    characters, normalisation happens later and keeps offsets.
    """

    path: str
    text: str
    content_hash: str
    source: str | None = None
    home_city: str | None = None
    date: str | None = None  # ISO yyyy-mm-dd when known
    page: str | None = None
    encoding: str | None = None
    media_type: str = "text/plain"
    warnings: tuple[str, ...] = ()  # what the reader was unsure of (a short file's encoding)
    ocr: OcrProvenance | None = None  # set when the text (or part of it) was read by OCR (core/ocr.py)


@dataclass(frozen=True)
class Article:
    """One article of a page, with its normalised text.

    `text` is what the NLP pipeline reads and what mention offsets index.
    `raw` is the original slice of the document, kept for display.
    """

    text: str
    headline: str | None = None
    subtitle: str | None = None
    kicker: str | None = None
    bylines: tuple[str, ...] = ()
    captions: tuple[str, ...] = ()
    kind: str = "news"  # news | notice | photo
    raw: str = ""
    index: int = 0  # position on the page
    ocr: ArticleOcr | None = None  # confidence and page regions of an OCR'd article


@dataclass(frozen=True)
class Mention:
    """An entity mention in one part of an article: [start, end) index that
    part ("body": Article.text, "headline": Article.headline, "byline": the
    credited name itself, for a credit printed apart from the text)."""

    start: int
    end: int
    surface: str
    type: str
    canonical: str
    aliases: tuple[str, ...] = ()
    attrs: tuple[tuple[str, str], ...] = ()  # e.g. (("level", "district"),)
    part: str = "body"


@dataclass(frozen=True)
class Credit:
    """A person credited with an article (记者, 通讯员, 摄影, 编辑): a credit of
    the article, not a relation between entities (reported_by)."""

    person: str
    role: str  # 记者 | 通讯员 | 摄影 | 编辑 | … as printed
    relation: str = "reported_by"


@dataclass(frozen=True)
class RelationFact:
    """A directed fact between two canonical entity names with its evidence."""

    subject: str
    subject_type: str
    relation: str
    object: str
    object_type: str
    evidence: str
    evidence_start: int = 0
    evidence_end: int = 0
    role: str | None = None
    year: int | None = None
    confidence: float = 0.5


@dataclass(frozen=True)
class ArticleAnalysis:
    """What the NLP pipeline found in one article."""

    mentions: tuple[Mention, ...] = ()
    relations: tuple[RelationFact, ...] = ()
    extra: dict = field(default_factory=dict, compare=False)
    credits: tuple[Credit, ...] = ()
