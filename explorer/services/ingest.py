"""Ingest files into a project: read, split, analyse, store.

`run` is a plain function (Orange3 style): the CLI calls it directly, the
GUI runs it on a worker thread, tests call it with a `TaskState`. Each file
is stored in one transaction, so cancelling or a crash between files leaves
the project consistent, and a failed file changes nothing.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from explorer.core import Cancelled, TaskState
from explorer.errors import ExplorerError, InputFileError, UnreadableFileError
from explorer.ingest import iter_input_files, read_file_bytes
from explorer.nlp import load_pipeline
from explorer.services import parallel, teach
from explorer.services.analysis import InputFailure, default_workers
from explorer.services.progress import IngestProgress

__all__ = ["FileOutcome", "IngestReport", "default_workers", "run"]
from explorer.settings import IngestOptions


@dataclass
class FileOutcome:
    path: str
    status: str  # added | replaced | unchanged | failed | moved | duplicate
    articles: int = 0
    entities: int = 0
    mentions: int = 0
    relations: int = 0
    error: str | None = None
    error_type: str | None = None
    previous_path: str | None = None  # moved: where it was stored; duplicate: the stored copy
    warnings: list[str] = field(default_factory=list)  # e.g. an unsure encoding guess
    stale_corrections: list = field(default_factory=list)  # StaleCorrection: corrections this file made stale


@dataclass
class IngestReport:
    files: list[FileOutcome] = field(default_factory=list)
    cancelled: bool = False
    store_seconds: float = 0.0  # wall time in the writer (benchmarks: the writer's share)

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
            "moved": sum(f.status == "moved" for f in self.files),
            "duplicate": sum(f.status == "duplicate" for f in self.files),
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
        if not path.exists() and not path.is_symlink():  # a broken or looping link is read, and says so
            error = UnreadableFileError(str(path), "no such file or folder")
            report.files.append(_failed(str(path), error))
            continue
        files.extend(iter_input_files([path]))
    return files


def _failed(path: str, error: ExplorerError) -> FileOutcome:
    reason = getattr(error, "reason", None) or error.message
    return FileOutcome(path, "failed", error=reason, error_type=type(error).__name__)


def run(
    project,
    paths: Iterable[str | Path],
    options: IngestOptions,
    state: TaskState,
    *,
    workers: int = 1,
    scheduler: str | None = None,
) -> IngestReport:
    """Ingest every file under `paths`; one transaction per file.

    The map step (read, split, NLP) runs in this process (`workers=1`), in
    `workers` local processes, or on the Dask cluster at `scheduler`; the
    writer is always this process, storing documents in file order."""
    report = IngestReport()
    files = _expand(paths, report)
    options = teach.with_project_lexicon(project, options)  # what the user taught applies to every import
    mapper = _mapper(options, workers, scheduler, files)
    try:
        jobs = _jobs(project, files, options)

        progress = IngestProgress(state, len(files))  # counts OCR pages inside files (services/progress.py)
        for job, result in mapper.results(jobs, state, progress.file, progress.page):
            job.data = None  # analysed: the bytes (50 MB at the limit) are not kept while storing
            state.check()
            outcome = job.outcome if result is None else _store(project, result, state, report)
            report.files.append(outcome)
            state.partial(outcome)  # lets a GUI show running article counts and errors
        state.progress(1.0, "")
    except Cancelled:
        report.cancelled = True
    finally:
        mapper.close()
    return report


def _mapper(options: IngestOptions, workers: int, scheduler: str | None, files: list[Path]):
    if scheduler:
        from explorer.services.cluster import DaskMapper

        return DaskMapper(scheduler, options)
    workers = min(workers, len(files))
    if workers > 1 and _total_bytes(files) >= PARALLEL_MIN_BYTES:
        return parallel.ProcessPool(workers, options)
    return parallel.InProcess(options, load_pipeline() if files else None)


# Below this much input, starting worker processes (each loads the pipeline,
# ~2 s) costs more than it saves: analyse in this process.
PARALLEL_MIN_BYTES = 256 * 1024


def _total_bytes(files: list[Path]) -> int:
    total = 0
    for path in files:
        try:
            total += path.stat().st_size
        except OSError:
            pass  # reading it will report the problem
    return total


def _jobs(project, files: list[Path], options: IngestOptions) -> Iterator[parallel.Job]:
    """One job per file, read here: the workers get bytes. A file that cannot
    be read or has not changed needs no analysis and carries its outcome."""
    for seq, path in enumerate(files):
        path = _absolute(path)
        try:
            data = read_file_bytes(path, options)
        except InputFileError as error:
            yield parallel.Job(seq, str(path), outcome=_failed(str(path), error))
            continue
        content_hash = hashlib.sha256(data).hexdigest()
        status = project.document_status(str(path), content_hash)
        if status == "unchanged":
            yield parallel.Job(seq, str(path), outcome=FileOutcome(str(path), "unchanged"))
            continue
        known = project.relocate(str(path), content_hash) if status in ("moved", "duplicate") else None
        if known is not None:  # stored before under another path: no analysis needed (issue 13, D7)
            yield parallel.Job(seq, str(path), outcome=_outcome(known))
            continue
        job = parallel.Job(seq, str(path), data=data)
        del data  # the job holds the bytes: whoever is done with them can drop them (a 50 MB file)
        yield job


def _absolute(path: Path) -> Path:
    """The resolved path; a broken or looping symbolic link stays as given
    (reading it says which)."""
    if path.is_symlink() and not path.exists():
        return path.absolute()
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def _store(project, result, state: TaskState, report: IngestReport) -> FileOutcome:
    """Write one analysed document (or report why it failed)."""
    if isinstance(result, InputFailure):
        return FileOutcome(result.path, "failed", error=result.reason, error_type=result.error_type)
    try:
        state.check()  # last chance to cancel before anything is written
        started = time.perf_counter()
        stored = project.store_document_batches(result.document, result.batches())
        report.store_seconds += time.perf_counter() - started
    finally:
        result.close()
    return _outcome(stored, result.document.warnings)


def _outcome(stored, warnings=()) -> FileOutcome:
    return FileOutcome(
        stored.path,
        stored.status,
        articles=stored.articles,
        entities=stored.entities_new,
        mentions=stored.mentions,
        relations=stored.relations,
        previous_path=stored.previous_path,
        warnings=list(warnings),
        stale_corrections=list(stored.stale_corrections),
    )
