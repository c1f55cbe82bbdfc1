"""Read-side queries: rows for the graph layer and records for services.

Everything here runs on the calling thread's read-only connection. Merged
entities are invisible: an id of a merged entity is read as its survivor.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence

from explorer.core import (
    ArticleMention, ArticleRecord, EntityDetail, Evidence, Fact, MentionRecord,
)
from explorer.errors import NotFoundError
from explorer.graph import EdgeRow, FactRow, NodeRow
from explorer.store import ocr as ocr_store

_EDGE_COLUMNS = "r.id, r.subject_id, r.object_id, r.relation, r.role, r.year, r.confidence"
_VISIBLE = "merged_into IS NULL AND (origin = 'ingest' OR mentions > 0)"


def _chunks(ids: Iterable[int], size: int = 900):
    ids = list(dict.fromkeys(ids))
    for i in range(0, len(ids), size):
        chunk = ids[i : i + size]
        yield chunk, ",".join("?" * len(chunk))


class SqliteGraphReader:
    """`explorer.graph.GraphReader` over a project's reading connection."""

    def __init__(self, project):
        self._project = project

    @property
    def conn(self) -> sqlite3.Connection:
        return self._project.reader()

    def aliases(self, ids: Iterable[int]) -> dict[int, list[str]]:
        """Other names of each entity, including those of entities merged into it."""
        ids = json.dumps(sorted(set(ids)))
        own = dict(self.conn.execute(
            "SELECT id, name FROM entities WHERE id IN (SELECT value FROM json_each(?))", (ids,)).fetchall())
        return self._aliases(ids, own)

    def _aliases(self, ids_json: str, own_names: dict[int, str]) -> dict[int, list[str]]:
        """Names of the entities in `ids_json` and of those merged into them (in
        the order they were indexed) except each entity's own name; one query."""
        out: dict[int, list[str]] = {}
        for target, name in self.conn.execute(
            "SELECT owner, name FROM ("
            "SELECT n.entity_id AS owner, n.id AS nid, n.name AS name FROM names n "
            "WHERE n.entity_id IN (SELECT value FROM json_each(?1)) "
            "UNION ALL SELECT b.merged_into, n.id, n.name FROM entities b JOIN names n ON n.entity_id = b.id "
            "WHERE b.merged_into IN (SELECT value FROM json_each(?1))) ORDER BY nid",
            (ids_json,),
        ):
            if name != own_names.get(target):
                names = out.get(target)
                if names is None:
                    out[target] = [name]
                elif name not in names:
                    names.append(name)
        return out

    def nodes(self, ids: Iterable[int]) -> list[NodeRow]:
        """Visible entities among `ids` (in id order) with their aliases: two queries
        whatever the number of ids (they go in once, as JSON)."""
        ids_json = json.dumps(sorted(set(ids)))
        rows = self.conn.execute(
            "SELECT id, name, type, mentions, json_extract(attrs, '$.level') FROM entities "
            "WHERE id IN (SELECT value FROM json_each(?)) AND merged_into IS NULL ORDER BY id",
            (ids_json,),
        ).fetchall()
        if not rows:
            return []
        aliases = self._aliases(ids_json, {r[0]: r[1] for r in rows})
        no_aliases: tuple[str, ...] = ()
        return [NodeRow(i, n, t, m or 0, lvl, tuple(aliases[i]) if i in aliases else no_aliases)
                for i, n, t, m, lvl in rows]

    def ranked_neighbours(
        self, frontier: Iterable[int], exclude: set[int], types: Sequence[str] | None,
        relations: Sequence[str] | None, limit: int,
    ) -> list[int]:
        """Entities one fact away from `frontier`, most mentioned first, ranked and
        cut inside SQLite so that a hub's thousands of facts never become Python
        rows; one query (both id sets go in once, as JSON; the covering pair
        indexes answer it without reading table rows)."""
        if limit <= 0:
            return []
        rel = f" AND relation IN ({','.join('?' * len(relations))})" if relations else ""
        typ = f" AND e.type IN ({','.join('?' * len(types))})" if types else ""
        ends = json.dumps(sorted(set(frontier)))
        sql = (
            "SELECT e.id FROM entities e WHERE e.id IN ("
            "SELECT object_id FROM relations INDEXED BY relations_out_facts "
            f"WHERE subject_id IN (SELECT value FROM json_each(?)) AND hidden = 0{rel} "
            "UNION SELECT subject_id FROM relations INDEXED BY relations_in_facts "
            f"WHERE object_id IN (SELECT value FROM json_each(?)) AND hidden = 0{rel}) "
            f"AND e.merged_into IS NULL{typ} AND e.id NOT IN (SELECT value FROM json_each(?)) "
            "ORDER BY coalesce(e.mentions, 0) DESC, e.id LIMIT ?"
        )
        params = [ends, *(relations or ()), ends, *(relations or ()), *(types or ()),
                  json.dumps(sorted(exclude)), limit]
        return [r[0] for r in self.conn.execute(sql, params)]

    def edges_touching(
        self, ids: Iterable[int], relations: Sequence[str] | None = None, within: set[int] | None = None
    ) -> list[EdgeRow]:
        """Visible statements with an end in `ids` (and the other end in `within`, if given)."""
        extra, params = "", []
        if relations:
            extra = f" AND r.relation IN ({','.join('?' * len(relations))})"
            params = list(relations)
        inside = sorted(within) if within is not None and len(within) <= 20000 else None
        seen: dict[int, EdgeRow] = {}
        for chunk, marks in _chunks(ids, 400):
            for column, other in (("subject_id", "object_id"), ("object_id", "subject_id")):
                sql = f"SELECT {_EDGE_COLUMNS} FROM relations r WHERE r.{column} IN ({marks}) AND r.hidden = 0{extra}"
                args = [*chunk, *params]
                if inside is not None:
                    sql += f" AND r.{other} IN ({','.join('?' * len(inside))})"
                    args += inside
                for row in self.conn.execute(sql, args):
                    if within is None or (row[1] in within and row[2] in within):
                        seen[row[0]] = EdgeRow(*row)
        return list(seen.values())

    def all_nodes(self) -> list[NodeRow]:
        aliases: dict[int, list[str]] = {}
        for entity_id, name in self.conn.execute(
            "SELECT coalesce(b.merged_into, b.id), n.name FROM names n JOIN entities b ON b.id = n.entity_id ORDER BY n.id"
        ):
            aliases.setdefault(entity_id, []).append(name)
        return [
            NodeRow(i, n, t, m or 0, lvl, tuple(a for a in aliases.get(i, ()) if a != n))
            for i, n, t, m, lvl in self.conn.execute(
                f"SELECT id, name, type, mentions, json_extract(attrs, '$.level') FROM entities WHERE {_VISIBLE}"
            )
        ]

    def all_edges(self) -> list[EdgeRow]:
        return [EdgeRow(*row) for row in self.conn.execute(f"SELECT {_EDGE_COLUMNS} FROM relations r WHERE r.hidden = 0")]

    def facts_touching(
        self, ids: Iterable[int], within: Iterable[int], relations: Sequence[str] | None = None
    ) -> list[FactRow]:
        """Visible facts with one end in `ids` and the other in `within`, grouped
        by SQLite in one query (id sets go in once, as JSON). Each half seeks
        the covering index of its `ids` end and reads no table row; the
        planner would otherwise take the narrower one-column index, or seek
        every (ids x within) pair (hence INDEXED BY and the unary +). The
        second half skips what the first found: UNION ALL, no dedup b-tree."""
        rel = f" AND relation IN ({','.join('?' * len(relations))})" if relations else ""
        ends, members = json.dumps(sorted(set(ids))), json.dumps(sorted(set(within)))
        part = (
            "SELECT id, subject_id, object_id, relation, role, year, confidence FROM relations INDEXED BY {index} "
            "WHERE {a} IN (SELECT value FROM json_each(?)) AND +{b} IN (SELECT value FROM json_each(?)) "
            f"AND hidden = 0{rel}"
        )
        sql = (
            "SELECT min(id), subject_id, object_id, relation, role, year, max(confidence), group_concat(id) FROM ("
            + part.format(index="relations_out_facts", a="subject_id", b="object_id") + " UNION ALL "
            + part.format(index="relations_in_facts", a="object_id", b="subject_id")
            + " AND NOT (+subject_id IN (SELECT value FROM json_each(?)) AND +object_id IN (SELECT value FROM json_each(?)))"
            + ") GROUP BY subject_id, object_id, relation, role, year"
        )
        params = [ends, members, *(relations or ()), ends, members, *(relations or ()), ends, members]
        return [
            FactRow(key, s, o, r, role, year, conf,
                    (key,) if "," not in sids else tuple(sorted(int(i) for i in sids.split(","))))
            for key, s, o, r, role, year, conf, sids in self.conn.execute(sql, params)
        ]

    def all_facts(self) -> list[FactRow]:
        """Every visible fact, its statements grouped by SQLite (faster than in Python)."""
        return [
            FactRow(key, s, o, rel, role, year, conf, tuple(sorted(int(i) for i in ids.split(","))))
            for key, s, o, rel, role, year, conf, ids in self.conn.execute(
                "SELECT min(id), subject_id, object_id, relation, role, year, max(confidence), group_concat(id) "
                "FROM relations WHERE hidden = 0 GROUP BY subject_id, object_id, relation, role, year"
            )
        ]

    def evidence(self, statement_ids: Iterable[int] | None = None) -> dict[int, list[dict]]:
        """Evidence dicts per statement (in evidence order), with their article's
        headline, date and source joined in by SQLite: one query."""
        if statement_ids is None:  # the whole project: article metadata once per article
            meta = {r[0]: r[1:] for r in self.conn.execute(
                "SELECT a.id, a.headline, d.date, s.name FROM articles a JOIN documents d ON d.id = a.document_id "
                "LEFT JOIN sources s ON s.id = d.source_id")}
            missing = (None, None, None)
            rows = (
                (rel, sentence, art, *meta.get(art, missing), start, end, conf)
                for rel, sentence, art, start, end, conf in self.conn.execute(
                    "SELECT relation_id, sentence, article_id, start, end, confidence FROM evidence ORDER BY id")
            )
        else:
            rows = self.conn.execute(
                "SELECT ev.relation_id, ev.sentence, ev.article_id, a.headline, d.date, s.name, ev.start, ev.end, "
                "ev.confidence FROM evidence ev LEFT JOIN articles a ON a.id = ev.article_id "
                "LEFT JOIN documents d ON d.id = a.document_id LEFT JOIN sources s ON s.id = d.source_id "
                "WHERE ev.relation_id IN (SELECT value FROM json_each(?)) ORDER BY ev.id",
                (json.dumps(sorted(set(statement_ids))),),
            )
        out: dict[int, list[dict]] = {}
        for rel, sentence, art, headline, date, source, start, end, conf in rows:
            item = {
                "sentence": sentence, "article_id": art, "headline": headline, "date": date,
                "source": source or None, "start": start, "end": end, "confidence": conf,
            }
            items = out.get(rel)
            if items is None:
                out[rel] = [item]
            else:
                items.append(item)
        return out

    # --- records for services --------------------------------------------------------

    def effective_id(self, entity_id: int) -> int:
        row = self.conn.execute("SELECT coalesce(merged_into, id) FROM entities WHERE id = ?", (entity_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"entity {entity_id}")
        return row[0]

    def ids_named(self, name: str, type_: str | None = None) -> list[int]:
        """Entities whose name or alias is exactly `name` (display names first)."""
        rows = self.conn.execute(
            "SELECT e.id, e.type, e.name = ? AS own, e.mentions FROM names n JOIN entities b ON b.id = n.entity_id "
            "JOIN entities e ON e.id = coalesce(b.merged_into, b.id) WHERE n.name = ? "
            "UNION SELECT id, type, 1, mentions FROM entities WHERE name = ? AND merged_into IS NULL",
            (name, name, name),
        ).fetchall()
        best: dict[int, tuple] = {}
        for i, t, own, mentions in rows:
            if type_ and t != type_:
                continue
            if i not in best or own > best[i][0]:
                best[i] = (own, mentions)
        return sorted(best, key=lambda i: (-best[i][0], -best[i][1], i))

    def names_of(self, ids: Iterable[int]) -> dict[int, tuple[str, str]]:
        out = {}
        for chunk, marks in _chunks(ids):
            out.update({i: (n, t) for i, n, t in self.conn.execute(
                f"SELECT id, name, type FROM entities WHERE id IN ({marks})", chunk)})
        return out

    def statements_of(self, edge_key: int) -> list[int]:
        """All visible statements of the fact whose edge key (a statement id) is given."""
        return [r[0] for r in self.conn.execute(
            "SELECT r2.id FROM relations r1 JOIN relations r2 ON r2.subject_id = r1.subject_id "
            "AND r2.object_id = r1.object_id AND r2.relation = r1.relation AND r2.role IS r1.role "
            "AND r2.year IS r1.year WHERE r1.id = ? AND r2.hidden = 0 ORDER BY r2.id",
            (edge_key,),
        )]

    def facts(self, rows: Iterable[EdgeRow]) -> list[Fact]:
        """Group statements into facts with their evidence."""
        from explorer.graph.build import group_edges

        grouped = group_edges(rows)
        names = self.names_of({i for (s, o, *_rest) in grouped for i in (s, o)})
        evidence = self.evidence([sid for e in grouped.values() for sid in e.statements])
        facts = []
        for (s, o, *_), e in grouped.items():
            ev = tuple(
                Evidence(d["article_id"], d["sentence"], d["start"] or 0, d["end"] or 0,
                         d["confidence"] if d["confidence"] is not None else 0.5,
                         d["headline"], d["date"], d["source"])
                for sid in sorted(e.statements) for d in evidence.get(sid, ())
            )
            sn, st = names.get(s, ("?", "?"))
            on, ot = names.get(o, ("?", "?"))
            facts.append(Fact(e.key, e.relation, s, sn, st, o, on, ot, e.role, e.year, ev))
        facts.sort(key=lambda f: (f.relation, f.subject, f.object, f.relation_id))
        return facts

    def fact(self, edge_key: int) -> Fact:
        ids = self.statements_of(edge_key)
        rows = []
        for chunk, marks in _chunks(ids):
            rows += [EdgeRow(*r) for r in self.conn.execute(
                f"SELECT {_EDGE_COLUMNS} FROM relations r WHERE r.id IN ({marks})", chunk)]
        if not rows:
            raise NotFoundError(f"fact {edge_key}")
        return self.facts(rows)[0]

    def entity_detail(self, entity_id: int, mention_limit: int = 500) -> EntityDetail:
        entity_id = self.effective_id(entity_id)
        _, name, type_, attrs = self.conn.execute(
            "SELECT id, name, type, attrs FROM entities WHERE id = ?", (entity_id,)
        ).fetchone()
        attrs = json.loads(attrs or "{}")
        mentions = tuple(
            MentionRecord(*row) for row in self.conn.execute(
                "SELECT m.article_id, m.start, m.end, m.surface, a.headline, d.date FROM mentions m "
                "JOIN articles a ON a.id = m.article_id JOIN documents d ON d.id = a.document_id "
                "WHERE m.entity_id = ? ORDER BY d.date, m.article_id, m.start LIMIT ?",
                (entity_id, mention_limit),
            )
        )
        return EntityDetail(
            id=entity_id, name=name, type=type_,
            aliases=tuple(self.aliases([entity_id]).get(entity_id, ())),
            attrs=attrs,
            admin_path=tuple(attrs.get("admin_names", ())),
            facts=tuple(self.facts(self.edges_touching([entity_id]))),
            mentions=mentions,
        )

    def article_record(self, article_id: int) -> ArticleRecord:
        row = self.conn.execute(
            "SELECT a.id, a.text, a.headline, a.subtitle, a.bylines, a.kind, d.date, s.name, d.page, d.path "
            "FROM articles a JOIN documents d ON d.id = a.document_id LEFT JOIN sources s ON s.id = d.source_id "
            "WHERE a.id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            raise NotFoundError(f"article {article_id}")
        mentions = tuple(
            ArticleMention(*m) for m in self.conn.execute(
                "SELECT e.id, m.start, m.end, e.type, e.name FROM mentions m JOIN entities e ON e.id = m.entity_id "
                "WHERE m.article_id = ? AND m.part = 'body' ORDER BY m.start, m.end",  # offsets into the text
                (article_id,),
            )
        )
        return ArticleRecord(
            id=row[0], text=row[1], headline=row[2], subtitle=row[3], bylines=tuple(json.loads(row[4] or "[]")),
            kind=row[5] or "news", date=row[6], source=row[7] or None, page=row[8], path=row[9], mentions=mentions,
            ocr=ocr_store.article_view(self.conn, article_id),  # None unless read by OCR
        )

    # --- typed queries and rankings ------------------------------------------------------

    def clause_rows(self, relation: str, subject_type: str, object_type: str) -> list[EdgeRow]:
        return [EdgeRow(*r) for r in self.conn.execute(
            f"SELECT {_EDGE_COLUMNS} FROM relations r JOIN entities s ON s.id = r.subject_id "
            f"JOIN entities o ON o.id = r.object_id WHERE r.relation = ? AND r.hidden = 0 AND s.type = ? AND o.type = ?",
            (relation, subject_type, object_type),
        )]

    def places_within(self, place_id: int) -> set[int]:
        """The place and every place under it: by administrative code when the
        gazetteer linked them, and by located_in/part_of facts between places."""
        place_id = self.effective_id(place_id)
        code = self.conn.execute("SELECT admin_code FROM entities WHERE id = ?", (place_id,)).fetchone()[0]
        return self._places_under({place_id}, code)

    def places_under_code(self, code: str) -> set[int]:
        """Places inside an administrative division that is not itself an entity."""
        return self._places_under(set(), code)

    def _places_under(self, inside: set[int], code: str | None) -> set[int]:
        if code:
            inside |= {r[0] for r in self.conn.execute(
                f"SELECT id FROM entities WHERE admin_path LIKE ? AND {_VISIBLE}", (f"%/{code}/%",))}
        frontier = set(inside)
        while frontier:
            new = set()
            for chunk, marks in _chunks(frontier):
                new |= {r[0] for r in self.conn.execute(
                    f"SELECT r.subject_id FROM relations r JOIN entities s ON s.id = r.subject_id "
                    f"WHERE r.object_id IN ({marks}) AND r.relation IN ('located_in', 'part_of') "
                    f"AND r.hidden = 0 AND s.type = 'PLACE'",
                    chunk,
                )}
            frontier = new - inside
            inside |= new
        return inside

    def degree_ranking(self, type_: str | None, limit: int) -> list[tuple[int, float]]:
        where = "AND e.type = ?" if type_ else ""
        return [(i, float(c)) for i, c in self.conn.execute(
            f"SELECT e.id, count(*) AS c FROM (SELECT subject_id AS id FROM relations WHERE hidden = 0 "
            f"UNION ALL SELECT object_id FROM relations WHERE hidden = 0) d JOIN entities e ON e.id = d.id "
            f"WHERE e.merged_into IS NULL {where} GROUP BY e.id ORDER BY c DESC, e.id LIMIT ?",
            ([type_] if type_ else []) + [limit],
        )]

    def mention_ranking(self, type_: str | None, limit: int) -> list[tuple[int, float]]:
        where = "AND type = ?" if type_ else ""
        return [(i, float(c)) for i, c in self.conn.execute(
            f"SELECT id, mentions FROM entities WHERE {_VISIBLE} {where} ORDER BY mentions DESC, id LIMIT ?",
            ([type_] if type_ else []) + [limit],
        )]
