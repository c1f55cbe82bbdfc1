"""Where the map step runs: in this process, or in local worker processes.

A mapper takes `Job`s in file order and hands back, in the same order, each
job's result: a `StagedDocument` ready for the writer or an `InputFailure`.
Results come back in order whatever finishes first, so the single writer
stores documents in the order a serial run does and the project comes out
the same (entity ids included).

`ProcessPool` runs the map in spawned worker processes (spawn: safe with
threads, the GUI and macOS/Windows). Each worker loads the NLP pipeline once
and takes one job at a time over its own pipe; the pipe is also how it knows
its parent is gone: a killed ingest leaves no worker behind. A worker that
dies takes its job back to the queue once; a second death fails the file.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import wait

from explorer.core import Document, TaskState
from explorer.errors import InputFileError, PipelineError
from explorer.services.analysis import (
    AnalysedBatch,
    InputFailure,
    StagedDocument,
    analyse_stream,
    failure_of,
)
from explorer.settings import IngestOptions

Result = StagedDocument | InputFailure


@dataclass(frozen=True)
class PageProgress:
    """A worker read `done` of the `total` pages of its file that need OCR."""

    done: int
    total: int


@dataclass
class Job:
    """One file of an ingest. `data` is None when the file needs no analysis:
    `outcome` already says what happened (unchanged, or failed to read)."""

    seq: int
    path: str
    data: bytes | None = None
    outcome: object = None
    attempts: int = 0
    result: Result | None = field(default=None, repr=False)
    staged: StagedDocument | None = field(default=None, repr=False)


class InProcess:
    """The map step in the calling process (a serial ingest)."""

    def __init__(self, options: IngestOptions, nlp=None):
        self.options = options
        self.nlp = nlp

    def results(
        self, jobs: Iterable[Job], state: TaskState, announce=None, pages=None,
    ) -> Iterator[tuple[Job, Result | None]]:
        for job in jobs:
            if announce is not None:
                announce(job)
            if job.data is None:
                yield job, None
                continue

            def on_page(done: int, total: int, job: Job = job) -> None:  # OCR: cancel between pages
                state.check()
                if pages is not None:
                    pages(job, done, total)

            # the bytes go to the analysis alone, which drops them once decoded (a 50 MB file)
            yield job, stage(job.path, analyse_stream(job.path, _take_data(job), self.options, self.nlp, state.check,
                                                      on_page))

    def close(self) -> None:
        pass


def _take_data(job: Job) -> bytes:
    data, job.data = job.data, None
    assert data is not None
    return data


def stage(path: str, parts: Iterable[Document | AnalysedBatch]) -> Result:
    """Collect a document's parts; bad input becomes an InputFailure."""
    staged = None
    try:
        for part in parts:
            if isinstance(part, Document):
                staged = StagedDocument(part)
            else:
                staged.add(part)  # type: ignore[union-attr]
    except InputFileError as error:
        return failure_of(path, error)
    except BaseException:
        if staged is not None:
            staged.close()
        raise
    assert staged is not None
    return staged


# --- worker processes -------------------------------------------------------------

_DONE = "done"
PREFETCH = 2  # jobs a worker holds: the one it works on and the next
PREFETCH_BYTES = 48 * 1024  # a file sent ahead must fit the pipe's buffer
WORKER_NICENESS = 5
_READY = "ready"


def _exit_with_parent() -> None:
    """Die as soon as the ingesting process does (even by SIGKILL)."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        wait([parent.sentinel])
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def worker_main(conn, options: IngestOptions) -> None:
    """A worker process: load the pipeline once, then analyse jobs until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _exit_with_parent()
    if hasattr(os, "nice"):
        # The one writer (the parent) is the serial part of an ingest: when
        # the cores are busy, it must not wait behind the workers that feed it.
        os.nice(WORKER_NICENESS)
    from explorer.nlp import load_pipeline

    nlp = load_pipeline()
    try:
        _send(conn, (-1, _READY))
    except _ParentGone:
        return
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        seq, path, data = message

        def on_page(done: int, total: int, seq: int = seq) -> None:  # OCR progress for the parent
            _send(conn, (seq, PageProgress(done, total)))

        try:
            for part in analyse_stream(path, data, options, nlp, on_page=on_page):
                _send(conn, (seq, part))
            _send(conn, (seq, _DONE))
        except _ParentGone:
            return
        except Exception as error:  # noqa: BLE001 - a bad file must not kill the worker
            try:
                _send(conn, (seq, failure_of(path, error)))
            except _ParentGone:
                return


class _ParentGone(Exception):
    pass


def _send(conn, message) -> None:
    try:
        conn.send(message)
    except OSError as error:
        raise _ParentGone() from error


