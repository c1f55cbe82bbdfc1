"""`make package`: build the one-folder app into dist/explorer and smoke-test it.

    .venv/bin/python packaging/build.py [--skip-build] [--no-smoke] [--tarball]

Steps: make sure PyInstaller and the icons are there, run PyInstaller with
packaging/explorer.spec, check the size budget, validate the desktop entry,
run packaging/smoke.py against the frozen binary, and write the figures to
dist/package-report.json (docs/packaging.md quotes them). With --tarball it
also writes dist/explorer-<version>-linux-<arch>.tar.gz holding the app
folder and install.sh.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import smoke  # noqa: E402 - packaging/smoke.py, beside this file

DIST = ROOT / "dist"
APP_DIR = DIST / "explorer"
WORK = ROOT / "build" / "pyinstaller"
SIZE_BUDGET_MB = 400
ICONS = [HERE / "linux" / "icons" / f"explorer-{s}.png" for s in (48, 128, 256)] + [
    HERE / "icons" / "explorer.ico", HERE / "icons" / "explorer.icns"]


def step(text: str) -> None:
    print(f"\n== {text}", flush=True)


def ensure_pyinstaller() -> None:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        step("installing PyInstaller (the 'package' extra)")
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "pyinstaller>=6.5"], check=True)


def ensure_icons() -> None:
    if all(p.is_file() for p in ICONS):
        return
    step("drawing the icons")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run([sys.executable, str(HERE / "make_icons.py")], check=True, env=env)


def run_pyinstaller() -> float:
    step("PyInstaller (a few minutes on 2 cores)")
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(DIST), "--workpath", str(WORK), str(HERE / "explorer.spec")],
        check=True, cwd=ROOT,
    )
    return time.perf_counter() - started


def desktop_validator() -> str | None:
    """desktop-file-validate, installed from Debian when missing and we may."""
    tool = shutil.which("desktop-file-validate")
    if tool or not sys.platform.startswith("linux") or not shutil.which("apt-get"):
        return tool
    sudo = [] if os.geteuid() == 0 else (["sudo", "-n"] if shutil.which("sudo") else None)
    if sudo is None:
        return None
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run([*sudo, "apt-get", "install", "-y", "-qq", "desktop-file-utils"], env=env,
                   stdout=subprocess.DEVNULL, check=False)
    return shutil.which("desktop-file-validate")


def validate_desktop_entry() -> str:
    tool = desktop_validator()
    if tool is None:
        print("desktop-file-validate not available: skipped")
        return "skipped"
    subprocess.run([tool, str(HERE / "linux" / "explorer.desktop")], check=True)
    return "valid"


def write_tarball(version: str) -> Path:
    arch = platform.machine() or "unknown"
    target = DIST / f"explorer-{version}-linux-{arch}.tar.gz"
    step(f"tarball {target.name}")
    top = f"explorer-{version}"
    with tarfile.open(target, "w:gz", compresslevel=6) as tar:
        tar.add(APP_DIR, arcname=f"{top}/explorer")
        for name in ("install.sh", "explorer.desktop", "explorer-mime.xml", "icons"):
            tar.add(HERE / "linux" / name, arcname=f"{top}/{name}")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-build", action="store_true", help="reuse dist/explorer")
    parser.add_argument("--no-smoke", action="store_true", help="do not run the frozen app")
    parser.add_argument("--tarball", action="store_true", help="also write a Linux tarball")
    args = parser.parse_args(argv)

    report: dict = {"platform": f"{sys.platform}-{platform.machine()}", "python": platform.python_version()}
    ensure_icons()
    if not args.skip_build:
        ensure_pyinstaller()
        report["build_s"] = round(run_pyinstaller(), 1)
    if not smoke.executable(APP_DIR).is_file():
        print(f"no frozen app at {APP_DIR}", file=sys.stderr)
        return 1
    size_mb = smoke.bundle_size(APP_DIR) / 2**20
    report["bundle_mb"] = round(size_mb, 1)
    print(f"bundle: {APP_DIR} {size_mb:.0f} MB (budget {SIZE_BUDGET_MB} MB)")
    if size_mb > SIZE_BUDGET_MB:
        print(f"the bundle is over the {SIZE_BUDGET_MB} MB budget", file=sys.stderr)
        return 1
    if sys.platform.startswith("linux"):
        step("desktop entry")
        report["desktop_entry"] = validate_desktop_entry()
    if not args.no_smoke:
        step("smoke test of the frozen app")
        try:
            report["smoke"] = smoke.run_smoke(APP_DIR)
        except smoke.SmokeFailure as failure:
            print(f"SMOKE TEST FAILED: {failure}", file=sys.stderr)
            return 1
    if args.tarball:
        from explorer import __version__

        tarball = write_tarball(__version__)
        report["tarball_mb"] = round(tarball.stat().st_size / 2**20, 1)
    (DIST / "package-report.json").write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    step("done")
    print(json.dumps(report, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
