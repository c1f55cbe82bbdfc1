"""User corrections as a log of edits, replayed on top of what ingest found.

Each edit (rename, merge, split, set_type, delete_fact) is a row in `edits`
with JSON params naming entity ids. Entities an edit names are never
garbage-collected, so the ids stay valid when the articles are ingested
again, and ingest re-applies the edits as rules (`Rules`): merges redirect
through `entities.merged_into`, splits move the mentions of the chosen
articles (named by the hash of their text, so a split follows its article
wherever it lands on a re-ingested page, and `not_applying` reports it when
the article is gone), deleted facts are hidden again. Undo marks the last edit inactive and
rebuilds: reset every correction to what ingest found, replay the rest; that
is simpler and safer than writing an inverse for each operation.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime

from explorer.core import StaleCorrection
from explorer.errors import NotFoundError
from explorer.store import search

OPS = ("rename", "merge", "split", "set_type", "delete_fact")


def article_hash(text: str) -> str:
    """The content key of an article: its normalised text, hashed."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _split_hashes(p: dict) -> list[str]:
    return [a["hash"] for a in p.get("articles", []) if isinstance(a, dict) and a.get("hash")]


@dataclass
class Rules:
    """The active edits, in the form ingest needs them."""

    splits: dict[tuple[int, str], int] = field(default_factory=dict)  # (entity, article hash) -> new
    suppressed: set[tuple] = field(default_factory=set)
    refs: set[int] = field(default_factory=set)

    @classmethod
    def load(cls, conn: sqlite3.Connection) -> Rules:
        rules = cls()
        for op, params, active in conn.execute("SELECT op, params, active FROM edits ORDER BY id"):
            p = json.loads(params)
            rules.refs.update(_refs(op, p))
            if not active:
                continue
            if op == "split":
                for key in _split_hashes(p):
                    rules.splits[(p["entity"], key)] = p["new"]
            elif op == "delete_fact":
                rules.suppressed.add((p["subject"], p["relation"], p["object"], p.get("role"), p.get("year")))
        return rules

    def effective(
        self, conn: sqlite3.Connection, base: int, article_key: str, cache: dict[int, int] | None = None,
    ) -> int:
        """What `base` is after merges and splits, in the article whose hash is
        `article_key`. `cache` (id ->
        survivor) saves the lookup per mention when the caller knows no merge
        changes meanwhile (one document's ingest)."""
        entity = _effective(conn, base, cache)
        for _ in range(8):  # a chain of splits is short; the bound guards against cycles
            new = self.splits.get((entity, article_key))
            if new is None:
                break
            entity = _effective(conn, new, cache)
        return entity

    def is_suppressed(self, subject: int, relation: str, object_: int, role, year) -> bool:
        return (subject, relation, object_, role, year) in self.suppressed


def _refs(op: str, p: dict) -> set[int]:
    keys = {"rename": ("entity",), "set_type": ("entity",), "merge": ("keep", "other"),
            "split": ("entity", "new"), "delete_fact": ("subject", "object")}[op]
    return {p[k] for k in keys if p.get(k) is not None}


