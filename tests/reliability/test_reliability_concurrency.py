"""Concurrency: readers (as the GUI does) and a second writer while an ingest writes.

Readers run on their own threads, so each gets its own read-only connection
from the store. One reader shares the ingesting `Project` (the GUI's case:
ingest on a worker thread), one opens the file separately (a CLI ingest while
the GUI is open), and a third thread makes corrections through its own
`Project` (a second writer connection, which must wait, not fail).
No error of any kind may surface, and every read must see whole documents.
"""

from __future__ import annotations

import threading
import time

import pytest

from explorer.core import TaskState
from explorer.services import corrections, ingest, query
from explorer.services.project import open_project, stats
from explorer.settings import IngestOptions

QUERIES = ["聊城", "公司", "镇", "有限公司", "lc", "liaocheng", "东昌府区", "专精特新"]


class Worker(threading.Thread):
    """Runs `step(i)` until told to stop; keeps every exception."""

    def __init__(self, name, step):
        super().__init__(name=name, daemon=True)
        self.step, self.errors, self.iterations = step, [], 0
        self.stop = threading.Event()

    def run(self):
        while not self.stop.is_set():
            try:
                self.step(self.iterations)
            except Exception as exc:  # noqa: BLE001 - the test reports them all
                self.errors.append(f"{self.name}: {type(exc).__name__}: {exc}")
                if len(self.errors) > 20:
                    return
            self.iterations += 1


def _reader_step(project, seen_documents):
    def step(i):
        conn = project.reader()
        # One statement is one snapshot: a document is visible with all its articles or not at all.
        half = conn.execute(
            "SELECT count(*) FROM documents d WHERE NOT EXISTS "
            "(SELECT 1 FROM articles a WHERE a.document_id = d.id)"
        ).fetchone()[0]
        assert half == 0, "a reader saw a document without its articles"
        documents = stats(project).documents
        assert documents >= seen_documents[-1], "documents disappeared"
        seen_documents.append(documents)
        hits = query.search(project, QUERIES[i % len(QUERIES)], limit=20)
        if hits:
            query.entity(project, hits[0].id)
            query.neighbourhood(project, hits[0].id, hops=1)
    return step


def _corrector_step(project):
    def step(i):
        hits = query.search(project, "公司", types=["ORG"], limit=5)
        if not hits:
            time.sleep(0.05)
            return
        corrections.rename(project, hits[0].id, f"{hits[0].name}（{i}）")
        time.sleep(0.15)
    return step


@pytest.mark.slow
def test_readers_and_a_second_writer_during_ingest_see_no_error(tmp_path, small_corpus):
    path = tmp_path / "busy.explorer.db"
    writer_project = open_project(path)
    other_project = open_project(path)  # a second program on the same file
    third_project = open_project(path)
    shared_seen, other_seen = [0], [0]
    workers = [
        Worker("reader-same-project", _reader_step(writer_project, shared_seen)),
        Worker("reader-other-project", _reader_step(other_project, other_seen)),
        Worker("corrector", _corrector_step(third_project)),
    ]
    try:
        for worker in workers:
            worker.start()
        report = ingest.run(writer_project, [small_corpus], IngestOptions(), TaskState())
        time.sleep(0.3)  # let the readers see the final state too
    finally:
        for worker in workers:
            worker.stop.set()
        for worker in workers:
            worker.join(timeout=30)
    errors = [e for worker in workers for e in worker.errors]
    try:
        assert errors == []
        assert not report.failed and report.articles > 0
        final = stats(writer_project)
        assert final.documents == len(report.files)
        assert shared_seen[-1] == other_seen[-1] == final.documents
        for worker in workers:
            assert worker.iterations >= 5, f"{worker.name} barely ran ({worker.iterations} rounds)"
        assert len(set(shared_seen)) > 2, "the reader never saw the ingest in progress"
        assert corrections.history(writer_project), "no correction was written during the ingest"
        print({w.name: w.iterations for w in workers}, "document counts seen:", sorted(set(shared_seen)))
    finally:
        for project in (writer_project, other_project, third_project):
            project.close()
