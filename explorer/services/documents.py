"""The documents of a project: list, read, remove, analyse again.

The store knows what was ingested; only the file system knows whether the
file is still there or has changed since, so the status is added here.
Removing keeps the user's corrections (store/documents.py says how), so
ingesting the file again restores the document as corrected.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path

from explorer.core import TaskState
from explorer.core.overview import ArticleInfo, DocumentInfo, RemovalReport
from explorer.errors import UnreadableFileError
from explorer.settings import IngestOptions
from explorer.store import documents as store

STATUSES = ("ok", "changed", "missing", "empty")


def with_status(document: DocumentInfo) -> DocumentInfo:
    """ok | missing (the file is gone) | changed (modified after it was
    ingested: importing it again would replace it) | empty (no article)."""
    path = Path(document.path)
    try:
        modified = path.stat().st_mtime
    except OSError:
        return dataclasses.replace(document, status="missing")
    if document.articles == 0:
        return dataclasses.replace(document, status="empty")
    ingested = _timestamp(document.ingested_at)
    if ingested is not None and modified > ingested + 1:
        return dataclasses.replace(document, status="changed")
    return dataclasses.replace(document, status="ok")


def _timestamp(text: str | None) -> float | None:
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


def list_documents(project, order: str = "recent") -> list[DocumentInfo]:
    return [with_status(d) for d in store.list_documents(project.reader(), order=order)]


def find(project, ref: str | int) -> DocumentInfo:
    """`#12` or 12 (an id), a path, or a file name only one document has."""
    ref = f"#{ref}" if isinstance(ref, int) else ref
    return with_status(store.find(project.reader(), ref))


def articles(project, document_id: int) -> list[ArticleInfo]:
    return store.articles_of(project.reader(), document_id)


def remove(project, ref: str | int) -> RemovalReport:
    """Delete a document with its articles, mentions and facts, in one
    transaction; corrections stay for a later re-ingest of the same file."""
    document = find(project, ref)
    with project.write() as conn:
        info, (articles_n, mentions_n, relations_n), removed, kept = store.remove(conn, document.id)
    return RemovalReport(with_status(info), articles_n, mentions_n, relations_n, removed, kept)


def options_for(document: DocumentInfo, home_city: str | None = None) -> IngestOptions:
    """Ingest options that read the file as it was read the first time."""
    return IngestOptions(source=document.source, home_city=home_city, date=document.date)


def reanalyse(project, ref: str | int, state: TaskState | None = None):
    """Analyse a document again with the current rules, even if the file did not
    change; returns the ingest report. The old content stays until the new one
    is stored (one transaction), and a file that is gone is an error."""
    from explorer.services import ingest

    document = find(project, ref)
    if not Path(document.path).is_file():
        raise UnreadableFileError(document.path, "the file is no longer there")
    home_city = store.home_city_of(project.reader(), document.id)
    with project.write() as conn:
        store.forget_content_hash(conn, document.id)
    return ingest.run(project, [Path(document.path)], options_for(document, home_city), state or TaskState())