def _effective(conn: sqlite3.Connection, entity_id: int, cache: dict[int, int] | None = None) -> int:
    if cache is not None and entity_id in cache:
        return cache[entity_id]
    row = conn.execute("SELECT coalesce(merged_into, id) FROM entities WHERE id = ?", (entity_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"entity {entity_id}")
    if cache is not None:
        cache[entity_id] = row[0]
    return row[0]


# --- applying ---------------------------------------------------------------------


def record(conn: sqlite3.Connection, op: str, params: dict) -> tuple[int, set[int]]:
    """Store a new edit (dropping the redo stack) and apply it; return (edit id, touched)."""
    if op not in OPS:
        raise ValueError(f"unknown correction {op!r}")
    stale = conn.execute("SELECT id FROM edits WHERE active = 0").fetchall()
    conn.execute("DELETE FROM edits WHERE active = 0")
    now = datetime.now(UTC).isoformat(timespec="seconds")
    edit_id = conn.execute(
        "INSERT INTO edits(op, params, created_at, active) VALUES (?, ?, ?, 1)",
        (op, json.dumps(params, ensure_ascii=False), now),
    ).lastrowid
    touched = apply(conn, edit_id, op, params)
    if stale:
        touched |= _user_entities(conn)
    return edit_id, touched


def _user_entities(conn) -> set[int]:
    return {r[0] for r in conn.execute("SELECT id FROM entities WHERE origin = 'user'")}


def apply(conn: sqlite3.Connection, edit_id: int, op: str, p: dict) -> set[int]:
    """Apply one edit to the current state; returns the entities it touched."""
    origin = f"edit:{edit_id}"
    if op == "rename":
        conn.execute("UPDATE entities SET name = ? WHERE id = ?", (p["name"], p["entity"]))
        search.index_name(conn, p["entity"], p["name"], is_alias=False, origin=origin)
        return {p["entity"]}
    if op == "set_type":
        conn.execute("UPDATE entities SET type = ? WHERE id = ?", (p["type"], p["entity"]))
        return {p["entity"]}
    if op == "merge":
        keep, other = p["keep"], p["other"]
        conn.execute("UPDATE entities SET merged_into = ? WHERE id = ? OR merged_into = ?", (keep, other, other))
        conn.execute("UPDATE mentions SET entity_id = ? WHERE entity_id = ?", (keep, other))
        conn.execute("UPDATE relations SET subject_id = ? WHERE subject_id = ?", (keep, other))
        conn.execute("UPDATE relations SET object_id = ? WHERE object_id = ?", (keep, other))
        return {keep, other}
    if op == "split":
        entity, new = p["entity"], p["new"]
        conn.execute(
            "INSERT OR IGNORE INTO entities(id, key_name, key_type, key_scope, name, type, attrs, origin) "
            "SELECT ?, ?, type, ?, ?, type, attrs, 'user' FROM entities WHERE id = ?",
            (new, p["name"], origin, p["name"], entity),
        )
        search.index_name(conn, new, p["name"], is_alias=False, origin=origin)
        articles = _article_ids(conn, p)
        if articles:
            marks = ",".join("?" * len(articles))
            conn.execute(f"UPDATE mentions SET entity_id = ? WHERE entity_id = ? AND article_id IN ({marks})",
                         (new, entity, *articles))
            for column in ("subject_id", "object_id"):
                conn.execute(f"UPDATE relations SET {column} = ? WHERE {column} = ? AND article_id IN ({marks})",
                             (new, entity, *articles))
        return {entity, new}
    if op == "delete_fact":
        conn.execute(
            "UPDATE relations SET hidden = 1 WHERE subject_id = ? AND relation = ? AND object_id = ? "
            "AND role IS ? AND year IS ?",
            (p["subject"], p["relation"], p["object"], p.get("role"), p.get("year")),
        )
        return {p["subject"], p["object"]}
    raise ValueError(f"unknown correction {op!r}")


def _article_ids(conn, p: dict) -> list[int]:
    """The stored articles a split names, found by content wherever they are now."""
    ids = []
    for key in _split_hashes(p):
        ids.extend(r[0] for r in conn.execute("SELECT id FROM articles WHERE content_hash = ?", (key,)))
    return ids


def article_keys(conn, article_ids) -> list[dict]:
    """Content keys for article ids, with where they are now (for people)."""
    keys = []
    for article_id in article_ids:
        row = conn.execute(
            "SELECT a.content_hash, d.path, a.idx, a.headline, substr(a.text, 1, 24) FROM articles a "
            "JOIN documents d ON d.id = a.document_id WHERE a.id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            raise NotFoundError(f"article {article_id}")
        keys.append({"hash": row[0], "path": row[1], "idx": row[2], "headline": row[3], "preview": row[4]})
    return keys


def missing_articles(conn) -> set[tuple[int, str]]:
    """(edit id, article hash) of every active split whose article is no longer
    stored ("" for a split older than content keys whose article was gone)."""
    missing = set()
    for edit_id, params in conn.execute("SELECT id, params FROM edits WHERE op = 'split' AND active = 1").fetchall():
        p = json.loads(params)
        for entry in p.get("articles", []):
            key = entry.get("hash") if isinstance(entry, dict) else None
            if not key or conn.execute("SELECT 1 FROM articles WHERE content_hash = ?", (key,)).fetchone() is None:
                missing.add((edit_id, key or ""))
    return missing


def not_applying(conn, gone: set[tuple[int, str]] | None = None) -> list[StaleCorrection]:
    """Active corrections that no longer apply because their articles are gone
    (`gone`: only these (edit id, hash) pairs, e.g. what one ingest removed)."""
    gone = missing_articles(conn) if gone is None else gone
    out = []
    for edit_id in sorted({e for e, _ in gone}):
        row = conn.execute("SELECT op, params FROM edits WHERE id = ?", (edit_id,)).fetchone()
        if row is None:
            continue
        p = json.loads(row[1])
        keys = {k for e, k in gone if e == edit_id}
        entries = [a if isinstance(a, dict) else {"path": a[0], "idx": a[1]} for a in p.get("articles", [])]
        lost = tuple(
            f"《{a.get('headline') or (a.get('preview') or '?') + '…'}》 ({a.get('path')} #{a.get('idx')})"
            for a in entries if (a.get("hash") or "") in keys
        )
        out.append(StaleCorrection(
            edit_id, row[0], p.get("entity"),
            f"split of {_entity_name(conn, p.get('entity'))} (#{p.get('entity')}) into {p.get('name')} no longer "
            f"applies to {len(lost)} of {len(entries)} article(s): they were changed or removed",
            lost,
        ))
    return out


def _entity_name(conn, entity_id) -> str:
    row = conn.execute("SELECT name FROM entities WHERE id = ?", (entity_id,)).fetchone()
    return row[0] if row else "?"


def next_entity_id(conn) -> int:
    return (conn.execute("SELECT max(id) FROM entities").fetchone()[0] or 0) + 1


# --- undo / redo -------------------------------------------------------------------


def rebuild(conn: sqlite3.Connection) -> set[int]:
    """Reset every correction to what ingest found, then replay the active edits."""
    touched = set()
    for op, params in conn.execute("SELECT op, params FROM edits").fetchall():
        touched |= _refs(op, json.loads(params))
    touched |= {r[0] for r in conn.execute("SELECT id FROM entities WHERE merged_into IS NOT NULL")}
    conn.execute(
        "UPDATE entities SET name = key_name, type = key_type, merged_into = NULL "
        "WHERE name != key_name OR type != key_type OR merged_into IS NOT NULL"
    )
    conn.execute("UPDATE mentions SET entity_id = base_id WHERE entity_id != base_id")
    conn.execute(
        "UPDATE relations SET subject_id = subject_base, object_id = object_base, hidden = 0 "
        "WHERE subject_id != subject_base OR object_id != object_base OR hidden != 0"
    )
    search.drop_names(conn, "origin != 'ingest'")
    # entities created by splits stay (ids are reused by redo) but their own
    # key name must be findable again only while the split is active
    for edit_id, op, params in conn.execute(
        "SELECT id, op, params FROM edits WHERE active = 1 ORDER BY id"
    ).fetchall():
        touched |= apply(conn, edit_id, op, json.loads(params))
    return touched


def undo(conn: sqlite3.Connection) -> tuple[dict | None, set[int]]:
    row = conn.execute("SELECT id, op, params FROM edits WHERE active = 1 ORDER BY id DESC LIMIT 1").fetchone()
    if row is None:
        return None, set()
    conn.execute("UPDATE edits SET active = 0 WHERE id = ?", (row[0],))
    return {"id": row[0], "op": row[1], "params": json.loads(row[2])}, rebuild(conn)


def redo(conn: sqlite3.Connection) -> tuple[dict | None, set[int]]:
    row = conn.execute("SELECT id, op, params FROM edits WHERE active = 0 ORDER BY id LIMIT 1").fetchone()
    if row is None:
        return None, set()
    conn.execute("UPDATE edits SET active = 1 WHERE id = ?", (row[0],))
    params = json.loads(row[2])
    return {"id": row[0], "op": row[1], "params": params}, apply(conn, row[0], row[1], params)


def history(conn: sqlite3.Connection) -> list[dict]:
    return [
        {"id": i, "op": op, "params": json.loads(p), "created_at": t, "active": bool(a)}
        for i, op, p, t, a in conn.execute("SELECT id, op, params, created_at, active FROM edits ORDER BY id")
    ]
