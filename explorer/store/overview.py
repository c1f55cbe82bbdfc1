"""What a project holds, for the home page and `explorer summary`.

Aggregates only (counts, top tens): every query is one pass over an index
or a GROUP BY, so the overview of a 100k-entity project is read in well
under a second on a worker. The honour board follows the question users ask
of a local paper, company → county → honour: organisations with the most
honours, and the counties and districts with the most honoured ones (an
organisation's county comes from where it is located, through the
administrative hierarchy, or from the county its name starts with, the way
official names are written: 高唐县禾丰农机专业合作社).
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict

from explorer.core.overview import AreaHonours, MonthCount, RankedEntity
from explorer.store import places

COUNTY_RANK = 2  # gazetteer rank of counties, districts, county-level cities and zones
CONNECTED_TYPES = ("PERSON", "ORG", "PROGRAM")
MONTHS_SHOWN = 240
_VISIBLE = "e.merged_into IS NULL AND (e.origin = 'ingest' OR e.mentions > 0)"


def counts(conn: sqlite3.Connection) -> dict:
    """Documents, articles, sources, date range, entities per type, facts."""
    one = lambda sql: conn.execute(sql).fetchone()
    first, last = one("SELECT min(date), max(date) FROM documents WHERE date IS NOT NULL AND date != ''")
    return {
        "documents": one("SELECT count(*) FROM documents")[0],
        "articles": one("SELECT count(*) FROM articles")[0],
        "sources": tuple(r[0] for r in conn.execute(
            "SELECT s.name FROM sources s WHERE s.name != '' AND EXISTS "
            "(SELECT 1 FROM documents d WHERE d.source_id = s.id) ORDER BY s.name")),
        "first_date": first,
        "last_date": last,
        "entities": dict(conn.execute(
            f"SELECT e.type, count(*) FROM entities e WHERE {_VISIBLE} GROUP BY e.type ORDER BY e.type").fetchall()),
        "relations": one("SELECT count(*) FROM relations WHERE hidden = 0")[0],
    }


def most_connected(conn: sqlite3.Connection, per_type: int = 5, types=CONNECTED_TYPES) -> dict[str, tuple[RankedEntity, ...]]:
    """The entities of each type with the most distinct neighbours (visible facts)."""
    marks = ",".join("?" * len(types))
    rows = conn.execute(
        "SELECT id, name, type, n FROM ("
        " SELECT e.id, e.name, e.type, d.n, row_number() OVER (PARTITION BY e.type ORDER BY d.n DESC, e.mentions DESC, e.id) AS rank"
        " FROM (SELECT id, count(DISTINCT other) AS n FROM ("
        "   SELECT subject_id AS id, object_id AS other FROM relations WHERE hidden = 0"
        "   UNION ALL SELECT object_id, subject_id FROM relations WHERE hidden = 0) GROUP BY id) d"
        f" JOIN entities e ON e.id = d.id WHERE e.merged_into IS NULL AND e.type IN ({marks}))"
        " WHERE rank <= ? ORDER BY type, n DESC, rank",
        (*types, per_type),
    ).fetchall()
    out: dict[str, list[RankedEntity]] = {t: [] for t in types}
    for entity_id, name, type_, n in rows:
        out[type_].append(RankedEntity(entity_id, name, type_, n))
    return {t: tuple(v) for t, v in out.items()}


def honours(conn: sqlite3.Connection) -> dict[int, tuple[str, list[str], int]]:
    """Every honoured organisation: id -> (name, honour names, mentions)."""
    found: dict[int, tuple[str, list[str], int]] = {}
    for org, name, mentions, honour in conn.execute(
        "SELECT DISTINCT s.id, s.name, s.mentions, o.name FROM relations r "
        "JOIN entities s ON s.id = r.subject_id JOIN entities o ON o.id = r.object_id "
        "WHERE r.relation = 'awarded' AND r.hidden = 0 AND s.type = 'ORG' AND o.type = 'HONOR' "
        "AND s.merged_into IS NULL ORDER BY s.id, o.name"
    ):
        found.setdefault(org, (name, [], mentions or 0))[1].append(honour)
    return found


def honoured_organisations(honours: dict, limit: int = 10) -> tuple[RankedEntity, ...]:
    ranked = sorted(honours.items(), key=lambda item: (-len(item[1][1]), -item[1][2], item[0]))
    return tuple(RankedEntity(i, name, "ORG", len(names), tuple(names)) for i, (name, names, _m) in ranked[:limit])


def honoured_areas(conn: sqlite3.Connection, honours: dict, limit: int = 8, top: int = 3) -> tuple[AreaHonours, ...]:
    """Counties and districts by the number of honoured organisations in them."""
    gaz = places.gazetteer()
    if gaz is None or not honours:
        return ()
    home = _home_cities(conn)
    located = _places_of(conn, list(honours))
    members: dict[str, list[int]] = defaultdict(list)
    for org, (name, _names, _m) in honours.items():
        code = None
        for place_code, place_name in located.get(org, ()):
            code = _county_of_code(gaz, place_code) or _county_by_prefix(gaz, place_name, home)
            if code:
                break
        code = code or _county_by_prefix(gaz, name, home)
        if code:
            members[code].append(org)
    areas = []
    for code, orgs in members.items():
        division = gaz.get(code)
        ranked = sorted(orgs, key=lambda o: (-len(honours[o][1]), -honours[o][2], o))
        areas.append(AreaHonours(
            name=division.name if division else code, code=code, entity_id=_entity_of_code(conn, code),
            organisations=len(orgs), honours=sum(len(honours[o][1]) for o in orgs),
            top=tuple(RankedEntity(o, honours[o][0], "ORG", len(honours[o][1]), tuple(honours[o][1])) for o in ranked[:top]),
        ))
    areas.sort(key=lambda a: (-a.organisations, -a.honours, a.code))
    return tuple(areas[:limit])


def _places_of(conn, orgs: list[int]) -> dict[int, list[tuple[str | None, str]]]:
    """(admin code, name) of the places each organisation is located in, followed
    up to three located_in/part_of steps for places the gazetteer did not link."""
    out: dict[int, list[tuple[str | None, str]]] = defaultdict(list)
    rows = conn.execute(
        "SELECT r.subject_id, p.id, p.admin_code, p.name FROM relations r JOIN entities p ON p.id = r.object_id "
        "WHERE r.relation = 'located_in' AND r.hidden = 0 AND p.type = 'PLACE' "
        "AND r.subject_id IN (SELECT value FROM json_each(?)) ORDER BY r.subject_id, r.id",
        (json.dumps(orgs),),
    ).fetchall()
    for org, place, code, name in rows:
        out[org].append((code, name))
        if not code:
            out[org].extend(_linked_ancestor(conn, place))
    return out


def _linked_ancestor(conn, place: int, steps: int = 3) -> list[tuple[str | None, str]]:
    frontier, seen, found = [place], {place}, []
    for _ in range(steps):
        rows = conn.execute(
            "SELECT p.id, p.admin_code, p.name FROM relations r JOIN entities p ON p.id = r.object_id "
            "WHERE r.subject_id IN (SELECT value FROM json_each(?)) AND r.relation IN ('located_in', 'part_of') "
            "AND r.hidden = 0 AND p.type = 'PLACE'",
            (json.dumps(frontier),),
        ).fetchall()
        frontier = [r[0] for r in rows if r[0] not in seen]
        seen.update(frontier)
        found += [(code, name) for _id, code, name in rows if code]
        if found or not frontier:
            break
    return found


def _county_of_code(gaz, code: str | None) -> str | None:
    if not code:
        return None
    for division in gaz.path(code):
        if division.rank == COUNTY_RANK:
            return division.code
    return None


def _county_by_prefix(gaz, name: str, home_cities: set[str]) -> str | None:
    """The county a name starts with (高唐县…, 阳谷经济开发区 → 阳谷县); with
    several counties of that name, the one under a home city of the project."""
    for size in range(min(len(name) - 1, 8), 1, -1):
        found = [d for d in gaz.lookup(name[:size]) if d.rank == COUNTY_RANK]
        if len(found) > 1:
            found = [d for d in found if any(p.name in home_cities for p in gaz.path(d.code))]
        if len(found) == 1:
            return found[0].code
    return None


def _home_cities(conn) -> set[str]:
    return {r[0] for r in conn.execute("SELECT DISTINCT home_city FROM documents WHERE home_city IS NOT NULL")}


def _entity_of_code(conn, code: str) -> int | None:
    row = conn.execute(
        "SELECT id FROM entities e WHERE admin_code = ? AND type = 'PLACE' AND merged_into IS NULL "
        "ORDER BY mentions DESC, id LIMIT 1",
        (code,),
    ).fetchone()
    return row[0] if row else None


def months(conn: sqlite3.Connection) -> tuple[MonthCount, ...]:
    """Articles per month of their page's date, with the empty months in between."""
    rows = conn.execute(
        "SELECT substr(d.date, 1, 7) AS m, count(a.id) FROM documents d JOIN articles a ON a.document_id = d.id "
        "WHERE d.date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*' GROUP BY m ORDER BY m"
    ).fetchall()
    if not rows:
        return ()
    counted = dict(rows)
    year, month = int(rows[0][0][:4]), int(rows[0][0][5:7])
    end = rows[-1][0]
    filled = []
    while len(filled) < MONTHS_SHOWN:
        key = f"{year:04d}-{month:02d}"
        filled.append(MonthCount(key, counted.get(key, 0)))
        if key >= end:
            return tuple(filled)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(MonthCount(m, n) for m, n in rows[-MONTHS_SHOWN:])  # a long span: the months that have articles

