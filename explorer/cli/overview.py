"""`explorer summary`, `explorer documents`, `explorer remove` and `explorer reanalyse`.

The same overview as the GUI's home page, and the documents panel on the
command line: what was ingested, and taking a document out again (its
articles, mentions and facts; the user's corrections stay for a later
re-ingest of the same file).
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict

from explorer.core import TaskState
from explorer.errors import QueryError

TYPE_ORDER = ("PERSON", "ORG", "PLACE", "PROGRAM", "HONOR")
BAR_WIDTH = 30


def register(subparsers) -> None:
    p = subparsers.add_parser("summary", help="what the project holds: counts, honour board, most connected, timeline")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=handle_summary)

    p = subparsers.add_parser("documents", help="the ingested files: source, date, page, articles, status")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=handle_documents)

    p = subparsers.add_parser("remove", help="remove a document with its articles, mentions and facts")
    p.add_argument("document", metavar="PATH|#ID", help="the file as ingested, its name, or #id from `explorer documents`")
    p.add_argument("--yes", "-y", action="store_true", help="do not ask for confirmation")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=handle_remove)

    p = subparsers.add_parser("reanalyse", help="analyse a document again with the current rules")
    p.add_argument("document", metavar="PATH|#ID")
    p.set_defaults(func=handle_reanalyse)


def handle_summary(args, ctx) -> int:
    from explorer.services import summary

    overview = summary.summary(ctx.open())
    if args.json:
        print(json.dumps(overview.to_json(), ensure_ascii=False, indent=2))
        return 0
    print("\n".join(summary_lines(overview)))
    return 0


def summary_lines(s) -> list[str]:
    lines = [f"project: {s.path}"]
    if s.is_sample:
        lines.append("note: this project holds the bundled sample pages, which are fictional")
    if s.is_empty:
        lines += [
            "The project is empty. Import pages with",
            "  explorer ingest PAGE.txt PAGE.pdf FOLDER/",
            "or look around the fictional sample first: explorer gui --sample",
        ]
        return lines
    dates = f" · {s.first_date} – {s.last_date}" if s.first_date else ""
    sources = f" · sources: {', '.join(s.sources)}" if s.sources else ""
    lines.append(f"{s.documents} documents · {s.articles} articles{sources}{dates}")
    kinds = ", ".join(f"{s.entities[t]} {t}" for t in TYPE_ORDER if s.entities.get(t))
    lines.append(f"entities: {kinds} · {s.relations} facts")
    lines += ["", "honour board", "  organisations with the most honours:"]
    lines += [f"    #{o.id:<6} {o.name}  {o.count} ({'、'.join(o.details)})" for o in s.honoured_organisations] or ["    (none)"]
    lines.append("  counties and districts with the most honoured organisations:")
    for area in s.honoured_areas:
        ref = f"#{area.entity_id}" if area.entity_id is not None else "-"
        top = "、".join(o.name for o in area.top)
        lines.append(f"    {ref:<7} {area.name}  {_n(area.organisations, 'organisation')}, {_n(area.honours, 'honour')}: {top}")
    if not s.honoured_areas:
        lines.append("    (none)")
    lines += ["", "most connected"]
    for entity_type, ranked in s.most_connected.items():
        names = ", ".join(f"{r.name} #{r.id} ({r.count})" for r in ranked) or "(none)"
        lines.append(f"  {entity_type:<8} {names}")
    if s.months:
        peak = max(m.articles for m in s.months) or 1
        lines += ["", "articles per month"]
        lines += [f"  {m.month} {'█' * round(BAR_WIDTH * m.articles / peak):<{BAR_WIDTH}} {m.articles}" for m in s.months]
    lines += ["", "recent imports"]
    lines += [_document_line(d) for d in s.recent]
    return lines


def _document_line(d) -> str:
    page = f"p.{d.page}" if d.page else ""
    return (f"  #{d.id:<5} {d.date or '':<10} {page:<5} {d.articles:>4} articles  {d.status:<7} "
            f"{d.source or '':<8} {d.path}  (ingested {d.ingested_at or '?'})")


def handle_documents(args, ctx) -> int:
    from explorer.services import documents

    found = documents.list_documents(ctx.open())
    if args.json:
        print(json.dumps([asdict(d) for d in found], ensure_ascii=False, indent=2))
    else:
        for d in found:
            print(_document_line(d).strip())
        if not found:
            print("no documents: import pages with `explorer ingest PATH`")
    return 0


def handle_remove(args, ctx) -> int:
    from explorer.services import documents

    project = ctx.open()
    document = documents.find(project, args.document)
    if not args.yes:
        if not sys.stdin.isatty():
            raise QueryError(f"removing #{document.id} {document.path} needs --yes when not asked at a terminal")
        answer = input(f"remove #{document.id} {document.path} ({document.articles} articles)? [y/N] ")
        if answer.strip().lower() not in ("y", "yes", "是"):
            print("nothing removed")
            return 1
    report = documents.remove(project, document.id)
    if args.json:
        print(json.dumps(asdict(report), ensure_ascii=False, indent=2))
        return 0
    print(f"removed #{report.document.id} {report.document.path}: {report.articles} articles, "
          f"{report.mentions} mentions, {report.relations} facts; {report.entities_removed} entities named nowhere else")
    if report.corrections_kept:
        print(f"{report.corrections_kept} corrections kept: ingest the file again to restore it as corrected")
    return 0


def handle_reanalyse(args, ctx) -> int:
    from explorer.services import documents

    report = documents.reanalyse(ctx.open(), args.document, TaskState())
    for outcome in report.files:
        reason = f": {outcome.error}" if outcome.error else ""
        print(f"{outcome.status:<10} {outcome.path}: {outcome.articles} articles, {outcome.relations} facts{reason}")
    return 0 if not report.failed else 1


def _n(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")
