"""Desktop entry, MIME type, icons and install.sh (no build needed)."""

from __future__ import annotations

import os
import shutil
import stat
import struct
import subprocess
import xml.etree.ElementTree as ET

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PACKAGING = REPO / "packaging"
FROZEN_APP = REPO / "dist" / "explorer"

LINUX = PACKAGING / "linux"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def _png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    return struct.unpack(">II", data[16:24])


def _desktop_entry(path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if "=" in line)


def test_desktop_entry_declares_the_app_and_file_type():
    entry = _desktop_entry(LINUX / "explorer.desktop")
    assert entry["Type"] == "Application" and entry["Icon"] == "explorer"
    assert entry["Exec"].endswith("%F")  # double-clicked projects or pages arrive as arguments
    assert "application/x-explorer-project;" in entry["MimeType"]
    # "Open with" for news pages: they are imported into the current project
    assert {"text/plain", "application/pdf", "text/html"} <= set(entry["MimeType"].split(";"))


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="apt-get install desktop-file-utils")
def test_desktop_entry_validates():
    done = subprocess.run(["desktop-file-validate", str(LINUX / "explorer.desktop")], capture_output=True, text=True)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def test_mime_type_matches_project_files():
    root = ET.parse(LINUX / "explorer-mime.xml").getroot()
    mime = root.find(f"{MIME_NS}mime-type")
    assert mime.get("type") == "application/x-explorer-project"
    assert [g.get("pattern") for g in mime.findall(f"{MIME_NS}glob")] == ["*.explorer.db"]


@pytest.mark.parametrize("size", [48, 128, 256])
def test_hicolor_icons_have_their_size(size):
    data = (LINUX / "icons" / f"explorer-{size}.png").read_bytes()
    assert _png_size(data) == (size, size)
    assert len(data) < 64_000  # generated binaries stay small


def test_windows_icon_holds_png_images_up_to_256():
    data = (PACKAGING / "icons" / "explorer.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1) and count >= 3
    sizes = []
    for i in range(count):
        w, _h, _c, _r, _p, _bpp, length, offset = struct.unpack("<BBBBHHII", data[6 + 16 * i: 22 + 16 * i])
        assert _png_size(data[offset: offset + length])[0] == (w or 256)
        sizes.append(w or 256)
    assert {16, 32, 48, 256} <= set(sizes)


def test_macos_icon_is_a_well_formed_icns():
    data = (PACKAGING / "icons" / "explorer.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    pos, kinds = 8, []
    while pos < len(data):
        kind, length = data[pos: pos + 4], struct.unpack(">I", data[pos + 4: pos + 8])[0]
        _png_size(data[pos + 8: pos + length])
        kinds.append(kind)
        pos += length
    assert pos == len(data) and {b"ic07", b"ic08"} <= set(kinds)


@pytest.fixture
def fake_app(tmp_path):
    """A stand-in for dist/explorer: an executable that prints its arguments."""
    app = tmp_path / "built app" / "explorer"
    app.mkdir(parents=True)
    exe = app / "explorer"
    exe.write_text('#!/bin/sh\necho "started $*"\n')
    exe.chmod(exe.stat().st_mode | stat.S_IXUSR)
    (app / "_internal").mkdir()
    (app / "_internal" / "data.txt").write_text("bundled")
    return app


def _install(home, *args):
    env = dict(os.environ, HOME=str(home))
    env.pop("XDG_DATA_HOME", None)
    return subprocess.run(["sh", str(LINUX / "install.sh"), *map(str, args)], env=env,
                          capture_output=True, text=True, timeout=60)


def test_install_script_installs_into_home_and_uninstalls(tmp_path, fake_app):
    home = tmp_path / "home"
    done = _install(home, fake_app)
    assert done.returncode == 0, done.stderr
    local = home / ".local"
    assert (local / "lib" / "explorer" / "_internal" / "data.txt").read_text() == "bundled"
    launcher = local / "bin" / "explorer-gui"
    assert subprocess.run([str(launcher), "x.explorer.db"], capture_output=True, text=True).stdout.strip() == "started x.explorer.db"
    desktop = local / "share" / "applications" / "explorer.desktop"
    entry = _desktop_entry(desktop)
    assert entry["Exec"] == f'"{local / "lib" / "explorer" / "explorer"}" %F'
    if shutil.which("desktop-file-validate"):
        assert subprocess.run(["desktop-file-validate", str(desktop)]).returncode == 0
    for size in (48, 128, 256):
        assert (local / "share" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "explorer.png").is_file()
    assert (local / "share" / "mime" / "packages" / "explorer.xml").is_file()
    if shutil.which("update-mime-database"):
        assert "*.explorer.db" in (local / "share" / "mime" / "globs2").read_text()

    project = local / "share" / "explorer" / "mine.explorer.db"  # user data survives uninstall
    project.parent.mkdir(parents=True)
    project.write_text("data")
    done = _install(home, "--uninstall")
    assert done.returncode == 0, done.stderr
    assert not (local / "lib" / "explorer").exists() and not launcher.exists() and not desktop.exists()
    assert not list((local / "share" / "icons").rglob("explorer.png"))
    assert project.read_text() == "data"


def test_install_script_refuses_without_a_build(tmp_path):
    done = _install(tmp_path / "home", tmp_path / "nothing-here")
    assert done.returncode != 0 and "make package" in done.stderr
    assert not (tmp_path / "home" / ".local" / "lib" / "explorer").exists()
