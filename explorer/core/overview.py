"""Records of the project overview (the home page, `explorer summary`) and
of the documents list (the documents panel, `explorer documents`).

Defined below every layer like `core.views`: the store fills them, services
add what only the file system knows (is the file still there?), the GUI and
the CLI show them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class RankedEntity:
    """An entity with the figure it is ranked by (facts, honours) and, for the
    honour board, the names behind that figure."""

    id: int
    name: str
    type: str
    count: int
    details: tuple[str, ...] = ()


@dataclass(frozen=True)
class AreaHonours:
    """A county or district: how many honoured organisations it holds.
    `entity_id` is None when the project never names the area itself."""

    name: str
    code: str
    entity_id: int | None
    organisations: int
    honours: int
    top: tuple[RankedEntity, ...] = ()


@dataclass(frozen=True)
class MonthCount:
    month: str  # "2023-03"
    articles: int


@dataclass(frozen=True)
class DocumentInfo:
    """One ingested file. `status` is ok | missing (the file is gone) |
    changed (modified since it was ingested) | empty (no article found)."""

    id: int
    path: str
    source: str | None
    date: str | None
    page: str | None
    articles: int
    ingested_at: str | None
    media_type: str | None = None
    status: str = "ok"

    @property
    def name(self) -> str:
        return self.path.replace("\\", "/").rsplit("/", 1)[-1]


@dataclass(frozen=True)
class ArticleInfo:
    """One article of a document, for the article list."""

    id: int
    index: int
    headline: str | None
    kind: str
    chars: int
    mentions: int


@dataclass(frozen=True)
class RemovalReport:
    """What removing a document took away (the user's corrections stay)."""

    document: DocumentInfo
    articles: int
    mentions: int
    relations: int
    entities_removed: int
    corrections_kept: int


@dataclass(frozen=True)
class ProjectSummary:
    path: str | None
    is_sample: bool
    documents: int
    articles: int
    sources: tuple[str, ...]
    first_date: str | None
    last_date: str | None
    entities: dict = field(default_factory=dict)  # type -> count
    relations: int = 0
    honoured_organisations: tuple[RankedEntity, ...] = ()
    honoured_areas: tuple[AreaHonours, ...] = ()
    most_connected: dict = field(default_factory=dict)  # type -> tuple[RankedEntity, ...]
    months: tuple[MonthCount, ...] = ()
    recent: tuple[DocumentInfo, ...] = ()

    @property
    def is_empty(self) -> bool:
        return self.documents == 0

    def to_json(self) -> dict:
        """Plain data for `explorer summary --json` (keys are stable)."""
        data = asdict(self)
        data["is_empty"] = self.is_empty
        return data
