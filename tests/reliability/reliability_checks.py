"""Integrity checks of a project file, shared by the reliability tests.

They read the SQLite file directly (plain sqlite3, read-only) so that they
judge what is on disk, not what the store believes. The schema declares
foreign keys only on a few columns (see explorer/store/schema.py), so every
other reference is checked with an explicit anti-join.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

# (table, column, referenced table): every id column that points at another row.
REFERENCES = [
    ("documents", "source_id", "sources"),
    ("articles", "document_id", "documents"),
    ("mentions", "article_id", "articles"),
    ("mentions", "base_id", "entities"),
    ("mentions", "entity_id", "entities"),
    ("relations", "article_id", "articles"),
    ("relations", "subject_base", "entities"),
    ("relations", "object_base", "entities"),
    ("relations", "subject_id", "entities"),
    ("relations", "object_id", "entities"),
    ("evidence", "relation_id", "relations"),
    ("evidence", "article_id", "articles"),
    ("names", "entity_id", "entities"),
    ("name_grams", "name_id", "names"),
    ("entities", "merged_into", "entities"),
]


def connect(path: Path) -> sqlite3.Connection:
    # Not `mode=ro`: a reader must be able to replay a WAL left by a killed writer.
    # mode=rw: never create the file when the writer died before it did.
    return sqlite3.connect(f"file:{path}?mode=rw", uri=True, timeout=30)


def _has_schema(path: Path) -> bool:
    """False while the store has not committed its first migration yet."""
    if not Path(path).exists():
        return False
    conn = connect(path)
    try:
        return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'articles'").fetchone() is not None
    finally:
        conn.close()


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')}


_NULL_REPORT = re.compile(r"^NULL value in (\w+)\.(\w+)$")


def _false_null_report(conn: sqlite3.Connection, message: str) -> bool:
    """SQLite 3.40 reports "NULL value in t.c" for every row of a WITHOUT
    ROWID table whose primary key columns are not declared first (name_grams),
    even when no NULL is stored. Such a report is false iff a query finds none."""
    match = _NULL_REPORT.match(message)
    if not match:
        return False
    table, column = match.groups()
    return conn.execute(f'SELECT count(*) FROM "{table}" WHERE "{column}" IS NULL').fetchone()[0] == 0


def problems(path: Path) -> list[str]:
    """Every integrity problem found in the project at `path` (empty = sound)."""
    found: list[str] = []
    if not Path(path).exists():
        return found
    conn = connect(path)
    try:
        result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        result = [r for r in result if not _false_null_report(conn, r)] or ["ok"]
        if result != ["ok"]:
            found.append(f"integrity_check: {result[:5]}")
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
        if fk:
            found.append(f"foreign_key_check: {fk[:5]}")
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "documents" not in tables:
            return found  # killed before the schema was committed: an empty, sound file
        for table, column, target in REFERENCES:
            if table not in tables or column not in _columns(conn, table):
                found.append(f"schema changed: {table}.{column} is gone (update REFERENCES)")
                continue
            orphans = conn.execute(
                f'SELECT count(*) FROM "{table}" t WHERE t."{column}" IS NOT NULL '
                f'AND NOT EXISTS (SELECT 1 FROM "{target}" x WHERE x.rowid = t."{column}")'
            ).fetchone()[0]
            if orphans:
                found.append(f"{orphans} orphan {table}.{column} -> {target}")
        checks = {
            "document without articles": "SELECT count(*) FROM documents d WHERE NOT EXISTS "
            "(SELECT 1 FROM articles a WHERE a.document_id = d.id)",
            "relation without evidence": "SELECT count(*) FROM relations r WHERE NOT EXISTS "
            "(SELECT 1 FROM evidence e WHERE e.relation_id = r.id)",
            "evidence in another article than its relation": "SELECT count(*) FROM evidence e "
            "JOIN relations r ON r.id = e.relation_id WHERE r.article_id != e.article_id",
            "stale entity mention count": "SELECT count(*) FROM entities e WHERE e.mentions != "
            "(SELECT count(*) FROM mentions m WHERE m.entity_id = e.id)",
            "mention outside its article": "SELECT count(*) FROM mentions m JOIN articles a "
            "ON a.id = m.article_id WHERE m.start < 0 OR m.start >= m.end OR m.end > length(CASE m.part "
            "WHEN 'body' THEN a.text WHEN 'headline' THEN coalesce(a.headline, '') ELSE m.surface END)",
        }
        for label, sql in checks.items():
            n = conn.execute(sql).fetchone()[0]
            if n:
                found.append(f"{n} {label}")
        if "names_fts" in tables:
            try:
                conn.execute("INSERT INTO names_fts(names_fts) VALUES ('integrity-check')")
            except sqlite3.DatabaseError as exc:
                found.append(f"names_fts integrity-check: {exc}")
            conn.rollback()
    finally:
        conn.close()
    return found


def counts(path: Path) -> dict[str, int]:
    conn = connect(path)
    try:
        return {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("documents", "articles", "mentions", "relations", "evidence", "entities", "names")
        }
    finally:
        conn.close()


def article_signatures(path: Path) -> dict[tuple[str, int], tuple]:
    """(document path, article index) -> what was stored for that article.

    Independent of entity ids, so two projects built from the same files in
    the same order compare equal article by article.
    """
    if not _has_schema(path):
        return {}
    conn = connect(path)
    try:
        rows = conn.execute(
            "SELECT d.path, a.idx, a.headline, length(a.text), "
            "(SELECT count(*) FROM mentions m WHERE m.article_id = a.id), "
            "(SELECT count(*) FROM relations r WHERE r.article_id = a.id) "
            "FROM articles a JOIN documents d ON d.id = a.document_id"
        ).fetchall()
    finally:
        conn.close()
    return {(r[0], r[1]): r[2:] for r in rows}


def entity_signature(path: Path) -> set[tuple[str, str, int]]:
    conn = connect(path)
    try:
        return set(conn.execute("SELECT name, type, mentions FROM entities WHERE merged_into IS NULL"))
    finally:
        conn.close()
