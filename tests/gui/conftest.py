"""Fixtures for GUI tests: a fake backend, isolated QSettings, a main window."""

from __future__ import annotations

import pytest
from gui_fakes import FakeBackend
from PySide6.QtCore import QSettings


@pytest.fixture
def fake_backend():
    return FakeBackend()


@pytest.fixture
def qsettings(tmp_path):
    return QSettings(str(tmp_path / "gui.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, fake_backend, qsettings):
    from explorer.gui.main_window import MainWindow

    win = MainWindow(fake_backend, settings=qsettings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    from explorer.gui import worker

    worker.wait_all()


@pytest.fixture(autouse=True)
def _app(qapp):
    """Every GUI test needs the QApplication (icons are pixmaps)."""
    return qapp


def pytest_collection_modifyitems(items):
    """The offscreen platform warns that it cannot resize to size hints, raise a
    window or grab the keyboard (popups do both); not our bugs."""
    for item in items:
        if "tests/gui" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise", "grabbing the keyboard"))
