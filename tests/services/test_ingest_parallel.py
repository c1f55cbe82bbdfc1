"""`ingest --workers N`: the map step in spawned worker processes, one writer.

The project a parallel ingest builds must equal a serial one row for row
(ids included: documents are stored in file order), and cancelling, a
worker dying and the ingest itself being killed must leave it sound.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import store_dump

from explorer.core import TaskState
from explorer.services import ingest, parallel
from explorer.services import project as project_service
from explorer.settings import IngestOptions

REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent


@pytest.fixture(autouse=True)
def _parallel_even_when_small(monkeypatch):
    """The corpora here are small; a real ingest this size stays in one process."""
    monkeypatch.setattr(ingest, "PARALLEL_MIN_BYTES", 0)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Generated pages, a GBK page, a web page and a file that fails."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("_scale_corpus_gen", REPO / "benchmarks" / "corpus_gen.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    folder = tmp_path_factory.mktemp("corpus")
    module.generate(folder, 6, seed=7)
    for page in sorted((REPO / "resources" / "sample").iterdir()):
        if page.suffix == ".html" or "gbk" in page.name:
            (folder / page.name).write_bytes(page.read_bytes())
    (folder / "zz-empty.txt").write_bytes(b"")
    return folder


def _ingest(db: Path, paths, **kwargs):
    project = project_service.open_project(db)
    try:
        return ingest.run(project, paths, IngestOptions(), TaskState(), **kwargs)
    finally:
        project.close()


def _summary(report):
    return [(Path(f.path).name, f.status, f.articles, f.mentions, f.relations, f.error_type) for f in report.files]


@pytest.fixture(scope="module")
def serial_db(corpus, tmp_path_factory) -> tuple[Path, list]:
    db = tmp_path_factory.mktemp("serial") / "serial.explorer.db"
    report = _ingest(db, [corpus])
    assert report.failed and report.articles > 30
    return db, _summary(report)


@pytest.mark.slow
def test_two_workers_store_what_a_serial_run_stores(corpus, serial_db, tmp_path):
    serial, serial_summary = serial_db
    db = tmp_path / "parallel.explorer.db"
    report = _ingest(db, [corpus], workers=2)
    assert _summary(report) == serial_summary  # same files, order, statuses and counts
    assert store_dump.differences(serial, db) == []
    assert multiprocessing.active_children() == []  # the workers are gone
    again = _ingest(db, [corpus], workers=2)
    assert {f.status for f in again.files} == {"unchanged", "failed"}


@pytest.mark.slow
def test_cancel_during_a_parallel_ingest_keeps_whole_documents(corpus, serial_db, tmp_path):
    serial, _ = serial_db
    db = tmp_path / "cancelled.explorer.db"
    seen = []

    def on_progress(fraction, message):
        seen.append(message)
        if len(seen) == 3:
            state.cancel()

    state = TaskState(on_progress)
    project = project_service.open_project(db)
    try:
        report = ingest.run(project, [corpus], IngestOptions(), state, workers=2)
    finally:
        project.close()
    assert report.cancelled
    assert multiprocessing.active_children() == []
    stored = store_dump.dump(db)
    reference = store_dump.dump(serial)
    assert 1 <= len(stored["documents"]) < len(reference["documents"])
    assert len(stored["documents"]) == sum(f.status == "added" for f in report.files)
    # what was stored is exactly the serial run's first documents, whole
    for table in ("documents", "articles", "mentions", "relations", "evidence"):
        assert set(stored[table]) <= set(reference[table]), table


def test_a_worker_that_dies_gives_its_job_to_another(corpus, serial_db, tmp_path):
    """Kill a worker while it holds a job: the job is run again, nothing is lost."""
    files = sorted(p for p in corpus.iterdir() if p.suffix == ".txt" and p.stat().st_size)[:4]
    jobs = [parallel.Job(i, str(p), data=p.read_bytes()) for i, p in enumerate(files)]
    pool = parallel.ProcessPool(2, IngestOptions())
    killed = []

    def announce(job):
        if not killed:
            while not any(w.job is not None and w.ready for w in pool._workers):
                pool._pump(0.05)
            victim = next(w for w in pool._workers if w.job is not None and w.ready)
            os.kill(victim.process.pid, signal.SIGKILL)
            killed.append(victim.job.seq)

    try:
        results = [(job.seq, result) for job, result in pool.results(jobs, TaskState(), announce)]
    finally:
        pool.close()
    assert killed
    assert [seq for seq, _ in results] == [0, 1, 2, 3]
    for (_, result), job in zip(results, jobs):
        assert isinstance(result, parallel.StagedDocument), result
        assert result.articles > 0
        result.close()
    assert multiprocessing.active_children() == []


KILLED_INGEST = """
import sys
from explorer.core import TaskState
from explorer.services import ingest
from explorer.services.project import open_project
from explorer.settings import IngestOptions

