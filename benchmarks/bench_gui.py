"""GUI speed: start-up to an interactive window, and how long typing in the
search field blocks the UI thread, on the 100k-entity benchmark project.

    .venv/bin/python -m benchmarks.bench_gui            # 100k entities (generated once)
    .venv/bin/python -m benchmarks.bench_gui --quick    # 10k entities

Goals (issue 6): interactive within 1.5 s; no keystroke blocks the UI > 50 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

DEFAULT_PATH = Path("/tmp/explorer-bench/bench_100k.db")
QUICK_PATH = Path("/tmp/explorer-bench/bench_10k.db")
REPO = Path(__file__).resolve().parent.parent


def ensure_project(path: Path, quick: bool) -> None:
    if path.exists():
        return
    from benchmarks.gen_project import generate

    path.parent.mkdir(parents=True, exist_ok=True)
    entities, relations = (10_000, 50_000) if quick else (100_000, 500_000)
    print(f"generating {entities} entities / {relations} facts ...", flush=True)
    generate(path, entities, relations, log=lambda m: print(m, flush=True))


def startup_seconds(path: Path, runs: int = 3) -> tuple[list[float], list[float]]:
    """Wall time from launching `explorer-gui` to the first turn of its event loop
    (the window answers input), and to the project being open (search works)."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env["XDG_CONFIG_HOME"] = str(path.parent / "bench-config")  # not the user's settings
    times, opened = [], []
    for _ in range(runs):
        started = time.time()
        out = subprocess.run(
            [sys.executable, "-m", "explorer.app", "--project", str(path), "--quit-when-ready"],
            capture_output=True, text=True, env=env, cwd=REPO, timeout=120,
        )
        ready = [line for line in out.stdout.splitlines() if line.startswith("ready ")]
        if not ready:
            raise RuntimeError(f"the GUI did not start: {out.stderr[-2000:]}")
        done = [line for line in out.stdout.splitlines() if line.startswith("opened ")]
        times.append(float(ready[0].split()[1]) - started)
        opened.append(float(done[0].split()[1]) - started if done else float("nan"))
    return times, opened


