"""The HTML export opened in a real browser (Debian's headless Chromium)."""

from __future__ import annotations

import os
import re
import subprocess
import time
from pathlib import Path
from urllib.parse import quote

import pytest

from explorer.export import export_graph
from export_graphs import EVIL, random_graph, small_graph

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [
    pytest.mark.chromium,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed"),
]
WIDTH, HEIGHT = 1200, 800


def chromium(page: Path | str, tmp_path: Path, *args: str, budget_ms: int = 4000, timeout: float = 90):
    """Run headless Chromium on a file (or a file:// URL) with a fresh profile."""
    url = page if isinstance(page, str) else page.resolve().as_uri()
    profile = tmp_path / f"profile-{time.monotonic_ns()}"
    command = [
        str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-extensions", "--run-all-compositor-stages-before-draw",
        f"--user-data-dir={profile}",
        f"--window-size={WIDTH},{HEIGHT}", f"--virtual-time-budget={budget_ms}",
        *args, url,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=True)


def dump_dom(page: Path | str, tmp_path: Path, attempts: int = 3, **kwargs) -> str:
    """The DOM once the graph is drawn.

    Headless Chromium schedules animation frames loosely when the machine is
    busy, so the first draw can miss the virtual-time budget: try again.
    """
    for _ in range(attempts):
        dom = chromium(page, tmp_path, "--dump-dom", **kwargs).stdout
        if graph_state(dom).get("state") == "drawn":
            break
    return dom


def hostile_graph():
    graph = small_graph()
    graph.nodes[1]["name"] = EVIL
    graph.nodes[1]["mentions"] = 99  # the most mentioned node is shown in the side panel
    graph.nodes[1]["aliases"] = ["</script><script>document.title='XSS2'</script>"]
    return graph


def graph_state(dom: str) -> dict:
    tag = re.search(r'<div id="graph"[^>]*>', dom).group(0)
    return dict(re.findall(r'data-([\w-]+)="([^"]*)"', tag))


def assert_safe(dom: str) -> None:
    assert re.search(r"<title>[^<]*</title>", dom).group(0) == "<title>示例 &lt;b&gt;</title>"
    assert "XSS" not in re.search(r"<title>.*?</title>", dom).group(0)
    assert "<img" not in dom  # no element was created from the name
    assert "&lt;img src=x onerror=document.title='XSS'&gt;" in dom  # shown as text
    assert graph_state(dom)["state"] == "drawn"


def test_graph_draws_and_hostile_names_show_as_text(tmp_path):
    [page] = export_graph(hostile_graph(), "html", tmp_path / "g.html", title="示例 <b>")
    dom = dump_dom(page, tmp_path)
    assert_safe(dom)
    # the side panel shows the tooltip text of the most mentioned entity
    panel = re.search(r'<aside id="details">(.*?)</aside>', dom, re.S).group(1)
    assert "类型：人物 (PERSON)" in panel
    assert "别名：&lt;/script&gt;&lt;script&gt;document.title='XSS2'&lt;/script&gt;" in panel
    assert "“张伟任郑家镇党委书记。” —— 东昌府区表彰先进，2024-03-05，示例日报" in panel
    assert "任职于·党委书记" in panel and "年份：2023 · 证据：1 句" in panel and "置信度" not in panel
    assert "图例" in dom and "人物 1" in dom  # the legend counts types


def test_escaping_holds_without_the_content_security_policy(tmp_path):
    """The CSP is a second line: escaping alone must already be enough."""
    [page] = export_graph(hostile_graph(), "html", tmp_path / "g.html", title="示例 <b>")
    text = page.read_text(encoding="utf-8")
    stripped = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", text)
    assert stripped != text
    bare = tmp_path / "bare.html"
    bare.write_text(stripped, encoding="utf-8")
    assert_safe(dump_dom(bare, tmp_path))


def _pixels(png: Path):
    from PySide6.QtGui import QImage

    image = QImage(str(png))
    assert not image.isNull()
    return image


def test_screenshot_shows_coloured_nodes_on_the_canvas(tmp_path):
    graph = random_graph(60)
    [page] = export_graph(graph, "html", tmp_path / "g.html")
    shot = tmp_path / "shot.png"
    chromium(page, tmp_path, f"--screenshot={shot}")
    image = _pixels(shot)
    # the canvas is left of the 300 px side panel and below the header
    coloured = set()
    drawn = 0
    for y in range(90, image.height() - 10, 4):
        for x in range(10, image.width() - 330, 4):
            colour = image.pixelColor(x, y)
            r, g, b = colour.red(), colour.green(), colour.blue()
            if (r, g, b) != (255, 255, 255):
                drawn += 1
            if max(r, g, b) - min(r, g, b) > 60:
                coloured.add((r // 32, g // 32, b // 32))
    assert drawn > 500  # nodes and edges, not a blank page
    assert len(coloured) >= 4  # several type colours


@pytest.mark.slow
def test_twenty_thousand_nodes_draw_in_seconds(tmp_path):
    [page] = export_graph(random_graph(20_000), "html", tmp_path / "big.html")
    started = time.monotonic()
    dom = dump_dom(page, tmp_path, budget_ms=30000, timeout=120)
    elapsed = time.monotonic() - started
    state = graph_state(dom)
    assert state["state"] == "drawn" and state["nodes"] == "20000"
    # The target is under 10 s (about 3 s on an idle 2-core machine). When other
    # jobs keep every core busy, only a gross regression (physics on 20,000 nodes
    # takes minutes) is asserted, so this test does not fail for the neighbours' load.
    busy = os.getloadavg()[0] > (os.cpu_count() or 1)
    limit = 30_000 if busy else 10_000
    assert int(state["drawn-after-ms"]) < limit, (state, os.getloadavg())
    assert elapsed < 90, elapsed  # including browser start-up


def test_search_in_the_address_finds_names_and_aliases(tmp_path):
    [page] = export_graph(small_graph(), "html", tmp_path / "g.html")
    for query, expected in (("郑家", "郑家镇"), ("妇女联合", "妇联")):  # a name, an alias
        dom = dump_dom(page.resolve().as_uri() + "#search=" + quote(query), tmp_path)
        assert 'id="search-status" aria-live="polite">找到 1 个<' in dom
        panel = re.search(r'<aside id="details">(.*?)</aside>', dom, re.S).group(1)
        assert f"<h2>{expected}</h2>" in panel
