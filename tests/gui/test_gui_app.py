"""`explorer-gui` headless: open a project, query, screenshot, exit 0."""

from __future__ import annotations

from PySide6.QtGui import QImage

from explorer import app
from explorer.gui import worker


def test_screenshot_of_an_empty_project(qapp, tmp_path):
    target = tmp_path / "shot.png"
    code = app.main(["--project", str(tmp_path / "p.db"), "--query", "聊城", "--screenshot", str(target), "--size", "900x600"])
    worker.wait_all()
    assert code == 0
    image = QImage(str(target))
    assert image.height() == 600 and image.width() >= 900  # the docks may need a little more width
    assert (tmp_path / "p.db").exists()


def test_parser_accepts_the_cli_arguments():
    args = app._parser().parse_args(["--project", "x.db", "--query", "q", "--screenshot", "s.png", "--sample"])
    assert (args.project, args.query, args.screenshot, args.sample) == ("x.db", "q", "s.png", True)


def test_a_screenshot_that_never_got_ready_says_so(qapp, tmp_path, monkeypatch):
    from explorer.gui.main_window import MainWindow

    monkeypatch.setattr(app, "SCREENSHOT_TIMEOUT_S", 0.5)
    monkeypatch.setattr(MainWindow, "is_busy", lambda self: True)  # the canvas never settles
    target = tmp_path / "shot.png"
    code = app.main(["--project", str(tmp_path / "p.db"), "--query", "聊城", "--screenshot", str(target), "--size", "600x400"])
    worker.wait_all()
    assert code == app.EXIT_SCREENSHOT_INCOMPLETE
    assert target.is_file()  # written anyway: it may still help to see it


def test_a_screenshot_after_an_error_is_not_a_success(qapp, tmp_path, capsys):
    broken = tmp_path / "broken.explorer.db"
    broken.write_bytes(b"this is not a database" * 100)
    code = app.main([str(broken), "--screenshot", str(tmp_path / "shot.png"), "--size", "600x400"])
    worker.wait_all()
    assert code == app.EXIT_SCREENSHOT_INCOMPLETE
    assert "explorer-gui: " in capsys.readouterr().err  # the reason goes to stderr


def test_a_positional_file_is_the_project(qapp, tmp_path):
    project = tmp_path / "chosen.explorer.db"
    assert app._parser().parse_args([str(project)]).file == [str(project)]
    code = app.main([str(project), "-psn_0_42", "--screenshot", str(tmp_path / "s.png"), "--size", "600x400"])
    worker.wait_all()
    assert code == 0 and project.is_file()


def test_an_unexpected_error_is_logged_and_explained_without_a_traceback(qapp, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setattr(app, "_run", lambda args: {}["boom"])
    assert app.main(["--screenshot", str(tmp_path / "x.png")]) == app.EXIT_CRASH
    err = capsys.readouterr().err
    assert "KeyError" in err and "unexpected error" in err and "意外错误" in err
    assert "Traceback" not in err
    logs = list((tmp_path / "data").rglob("crash.log"))
    assert len(logs) == 1 and "Traceback" in logs[0].read_text(encoding="utf-8")
    assert str(logs[0]) in err


def test_people_see_the_crash_in_a_dialog(qapp, tmp_path, monkeypatch, capsys):
    from PySide6.QtWidgets import QMessageBox

    seen = []
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv(app.NO_DIALOG_ENV, raising=False)
    monkeypatch.setattr(app, "_run", lambda args: 1 / 0)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: seen.append((box.text(), box.detailedText())) or 0)
    assert app.main([]) == app.EXIT_CRASH
    text, details = seen[0]
    assert "意外错误" in text and "unexpected error" in text and "crash.log" in text
    assert "Traceback" not in text + details and "ZeroDivisionError" in details
    assert capsys.readouterr().err == ""


def test_finder_file_open_events_reach_the_window(window, tmp_path, monkeypatch):
    from PySide6.QtGui import QFileOpenEvent

    from explorer.gui.file_open import FileOpenFilter

    opened, imported = [], []
    monkeypatch.setattr(window, "open_project", lambda path, create=False: opened.append(path))
    monkeypatch.setattr(window, "show_ingest", lambda paths=(), start=False: imported.append((list(paths), start)))
    opener = FileOpenFilter(window)
    assert opener.eventFilter(None, QFileOpenEvent(str(tmp_path / "a.explorer.db")))
    assert opener.eventFilter(None, QFileOpenEvent(str(tmp_path / "page.txt")))
    assert opened == [str(tmp_path / "a.explorer.db")]
    assert imported == [([str(tmp_path / "page.txt")], True)]  # a page is imported at once
