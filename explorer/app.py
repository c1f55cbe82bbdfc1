"""`explorer-gui`: start the desktop explorer.

Also used headless by `explorer gui --screenshot`: open the project, run the
query, open the first hit, wait until the canvas has settled, write a PNG.

The bundled sample is fictional, so it is a project of its own (示例项目):
the first start opens it (importing the pages with progress on the home
page), `--sample` opens it, and nothing of it is written into the user's
projects. Pages handed over by a file manager (.txt .pdf .html) are imported
into the current project, never into the sample.
The exit code says whether that worked (`EXIT_SCREENSHOT_INCOMPLETE` when
the wait ran out or an error was reported), so scripts can trust it.

`main` is guarded: an unexpected exception is written to the user's crash
log and shown in a dialog, not as a traceback nobody sees. The frozen app's
launcher (packaging/launcher.py) shares `show_error` and `write_crash_log`.
This module imports nothing heavy at import time for that reason.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
import traceback
from pathlib import Path

SCREENSHOT_TIMEOUT_S = 180
IDLE_GIVE_UP_S = 3.0
EXIT_CRASH = 1
EXIT_SCREENSHOT_INCOMPLETE = 4
NO_DIALOG_ENV = "EXPLORER_NO_DIALOG"


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="explorer-gui", description="the desktop explorer")
    p.add_argument("file", nargs="*", help="a project file to open, or pages (.txt .pdf .html) to import (what a file manager passes)")
    p.add_argument("--project", help="project database (default: the last one, else the user's default)")
    p.add_argument("--query", help="search for this text after start and open the first hit")
    p.add_argument("--screenshot", metavar="PNG", help="render the window to PNG and exit")
    p.add_argument("--sample", action="store_true", help="open the sample project (fictional pages, kept apart from yours)")
    p.add_argument("--documents", action="store_true", help="show the documents panel")
    p.add_argument("--comentions", action="store_true", help="with --query: show the co-mention layer on the canvas")
    p.add_argument("--article", action="store_true", help="with --query: also open the first article of the hit")
    p.add_argument("--scan", action="store_true", help="with --article: the scanned page beside an OCR'd article")
    p.add_argument("--lang", choices=("zh", "en"), help="interface language for this run")
    p.add_argument("--hops", type=int, choices=(1, 2, 3), help="neighbourhood depth of the canvas")
    p.add_argument("--size", default="1400x900", help="window size for --screenshot, WxH")
    p.add_argument("--quit-when-ready", action="store_true", help=argparse.SUPPRESS)  # benchmarks/bench_gui.py
    return p


# --- the last line of defence -------------------------------------------------------
def is_headless(argv: list[str]) -> bool:
    """No dialog for scripts, tests and the offscreen platform: nobody could click it."""
    return (
        bool(os.environ.get(NO_DIALOG_ENV))
        or os.environ.get("QT_QPA_PLATFORM") == "offscreen"
        or any(a == "--screenshot" or a.startswith("--screenshot=") for a in argv)
    )


def crash_log_path() -> Path:
    try:
        from explorer.settings import data_dir

        folder = data_dir() / "logs"
    except Exception:  # noqa: BLE001 - the app itself may be what is broken
        import tempfile

        folder = Path(tempfile.gettempdir()) / "explorer-logs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "crash.log"


def write_crash_log(details: str) -> Path | None:
    try:
        path = crash_log_path()
        with path.open("a", encoding="utf-8") as log:
            log.write(f"--- {time.strftime('%Y-%m-%d %H:%M:%S')} argv={sys.argv!r}\n{details}\n")
        return path
    except OSError:
        return None


def show_error(title: str, message: str, details: str, headless: bool) -> None:
    """A dialog for people, stderr for scripts and when Qt itself is unusable."""
    if not headless:
        try:
            from PySide6.QtWidgets import QApplication, QMessageBox

            app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841
            box = QMessageBox(QMessageBox.Icon.Critical, title, message)
            if details:
                box.setDetailedText(details)
            box.exec()
            return
        except Exception:  # noqa: BLE001 - fall back to the console
            pass
    if sys.stderr is not None:
        print(f"{title}\n{message}\n\n{details}".rstrip(), file=sys.stderr)


def report_crash(error: BaseException, headless: bool) -> int:
    """Log the traceback, tell the user in both languages (no traceback in the dialog)."""
    log = write_crash_log("".join(traceback.format_exception(error)))
    summary = f"{type(error).__name__}: {error}"
    where = f"\n\n详细信息已写入 / details written to:\n{log}" if log else ""
    show_error(
        "Explorer 出错 / error",
        "程序遇到意外错误，需要关闭。\nThe program ran into an unexpected error and has to close." + where,
        summary,
        headless,
    )
    return EXIT_CRASH


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    argv = [a for a in argv if not a.startswith("-psn_")]  # old macOS Finder adds a process serial number
    args = _parser().parse_args(argv)  # a usage error exits 2 with argparse's message
    try:
        return _run(args)
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # noqa: BLE001 - the last line of defence
        return report_crash(error, is_headless(argv))


def _run(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from explorer import settings as app_settings
    from explorer.gui import worker
    from explorer.gui.backend import Backend
    from explorer.gui.file_open import FileOpenFilter
    from explorer.gui.i18n import chosen_language, install_translator
    from explorer.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("explorer")
    app.setApplicationName("explorer")
    app.setDesktopFileName("explorer")  # Wayland/X11 match the window to explorer.desktop
    icon = app_settings.resources_dir() / "icons" / "explorer.svg"
    if icon.is_file():
        from PySide6.QtGui import QIcon

        app.setWindowIcon(QIcon(str(icon)))
    font = QFont(app.font())
    font.setFamilies(["Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", font.family()])
    app.setFont(font)
    qsettings = QSettings()
    install_translator(app, args.lang or chosen_language(qsettings))

    first_start = not qsettings.value("app/started", False, type=bool)
    path, with_sample, pages = _choose_project(args, first_start, qsettings, app_settings)
    window = MainWindow(settings=qsettings)
    opener = FileOpenFilter(window)  # macOS Finder opens files by an event, not argv
    app.installEventFilter(opener)
    _rebuild_on_language_switch(window, opener, lambda: MainWindow(settings=qsettings))
    if args.hops:
        window.canvas.hops.setValue(args.hops)
    if args.comentions:
        window.canvas.comention_button.setChecked(True)
    qsettings.setValue("app/started", True)
    if args.screenshot:
        width, _, height = args.size.partition("x")
        window.resize(int(width), int(height))
    window.show()

    # The project opens on a worker: importing the store and opening a large
    # database must not keep the window from answering (issue 6: < 1.5 s).
    steps = _Steps(window, args, with_sample=with_sample, pages=pages)
    if args.quit_when_ready:  # the event loop's first turn: the window answers input
        QTimer.singleShot(0, lambda: print(f"ready {time.time():.6f}", flush=True))
        steps.on_opened = lambda: (print(f"opened {time.time():.6f}", flush=True), window.close(), app.quit())
    QTimer.singleShot(
        0, lambda: window._start(Backend.open, path, True, on_result=steps.project_opened, on_error=steps.project_failed)
    )
    try:
        if not args.screenshot:
            code = app.exec()
            worker.wait_all()
            return code
        return steps.screenshot(app, Path(args.screenshot))
    finally:
        app.removeEventFilter(opener)


def _rebuild_on_language_switch(window, opener, make_window) -> None:
    """A language switch applies at once: the window is built again with the new
    translator (every text is set when a widget is made) and takes over the open
    project, the path walked and the current entity. The undo history is dropped."""
    from PySide6.QtWidgets import QApplication

    from explorer.gui.i18n import install_translator

    def switch(code: str) -> None:
        old = opener.window
        install_translator(QApplication.instance(), code)
        old.save_layout()
        new = make_window()
        new.languageSwitched.connect(switch)
        opener.window = new
        new.show()
        old.hand_over_to(new)

    window.languageSwitched.connect(switch)


PROJECT_SUFFIXES = (".db", ".sqlite", ".sqlite3")


def _choose_project(args, first_start: bool, qsettings, app_settings) -> tuple[Path, bool, list[str]]:
    """(project to open, whether it is the sample to build, pages to import).
    The sample opens with `--sample` and on the very first start; pages always
    go into a project of the user's."""
    from explorer.services.project import sample_project_path

    files = list(args.file or [])
    projects = [f for f in files if f.lower().endswith(PROJECT_SUFFIXES)]
    pages = [f for f in files if not f.lower().endswith(PROJECT_SUFFIXES)]
    sample = sample_project_path()
    if args.sample:
        return sample, True, pages
    explicit = args.project or (projects[0] if projects else None)
    if explicit:
        return Path(explicit).expanduser(), False, pages
    if os.environ.get(app_settings.PROJECT_ENV):
        return app_settings.project_path(), False, pages
    if first_start and not pages:
        return sample, True, pages
    recent = qsettings.value("projects/recent", [])
    for candidate in [recent] if isinstance(recent, str) else recent or []:
        path = Path(candidate)
        if path.is_file() and not (pages and _same(path, sample)):
            return path, _same(path, sample), pages
    return app_settings.default_project_path(), False, pages


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


