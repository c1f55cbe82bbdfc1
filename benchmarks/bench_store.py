"""Store, search and graph latency on a generated 100k-entity / 500k-fact project.

Run: .venv/bin/python -m benchmarks.bench_store [--quick] [--path P] [--regen]
     .venv/bin/python -m benchmarks.bench_store --store-ingest 400   (store's share of ingest)

Each figure is printed next to a baseline measured in the same run:
  search        vs  LIKE '%q%' table scan over all names, ordered by mentions
  2-hop         vs  nx.ego_graph on the whole graph already in memory
                    (its load time is printed separately)
  open          vs  the goal (< 1 s); search p95 goal 10 ms, 2-hop goal 20 ms
The project is generated once by benchmarks/gen_project.py and reused.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

import networkx as nx

from benchmarks.gen_project import generate
from explorer.services import query
from explorer.store import Project

DEFAULT_PATH = Path("/tmp/explorer-bench/bench_100k.db")
QUICK_PATH = Path("/tmp/explorer-bench/bench_10k.db")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.2f} ms"


def summary(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return statistics.median(ordered), p95


def timed(fn, *args, **kw):
    t = time.perf_counter()
    result = fn(*args, **kw)
    return time.perf_counter() - t, result


def like_scan(conn, text: str, limit: int = 50):
    return conn.execute(
        "SELECT e.id FROM names n JOIN entities e ON e.id = n.entity_id WHERE n.name LIKE ? "
        "ORDER BY e.mentions DESC LIMIT ?",
        (f"%{text}%", limit),
    ).fetchall()


def print_buckets(times: list[float], sizes: list[int]) -> None:
    """Latency by the size of the answer (a hub's 2-hop reaches the cap)."""
    for low, high in ((1, 100), (101, 500), (501, 1999), (2000, 2000)):
        bucket = [t for t, size in zip(times, sizes) if low <= size <= high]
        if bucket:
            bmed_, bp95_ = summary(bucket)
            label = "capped at 2000" if low == 2000 else f"{low}-{high} entities"
            print(f"    {label:<20} n={len(bucket):<4} median {ms(bmed_)}  p95 {ms(bp95_)}")


def store_ingest(pages: int) -> None:
    """CPU time of `Project.store_document` alone on generated pages: the
    pages are read, split and analysed once (cached), then stored into a fresh
    project, so the figure is the store's share of ingest, not the NLP's."""
    import pickle
    import tempfile

    from benchmarks import corpus_gen
    from explorer.ingest import iter_input_files, read_document, split_articles
    from explorer.nlp import analyse_articles, load_pipeline
    from explorer.settings import IngestOptions

    cache = DEFAULT_PATH.parent / f"store_ingest_{pages}.pkl"
    if cache.exists():
        items = pickle.loads(cache.read_bytes())
    else:
        options, nlp, items = IngestOptions(), load_pipeline(), []
        with tempfile.TemporaryDirectory() as tmp:
            corpus_gen.generate(Path(tmp), pages, seed=0)
            t0 = time.process_time()
            for path in sorted(iter_input_files([Path(tmp)])):
                document = read_document(path, options)
                articles = split_articles(document, options)
                items.append((document, articles, analyse_articles(articles, document.home_city, nlp=nlp)))
            print(f"read, split and analysed {pages} pages: {time.process_time() - t0:.1f} s CPU (cached in {cache})")
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_bytes(pickle.dumps(items))
    with tempfile.TemporaryDirectory() as tmp:
        project = Project.open(Path(tmp) / "store.explorer.db")
        times = []
        for document, articles, analyses in items:
            t = time.process_time()
            project.store_document(document, articles, analyses)
            times.append(time.process_time() - t)
        stats = project.stats()
        project.close()
    med, p95 = summary(times)
    quarter = max(len(times) // 4, 1)
    print(f"store_document on {len(items)} analysed pages ({stats.articles} articles, {stats.mentions} mentions, "
          f"{stats.relations} facts, {stats.entities} entities)")
    print(f"  CPU total {sum(times):.2f} s; per page median {ms(med)} p95 {ms(p95)}; "
          f"first quarter mean {ms(statistics.mean(times[:quarter]))}, last quarter {ms(statistics.mean(times[-quarter:]))}")


def make_queries(conn, rng: random.Random, per_kind: int) -> dict[str, list[str]]:
    names = [r[0] for r in conn.execute("SELECT name FROM names ORDER BY id")]
    pinyin = [r for r in conn.execute("SELECT pinyin, initials FROM names ORDER BY id")]
    out: dict[str, list[str]] = {}
    for size in (1, 2, 3, 6):
        qs = []
        while len(qs) < per_kind:
            name = rng.choice(names)
            if len(name) >= size:
                start = rng.randrange(len(name) - size + 1)
                qs.append(name[start : start + size])
        out[f"{size}-char"] = qs
    out["pinyin"] = [rng.choice(pinyin)[0][: rng.randint(4, 12)] for _ in range(per_kind)]
    out["initials"] = [rng.choice(pinyin)[1][: rng.randint(2, 4)] for _ in range(per_kind)]
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10k entities / 50k facts")
    parser.add_argument("--path", type=Path)
    parser.add_argument("--regen", action="store_true")
    parser.add_argument("--queries", type=int, default=200, help="queries per kind")
    parser.add_argument("--store-ingest", type=int, metavar="PAGES",
                        help="only time store_document on PAGES generated, pre-analysed pages")
    args = parser.parse_args(argv)
    if args.store_ingest:
        store_ingest(args.store_ingest)
        return 0
    path = args.path or (QUICK_PATH if args.quick else DEFAULT_PATH)
    n_entities, n_relations = (10_000, 50_000) if args.quick else (100_000, 500_000)
    path.parent.mkdir(parents=True, exist_ok=True)
    if args.regen or not path.exists():
        print(f"generating {n_entities} entities / {n_relations} facts ...")
        generate(path, n_entities, n_relations, log=lambda m: print(m, flush=True))
    rng = random.Random(1)

    # open to first query ------------------------------------------------------
    t0 = time.perf_counter()
    project = Project.open(path, create=False)
    t_open = time.perf_counter() - t0
    query.search(project, "华")
    t_first = time.perf_counter() - t0
    stats = project.stats()
    print(f"\nproject {path} ({path.stat().st_size / 1e6:.0f} MB): {stats.entities} entities, "
          f"{stats.relations} facts, {stats.mentions} mentions")
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start")
    print(f"open                    {ms(t_open)}")
    print(f"open to first search    {ms(t_first)}   goal < 1000 ms")

    # search ------------------------------------------------------------------
    conn = project.reader()
    queries = make_queries(conn, rng, args.queries)
    print(f"\nsearch (limit 50), {args.queries} queries per kind      median      p95   | LIKE scan median      p95")
    all_p95 = []
    for kind, qs in queries.items():
        times = [timed(query.search, project, q)[0] for q in qs]
        med, p95 = summary(times)
        all_p95.append(p95)
        base = [timed(like_scan, conn, q)[0] for q in qs[:20]]
        bmed, bp95 = summary(base)
        print(f"  {kind:<10} {ms(med)} {ms(p95)}   | {ms(bmed)} {ms(bp95)}")
    print(f"  worst p95 {ms(max(all_p95))}   goal < 10 ms")

    # 2-hop neighbourhood -------------------------------------------------------
    max_id = conn.execute("SELECT max(id) FROM entities").fetchone()[0]
    centres = [rng.randint(1, max_id) for _ in range(args.queries)]
    times, sizes = [], []
    for c in centres:
        t, g = timed(query.neighbourhood, project, c, 2)
        times.append(t)
        sizes.append(g.number_of_nodes())
    med, p95 = summary(times)
    times_noev = [timed(query.neighbourhood, project, c, 2, with_evidence=False)[0] for c in centres]
    t_noev = summary(times_noev)

    # whole graph ---------------------------------------------------------------
    t_load, whole = timed(query.whole_graph, project, False)
    t_load_ev, whole_ev = timed(query.whole_graph, project, True)
    del whole_ev
    undirected = whole.to_undirected(as_view=True)
    base = [timed(nx.ego_graph, undirected, c, 2)[0] for c in centres if c in whole]
    bmed, bp95 = summary(base)
    print(f"\n2-hop neighbourhood from SQLite ({len(centres)} random entities, "
          f"median {statistics.median(sizes):.0f} / max {max(sizes)} entities)")
    print(f"  with evidence          median {ms(med)}  p95 {ms(p95)}   goal < 20 ms")
    print_buckets(times, sizes)
    print(f"  without evidence       median {ms(t_noev[0])}  p95 {ms(t_noev[1])}")
    print_buckets(times_noev, sizes)
    print(f"  baseline nx.ego_graph on the loaded graph: median {ms(bmed)}  p95 {ms(bp95)} "
          f"(after a {t_load:.1f} s full load)")
    del whole, undirected

    # memory -------------------------------------------------------------------
    tracemalloc.start()
    g = query.whole_graph(project, False)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    n, m = g.number_of_nodes(), g.number_of_edges()
    del g
    tracemalloc.start()
    g = query.whole_graph(project, True)
    _, peak_ev = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del g
    print(f"\nfull NetworkX load ({n} nodes, {m} edges); load average now {os.getloadavg()[0]:.1f}")
    print(f"  without evidence       {t_load:6.2f} s   peak {peak / 1e6:6.0f} MB (tracemalloc)")
    print(f"  with evidence          {t_load_ev:6.2f} s   peak {peak_ev / 1e6:6.0f} MB")
    project.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
