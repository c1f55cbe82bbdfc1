"""The project lexicon in the store: taught names, not-a-name surfaces,
negative facts, and the text index that finds the articles they concern.

Taught and imported entries are rows of `lexicon` / `lexicon_negatives`.
What corrections teach is read from the `edits` log itself (a rename or merge
is an alias, a type change a typed entry, a deleted fact a negative fact), so
undo and redo of a correction change the lexicon with no second bookkeeping;
a row with the edit's id and `active = 0` records that the user removed that
piece of knowledge while keeping the correction.

`lexicon_changes` is the lexicon's own history (the panel's undo),
`lexicon_pending` the documents a change still has to re-analyse (a kill
mid-way leaves them there; the next run finishes them), `lexicon_names` the
aliases a change added to the name index (dropped again when it is undone).
`articles_text` is a trigram FTS5 index over article text (detail=none:
about 0.8x the text's size; candidates are confirmed with `instr`).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime

from explorer.core.lexicon import LexiconEntry, NegativeFact, ProjectLexicon


def migrate_009(db) -> None:
    """009_lexicon: the lexicon tables and the article text index (built for
    the articles already stored). Statements one by one: nothing here commits."""
    for sql in (
        ("CREATE TABLE lexicon (id INTEGER PRIMARY KEY, surface TEXT NOT NULL, type TEXT, canonical TEXT, "
        "origin TEXT NOT NULL, edit_id INTEGER, created TEXT NOT NULL, active INTEGER NOT NULL DEFAULT 1)"),
        "CREATE INDEX lexicon_surface ON lexicon(surface)",
        "CREATE INDEX lexicon_edit ON lexicon(edit_id)",
        ("CREATE TABLE lexicon_negatives (id INTEGER PRIMARY KEY, subject TEXT NOT NULL, relation TEXT NOT NULL, "
        "object TEXT NOT NULL, origin TEXT NOT NULL, edit_id INTEGER, created TEXT NOT NULL, "
        "active INTEGER NOT NULL DEFAULT 1)"),
        ("CREATE TABLE lexicon_changes (id INTEGER PRIMARY KEY, op TEXT NOT NULL, params TEXT NOT NULL, "
        "at TEXT NOT NULL, undone INTEGER NOT NULL DEFAULT 0)"),
        "CREATE TABLE lexicon_pending (document_id INTEGER PRIMARY KEY, change_id INTEGER)",
        "CREATE TABLE lexicon_names (change_id INTEGER NOT NULL, entity_id INTEGER NOT NULL, name TEXT NOT NULL)",
        "CREATE INDEX lexicon_names_change ON lexicon_names(change_id)",
        ("CREATE VIRTUAL TABLE articles_text USING fts5(text, content='articles', content_rowid='id', "
        "tokenize='trigram', detail='none')"),
        ("CREATE TRIGGER articles_text_ai AFTER INSERT ON articles BEGIN "
        "INSERT INTO articles_text(rowid, text) VALUES (new.id, new.text); END"),
        ("CREATE TRIGGER articles_text_ad AFTER DELETE ON articles BEGIN "
        "INSERT INTO articles_text(articles_text, rowid, text) VALUES ('delete', old.id, old.text); END"),
        ("CREATE TRIGGER articles_text_au AFTER UPDATE OF text ON articles BEGIN "
        "INSERT INTO articles_text(articles_text, rowid, text) VALUES ('delete', old.id, old.text); "
        "INSERT INTO articles_text(rowid, text) VALUES (new.id, new.text); END"),
        "INSERT INTO articles_text(articles_text) VALUES ('rebuild')",
    ):
        db.execute(sql)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# --- reading -------------------------------------------------------------------


def _entity(conn, entity_id) -> tuple[str, str, str] | None:
    """(key name, key type, shown name) of an entity."""
    return conn.execute("SELECT key_name, key_type, name FROM entities WHERE id = ?", (entity_id,)).fetchone()


def _learnt(conn, edit_id: int, op: str, p: dict, created: str, active: bool):
    """What one correction teaches: a LexiconEntry, a NegativeFact or None."""
    if op == "rename":
        row = _entity(conn, p["entity"])
        if row and row[0] != p["name"]:
            return LexiconEntry(row[0], row[1], p["name"], "rename", created, active, None, edit_id)
    elif op == "merge":
        other, keep = _entity(conn, p["other"]), _entity(conn, p["keep"])
        if other and keep and other[1] == keep[1] and other[0] != keep[2]:
            return LexiconEntry(other[0], other[1], keep[2], "merge", created, active, None, edit_id)
    elif op == "set_type":
        row = _entity(conn, p["entity"])
        if row and row[1] != p["type"]:
            canonical = row[2] if row[2] != row[0] else None
            return LexiconEntry(row[0], p["type"], canonical, "set-type", created, active, None, edit_id)
    elif op == "delete_fact":
        subject, object_ = _entity(conn, p["subject"]), _entity(conn, p["object"])
        if subject and object_:
            return NegativeFact(subject[0], p["relation"], object_[0], "delete-fact", created, active, None, edit_id)
    return None


def load(conn: sqlite3.Connection) -> ProjectLexicon:
    """Every entry and negative fact, active or not, oldest first (empty in a
    project opened read-only before migration 009)."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'lexicon'").fetchone() is None:
        return ProjectLexicon()
    removed = {r[0] for r in conn.execute("SELECT edit_id FROM lexicon WHERE edit_id IS NOT NULL AND active = 0")}
    learnt: list[tuple[str, object]] = []
    for edit_id, op, params, created, active in conn.execute(
        "SELECT id, op, params, created_at, active FROM edits WHERE op IN ('rename', 'merge', 'set_type', 'delete_fact') "
        "ORDER BY id"
    ).fetchall():
        item = _learnt(conn, edit_id, op, json.loads(params), created or "", bool(active) and edit_id not in removed)
        if item is not None:
            learnt.append((created or "", item))
    taught = [
        (created, LexiconEntry(surface, type_, canonical, origin, created, bool(active), row_id))
        for row_id, surface, type_, canonical, origin, created, active in conn.execute(
            "SELECT id, surface, type, canonical, origin, created, active FROM lexicon WHERE edit_id IS NULL ORDER BY id"
        )
    ]
    negatives = [
        (created, NegativeFact(s, r, o, origin, created, bool(active), row_id))
        for row_id, s, r, o, origin, created, active in conn.execute(
            "SELECT id, subject, relation, object, origin, created, active FROM lexicon_negatives ORDER BY id"
        )
    ]
    items = sorted([*learnt, *taught, *negatives], key=lambda pair: pair[0])  # stable: ids order ties
    return ProjectLexicon(
        tuple(i for _, i in items if isinstance(i, LexiconEntry)),
        tuple(i for _, i in items if isinstance(i, NegativeFact)),
    )


