"""A project's content without row ids (test helper for teaching, issue 16).

Re-analysis swaps an article's mentions and facts, so their ids change, and
an entity that goes and comes back gets a new id; what users see must not
change. Every row is named by content: entities by (key name, type, scope),
articles by their hash.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

QUERIES = {
    "entities": "SELECT key_name, key_type, key_scope, name, type, mentions, merged_into IS NOT NULL, origin "
                "FROM entities",
    "names": "SELECT e.key_name, e.key_type, n.name, n.is_alias, n.origin, n.mentions "
             "FROM names n JOIN entities e ON e.id = n.entity_id",
    "mentions": "SELECT a.content_hash, m.start, m.end, m.surface, b.key_name, b.key_type, e.key_name "
                "FROM mentions m JOIN articles a ON a.id = m.article_id "
                "JOIN entities b ON b.id = m.base_id JOIN entities e ON e.id = m.entity_id",
    "relations": "SELECT a.content_hash, s.key_name, r.relation, o.key_name, r.role, r.year, r.confidence, r.hidden "
                 "FROM relations r JOIN articles a ON a.id = r.article_id "
                 "JOIN entities s ON s.id = r.subject_id JOIN entities o ON o.id = r.object_id",
    "evidence": "SELECT a.content_hash, v.sentence, v.start, v.end FROM evidence v JOIN articles a ON a.id = v.article_id",
    "articles": "SELECT id, content_hash, text FROM articles",
}


def content(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {table: sorted(conn.execute(sql).fetchall(), key=repr) for table, sql in QUERIES.items()}
    finally:
        conn.close()


def differences(before: dict, after: dict) -> list[str]:
    found = []
    for table in QUERIES:
        if before[table] != after[table]:
            gone = [r for r in before[table] if r not in set(after[table])][:3]
            new = [r for r in after[table] if r not in set(before[table])][:3]
            found.append(f"{table}: {len(before[table])} vs {len(after[table])} rows; gone {gone}, new {new}")
    return found
