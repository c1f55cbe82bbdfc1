"""Everything a project stores, as comparable rows (test helper).

Two projects built from the same files in the same order by a serial, a
parallel and a cluster ingest must be equal row for row, ids included: the
single writer stores documents in file order whatever finished first.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

# Every table an ingest writes, with the columns that must match. Only the
# ingest time differs between two runs.
TABLES = {
    "sources": "*",
    "documents": "id, path, content_hash, source_id, home_city, date, page, encoding, media_type",
    "articles": "*",
    "entities": "*",
    "names": "*",
    "mentions": "*",
    "relations": "*",
    "evidence": "*",
}


def dump(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {table: sorted(conn.execute(f"SELECT {columns} FROM {table}"), key=repr)
                for table, columns in TABLES.items()}
    finally:
        conn.close()


def differences(a: Path, b: Path) -> list[str]:
    """Which tables differ, with a first differing row each (empty: equal)."""
    left, right = dump(a), dump(b)
    found = []
    for table in TABLES:
        if left[table] != right[table]:
            only_left = [r for r in left[table] if r not in set(right[table])][:1]
            only_right = [r for r in right[table] if r not in set(left[table])][:1]
            found.append(f"{table}: {len(left[table])} vs {len(right[table])} rows; "
                         f"e.g. {only_left} vs {only_right}")
    return found
