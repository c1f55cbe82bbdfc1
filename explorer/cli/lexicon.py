"""`explorer lexicon list|add|remove|undo|resume|export|import`: what the project was taught.

`add` and `remove` re-analyse every article the change concerns before they
return, and print what changed (issue 16).
"""

from __future__ import annotations

import json
import sys

from explorer.core import ENTITY_TYPES, TaskState
from explorer.services import lexicon, teach


def register(subparsers) -> None:
    p = subparsers.add_parser("lexicon", help="names the project was taught (taught names, not-a-name, aliases)")
    ops = p.add_subparsers(dest="op", metavar="OP", required=True)
    o = ops.add_parser("list", help="every active entry with its origin and the mentions it affects")
    o.add_argument("--all", action="store_true", help="also entries that were removed or undone")
    o.add_argument("--json", action="store_true", help="machine-readable output")
    o.set_defaults(func=handle_list)
    o = ops.add_parser("add", help="teach a name (or that something is not a name) and re-analyse")
    o.add_argument("name", metavar="NAME")
    kind = o.add_mutually_exclusive_group(required=True)
    kind.add_argument("--type", choices=ENTITY_TYPES, help="the name's type")
    kind.add_argument("--not-a-name", action="store_true", help="NAME is never a name")
    o.add_argument("--canonical", metavar="NAME", help="the full name NAME stands for")
    o.add_argument("--json", action="store_true")
    o.set_defaults(func=handle_add)
    o = ops.add_parser("remove", help="forget every entry of NAME and re-analyse")
    o.add_argument("name", metavar="NAME")
    o.add_argument("--json", action="store_true")
    o.set_defaults(func=handle_remove)
    o = ops.add_parser("undo", help="undo the last lexicon change and re-analyse")
    o.add_argument("--json", action="store_true")
    o.set_defaults(func=handle_undo)
    o = ops.add_parser("resume", help="finish a re-analysis that was interrupted")
    o.add_argument("--json", action="store_true")
    o.set_defaults(func=handle_resume)
    o = ops.add_parser("export", help="write the lexicon as TSV (to share what the newsroom taught)")
    o.add_argument("file", metavar="FILE.tsv")
    o.set_defaults(func=handle_export)
    o = ops.add_parser("import", help="add a lexicon TSV to the project and re-analyse")
    o.add_argument("file", metavar="FILE.tsv")
    o.add_argument("--json", action="store_true")
    o.set_defaults(func=handle_import)


def _progress() -> TaskState:
    """Progress on stderr when it is a terminal (stdout stays clean for scripts)."""
    if not sys.stderr.isatty():
        return TaskState()
    return TaskState(on_progress=lambda f, m: print(f"\r  re-analysing {f:4.0%} {m}   ", end="", file=sys.stderr))


def _report(args, report) -> int:
    if sys.stderr.isatty():
        print(file=sys.stderr)
    if getattr(args, "json", False):
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(report.summary(chinese=False))
        print(f"  {report.documents} documents re-analysed in {report.seconds:.1f} s; "
              f"mentions +{report.new_mentions} -{report.removed_mentions}, "
              f"facts +{report.new_facts} -{report.removed_facts}")
    return 130 if report.cancelled else 0


def handle_list(args, ctx) -> int:
    project = ctx.open()
    views = lexicon.entries(project, include_inactive=args.all)
    facts = lexicon.negatives(project, include_inactive=args.all)
    pending = lexicon.pending_documents(project)
    if args.json:
        print(json.dumps({
            "entries": [v.as_dict() for v in views],
            "negative_facts": [{"subject": n.subject, "relation": n.relation, "object": n.object,
                                "origin": n.origin, "active": n.active} for n in facts],
            "pending_documents": pending,
        }, ensure_ascii=False, indent=2))
        return 0
    if not views and not facts:
        print("the project lexicon is empty (teach names with `explorer lexicon add NAME --type ORG`)")
    for v in views:
        e = v.entry
        canonical = f" → {e.canonical}" if e.canonical else ""
        state = "" if e.active else "  (inactive)"
        print(f"{e.surface}\t{e.type_label}{canonical}\t{e.origin}\t{v.mentions} mentions, {v.articles} articles{state}")
    for n in facts:
        state = "" if n.active else "  (inactive)"
        print(f"NOT {n.subject} {n.relation} {n.object}\t{n.origin}{state}")
    if pending:
        print(f"{pending} documents still wait for re-analysis: run `explorer lexicon resume`")
    return 0


def handle_add(args, ctx) -> int:
    project = ctx.open(writable=True)
    if args.not_a_name:
        if args.canonical:
            print("error: --canonical names a name; it cannot go with --not-a-name", file=sys.stderr)
            return 2
        return _report(args, teach.not_a_name(project, args.name, _progress()))
    return _report(args, teach.teach(project, args.name, args.type, args.canonical, _progress()))


def handle_remove(args, ctx) -> int:
    return _report(args, teach.remove(ctx.open(writable=True), args.name, _progress()))


def handle_undo(args, ctx) -> int:
    report = teach.undo(ctx.open(writable=True), _progress())
    if report is None:
        print("nothing to undo")
        return 1
    return _report(args, report)


def handle_resume(args, ctx) -> int:
    return _report(args, teach.resume(ctx.open(writable=True), _progress()))


def handle_export(args, ctx) -> int:
    names, facts = lexicon.export_tsv(ctx.open(), args.file)
    print(f"wrote {names} entries and {facts} negative facts to {args.file}")
    return 0


def handle_import(args, ctx) -> int:
    project = ctx.open(writable=True)
    return _report(args, lexicon.import_tsv(project, args.file, _progress()))
