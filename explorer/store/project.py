"""A project is one SQLite file. Datasette style: one writer connection
behind a lock (every ingest and correction is one transaction on it) and one
read-only connection per thread, so the GUI reads while an ingest writes
(WAL) and never sees "database is locked".
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import sqlite_utils

from explorer.core import (
    Article,
    ArticleAnalysis,
    Document,
    ProjectStats,
    StaleCorrection,
    StoreResult,
)
from explorer.core.paths import storable_path
from explorer.errors import (
    ProjectBusyError,
    ProjectError,
    ProjectOpenError,
    ProjectReadOnlyError,
)
from explorer.store import edits, files, schema, writer

BUSY_TIMEOUT_S = 30.0


def _enter_wal(conn: sqlite3.Connection) -> None:
    """Switch to WAL. The switch needs the file to itself and SQLite may refuse
    it at once, without its busy handler, while another process is creating
    the same project (D14): wait and try again, within the busy timeout."""
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    pause = 0.01
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() + pause > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.2)


def _connect(target: str, readonly: bool = False) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit: `write`)."""
    conn = sqlite3.connect(
        target, uri=True, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_S
    )
    conn.execute("PRAGMA cache_size = -32000")
    conn.execute("PRAGMA mmap_size = 268435456")
    conn.execute("PRAGMA temp_store = MEMORY")
    if readonly:
        conn.execute("PRAGMA query_only = 1")
    return conn


def _read_only_reason(path: Path, state: files.FileState) -> str:
    if state.kind == "missing":
        return "cannot create a project here: the folder is read-only (permission denied)"
    if not files.folder_writable(path):
        return "the project's folder is read-only (permission denied); copy the project somewhere writable"
    return "the project file is read-only (permission denied)"


class Project:
    """An open project database. Use `Project.open`."""

    def __init__(self, path: Path, writer_conn: sqlite3.Connection | None, read_uri: str | None = None):
        self._path = path
        self._writer = writer_conn  # None: the project is read-only
        self._read_uri = read_uri or files.uri(path, mode="rw")
        self._write_lock = threading.RLock()
        self._local = threading.local()
        self._readers: list[sqlite3.Connection] = []
        self._readers_lock = threading.Lock()
        self._closed = False

    # --- lifecycle -------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, create: bool = True, writable: bool | None = None) -> Project:
        """Open the project at `path`.

        `create`: make a new project when the file is missing (only `ingest`
        and the GUI's "new project" do). `writable`: True demands write access
        (checked here, before any long work), None opens read-only when the
        file or folder cannot be written, False always reads only. A file that
        is not an explorer project is refused and left untouched."""
        path = Path(path)
        state = files.inspect(path)
        if state.kind != "project" and not create:
            why = "no such project" if state.kind == "missing" else "no such project (the file is empty)"
            raise ProjectOpenError(str(path), why)
        if state.kind == "missing" and not path.absolute().parent.is_dir():
            raise ProjectOpenError(str(path), f"the folder {path.absolute().parent} does not exist")
        if not state.writable or writable is False:
            if writable:
                raise ProjectReadOnlyError(str(path), _read_only_reason(path, state))
            return cls._open_read_only(path, state)
        try:
            conn = _connect(files.uri(path, mode="rwc" if state.kind == "missing" else "rw"))
        except sqlite3.Error as exc:
            raise files.open_error(path, exc) from None
        try:
            _enter_wal(conn)
            conn.execute("PRAGMA synchronous = NORMAL")
            schema.migrate(sqlite_utils.Database(conn), str(path))
        except ProjectError:
            conn.close()
            raise
        except sqlite3.DatabaseError as exc:
            with contextlib.suppress(Exception):
                conn.close()
            raise (files.write_error(path, exc) or files.open_error(path, exc)) from exc
        return cls(path, conn)

    @classmethod
    def _open_read_only(cls, path: Path, state: files.FileState) -> Project:
        if state.kind != "project":
            raise ProjectReadOnlyError(str(path), "cannot create a project here: the folder is read-only")
        pending = schema.pending(state.done)
        if pending:
            raise ProjectReadOnlyError(
                str(path), f"the project needs an upgrade ({', '.join(pending)}) but cannot be written"
            )
        project = cls(path, None, state.read_uri)
        project.reader()  # fail here, not in the middle of a command
        return project

    @property
    def read_only(self) -> bool:
        """True when the project was opened without write access."""
        return self._writer is None

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
            if self._writer is not None:
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
            try:
                conn = _connect(self._read_uri, readonly=True)
            except sqlite3.Error as exc:
                raise files.open_error(self._path, exc) from None
            self._local.conn = conn
            with self._readers_lock:
                self._readers.append(conn)
        return conn

    @contextlib.contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One transaction on the single writer connection."""
        if self._writer is None:
            raise ProjectReadOnlyError(str(self._path), "the project is open read-only (no write permission)")
        with self._write_lock:
            conn = self._writer
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise self._typed(exc) or ProjectBusyError(f"{self._path}: another program is writing ({exc})") from exc
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException as exc:
                if conn.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        conn.execute("ROLLBACK")
                typed = self._typed(exc) if isinstance(exc, sqlite3.Error) else None
                if typed is not None:
                    raise typed from exc
                raise

    def _typed(self, exc: sqlite3.Error) -> ProjectError | None:
        return files.write_error(self._path, exc)

    # --- ingest ----------------------------------------------------------------

    def document_status(self, path: str, content_hash: str) -> str:
        """new | unchanged | changed, or moved | duplicate when the same bytes
        are stored under another path (see `writer.same_content`)."""
        conn, path = self.reader(), storable_path(str(path))
        row = conn.execute("SELECT content_hash FROM documents WHERE path = ?", (path,)).fetchone()
        if row is None:
            known = writer.same_content(conn, path, content_hash)
            return known[0] if known else "new"
        return "unchanged" if row[0] == content_hash else "changed"

    def relocate(self, path: str, content_hash: str) -> StoreResult | None:
        """Before any analysis: a file whose bytes are stored under another
        path is recorded as moved (its path updated) or as a duplicate; None
        when the bytes are new."""
        path = storable_path(str(path))
        with self.write() as conn:
            known = writer.same_content(conn, path, content_hash)
            return writer.record_known(conn, path, *known) if known else None

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
                params = dict(params)  # the ids name today's rows; the stored keys name the content
                params["articles"] = edits.article_keys(conn, params.pop("article_ids"))
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

    def stale_corrections(self) -> list[StaleCorrection]:
        """Active corrections whose articles were changed or removed since."""
        return edits.not_applying(self.reader())

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
