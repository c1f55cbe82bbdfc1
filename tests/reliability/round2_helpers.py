"""Helpers for the round-2 reliability tests (issue 13): small hand-built
projects, a project as an older explorer (migrations 001-006) wrote it,
forked children to kill, and running a check as an unprivileged user (root
ignores file permissions, so read-only cases need another uid)."""

from __future__ import annotations

import os
import pickle
import pwd
import signal
import sqlite3
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

from explorer.core import Article, ArticleAnalysis, Document, Mention, RelationFact
from explorer.store import Project


def page(path: str, version: str, texts: list[str], names: list[tuple[str, str]]) -> tuple:
    """(document, articles, analyses): each article mentions the names it contains."""
    articles, analyses = [], []
    for index, text in enumerate(texts):
        mentions = [
            Mention(text.index(n), text.index(n) + len(n), n, t, n) for n, t in names if n in text
        ]
        facts = []
        orgs = [m for m in mentions if m.type == "ORG"]
        people = [m for m in mentions if m.type == "PERSON"]
        if orgs and people:
            facts.append(RelationFact(people[0].canonical, "PERSON", "role_at", orgs[0].canonical, "ORG", text, 0, len(text)))
        articles.append(Article(text=text, headline=text[:8], index=index))
        analyses.append(ArticleAnalysis(tuple(mentions), tuple(facts)))
    doc = Document(path=path, text="\n".join(texts), content_hash=f"{path}:{version}", source="晚报", home_city="")
    return doc, articles, analyses


PEOPLE = [("张伟", "PERSON"), ("光岳集团", "ORG"), ("李娜", "PERSON"), ("东方红公司", "ORG")]
TEXTS = ["张伟在光岳集团任董事长。", "李娜在东方红公司任经理。", "张伟与李娜出席会议。"]


def filled_project(path: Path) -> None:
    with Project.open(path) as project:
        project.store_document(*page("/news/a.txt", "v1", TEXTS, PEOPLE))
        project.store_document(*page("/news/b.txt", "v1", TEXTS[1:], PEOPLE))


def downgrade_to_006(path: Path) -> None:
    """Make `path` look as explorer wrote it before migration 007."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.executescript(
        """
        BEGIN;
        CREATE TABLE g_old (gram TEXT NOT NULL, is_prefix INTEGER NOT NULL, mentions INTEGER NOT NULL,
                            name_id INTEGER NOT NULL, PRIMARY KEY (gram, name_id)) WITHOUT ROWID;
        INSERT INTO g_old SELECT gram, is_prefix, mentions, name_id FROM name_grams;
        DROP TABLE name_grams;
        ALTER TABLE g_old RENAME TO name_grams;
        CREATE INDEX name_grams_rank ON name_grams(gram, is_prefix DESC, mentions DESC);
        CREATE INDEX name_grams_name ON name_grams(name_id);
        DROP INDEX articles_content_hash;
        DROP INDEX documents_content_hash;
        ALTER TABLE articles DROP COLUMN content_hash;
        DELETE FROM _migrations WHERE name LIKE '007%';
        PRAGMA application_id = 0;
        COMMIT;
        """
    )
    conn.close()


def snapshot(path: Path) -> dict:
    """What must survive an upgrade: every table's rows that 001-006 define."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        out = {}
        for table in ("documents", "articles", "entities", "mentions", "relations", "evidence", "names", "edits"):
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] != "content_hash"]
            out[table] = conn.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY 1").fetchall()
        out["grams"] = conn.execute("SELECT gram, is_prefix, mentions, name_id FROM name_grams ORDER BY 1, 4").fetchall()
        return out
    finally:
        conn.close()


def integrity(path: Path) -> list:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()


def fork(child: Callable[[], None]) -> int:
    """Run `child` in a forked process; return its pid (it exits 0, or 1 on an exception)."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 0
        try:
            child()
        except BaseException:  # noqa: BLE001
            traceback.print_exc()
            code = 1
        os._exit(code)
    return pid


def wait(pid: int) -> int:
    """The child's exit code, or -signal."""
    _, status = os.waitpid(pid, 0)
    return -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)


def kill_self() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def shared_dir() -> Path:
    """A folder another uid can traverse (pytest's tmp_path is private to root)."""
    path = Path(tempfile.mkdtemp(prefix="explorer-r2-"))
    path.chmod(0o755)
    return path


def unprivileged(fn: Callable[[], object]) -> object:
    """`fn()` run as a user without write access to root's files (in a forked
    child when the tests run as root); its result or exception comes back.
    The child cannot read a Python installed under /root: what `fn` imports
    must be imported before (run the same work as root first)."""
    if os.geteuid() != 0:
        return fn()
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(read_fd)
        try:
            nobody = pwd.getpwnam("nobody")
            os.setgroups([])
            os.setgid(nobody.pw_gid)
            os.setuid(nobody.pw_uid)
            payload = ("ok", fn())
        except BaseException as exc:  # noqa: BLE001
            payload = ("error", (type(exc).__name__, str(exc), traceback.format_exc()))
        with os.fdopen(write_fd, "wb") as out:
            try:
                pickle.dump(payload, out)
            except Exception as exc:  # noqa: BLE001
                pickle.dump(("error", ("PicklingError", str(exc), "")), out)
        os._exit(0)
    os.close(write_fd)
    with os.fdopen(read_fd, "rb") as inp:
        data = inp.read()
    wait(pid)
    kind, value = pickle.loads(data)
    if kind == "error":
        raise AssertionError(f"in the unprivileged child: {value[0]}: {value[1]}\n{value[2]}")
    return value
