"""Corrections that teach (issue 16): change the project lexicon and
re-analyse every article it concerns.

`run(project, change, state)` is the one entry point (Orange3 style: the CLI
calls it, the GUI runs it on a worker, tests call it). A change goes in
three steps:

1. **Preview** (cancellable, writes nothing): the change is applied inside a
   write transaction that is rolled back, to read the lexicon it would give
   and the documents it concerns: every article whose text contains the
   surface (the trigram text index, not a scan) or whose mentions resolve
   to the surface or its canonical name. Those documents are analysed with
   the new lexicon, as ingest would analyse them.
2. **Commit**: the change and the list of documents still to swap
   (`lexicon_pending`) in one transaction.
3. **Swap**: one transaction per document (store/reanalysis.py), so a kill
   leaves each document wholly old or wholly new; what a kill leaves pending
   is finished by the next run (`resume`). Re-running a change is a no-op.

The user's other corrections are rules the store re-applies on every swap.
"""

from __future__ import annotations

import dataclasses
import time

from explorer.core import Cancelled, TaskState
from explorer.core.lexicon import (
    LexiconEntry,
    NegativeFact,
    ProjectLexicon,
    check_entry,
)
from explorer.errors import QueryError
from explorer.services.teach_report import Change, TeachReport, tally
from explorer.store import lexicon as store_lexicon
from explorer.store import reanalysis

__all__ = ["Change", "TeachReport", "not_a_name", "project_lexicon", "remove", "resume", "run", "teach", "undo"]


class _Preview(Exception):
    """Raised inside a write transaction to roll it back after reading what the change gives."""

    def __init__(self, lexicon: ProjectLexicon, documents: list[int]):
        super().__init__("preview")
        self.lexicon = lexicon
        self.documents = documents


def project_lexicon(project) -> ProjectLexicon:
    """The lexicon analyses stored in this project use: its active entries and
    imported negative facts (its own deleted facts are hidden by the store)."""
    return store_lexicon.load(project.reader()).active().without_negatives_from_edits()


def with_project_lexicon(project, options):
    """Ingest options that carry the project's lexicon (unchanged when it is empty)."""
    if getattr(options, "lexicon", None) is not None:
        return options
    lexicon = project_lexicon(project)
    return dataclasses.replace(options, lexicon=lexicon) if lexicon else options


def _apply(conn, change: Change) -> int | None:
    """Apply `change` to the lexicon tables; returns the change id (None: nothing to do)."""
    if change.op == "add" and change.entry is not None:
        return store_lexicon.add_entry(conn, change.entry)
    if change.op == "remove":
        return store_lexicon.remove_surface(conn, change.surface)
    if change.op == "undo":
        done = store_lexicon.undo_change(conn)
        return done["id"] if done else None
    if change.op == "import" and change.imported is not None:
        return store_lexicon.import_all(conn, change.imported)
    if change.op == "add-fact" and change.negative is not None:
        return store_lexicon.add_negative(conn, change.negative)
    if change.op == "resume":
        return None
    raise ValueError(f"unknown lexicon change {change.op!r}")


def _documents(conn, names: set[str]) -> set[int]:
    found: set[int] = set()
    for name in names:
        if name:
            found |= {d for _, d in store_lexicon.articles_containing(conn, name)}
            found |= {d for _, d in store_lexicon.articles_naming(conn, name)}
    return found


def _differences(before: ProjectLexicon, after: ProjectLexicon) -> set[str]:
    """Surfaces, canonical names and fact ends of what is in one lexicon and
    not the other: the names whose articles a change may alter."""
    def entries(lexicon):
        return {(e.surface, e.type, e.canonical, e.origin) for e in lexicon.entries if e.active}

    def negatives(lexicon):
        return {(n.subject, n.relation, n.object) for n in lexicon.negatives if n.active}

    names: set[str] = set()
    for surface, _, canonical, _ in entries(before) ^ entries(after):
        names |= {surface, canonical or ""}
    for subject, _, object_ in negatives(before) ^ negatives(after):
        names |= {subject, object_}
    return {n for n in names if n}


def _preview(project, change: Change) -> tuple[ProjectLexicon, list[int]]:
    before = store_lexicon.load(project.reader())
    try:
        with project.write() as conn:
            _apply(conn, change)
            after = store_lexicon.load(conn)
            raise _Preview(after, sorted(_documents(conn, _differences(before, after))))
    except _Preview as preview:
        return preview.lexicon.active().without_negatives_from_edits(), preview.documents


def _analyse(stored, lexicon: ProjectLexicon, nlp):
    from explorer.nlp import analyse_articles
    from explorer.services.analysis import windows

    analyses = []
    for window in windows(stored.articles):
        analyses.extend(analyse_articles(window, stored.document.home_city, nlp=nlp, lexicon=lexicon))
    return analyses


