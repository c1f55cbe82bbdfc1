"""`explorer search|show|neighbours|path|query|rank` and the correction commands.

An entity is named by its name or alias (`--type` to disambiguate) or by
`#id`. Every command takes `--json` for scripts.
"""

from __future__ import annotations

import json
from dataclasses import asdict, is_dataclass

from explorer.cli import args as checked
from explorer.core import ENTITY_TYPES
from explorer.services import corrections, query


def register(subparsers) -> None:
    p = subparsers.add_parser("search", help="find entities by name, substring, alias or pinyin")
    p.add_argument("text")
    p.add_argument("--type", action="append", choices=ENTITY_TYPES, help="only this type (repeatable)")
    p.add_argument("--limit", type=checked.positive, default=20)
    _json(p).set_defaults(func=handle_search)

    p = subparsers.add_parser("show", help="an entity's facts with evidence, aliases and mentions")
    _entity_args(p)
    _json(p).set_defaults(func=handle_show)

    p = subparsers.add_parser("neighbours", help="entities within N facts of an entity")
    _entity_args(p)
    p.add_argument("--hops", type=checked.positive, default=1)
    p.add_argument("--only", action="append", choices=ENTITY_TYPES, help="keep neighbours of this type")
    p.add_argument("--limit", type=checked.positive, default=2000)
    _json(p).set_defaults(func=handle_neighbours)

    p = subparsers.add_parser("path", help="shortest chains of facts between two entities")
    p.add_argument("a", metavar="A")
    p.add_argument("b", metavar="B")
    p.add_argument("-k", type=checked.positive, default=3, help="how many paths")
    _json(p).set_defaults(func=handle_path)

    p = subparsers.add_parser("query", help='typed path query, e.g. "ORG-located_in->PLACE, ORG-awarded->HONOR"')
    p.add_argument("pattern")
    p.add_argument("--place", help="PLACE must be this place or lie inside it (e.g. 南通市)")
    p.add_argument("--limit", type=checked.positive, default=200)
    _json(p).set_defaults(func=handle_query)

    p = subparsers.add_parser("rank", help="most connected / mentioned / central entities")
    p.add_argument("--type", choices=ENTITY_TYPES)
    p.add_argument("--by", choices=("degree", "mentions", "pagerank", "betweenness"), default="degree")
    p.add_argument("--limit", type=checked.positive, default=20)
    _json(p).set_defaults(func=handle_rank)

    p = subparsers.add_parser("correct", help="fix the graph by hand (undoable, kept across re-ingest)")
    ops = p.add_subparsers(dest="op", metavar="OP", required=True)
    o = ops.add_parser("rename", help="rename an entity (the old name stays an alias)")
    _entity_args(o)
    o.add_argument("new_name")
    o = ops.add_parser("merge", help="merge OTHER into KEEP")
    o.add_argument("keep")
    o.add_argument("other")
    o = ops.add_parser("split", help="move the mentions in some articles to a new entity")
    _entity_args(o)
    o.add_argument("--article", type=checked.positive, action="append", required=True, help="article id (repeatable)")
    o.add_argument("--new-name")
    o = ops.add_parser("set-type", help="change an entity's type")
    _entity_args(o)
    o.add_argument("new_type", choices=ENTITY_TYPES)
    o = ops.add_parser("delete-fact", help="hide a wrong fact by its id (see `show`)")
    o.add_argument("fact_id", type=checked.positive)
    ops.add_parser("undo", help="undo the last correction")
    ops.add_parser("redo", help="redo the last undone correction")
    ops.add_parser("history", help="list corrections")
    _json(p).set_defaults(func=handle_correct)


def _json(parser):
    parser.add_argument("--json", action="store_true", help="print JSON")
    return parser


def _entity_args(parser) -> None:
    parser.add_argument("name", metavar="NAME", help="name, alias or #id")
    parser.add_argument("--type", choices=ENTITY_TYPES, help="when several entities share the name")


def _resolve(project, name: str, type_: str | None = None) -> int:
    if name.startswith("#") and name[1:].isdigit():
        return query.entity(project, int(name[1:])).id
    return query.find_entity(project, name, type_).id


def _dump(payload) -> None:
    def plain(value):
        if is_dataclass(value):
            return asdict(value)
        raise TypeError(type(value).__name__)

    print(json.dumps(payload, ensure_ascii=False, indent=2, default=plain))


def handle_search(args, ctx) -> int:
    hits = query.search(ctx.open(), args.text, args.type, args.limit)
    if args.json:
        _dump(hits)
    else:
        for h in hits:
            via = f"  (via {h.matched})" if h.matched else ""
            print(f"#{h.id:<7} {h.type:<8} {h.name}  [{h.mentions} mentions]{via}")
        if not hits:
            print("no match")
    return 0 if hits else 1


def _fact_line(f, detail_id: int | None = None) -> str:
    extra = ", ".join(x for x in (f.role, str(f.year) if f.year else None) if x)
    return f"[{f.relation_id}] {f.subject} -{f.relation}-> {f.object}" + (f" ({extra})" if extra else "")


