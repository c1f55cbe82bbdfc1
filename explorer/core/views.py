"""Read-side records: what the store answers and the GUI and CLI show.

They are defined here, below every layer, so that the store produces them,
services pass them through and the GUI renders them without importing
sqlite-utils.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from explorer.core.ocr import ArticleOcrView


@dataclass(frozen=True)
class EntityHit:
    """One search result."""

    id: int
    name: str
    type: str
    mentions: int
    matched: str = ""  # the alias or pinyin form that matched, if not the name
    score: float = 0.0


@dataclass(frozen=True)
class Evidence:
    """Where a fact is stated: the sentence and its article."""

    article_id: int
    sentence: str
    start: int = 0
    end: int = 0
    confidence: float = 0.5
    headline: str | None = None
    date: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class Fact:
    """A relation seen from one entity: direction tells which end it is."""

    relation_id: int
    relation: str
    subject_id: int
    subject: str
    subject_type: str
    object_id: int
    object: str
    object_type: str
    role: str | None = None
    year: int | None = None
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class MentionRecord:
    article_id: int
    start: int
    end: int
    surface: str
    headline: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class EntityDetail:
    id: int
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    attrs: dict = field(default_factory=dict, compare=False)
    admin_path: tuple[str, ...] = ()  # e.g. (金沙街道, 通州区, 南通市, 江苏省)
    facts: tuple[Fact, ...] = ()
    mentions: tuple[MentionRecord, ...] = ()


@dataclass(frozen=True)
class ArticleMention:
    """An entity span inside an article, for highlighting in the reader."""

    entity_id: int
    start: int
    end: int
    type: str
    name: str


@dataclass(frozen=True)
class ArticleRecord:
    id: int
    text: str
    headline: str | None = None
    subtitle: str | None = None
    bylines: tuple[str, ...] = ()
    kind: str = "news"
    date: str | None = None
    source: str | None = None
    page: str | None = None
    path: str | None = None
    mentions: tuple[ArticleMention, ...] = ()
    ocr: ArticleOcrView | None = None  # confidence, low-confidence stretches, page regions (core/ocr.py)


@dataclass(frozen=True)
class ProjectStats:
    documents: int = 0
    articles: int = 0
    entities: int = 0
    mentions: int = 0
    relations: int = 0


@dataclass(frozen=True)
class StaleCorrection:
    """A user correction that no longer applies: the articles it named were
    changed or removed by a later ingest (a split keyed by article content)."""

    edit_id: int
    op: str
    entity_id: int | None
    description: str  # one line for people: what the correction did and what is gone
    missing: tuple[str, ...] = ()  # the articles that are gone (headline, where they were)


@dataclass(frozen=True)
class StoreResult:
    """What storing one document changed."""

    path: str
    status: str  # "added" | "replaced" | "unchanged" | "moved" | "duplicate"
    articles: int = 0
    entities_new: int = 0
    mentions: int = 0
    relations: int = 0
    previous_path: str | None = None  # moved: where it was; duplicate: the stored copy
    stale_corrections: tuple[StaleCorrection, ...] = ()  # corrections this store made inapplicable