def typing_blocks(path: Path, words: list[str], interval_ms: int = 90, verbose: bool = False) -> dict:
    """Type `words` one character every `interval_ms`; a 2 ms heartbeat timer
    measures the longest time the UI thread could not run it."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from explorer.gui import worker
    from explorer.gui.backend import Backend
    from explorer.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    settings = QSettings(str(path.parent / "bench-gui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Backend.open(path, create=False), settings=settings)
    window.show()
    clock = QElapsedTimer()
    clock.start()
    gaps: list[float] = []
    last = [clock.nsecsElapsed()]

    def beat():
        now = clock.nsecsElapsed()
        gaps.append((now - last[0]) / 1e6)
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setInterval(2)
    heartbeat.timeout.connect(beat)
    answers: list[float] = []
    keystroke_ms: list[float] = []
    gaps_per_word: list[float] = []
    typed_at = [0.0]
    window.search.resultsReady.connect(lambda _n: answers.append((clock.nsecsElapsed() / 1e6) - typed_at[0]))
    field = window.search.field
    for word in words:
        field.clear()
        for _ in range(20):
            app.processEvents()
        heartbeat.start()
        gaps.clear()
        last[0] = clock.nsecsElapsed()
        for character in word:
            deadline = clock.elapsed() + interval_ms
            begin = clock.nsecsElapsed()
            field.insert(character)
            keystroke_ms.append((clock.nsecsElapsed() - begin) / 1e6)
            typed_at[0] = clock.nsecsElapsed() / 1e6
            while clock.elapsed() < deadline:
                app.processEvents()
                time.sleep(0.0005)
        settle = clock.elapsed() + 400
        while clock.elapsed() < settle:
            app.processEvents()
            time.sleep(0.0005)
        heartbeat.stop()
        gaps_per_word.append(max(gaps) if gaps else 0.0)
        if verbose:
            print(f"    {word!r}: longest stall {gaps_per_word[-1]:.1f} ms", flush=True)
    worker.wait_all()
    window.close()
    return {"keystroke_ms": keystroke_ms, "max_gap_ms": gaps_per_word, "answer_ms": answers}



def canvas_2000(size: int = 2000) -> tuple[float, float, float]:
    """set_graph + layout of `size` nodes, one full repaint, longest UI stall meanwhile.
    (400 nodes: the canvas's default limit; 150 nodes: the spring layout, label
    sides and turning, all on the worker.)"""
    import networkx as nx
    from PySide6.QtCore import QEventLoop, QTimer

    from explorer.gui.graph_canvas import GraphCanvas

    tree = nx.random_labeled_tree(size, seed=5)
    graph = nx.MultiDiGraph()
    for node in tree:
        graph.add_node(node, name=f"聊城市实体有限公司{node}" if size <= 300 else f"实体{node}", type=("ORG", "PLACE", "PERSON", "HONOR", "PROGRAM")[node % 5], mentions=node % 7)
    for key, (a, b) in enumerate(tree.edges()):
        graph.add_edge(a, b, key=key, relation="located_in", evidence=[])
    canvas = GraphCanvas()
    canvas.resize(1000, 700)
    canvas.show()
    loop = QEventLoop()
    canvas.layoutFinished.connect(loop.quit)
    beats = [time.perf_counter()]
    gaps: list[float] = []

    def beat():
        now = time.perf_counter()
        gaps.append(now - beats[0])
        beats[0] = now

    heartbeat = QTimer()
    heartbeat.setInterval(2)
    heartbeat.timeout.connect(beat)
    heartbeat.start()
    started = time.perf_counter()
    beats[0] = started
    canvas.set_graph(graph, 0)
    beat()  # set_graph itself is UI-thread time
    QTimer.singleShot(20000, loop.quit)
    loop.exec()
    heartbeat.stop()
    shown = time.perf_counter() - started
    stall = max(gaps) if gaps else 0.0
    started = time.perf_counter()
    canvas.view.zoom(2.0)
    canvas.view.viewport().repaint()
    repaint = time.perf_counter() - started
    canvas.close()
    return shown, repaint, stall


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10k entities / 50k facts")
    parser.add_argument("--path", type=Path)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    path = args.path or (QUICK_PATH if args.quick else DEFAULT_PATH)
    ensure_project(path, args.quick)

    starts, opened = startup_seconds(path)
    print(f"project {path} ({path.stat().st_size / 1e6:.0f} MB)")
    print(f"start to interactive window   median {statistics.median(starts) * 1000:7.0f} ms   "
          f"worst {max(starts) * 1000:7.0f} ms   goal < 1500 ms")
    print(f"start to project open         median {statistics.median(opened) * 1000:7.0f} ms   "
          f"worst {max(opened) * 1000:7.0f} ms   (search answers from here)")

    from explorer.gui.backend import Backend

    backend = Backend.open(path, create=False)
    rng = random.Random(3)
    names = [hit.name for hit in backend.search("华", limit=200)] or ["聊城"]
    backend.close()
    words = [name[: rng.randint(2, min(5, len(name)))] for name in rng.sample(names, min(12, len(names)))]
    result = typing_blocks(path, words, verbose=args.verbose)
    keys = result["keystroke_ms"]
    gaps = result["max_gap_ms"]
    answers = result["answer_ms"]
    print(f"typing {sum(len(w) for w in words)} keystrokes in {len(words)} queries (90 ms apart):")
    print(f"  keystroke handler           median {statistics.median(keys):7.2f} ms   worst {max(keys):7.2f} ms")
    print(f"  longest UI stall per query  median {statistics.median(gaps):7.2f} ms   worst {max(gaps):7.2f} ms   goal < 50 ms")
    if answers:
        print(f"  results after last key      median {statistics.median(answers):7.0f} ms   (debounce {120} ms included)")
    import gc

    gc.freeze()  # as explorer.app does once the project is open
    shown, repaint, stall = canvas_2000()
    print(f"canvas with 2,000 nodes       layout+show {shown * 1000:7.0f} ms   longest UI stall {stall * 1000:5.0f} ms   "
          f"full repaint {repaint * 1000:5.0f} ms")
    shown, repaint, stall = canvas_2000(400)
    print(f"canvas with 400 nodes (limit) layout+show {shown * 1000:7.0f} ms   longest UI stall {stall * 1000:5.0f} ms   "
          f"full repaint {repaint * 1000:5.0f} ms")
    shown, repaint, stall = canvas_2000(150)
    print(f"canvas with 150 named nodes   layout+show {shown * 1000:7.0f} ms   longest UI stall {stall * 1000:5.0f} ms   "
          f"full repaint {repaint * 1000:5.0f} ms")
    ok = statistics.median(starts) < 1.5 and max(gaps) < 50
    print("goals met" if ok else "GOALS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
