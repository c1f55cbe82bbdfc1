"""Opening projects and the bundled sample project.

The sample is fictional, so it lives in a project of its own (示例项目 in the
user's data directory) and is never written into a project of the user's.
"""

from __future__ import annotations

from pathlib import Path

from explorer import settings
from explorer.core import ProjectStats, TaskState
from explorer.errors import ExplorerError
from explorer.store import Project

SAMPLE_PROJECT_NAME = "示例项目.explorer.db"


def default_project_path() -> Path:
    return settings.default_project_path()


def sample_project_path() -> Path:
    return settings.data_dir() / SAMPLE_PROJECT_NAME


def is_sample(project) -> bool:
    """True for the sample project, and for any project holding the fictional
    sample pages (an older explorer ingested them into the default project)."""
    path = getattr(project, "path", None)
    if path is not None and _same_file(Path(path), sample_project_path()):
        return True
    from explorer.store import documents as document_store

    sample_dir = str(settings.sample_corpus_dir().resolve())
    return any(d.path.startswith(sample_dir) for d in document_store.list_documents(project.reader(), limit=50))


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def open_project(path: str | Path, create: bool = True, writable: bool | None = None) -> Project:
    """Open (creating and migrating if needed) the project database at `path`.

    Only commands that make a project pass `create` (ingest, the GUI's new
    project); `writable=True` checks write access now, before long work.
    Without write access a project opens read-only."""
    path = Path(path).expanduser()
    if create:
        path.parent.mkdir(parents=True, exist_ok=True)
    return Project.open(path, create=create, writable=writable)


def typed_error(error: BaseException, path: str | Path) -> ExplorerError | None:
    """The typed error for a database or disk failure that escaped as a
    sqlite3 or OS error (a full disk, a read-only file), else None."""
    from explorer.store import files

    return files.typed_error(error, Path(path))


def stats(project: Project) -> ProjectStats:
    return project.stats()


def sample_options() -> settings.IngestOptions:
    """The bundled pages name their paper in the file name (the home city is read from it)."""
    return settings.IngestOptions()


def open_sample_project(state: TaskState | None = None) -> Project:
    """The sample project, built from the bundled pages on first use."""
    project = open_project(sample_project_path(), create=True)
    try:
        ensure_sample(project, state)
    except BaseException:
        project.close()
        raise
    return project


def ensure_sample(project: Project, state: TaskState | None = None) -> bool:
    """Ingest the bundled sample corpus into an empty project; True if it did.
    Only for the sample project (or one made for it): the pages are fictional."""
    if project.stats().documents:
        return False
    sample = settings.sample_corpus_dir()
    if not sample.is_dir():
        return False
    from explorer.services import ingest

    report = ingest.run(project, [sample], sample_options(), state or TaskState())
    return report.articles > 0
