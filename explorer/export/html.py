"""The HTML export: one self-contained page that draws the graph offline.

pyvis holds the node and edge lists and renders our template (templates/
graph.html), which inlines the vis-network build that pyvis ships. The lists
are built here directly, because pyvis's `from_nx`/`add_edge` check every
edge against the whole edge list (O(nodes x edges)); positions come from
`explorer.graph.layout` (the canvas's engine), and physics is switched off
above `PHYSICS_MAX_NODES` so a large graph draws at once instead of
simulating in the browser.

The page looks like the app: colours, shapes and relation names come from
`explorer.core.style`, the table the canvas draws with. The most mentioned
entities (`LANDMARKS`) keep a readable label at any zoom, so the first view
of a large graph already names its hubs. Co-mentions ("named in the same
article") are an optional lighter layer, off until the reader ticks it.

Safety: all article text travels as JSON in a non-executed data block with
`<`, `>` and `&` escaped, the page inserts it with textContent only, and a
Content-Security-Policy lets only the page's own two scripts run and forbids
any network request.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import re
from pathlib import Path

import networkx as nx

from explorer.core.style import (
    COMENTION_EDGE,
    COMENTION_LABEL,
    OTHER_STYLE,
    RELATION_EDGE,
    RELATION_LABELS,
    TYPE_STYLES,
    comention_width,
    node_radius,
)
from explorer.export.files import single_file_target, write_atomically
from explorer.graph.layout import compute_layout

PHYSICS_MAX_NODES = 300
MAX_EVIDENCE = 3
MAX_SENTENCE = 160
TEMPLATE_DIR = Path(__file__).parent / "templates"
VIS_VERSION = "9.1.2"

LANDMARKS = 25  # the most mentioned entities keep their label at every zoom
LABEL_PX_PER_CHAR = 14.0  # label width estimate for the layout (14 px CJK font)
# vis-network's names for the shapes of core.style
VIS_SHAPES = {"circle": "dot", "square": "square", "triangle": "triangle", "hexagon": "hexagon", "diamond": "diamond"}
FONT_FACE = "WenQuanYi Micro Hei, Noto Sans CJK SC, Microsoft YaHei, PingFang SC, sans-serif"
CSP_MARK = "<!--EXPLORER-CSP-->"


def write_html(graph: nx.MultiDiGraph, path: Path, *, title: str = "explorer", comentions=None) -> list[Path]:
    target = single_file_target(path, "html")
    page = render_html(graph, title=title, comentions=comentions)
    return [write_atomically(target, lambda handle: handle.write(page))]


def render_html(
    graph: nx.MultiDiGraph, *, title: str = "explorer", physics_max_nodes: int = PHYSICS_MAX_NODES, comentions=None,
) -> str:
    """The page; `comentions` are (a, b, articles) triples for the optional layer."""
    from pyvis.network import Network  # imports IPython: keep it off the start-up path

    physics = graph.number_of_nodes() <= physics_max_nodes
    center = _center(graph)
    sizes = {n: (LABEL_PX_PER_CHAR * len(str(d.get("name") or n)), 16.0) for n, d in graph._node.items()}
    positions = compute_layout(list(graph), [(u, v) for u, v, _k in graph.edges(keys=True)], center, label_sizes=sizes)
    net = Network(height="100%", width="100%", directed=True, heading=title, cdn_resources="in_line")
    net.nodes = _vis_nodes(graph, positions)
    net.edges = _vis_edges(graph)
    layer = _comention_edges(graph, comentions or (), start=len(net.edges))
    net.edges += layer
    net.options = _options(physics)
    net.templateEnv = _environment(legend=_legend(graph), center=center, comentions=len(layer))
    net.path = "graph.html"
    return _add_csp(net.generate_html())


def _vis_nodes(graph: nx.MultiDiGraph, positions: dict) -> list[dict]:
    """Node records; the page builds tooltips from them (much faster in the browser)."""
    succ, pred = graph._succ, graph._pred
    ranked = sorted(graph._node.items(), key=lambda item: (-(item[1].get("mentions") or 0), -(len(succ[item[0]]) + len(pred[item[0]]))))
    landmarks = {node for node, _ in ranked[:min(LANDMARKS, max(8, len(ranked) // 10))]}
    nodes = []
    for node, data in graph._node.items():
        entity_type = str(data.get("type") or "")
        mentions = data.get("mentions") or 0
        x, y = positions[node]
        record = {
            "id": node,
            "label": str(data.get("name") or node),
            "group": entity_type if entity_type in TYPE_STYLES else "OTHER",
            "type": entity_type,
            "mentions": mentions,
            "x": round(x, 1),
            "y": round(y, 1),
            "size": round(node_radius(int(mentions)), 1),
        }
        # absent rather than empty: 20,000 nodes make every key count
        if node in landmarks:
            record["landmark"] = True
        if data.get("aliases"):
            record["aliases"] = [str(a) for a in data["aliases"]]
        if data.get("level"):
            record["level"] = data["level"]
        nodes.append(record)
    return nodes


def _vis_edges(graph: nx.MultiDiGraph) -> list[dict]:
    edges = []
    # the adjacency dicts directly: the edges() view costs a third more time
    for u, neighbours in graph._adj.items():
        for v, keyed in neighbours.items():
            for key, data in keyed.items():
                relation = str(data.get("relation") or "")
                label = RELATION_LABELS.get(relation, relation)
                if data.get("role"):
                    label = f"{label}·{data['role']}"
                # vis ids are positions: edge keys are unique per node pair only
                # no confidence: the extractor's figures are rule priors, not
                # measured probabilities; the number of statements is real
                evidence = data.get("evidence") or ()
                edges.append({
                    "id": len(edges), "key": key, "from": u, "to": v, "label": label,
                    "year": data.get("year"), "statements": len(evidence),
                    "evidence": list(evidence[:MAX_EVIDENCE]),
                })
    return edges


def _comention_edges(graph: nx.MultiDiGraph, pairs, start: int) -> list[dict]:
    """The co-mention layer: hidden until the reader turns it on, lighter than facts."""
    edges = []
    for a, b, articles in pairs:
        if a in graph._node and b in graph._node:
            edges.append({
                "id": start + len(edges), "from": a, "to": b, "comention": True, "articles": int(articles),
                "hidden": True, "physics": False, "arrows": {"to": {"enabled": False}}, "dashes": COMENTION_EDGE.dashed,
                "width": round(comention_width(int(articles)), 2),
                "color": {"color": COMENTION_EDGE.colour, "opacity": COMENTION_EDGE.alpha, "inherit": False},
            })
    return edges


def _legend(graph: nx.MultiDiGraph) -> list[dict]:
    counts: dict[str, int] = {}
    for _, entity_type in graph.nodes(data="type"):
        key = str(entity_type) if str(entity_type) in TYPE_STYLES else "OTHER"
        counts[key] = counts.get(key, 0) + 1
    styles = {**TYPE_STYLES, "OTHER": OTHER_STYLE}
    return [
        {"type": key, "label": styles[key].label, "color": styles[key].colour, "shape": styles[key].shape,
         "count": counts[key]}
        for key in [*TYPE_STYLES, "OTHER"] if key in counts
    ]


def _center(graph: nx.MultiDiGraph):
    """The node shown first: the one the export was centred on, else the most mentioned."""
    center = graph.graph.get("center")
    if center in graph:
        return center
    if graph.number_of_nodes() == 0:
        return None
    succ, pred = graph._succ, graph._pred
    return max(graph._node.items(),
               key=lambda item: (item[1].get("mentions") or 0, len(succ[item[0]]) + len(pred[item[0]])))[0]


def _options(physics: bool) -> dict:
    groups = {key: _group(style.colour, style.shape) for key, style in TYPE_STYLES.items()}
    groups["OTHER"] = _group(OTHER_STYLE.colour, OTHER_STYLE.shape)
    return {
        "groups": groups,
        "nodes": {"borderWidth": 1, "font": {"face": FONT_FACE, "size": 14}},
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "color": {"color": RELATION_EDGE.colour, "opacity": RELATION_EDGE.alpha, "highlight": "#333333",
                      "hover": "#555555", "inherit": False},
            "font": {"face": FONT_FACE, "size": 10, "color": "#555555", "align": "middle", "strokeWidth": 2},
            "smooth": {"enabled": True, "type": "continuous"} if physics else False,
            "width": RELATION_EDGE.width,
        },
        "physics": {
            "enabled": physics,
            "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -4000, "springLength": 120},
            "stabilization": {"enabled": True, "iterations": 200},
        },
        "layout": {"improvedLayout": False},
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": not physics,
            "hideEdgesOnZoom": not physics,
        },
    }


def _group(color: str, shape: str) -> dict:
    return {"shape": VIS_SHAPES.get(shape, "dot"), "color": {"background": color, "border": "#333333",
                      "highlight": {"background": color, "border": "#000000"},
                      "hover": {"background": color, "border": "#000000"}}}


def _environment(*, legend: list[dict], center, comentions: int = 0):
    from jinja2 import Environment, FileSystemLoader
    from markupsafe import Markup
    from pyvis import __version__ as pyvis_version

    env = Environment(loader=FileSystemLoader(str(TEMPLATE_DIR)), autoescape=True)
    env.filters["json_block"] = _json_block
    env.filters["from_json"] = json.loads
    env.globals.update(
        vis_js=Markup(_vis_js()),
        type_labels={key: style.label for key, style in TYPE_STYLES.items()},
        comentions=comentions,
        comention_label=COMENTION_LABEL,
        max_evidence=MAX_EVIDENCE,
        max_sentence=MAX_SENTENCE,
        vis_version=VIS_VERSION,
        pyvis_version=pyvis_version,
        legend=legend,
        center=center,
    )
    return env


def _json_block(value):
    """JSON for a <script type="application/json"> block: it can never close the tag."""
    from markupsafe import Markup

    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


@functools.cache
def _vis_js() -> str:
    import pyvis

    path = Path(pyvis.__file__).parent / "lib" / f"vis-{VIS_VERSION}" / "vis-network.min.js"
    text = path.read_text(encoding="utf-8")
    if "</script" in text.lower():
        raise RuntimeError(f"{path} cannot be inlined: it contains </script")
    return text


_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)


def _add_csp(page: str) -> str:
    """Allow exactly the page's own inline scripts (by hash) and no network access."""
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"
        for body in _SCRIPT.findall(page)
    )
    policy = (
        "default-src 'none'; "
        f"script-src {hashes}; "
        "style-src 'unsafe-inline'; img-src data:; font-src data:; "
        "base-uri 'none'; form-action 'none'"
    )
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    return page.replace(CSP_MARK, meta, 1)
