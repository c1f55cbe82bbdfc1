"""Files handed to the running app by the desktop rather than on the command line.

macOS Finder (double-click on a project, drop on the Dock icon) sends a
QFileOpenEvent to the QApplication; Linux and Windows pass a path in argv,
which `explorer.app` handles.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject


class FileOpenFilter(QObject):
    """Installed on the QApplication; hands every FileOpen event to `window.open_file`."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.FileOpen:
            path = event.file() or event.url().toLocalFile()
            if path:
                self.window.open_file(path)
            return True
        return False
