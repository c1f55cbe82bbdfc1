"""Ingest throughput end to end (read, split, analyse, store), 1 and 2 processes.

Run: .venv/bin/python -m benchmarks.bench_ingest [--pages 100] [--small 25] [--large | --huge]
     .venv/bin/python -m benchmarks.bench_ingest --scale [ARTICLES ...]   (issue 17: workers, cluster, writer)
     .venv/bin/python -m benchmarks.bench_ingest --memory 50              (issue 13: one 50 MB file)

Every figure comes from its own subprocess on the same generated corpus
(benchmarks/corpus_gen.py), so peak memory (ru_maxrss, workers included) is
per scenario and caches do not carry over. Baselines, measured in the same run:
reading + splitting alone (the floor of any ingest) and a plain
spacy.blank("zh") + jieba segmentation of the same article texts (the floor
of any spaCy analysis). The NLP step is measured with `nlp.pipe` n_process=1
and 2 over the whole corpus (explorer.nlp.analyse_articles); end to end runs
explorer.services.ingest.run into a fresh project. Growth compares the cost
per article of a small and a full corpus.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SCENARIOS = ("read_split", "blank_jieba", "nlp_1", "nlp_2", "ingest")


# --- scenarios (run inside a child process) -------------------------------------

def _read_split(corpus: Path):
    from explorer.ingest import iter_input_files, read_document, split_articles
    from explorer.settings import IngestOptions

    options = IngestOptions()
    documents, articles = [], []
    for path in iter_input_files([corpus]):
        document = read_document(path, options)
        documents.append(document)
        articles.append(split_articles(document, options))
    return documents, articles


def _warm(nlp) -> None:
    """First calls build lazy tables (LAC, jieba, gazetteer); that is load, not throughput."""
    from explorer.core import Article
    from explorer.nlp import analyse_articles

    text = "本报讯 聊城市东昌府区郑家镇的山东示例科技有限公司获评省级专精特新中小企业。"
    analyse_articles([Article(text=text)], "聊城市", nlp=nlp)


def _cpu() -> float:
    """CPU seconds of this process and its finished workers (n_process=2)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _scenario(name: str, corpus: Path, work: Path) -> dict:
    setup = 0.0
    if name == "read_split":
        t0, c0 = time.perf_counter(), _cpu()
        documents, per_doc = _read_split(corpus)
        seconds, cpu = time.perf_counter() - t0, _cpu() - c0
    elif name == "blank_jieba":
        import spacy

        t0, c0 = time.perf_counter(), _cpu()
        nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
        nlp("预热")  # jieba builds its prefix dictionary on first use
        setup = time.perf_counter() - t0
        documents, per_doc = _read_split(corpus)
        texts = [a.text for arts in per_doc for a in arts]
        t0, c0 = time.perf_counter(), _cpu()
        for _ in nlp.pipe(texts, batch_size=16):
            pass
        seconds, cpu = time.perf_counter() - t0, _cpu() - c0
    elif name in ("nlp_1", "nlp_2"):
        from explorer.nlp import analyse_articles, load_pipeline

        t0, c0 = time.perf_counter(), _cpu()
        nlp = load_pipeline()
        _warm(nlp)
        setup = time.perf_counter() - t0
        documents, per_doc = _read_split(corpus)
        articles = [a for arts in per_doc for a in arts]
        t0, c0 = time.perf_counter(), _cpu()
        analyse_articles(articles, documents[0].home_city, nlp=nlp, n_process=int(name[-1]), batch_size=16)
        seconds, cpu = time.perf_counter() - t0, _cpu() - c0
    elif name == "ingest":
        from explorer.core import TaskState
        from explorer.nlp import load_pipeline
        from explorer.services import ingest
        from explorer.services.project import open_project
        from explorer.settings import IngestOptions

        t0, c0 = time.perf_counter(), _cpu()
        _warm(load_pipeline())
        setup = time.perf_counter() - t0
        project = open_project(work / "bench.explorer.db")
        t0, c0 = time.perf_counter(), _cpu()
        report = ingest.run(project, [corpus], IngestOptions(), TaskState())
        seconds, cpu = time.perf_counter() - t0, _cpu() - c0
        stats = project.stats()
        project.close()
        if report.failed:
            raise RuntimeError(f"{len(report.failed)} files failed: {report.failed[0]}")
        documents, per_doc = _read_split(corpus)  # for the counts only, after timing
        extra = {"entities": stats.entities, "mentions": stats.mentions, "relations": stats.relations,
                 "db_bytes": sum(p.stat().st_size for p in work.glob("bench.explorer.db*"))}
    else:
        raise SystemExit(f"unknown scenario {name}")
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = {
        "scenario": name, "seconds": seconds, "setup": setup, "cpu": cpu,
        "pages": len(documents),
        "articles": sum(len(arts) for arts in per_doc),
        "chars": sum(len(a.text) for arts in per_doc for a in arts),
        # Linux reports kilobytes; workers (n_process=2) count separately
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "workers_peak_mb": children.ru_maxrss / 1024,
    }
    if name == "ingest":
        result.update(extra)
    return result


