"""File -> Document: size and access checks, the reader for the suffix, metadata."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from explorer.core.models import Document
from explorer.errors import EmptyFileError, FileTooLargeError, UnreadableFileError, UnsupportedFormatError
from explorer.ingest import home_city, metadata
from explorer.ingest.decoding import decode_bytes
from explorer.settings import IngestOptions

SUPPORTED_SUFFIXES: frozenset[str] = frozenset({".txt", ".pdf", ".html", ".htm"})


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts) or _saved_page_asset(path, root)


def _saved_page_asset(path: Path, root: Path) -> bool:
    """Inside the X_files folder a browser saves beside X.html (frames, ads)."""
    for folder in path.relative_to(root).parents:
        if folder.name.endswith("_files"):
            stem = (root / folder).with_name(folder.name[: -len("_files")])
            if any(stem.with_suffix(s).exists() for s in (".html", ".htm")):
                return True
    return False


def iter_input_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files as given (whatever their suffix: reading them reports the problem);
    folders recursively, sorted, supported suffixes only, hidden entries and
    saved-page assets skipped; an e-edition layout page stands for its
    articles saved beside it (web_edition)."""
    from explorer.ingest.web_edition import expand_layout_pages

    return expand_layout_pages(_walk(paths))


def _walk(paths: Iterable[str | Path]) -> Iterator[Path]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = (
                p for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES and not _hidden(p, path)
            )
            yield from sorted(found)
        else:
            yield path


def _read_bytes(path: Path, limit: int) -> bytes:
    name = str(path)
    try:
        if path.is_dir():
            raise UnreadableFileError(name, "is a folder, not a file")
        size = path.stat().st_size
    except FileNotFoundError:
        raise UnreadableFileError(name, "no such file") from None
    except OSError as error:
        raise UnreadableFileError(name, error.strerror or str(error)) from None
    if size > limit:
        raise FileTooLargeError(name, f"{size / 1048576:.1f} MB is over the {limit / 1048576:.1f} MB limit")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableFileError(name, error.strerror or str(error)) from None
    if len(data) > limit:  # the file grew between stat and read
        raise FileTooLargeError(name, f"over the {limit / 1048576:.1f} MB limit")
    return data


def read_document(path: Path, options: IngestOptions) -> Document:
    """Read one file into a Document; a typed InputFileError says why not."""
    return document_from_bytes(path, read_file_bytes(path, options), options)


def read_file_bytes(path: Path, options: IngestOptions) -> bytes:
    """A file's bytes after the suffix, size and access checks of `read_document`
    (the parallel ingest reads here and sends the bytes to a worker)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnsupportedFormatError(str(path), f"unsupported file type {suffix or '(none)'}; use .txt, .pdf or .html")
    return _read_bytes(path, options.max_file_bytes)


def _home_city(options: IngestOptions, text: str, file_name: str, source: str | None) -> str | None:
    """The user's city, else the one the source names (no default: see home_city.py)."""
    found = home_city.home_city(options.home_city, text, file_name, source)
    return found.name if found is not None else None


def document_from_bytes(path: Path, data: bytes, options: IngestOptions) -> Document:
    """The Document of a file's bytes, read elsewhere: workers of a parallel or
    cluster ingest get bytes, not a path on a shared filesystem."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnsupportedFormatError(str(path), f"unsupported file type {suffix or '(none)'}; use .txt, .pdf or .html")
    content_hash = hashlib.sha256(data).hexdigest()
    source = options.source
    date = None
    if suffix == ".pdf":
        from explorer.ingest.pdf import pdf_text

        text, encoding, media_type = pdf_text(path, data), None, "application/pdf"
    elif suffix in (".html", ".htm"):
        from explorer.ingest.html import read_html

        page = read_html(data, str(path))
        text, encoding, media_type = page.text, page.encoding, "text/html"
        date = page.date
        source = source or page.site
        if not text.strip():
            raise EmptyFileError(str(path), "the web page holds no article text")
    else:
        text, encoding = decode_bytes(data, str(path))
        media_type = "text/plain"
    return Document(
        path=str(path),
        text=text,
        content_hash=content_hash,
        source=source or metadata.paper_name(text),
        home_city=_home_city(options, text, path.name, source),
        date=options.date or date or metadata.publication_date(text, path.name, None),
        page=metadata.page_number(text, path.stem),
        encoding=encoding,
        media_type=media_type,
    )
