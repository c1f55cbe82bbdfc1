"""The name index and name search.

Why this shape (see docs/data-model.md): Chinese names have no word
boundaries, so users type any substring. SQLite's FTS5 trigram tokenizer
answers substrings of 3+ characters from an index; it cannot answer 1-2
characters, so a `name_grams` table holds every 1- and 2-character gram of
every name with the name's mention count, indexed so that the best matches
come first without reading all of them. Pinyin (full and initials) is
computed once when a name is indexed, never at query time.
"""

from __future__ import annotations

import functools
import json
import re
import sqlite3
from collections.abc import Iterable, Sequence

from pypinyin import lazy_pinyin

from explorer.core import EntityHit

# Substring candidates taken from FTS before ranking in Python. A substring
# with more hits (有限公司) is answered by walking the gram index of its first
# two characters in mention order instead, so common queries stay fast and
# still return the most mentioned names.
CANDIDATE_CAP = 200
_MAX_CHAR = "\U0010ffff"
_LATIN = re.compile(r"^[a-z0-9' ]+$")


@functools.lru_cache(maxsize=1 << 16)
def pinyin_forms(name: str) -> tuple[str, str]:
    """Full pinyin without separators and initials, lower case ("luokejiahua", "lkjh")."""
    syllables = [s.lower() for s in lazy_pinyin(name) if s.strip()]
    full = "".join(re.sub(r"[^0-9a-z]", "", s) for s in syllables)
    initials = "".join(re.sub(r"[^0-9a-z]", "", s)[:1] for s in syllables)
    return full, initials


def grams(name: str) -> set[tuple[str, int]]:
    """(gram, is_prefix) for every 1- and 2-character gram of `name`."""
    out: set[tuple[str, int]] = set()
    for i in range(len(name)):
        for size in (1, 2):
            gram = name[i : i + size]
            if len(gram) == size:
                out.add((gram, int(i == 0)))
    # a gram that is both a prefix and inside the name keeps the prefix flag
    prefixed = {g for g, p in out if p}
    return {(g, p) for g, p in out if p or g not in prefixed}


def index_name(
    conn: sqlite3.Connection, entity_id: int, name: str, is_alias: bool,
    mentions: int = 0, origin: str = "ingest",
) -> None:
    """Add one name of an entity to the index (no-op if already there)."""
    full, initials = pinyin_forms(name)
    cur = conn.execute(
        "INSERT OR IGNORE INTO names(entity_id, name, is_alias, pinyin, initials, origin, mentions) "
        "VALUES (?,?,?,?,?,?,?)",
        (entity_id, name, int(is_alias), full, initials, origin, mentions),
    )
    if cur.rowcount:
        name_id = cur.lastrowid
        conn.executemany(
            "INSERT OR IGNORE INTO name_grams(gram, is_prefix, mentions, name_id) VALUES (?,?,?,?)",
            [(g, p, mentions, name_id) for g, p in grams(name)],
        )


def refresh_mentions(conn: sqlite3.Connection, entity_ids: Iterable[int]) -> None:
    """Copy mention counts into the name and gram indexes (they rank by them).

    Every name of the given entities, and of entities merged into them, gets
    the count of the entity it finds in search (the survivor of a merge).
    Set-based, and rows whose count did not change are not rewritten: most
    entities an article touches keep their rank."""
    ids = json.dumps(sorted({int(i) for i in entity_ids if i is not None}))
    counts = conn.execute(
        "SELECT n.id, coalesce(o.mentions, 0) FROM names n JOIN entities b ON b.id = n.entity_id "
        "JOIN entities o ON o.id = coalesce(b.merged_into, b.id) WHERE n.entity_id IN (SELECT value FROM json_each(?1)) "
        "UNION ALL SELECT n.id, coalesce(o.mentions, 0) FROM entities b JOIN names n ON n.entity_id = b.id "
        "JOIN entities o ON o.id = b.merged_into WHERE b.merged_into IN (SELECT value FROM json_each(?1)) "
        "AND b.id NOT IN (SELECT value FROM json_each(?1))",
        (ids,),
    ).fetchall()
    changes = [(m, nid, m) for nid, m in counts]
    conn.executemany("UPDATE name_grams SET mentions = ? WHERE name_id = ? AND mentions != ?", changes)
    conn.executemany("UPDATE names SET mentions = ? WHERE id = ? AND mentions != ?", changes)


def drop_names(conn: sqlite3.Connection, where: str, params: Sequence = ()) -> None:
    """Delete names matching `where` (on table names) and their grams."""
    conn.execute(f"DELETE FROM name_grams WHERE name_id IN (SELECT id FROM names WHERE {where})", params)
    conn.execute(f"DELETE FROM names WHERE {where}", params)


# --- reading ---------------------------------------------------------------------

