"""Project files (issue 13): atomic migrations under real kills (D1), other
applications' SQLite files left alone (D2), integrity_check clean on SQLite
3.40 (D13), concurrent creation (D14), no project created by reading
commands (D15), read-only projects (D10, D16) and a full disk (D11)."""

from __future__ import annotations

import contextlib
import hashlib
import io
import random
import shutil
import sqlite3
import time
from pathlib import Path

import pytest
import round2_helpers as h

from explorer import errors
from explorer.cli import main
from explorer.errors import ProjectOpenError
from explorer.store import Project, schema

APPLICATION_ID = 0x45585044  # explorer.store.files.APPLICATION_ID ("EXPD")


def _migrations(path: Path) -> set[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM _migrations")}
    finally:
        conn.close()


def _killed_during(path: Path, step: int) -> int:
    """Open (create or upgrade) `path` in a child that SIGKILLs itself right
    after migration step `step` ran, before its transaction could commit."""

    def child():
        name, run = schema.MIGRATIONS[step]

        def then_die(db, run=run):
            run(db)
            h.kill_self()

        schema.MIGRATIONS[step] = (name, then_die)
        Project.open(path, create=True)

    return h.wait(h.fork(child))


# --- D1: a kill at any moment leaves the old schema or the new one ------------------


def test_d1_a_kill_inside_any_creation_step_leaves_a_project_that_opens(tmp_path):
    for step in range(len(schema.MIGRATIONS)):
        path = tmp_path / f"new{step}.db"
        assert _killed_during(path, step) == -9
        if path.exists() and path.stat().st_size:
            with pytest.raises(ProjectOpenError, match="no such project"):  # nothing committed yet
                Project.open(path, create=False)
        with Project.open(path, create=True) as project:  # ingest makes it a project after all
            assert project.stats().documents == 0
        assert _migrations(path) == {name for name, _ in schema.MIGRATIONS}
        assert h.integrity(path) == ["ok"]


def test_d1_a_kill_during_an_upgrade_leaves_the_old_project_intact(tmp_path):
    old = tmp_path / "old.db"
    h.filled_project(old)
    h.downgrade_to_006(old)
    before = h.snapshot(old)
    pending = [i for i, (name, _) in enumerate(schema.MIGRATIONS) if name not in _migrations(old)]
    assert pending, "the downgraded project must need migrations"
    for step in pending:
        path = tmp_path / f"upgrade{step}.db"
        shutil.copy(old, path)
        assert _killed_during(path, step) == -9
        assert _migrations(path) == _migrations(old)  # none of the upgrade is there...
        assert h.snapshot(path) == before  # ...and nothing of the project was lost
        with Project.open(path, create=False) as project:  # the next open upgrades it
            assert project.stats().documents == 2
        assert _migrations(path) == {name for name, _ in schema.MIGRATIONS}
        assert h.snapshot(path) == before
        assert h.integrity(path) == ["ok"]


def test_d1_random_kills_while_creating(tmp_path):
    rng = random.Random(13)
    started = time.perf_counter()
    Project.open(tmp_path / "timing.db").close()
    window = max(time.perf_counter() - started, 0.02)
    for attempt in range(8):
        path = tmp_path / f"p{attempt}.db"
        pid = h.fork(lambda path=path: Project.open(path, create=True).close())
        time.sleep(rng.uniform(0, window))
        with contextlib.suppress(ProcessLookupError):
            import os
            import signal

            os.kill(pid, signal.SIGKILL)
        h.wait(pid)
        with Project.open(path, create=True) as project:
            assert project.stats().entities == 0
        assert h.integrity(path) == ["ok"]


# --- D2: another application's SQLite file -----------------------------------------


def _foreign_database(path: Path, with_documents: bool) -> bytes:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    if with_documents:
        conn.execute("CREATE TABLE documents (id INTEGER PRIMARY KEY, title TEXT)")
        conn.execute("INSERT INTO documents(title) VALUES ('聊城 report')")
    conn.execute("INSERT INTO notes(body) VALUES ('mine')")
    conn.commit()
    conn.close()
    return path.read_bytes()


@pytest.mark.parametrize("with_documents", [False, True])
def test_d2_another_applications_database_is_refused_and_left_byte_identical(tmp_path, capsys, with_documents):
    other = tmp_path / "other.db"
    original = _foreign_database(other, with_documents)
    for create in (False, True):
        with pytest.raises(getattr(errors, "NotAProjectError", ProjectOpenError), match="not an explorer project"):
            Project.open(other, create=create)
    for argv in (["search", "聊城"], ["correct", "history"], ["export", "-f", "json", "-o", str(tmp_path / "x.json")]):
        assert main(["--project", str(other), *argv]) == 2
        assert "not an explorer project" in capsys.readouterr().err
    assert hashlib.sha256(other.read_bytes()).digest() == hashlib.sha256(original).digest()
    assert not Path(f"{other}-wal").exists() and not (tmp_path / "x.json").exists()


def test_d2_a_new_project_is_marked_and_an_older_one_is_still_recognised(tmp_path):
    path = tmp_path / "p.db"
    h.filled_project(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    conn.close()
    h.downgrade_to_006(path)  # no mark: recognised by its migrations table, then marked
    with Project.open(path, create=False) as project:
        assert project.stats().documents == 2
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    conn.close()


# --- D13: integrity_check on SQLite 3.40 -------------------------------------------


def test_d13_integrity_check_says_ok_for_new_and_upgraded_projects(tmp_path):
    path = tmp_path / "p.db"
    h.filled_project(path)
    assert h.integrity(path) == ["ok"]
    h.downgrade_to_006(path)
    Project.open(path).close()
    assert h.integrity(path) == ["ok"]


# --- D14: several processes create one project at the same instant ----------------


def test_d14_concurrent_creation_is_safe(tmp_path):
    path = tmp_path / "race.db"
    start = time.time() + 0.6

    def child():
        while time.time() < start:
            time.sleep(0.001)
        with Project.open(path, create=True) as project:
            project.store_document(*h.page(f"/news/{time.time_ns()}.txt", "v1", h.TEXTS[:1], h.PEOPLE))

    pids = [h.fork(child) for _ in range(6)]
    assert [h.wait(pid) for pid in pids] == [0] * 6
    with Project.open(path, create=False) as project:
        assert project.stats().documents == 6
    assert _migrations(path) == {name for name, _ in schema.MIGRATIONS}
    assert h.integrity(path) == ["ok"]


# --- D15: only commands that create make a project ----------------------------------

READING_COMMANDS = [
    ["search", "张伟"], ["show", "张伟"], ["neighbours", "张伟"], ["path", "张伟", "李娜"],
    ["query", "PERSON-role_at->ORG"], ["rank"], ["correct", "history"], ["correct", "undo"],
    ["correct", "rename", "张伟", "张三"], ["export", "-f", "json", "-o", "OUT"],
]


@pytest.mark.parametrize("argv", READING_COMMANDS, ids=lambda a: " ".join(a[:2]))
def test_d15_a_mistyped_project_is_no_such_project(tmp_path, capsys, argv):
    missing = tmp_path / "typo" / "projcet.db"
    argv = [str(tmp_path / "out.json") if a == "OUT" else a for a in argv]
    assert main(["--project", str(missing), *argv]) == 2
    assert "no such project" in capsys.readouterr().err
    assert not missing.parent.exists()


# --- D10 / D16: read-only projects --------------------------------------------------


def _cli(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def test_d16_a_project_in_a_read_only_folder_opens_read_only(monkeypatch):
    folder = h.shared_dir()
    try:
        path = folder / "p.db"
        h.filled_project(path)
        # the same commands as root first: the child cannot read root's Python
        # installation, so every module it needs must be imported already
        shutil.copy(path, folder / "warm.db")
        for argv in (["search", "张伟"], ["correct", "rename", "张伟", "张三"]):
            assert _cli(["--project", str(folder / "warm.db"), *argv])[0] == 0
        path.chmod(0o644)
        folder.chmod(0o555)

        def as_user():
            import explorer.nlp

            def no_nlp(*_a, **_k):
                raise AssertionError("the NLP ran before the read-only project was refused")

            monkeypatch.setattr(explorer.nlp, "load_pipeline", no_nlp)
            with Project.open(path, create=False) as project:
                read_only = project.read_only
                hits = [hit.name for hit in project.search("张伟")]
                with pytest.raises(getattr(errors, "ProjectReadOnlyError", ProjectOpenError)), project.write():
                    pass
            return (
                read_only, hits,
                _cli(["--project", str(path), "search", "张伟"]),
                _cli(["--project", str(path), "correct", "rename", "张伟", "张三"]),
                _cli(["--project", str(path), "ingest", str(folder)]),
            )

        read_only, hits, search, rename, ingest = h.unprivileged(as_user)
        assert read_only and hits == ["张伟"]
        assert search[0] == 0 and "张伟" in search[1]
        assert rename[0] == 2 and "read-only" in rename[2] and "Traceback" not in rename[2]
        assert ingest[0] == 2 and "read-only" in ingest[2] and "permission" in ingest[2]
        assert not list(folder.glob("*-wal"))
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder)


# --- D11: a full disk ---------------------------------------------------------------


def test_d11_a_full_disk_is_a_typed_error_and_loses_nothing(tmp_path):
    path = tmp_path / "p.db"
    h.filled_project(path)
    before = h.snapshot(path)
    with Project.open(path) as project:
        pages = project._writer.execute("PRAGMA page_count").fetchone()[0]
        project._writer.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own "disk is full"
        big = ["张伟在光岳集团任董事长。" * 400] * 30
        with pytest.raises(getattr(errors, "StorageFullError", errors.ProjectError), match="disk is full"):
            project.store_document(*h.page("/news/big.txt", "v1", big, h.PEOPLE))
        assert project.stats().documents == 2
        project._writer.execute("PRAGMA max_page_count = 1073741823")
        project.store_document(*h.page("/news/c.txt", "v1", h.TEXTS, h.PEOPLE))  # and it goes on
    assert h.snapshot(path)["documents"][:2] == before["documents"]
    assert h.integrity(path) == ["ok"]