class _Steps:
    """After start: open the project, maybe ingest the sample, run the query,
    open the first hit (and its article)."""

    def __init__(self, window, args, with_sample: bool, pages=()):
        self.window = window
        self.args = args
        self.with_sample = with_sample
        self.pages = list(pages)
        self.opened = False
        self.done = not args.query
        self.on_opened = None
        self.errors: list = []
        window.errorReported.connect(self.errors.append)

    def project_opened(self, backend) -> None:
        self.window.set_backend(backend)
        self.opened = True
        # What exists now (modules, networkx, the store's caches) lives as long as the
        # app: out of the collector's sight, a full collection no longer walks it,
        # which cut its pauses (felt as UI stalls while building a canvas) by half.
        gc.freeze()
        if self.on_opened is not None:
            self.on_opened()
            return
        if self.with_sample:  # the sample project's own file: built on first use, with progress
            from PySide6.QtCore import QCoreApplication

            home = self.window.home_page
            message = QCoreApplication.translate("MainWindow", "正在导入示例页面：%1")
            home.show_progress(0.0, message.replace("%1", "…"))
            self.window._start(
                backend.ensure_sample, with_state=True,
                on_progress=lambda fraction, name: home.show_progress(fraction, message.replace("%1", name or "…")),
                on_result=lambda _: self.after_sample(),
                on_error=lambda _e: home.show_progress(None),
            )
        else:
            self.after_sample()

    def project_failed(self, error) -> None:
        self.opened = self.done = True  # the error itself arrives through errorReported
        if self.on_opened is not None:
            self.on_opened()

    def after_sample(self) -> None:
        self.window.after_documents_changed()
        if self.args.documents:
            self.window.show_documents()
            self.window.documents_panel.listed.connect(self._select_first_document)
        if self.pages:
            self.window.show_ingest(self.pages, start=True)
        if not self.args.query:
            return
        search = self.window.search
        search.resultsReady.connect(self._results)
        search.failed.connect(lambda _error: setattr(self, "done", True))
        search.field.setText(self.args.query)
        search.search_now()

    def _results(self, count: int) -> None:
        self.window.search.resultsReady.disconnect(self._results)
        if count == 0:
            self.done = True
            return
        hit = self.window.search.model.hit(0)
        if self.args.article:
            self.window.entityShown.connect(self._open_article)
        else:
            # the co-mention layer is read once the layout settled: wait for it then
            (self.window.comentionsShown if self.args.comentions else self.window.graphShown).connect(self._finish)
        self.window.open_entity(hit.id)

    def _open_article(self, detail) -> None:
        self.window.entityShown.disconnect(self._open_article)
        from PySide6.QtCore import Qt

        docks = [self.window.docks["entity"], self.window.docks["article"]]
        height = self.window.height()
        self.window.resizeDocks(docks, [height * 3 // 10, height * 7 // 10], Qt.Orientation.Vertical)  # the reader is the subject
        evidence = next((e for f in detail.facts for e in f.evidence), None)
        if evidence is not None:
            self.window.open_article(evidence.article_id, evidence.start, evidence.end)
        elif detail.mentions:
            m = detail.mentions[0]
            self.window.open_article(m.article_id, m.start, m.end)
        else:
            self.done = True  # nothing to read: the entity page is the picture
            return
        self.window.articleShown.connect(self._article_shown)

    def _article_shown(self, _record) -> None:
        if getattr(self.args, "scan", False):  # the scanned page beside an OCR'd article (issue 15)
            self.window.widen_reader()
            self.window.reader.page_button.setChecked(True)
        self.done = True

    def _select_first_document(self, count: int) -> None:
        self.window.documents_panel.listed.disconnect(self._select_first_document)
        panel = self.window.documents_panel
        if count:
            panel.table.selectRow(0)

    def _finish(self, _center) -> None:
        self.done = True

    def screenshot(self, app, target: Path) -> int:
        """0 when the PNG shows what was asked for; EXIT_SCREENSHOT_INCOMPLETE when
        the wait ran out or an error was reported (the PNG is written anyway)."""
        deadline = time.monotonic() + SCREENSHOT_TIMEOUT_S
        last_busy = time.monotonic()
        timed_out = True
        while time.monotonic() < deadline:
            app.processEvents()
            if self.window.is_busy() or not self.opened:
                last_busy = time.monotonic()
            elif self.done or time.monotonic() - last_busy > IDLE_GIVE_UP_S:
                timed_out = False
                break  # finished, or something failed and nothing is running any more
            time.sleep(0.02)
        for _ in range(20):  # let the last paints land
            app.processEvents()
            time.sleep(0.01)
        target.parent.mkdir(parents=True, exist_ok=True)
        ok = self.window.grab().save(str(target))
        self.window.close()
        if not ok:
            return 1
        if timed_out or not self.done or self.errors:
            for error in self.errors:
                print(f"explorer-gui: {type(error).__name__}: {error}", file=sys.stderr)
            if timed_out or not self.done:
                print("explorer-gui: the screenshot was taken before the view was ready", file=sys.stderr)
            return EXIT_SCREENSHOT_INCOMPLETE
        return 0


if __name__ == "__main__":
    sys.exit(main())
