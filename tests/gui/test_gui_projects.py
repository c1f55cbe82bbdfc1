"""New, open, save-as and recent projects with the real project service."""

from __future__ import annotations

from explorer.gui.backend import Backend
from explorer.gui.main_window import MainWindow


def test_open_save_as_and_recent(qtbot, qsettings, tmp_path):
    window = MainWindow(Backend.open(tmp_path / "first.db"), settings=qsettings)
    qtbot.addWidget(window)
    assert window.backend.path.name == "first.db"
    assert "first.db" in window.windowTitle()
    assert window.copy_project_to(tmp_path / "copy.db")
    assert window.backend.path.name == "copy.db" and (tmp_path / "copy.db").exists()
    assert window.recent_projects()[:2] == [str((tmp_path / "copy.db").resolve()), str((tmp_path / "first.db").resolve())]
    assert window.open_project(tmp_path / "new.db", create=True)
    assert window.backend.path.name == "new.db"
    window.close()


def test_opening_a_broken_project_keeps_the_window_usable(qtbot, qsettings, tmp_path):
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"this is not a database" * 100)
    window = MainWindow(Backend.open(tmp_path / "good.db"), settings=qsettings)
    qtbot.addWidget(window)
    assert not window.open_project(broken)
    assert window.backend.path.name == "good.db"
    assert window.statusBar().currentMessage()
    window.close()
