"""The GUI's single door to the project: a thin wrapper over `explorer.services`.

Widgets call a `Backend`, never the services directly, so tests can hand
them a fake backend built from hand-made records and graphs. Methods may be
called from worker threads; they hold no Qt objects.
"""

from __future__ import annotations

from pathlib import Path

from explorer.core import TaskState
from explorer.settings import IngestOptions


class Backend:
    """One open project and the services that read and change it."""

    def __init__(self, project=None):
        self.project = project
        self._is_sample: bool | None = None

    # --- project ----------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path, create: bool = True) -> Backend:
        from explorer.services import project as project_service

        return cls(project_service.open_project(path, create=create))

    @classmethod
    def open_sample(cls, state: TaskState | None = None) -> Backend:
        """The sample project (its own file, never the user's), built on first use."""
        from explorer.services import project as project_service

        return cls(project_service.open_sample_project(state))

    @staticmethod
    def sample_path() -> Path:
        from explorer.services import project as project_service

        return project_service.sample_project_path()

    @staticmethod
    def default_path() -> Path:
        from explorer.services import project as project_service

        return project_service.default_project_path()

    @property
    def path(self) -> Path | None:
        return Path(self.project.path) if self.project is not None else None

    @property
    def is_sample(self) -> bool:
        """The sample project, or a project holding the fictional sample pages."""
        if self._is_sample is None:
            from explorer.services import project as project_service

            self._is_sample = project_service.is_sample(self.project)
        return self._is_sample

    def summary(self):
        """The home page's overview (`core.overview.ProjectSummary`)."""
        from explorer.services import summary

        self._is_sample = None  # an import or a removal may change it
        result = summary.summary(self.project)
        self._is_sample = result.is_sample
        return result

    # --- documents --------------------------------------------------------------
    def documents(self):
        from explorer.services import documents

        return documents.list_documents(self.project)

    def document_articles(self, document_id: int):
        from explorer.services import documents

        return documents.articles(self.project, document_id)

    def remove_document(self, document_id: int):
        """Remove a document with its articles, mentions and facts (corrections stay)."""
        from explorer.services import documents

        return documents.remove(self.project, int(document_id))

    def reanalyse_document(self, document_id: int, state: TaskState):
        from explorer.services import documents

        return documents.reanalyse(self.project, int(document_id), state)

    def close(self) -> None:
        if self.project is not None:
            self.project.close()
            self.project = None

    def stats(self):
        from explorer.services import project as project_service

        return project_service.stats(self.project)

    def ensure_sample(self, state: TaskState | None = None) -> bool:
        from explorer.services import project as project_service

        return project_service.ensure_sample(self.project, state)

    def ingest(self, paths: list[Path], options: IngestOptions, state: TaskState):
        """Analysis in one worker process per core (services/parallel.py); this
        thread stays the project's one writer."""
        from explorer.services import ingest

        return ingest.run(self.project, paths, options, state, workers=ingest.default_workers())

    # --- reading ------------------------------------------------------------
    def search(self, text: str, types=None, limit: int = 50):
        from explorer.services import query

        return query.search(self.project, text, types=types, limit=limit)

    def suggest(self, text: str, limit: int = 5):
        """Near names for a query that found nothing."""
        from explorer.services import query

        return query.suggest(self.project, text, limit)

    def ranked(self, entity_type: str | None, limit: int = 50):
        """The most mentioned entities (of a type), as search hits."""
        from explorer.services import query

        return [hit for hit, _score in query.rankings(self.project, entity_type, "mentions", limit)]

    def comentions(self, entity_ids, min_articles: int = 1, limit: int = 1500):
        """(a, b, articles) for pairs of these entities named in the same articles,
        the strongest `limit` (a canvas of 400 hubs could otherwise get 5,000 lines)."""
        from explorer.services import query

        return query.comentions(self.project, list(entity_ids), min_articles, limit)

    def entity(self, entity_id: int):
        from explorer.services import query

        return query.entity(self.project, entity_id)

    def find_entity(self, name: str, entity_type: str | None = None):
        from explorer.services import query

        return query.find_entity(self.project, name, entity_type)

    def article(self, article_id: int):
        from explorer.services import query

        return query.article(self.project, article_id)

    def page_image(self, document_id: int, page: int):
        """The stored picture of a scanned page (an OCR'd article's original)."""
        from explorer.services import scans

        return scans.page_image(self.project, document_id, page)

    def neighbourhood(self, entity_id: int, hops: int = 1, types=None, limit: int = 2000, with_evidence: bool = True):
        """`with_evidence=False` is about twice as fast: the canvas asks for an
        edge's evidence (`fact`) only when the user opens that edge."""
        from explorer.services import query

        return query.neighbourhood(
            self.project, entity_id, hops=hops, types=types, limit=limit, with_evidence=with_evidence,
        )

    def fact(self, edge_key: int):
        """One edge's fact (`Fact`) with all its evidence."""
        from explorer.services import query

        return query.fact(self.project, edge_key)

    def shortest_paths(self, a_id: int, b_id: int, k: int = 3):
        from explorer.services import query

        return query.shortest_paths(self.project, a_id, b_id, k=k)

    # --- corrections ----------------------------------------------------------
    def correct(self, action: str, *args):
        """Apply a correction by name: rename, merge, split, set_type, delete_fact."""
        from explorer.services import corrections

        return getattr(corrections, action)(self.project, *args)

    def undo(self):
        from explorer.services import corrections

        return corrections.undo(self.project)

    def redo(self):
        from explorer.services import corrections

        return corrections.redo(self.project)

    # --- export -----------------------------------------------------------------
    def export(self, fmt: str, path: Path, types=None):
        """The whole graph of the project."""
        from explorer.services import export

        return export.export(self.project, fmt, path, types=types)

    def export_view(self, graph, fmt: str, path: Path, title: str = "explorer"):
        """A graph the GUI already holds: what the canvas shows (an HTML page
        also gets the co-mention layer of these entities)."""
        from explorer.services import export

        return export.export_view(graph, fmt, path, title=title, project=self.project)
