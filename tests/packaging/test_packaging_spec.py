"""The PyInstaller spec bundles every data file the app reads at run time."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PACKAGING = REPO / "packaging"
FROZEN_APP = REPO / "dist" / "explorer"

SPEC = PACKAGING / "explorer.spec"


class _Recorder:
    """Stands in for PyInstaller's Analysis/PYZ/EXE/COLLECT/BUNDLE."""

    calls: dict = {}

    def __init__(self, *args, **kwargs):
        type(self).calls[type(self).__name__] = (args, kwargs)
        self.__dict__.update(kwargs)
        self.pure, self.scripts = [], []
        self.binaries = list(kwargs.get("binaries", []))


def _run_spec() -> dict:
    pytest.importorskip("PyInstaller", reason="PyInstaller is in the 'package' extra")
    names = {n: type(n, (_Recorder,), {}) for n in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")}
    namespace = {"SPECPATH": str(PACKAGING), "workpath": "/nonexistent", "__file__": str(SPEC), **names}
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    return namespace


@pytest.fixture(scope="module")
def spec_namespace():
    return _run_spec()


def test_spec_is_valid_python():
    ast.parse(SPEC.read_text(encoding="utf-8"), filename=str(SPEC))


def test_spec_bundles_the_data_the_app_reads(spec_namespace):
    args, kwargs = spec_namespace["Analysis"].calls["Analysis"]
    assert Path(args[0][0]) == PACKAGING / "launcher.py"
    datas = {(Path(src).resolve(), Path(dest).as_posix()) for src, dest in kwargs["datas"]}
    sources = {src for src, _ in datas}
    expected = {
        REPO / "explorer" / "nlp" / "pipeline.cfg": "explorer/nlp",
        REPO / "explorer" / "core" / "data" / "divisions.tsv.gz": "explorer/core/data",
        REPO / "explorer" / "export" / "templates" / "graph.html": "explorer/export/templates",
    }
    for path in (REPO / "explorer" / "nlp" / "data").iterdir():
        expected[path] = "explorer/nlp/data"
    for path in (REPO / "resources" / "sample").iterdir():
        expected[path] = "resources/sample"
    for src, dest in expected.items():
        assert (src.resolve(), dest) in datas, f"{src} is not bundled into {dest}"
    package_data = [p for p in (REPO / "explorer").rglob("*")
                    if p.is_file() and p.suffix not in {".py", ".pyc"} and "__pycache__" not in p.parts]
    for path in package_data:
        assert (path.resolve(), path.parent.relative_to(REPO).as_posix()) in datas, f"{path} is not bundled"
    names = {p.name for p in sources}
    assert {"lac_encoder.onnx", "vis-network.min.js"} <= names
    assert not any(p.suffix == ".py" for p in sources if REPO / "explorer" in p.parents)


def test_spec_imports_what_spacy_finds_by_name(spec_namespace):
    _, kwargs = spec_namespace["Analysis"].calls["Analysis"]
    hidden = set(kwargs["hiddenimports"])
    assert {"spacy.lang.zh", "explorer.nlp.segment", "explorer.cli.query", "explorer.gui.main_window"} <= hidden


def _imported_top_level_names() -> set[str]:
    names = set()
    for path in (REPO / "explorer").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module)
    return names


def test_spec_excludes_nothing_the_app_imports(spec_namespace):
    _, kwargs = spec_namespace["Analysis"].calls["Analysis"]
    excluded = set(kwargs["excludes"])
    used = _imported_top_level_names()
    clashes = {name for name in used for ex in excluded if name == ex or name.startswith(ex + ".")}
    assert not clashes


def test_spec_trims_qt_translations_and_plugins(spec_namespace):
    keep = spec_namespace["keep"]
    assert keep(("PySide6/Qt/translations/qtbase_zh_CN.qm", "x", "DATA"))
    assert not keep(("PySide6/Qt/translations/qtbase_de.qm", "x", "DATA"))
    assert not keep(("PySide6/Qt/plugins/designer/libpyside6.so", "x", "BINARY"))
    assert keep(("PySide6/Qt/plugins/platforms/libqoffscreen.so", "x", "BINARY"))
    assert keep(("PySide6/Qt/plugins/platforms/libqxcb.so", "x", "BINARY"))
    assert keep(("explorer/nlp/pipeline.cfg", "x", "DATA"))


def test_spec_uses_the_platform_icons(spec_namespace):
    exe_kwargs = spec_namespace["EXE"].calls["EXE"][1]
    assert exe_kwargs["name"] == "explorer"
    if sys.platform == "win32":
        assert exe_kwargs["icon"].endswith("explorer.ico")
    assert (PACKAGING / "icons" / "explorer.ico").is_file()
    assert (PACKAGING / "icons" / "explorer.icns").is_file()
    text = SPEC.read_text(encoding="utf-8")
    assert "/home/" not in text and "C:\\\\" not in text  # no machine-specific paths