class _Worker:
    def __init__(self, context, options: IngestOptions):
        self.conn, child = context.Pipe(duplex=True)
        self.process = context.Process(target=worker_main, args=(child, options), daemon=True)
        self.process.start()
        child.close()
        self.jobs: deque[Job] = deque()  # sent to it, in the order it works on them
        self.ready = False  # it said so after loading the pipeline

    @property
    def job(self) -> Job | None:
        """The job it is working on (the first one sent and not finished)."""
        return self.jobs[0] if self.jobs else None

    def wants(self, job: Job) -> bool:
        """Room for this job: one waiting in the pipe behind the current one keeps
        the worker busy while the writer stores (a large file waits its turn:
        sending it would block until the worker reads it)."""
        return not self.jobs or len(self.jobs) < PREFETCH and len(job.data or b"") <= PREFETCH_BYTES

    def stop(self, timeout: float = 2.0) -> None:
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.process.join(timeout)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(timeout)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


class ProcessPool:
    """The map step in `workers` spawned processes, results in job order."""

    def __init__(self, workers: int, options: IngestOptions, lookahead: int | None = None):
        self._context = multiprocessing.get_context("spawn")
        self.options = options
        self.size = workers
        self.lookahead = lookahead or 2 * workers + 2
        self._workers: list[_Worker] = []  # started with the first job that needs one
        self._queue: deque[Job] = deque()
        self._pages = None

    def results(
        self, jobs: Iterable[Job], state: TaskState, announce=None, pages=None,
    ) -> Iterator[tuple[Job, Result | None]]:
        self._pages = pages  # told of OCR pages read by the workers (PageProgress)
        source = iter(jobs)
        window: deque[Job] = deque()  # jobs taken from `source`, in order, not yet handed back
        exhausted = False
        while True:
            while not exhausted and len(window) < self.lookahead:
                job = next(source, None)
                if job is None:
                    exhausted = True
                    break
                window.append(job)
                if job.data is not None:
                    self._queue.append(job)
            if not window:
                return
            head = window[0]
            if announce is not None:
                announce(head)
            while head.data is not None and head.result is None:
                state.check()
                self._pump()
            window.popleft()
            yield head, head.result
            head.result = None

    def _pump(self, timeout: float = 0.2) -> None:
        """Hand queued jobs to idle workers, then take in what workers sent."""
        if self._queue and not self._workers:
            self._workers = [_Worker(self._context, self.options) for _ in range(self.size)]
        for worker in self._workers:
            while self._queue and worker.wants(self._queue[0]):
                job = self._queue.popleft()
                try:
                    worker.conn.send((job.seq, job.path, job.data))
                    worker.jobs.append(job)
                except OSError:
                    self._queue.appendleft(job)
                    self._lost(worker, worker.job)
                    break
        busy = {w.conn: w for w in self._workers if w.jobs or not w.ready}
        if not busy:
            return
        for ready in wait(list(busy), timeout):
            worker = busy[ready]  # type: ignore[index]  # wait() hands back the connections given
            conn = worker.conn
            try:
                _seq, part = conn.recv()
            except (EOFError, OSError):
                self._lost(worker, worker.job)
                continue
            if part == _READY:
                worker.ready = True
            elif worker.job is not None and _seq == worker.job.seq:
                self._receive(worker, part)

    def _receive(self, worker: _Worker, part) -> None:
        job = worker.job
        assert job is not None
        if isinstance(part, PageProgress):
            if self._pages is not None:
                self._pages(job, part.done, part.total)
            return
        if isinstance(part, Document):
            job.staged = StagedDocument(part)
            return
        if isinstance(part, AnalysedBatch):
            job.staged.add(part)  # type: ignore[union-attr]
            return
        if isinstance(part, InputFailure):
            if job.staged is not None:
                job.staged.close()
            job.result = part
        else:  # _DONE
            job.result = job.staged
        job.staged = None
        job.data = None
        worker.jobs.popleft()

    def _lost(self, worker: _Worker, job: Job | None) -> None:
        """A worker died: replace it; the job it was on goes back to the queue
        once, the ones waiting behind it go back as they were. One that dies
        before it is ready cannot start at all: say so."""
        index = self._workers.index(worker)
        waiting = [j for j in worker.jobs if j is not job]
        worker.jobs.clear()
        self._queue.extendleft(reversed(waiting))  # not started: nothing of theirs was received
        worker.process.join(1.0)
        worker.conn.close()
        if not worker.ready:
            raise PipelineError(
                f"an ingest worker process could not start (exit code {worker.process.exitcode}); "
                "run with --workers 1 to see why"
            )
        self._workers[index] = _Worker(self._context, self.options)
        if job is None:
            return
        if job.staged is not None:
            job.staged.close()
            job.staged = None
        job.attempts += 1
        if job.attempts >= 2:
            job.result = InputFailure(job.path, "the worker process analysing it died twice", "WorkerLostError")
            job.data = None
        else:
            self._queue.appendleft(job)

    def close(self) -> None:
        for worker in self._workers:
            worker.stop()
        self._workers = []
