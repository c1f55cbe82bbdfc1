"""Corrections as undoable commands.

The store keeps its own edit log (`services.corrections.undo/redo`); a
command applies the correction once when pushed and afterwards only asks the
services to undo or redo the most recent edit, so the QUndoStack and the
store's log stay in step.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand


class CorrectionCommand(QUndoCommand):
    def __init__(self, backend, action: str, args: tuple, text: str, on_change: Callable | None = None):
        super().__init__(text)
        self.backend = backend
        self.action = action
        self.args = args
        self.on_change = on_change
        self.result = None
        self._applied = False
        self.error: BaseException | None = None

    def apply(self):
        """Do the correction now (before pushing), so errors surface to the caller."""
        self.result = self.backend.correct(self.action, *self.args)
        self._applied = True
        return self.result

    def redo(self) -> None:
        if self._applied:
            self._applied = False  # the first redo() is QUndoStack.push: already done
        else:
            self._guard(self.backend.redo)

    def undo(self) -> None:
        self._guard(self.backend.undo)

    def _guard(self, call: Callable) -> None:
        try:
            call()
            self.error = None
        except Exception as error:  # noqa: BLE001 - reported by on_change
            self.error = error
            self.setObsolete(True)
        if self.on_change is not None:
            self.on_change(self)