def articles_containing(conn: sqlite3.Connection, surface: str) -> list[tuple[int, int]]:
    """(article id, document id) of every article whose text contains
    `surface`, from the trigram index (3+ characters; shorter ones are looked
    up among the mentions' surfaces and, failing that, by a scan)."""
    if len(surface) >= 3 and not any(c in surface for c in "%_"):
        rows = conn.execute(
            "SELECT a.id, a.document_id FROM articles_text t JOIN articles a ON a.id = t.rowid "
            "WHERE t.text LIKE ? AND instr(a.text, ?) > 0",
            (f"%{surface}%", surface),
        ).fetchall()
    else:
        rows = conn.execute(
            "SELECT id, document_id FROM articles WHERE instr(text, ?) > 0", (surface,)
        ).fetchall()
    return sorted(set(rows))


def articles_naming(conn: sqlite3.Connection, name: str) -> list[tuple[int, int]]:
    """(article id, document id) of articles with a mention resolved to an
    entity whose key or shown name is `name` (a canonical name not written as such)."""
    rows = conn.execute(
        "SELECT DISTINCT a.id, a.document_id FROM entities e JOIN mentions m ON m.base_id = e.id "
        "JOIN articles a ON a.id = m.article_id WHERE e.key_name = ? "
        "UNION SELECT DISTINCT a.id, a.document_id FROM entities e JOIN mentions m ON m.entity_id = e.id "
        "JOIN articles a ON a.id = m.article_id WHERE e.name = ?",
        (name, name),
    ).fetchall()
    return sorted(set(rows))


def mention_counts(conn: sqlite3.Connection, surfaces: Iterable[str]) -> dict[str, int]:
    """How many stored mentions are written as each surface."""
    return {
        s: conn.execute("SELECT count(*) FROM mentions WHERE surface = ?", (s,)).fetchone()[0]
        for s in set(surfaces)
    }


def pending_documents(conn: sqlite3.Connection) -> list[int]:
    return [r[0] for r in conn.execute("SELECT document_id FROM lexicon_pending ORDER BY document_id")]


