"""Graph layout for the GUI's canvas: the one engine in `explorer.graph.layout`,
which the HTML export uses too.

Imported lazily: the canvas module loads at start-up, networkx (0.4 s) only
when the first layout runs on a worker.
"""

from __future__ import annotations


def compute_layout(*args, **kwargs) -> dict:
    from explorer.graph import layout

    return layout.compute_layout(*args, **kwargs)


def layout_with_labels(*args, **kwargs) -> tuple[dict, dict]:
    from explorer.graph import labels

    return labels.layout_with_labels(*args, **kwargs)
