"""Plain records and small helpers shared by every layer.

`core` imports nothing from the rest of explorer and no third-party package,
so every other layer can depend on it.
"""

from explorer.core.models import (
    ENTITY_TYPES,
    RELATION_TYPES,
    Article,
    ArticleAnalysis,
    Document,
    EntityType,
    Mention,
    RelationFact,
    RelationType,
)
from explorer.core.progress import Cancelled, TaskState
from explorer.core.views import (
    ArticleMention,
    ArticleRecord,
    EntityDetail,
    EntityHit,
    Evidence,
    Fact,
    MentionRecord,
    ProjectStats,
    StaleCorrection,
    StoreResult,
)

__all__ = [
    "ArticleMention",
    "ArticleRecord",
    "EntityDetail",
    "EntityHit",
    "Evidence",
    "Fact",
    "MentionRecord",
    "ProjectStats",
    "StaleCorrection",
    "StoreResult",
    "ENTITY_TYPES",
    "RELATION_TYPES",
    "Article",
    "ArticleAnalysis",
    "Cancelled",
    "Document",
    "EntityType",
    "Mention",
    "RelationFact",
    "RelationType",
    "TaskState",
]
