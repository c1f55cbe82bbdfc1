"""The project schema as an ordered list of named migrations.

Each migration runs once, inside a transaction, and is recorded by name in
`_migrations` (sqlite-utils' convention). A database that records a
migration this code does not know was written by a newer explorer: we
refuse to touch it rather than guess (`SchemaError`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime, timezone

import sqlite_utils

from explorer.errors import NotAProjectError, SchemaError
from explorer.store import files, lexicon, upgrades
from explorer.store import ocr as ocr_store

MIGRATIONS_TABLE = files.MIGRATIONS_TABLE


def _m001_core(db: sqlite_utils.Database) -> None:
    db["sources"].create({"id": int, "name": str, "home_city": str}, pk="id")
    db["sources"].create_index(["name"], unique=True)
    db["documents"].create(
        {
            "id": int, "path": str, "content_hash": str, "source_id": int, "home_city": str,
            "date": str, "page": str, "encoding": str, "media_type": str, "ingested_at": str,
        },
        pk="id",
        foreign_keys=[("source_id", "sources", "id")],
    )
    db["documents"].create_index(["path"], unique=True)
    db["articles"].create(
        {
            "id": int, "document_id": int, "idx": int, "headline": str, "subtitle": str,
            "kicker": str, "bylines": str, "captions": str, "kind": str, "text": str, "raw": str,
        },
        pk="id",
        foreign_keys=[("document_id", "documents", "id")],
    )
    db["articles"].create_index(["document_id", "idx"])
    # An entity row is born from a resolution key (key_name, key_type, key_scope);
    # name/type are what the user sees (corrections change them), merged_into
    # redirects a merged entity to the survivor.
    db["entities"].create(
        {
            "id": int, "key_name": str, "key_type": str, "key_scope": str, "name": str,
            "type": str, "attrs": str, "admin_code": str, "admin_path": str,
            "merged_into": int, "mentions": int, "origin": str,
        },
        pk="id",
        defaults={"key_scope": "", "mentions": 0, "origin": "ingest", "attrs": "{}"},
    )
    db["entities"].create_index(["key_name", "key_type", "key_scope"], unique=True)
    db["entities"].create_index(["merged_into"])
    db["entities"].create_index(["type", "mentions"])
    db["entities"].create_index(["admin_path"])
    db["mentions"].create(
        {
            "id": int, "article_id": int, "start": int, "end": int, "surface": str,
            "base_id": int, "entity_id": int,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db["mentions"].create_index(["article_id"])
    db["mentions"].create_index(["entity_id"])
    db["mentions"].create_index(["base_id"])
    # One row per stated fact; facts with the same ends, relation, role and
    # year are grouped when read (the group's smallest id is its key).
    db["relations"].create(
        {
            "id": int, "article_id": int, "subject_base": int, "object_base": int,
            "subject_id": int, "relation": str, "object_id": int, "role": str, "year": int,
            "confidence": float, "hidden": int,
        },
        pk="id",
        defaults={"hidden": 0},
    )
    db["relations"].create_index(["subject_id"])
    db["relations"].create_index(["object_id"])
    db["relations"].create_index(["article_id"])
    db["relations"].create_index(["relation"])
    db["evidence"].create(
        {
            "id": int, "relation_id": int, "article_id": int, "sentence": str, "start": int,
            "end": int, "confidence": float,
        },
        pk="id",
    )
    db["evidence"].create_index(["relation_id"])
    db["evidence"].create_index(["article_id"])


def _m002_search(db: sqlite_utils.Database) -> None:
    """Name index: every name and alias of an entity (this is the alias
    table: `is_alias`, `origin` = ingest or the edit that added it) with its pinyin, a trigram FTS5 table
    for 3+ character substrings and a gram table for 1-2 characters."""
    db.executescript(
        """
        CREATE TABLE names (
            id INTEGER PRIMARY KEY,
            entity_id INTEGER NOT NULL,
            name TEXT NOT NULL,
            is_alias INTEGER NOT NULL DEFAULT 0,
            origin TEXT NOT NULL DEFAULT 'ingest',
            pinyin TEXT NOT NULL DEFAULT '',
            initials TEXT NOT NULL DEFAULT '',
            mentions INTEGER NOT NULL DEFAULT 0,  -- copy of the entity's, for ranking in SQL
            UNIQUE(entity_id, name)
        );
        CREATE INDEX names_name ON names(name, mentions);
        CREATE INDEX names_pinyin ON names(pinyin, mentions);
        CREATE INDEX names_initials ON names(initials, mentions);
        CREATE VIRTUAL TABLE names_fts USING fts5(
            name, content='names', content_rowid='id', tokenize='trigram'
        );
        CREATE TRIGGER names_ai AFTER INSERT ON names BEGIN
            INSERT INTO names_fts(rowid, name) VALUES (new.id, new.name);
        END;
        CREATE TRIGGER names_ad AFTER DELETE ON names BEGIN
            INSERT INTO names_fts(names_fts, rowid, name) VALUES ('delete', old.id, old.name);
        END;
        CREATE TABLE name_grams (
            gram TEXT NOT NULL,
            is_prefix INTEGER NOT NULL,
            mentions INTEGER NOT NULL,
            name_id INTEGER NOT NULL,
            PRIMARY KEY (gram, name_id)
        ) WITHOUT ROWID;
        CREATE INDEX name_grams_rank ON name_grams(gram, is_prefix DESC, mentions DESC);
        CREATE INDEX name_grams_name ON name_grams(name_id);
        """
    )


def _m003_edits(db: sqlite_utils.Database) -> None:
    """User corrections, replayed in order (see store/edits.py)."""
    db["edits"].create(
        {"id": int, "op": str, "params": str, "created_at": str, "active": int},
        pk="id",
        defaults={"active": 1},
    )


def _m004_visible_pair_indexes(db: sqlite_utils.Database) -> None:
    """Graph walks ask "facts of X whose other end is in this set": with both
    ends in one index (visible facts only) a hub's thousands of facts are
    filtered inside the index instead of by reading each row."""
    db.executescript(
        """
        CREATE INDEX relations_out ON relations(subject_id, object_id) WHERE hidden = 0;
        CREATE INDEX relations_in ON relations(object_id, subject_id) WHERE hidden = 0;
        """
    )


def _m005_base_indexes(db: sqlite_utils.Database) -> None:
    """Re-ingest and garbage collection look facts up by what ingest resolved."""
    db.executescript(
        """
        CREATE INDEX relations_subject_base ON relations(subject_base);
        CREATE INDEX relations_object_base ON relations(object_base);
        """
    )


def _m006_covering_pair_indexes(db: sqlite_utils.Database) -> None:
    """A neighbourhood reads, per fact, its ends, relation, role, year and
    confidence: with all of them in the pair indexes a hop is answered from
    the index alone (no table row per fact). They replace 004's indexes,
    whose columns they start with, so ingest maintains no extra index."""
    db.executescript(
        """
        DROP INDEX IF EXISTS relations_out;
        DROP INDEX IF EXISTS relations_in;
        CREATE INDEX relations_out_facts ON relations(subject_id, object_id, relation, role, year, confidence)
            WHERE hidden = 0;
        CREATE INDEX relations_in_facts ON relations(object_id, subject_id, relation, role, year, confidence)
            WHERE hidden = 0;
        """
    )


def _m011_mention_parts(db: sqlite_utils.Database) -> None:
    """A mention indexes one part of its article: the text ('body', as before),
    the headline, or a byline printed apart from the text (the credited name)."""
    db.execute("ALTER TABLE mentions ADD COLUMN part TEXT NOT NULL DEFAULT 'body'")


MIGRATIONS: list[tuple[str, Callable[[sqlite_utils.Database], None]]] = [
    ("001_core", _m001_core),
    ("002_search", _m002_search),
    ("003_edits", _m003_edits),
    ("004_visible_pair_indexes", _m004_visible_pair_indexes),
    ("005_base_indexes", _m005_base_indexes),
    ("006_covering_pair_indexes", _m006_covering_pair_indexes),
    ("007_integrity_fix", upgrades.integrity_fix),
    ("007_project_marker", upgrades.project_marker),
    ("007_content_keys", upgrades.content_keys),
    ("009_lexicon", lexicon.migrate_009),  # the project lexicon and the article text index (issue 16)
    ("011_ocr", ocr_store.migrate_011),  # OCR confidence, article page regions, page pictures (issue 15)
    ("011_mention_parts", _m011_mention_parts),  # headline and byline mentions (issue 12)
]


def pending(done: Iterable[str]) -> list[str]:
    """Migrations a project that records `done` still needs (SchemaError if
    it records one this build does not know: a newer explorer wrote it)."""
    done = set(done)
    unknown = sorted(done - {name for name, _ in MIGRATIONS})
    if unknown:
        raise SchemaError(
            f"the project was written by a newer explorer (migrations {', '.join(unknown)})"
        )
    return [name for name, _ in MIGRATIONS if name not in done]


def _recorded(conn) -> tuple[int, set[str], set[str]]:
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    done = set()
    if MIGRATIONS_TABLE in tables:
        done = {r[0] for r in conn.execute(f"SELECT name FROM {MIGRATIONS_TABLE}")}
    return conn.execute("PRAGMA application_id").fetchone()[0], tables, done


def migrate(db: sqlite_utils.Database, path: str = "") -> list[str]:
    """Apply pending migrations, all in one transaction; return the names applied.

    The connection must be in autocommit mode (isolation_level=None). A kill
    at any moment leaves the old schema or the new one: the transaction is
    explicit (`BEGIN IMMEDIATE`, so concurrent openers wait on the busy
    handler), and what is pending is read again once the lock is held, so two
    processes creating one project never both run a migration. A step must
    not end the transaction (sqlite3's `executescript` commits; sqlite-utils'
    `db.executescript` does not inside a transaction): that is checked."""
    conn = db.conn
    if not pending(_recorded(conn)[2]):
        return []  # the common case takes no write lock
    conn.execute("BEGIN IMMEDIATE")
    try:
        app_id, tables, done = _recorded(conn)
        if files.classify(app_id, tables, done) is None:
            raise NotAProjectError(path, "not an explorer project (another application's SQLite database); left untouched")
        if MIGRATIONS_TABLE not in tables:
            conn.execute(f"CREATE TABLE {MIGRATIONS_TABLE} (name TEXT PRIMARY KEY, applied_at TEXT)")
        applied = []
        for name, step in MIGRATIONS:
            if name in done:
                continue
            step(db)
            if not conn.in_transaction:
                raise RuntimeError(f"migration {name} ended the transaction; it must not commit")
            conn.execute(
                f"INSERT INTO {MIGRATIONS_TABLE}(name, applied_at) VALUES (?, ?)",
                (name, datetime.now(timezone.utc).isoformat(timespec="seconds")),
            )
            applied.append(name)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return applied
