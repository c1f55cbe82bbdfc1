"""Scale-out and memory scenarios of `bench_ingest` (issues 13 and 17).

`python -m benchmarks.bench_ingest --scale [ARTICLES ...]` runs, for each
corpus size (default 10,000 generated articles), in fresh processes:

- serial: `ingest.run(workers=1)`, the pipeline loaded before the clock starts;
- workers 2: `ingest.run(workers=2)`, worker start-up (spawn + pipeline load) timed;
- LocalCluster(2): `ingest.run(scheduler=...)` on a LocalCluster of two worker
  processes started before the clock (a cluster is running already in real use);
  loading the pipeline on its workers is timed;
- writer alone: the same documents analysed beforehand, then only the writer
  timed: the rate at which the single writer saturates, whatever feeds it.

Peak memory is the largest sum of the resident sizes of the process and all
its children, sampled every 0.1 s. The writer's share is the writer's wall
time over the run's. CPU s is the ingesting process's CPU time (the writer,
reading, and for LocalCluster its scheduler), workers that of its worker
processes; "bound" is the speed-up over serial that two cores free of other
load would allow: serial CPU over max(busiest process, all CPU / 2). On a
shared machine the wall-clock speed-up says more about the neighbours.

`--memory MB` ingests one generated text file of MB megabytes (issue 13:
peak memory for a file at the 50 MB limit) in one process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ARTICLES_PER_PAGE = 5.5  # what corpus_gen makes on average
SCALE_SCENARIOS = ("serial", "workers2", "cluster2", "writer")


class PeakMemory:
    """Largest resident size of this process tree, sampled on a thread."""

    def __init__(self, interval: float = 0.1):
        import psutil

        self._me = psutil.Process()
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(interval,), daemon=True)
        self._thread.start()

    def _sample(self) -> int:
        total = 0
        for proc in [self._me, *self._me.children(recursive=True)]:
            try:
                total += proc.memory_info().rss
            except Exception:  # noqa: BLE001 - a child that just ended
                pass
        return total

    def _run(self, interval: float) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._sample())
            self._stop.wait(interval)

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self._sample())
        return self.peak / 1e6


class CpuClock:
    """CPU seconds of this process and of its worker processes, ended or running."""

    def __init__(self):
        import psutil

        self._me = psutil.Process()
        self._own, self._children = self._now()

    def _now(self) -> tuple[float, float]:
        import resource

        me, dead = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        live = 0.0
        for child in self._me.children(recursive=True):
            try:
                times = child.cpu_times()
                live += times.user + times.system
            except Exception:  # noqa: BLE001 - ended meanwhile (then counted as dead)
                pass
        return me.ru_utime + me.ru_stime, dead.ru_utime + dead.ru_stime + live

    def stop(self) -> tuple[float, float]:
        own, children = self._now()
        return own - self._own, children - self._children


def _ingest(corpus: Path, work: Path, **kwargs) -> dict:
    from explorer.core import TaskState
    from explorer.services import ingest
    from explorer.services.project import open_project
    from explorer.settings import IngestOptions

    project = open_project(work / "bench.explorer.db")
    memory = PeakMemory()
    cpu = CpuClock()
    started = time.perf_counter()
    report = ingest.run(project, [corpus], IngestOptions(), TaskState(), **kwargs)
    seconds = time.perf_counter() - started
    own_cpu, workers_cpu = cpu.stop()
    peak = memory.stop()
    stats = project.stats()
    project.close()
    if report.failed:
        raise RuntimeError(f"{len(report.failed)} files failed: {report.failed[0]}")
    return {"seconds": seconds, "articles": report.articles, "peak_mb": peak, "writer_s": report.store_seconds,
            "entities": stats.entities, "relations": stats.relations, "cpu": own_cpu, "workers_cpu": workers_cpu}


def _writer_alone(corpus: Path, work: Path) -> dict:
    """Analyse first (two worker processes), then time only the writer."""
    from explorer.core import TaskState
    from explorer.ingest import iter_input_files
    from explorer.services import parallel
    from explorer.services.project import open_project
    from explorer.settings import IngestOptions

    jobs = [parallel.Job(i, str(p), data=p.read_bytes()) for i, p in enumerate(iter_input_files([corpus]))]
    pool = parallel.ProcessPool(2, IngestOptions(), lookahead=len(jobs) + 1)
    try:
        staged = [result for _, result in pool.results(jobs, TaskState())]
    finally:
        pool.close()
    project = open_project(work / "writer.explorer.db")
    memory = PeakMemory()
    started = time.perf_counter()
    articles = 0
    for result in staged:
        articles += project.store_document_batches(result.document, result.batches()).articles
        result.close()
    seconds = time.perf_counter() - started
    peak = memory.stop()
    project.close()
    return {"seconds": seconds, "articles": articles, "peak_mb": peak, "writer_s": seconds}


def scenario(name: str, corpus: Path, work: Path) -> dict:
    if name == "serial":
        from explorer.core import Article
        from explorer.nlp import analyse_articles, load_pipeline

        nlp = load_pipeline()
        analyse_articles([Article(text="本报讯 聊城市东昌府区的山东示例科技有限公司获评省级专精特新中小企业。")], None, nlp=nlp)
        return _ingest(corpus, work, workers=1)
    if name == "workers2":
        from explorer.services import ingest

        ingest.PARALLEL_MIN_BYTES = 0
        return _ingest(corpus, work, workers=2)
    if name == "cluster2":
        import logging

        from distributed import LocalCluster

        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                          silence_logs=logging.ERROR) as cluster:
            return _ingest(corpus, work, scheduler=cluster.scheduler_address)
    if name == "writer":
        return _writer_alone(corpus, work)
    if name.startswith("memory"):
        return _ingest(corpus, work, workers=1)
    raise SystemExit(f"unknown scenario {name}")


def measure(name: str, corpus: Path) -> dict:
    """One scenario in a fresh interpreter (caches and peak memory its own)."""
    with tempfile.TemporaryDirectory() as work:
        env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
        out = subprocess.run(
            [sys.executable, "-m", "benchmarks.bench_scale", name, str(corpus), work],
            capture_output=True, text=True, cwd=REPO, env=env, check=False,
        )
    if out.returncode != 0:
        raise RuntimeError(f"{name} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def _load() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def scale(targets: list[int], scenarios: tuple[str, ...] = SCALE_SCENARIOS) -> int:
    from benchmarks.corpus_gen import generate

    labels = {"serial": "serial (1 process)", "workers2": "--workers 2", "cluster2": "LocalCluster(2)",
              "writer": "writer alone (saturation)"}
    for target in targets:
        with tempfile.TemporaryDirectory() as tmp:
            corpus = Path(tmp) / "corpus"
            generate(corpus, max(1, round(target / ARTICLES_PER_PAGE)), seed=0)
            print(f"{target:,} articles wanted; load average (1/5/15 min) {_load()} before, on {os.cpu_count()} CPUs")
            print(f"{'scenario':<27} {'articles':>8} {'wall s':>8} {'arts/s':>8} {'speed-up':>8} {'peak MB':>8} "
                  f"{'writer':>7} {'CPU s':>7} {'workers':>8} {'bound':>6}  load after", flush=True)
            base = serial_cpu = None
            for name in [n for n in SCALE_SCENARIOS if n in scenarios]:
                r = measure(name, corpus)
                rate = r["articles"] / r["seconds"]
                base = base or rate
                speedup = f"{rate / base:7.2f}x" if name != "writer" else f"{'-':>8}"
                cpu, workers = r.get("cpu", r["seconds"]), r.get("workers_cpu", 0.0)
                serial_cpu = serial_cpu or cpu + workers
                # the least wall time two free cores allow: the busiest process, or half of all the work
                bound = f"{serial_cpu / max(cpu, (cpu + workers) / 2):5.2f}x" if name != "writer" else f"{'-':>6}"
                print(f"{labels[name]:<27} {r['articles']:>8,} {r['seconds']:>8.1f} {rate:>8.1f} {speedup} "
                      f"{r['peak_mb']:>8.0f} {r['writer_s'] / r['seconds']:>6.0%} {cpu:>7.0f} {workers:>8.0f} {bound}"
                      f"  {_load()}", flush=True)
    return 0


MEMORY_TARGET_MB = 600  # issue 13: a file at the 50 MB default limit, one process
MEMORY_BASELINE_MB = 1.0


def _one_file(folder: Path, megabytes: float, seed: int = 1) -> Path:
    """One text file of about `megabytes` of generated pages (a year of a paper in one dump)."""
    from benchmarks.corpus_gen import generate

    pages = generate(folder / "pages", max(1, int(megabytes * 1e6 / 2950)), seed=seed)
    big = folder / "big" / "year.txt"
    big.parent.mkdir()
    with big.open("wb") as out:
        for page in pages:
            out.write(page.read_bytes() + b"\n\n")
            page.unlink()
    return big


def memory(megabytes: float) -> int:
    """One text file of `megabytes` of generated pages, ingested in one process;
    the baseline is the same ingest of a 1 MB file in the same run, so the
    growth per megabyte of input is what the pipeline and its caches do not
    explain."""
    runs = {}
    for label, size_mb in (("baseline", min(MEMORY_BASELINE_MB, megabytes)), ("file", megabytes)):
        with tempfile.TemporaryDirectory() as tmp:
            big = _one_file(Path(tmp), size_mb)
            size = big.stat().st_size / 1e6
            print(f"{label}: one {size:.1f} MB text file; load average {_load()} before", flush=True)
            runs[label] = (size, measure("memory", big.parent))
    (base_size, base), (size, r) = runs["baseline"], runs["file"]
    for label, (mb, run) in runs.items():
        print(f"{label:<9} {mb:5.1f} MB file: {run['articles']:,} articles in {run['seconds']:.0f} s "
              f"(writer {run['writer_s']:.0f} s), peak memory {run['peak_mb']:.0f} MB")
    growth = (r["peak_mb"] - base["peak_mb"]) / (size - base_size) if size > base_size else 0.0
    verdict = "under" if r["peak_mb"] < MEMORY_TARGET_MB else "OVER"
    print(f"peak {r['peak_mb']:.0f} MB = {r['peak_mb'] / base['peak_mb']:.2f}x the {base_size:.1f} MB baseline; "
          f"{growth:.1f} MB more per MB of input; {verdict} the {MEMORY_TARGET_MB} MB target; "
          f"load average {_load()} after")
    return 0


if __name__ == "__main__":
    name, corpus, work = sys.argv[1:4]
    print(json.dumps(scenario(name, Path(corpus), Path(work))))
