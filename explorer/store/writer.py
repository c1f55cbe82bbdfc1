"""Storing one document in one transaction: articles, resolved entities,
mentions, facts with evidence, and the user's corrections re-applied.

Resolution rules (docs/data-model.md): an entity is keyed by canonical name
and type (persons also by the source's scope, so two 张伟 of unrelated papers
stay apart); a name that is a known alias of exactly one entity of that type
resolves to it; when an article reveals that a short form is an alias of a
full name, an entity created earlier under the short form is folded in.
Corrections (store/edits.py) are rules on top: merges redirect, splits move
the mentions of chosen articles, deleted facts stay hidden.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import datetime, timezone

from explorer.core import Article, ArticleAnalysis, Document, StoreResult
from explorer.core.paths import filesystem_path, storable_path
from explorer.store import edits, places, search
from explorer.store import ocr as ocr_store
from explorer.store.edits import Rules


def store_document(
    conn: sqlite3.Connection,
    document: Document,
    articles: Sequence[Article],
    analyses: Sequence[ArticleAnalysis],
) -> StoreResult:
    """Write one document; the caller holds the write transaction."""
    return store_document_batches(conn, document, [(articles, analyses)])


def store_document_batches(
    conn: sqlite3.Connection,
    document: Document,
    batches: Iterable[tuple[Sequence[Article], Sequence[ArticleAnalysis]]],
) -> StoreResult:
    """Write one document from batches of (articles, analyses), read one at a
    time, so a huge file never holds all its analyses in memory; the caller
    holds the one write transaction that makes the replacement atomic."""
    if storable_path(document.path) != document.path:  # a name that is not UTF-8: stored quoted
        document = dataclasses.replace(document, path=storable_path(document.path))
    row = conn.execute(
        "SELECT id, content_hash FROM documents WHERE path = ?", (document.path,)
    ).fetchone()
    if row and row[1] == document.content_hash:
        return StoreResult(document.path, "unchanged")
    if row is None:
        known = same_content(conn, document.path, document.content_hash)
        if known:
            return record_known(conn, document.path, *known)
    stale_before = edits.missing_articles(conn)  # report only what this document makes stale
    touched: set[int] = set()
    source_id = _source_id(conn, document)
    values = (
        document.content_hash, source_id, document.home_city, document.date, document.page,
        document.encoding, document.media_type, datetime.now(timezone.utc).isoformat(timespec="seconds"),
    )
    if row:
        doc_id, status = row[0], "replaced"
        touched |= remove_document_content(conn, doc_id)
        conn.execute(
            "UPDATE documents SET content_hash=?, source_id=?, home_city=?, date=?, page=?, "
            "encoding=?, media_type=?, ingested_at=? WHERE id=?",
            (*values, doc_id),
        )
    else:
        status = "added"
        doc_id = conn.execute(
            "INSERT INTO documents(content_hash, source_id, home_city, date, page, encoding, "
            "media_type, ingested_at, path) VALUES (?,?,?,?,?,?,?,?,?)",
            (*values, document.path),
        ).lastrowid
    ocr_store.store_pages(conn, doc_id, document)  # OCR confidence and page pictures, if any
    rules = Rules.load(conn)
    resolver = Resolver(conn, document, rules)
    n_articles = n_mentions = n_relations = 0
    for articles, analyses in batches:
        if len(articles) != len(analyses):
            raise ValueError("one analysis per article is required")
        n_articles += len(articles)
        counted = _store_batch(conn, document, doc_id, articles, analyses, resolver, rules)
        n_mentions += counted[0]
        n_relations += counted[1]
        resolver.end_batch()  # a huge file's memos would grow with all its names
    resolver.touched |= touched  # the old version's few ids into the document's set, not a copy of it
    touched = resolver.touched
    recount(conn, touched)
    removed = collect_orphans(conn, touched, rules.refs)
    stale = edits.not_applying(conn, edits.missing_articles(conn) - stale_before) if rules.splits else []
    return StoreResult(
        document.path, status, articles=n_articles,
        entities_new=len(resolver.created) - len(removed & resolver.created), mentions=n_mentions, relations=n_relations,
        stale_corrections=tuple(stale),
    )


def same_content(conn: sqlite3.Connection, path: str, content_hash: str) -> tuple[str, int, str] | None:
    """A stored document with these bytes under another path: ("moved", id,
    old path) when the old file is gone (a moved or renamed folder), else
    ("duplicate", id, old path), a copy that must not be stored twice."""
    rows = conn.execute(
        "SELECT id, path FROM documents WHERE content_hash = ? AND path != ? ORDER BY id", (content_hash, path)
    ).fetchall()
    if not rows:
        return None
    for doc_id, old in rows:
        if not os.path.lexists(filesystem_path(old)):
            return "moved", doc_id, old
    return "duplicate", rows[0][0], rows[0][1]


def record_known(conn: sqlite3.Connection, path: str, status: str, doc_id: int, old: str) -> StoreResult:
    """A moved file gets its new path; a duplicate changes nothing."""
    if status == "moved":
        conn.execute("UPDATE documents SET path = ? WHERE id = ?", (path, doc_id))
    return StoreResult(path, status, previous_path=old)


def _store_batch(conn, document, doc_id, articles, analyses, resolver, rules) -> tuple[int, int]:
    """Insert a batch of articles with their mentions and facts; returns the counts."""
    n_mentions = n_relations = 0
    for article, analysis in zip(articles, analyses):
        article_id = _insert_article(conn, doc_id, credited(article, analysis))
        key = edits.article_hash(article.text)
        n_mentions += insert_mentions(conn, article_id, key, analysis.mentions, resolver)
        n_relations += insert_relations(conn, article_id, key, analysis.relations, resolver, rules)
    return n_mentions, n_relations


def insert_mentions(conn: sqlite3.Connection, article_id: int, key: str, mentions, resolver) -> int:
    """An article's mentions resolved to entities, their surfaces kept as
    aliases (referring words such as 我市 never). Returns the count."""
    for m in mentions:
        attrs = dict(m.attrs)
        refers = attrs.pop("refers", None)  # 我市, 该区, 公司: a mention, never an alias
        base, entity = resolver.resolve(m.canonical, m.type, key, attrs)
        resolver.add_aliases(entity, m.type, m.canonical, m.aliases if refers else (m.surface, *m.aliases))
        conn.execute(  # part: the offsets index the text ('body'), the headline or the byline
            "INSERT INTO mentions(article_id, start, end, surface, base_id, entity_id, part) VALUES (?,?,?,?,?,?,?)",
            (article_id, m.start, m.end, m.surface, base, entity, m.part),
        )
    return len(mentions)


def insert_relations(conn: sqlite3.Connection, article_id: int, key: str, relations, resolver, rules) -> int:
    """An article's relations with their evidence; a fact the user deleted is
    stored hidden. Shared by ingest and re-analysis. Returns the count."""
    for r in relations:
        s_base, s_id = resolver.resolve(r.subject, r.subject_type, key)
        o_base, o_id = resolver.resolve(r.object, r.object_type, key)
        hidden = int(rules.is_suppressed(s_id, r.relation, o_id, r.role, r.year))
        rel_id = conn.execute(
            "INSERT INTO relations(article_id, subject_base, object_base, subject_id, relation, "
            "object_id, role, year, confidence, hidden) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (article_id, s_base, o_base, s_id, r.relation, o_id, r.role, r.year, r.confidence, hidden),
        ).lastrowid
        conn.execute(
            "INSERT INTO evidence(relation_id, article_id, sentence, start, end, confidence) VALUES (?,?,?,?,?,?)",
            (rel_id, article_id, r.evidence, r.evidence_start, r.evidence_end, r.confidence),
        )
    return len(relations)


def _source_id(conn: sqlite3.Connection, document: Document) -> int:
    name = document.source or ""
    conn.execute(
        "INSERT OR IGNORE INTO sources(name, home_city) VALUES (?, ?)", (name, document.home_city)
    )
    return conn.execute("SELECT id FROM sources WHERE name = ?", (name,)).fetchone()[0]


def credited(article: Article, analysis: ArticleAnalysis) -> Article:
    """The article with the people the NLP found credited (记者 X, X 摄) among its bylines:
    the bylines column is where a project keeps an article's credits."""
    names = tuple(dict.fromkeys((*article.bylines, *(c.person for c in analysis.credits))))
    return article if names == article.bylines else dataclasses.replace(article, bylines=names)


