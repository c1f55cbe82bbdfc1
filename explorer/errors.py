"""Typed errors. Lower layers raise them; the CLI (`cli.py`) and the GUI
(`gui/errors.py`) each turn them into user text in one place.

Every error carries structured fields (the file, the reason) so that a
boundary can word it for its audience; `str(error)` is a plain English
sentence for logs.
"""

from __future__ import annotations


class ExplorerError(Exception):
    """Base class of every error explorer raises on purpose."""

    exit_code = 2

    def __init__(self, message: str, **details):
        super().__init__(message)
        self.message = message
        self.details = details


# --- input -----------------------------------------------------------------


class InputFileError(ExplorerError):
    """A file could not be turned into text. Nothing of it was stored."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}", path=path, reason=reason)
        self.path = path
        self.reason = reason


class UnreadableFileError(InputFileError):
    """The file does not exist, is a directory, or cannot be opened."""


class EmptyFileError(InputFileError):
    """The file holds no text."""


class FileTooLargeError(InputFileError):
    """The file is larger than the configured limit."""


class EncodingDetectionError(InputFileError):
    """The bytes do not decode as any supported text encoding."""


class BinaryFileError(InputFileError):
    """The file looks like binary data, not text."""


class BrokenPdfError(InputFileError):
    """The PDF is damaged, encrypted or has no text layer."""


class UnsupportedFormatError(InputFileError):
    """No reader handles this kind of file."""


class BrokenImageError(InputFileError):
    """A page image that cannot be decoded, or is too large to read safely."""


class LayoutPageError(InputFileError):
    """An e-edition layout page (版面): it lists the page's articles, it is not one."""


# --- project / store --------------------------------------------------------


class ProjectError(ExplorerError):
    """The project database cannot be used."""


class ProjectOpenError(ProjectError):
    """The project file is missing, not a database, or damaged."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}", path=path, reason=reason)
        self.path = path
        self.reason = reason


class NotAProjectError(ProjectOpenError):
    """The file exists but is not an explorer project (another application's
    SQLite file, or no database at all); it is left untouched."""


class ProjectReadOnlyError(ProjectOpenError):
    """The project or its folder cannot be written (permissions, a read-only
    disk): reading works, changing does not."""


class ProjectBusyError(ProjectError):
    """Another writer holds the project for too long."""


class StorageFullError(ProjectError):
    """The disk is full; the write in progress was undone."""


class ProjectWriteError(ProjectError):
    """SQLite refused a write for another reason (I/O error); it was undone."""


class SchemaError(ProjectError):
    """The database was written by a newer explorer or lacks migrations."""


# --- queries -----------------------------------------------------------------


class NotFoundError(ExplorerError):
    """A name or id does not match any entity."""

    exit_code = 1

    def __init__(self, what: str):
        super().__init__(f"not found: {what}", what=what)
        self.what = what


class AmbiguousNameError(ExplorerError):
    """A name matches several entities; the caller must choose."""

    def __init__(self, name: str, candidates: list[str]):
        super().__init__(
            f"{name!r} matches several entities: {', '.join(candidates)}",
            name=name,
            candidates=candidates,
        )
        self.name = name
        self.candidates = candidates


class QueryError(ExplorerError, ValueError):
    """A search pattern or correction the user typed cannot be carried out."""


class PipelineError(ExplorerError):
    """The NLP pipeline could not be built or run (missing model data)."""


class ExportError(ExplorerError):
    """An export could not be written."""


class ClusterError(ExplorerError):
    """The Dask scheduler given to `ingest --scheduler` cannot be reached or used."""


class CancelledError(ExplorerError):
    """The user cancelled a long operation; nothing partial was kept."""

    exit_code = 130

    def __init__(self, message: str = "cancelled"):
        super().__init__(message)