def main():
    ingest.PARALLEL_MIN_BYTES = 0  # a small corpus, in worker processes all the same
    project = open_project(sys.argv[1])
    def tell(fraction, message):
        import multiprocessing
        pids = [p.pid for p in multiprocessing.active_children()]
        print("workers", *pids, flush=True)
    ingest.run(project, [sys.argv[2]], IngestOptions(), TaskState(tell), workers=2)

if __name__ == "__main__":
    main()
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie is dead
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return False


@pytest.mark.slow
def test_killing_a_parallel_ingest_leaves_no_worker_and_a_sound_project(corpus, serial_db, tmp_path):
    sys.path.insert(0, str(REPO / "tests" / "reliability"))
    import reliability_checks as checks

    serial, _ = serial_db
    script = tmp_path / "killed_ingest.py"
    script.write_text(KILLED_INGEST, encoding="utf-8")
    db = tmp_path / "killed.explorer.db"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen([sys.executable, str(script), str(db), str(corpus)], stdout=subprocess.PIPE,
                            text=True, env=env, cwd=tmp_path)
    workers: list[int] = []
    for line in proc.stdout:
        workers = [int(w) for w in line.split()[1:]]
        if len(workers) == 2 and db.exists() and len(store_dump.dump(db)["documents"]) >= 2:
            break
    proc.kill()
    proc.wait()
    assert len(workers) == 2
    deadline = time.monotonic() + 20
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in workers), "a worker outlived the killed ingest"
    assert checks.problems(db) == []
    stored = store_dump.dump(db)
    reference = store_dump.dump(serial)
    for table in ("documents", "articles", "mentions", "relations", "evidence"):
        assert set(stored[table]) <= set(reference[table]), table


def test_a_worker_holds_the_next_small_file_while_the_writer_stores(corpus):
    """Each worker gets a second small job before it finishes the first, so it
    does not wait for the writer; a large file is never sent ahead."""
    files = sorted(p for p in corpus.iterdir() if p.suffix == ".txt" and p.stat().st_size)[:6]
    jobs = [parallel.Job(i, str(p), data=p.read_bytes()) for i, p in enumerate(files)]
    pool = parallel.ProcessPool(2, IngestOptions())
    try:
        pool._queue.extend(jobs)
        pool._pump(0.01)  # starts the workers and hands out what they may hold (none has finished yet)
        assert [len(w.jobs) for w in pool._workers] == [parallel.PREFETCH, parallel.PREFETCH]
        assert [j.seq for w in pool._workers for j in w.jobs] == [0, 1, 2, 3]
    finally:
        pool.close()
    big = parallel.Job(99, "big.txt", data=b"x" * (parallel.PREFETCH_BYTES + 1))
    busy = type("Busy", (), {"jobs": [jobs[0]]})()
    assert not parallel._Worker.wants(busy, big) and parallel._Worker.wants(busy, jobs[5])
    assert multiprocessing.active_children() == []
