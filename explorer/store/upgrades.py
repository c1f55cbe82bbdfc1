"""Migrations 007: a project marker, SQLite 3.40's integrity check, content keys.

Each is a step of `schema.MIGRATIONS`, run inside the one transaction of
`schema.migrate` (statements one by one: nothing here may commit).
"""

from __future__ import annotations

import json

import sqlite_utils

from explorer.store.edits import article_hash
from explorer.store.files import APPLICATION_ID


def integrity_fix(db: sqlite_utils.Database) -> None:
    """SQLite 3.40.1 (Debian 12) reports "NULL value in name_grams.is_prefix"
    for every row of a WITHOUT ROWID table whose primary-key columns are not
    declared first, which hides real corruption in `PRAGMA integrity_check`.
    The same table with `name_id` right after `gram` checks clean."""
    for sql in (
        (
            "CREATE TABLE name_grams_007 (gram TEXT NOT NULL, name_id INTEGER NOT NULL, "
            "is_prefix INTEGER NOT NULL, mentions INTEGER NOT NULL, PRIMARY KEY (gram, name_id)) WITHOUT ROWID"
        ),
        (
            "INSERT INTO name_grams_007(gram, name_id, is_prefix, mentions) "
            "SELECT gram, name_id, is_prefix, mentions FROM name_grams"
        ),
        "DROP TABLE name_grams",
        "ALTER TABLE name_grams_007 RENAME TO name_grams",
        "CREATE INDEX name_grams_rank ON name_grams(gram, is_prefix DESC, mentions DESC)",
        "CREATE INDEX name_grams_name ON name_grams(name_id)",
    ):
        db.execute(sql)


def project_marker(db: sqlite_utils.Database) -> None:
    """Mark the file as an explorer project: `store.files` refuses to touch
    SQLite files without the mark (another application's database)."""
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def content_keys(db: sqlite_utils.Database) -> None:
    """Articles keyed by their content: a split correction names the articles
    by hash, so it follows an article that moved on its page and is reported
    when the article is gone; documents findable by hash, so a moved file is
    recognised. Existing splits named (path, index): they get the hash of the
    article stored there now."""
    db.execute("ALTER TABLE articles ADD COLUMN content_hash TEXT")
    rows = db.execute("SELECT id, text FROM articles").fetchall()
    db.conn.executemany(
        "UPDATE articles SET content_hash = ? WHERE id = ?", [(article_hash(text or ""), i) for i, text in rows]
    )
    db.execute("CREATE INDEX articles_content_hash ON articles(content_hash)")
    db.execute("CREATE INDEX documents_content_hash ON documents(content_hash)")
    for edit_id, params in db.execute("SELECT id, params FROM edits WHERE op = 'split'").fetchall():
        p = json.loads(params)
        p["articles"] = [_keyed(db, entry) for entry in p.get("articles", [])]
        db.execute("UPDATE edits SET params = ? WHERE id = ?", (json.dumps(p, ensure_ascii=False), edit_id))


def _keyed(db: sqlite_utils.Database, entry) -> dict:
    if isinstance(entry, dict):
        return entry
    path, idx = entry
    row = db.execute(
        "SELECT a.content_hash, a.headline FROM articles a JOIN documents d ON d.id = a.document_id "
        "WHERE d.path = ? AND a.idx = ?",
        (path, idx),
    ).fetchone()
    return {"hash": row[0] if row else None, "path": path, "idx": idx, "headline": row[1] if row else None}
