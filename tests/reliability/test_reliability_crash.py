"""Crash safety: SIGKILL an ingesting process at random moments, many times.

After every kill the project must be sound (integrity_check, no orphan rows,
no document stored without all its articles, every stored article identical
to a clean ingest), and ingesting again must finish the job: the final
project equals one built without interruption.
"""

from __future__ import annotations

import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import reliability_checks as checks

WORKER = Path(os.environ.get("EXPLORER_CRASH_WORKER") or Path(__file__).with_name("crash_worker.py"))
KILLS = 10  # kills to land...
KILL_BUDGET_S = 16.0  # ...unless this much wall time is spent (a loaded machine lands fewer)
MIN_KILLS = 2
SEED = int(os.environ.get("EXPLORER_CRASH_SEED", "20240601"))


class Server:
    """The fork server (crash_worker.py) and its output, read on a thread."""

    def __init__(self):
        self.proc = subprocess.Popen(
            [sys.executable, str(WORKER)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            text=True, bufsize=1,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self):
        for line in self.proc.stdout:
            self.lines.put(line.strip())
        self.lines.put("eof")

    def expect(self, word: str, timeout: float = 120.0) -> str:
        line = self.lines.get(timeout=timeout)
        assert line.split()[0] == word, f"worker said {line!r}, expected {word!r}"
        return line

    def start_ingest(self, project: Path, corpus: Path) -> int:
        self.proc.stdin.write(f"ingest {project} {corpus}\n")
        self.proc.stdin.flush()
        return int(self.expect("pid").split()[1])

    def wait_exit(self) -> int:
        return int(self.expect("exit").split()[1])

    def close(self):
        try:
            self.proc.stdin.write("quit\n")
            self.proc.stdin.close()
            self.proc.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait()


@pytest.fixture
def server():
    s = Server()
    try:
        s.expect("ready", timeout=90)
        yield s
    finally:
        s.close()


def _assert_sound(project: Path, reference: dict, context: str) -> None:
    assert checks.problems(project) == [], context
    stored = checks.article_signatures(project)
    for key, signature in stored.items():
        assert reference.get(key) == signature, f"{context}: article {key} differs from a clean ingest"
    for path in {p for p, _ in stored}:
        expected = {i for p, i in reference if p == path}
        assert {i for p, i in stored if p == path} == expected, f"{context}: {path} is half stored"


@pytest.mark.slow
def test_sigkill_at_random_points_never_corrupts_and_reingest_completes(tmp_path, small_corpus, server):
    # A clean, uninterrupted ingest is the reference (and times the kill window).
    reference_db = tmp_path / "reference.explorer.db"
    started = time.perf_counter()
    server.start_ingest(reference_db, small_corpus)
    assert server.wait_exit() == 0
    full_run = time.perf_counter() - started
    reference = checks.article_signatures(reference_db)
    assert reference and checks.problems(reference_db) == []

    documents = len({p for p, _ in reference})
    rng = random.Random(SEED)
    crashed = tmp_path / "crashed.explorer.db"
    kills = rounds = 0
    deadline = time.perf_counter() + KILL_BUDGET_S
    while kills < KILLS and time.perf_counter() < deadline:
        # Aim inside the work still to do: the stored part is skipped quickly.
        done = len({p for p, _ in checks.article_signatures(crashed)}) / documents
        pid = server.start_ingest(crashed, small_corpus)
        time.sleep(rng.uniform(0.0, max(0.3, full_run * (1.0 - done))))
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass  # it finished first
        status = server.wait_exit()
        if os.WIFSIGNALED(status):
            assert os.WTERMSIG(status) == signal.SIGKILL
            kills += 1
            _assert_sound(crashed, reference, f"after kill {kills} (seed {SEED})")
        else:
            assert os.WEXITSTATUS(status) == 0
            _assert_sound(crashed, reference, "after an uninterrupted run")
            rounds += 1  # the job completed between kills: start over on a fresh file
            for leftover in crashed.parent.glob(crashed.name + "*"):
                leftover.unlink()
    print(f"{kills} kills landed, {rounds} uninterrupted runs, clean run {full_run:.1f} s (seed {SEED})")
    assert kills >= MIN_KILLS, f"only {kills} kills landed in {KILL_BUDGET_S} s"

    # Ingesting again finishes the job, and the result is a clean ingest's.
    server.start_ingest(crashed, small_corpus)
    assert server.wait_exit() == 0
    assert checks.problems(crashed) == []
    assert checks.article_signatures(crashed) == reference
    assert checks.counts(crashed) == checks.counts(reference_db)
    assert checks.entity_signature(crashed) == checks.entity_signature(reference_db)

    _replace_phase(server, tmp_path, small_corpus, crashed, full_run, rng)


def _by_document(signatures: dict) -> dict[str, dict]:
    grouped: dict[str, dict] = {}
    for (path, index), signature in signatures.items():
        grouped.setdefault(path, {})[index] = signature
    return grouped


def _replace_phase(server, tmp_path, corpus, crashed, full_run, rng) -> None:
    """Changed files take the replace path (old articles deleted, new ones
    inserted, orphans collected) in one transaction: a kill leaves each
    document entirely old or entirely new."""
    pages = [p for p in sorted(corpus.glob("*.txt")) if "gbk" not in p.name][:3]
    for page in pages:
        page.write_text(page.read_text(encoding="utf-8")
                        + "\n\n本报讯 聊城市东昌府区召开企业座谈会，山东新例科技有限公司等企业参加。\n",
                        encoding="utf-8")
    old = _by_document(checks.article_signatures(crashed))
    new_reference_db = tmp_path / "reference-new.explorer.db"
    server.start_ingest(new_reference_db, corpus)
    assert server.wait_exit() == 0
    new = _by_document(checks.article_signatures(new_reference_db))
    assert any(old[str(p)] != new[str(p)] for p in pages), "the edit changed no article"
    for attempt in range(3):
        pid = server.start_ingest(crashed, corpus)
        time.sleep(rng.uniform(0.0, full_run * 0.6))
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        server.wait_exit()
        assert checks.problems(crashed) == [], f"replace phase, attempt {attempt}"
        for path, stored in _by_document(checks.article_signatures(crashed)).items():
            assert stored in (old[path], new[path]), f"{path} is neither its old nor its new version"
    server.start_ingest(crashed, corpus)
    assert server.wait_exit() == 0
    assert checks.problems(crashed) == []
    assert checks.article_signatures(crashed) == checks.article_signatures(new_reference_db)
    rows = ("documents", "articles", "mentions", "relations", "evidence")
    final, clean = checks.counts(crashed), checks.counts(new_reference_db)
    assert {k: final[k] for k in rows} == {k: clean[k] for k in rows}
