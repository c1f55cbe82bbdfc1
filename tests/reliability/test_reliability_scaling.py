"""Scaling without a stopwatch: no statement an ingest or a search runs may
read a growing table from end to end.

benchmarks/bench_ingest.py showed the cost per article doubling from 100 to
1,000 pages; the cause was full scans inside the per-document transaction.
Timing tests are flaky on a shared machine, query plans are not: this test
records every statement the store runs (sqlite3 trace callback) and asks
SQLite for its plan. A plan line "SCAN <growing table>" is a full scan.
"""

from __future__ import annotations

import re
import sqlite3

import pytest

from explorer.core import TaskState
from explorer.services import ingest, query
from explorer.services.project import open_project
from explorer.settings import IngestOptions
from explorer.store import writer

GROWING = {"documents", "articles", "mentions", "relations", "evidence", "entities", "names", "name_grams"}
# Full scans that are accepted on purpose (none now: migrations 004/005 added
# the indexes the first version of this test asked for).
KNOWN: set[tuple[str, str]] = set()
_SCAN = re.compile(r"\bSCAN (\w+)(?: AS \w+)?(.*)$")


def _plan(conn: sqlite3.Connection, sql: str) -> list[str]:
    try:
        rows = conn.execute("EXPLAIN QUERY PLAN " + sql).fetchall()
    except sqlite3.ProgrammingError:  # unexpanded ? placeholders: plan with NULLs
        rows = conn.execute("EXPLAIN QUERY PLAN " + sql, [None] * sql.count("?")).fetchall()
    return [r[3] for r in rows]


def _normalise(sql: str) -> str:
    """Traced statements have their values bound: put the placeholders back."""
    sql = re.sub(r"'(?:[^']|'')*'", "?", sql)
    sql = re.sub(r"(?<![\w.])-?\d+(?:\.\d+)?(?![\w.])", "?", sql)
    sql = re.sub(r"\(\?(?:\s*,\s*\?)*\)", "(?)", sql)  # IN lists of any length
    return " ".join(sql.split())


def _full_scans(conn: sqlite3.Connection, statements: list[str]) -> set[tuple[str, str]]:
    found = set()
    first: dict[str, str] = {}
    for statement in statements:
        first.setdefault(_normalise(statement), statement)
    for key, sql in first.items():
        head = sql.lstrip().split(None, 1)[0].upper() if sql.strip() else ""
        if head not in ("SELECT", "UPDATE", "DELETE", "INSERT", "WITH"):
            continue
        for line in _plan(conn, sql):
            match = _SCAN.search(line)
            if not match or "VIRTUAL TABLE" in line:
                continue
            table = match.group(1)
            aliases = set(re.findall(r"\b(?:FROM|JOIN|UPDATE)\s+(\w+)\s+(?:AS\s+)?(\w+)", sql))
            real = next((t for t, a in aliases if a == table), table)
            if real in GROWING:
                found.add((table, key))
    return found


def _is_known(scan: tuple[str, str]) -> bool:
    return any(scan[0] == table and fragment in scan[1] for table, fragment in KNOWN)


@pytest.fixture
def traced_ingest(tmp_path, small_corpus, monkeypatch):
    """Ingest the small corpus twice (second time: replaced documents) and
    return (project, statements run by the store's writer)."""
    statements: list[str] = []

    def tracing(original):
        def traced(conn, *args, **kwargs):
            conn.set_trace_callback(statements.append)
            try:
                return original(conn, *args, **kwargs)
            finally:
                conn.set_trace_callback(None)

        return traced

    # ingest stores through store_document_batches (streamed batches), tests and tools through store_document
    monkeypatch.setattr(writer, "store_document_batches", tracing(writer.store_document_batches))
    monkeypatch.setattr(writer, "store_document", tracing(writer.store_document))
    project = open_project(tmp_path / "plans.explorer.db")
    ingest.run(project, [small_corpus], IngestOptions(), TaskState())
    for page in sorted(small_corpus.glob("*.txt"))[:2]:  # changed files take the replace path
        page.write_text(page.read_text(encoding="utf-8") + "\n本报讯 聊城市召开会议。\n", encoding="utf-8")
    ingest.run(project, [small_corpus], IngestOptions(), TaskState())
    yield project, statements
    project.close()


def test_ingest_statements_use_indexes(traced_ingest):
    project, statements = traced_ingest
    assert len(statements) > 100
    scans = _full_scans(project.reader(), statements)
    unexpected = sorted(s for s in scans if not _is_known(s))
    assert unexpected == [], "full scans of growing tables per stored document:\n" + "\n".join(f"{t}: {q[:160]}" for t, q in unexpected)


def test_search_and_neighbourhood_statements_use_indexes(traced_ingest):
    project, _ = traced_ingest
    conn = project.reader()
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    try:
        for text in ("聊城", "公司", "有限公司", "东昌府区", "lc", "zhang"):
            for hit in query.search(project, text, limit=5):
                query.entity(project, hit.id)
                query.neighbourhood(project, hit.id, hops=2)
    finally:
        conn.set_trace_callback(None)
    assert statements
    scans = _full_scans(conn, statements)
    assert sorted(scans) == [], "full scans of growing tables on the read path:\n" + "\n".join(f"{t}: {q[:160]}" for t, q in sorted(scans))
