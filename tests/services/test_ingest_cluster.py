"""`ingest --scheduler`: the map step on a Dask cluster, the writer here.

A LocalCluster with two worker processes stands in for machines: documents
travel to it as bytes, results stream back, and the project must equal the
one a serial ingest builds. Failed tasks are retried; a worker killed in the
middle of the run loses no document.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import sys
from pathlib import Path

import pytest
import store_dump

from explorer.core import TaskState
from explorer.errors import ClusterError
from explorer.services import cluster, ingest, parallel
from explorer.services import project as project_service
from explorer.settings import IngestOptions

REPO = Path(__file__).resolve().parents[2]
distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    import importlib.util

    spec = importlib.util.spec_from_file_location("_cluster_corpus_gen", REPO / "benchmarks" / "corpus_gen.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    folder = tmp_path_factory.mktemp("corpus")
    module.generate(folder, 6, seed=9)
    for page in sorted((REPO / "resources" / "sample").iterdir()):
        if page.suffix == ".html":
            shutil.copy(page, folder / page.name)
    (folder / "zz-binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    return folder


@pytest.fixture(scope="module")
def local_cluster():
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=logging.ERROR,  # a free port: never clash with a running cluster
    ) as running:
        yield running


def _ingest(db: Path, paths, state: TaskState | None = None, **kwargs):
    project = project_service.open_project(db)
    try:
        return ingest.run(project, paths, IngestOptions(), state or TaskState(), **kwargs)
    finally:
        project.close()


def _summary(report):
    return [(Path(f.path).name, f.status, f.articles, f.mentions, f.relations, f.error_type) for f in report.files]


@pytest.fixture(scope="module")
def serial(corpus, tmp_path_factory):
    db = tmp_path_factory.mktemp("serial") / "serial.explorer.db"
    return db, _summary(_ingest(db, [corpus]))


@pytest.mark.slow
def test_cluster_ingest_stores_what_a_serial_run_stores(corpus, serial, local_cluster, tmp_path):
    db = tmp_path / "cluster.explorer.db"
    report = _ingest(db, [corpus], scheduler=local_cluster.scheduler_address)
    assert _summary(report) == serial[1]
    assert [f.error_type for f in report.failed] == ["BinaryFileError"]  # bad input is a result, not a retry
    assert store_dump.differences(serial[0], db) == []


@pytest.mark.slow
def test_failed_tasks_are_retried_and_failing_ones_reported(corpus, tmp_path, local_cluster):
    pages = []
    for page in sorted(corpus.glob("*_p0*.txt"))[:3]:
        copy = tmp_path / page.name
        copy.write_bytes(page.read_bytes())
        pages.append(copy)
    jobs = [parallel.Job(i, str(p), data=p.read_bytes()) for i, p in enumerate(pages)]
    import cluster_tasks

    flaky = cluster.DaskMapper(local_cluster.scheduler_address, IngestOptions(), task=cluster_tasks.fails_first_time)
    try:
        results = [result for _, result in flaky.results(jobs, TaskState())]
    finally:
        flaky.close()
    assert all(isinstance(r, parallel.StagedDocument) and r.articles for r in results), results
    assert all(Path(f"{p}.attempted").exists() for p in pages)  # each failed once first

    jobs = [parallel.Job(0, str(pages[0]), data=pages[0].read_bytes())]
    broken = cluster.DaskMapper(local_cluster.scheduler_address, IngestOptions(), task=cluster_tasks.always_fails,
                                retries=1)
    try:
        [(_, result)] = list(broken.results(jobs, TaskState()))
    finally:
        broken.close()
    assert result.error_type == "ClusterTaskError" and "never succeeds" in result.reason


def test_an_unreachable_scheduler_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT_S", 1)
    with pytest.raises(ClusterError, match="cannot reach the Dask scheduler"):
        cluster.DaskMapper("tcp://127.0.0.1:9", IngestOptions())


@pytest.mark.slow
def test_a_worker_killed_mid_run_loses_no_document(corpus, serial, local_cluster, tmp_path):
    client = distributed.Client(local_cluster, set_as_default=False)
    killed = []

    def on_progress(fraction, message):
        if not killed and fraction > 0:  # the first document is stored; others are running or done
            held = {addr: [k for k in (*processing, *client.has_what().get(addr, ())) if "explorer-analyse" in k]
                    for addr, processing in client.processing().items()}
            victim = max(held, key=lambda addr: len(held[addr]))
            os.kill(client.run(os.getpid)[victim], signal.SIGKILL)
            killed.append(held[victim])

    try:
        db = tmp_path / "lost-worker.explorer.db"
        report = _ingest(db, [corpus], TaskState(on_progress), scheduler=local_cluster.scheduler_address)
    finally:
        client.close()
    assert killed and killed[0], "the killed worker held no document of the ingest"
    assert _summary(report) == serial[1]
    assert store_dump.differences(serial[0], db) == []
