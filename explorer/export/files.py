"""Where an export goes and how it is written.

Every file is written to a temporary name in its final directory and then
renamed, so a failed or interrupted export never leaves half a file. File
names are never derived from graph content (entity names, titles): the only
names written are the one the user chose and fixed names beside or inside it,
so nothing can land outside the chosen path.

An export never replaces a SQLite file (the project itself, or any other
database, or their -wal/-shm/-journal files): `-o PROJECT.db` is refused, not
obeyed. It never creates missing folders either (a typo in `-o` is an
error); only the CSV output folder itself may be made, inside an existing one.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import IO

from explorer.errors import ExportError

EXTENSIONS = {"html": ".html", "graphml": ".graphml", "gexf": ".gexf", "json": ".json"}
DEFAULT_STEM = "graph"
SQLITE_MAGIC = b"SQLite format 3\x00"
_SIDECARS = ("-wal", "-shm", "-journal")


def _is_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(16) == SQLITE_MAGIC
    except OSError:
        return False


def check_target(target: Path) -> None:
    """Refuse to write over a database (ExportError); the folder must exist."""
    target = Path(target)
    owner = next((target.with_name(target.name[: -len(s)]) for s in _SIDECARS if target.name.endswith(s)), None)
    if (target.is_file() and _is_sqlite(target)) or (owner is not None and owner.is_file() and _is_sqlite(owner)):
        raise ExportError(
            f"{target}: is a database (a project?); an export never replaces it, choose another file name",
            path=str(target), reason="would overwrite a database",
        )
    if not target.parent.is_dir():
        raise ExportError(
            f"{target}: the folder {target.parent} does not exist", path=str(target), reason="no such folder",
        )


def single_file_target(path: Path, fmt: str) -> Path:
    """The file for a one-file format: `path` itself, or graph.<ext> inside an existing directory."""
    path = Path(path)
    if path.is_dir():
        return path / (DEFAULT_STEM + EXTENSIONS[fmt])
    if not path.name:
        raise ExportError(f"{path}: not a file name", path=str(path), reason="not a file name")
    return path


def csv_targets(path: Path) -> tuple[Path, Path]:
    """nodes and edges files for CSV.

    `x.csv` -> x.nodes.csv and x.edges.csv beside it; anything else is a
    directory (created if missing) that receives nodes.csv and edges.csv.
    """
    path = Path(path)
    if path.suffix.lower() == ".csv" and not path.is_dir():
        stem = path.name[: -len(path.suffix)]
        return path.with_name(f"{stem}.nodes.csv"), path.with_name(f"{stem}.edges.csv")
    if path.exists() and not path.is_dir():
        raise ExportError(
            f"{path}: CSV export needs a directory or a name ending in .csv",
            path=str(path),
            reason="not a directory",
        )
    return path / "nodes.csv", path / "edges.csv"


def write_atomically(target: Path, write: Callable[[IO], None], *, binary: bool = False, newline=None) -> Path:
    """Run `write(handle)` on a temporary file beside `target`, then rename it into place."""
    target = Path(target)
    check_target(target)
    try:
        if target.is_dir():
            raise IsADirectoryError(21, "is a directory", str(target))
        # os.open with 0o666 lets the user's umask decide permissions, as for any new file
        tmp_name = str(target.parent / f".{target.name}.{secrets.token_hex(6)}.tmp")
        fd = os.open(tmp_name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as exc:
        raise _export_error(target, exc) from exc
    try:
        mode = "wb" if binary else "w"
        encoding = None if binary else "utf-8"
        with os.fdopen(fd, mode, encoding=encoding, newline=newline) as handle:
            write(handle)
        os.replace(tmp_name, target)
    except BaseException as exc:
        try:
            os.unlink(tmp_name)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise _export_error(target, exc) from exc
        raise
    return target


def _export_error(target: Path, exc: OSError) -> ExportError:
    reason = exc.strerror or str(exc)
    return ExportError(f"{target}: {reason}", path=str(target), reason=reason)
