"""The project overview: the home page and `explorer summary`.

What the project holds (articles, sources, dates, entities per type), the
honour board (organisations with the most honours; counties and districts
with the most honoured organisations), the most connected people,
organisations and programmes, articles per month and the latest imports.
"""

from __future__ import annotations

from explorer.core.overview import ProjectSummary
from explorer.services import documents as documents_service
from explorer.services import project as project_service
from explorer.store import documents as document_store
from explorer.store import overview

RECENT_IMPORTS = 6


def summary(project) -> ProjectSummary:
    conn = project.reader()
    counted = overview.counts(conn)
    honours = overview.honours(conn)
    recent = document_store.list_documents(conn, limit=RECENT_IMPORTS)
    return ProjectSummary(
        path=str(project.path) if getattr(project, "path", None) else None,
        is_sample=project_service.is_sample(project),
        documents=counted["documents"],
        articles=counted["articles"],
        sources=counted["sources"],
        first_date=counted["first_date"],
        last_date=counted["last_date"],
        entities=counted["entities"],
        relations=counted["relations"],
        honoured_organisations=overview.honoured_organisations(honours),
        honoured_areas=overview.honoured_areas(conn, honours),
        most_connected=overview.most_connected(conn),
        months=overview.months(conn),
        recent=tuple(documents_service.with_status(d) for d in recent),
    )
