"""Run a plain function on the thread pool and get its result as a signal.

Orange3 style: the work is an ordinary function (often `run(..., state)`
from services); this thin adapter relays progress, result and error to the
UI thread through queued signals, so the window never waits on it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from explorer.core import TaskState


class WorkerSignals(QObject):
    progress = Signal(float, str)
    partial = Signal(object)  # a piece of the result as soon as it exists (TaskState.partial)
    result = Signal(object)
    error = Signal(object)
    finished = Signal()


class Worker(QRunnable):
    """Calls `fn(*args, **kwargs)`; with `with_state=True` also passes a TaskState."""

    def __init__(self, fn: Callable, *args, with_state: bool = False, **kwargs):
        super().__init__()
        self.setAutoDelete(True)
        self.signals = WorkerSignals()
        self.state = TaskState(on_progress=self.signals.progress.emit, on_partial=self.signals.partial.emit)
        self._fn = fn
        self._args = args
        self._kwargs = kwargs
        self._with_state = with_state

    def cancel(self) -> None:
        self.state.cancel()

    def run(self) -> None:  # runs on a pool thread
        try:
            if self._with_state:
                value = self._fn(*self._args, state=self.state, **self._kwargs)
            else:
                value = self._fn(*self._args, **self._kwargs)
        except BaseException as error:  # noqa: BLE001 - relayed to the UI thread
            self.signals.error.emit(error)
        else:
            self.signals.result.emit(value)
        finally:
            self.signals.finished.emit()


_live: set[WorkerSignals] = set()


def pool() -> QThreadPool:
    return QThreadPool.globalInstance()


def start(
    fn: Callable,
    *args,
    on_result: Callable | None = None,
    on_error: Callable | None = None,
    on_progress: Callable | None = None,
    on_partial: Callable | None = None,
    with_state: bool = False,
    **kwargs,
) -> Worker:
    """Start `fn` on the global pool; callbacks run on the UI thread."""
    worker = Worker(fn, *args, with_state=with_state, **kwargs)
    signals = worker.signals
    _live.add(signals)  # keep the QObject alive until the queued signals arrive
    if on_result is not None:
        signals.result.connect(on_result)
    if on_error is not None:
        signals.error.connect(on_error)
    if on_progress is not None:
        signals.progress.connect(on_progress)
    if on_partial is not None:
        signals.partial.connect(on_partial)
    signals.finished.connect(lambda: _live.discard(signals))
    pool().start(worker)
    return worker


def wait_all(msecs: int = 10000) -> bool:
    """Block until the pool is idle (tests and shutdown)."""
    return pool().waitForDone(msecs)
