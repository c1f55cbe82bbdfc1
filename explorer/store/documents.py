"""The documents of a project: list them, read their articles, remove one.

Removing a document deletes its articles, their mentions and facts, and the
entities nothing else refers to, in one transaction. The user's corrections
stay: they name entities by id (kept alive while an edit names them) and
articles by (document path, index), so ingesting the same file again brings
the document back with every correction re-applied.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from explorer.core.overview import ArticleInfo, DocumentInfo
from explorer.errors import NotFoundError
from explorer.store import writer
from explorer.store.edits import Rules

_COLUMNS = (
    "SELECT d.id, d.path, s.name, d.date, d.page, "
    "(SELECT count(*) FROM articles a WHERE a.document_id = d.id), d.ingested_at, d.media_type "
    "FROM documents d LEFT JOIN sources s ON s.id = d.source_id"
)


def _info(row) -> DocumentInfo:
    i, path, source, date, page, n, at, media = row
    return DocumentInfo(i, path, source or None, date, page, n, at, media)


def list_documents(conn: sqlite3.Connection, limit: int | None = None, order: str = "recent") -> list[DocumentInfo]:
    """Ingested files with their article counts: most recently ingested first,
    or by page date (`order="date"`)."""
    sort = "d.ingested_at DESC, d.id DESC" if order == "recent" else "d.date, d.path"
    sql = f"{_COLUMNS} ORDER BY {sort}"
    params: tuple = ()
    if limit is not None:
        sql += " LIMIT ?"
        params = (int(limit),)
    return [_info(row) for row in conn.execute(sql, params)]


def get(conn: sqlite3.Connection, document_id: int) -> DocumentInfo:
    row = conn.execute(f"{_COLUMNS} WHERE d.id = ?", (document_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"document #{document_id}")
    return _info(row)


def find(conn: sqlite3.Connection, ref: str) -> DocumentInfo:
    """A document by `#id`, by its path (as given or made absolute) or by a
    file name that only one document has."""
    ref = str(ref).strip()
    if ref.startswith("#") and ref[1:].isdigit():
        return get(conn, int(ref[1:]))
    candidates = [ref]
    try:
        candidates.append(str(Path(ref).expanduser().resolve()))
    except (OSError, RuntimeError):
        pass
    for path in candidates:
        row = conn.execute(f"{_COLUMNS} WHERE d.path = ?", (path,)).fetchone()
        if row is not None:
            return _info(row)
    name = ref.replace("\\", "/").rsplit("/", 1)[-1]
    rows = [r for r in conn.execute(f"{_COLUMNS} WHERE d.path LIKE ?", (f"%{name}",))
            if r[1].replace("\\", "/").rsplit("/", 1)[-1] == name]
    if len(rows) == 1:
        return _info(rows[0])
    raise NotFoundError(f"document {ref}" + (f" ({len(rows)} documents have that name; use #id)" if rows else ""))


def articles_of(conn: sqlite3.Connection, document_id: int) -> list[ArticleInfo]:
    get(conn, document_id)
    return [ArticleInfo(*row) for row in conn.execute(
        "SELECT a.id, a.idx, a.headline, coalesce(a.kind, 'news'), length(a.text), "
        "(SELECT count(*) FROM mentions m WHERE m.article_id = a.id) "
        "FROM articles a WHERE a.document_id = ? ORDER BY a.idx",
        (document_id,),
    )]


def content_counts(conn: sqlite3.Connection, document_id: int) -> tuple[int, int, int]:
    """(articles, mentions, visible facts) stored from the document."""
    arts = "SELECT id FROM articles WHERE document_id = ?"
    return conn.execute(
        f"SELECT (SELECT count(*) FROM articles WHERE document_id = ?1), "
        f"(SELECT count(*) FROM mentions WHERE article_id IN ({arts.replace('?', '?1')})), "
        f"(SELECT count(*) FROM relations WHERE hidden = 0 AND article_id IN ({arts.replace('?', '?1')}))",
        (document_id,),
    ).fetchone()


def corrections_touching(conn: sqlite3.Connection, path: str, entity_ids: set[int]) -> int:
    """Active corrections that name one of `entity_ids` or an article of `path`."""
    count = 0
    for (params,) in conn.execute("SELECT params FROM edits WHERE active = 1"):
        p = json.loads(params)
        named = {p.get(k) for k in ("entity", "keep", "other", "new", "subject", "object")}
        if named & entity_ids or any(_article_path(key) == path for key in p.get("articles", ())):
            count += 1
    return count


def _article_path(key) -> str | None:
    """The document path an edit's article key names ({"hash", "path", "idx"}, or [path, idx] of older edits)."""
    if isinstance(key, dict):
        return key.get("path")
    return key[0] if isinstance(key, (list, tuple)) and key else None


def remove(conn: sqlite3.Connection, document_id: int) -> tuple[DocumentInfo, tuple[int, int, int], int, int]:
    """Delete a document and what was read from it; the caller holds the write
    transaction. Returns (the document, its counts, entities removed,
    corrections that stay for a later re-ingest)."""
    info = get(conn, document_id)
    counted = content_counts(conn, document_id)
    touched = writer.remove_document_content(conn, document_id)
    kept = corrections_touching(conn, info.path, touched)
    conn.execute("DELETE FROM documents WHERE id = ?", (document_id,))
    conn.execute("DELETE FROM sources WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.source_id = sources.id)")
    writer.recount(conn, touched)
    removed = writer.collect_orphans(conn, touched, Rules.load(conn).refs)
    return info, counted, len(removed), kept


def home_city_of(conn: sqlite3.Connection, document_id: int) -> str | None:
    row = conn.execute("SELECT home_city FROM documents WHERE id = ?", (document_id,)).fetchone()
    return row[0] if row else None


def forget_content_hash(conn: sqlite3.Connection, document_id: int) -> None:
    """Make the next ingest of this document analyse it again even if the file
    did not change (re-analyse after the rules improved)."""
    conn.execute("UPDATE documents SET content_hash = '' WHERE id = ?", (document_id,))
