"""Progress and cancellation for long work, in the style of Orange3.

Long operations are plain functions `run(..., state)`; they call
`state.progress(...)` and `state.check()` and never know whether a GUI,
the CLI or a test is listening.
"""

from __future__ import annotations

import threading
from collections.abc import Callable


class Cancelled(Exception):
    """Raised by `TaskState.check()` after the user asked to stop."""


class TaskState:
    """Shared between a worker function and whoever started it."""

    def __init__(
        self,
        on_progress: Callable[[float, str], None] | None = None,
        on_partial: Callable[[object], None] | None = None,
    ):
        self._cancel = threading.Event()
        self._on_progress = on_progress
        self._on_partial = on_partial
        self.fraction = 0.0
        self.message = ""

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise `Cancelled` if cancellation was requested."""
        if self._cancel.is_set():
            raise Cancelled()

    def progress(self, fraction: float, message: str = "") -> None:
        self.fraction = max(0.0, min(1.0, fraction))
        self.message = message
        if self._on_progress is not None:
            self._on_progress(self.fraction, message)

    def partial(self, result: object) -> None:
        """Hand over a piece of the result as soon as it exists (e.g. one file's outcome)."""
        if self._on_partial is not None:
            self._on_partial(result)
