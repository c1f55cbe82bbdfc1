"""Near names for a query that found nothing: a wrong character of the same
sound (pinyin), a typo (edit distance), a syllable too many or too few.

Candidates come from the indexes only (names with the same or a similar
pinyin prefix, names sharing a two-character gram with the query), at most a
few hundred, then ranked in Python by edit distance, so a suggestion costs
milliseconds however large the project is.
"""

from __future__ import annotations

import json
import re
import sqlite3

from explorer.core import EntityHit
from explorer.store.search import pinyin_forms

CANDIDATES_PER_PROBE = 120
_LATIN = re.compile(r"^[a-z0-9' ]+$")


def edit_distance(a: str, b: str, infix: bool = False) -> int:
    """Levenshtein distance; with `infix`, from `a` to the closest part of `b`
    (a query is usually part of a name: 泓月 is one character from 泓岳精工)."""
    previous = [0] * (len(b) + 1) if infix else list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return min(previous) if infix else previous[-1]


def _probe(conn, sql: str, params) -> list[int]:
    return [r[0] for r in conn.execute(sql + " LIMIT ?", (*params, CANDIDATES_PER_PROBE))]


def near_names(conn: sqlite3.Connection, query: str, limit: int = 5) -> list[EntityHit]:
    """Entities whose name or alias is close to `query`, closest first; the
    matched form is in `EntityHit.matched`, the distance in `-score`."""
    query = query.strip()
    if not query:
        return []
    latin = bool(_LATIN.match(query.lower()))
    key = re.sub(r"[^0-9a-z]", "", query.lower()) if latin else pinyin_forms(query)[0]
    if not key:
        return []
    ids: list[int] = []
    for size in (4, 3, 2):  # names whose pinyin starts like the query's
        if len(key) >= size:
            prefix = key[:size]
            ids += _probe(conn, "SELECT id FROM names WHERE pinyin >= ? AND pinyin < ? ORDER BY mentions DESC",
                          (prefix, prefix + "\x7f"))
    if latin and len(key) <= 6:
        ids += _probe(conn, "SELECT id FROM names WHERE initials >= ? AND initials < ? ORDER BY mentions DESC",
                      (key[:2], key[:2] + "\x7f"))
    if not latin:
        for i in range(len(query) - 1):  # names sharing two characters in a row with the query
            ids += _probe(conn, "SELECT name_id FROM name_grams WHERE gram = ? ORDER BY mentions DESC", (query[i:i + 2],))
    best: dict[int, tuple[float, EntityHit]] = {}
    rows = conn.execute(
        "SELECT e.id, n.name, e.name, e.type, e.mentions, n.pinyin, n.initials FROM names n "
        "JOIN entities b ON b.id = n.entity_id JOIN entities e ON e.id = coalesce(b.merged_into, b.id) "
        "WHERE n.id IN (SELECT value FROM json_each(?))",
        (json.dumps(sorted(set(ids))),),
    ).fetchall()
    for entity_id, matched, name, type_, mentions, full, initials in rows:
        distance = _distance(query, key, latin, matched, full, initials)
        if distance is None:
            continue
        hit = EntityHit(entity_id, name, type_, mentions or 0, matched="" if matched == name else matched, score=-distance)
        old = best.get(entity_id)
        if old is None or distance < old[0]:
            best[entity_id] = (distance, hit)
    ranked = sorted(best.values(), key=lambda item: (item[0], -item[1].mentions, len(item[1].name), item[1].id))
    return [hit for _d, hit in ranked[:limit]]


def _distance(query: str, key: str, latin: bool, name: str, full: str, initials: str) -> float | None:
    """How far a name is from the query, or None when it is too far to suggest."""
    if latin:
        d = float(edit_distance(key, full, infix=True))
        if 3 <= len(key) <= 6:  # initials typed with one slip (hyjk for hyjg)
            d = min(d, float(edit_distance(key, initials, infix=True)))
        allowed = max(1, len(key) // 3)
    else:
        # a homophone (same pinyin, other characters) counts as half a typo
        d = min(float(edit_distance(query, name, infix=True)), edit_distance(key, full, infix=True) / 2 + 0.5)
        allowed = max(1, len(query) // 3)
    return d if d <= allowed else None
