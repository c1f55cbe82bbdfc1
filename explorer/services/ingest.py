"""Ingest files into a project: read, split, analyse, store.

`run` is a plain function (Orange3 style): the CLI calls it directly, the
GUI runs it on a worker thread, tests call it with a `TaskState`. Each file
is stored in one transaction, so cancelling or a crash between files leaves
the project consistent, and a failed file changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from explorer.core import Cancelled, TaskState
from explorer.errors import ExplorerError, InputFileError, UnreadableFileError
from explorer.ingest import iter_input_files, read_document, split_articles
from explorer.nlp import analyse_articles, load_pipeline
from explorer.settings import IngestOptions


@dataclass
class FileOutcome:
    path: str
    status: str  # added | replaced | unchanged | failed
    articles: int = 0
    entities: int = 0
    mentions: int = 0
    relations: int = 0
    error: str | None = None
    error_type: str | None = None


@dataclass
class IngestReport:
    files: list[FileOutcome] = field(default_factory=list)
    cancelled: bool = False

    @property
    def articles(self) -> int:
        return sum(f.articles for f in self.files if f.status in ("added", "replaced"))

    @property
    def failed(self) -> list[FileOutcome]:
        return [f for f in self.files if f.status == "failed"]

    def totals(self) -> dict:
        stored = [f for f in self.files if f.status in ("added", "replaced")]
        return {
            "files": len(self.files),
            "stored": len(stored),
            "unchanged": sum(f.status == "unchanged" for f in self.files),
            "failed": len(self.failed),
            "articles": sum(f.articles for f in stored),
            "entities_new": sum(f.entities for f in stored),
            "mentions": sum(f.mentions for f in stored),
            "relations": sum(f.relations for f in stored),
            "cancelled": self.cancelled,
        }


def _expand(paths: Iterable[str | Path], report: IngestReport) -> list[Path]:
    """Files to ingest; a path that does not exist is a failure, not a crash."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            error = UnreadableFileError(str(path), "no such file or folder")
            report.files.append(_failed(str(path), error))
            continue
        files.extend(iter_input_files([path]))
    return files


def _failed(path: str, error: ExplorerError) -> FileOutcome:
    reason = getattr(error, "reason", None) or error.message
    return FileOutcome(path, "failed", error=reason, error_type=type(error).__name__)


def run(project, paths: Iterable[str | Path], options: IngestOptions, state: TaskState) -> IngestReport:
    """Ingest every file under `paths`; one transaction per file."""
    report = IngestReport()
    files = _expand(paths, report)
    nlp = load_pipeline() if files else None
    total = max(len(files), 1)
    try:
        for number, path in enumerate(files):
            state.check()
            state.progress(number / total, path.name)
            outcome = _ingest_one(project, path.resolve(), options, nlp, state)
            report.files.append(outcome)
            state.partial(outcome)  # lets a GUI show running article counts and errors
        state.progress(1.0, "")
    except Cancelled:
        report.cancelled = True
    return report


def _ingest_one(project, path: Path, options: IngestOptions, nlp, state: TaskState) -> FileOutcome:
    try:
        document = read_document(path, options)
        if project.document_status(document.path, document.content_hash) == "unchanged":
            return FileOutcome(document.path, "unchanged")
        articles = split_articles(document, options)
        analyses = analyse_articles(articles, document.home_city, nlp=nlp)
        state.check()  # last chance to cancel before anything is written
        result = project.store_document(document, articles, analyses)
    except InputFileError as error:
        return _failed(str(path), error)
    return FileOutcome(
        result.path,
        result.status,
        articles=result.articles,
        entities=result.entities_new,
        mentions=result.mentions,
        relations=result.relations,
    )