def changes(conn: sqlite3.Connection) -> list[dict]:
    return [
        {"id": i, "op": op, "params": json.loads(p), "at": at, "undone": bool(u)}
        for i, op, p, at, u in conn.execute("SELECT id, op, params, at, undone FROM lexicon_changes ORDER BY id")
    ]


# --- changing (the caller holds the write transaction) ----------------------------


def _log(conn, op: str, params: dict) -> int:
    return conn.execute(
        "INSERT INTO lexicon_changes(op, params, at) VALUES (?, ?, ?)",
        (op, json.dumps(params, ensure_ascii=False), now()),
    ).lastrowid


def add_entry(conn: sqlite3.Connection, entry: LexiconEntry) -> int:
    """Teach one entry (replacing the active taught entry of its surface); returns the change id."""
    replaced = [r[0] for r in conn.execute(
        "SELECT id FROM lexicon WHERE surface = ? AND edit_id IS NULL AND active = 1", (entry.surface,)
    )]
    if replaced:
        conn.execute(f"UPDATE lexicon SET active = 0 WHERE id IN ({','.join('?' * len(replaced))})", replaced)
    row_id = conn.execute(
        "INSERT INTO lexicon(surface, type, canonical, origin, created, active) VALUES (?,?,?,?,?,1)",
        (entry.surface, entry.type, entry.canonical, entry.origin, entry.created or now()),
    ).lastrowid
    return _log(conn, "add", {"surface": entry.surface, "entry": row_id, "replaced": replaced})


def remove_surface(conn: sqlite3.Connection, surface: str) -> int | None:
    """Stop using every active entry of `surface` (taught or learnt from a
    correction); returns the change id, None if there was none."""
    lexicon = load(conn)
    rows = [r[0] for r in conn.execute(
        "SELECT id FROM lexicon WHERE surface = ? AND edit_id IS NULL AND active = 1", (surface,)
    )]
    learnt = [e.edit_id for e in lexicon.entries if e.surface == surface and e.active and e.edit_id is not None]
    if not rows and not learnt:
        return None
    if rows:
        conn.execute(f"UPDATE lexicon SET active = 0 WHERE id IN ({','.join('?' * len(rows))})", rows)
    overrides = []
    for edit_id in learnt:
        overrides.append(conn.execute(
            "INSERT INTO lexicon(surface, origin, edit_id, created, active) VALUES (?, 'removed', ?, ?, 0)",
            (surface, edit_id, now()),
        ).lastrowid)
    return _log(conn, "remove", {"surface": surface, "entries": rows, "overrides": overrides})


def add_negative(conn: sqlite3.Connection, fact: NegativeFact) -> int:
    row_id = conn.execute(
        "INSERT INTO lexicon_negatives(subject, relation, object, origin, created, active) VALUES (?,?,?,?,?,1)",
        (fact.subject, fact.relation, fact.object, fact.origin, fact.created or now()),
    ).lastrowid
    return _log(conn, "add-fact", {"negative": row_id, "subject": fact.subject, "object": fact.object})


def undo_change(conn: sqlite3.Connection) -> dict | None:
    """Undo the last lexicon change not undone yet; returns it (with its surfaces)."""
    row = conn.execute("SELECT id, op, params FROM lexicon_changes WHERE undone = 0 ORDER BY id DESC LIMIT 1").fetchone()
    if row is None:
        return None
    change_id, op, params = row[0], row[1], json.loads(row[2])
    if op == "add":
        conn.execute("UPDATE lexicon SET active = 0 WHERE id = ?", (params["entry"],))
        _activate(conn, "lexicon", params["replaced"])
    elif op == "remove":
        _activate(conn, "lexicon", params["entries"])
        if params["overrides"]:
            conn.execute(f"DELETE FROM lexicon WHERE id IN ({','.join('?' * len(params['overrides']))})",
                         params["overrides"])
    elif op == "add-fact":
        conn.execute("UPDATE lexicon_negatives SET active = 0 WHERE id = ?", (params["negative"],))
    elif op == "import":
        conn.execute(f"UPDATE lexicon SET active = 0 WHERE id IN ({','.join('?' * len(params['entries']))})",
                     params["entries"])
        conn.execute(f"UPDATE lexicon_negatives SET active = 0 WHERE id IN ({','.join('?' * len(params['negatives']))})",
                     params["negatives"])
    conn.execute("UPDATE lexicon_changes SET undone = 1 WHERE id = ?", (change_id,))
    return {"id": change_id, "op": op, "params": params}


