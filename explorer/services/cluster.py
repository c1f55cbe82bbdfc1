"""The map step of an ingest on a Dask distributed cluster (docs/scale.md).

Each file becomes one task `analysis.analyse_bytes(path, bytes, options)`:
the document travels inside the task as bytes, so workers need the package
installed and nothing else (no shared filesystem, no project file). The
scheduler holds a task's bytes until it is done, so a task whose worker is
lost is simply run again elsewhere; a task that raises is retried
`retries` times. Results stream back to this process, where the one writer
stores them in file order, each document once and whole; a task that still
fails is reported as a failed file.

At most `lookahead` tasks are in flight: the client's memory stays bounded
and a cancelled ingest leaves little work behind.
"""

from __future__ import annotations

import uuid
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from explorer.core import TaskState
from explorer.errors import ClusterError
from explorer.services.analysis import (
    AnalysedDocument,
    InputFailure,
    StagedDocument,
    analyse_bytes,
)
from explorer.services.parallel import Job, Result
from explorer.settings import IngestOptions

CONNECT_TIMEOUT_S = 20


class DaskMapper:
    """Runs jobs as tasks on the cluster at `scheduler` (an address or a
    `distributed` cluster object), results in job order."""

    def __init__(self, scheduler, options: IngestOptions, *, retries: int = 2, lookahead: int | None = None,
                 task=analyse_bytes):
        try:
            from distributed import Client
        except ImportError as exc:  # pragma: no cover - a declared dependency
            raise ClusterError("dask[distributed] is not installed") from exc
        self.options = options
        self.retries = retries
        self._task = task
        self._run = uuid.uuid4().hex[:8]  # task keys of this ingest, unique on a shared cluster
        try:
            self.client = Client(scheduler, timeout=CONNECT_TIMEOUT_S, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            raise ClusterError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
        threads = sum(self.client.nthreads().values())
        self.lookahead = lookahead or 2 * max(threads, 1) + 2
        self._futures: dict[int, Any] = {}  # distributed.Future

    def results(
        self, jobs: Iterable[Job], state: TaskState, announce=None, pages=None,  # no page progress from a cluster
    ) -> Iterator[tuple[Job, Result | None]]:
        source = iter(jobs)
        window: deque[Job] = deque()
        exhausted = False
        while True:
            while not exhausted and len(window) < self.lookahead:
                job = next(source, None)
                if job is None:
                    exhausted = True
                    break
                window.append(job)
                if job.data is not None:
                    self._submit(job)
            if not window:
                return
            head = window.popleft()
            if announce is not None:
                announce(head)
            if head.seq not in self._futures:
                yield head, None
                continue
            yield head, self._collect(head, state)

    def _submit(self, job: Job) -> None:
        self._futures[job.seq] = self.client.submit(
            self._task, job.path, job.data, self.options,
            key=f"explorer-analyse-{self._run}-{job.seq}", retries=self.retries, pure=False,
        )
        job.data = None  # the scheduler holds the bytes now

    def _collect(self, job: Job, state: TaskState) -> Result:
        future = self._futures.pop(job.seq)
        try:
            while True:
                state.check()
                try:
                    value = future.result(timeout=0.25)
                    break
                except TimeoutError:
                    continue
                except Exception as error:  # noqa: BLE001 - the task failed after its retries
                    return InputFailure(job.path, f"failed on the cluster: {type(error).__name__}: {error}",
                                        "ClusterTaskError")
        finally:
            future.release()
        if isinstance(value, AnalysedDocument):
            staged = StagedDocument(value.document)
            for batch in value.batches:
                staged.add(batch)
            return staged
        return value

    def close(self) -> None:
        futures = list(self._futures.values())
        self._futures.clear()
        try:
            if futures:
                self.client.cancel(futures)
        finally:
            self.client.close()
