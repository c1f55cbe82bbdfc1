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
