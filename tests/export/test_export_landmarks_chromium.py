"""In a real browser: the largest nodes are labelled at the first view of a
large graph, and the co-mention layer starts hidden."""

from __future__ import annotations

import pytest
from test_export_chromium import CHROMIUM, dump_dom, graph_state

from explorer.export import export_graph
from export_graphs import random_graph

pytestmark = [
    pytest.mark.chromium,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed"),
]


def test_landmark_labels_grow_to_stay_readable_when_zoomed_out(tmp_path):
    graph = random_graph(2000)
    pairs = [(a, b, 2) for a, b in list(graph.edges())[:50]]
    [page] = export_graph(graph, "html", tmp_path / "big.html", comentions=pairs)
    state = graph_state(dump_dom(page, tmp_path, budget_ms=8000))
    assert state.get("state") == "drawn"
    assert state["landmarks"] == "25"
    # zoomed out to fit 2,000 nodes, the hubs' labels are enlarged so they still read at ~14 px
    assert int(state["landmark-font"]) > 14
    assert "comentions" not in state  # the layer is off until the reader ticks it
    html = page.read_text(encoding="utf-8")
    assert 'id="comentions"' in html and "同文共现（50 对）" in html