def run(project, change: Change, state: TaskState | None = None, *, nlp=None) -> TeachReport:
    """Apply one lexicon change and re-analyse what it concerns (see the module doc)."""
    from explorer.nlp import load_pipeline

    state = state or TaskState()
    started = time.perf_counter()
    report = TeachReport(change)
    try:
        state.progress(0.0, "")
        lexicon, documents = _preview(project, change)
        nlp = nlp or load_pipeline()
        prepared = {}
        for number, document_id in enumerate(documents):
            state.check()
            state.progress(0.9 * number / max(len(documents), 1), f"{number}/{len(documents)}")
            stored = reanalysis.read_document(project.reader(), document_id)
            if stored is not None:
                prepared[document_id] = (stored, _analyse(stored, lexicon, nlp))
        state.check()  # the last moment a cancel leaves everything as it was
    except Cancelled:
        report.cancelled = True
        report.seconds = time.perf_counter() - started
        return report
    with project.write() as conn:
        change_id = _apply(conn, change)
        store_lexicon.drop_stale_names(conn, keep_used=False)  # resolution must not follow what was unlearnt
        store_lexicon.mark_pending(conn, documents, change_id)
        committed = store_lexicon.load(conn).active().without_negatives_from_edits()
    _swap_all(project, prepared, committed, committed.fingerprint() == lexicon.fingerprint(), report, state, nlp)
    report.seconds = time.perf_counter() - started
    return report


def _swap_all(project, prepared, lexicon, as_previewed: bool, report: TeachReport, state: TaskState, nlp) -> None:
    """Swap every pending document: with its prepared analysis when the
    lexicon and the document are still those it was analysed with, else
    analysed again now. Not cancellable: each swap is short and atomic."""
    pending = store_lexicon.pending_documents(project.reader())
    for number, document_id in enumerate(pending):
        state.progress(0.9 + 0.1 * number / max(len(pending), 1), f"{number}/{len(pending)}")
        stored, analyses = prepared.get(document_id, (None, None))
        with project.write() as conn:
            if stored is None or not as_previewed or not reanalysis.unchanged(conn, stored):
                stored = reanalysis.read_document(conn, document_id)
                if stored is None:  # removed meanwhile
                    store_lexicon.clear_pending(conn, document_id)
                    continue
                analyses = _analyse(stored, lexicon, nlp)
            tally(report, reanalysis.swap(conn, stored, analyses, _change_of(conn, document_id)))
    with project.write() as conn:
        store_lexicon.drop_stale_names(conn)
    state.progress(1.0, "")


def _change_of(conn, document_id: int) -> int | None:
    row = conn.execute("SELECT change_id FROM lexicon_pending WHERE document_id = ?", (document_id,)).fetchone()
    return row[0] if row else None


# --- the changes users make ------------------------------------------------------


def teach(project, surface: str, type_: str, canonical: str | None = None, state: TaskState | None = None,
          *, from_article: int | None = None, nlp=None) -> TeachReport:
    """`surface` is a name of `type_` (ORG, PERSON, PLACE, PROGRAM, HONOR)."""
    surface, canonical = surface.strip(), (canonical or "").strip() or None
    problem = check_entry(surface, type_, canonical)
    if problem:
        raise QueryError(problem)
    change = Change("add", entry=LexiconEntry(surface, type_, canonical, "taught"), from_article=from_article)
    return run(project, change, state, nlp=nlp)


def not_a_name(project, surface: str, state: TaskState | None = None, *, from_article: int | None = None,
               nlp=None) -> TeachReport:
    surface = surface.strip()
    problem = check_entry(surface, None)
    if problem:
        raise QueryError(problem)
    return run(project, Change("add", entry=LexiconEntry(surface, None, None, "taught"), from_article=from_article),
               state, nlp=nlp)


def remove(project, surface: str, state: TaskState | None = None, *, nlp=None) -> TeachReport:
    surface = surface.strip()
    if not any(e.surface == surface and e.active for e in store_lexicon.load(project.reader()).entries):
        raise QueryError(f"{surface!r} is not in the project lexicon")
    return run(project, Change("remove", surface=surface), state, nlp=nlp)


def undo(project, state: TaskState | None = None, *, nlp=None) -> TeachReport | None:
    """Undo the last lexicon change (None when there is none)."""
    if not any(not c["undone"] for c in store_lexicon.changes(project.reader())):
        return None
    return run(project, Change("undo"), state, nlp=nlp)


def resume(project, state: TaskState | None = None, *, nlp=None) -> TeachReport:
    """Finish the documents a killed run left pending."""
    return run(project, Change("resume"), state, nlp=nlp)


def import_lexicon(project, imported: ProjectLexicon, state: TaskState | None = None, *, nlp=None) -> TeachReport:
    return run(project, Change("import", imported=imported), state, nlp=nlp)


def add_negative(project, subject: str, relation: str, object_: str, state: TaskState | None = None,
                 *, nlp=None) -> TeachReport:
    return run(project, Change("add-fact", negative=NegativeFact(subject, relation, object_, "taught")), state, nlp=nlp)