def _activate(conn, table: str, ids: list[int]) -> None:
    if ids:
        conn.execute(f"UPDATE {table} SET active = 1 WHERE id IN ({','.join('?' * len(ids))})", ids)


def import_all(conn: sqlite3.Connection, lexicon: ProjectLexicon) -> int:
    """Add every entry and negative fact of an imported lexicon as one change."""
    entries, negatives = [], []
    for entry in lexicon.entries:
        conn.execute("UPDATE lexicon SET active = 0 WHERE surface = ? AND edit_id IS NULL AND active = 1", (entry.surface,))
        entries.append(conn.execute(
            "INSERT INTO lexicon(surface, type, canonical, origin, created, active) VALUES (?,?,?,?,?,1)",
            (entry.surface, entry.type, entry.canonical, entry.origin, now()),
        ).lastrowid)
    for fact in lexicon.negatives:
        negatives.append(conn.execute(
            "INSERT INTO lexicon_negatives(subject, relation, object, origin, created, active) VALUES (?,?,?,?,?,1)",
            (fact.subject, fact.relation, fact.object, fact.origin, now()),
        ).lastrowid)
    return _log(conn, "import", {"entries": entries, "negatives": negatives})


def mark_pending(conn: sqlite3.Connection, document_ids: Iterable[int], change_id: int | None) -> None:
    conn.executemany(
        "INSERT OR REPLACE INTO lexicon_pending(document_id, change_id) VALUES (?, ?)",
        [(d, change_id) for d in set(document_ids)],
    )


def clear_pending(conn: sqlite3.Connection, document_id: int) -> None:
    conn.execute("DELETE FROM lexicon_pending WHERE document_id = ?", (document_id,))


def record_names(conn: sqlite3.Connection, change_id: int | None, after_name_id: int) -> None:
    """Remember the names a change's re-analysis added (ids above `after_name_id`)."""
    if change_id is not None:
        conn.execute(
            "INSERT INTO lexicon_names(change_id, entity_id, name) SELECT ?, entity_id, name FROM names WHERE id > ?",
            (change_id, after_name_id),
        )


def _live_change(conn, change_id: int) -> bool:
    row = conn.execute("SELECT op, params, undone FROM lexicon_changes WHERE id = ?", (change_id,)).fetchone()
    if row is None or row[2]:
        return False
    params = json.loads(row[1])
    ids = [params["entry"]] if row[0] == "add" else params.get("entries", [])
    return any(conn.execute("SELECT 1 FROM lexicon WHERE id = ? AND active = 1", (i,)).fetchone() for i in ids)


def drop_stale_names(conn: sqlite3.Connection, keep_used: bool = True) -> int:
    """Aliases a change's re-analysis added to the name index go again once
    the change is undone or its entry removed (the index then finds only what
    it found before the change). Before the documents are swapped back they
    go unconditionally (`keep_used=False`), so that resolution does not
    follow them; the swaps index again what the new analyses write."""
    dropped = 0
    for (change_id,) in conn.execute("SELECT DISTINCT change_id FROM lexicon_names").fetchall():
        if _live_change(conn, change_id):
            continue
        for entity_id, name in conn.execute(
            "SELECT entity_id, name FROM lexicon_names WHERE change_id = ?", (change_id,)
        ).fetchall():
            if keep_used and _used(conn, entity_id, name):
                continue
            if conn.execute("SELECT 1 FROM entities WHERE id = ? AND (key_name = ? OR name = ?)",
                            (entity_id, name, name)).fetchone():
                continue
            where = "entity_id = ? AND name = ? AND origin = 'ingest' AND is_alias = 1"
            conn.execute(f"DELETE FROM name_grams WHERE name_id IN (SELECT id FROM names WHERE {where})",
                         (entity_id, name))
            dropped += conn.execute(f"DELETE FROM names WHERE {where}", (entity_id, name)).rowcount
        conn.execute("DELETE FROM lexicon_names WHERE change_id = ?", (change_id,))
    return dropped


def _used(conn, entity_id: int, name: str) -> bool:
    return conn.execute(
        "SELECT 1 FROM mentions WHERE (entity_id = ? OR base_id = ?) AND surface = ? LIMIT 1",
        (entity_id, entity_id, name),
    ).fetchone() is not None
