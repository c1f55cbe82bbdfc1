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

    # --- project ----------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path, create: bool = True) -> "Backend":
        from explorer.services import project as project_service

        return cls(project_service.open_project(path, create=create))

    @property
    def path(self) -> Path | None:
        return Path(self.project.path) if self.project is not None else None

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
        from explorer.services import ingest

        return ingest.run(self.project, paths, options, state)

    # --- reading ------------------------------------------------------------
    def search(self, text: str, types=None, limit: int = 50):
        from explorer.services import query

        return query.search(self.project, text, types=types, limit=limit)

    def entity(self, entity_id: int):
        from explorer.services import query

        return query.entity(self.project, entity_id)

    def find_entity(self, name: str, entity_type: str | None = None):
        from explorer.services import query

        return query.find_entity(self.project, name, entity_type)

    def article(self, article_id: int):
        from explorer.services import query

        return query.article(self.project, article_id)

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
        """A graph the GUI already holds: what the canvas shows."""
        from explorer.services import export

        return export.export_view(graph, fmt, path, title=title)
