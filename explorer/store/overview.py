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

    def one(sql: str):
        return conn.execute(sql).fetchone()

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


def _entities(conn, ids) -> dict[int, tuple[str, str, int]]:
    """id -> (name, type, mentions) of visible entities among `ids` (one query)."""
    return {i: (n, t, m or 0) for i, n, t, m in conn.execute(
        "SELECT id, name, type, mentions FROM entities WHERE id IN (SELECT value FROM json_each(?)) "
        "AND merged_into IS NULL", (json.dumps(sorted(set(ids))),))}


def most_connected(conn: sqlite3.Connection, per_type: int = 5, types=CONNECTED_TYPES) -> dict[str, tuple[RankedEntity, ...]]:
    """The entities of each type with the most distinct partners (visible facts,
    counted per direction). Each direction is one pass over its covering index,
    already in entity order, so a 500k-fact project takes about a second."""
    degree: dict[int, int] = {}
    for sql in (
        "SELECT subject_id, count(DISTINCT object_id) FROM relations INDEXED BY relations_out_facts "
        "WHERE hidden = 0 GROUP BY subject_id",
        "SELECT object_id, count(DISTINCT subject_id) FROM relations INDEXED BY relations_in_facts "
        "WHERE hidden = 0 GROUP BY object_id",
    ):
        for entity_id, n in conn.execute(sql):
            degree[entity_id] = degree.get(entity_id, 0) + n
    out: dict[str, list[RankedEntity]] = {t: [] for t in types}
    ranked = sorted(degree.items(), key=lambda item: (-item[1], item[0]))
    for start in range(0, len(ranked), 2000):  # best connected first, until every type has its few
        chunk = ranked[start:start + 2000]
        known = _entities(conn, [i for i, _ in chunk])
        for entity_id, n in chunk:
            name, type_, _m = known.get(entity_id, ("", "", 0))
            if type_ in out and len(out[type_]) < per_type:
                out[type_].append(RankedEntity(entity_id, name, type_, n))
        if all(len(v) >= per_type for v in out.values()):
            break
    return {t: tuple(v) for t, v in out.items()}


def honours(conn: sqlite3.Connection) -> dict[int, tuple[str, list[str], int]]:
    """Every honoured organisation: id -> (name, honour names, mentions)."""
    pairs = conn.execute(
        "SELECT DISTINCT subject_id, object_id FROM relations WHERE relation = 'awarded' AND hidden = 0"
    ).fetchall()
    known = _entities(conn, [i for pair in pairs for i in pair])
    found: dict[int, tuple[str, list[str], int]] = {}
    for org, honour in pairs:
        if org in known and honour in known and known[org][1] == "ORG" and known[honour][1] == "HONOR":
            found.setdefault(org, (known[org][0], [], known[org][2]))[1].append(known[honour][0])
    for _name, names, _m in found.values():
        names.sort()
    return found


def honoured_organisations(honours: dict, limit: int = 10) -> tuple[RankedEntity, ...]:
    ranked = sorted(honours.items(), key=lambda item: (-len(item[1][1]), -item[1][2], item[0]))
    return tuple(RankedEntity(i, name, "ORG", len(names), tuple(names)) for i, (name, names, _m) in ranked[:limit])


def honoured_areas(conn: sqlite3.Connection, honours: dict, limit: int = 8, top: int = 3) -> tuple[AreaHonours, ...]:
    """Counties and districts by the number of honoured organisations in them.
    A fixed number of queries whatever the number of organisations: where they
    are located, one step up for places the gazetteer did not link, then the
    hierarchy or the county a name starts with (memoised per place)."""
    gaz = places.gazetteer()
    if gaz is None or not honours:
        return ()
    home = _home_cities(conn)
    located = _places_of(conn, list(honours))
    counties: dict = {}

    def county(code: str | None, name: str) -> str | None:
        if (code, name) not in counties:
            counties[(code, name)] = _county_of_code(gaz, code) or _county_by_prefix(gaz, name, home)
        return counties[(code, name)]

    members: dict[str, list[int]] = defaultdict(list)
    for org, (name, _names, _m) in honours.items():
        code = next((c for c in (county(pc, pn) for pc, pn in located.get(org, ())) if c), None)
        code = code or county(None, name)
        if code:
            members[code].append(org)

    def weight(code: str) -> tuple:
        return (-len(members[code]), -sum(len(honours[o][1]) for o in members[code]), code)

    chosen = sorted(members, key=weight)[:limit]
    entity_of = _entities_of_codes(conn, chosen)
    areas = []
    for code in chosen:
        orgs = sorted(members[code], key=lambda o: (-len(honours[o][1]), -honours[o][2], o))
        division = gaz.get(code)
        areas.append(AreaHonours(
            name=division.name if division else code, code=code, entity_id=entity_of.get(code),
            organisations=len(orgs), honours=sum(len(honours[o][1]) for o in orgs),
            top=tuple(RankedEntity(o, honours[o][0], "ORG", len(honours[o][1]), tuple(honours[o][1])) for o in orgs[:top]),
        ))
    return tuple(areas)


def _places_of(conn, orgs: list[int]) -> dict[int, list[tuple[str | None, str]]]:
    """(admin code, name) of the places each organisation is located in; for a
    place the gazetteer did not link, also the linked places it lies in (one step)."""
    rows = conn.execute(
        "SELECT r.subject_id, p.id, p.admin_code, p.name FROM relations r JOIN entities p ON p.id = r.object_id "
        "WHERE r.relation = 'located_in' AND r.hidden = 0 AND p.type = 'PLACE' "
        "AND r.subject_id IN (SELECT value FROM json_each(?)) ORDER BY r.subject_id, r.id",
        (json.dumps(orgs),),
    ).fetchall()
    unlinked = sorted({place for _org, place, code, _name in rows if not code})
    parents: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for child, code, name in conn.execute(
        "SELECT r.subject_id, p.admin_code, p.name FROM relations r JOIN entities p ON p.id = r.object_id "
        "WHERE r.subject_id IN (SELECT value FROM json_each(?)) AND r.relation IN ('located_in', 'part_of') "
        "AND r.hidden = 0 AND p.type = 'PLACE' AND p.admin_code IS NOT NULL",
        (json.dumps(unlinked),),
    ):
        parents[child].append((code, name))
    out: dict[int, list[tuple[str | None, str]]] = defaultdict(list)
    for org, place, code, name in rows:
        out[org].append((code, name))
        out[org].extend(parents.get(place, ()))
    return out


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


def _entities_of_codes(conn, codes: list[str]) -> dict[str, int]:
    """The place entity of each administrative code (the most mentioned), where the project has one."""
    found: dict[str, int] = {}
    for code, entity_id in conn.execute(
        "SELECT admin_code, id FROM entities WHERE type = 'PLACE' AND merged_into IS NULL "
        "AND admin_code IN (SELECT value FROM json_each(?)) ORDER BY mentions DESC, id",
        (json.dumps(codes),),
    ):
        found.setdefault(code, entity_id)
    return found


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
    filled: list[MonthCount] = []
    while len(filled) < MONTHS_SHOWN:
        key = f"{year:04d}-{month:02d}"
        filled.append(MonthCount(key, counted.get(key, 0)))
        if key >= end:
            return tuple(filled)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(MonthCount(m, n) for m, n in rows[-MONTHS_SHOWN:])  # a long span: the months that have articles

