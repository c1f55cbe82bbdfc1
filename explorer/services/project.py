"""Opening projects and the bundled sample project."""

from __future__ import annotations

from pathlib import Path

from explorer import settings
from explorer.core import ProjectStats, TaskState
from explorer.store import Project


def default_project_path() -> Path:
    return settings.default_project_path()


def open_project(path: str | Path, create: bool = True) -> Project:
    """Open (creating and migrating if needed) the project database at `path`."""
    path = Path(path).expanduser()
    if create:
        path.parent.mkdir(parents=True, exist_ok=True)
    return Project.open(path, create=create)


def stats(project: Project) -> ProjectStats:
    return project.stats()


def sample_options() -> settings.IngestOptions:
    """The bundled pages name their paper in the file name (the home city is read from it)."""
    return settings.IngestOptions()


def ensure_sample(project: Project, state: TaskState | None = None) -> bool:
    """Ingest the bundled sample corpus into an empty project; True if it did."""
    if project.stats().documents:
        return False
    sample = settings.sample_corpus_dir()
    if not sample.is_dir():
        return False
    from explorer.services import ingest

    report = ingest.run(project, [sample], sample_options(), state or TaskState())
    return report.articles > 0
