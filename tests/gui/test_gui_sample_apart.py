"""The sample project lives apart: its own file, a banner, never the target
of an import; `--sample` and the first start leave the user's project alone."""

from __future__ import annotations

import argparse

import pytest
from gui_fakes import FakeBackend

from explorer import app, settings
from explorer.gui import worker
from explorer.services import project as project_service


def _args(*argv) -> argparse.Namespace:
    return app._parser().parse_args(list(argv))


class _Settings:
    def __init__(self, recent=()):
        self.recent = list(recent)

    def value(self, key, default=None, type=None):  # noqa: A002 - QSettings' signature
        return self.recent if key == "projects/recent" else default


def test_the_first_start_opens_the_sample_and_pages_never_go_there(tmp_path):
    sample = project_service.sample_project_path()
    path, build, pages = app._choose_project(_args(), True, _Settings(), settings)
    assert (path, build, pages) == (sample, True, [])
    path, build, _ = app._choose_project(_args(), False, _Settings(), settings)
    assert (path, build) == (settings.default_project_path(), False)  # later starts: the user's project
    page = str(tmp_path / "page.txt")
    path, build, pages = app._choose_project(_args(page), True, _Settings(), settings)
    assert path == settings.default_project_path() and not build and pages == [page]
    sample.parent.mkdir(parents=True, exist_ok=True)
    sample.write_bytes(b"")
    path, _, _ = app._choose_project(_args(page), False, _Settings([str(sample)]), settings)
    assert path == settings.default_project_path()  # the last project was the sample: not for imports
    path, build, _ = app._choose_project(_args("--sample", "--project", str(tmp_path / "mine.db")), False, _Settings(), settings)
    assert (path, build) == (sample, True)


def test_explorer_gui_sample_passes_no_project(monkeypatch):
    from explorer.cli import gui as cli_gui

    seen = []
    monkeypatch.setattr(app, "main", lambda argv: seen.append(argv) or 0)
    ctx = argparse.Namespace(project_path=settings.default_project_path())
    cli_gui.handle(argparse.Namespace(project=None, query=None, screenshot=None, sample=True), ctx)
    assert seen == [["--sample"]]


@pytest.mark.slow
def test_sample_builds_its_own_project_and_leaves_the_default_untouched(qapp, tmp_path):
    default = settings.default_project_path()
    assert not default.exists()
    shot = tmp_path / "home.png"
    code = app.main(["--sample", "--screenshot", str(shot), "--size", "1000x700"])
    worker.wait_all()
    assert code == 0 and shot.is_file()
    assert not default.exists()  # the user's project was never opened, let alone written
    sample = project_service.open_project(project_service.sample_project_path(), create=False)
    try:
        assert project_service.is_sample(sample)
        assert project_service.stats(sample).documents == len([p for p in settings.sample_corpus_dir().iterdir() if p.suffix != ".md"])
    finally:
        sample.close()


def test_an_import_while_the_sample_is_open_goes_to_the_users_project(qtbot, qsettings, monkeypatch):
    from explorer.gui.main_window import MainWindow

    sample = FakeBackend(is_sample=True)
    window = MainWindow(sample, settings=qsettings)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.home_page.summary is not None, timeout=10000)
    assert not window.home_page.banner.isHidden()  # the window is not shown: ask the widget itself
    own = FakeBackend()
    opened = []

    def open_project(path, create=False):
        opened.append((path, create))
        window.set_backend(own)
        return True

    monkeypatch.setattr(window, "open_project", open_project)
    window.show_ingest(["/data/new-page.txt"])
    assert opened == [(settings.default_project_path(), True)]
    assert window.backend is own and window.ingest_dialog.ingest_fn == own.ingest
    assert "示例项目不接收导入" in window.statusBar().currentMessage()
    window.ingest_dialog.reject()