def _insert_article(conn: sqlite3.Connection, doc_id: int, a: Article) -> int:
    return conn.execute(
        "INSERT INTO articles(document_id, idx, headline, subtitle, kicker, bylines, captions, kind, text, raw, "
        "content_hash, ocr) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        (doc_id, a.index, a.headline, a.subtitle, a.kicker, json.dumps(list(a.bylines), ensure_ascii=False),
         json.dumps(list(a.captions), ensure_ascii=False), a.kind, a.text, a.raw, edits.article_hash(a.text),
         ocr_store.article_json(a)),  # OCR provenance (store/ocr.py), NULL for text files
    ).lastrowid


def remove_document_content(conn: sqlite3.Connection, doc_id: int) -> set[int]:
    """Delete a document's articles, mentions and facts; return the entities they touched."""
    arts = "SELECT id FROM articles WHERE document_id = ?"
    touched = {r[0] for r in conn.execute(
        f"SELECT base_id FROM mentions WHERE article_id IN ({arts}) UNION "
        f"SELECT entity_id FROM mentions WHERE article_id IN ({arts}) UNION "
        f"SELECT subject_base FROM relations WHERE article_id IN ({arts}) UNION "
        f"SELECT object_base FROM relations WHERE article_id IN ({arts}) UNION "
        f"SELECT subject_id FROM relations WHERE article_id IN ({arts}) UNION "
        f"SELECT object_id FROM relations WHERE article_id IN ({arts})",
        (doc_id,) * 6,
    )}
    for table in ("evidence", "relations", "mentions"):
        conn.execute(f"DELETE FROM {table} WHERE article_id IN ({arts})", (doc_id,))
    conn.execute("DELETE FROM articles WHERE document_id = ?", (doc_id,))
    ocr_store.remove_pages(conn, doc_id)
    return touched


