"""Export time per format for 1k, 5k and 20k nodes, against pyvis's own path.

Run: .venv/bin/python -m benchmarks.bench_export [--quick]

The baseline, in the same run, is what pyvis does by itself: `from_nx` (which
calls `add_edge`, checking each edge against all earlier ones) and
`generate_html` with vis-network inlined, on the 1k graph. Graphs are random
with 1.5 relations per entity and one evidence sentence per relation.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

from explorer.export import FORMATS, export_graph
from explorer.export.html import render_html

TYPES = ("PERSON", "ORG", "PLACE", "PROGRAM", "HONOR")
RELATIONS = ("located_in", "awarded", "role_at", "issued_by", "participates_in", "part_of")


def make_graph(n: int, seed: int = 1) -> nx.MultiDiGraph:
    rnd = random.Random(seed)
    g = nx.MultiDiGraph()
    for i in range(n):
        g.add_node(i, name=f"实体{i}", type=TYPES[i % 5], aliases=[f"别名{i}"],
                   mentions=rnd.randint(1, 20), level=None)
    for k in range(int(n * 1.5)):
        u, v = rnd.randrange(n), rnd.randrange(n)
        g.add_edge(u, v, key=k, relation=RELATIONS[k % 6], role=None, year=2023, confidence=0.8,
                   evidence=[{"sentence": f"第{k}句：实体{u}与实体{v}有关。", "article_id": k % 50,
                              "headline": "标题", "date": "2024-01-02", "source": "日报"}])
    return g


def best_of(repeat: int, action) -> tuple[float, float]:
    """Best wall-clock and best CPU seconds; CPU time hides other jobs on a shared machine."""
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        action()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


def pyvis_baseline(graph: nx.MultiDiGraph) -> None:
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line")
    net.from_nx(graph.copy())
    net.generate_html()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one run each instead of the best of three")
    args = parser.parse_args(argv)
    repeat = 1 if args.quick else 3
    sizes = (1_000, 5_000, 20_000)
    render_html(make_graph(20))  # imports and template compilation are not the export

    graphs = {n: make_graph(n) for n in sizes}
    load_before = os.getloadavg()[0]
    baseline, baseline_cpu = best_of(repeat, lambda: pyvis_baseline(graphs[1_000]))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            for fmt in FORMATS:
                target = Path(tmp) / f"{n}.{fmt}"
                seconds, cpu = best_of(repeat, lambda: export_graph(graphs[n], fmt, target))
                size = sum(p.stat().st_size for p in Path(tmp).glob(f"{n}.*") if p.is_file())
                rows.append((n, fmt, seconds, cpu, size))
                for p in Path(tmp).glob(f"{n}.*"):
                    p.unlink()

    print(f"load average: {load_before:.1f} before, {os.getloadavg()[0]:.1f} after, on {os.cpu_count()} CPUs "
          "(wall times are only meaningful when it is below the CPU count)")
    print(f"baseline: pyvis from_nx + generate_html, 1,000 nodes: {baseline * 1000:.1f} ms wall, "
          f"{baseline_cpu * 1000:.1f} ms CPU")
    print(f"{'nodes':>7} {'format':<8} {'wall ms':>9} {'CPU ms':>9} {'MB':>7} {'x baseline':>11}")
    for n, fmt, seconds, cpu, size in rows:
        ratio = seconds / baseline
        print(f"{n:>7,} {fmt:<8} {seconds * 1000:9.1f} {cpu * 1000:9.1f} {size / 1e6:7.2f} {ratio:11.2f}")
    html_20k = next(r for r in rows if r[0] == 20_000 and r[1] == "html")
    html_1k = next(r for r in rows if r[0] == 1_000 and r[1] == "html")
    verdict = "met" if html_20k[2] < 1 else ("met in CPU time" if html_20k[3] < 1 else "MISSED")
    print(f"html 1k: {baseline / html_1k[2]:.1f}x faster than pyvis's own path; html 20k written in "
          f"{html_20k[2]:.2f} s wall, {html_20k[3]:.2f} s CPU (target < 1 s: {verdict})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