def _evidence_lines(fact) -> list[str]:
    lines = []
    for e in fact.evidence:
        where = " ".join(x for x in (e.source, e.date, f"《{e.headline}》" if e.headline else None) if x)
        lines.append(f"      “{e.sentence.strip()}” — {where} (article {e.article_id})")
    return lines


def handle_show(args, ctx) -> int:
    project = ctx.open()
    detail = query.entity(project, _resolve(project, args.name, args.type))
    if args.json:
        _dump(detail)
        return 0
    print(f"#{detail.id} {detail.name} [{detail.type}]")
    if detail.aliases:
        print("  aliases: " + "、".join(detail.aliases))
    if detail.admin_path:
        print("  in: " + " → ".join(detail.admin_path))
    print(f"  facts ({len(detail.facts)}):")
    for f in detail.facts:
        print("    " + _fact_line(f))
        for line in _evidence_lines(f):
            print(line)
    print(f"  mentions ({len(detail.mentions)}):")
    for m in detail.mentions[:20]:
        print(f"    article {m.article_id} {m.date or ''} 《{m.headline or ''}》 “{m.surface}”")
    return 0


def handle_neighbours(args, ctx) -> int:
    project = ctx.open()
    center = _resolve(project, args.name, args.type)
    # the text listing shows no evidence: only --json pays for reading it
    graph = query.neighbourhood(project, center, args.hops, args.only, args.limit, with_evidence=args.json)
    if args.json:
        _dump({
            "center": center,
            "nodes": [{"id": n, **d} for n, d in graph.nodes(data=True)],
            "edges": [{"id": k, "subject": u, "object": v, **d} for u, v, k, d in graph.edges(keys=True, data=True)],
        })
        return 0
    print(f"{graph.number_of_nodes()} entities, {graph.number_of_edges()} facts within {args.hops} hop(s) of {graph.nodes[center]['name']}")
    for u, v, k, d in sorted(graph.edges(keys=True, data=True), key=lambda e: e[2]):
        print(f"  [{k}] {graph.nodes[u]['name']} -{d['relation']}-> {graph.nodes[v]['name']}")
    return 0


def handle_path(args, ctx) -> int:
    project = ctx.open()
    a, b = _resolve(project, args.a), _resolve(project, args.b)
    paths = query.shortest_paths(project, a, b, args.k)
    if args.json:
        _dump(paths)
    else:
        for number, hops in enumerate(paths, 1):
            print(f"path {number} ({len(hops)} hops):")
            for f in hops:
                print("  " + _fact_line(f))
                for line in _evidence_lines(f)[:1]:
                    print(line)
        if not paths:
            print("no path")
    return 0 if paths else 1


def handle_query(args, ctx) -> int:
    matches = query.typed_query(ctx.open(), args.pattern, args.place, args.limit)
    if args.json:
        _dump([{"entities": {v: {"id": i, "name": n} for v, (i, n) in m.entities.items()}, "facts": m.facts} for m in matches])
    else:
        for m in matches:
            print(", ".join(f"{var}={name}" for var, (_i, name) in m.entities.items()))
            for f in m.facts:
                print("    " + _fact_line(f))
        print(f"{len(matches)} match(es)")
    return 0


def handle_rank(args, ctx) -> int:
    ranked = query.rankings(ctx.open(), args.type, args.by, args.limit)
    if args.json:
        _dump([{"entity": hit, "score": score} for hit, score in ranked])
    else:
        for hit, score in ranked:
            print(f"{score:>10.4g}  #{hit.id:<7} {hit.type:<8} {hit.name}")
    return 0


def handle_correct(args, ctx) -> int:
    project = ctx.open()
    op = args.op
    if op == "rename":
        result = corrections.rename(project, _resolve(project, args.name, args.type), args.new_name)
    elif op == "merge":
        result = corrections.merge(project, _resolve(project, args.keep), _resolve(project, args.other))
    elif op == "split":
        edit = corrections.split(project, _resolve(project, args.name, args.type), args.article, args.new_name)
        result = {"edit": edit, "new_entity": corrections.split_entity_id(project, edit)}
    elif op == "set-type":
        result = corrections.set_type(project, _resolve(project, args.name, args.type), args.new_type)
    elif op == "delete-fact":
        result = corrections.delete_fact(project, args.fact_id)
    elif op == "undo":
        result = corrections.undo(project)
    elif op == "redo":
        result = corrections.redo(project)
    else:
        result = corrections.history(project)
    if args.json:
        _dump(result)
    elif op == "history":
        for e in result:
            print(f"{e['id']:>4} {'  ' if e['active'] else 'U '}{e['op']:<12} {json.dumps(e['params'], ensure_ascii=False)}")
    elif op in ("undo", "redo"):
        print(f"{op}: {result['op']} {json.dumps(result['params'], ensure_ascii=False)}" if result else f"nothing to {op}")
    else:
        print(f"done (edit {result['edit'] if isinstance(result, dict) else result})")
    return 0