def measure(name: str, corpus: Path) -> dict:
    """Run one scenario in a fresh interpreter and return its figures."""
    with tempfile.TemporaryDirectory() as work:
        env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
        out = subprocess.run(
            [sys.executable, "-m", "benchmarks.bench_ingest", "--child", name, str(corpus), work],
            capture_output=True, text=True, cwd=REPO, env=env, check=False,
        )
    if out.returncode != 0:
        raise RuntimeError(f"{name} failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


# --- report ----------------------------------------------------------------------

def _row(label: str, r: dict, baseline: dict | None) -> str:
    if baseline:
        ratio = f"{r['seconds'] / baseline['seconds']:8.1f}x {r['cpu'] / max(baseline['cpu'], 1e-3):8.1f}x"
    else:
        ratio = f"{'-':>9} {'-':>9}"
    return (f"{label:<34} {r['seconds']:8.2f} {r['cpu']:8.2f} {r['chars'] / r['seconds']:10,.0f} "
            f"{r['articles'] / r['seconds']:8.1f} {r['peak_mb'] + r['workers_peak_mb']:8.0f} {ratio}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_ingest", description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100, help="pages of the full corpus (default 100)")
    parser.add_argument("--small", type=int, default=25, help="pages of the small corpus for growth (default 25)")
    parser.add_argument("--large", action="store_true", help="1,000 pages (about 7k articles)")
    parser.add_argument("--huge", action="store_true", help="10,000 pages (about 70k articles; hours)")
    parser.add_argument(
        "--scale", type=int, nargs="*", metavar="ARTICLES",
        help="serial, --workers 2, LocalCluster(2) and the writer alone side by side, at these corpus "
        "sizes in articles (default 10000; benchmarks/bench_scale.py)",
    )
    parser.add_argument("--scenarios", default="serial,workers2,cluster2,writer",
                        help="with --scale: which of serial,workers2,cluster2,writer to run (serial first: the base)")
    parser.add_argument("--memory", type=float, metavar="MB",
                        help="peak memory of one process ingesting one generated text file of MB megabytes")
    parser.add_argument("--child", nargs=3, metavar=("SCENARIO", "CORPUS", "WORKDIR"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        name, corpus, work = args.child
        print(json.dumps(_scenario(name, Path(corpus), Path(work))))
        return 0
    if args.scale is not None:
        from benchmarks import bench_scale

        return bench_scale.scale(sorted(args.scale) or [10_000], tuple(args.scenarios.split(",")))
    if args.memory:
        from benchmarks import bench_scale

        return bench_scale.memory(args.memory)
    pages = 10_000 if args.huge else 1_000 if args.large else args.pages
    small = min(args.small, pages)

    from benchmarks.corpus_gen import generate

    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        full_dir, small_dir = Path(tmp) / "full", Path(tmp) / "small"
        generate(full_dir, pages, seed=0)
        generate(small_dir, small, seed=0)  # same seed: the first `small` pages of the full corpus
        r = {name: measure(name, full_dir) for name in SCENARIOS}
        r["ingest_small"] = measure("ingest", small_dir)
    load_after = os.getloadavg()[0]

    print(f"corpus: {r['ingest']['pages']:,} generated pages, {r['ingest']['articles']:,} articles, "
          f"{r['ingest']['chars']:,} characters; load average {load_before:.1f} before, {load_after:.1f} after "
          f"on {os.cpu_count()} CPUs (wall times mean little when it is above the CPU count)")
    print(f"{'scenario':<34} {'wall s':>8} {'CPU s':>8} {'chars/s':>10} {'arts/s':>8} {'peak MB':>8} {'wall/base':>9} {'CPU/base':>9}")
    print(_row("baseline: read + split", r["read_split"], None))
    print(_row("baseline: spacy.blank(zh)+jieba", r["blank_jieba"], None))
    print(_row("NLP, nlp.pipe n_process=1", r["nlp_1"], r["blank_jieba"]))
    print(_row("NLP, nlp.pipe n_process=2", r["nlp_2"], r["blank_jieba"]))
    print(_row("ingest end to end (1 process)", r["ingest"], r["read_split"]))
    print(_row(f"ingest end to end, {small} pages", r["ingest_small"], r["read_split"]))
    per_article = lambda x: x["cpu"] / max(x["articles"], 1)  # noqa: E731  (CPU: robust to other load)
    growth = per_article(r["ingest"]) / per_article(r["ingest_small"])
    print(f"n_process=2 speed-up of the NLP step: {r['nlp_1']['seconds'] / r['nlp_2']['seconds']:.2f}x "
          f"(CPU {r['nlp_2']['cpu']:.1f} s vs {r['nlp_1']['cpu']:.1f} s)")
    rest = r["ingest"]["cpu"] - r["nlp_1"]["cpu"] - r["read_split"]["cpu"]
    print(f"CPU split of an ingest: NLP {r['nlp_1']['cpu'] / r['ingest']['cpu']:.0%}, read + split "
          f"{r['read_split']['cpu'] / r['ingest']['cpu']:.0%}, store and the rest {rest / r['ingest']['cpu']:.0%} "
          f"({rest / r['ingest']['articles'] * 1000:.1f} ms CPU per article)")
    print(f"growth: {per_article(r['ingest_small']) * 1000:.1f} ms CPU/article at {r['ingest_small']['articles']:,} articles, "
          f"{per_article(r['ingest']) * 1000:.1f} ms CPU/article at {r['ingest']['articles']:,} articles "
          f"(ratio {growth:.2f}; 1.0 = linear)")
    print(f"pipeline load (not in the figures above): {r['ingest']['setup']:.1f} s; project file "
          f"{r['ingest']['db_bytes'] / 1e6:.1f} MB for {r['ingest']['entities']:,} entities, "
          f"{r['ingest']['mentions']:,} mentions, {r['ingest']['relations']:,} relations")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
