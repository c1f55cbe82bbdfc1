"""`explorer-gui`: start the desktop explorer.

Also used headless by `explorer gui --screenshot`: open the project, run the
query, open the first hit, wait until the canvas has settled, write a PNG.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

SCREENSHOT_TIMEOUT_S = 180
IDLE_GIVE_UP_S = 3.0


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="explorer-gui", description="the desktop explorer")
    p.add_argument("--project", help="project database (default: the last one, else the user's default)")
    p.add_argument("--query", help="search for this text after start and open the first hit")
    p.add_argument("--screenshot", metavar="PNG", help="render the window to PNG and exit")
    p.add_argument("--sample", action="store_true", help="ingest the bundled sample if the project is empty")
    p.add_argument("--article", action="store_true", help="with --query: also open the first article of the hit")
    p.add_argument("--lang", choices=("zh", "en"), help="interface language for this run")
    p.add_argument("--hops", type=int, choices=(1, 2, 3), help="neighbourhood depth of the canvas")
    p.add_argument("--size", default="1400x900", help="window size for --screenshot, WxH")
    p.add_argument("--quit-when-ready", action="store_true", help=argparse.SUPPRESS)  # benchmarks/bench_gui.py
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from explorer import settings as app_settings
    from explorer.gui import worker
    from explorer.gui.backend import Backend
    from explorer.gui.i18n import chosen_language, install_translator
    from explorer.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("explorer")
    app.setApplicationName("explorer")
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
    path = _choose_project(args.project, qsettings, app_settings)
    window = MainWindow(settings=qsettings)
    if args.hops:
        window.canvas.hops.setValue(args.hops)
    qsettings.setValue("app/started", True)
    if args.screenshot:
        width, _, height = args.size.partition("x")
        window.resize(int(width), int(height))
    window.show()

    # The project opens on a worker: importing the store and opening a large
    # database must not keep the window from answering (issue 6: < 1.5 s).
    steps = _Steps(window, args, with_sample=args.sample or (first_start and not args.project))
    if args.quit_when_ready:  # the event loop's first turn: the window answers input
        QTimer.singleShot(0, lambda: print(f"ready {time.time():.6f}", flush=True))
        steps.on_opened = lambda: (print(f"opened {time.time():.6f}", flush=True), window.close(), app.quit())
    QTimer.singleShot(
        0, lambda: window._start(Backend.open, path, True, on_result=steps.project_opened, on_error=steps.project_failed)
    )
    if not args.screenshot:
        code = app.exec()
        worker.wait_all()
        return code
    return steps.screenshot(app, Path(args.screenshot))


def _choose_project(explicit, qsettings, app_settings) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    import os

    if os.environ.get(app_settings.PROJECT_ENV):
        return app_settings.project_path()
    recent = qsettings.value("projects/recent", [])
    if isinstance(recent, str):
        recent = [recent]
    for candidate in recent or []:
        if Path(candidate).is_file():
            return Path(candidate)
    return app_settings.default_project_path()


class _Steps:
    """After start: open the project, maybe ingest the sample, run the query,
    open the first hit (and its article)."""

    def __init__(self, window, args, with_sample: bool):
        self.window = window
        self.args = args
        self.with_sample = with_sample
        self.opened = False
        self.done = not args.query
        self.on_opened = None

    def project_opened(self, backend) -> None:
        self.window.set_backend(backend)
        self.opened = True
        if self.on_opened is not None:
            self.on_opened()
            return
        if self.with_sample:
            from PySide6.QtCore import QCoreApplication

            self.window.statusBar().showMessage(QCoreApplication.translate("MainWindow", "正在导入示例语料…"))
            self.window._start(backend.ensure_sample, on_result=lambda _: self.after_sample())
        else:
            self.after_sample()

    def project_failed(self, error) -> None:
        self.opened = self.done = True
        if self.on_opened is not None:
            self.on_opened()

    def after_sample(self) -> None:
        self.window.refresh_stats()
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
            self.window.graphShown.connect(self._finish)
        self.window.open_entity(hit.id)

    def _open_article(self, detail) -> None:
        self.window.entityShown.disconnect(self._open_article)
        evidence = next((e for f in detail.facts for e in f.evidence), None)
        if evidence is not None:
            self.window.open_article(evidence.article_id, evidence.start, evidence.end)
        elif detail.mentions:
            m = detail.mentions[0]
            self.window.open_article(m.article_id, m.start, m.end)
        self.window.articleShown.connect(lambda _: setattr(self, "done", True))

    def _finish(self, _center) -> None:
        self.done = True

    def screenshot(self, app, target: Path) -> int:
        deadline = time.monotonic() + SCREENSHOT_TIMEOUT_S
        last_busy = time.monotonic()
        while time.monotonic() < deadline:
            app.processEvents()
            if self.window.is_busy() or not self.opened:
                last_busy = time.monotonic()
            elif self.done or time.monotonic() - last_busy > IDLE_GIVE_UP_S:
                break  # finished, or something failed and nothing is running any more
            time.sleep(0.02)
        for _ in range(20):  # let the last paints land
            app.processEvents()
            time.sleep(0.01)
        target.parent.mkdir(parents=True, exist_ok=True)
        ok = self.window.grab().save(str(target))
        self.window.close()
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