def _sorted_ids(ids: Iterable[int]) -> list[int]:
    """Distinct ids in order; a set is not copied into another (a 50 MB
    file touches some 250,000 entities: 8 MB of set table)."""
    return sorted(i for i in (ids if isinstance(ids, (set, frozenset)) else set(ids)) if i is not None)


def _slices(ids: list[int], size: int):
    for i in range(0, len(ids), size):
        yield ids[i : i + size]


def recount(conn: sqlite3.Connection, entity_ids: Iterable[int]) -> None:
    """Refresh mention counts (search ranking) of the given entities."""
    ids = _sorted_ids(entity_ids)
    for chunk in _slices(ids, 900):
        marks = ",".join("?" * len(chunk))
        conn.execute(
            f"UPDATE entities SET mentions = (SELECT count(*) FROM mentions m WHERE m.entity_id = entities.id) "
            f"WHERE id IN ({marks})",
            chunk,
        )
    # after every count is final (a name counts its survivor's mentions), a
    # chunk at a time: one list of every name of a 50 MB file was ~50 MB
    for chunk in _slices(ids, REFRESH_CHUNK):
        search.refresh_mentions(conn, chunk)


REFRESH_CHUNK = 5000


def collect_orphans(conn: sqlite3.Connection, candidates: Iterable[int], keep: set[int]) -> set[int]:
    """Delete entities nothing refers to any more (unless a correction names them)."""
    removed: set[int] = set()
    for chunk in _slices(_sorted_ids(candidates), 900):
        chunk = [i for i in chunk if i not in keep]
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(
            f"SELECT id FROM entities e WHERE id IN ({marks}) AND merged_into IS NULL "
            "AND NOT EXISTS (SELECT 1 FROM mentions WHERE base_id = e.id OR entity_id = e.id) "
            "AND NOT EXISTS (SELECT 1 FROM relations WHERE subject_base = e.id OR object_base = e.id "
            "OR subject_id = e.id OR object_id = e.id) "
            "AND NOT EXISTS (SELECT 1 FROM entities x WHERE x.merged_into = e.id)",
            chunk,
        ).fetchall()
        for (entity_id,) in rows:
            search.drop_names(conn, "entity_id = ?", (entity_id,))
            conn.execute("DELETE FROM entities WHERE id = ?", (entity_id,))
            removed.add(entity_id)
    return removed


