"""A project is one SQLite file. Datasette style: one writer connection
behind a lock (every ingest and correction is one transaction on it) and one
read-only connection per thread, so the GUI reads while an ingest writes
(WAL) and never sees "database is locked".
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import sqlite_utils

from explorer.core import Article, ArticleAnalysis, Document, ProjectStats, StoreResult
from explorer.errors import ProjectBusyError, ProjectOpenError, SchemaError
from explorer.store import edits, schema, writer

_SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 30.0


def _connect(path: Path, readonly: bool = False) -> sqlite3.Connection:
    conn = sqlite3.connect(
        str(path), isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_S
    )
    conn.execute("PRAGMA cache_size = -32000")
    conn.execute("PRAGMA mmap_size = 268435456")
    conn.execute("PRAGMA temp_store = MEMORY")
    if readonly:
        conn.execute("PRAGMA query_only = 1")
    return conn


class Project:
    """An open project database. Use `Project.open`."""

    def __init__(self, path: Path, writer_conn: sqlite3.Connection):
        self._path = path
        self._writer = writer_conn
        self._write_lock = threading.RLock()
        self._local = threading.local()
        self._readers: list[sqlite3.Connection] = []
        self._readers_lock = threading.Lock()
        self._closed = False

    # --- lifecycle -------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, create: bool = True) -> Project:
        path = Path(path)
        if path.is_dir():
            raise ProjectOpenError(str(path), "is a folder, not a project file")
        if not path.exists():
            if not create:
                raise ProjectOpenError(str(path), "no such project")
        elif path.stat().st_size:
            with open(path, "rb") as fh:
                if fh.read(16) != _SQLITE_MAGIC:
                    raise ProjectOpenError(str(path), "not an explorer project (not a SQLite database)")
        try:
            conn = _connect(path)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            schema.migrate(sqlite_utils.Database(conn))
        except SchemaError:
            conn.close()
            raise
        except sqlite3.DatabaseError as exc:
            with contextlib.suppress(Exception):
                conn.close()
            raise ProjectOpenError(str(path), f"damaged or unreadable database ({exc})") from exc
        return cls(path, conn)

    @property
    def path(self) -> Path:
        return self._path

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        with self._readers_lock:
            for conn in self._readers:
                with contextlib.suppress(Exception):
                    conn.close()
            self._readers.clear()
        with self._write_lock:
            with contextlib.suppress(Exception):
                self._writer.execute("PRAGMA optimize")
            self._writer.close()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- connections -----------------------------------------------------------

    def reader(self) -> sqlite3.Connection:
        """This thread's read-only connection."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            if self._closed:
                raise ProjectOpenError(str(self._path), "project is closed")
            conn = _connect(self._path, readonly=True)
            self._local.conn = conn
            with self._readers_lock:
                self._readers.append(conn)
        return conn

    @contextlib.contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One transaction on the single writer connection."""
        with self._write_lock:
            conn = self._writer
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise ProjectBusyError(f"{self._path}: another program is writing ({exc})") from exc
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            else:
                conn.execute("COMMIT")

    # --- ingest ----------------------------------------------------------------

    def document_status(self, path: str, content_hash: str) -> str:
        row = self.reader().execute(
            "SELECT content_hash FROM documents WHERE path = ?", (str(path),)
        ).fetchone()
        if row is None:
            return "new"
        return "unchanged" if row[0] == content_hash else "changed"

    def store_document(
        self,
        document: Document,
        articles: Sequence[Article],
        analyses: Sequence[ArticleAnalysis],
    ) -> StoreResult:
        if len(articles) != len(analyses):
            raise ValueError("one analysis per article is required")
        with self.write() as conn:
            return writer.store_document(conn, document, articles, analyses)

    def store_document_batches(
        self,
        document: Document,
        batches: Iterable[tuple[Sequence[Article], Sequence[ArticleAnalysis]]],
    ) -> StoreResult:
        """`store_document` for a document that arrives in batches of (articles,
        analyses): one transaction for the whole document, one batch in memory."""
        with self.write() as conn:
            return writer.store_document_batches(conn, document, batches)

    def stats(self) -> ProjectStats:
        conn = self.reader()
        count = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
        return ProjectStats(
            documents=count("SELECT count(*) FROM documents"),
            articles=count("SELECT count(*) FROM articles"),
            entities=count("SELECT count(*) FROM entities WHERE merged_into IS NULL AND (origin = 'ingest' OR mentions > 0)"),
            mentions=count("SELECT count(*) FROM mentions"),
            relations=count("SELECT count(*) FROM relations WHERE hidden = 0"),
        )

    # --- corrections -----------------------------------------------------------

    def correct(self, op: str, params: dict) -> int:
        """Record and apply one correction; returns the edit id."""
        with self.write() as conn:
            if op == "split" and params.get("new") is None:
                params = {**params, "new": edits.next_entity_id(conn)}
            if op == "split" and "articles" not in params:
                params = {**params, "articles": edits.article_keys(conn, params.pop("article_ids"))}
            edit_id, touched = edits.record(conn, op, params)
            self._after_edit(conn, touched)
            return edit_id

    def undo(self) -> dict | None:
        with self.write() as conn:
            edit, touched = edits.undo(conn)
            self._after_edit(conn, touched)
            return edit

    def redo(self) -> dict | None:
        with self.write() as conn:
            edit, touched = edits.redo(conn)
            self._after_edit(conn, touched)
            return edit

    def edit_history(self) -> list[dict]:
        return edits.history(self.reader())

    @staticmethod
    def _after_edit(conn, touched: set[int]) -> None:
        writer.recount(conn, touched)
        keep = edits.Rules.load(conn).refs
        writer.collect_orphans(conn, touched, keep)

    # --- reading ---------------------------------------------------------------

    def graph_reader(self):
        from explorer.store.reader import SqliteGraphReader

        return SqliteGraphReader(self)

    def search(self, text: str, types: Sequence[str] | None = None, limit: int = 50):
        from explorer.store.search import search_names

        return search_names(self.reader(), text, types, limit)
