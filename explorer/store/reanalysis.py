"""Swapping a document's analyses in place, in one transaction.

The teach service (services/teach.py) re-analyses the documents a lexicon
change concerns and hands each result here. The articles stay (same ids,
same text); their mentions, facts and evidence are replaced by the new ones,
resolved exactly as ingest resolves them (`writer.Resolver`, with the user's
corrections re-applied as rules: merges, splits, deleted facts), so the
other corrections survive. The caller's transaction makes each document
wholly old or wholly new, whatever kills the process.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from explorer.core import Article, ArticleAnalysis, Document
from explorer.store import edits, lexicon, writer
from explorer.store.edits import Rules


@dataclass(frozen=True)
class StoredDocument:
    """A stored document as the NLP needs it again: its record, its articles and their ids."""

    id: int
    document: Document
    article_ids: tuple[int, ...]
    articles: tuple[Article, ...]


@dataclass(frozen=True)
class Swap:
    """What one document's swap changed: mentions as (article id, start, end,
    surface, type), visible statements as (subject, relation, object, article id)."""

    document_id: int
    mentions_before: frozenset[tuple]
    mentions_after: frozenset[tuple]
    facts_before: frozenset[tuple]
    facts_after: frozenset[tuple]
    articles: int = 0


def read_document(conn: sqlite3.Connection, document_id: int) -> StoredDocument | None:
    row = conn.execute(
        "SELECT d.path, d.content_hash, s.name, d.home_city, d.date, d.page, d.encoding, d.media_type "
        "FROM documents d LEFT JOIN sources s ON s.id = d.source_id WHERE d.id = ?",
        (document_id,),
    ).fetchone()
    if row is None:
        return None
    path, content_hash, source, home_city, date, page, encoding, media_type = row
    document = Document(path, "", content_hash, source or None, home_city, date, page, encoding, media_type or "text/plain")
    ids, articles = [], []
    for article_id, idx, headline, subtitle, kicker, bylines, captions, kind, text, raw in conn.execute(
        "SELECT id, idx, headline, subtitle, kicker, bylines, captions, kind, text, raw FROM articles "
        "WHERE document_id = ? ORDER BY idx, id",
        (document_id,),
    ):
        ids.append(article_id)
        articles.append(Article(
            text=text or "", headline=headline, subtitle=subtitle, kicker=kicker,
            bylines=tuple(json.loads(bylines or "[]")), captions=tuple(json.loads(captions or "[]")),
            kind=kind or "news", raw=raw or "", index=idx or 0,
        ))
    return StoredDocument(document_id, document, tuple(ids), tuple(articles))


def _marks(ids: Sequence[int]) -> str:
    return ",".join("?" * len(ids))


def _visible_facts(conn, article_ids: Sequence[int]) -> frozenset[tuple]:
    return frozenset(conn.execute(
        f"SELECT s.name, r.relation, o.name, r.article_id FROM relations r "
        f"JOIN entities s ON s.id = r.subject_id JOIN entities o ON o.id = r.object_id "
        f"WHERE r.hidden = 0 AND r.article_id IN ({_marks(article_ids)})",
        list(article_ids),
    ).fetchall())


def _mentions(conn, article_ids: Sequence[int]) -> frozenset[tuple]:
    return frozenset(conn.execute(
        f"SELECT m.article_id, m.start, m.end, m.surface, e.type FROM mentions m "
        f"JOIN entities e ON e.id = m.entity_id WHERE m.article_id IN ({_marks(article_ids)})",
        list(article_ids),
    ).fetchall())


def _referenced(conn, article_ids: Sequence[int]) -> set[int]:
    marks, ids = _marks(article_ids), list(article_ids)
    return {r[0] for r in conn.execute(
        f"SELECT base_id FROM mentions WHERE article_id IN ({marks}) UNION "
        f"SELECT entity_id FROM mentions WHERE article_id IN ({marks}) UNION "
        f"SELECT subject_base FROM relations WHERE article_id IN ({marks}) UNION "
        f"SELECT object_base FROM relations WHERE article_id IN ({marks}) UNION "
        f"SELECT subject_id FROM relations WHERE article_id IN ({marks}) UNION "
        f"SELECT object_id FROM relations WHERE article_id IN ({marks})",
        ids * 6,
    )}


def unchanged(conn: sqlite3.Connection, stored: StoredDocument) -> bool:
    """The document was not replaced (nor removed) since it was read."""
    row = conn.execute("SELECT content_hash FROM documents WHERE id = ?", (stored.id,)).fetchone()
    ids = tuple(r[0] for r in conn.execute(
        "SELECT id FROM articles WHERE document_id = ? ORDER BY idx, id", (stored.id,)
    ))
    return row is not None and row[0] == stored.document.content_hash and ids == stored.article_ids


def swap(
    conn: sqlite3.Connection,
    stored: StoredDocument,
    analyses: Sequence[ArticleAnalysis],
    change_id: int | None = None,
) -> Swap:
    """Replace the document's mentions, facts and evidence by `analyses`
    (one per article, in order). The caller holds the write transaction and
    has checked `unchanged`."""
    if len(analyses) != len(stored.article_ids):
        raise ValueError("one analysis per article is required")
    ids = list(stored.article_ids)
    if not ids:
        lexicon.clear_pending(conn, stored.id)
        return Swap(stored.id, frozenset(), frozenset(), frozenset(), frozenset())
    mentions_before, facts_before = _mentions(conn, ids), _visible_facts(conn, ids)
    touched = _referenced(conn, ids)
    for table in ("evidence", "relations", "mentions"):
        conn.execute(f"DELETE FROM {table} WHERE article_id IN ({_marks(ids)})", ids)
    last_name = conn.execute("SELECT coalesce(max(id), 0) FROM names").fetchone()[0]
    rules = Rules.load(conn)
    resolver = writer.Resolver(conn, stored.document, rules)
    for article_id, article, analysis in zip(ids, stored.articles, analyses):
        _store_analysis(conn, article_id, edits.article_hash(article.text), analysis, resolver, rules)
    touched |= resolver.touched
    writer.recount(conn, touched)
    writer.collect_orphans(conn, touched, rules.refs)
    lexicon.record_names(conn, change_id, last_name)
    lexicon.clear_pending(conn, stored.id)
    return Swap(stored.id, mentions_before, _mentions(conn, ids), facts_before, _visible_facts(conn, ids), len(ids))


def _store_analysis(conn, article_id: int, key: str, analysis: ArticleAnalysis, resolver, rules) -> None:
    """One article's mentions and facts, resolved and stored as ingest stores them
    (store/writer.py `_store_batch`, for an article that is already stored)."""
    writer.insert_mentions(conn, article_id, key, analysis.mentions, resolver)
    writer.insert_relations(conn, article_id, key, analysis.relations, resolver, rules)