class Resolver:
    """Maps (canonical name, type) of one document to (base id, effective id)."""

    def __init__(self, conn: sqlite3.Connection, document: Document, rules: Rules):
        self.conn = conn
        self.rules = rules
        self.home_city = document.home_city
        self.person_scope = document.source or document.home_city or ""
        self.created: set[int] = set()
        self.touched: set[int] = set()
        # Memos (no correction runs during an ingest). Those that only save a
        # query, whose answer cannot change meanwhile, are emptied after each
        # batch (`end_batch`): names found by their key, survivor of each id,
        # names already indexed, aliases with nothing to fold. A name found
        # through an alias is pinned for the whole document: the alias may
        # become ambiguous later in it, and the first answer stands.
        self._cache: dict[tuple[str, str], int] = {}
        self._pinned: dict[tuple[str, str], int] = {}
        self._survivors: dict[int, int] = {}
        self._indexed: set[tuple[int, str]] = set()
        self._nothing_to_fold: set[tuple[str, str]] = set()

    def end_batch(self) -> None:
        """Forget what the database answers the same way (a file of 90,000
        articles would keep every name it holds, several times over)."""
        self._cache.clear()
        self._survivors.clear()
        self._indexed.clear()
        self._nothing_to_fold.clear()

    def _scope(self, type_: str) -> str:
        return self.person_scope if type_ == "PERSON" else ""

    def base_id(self, name: str, type_: str, attrs: dict | None = None) -> int:
        cached = self._cache.get((name, type_)) or self._pinned.get((name, type_))
        if cached is not None:
            return cached
        conn = self.conn
        row = conn.execute(
            "SELECT id FROM entities WHERE key_name = ? AND key_type = ? AND key_scope = ?",
            (name, type_, self._scope(type_)),
        ).fetchone()
        memo = self._cache  # found by its key: the same answer until a fold, which updates the memos
        if row is None:
            memo = self._pinned
        if row is None and type_ != "PERSON":
            owners = {r[0] for r in conn.execute(
                # +b.type: found by name (an index seek), not by walking every entity of the type
                "SELECT coalesce(b.merged_into, b.id) FROM names n JOIN entities b ON b.id = n.entity_id "
                "WHERE n.name = ? AND +b.type = ?",
                (name, type_),
            )}
            if len(owners) == 1:
                row = (owners.pop(),)
        if row is None and type_ == "PLACE":
            link = places.link_place(name, self.home_city)
            if link and link.path_names[0] != name:  # 南通 -> 南通市
                row = (self.base_id(link.path_names[0], type_, attrs),)
                search.index_name(conn, row[0], name, is_alias=True)
        if row is None:
            row = (self._create(name, type_, attrs or {}),)
            memo = self._cache  # now found by its key
        memo[(name, type_)] = row[0]
        return row[0]

    def _create(self, name: str, type_: str, attrs: dict) -> int:
        admin_code = admin_path = None
        if type_ == "PLACE":
            link = places.link_place(name, self.home_city)
            if link:
                admin_code, admin_path = link.code, link.path_codes
                attrs = {**attrs, "admin_names": list(link.path_names)}
                if link.level:
                    attrs.setdefault("level", link.level)
        entity_id = self.conn.execute(
            "INSERT INTO entities(key_name, key_type, key_scope, name, type, attrs, admin_code, admin_path, origin) "
            "VALUES (?,?,?,?,?,?,?,?, 'ingest')",
            (name, type_, self._scope(type_), name, type_, places.attrs_json(attrs), admin_code, admin_path),
        ).lastrowid
        search.index_name(self.conn, entity_id, name, is_alias=False)
        self._indexed.add((entity_id, name))
        self._nothing_to_fold.discard((name, type_))
        self.created.add(entity_id)
        return entity_id

    def resolve(self, name: str, type_: str, article_key: str, attrs: dict | None = None) -> tuple[int, int]:
        base = self.base_id(name, type_, attrs)
        entity = self.rules.effective(self.conn, base, article_key, self._survivors)
        self.touched.update((base, entity))
        return base, entity

    def add_aliases(self, entity_id: int, type_: str, canonical: str, forms: Iterable[str]) -> None:
        """Record short forms; fold an entity that was created under one of them."""
        for alias in dict.fromkeys(forms):
            # referring words (我市, 该区) carry the `refers` mark and never reach here as aliases
            if not alias or alias == canonical or len(alias) < 2:
                continue
            if (entity_id, alias) not in self._indexed:
                search.index_name(self.conn, entity_id, alias, is_alias=True)
                self._indexed.add((entity_id, alias))
            if type_ != "PERSON" and (alias, type_) not in self._nothing_to_fold:
                self._fold(alias, type_, entity_id)

    def _fold(self, alias: str, type_: str, into: int) -> None:
        conn = self.conn
        row = conn.execute(
            "SELECT id FROM entities WHERE key_name = ? AND key_type = ? AND key_scope = '' "
            "AND merged_into IS NULL AND origin = 'ingest'",
            (alias, type_),
        ).fetchone()
        if row is None:
            self._nothing_to_fold.add((alias, type_))
            return
        if row[0] == into or row[0] in self.rules.refs:
            return
        old = row[0]
        if conn.execute("SELECT 1 FROM entities WHERE merged_into = ?", (old,)).fetchone():
            return
        conn.execute("UPDATE mentions SET base_id = ?, entity_id = ? WHERE base_id = ?", (into, into, old))
        conn.execute("UPDATE relations SET subject_base = ?, subject_id = ? WHERE subject_base = ?", (into, into, old))
        conn.execute("UPDATE relations SET object_base = ?, object_id = ? WHERE object_base = ?", (into, into, old))
        for (name,) in conn.execute("SELECT name FROM names WHERE entity_id = ?", (old,)).fetchall():
            search.index_name(conn, into, name, is_alias=True)
        search.drop_names(conn, "entity_id = ?", (old,))
        conn.execute("DELETE FROM entities WHERE id = ?", (old,))
        self._cache = {k: v for k, v in self._cache.items() if v != old}
        self._pinned = {k: v for k, v in self._pinned.items() if v != old}
        self._survivors.pop(old, None)
        self._indexed = {k for k in self._indexed if k[0] != old}
        self.created.discard(old)
        self.touched.discard(old)
        self.touched.add(into)