# A merged entity's names find the survivor (merges never move names, so
# undoing one is cheap).
_HIT_SQL = (
    "SELECT e.id, n.name, e.name, e.type, e.mentions FROM names n "
    "JOIN entities b ON b.id = n.entity_id "
    "JOIN entities e ON e.id = coalesce(b.merged_into, b.id) WHERE n.id IN ({})"
)


def _fetch(conn, name_ids: Sequence[int]) -> list[tuple]:
    if not name_ids:
        return []
    rows = []
    ids = list(name_ids)
    for i in range(0, len(ids), 900):
        chunk = ids[i : i + 900]
        rows.extend(conn.execute(_HIT_SQL.format(",".join("?" * len(chunk))), chunk).fetchall())
    return rows


def _fetch_forms(conn, name_ids: Sequence[int]) -> list[tuple]:
    sql = (
        "SELECT e.id, e.name, e.type, e.mentions, n.pinyin, n.initials FROM names n "
        "JOIN entities b ON b.id = n.entity_id "
        "JOIN entities e ON e.id = coalesce(b.merged_into, b.id) WHERE n.id IN ({})"
    )
    rows, ids = [], list(name_ids)
    for i in range(0, len(ids), 900):
        chunk = ids[i : i + 900]
        rows.extend(conn.execute(sql.format(",".join("?" * len(chunk))), chunk).fetchall())
    return rows


def search_names(
    conn: sqlite3.Connection, text: str, types: Sequence[str] | None = None, limit: int = 50
) -> list[EntityHit]:
    """Rank: exact name (3) > prefix (2) > substring (1), then mentions."""
    query = text.strip()
    if not query:
        return []
    scored: dict[int, EntityHit] = {}
    type_set = set(types) if types else None

    def add(rows, score_of):
        for entity_id, matched_name, name, etype, mentions in rows:
            if type_set and etype not in type_set:
                continue
            score = score_of(matched_name)
            old = scored.get(entity_id)
            if old is None or score > old.score:
                matched = "" if matched_name == name else matched_name
                scored[entity_id] = EntityHit(entity_id, name, etype, mentions or 0, matched, score)

    def rank(matched: str) -> float:
        if matched == query:
            return 3.0
        if matched.startswith(query):
            return 2.0
        return 1.0

    want = limit * 4 if type_set else limit * 2
    exact = [r[0] for r in conn.execute("SELECT id FROM names WHERE name = ?", (query,))]
    add(_fetch(conn, exact), rank)
    prefixed = [r[0] for r in conn.execute(
        "SELECT id FROM names WHERE name >= ? AND name < ? ORDER BY mentions DESC LIMIT ?",
        (query, query + _MAX_CHAR, want),
    )]
    add(_fetch(conn, prefixed), rank)
    lowered = query.lower()
    if _LATIN.match(lowered):
        key = lowered.replace(" ", "").replace("'", "")
        for column in ("pinyin", "initials") if key else ():
            ids = [r[0] for r in conn.execute(
                f"SELECT id FROM names WHERE {column} = ? ORDER BY mentions DESC LIMIT ?", (key, want))]
            ids += [r[0] for r in conn.execute(
                f"SELECT id FROM names WHERE {column} > ? AND {column} < ? ORDER BY mentions DESC LIMIT ?",
                (key, key + "\x7f", want),
            )]
            rows = [
                (entity_id, full if column == "pinyin" else initials, name, etype, mentions)
                for entity_id, name, etype, mentions, full, initials in _fetch_forms(conn, ids)
            ]
            # pinyin ranks just below the same kind of Chinese match
            add(rows, lambda form: 2.5 if form == key else 1.5)
    if len(query) <= 2:
        ids = [r[0] for r in conn.execute(
            "SELECT name_id FROM name_grams WHERE gram = ? ORDER BY is_prefix DESC, mentions DESC LIMIT ?",
            (query, want),
        )]
    else:
        phrase = '"' + query.replace('"', '""') + '"'
        ids = [r[0] for r in conn.execute(
            "SELECT rowid FROM names_fts WHERE names_fts MATCH ? LIMIT ?", (phrase, CANDIDATE_CAP + 1)
        )]
        if len(ids) > CANDIDATE_CAP:
            ids = [r[0] for r in conn.execute(
                "SELECT g.name_id FROM name_grams g JOIN names n ON n.id = g.name_id "
                "WHERE g.gram = ? AND instr(n.name, ?) > 0 ORDER BY g.is_prefix DESC, g.mentions DESC LIMIT ?",
                (query[:2], query, want),
            )]
    add(_fetch(conn, ids), rank)
    hits = sorted(scored.values(), key=lambda h: (-h.score, -h.mentions, len(h.name), h.id))
    return hits[:limit]
