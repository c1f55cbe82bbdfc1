"""Which file is a project, and how to connect to it.

Like git refusing to treat a random folder as a repository, explorer never
writes to a file it did not create: an explorer project carries
`PRAGMA application_id = APPLICATION_ID` (set by migration 007); projects
written before that are recognised by their `_migrations` table. Another
application's SQLite file is refused before anything is written to it (no
WAL switch, no tables), so it stays byte-identical.

The file is inspected through a read-only connection. A project the user
may not write (file or folder permissions, a read-only disk) opens read-only;
in a read-only folder SQLite cannot create the `-shm` file WAL needs, so such
a project is opened `immutable` (nobody can write it there either).
"""

from __future__ import annotations

import errno
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from explorer.errors import (
    NotAProjectError,
    ProjectError,
    ProjectOpenError,
    ProjectReadOnlyError,
    ProjectWriteError,
    StorageFullError,
)

APPLICATION_ID = 0x45585044  # "EXPD"
SQLITE_MAGIC = b"SQLite format 3\x00"
MIGRATIONS_TABLE = "_migrations"
FIRST_MIGRATION = "001_core"


@dataclass(frozen=True)
class FileState:
    """What is at a project path before it is opened."""

    kind: str  # "missing" | "empty" (no schema yet) | "project"
    writable: bool
    read_uri: str  # sqlite3 URI for read-only connections
    done: frozenset[str] = frozenset()  # migrations the file records


def uri(path: Path, **params: str) -> str:
    """A sqlite3 URI for `path` (any character in the name is escaped)."""
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return f"file:{quote(str(Path(path).absolute()), errors='surrogateescape')}" + (f"?{query}" if query else "")


def folder_writable(path: Path) -> bool:
    return os.access(Path(path).absolute().parent, os.W_OK | os.X_OK)


def inspect(path: Path) -> FileState:
    """Classify the file at `path` without writing anything; typed errors for
    folders, unreadable, foreign and damaged files."""
    name = str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        parent = path.absolute().parent
        return FileState("missing", parent.is_dir() and folder_writable(path), "")
    except OSError as exc:
        raise ProjectOpenError(name, _reason(exc)) from None
    if path.is_dir():
        raise ProjectOpenError(name, "is a folder, not a project file")
    writable = os.access(path, os.W_OK) and folder_writable(path)
    if info.st_size == 0:
        return FileState("empty", writable, "")
    try:
        with open(path, "rb") as fh:
            magic = fh.read(16)
    except OSError as exc:
        raise ProjectOpenError(name, _reason(exc)) from None
    if magic != SQLITE_MAGIC:
        raise NotAProjectError(name, "not an explorer project (not a SQLite database)")
    read_uri = reader_uri(path)
    try:
        # A writable file is inspected read-write (and query_only): a writer
        # killed mid-transaction leaves a WAL that only such a connection may
        # recover; SQLite itself never writes the file for these reads.
        conn = sqlite3.connect(uri(path, mode="rw") if writable else read_uri, uri=True, timeout=30)
        try:
            conn.execute("PRAGMA query_only = 1")
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            done: set[str] = set()
            if MIGRATIONS_TABLE in tables:
                done = {r[0] for r in conn.execute(f"SELECT name FROM {MIGRATIONS_TABLE}")}
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise open_error(path, exc) from None
    kind = classify(app_id, tables, done)
    if kind is None:
        raise NotAProjectError(name, "not an explorer project (another application's SQLite database); left untouched")
    return FileState(kind, writable, read_uri, frozenset(done))


def classify(app_id: int, tables: set[str], done: set[str]) -> str | None:
    """"project", "empty", or None for a file that belongs to someone else."""
    if app_id == APPLICATION_ID:
        return "project"
    if app_id == 0 and not tables:
        return "empty"
    if app_id == 0 and FIRST_MIGRATION in done and "documents" in tables:
        return "project"  # written before projects were marked
    return None


def reader_uri(path: Path) -> str:
    """Read-only URI; `immutable` where SQLite could not create the WAL index."""
    wal = Path(f"{path}-wal")
    if not folder_writable(path) and not wal.exists():
        return uri(path, mode="ro", immutable="1")
    return uri(path, mode="ro")


def _reason(exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied (check the file's and its folder's permissions)"
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    return exc.strerror or str(exc)


def _primary_code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)  # extended code; the low byte is the primary one
    return None if code is None else code & 0xFF


def open_error(path: Path, exc: sqlite3.Error) -> ProjectError:
    """A typed error for a failure to open or read the database."""
    text = str(exc)
    code = _primary_code(exc)
    if code == sqlite3.SQLITE_CANTOPEN or "unable to open" in text:
        if not os.access(path, os.R_OK) or not folder_writable(path):
            return ProjectReadOnlyError(str(path), f"permission denied ({text})")
        return ProjectOpenError(str(path), f"cannot open the database ({text})")
    if code == sqlite3.SQLITE_READONLY or "readonly database" in text:  # a hot WAL it may not recover
        return ProjectReadOnlyError(
            str(path), "an interrupted write left the project to recover, but it cannot be written here "
            "(permission denied); open it once where it can be written"
        )
    if code == sqlite3.SQLITE_NOTADB or "not a database" in text:
        return NotAProjectError(str(path), f"not an explorer project ({text})")
    return ProjectOpenError(str(path), f"damaged or unreadable database ({text})")


def write_error(path: Path, exc: sqlite3.Error) -> ProjectError | None:
    """A typed error for a write SQLite refused, or None for a programming error."""
    text = str(exc)
    code = _primary_code(exc)
    if code == sqlite3.SQLITE_FULL or "disk is full" in text:
        return StorageFullError(f"{path}: the disk is full; nothing of this change was kept", path=str(path))
    if code == sqlite3.SQLITE_READONLY or "readonly database" in text:
        return ProjectReadOnlyError(str(path), "the project is read-only (permissions or a read-only disk)")
    if code in (sqlite3.SQLITE_IOERR, sqlite3.SQLITE_CANTOPEN) or "disk I/O error" in text:
        return ProjectWriteError(f"{path}: the disk refused the write ({text}); nothing of it was kept", path=str(path))
    if code == sqlite3.SQLITE_CORRUPT or "malformed" in text:
        return ProjectOpenError(str(path), f"damaged database ({text})")
    return None


def typed_error(exc: BaseException, path: Path) -> ProjectError | None:
    """`write_error` for sqlite3 errors raised outside a write (readers), and
    the same words for a full disk reported by the OS."""
    if isinstance(exc, sqlite3.Error):
        return write_error(path, exc) or open_error(path, exc)
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return StorageFullError(f"{path}: the disk is full", path=str(path))
    return None
