"""File -> Document: size and access checks, the reader for the suffix, metadata."""

from __future__ import annotations

import dataclasses
import errno
import hashlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from explorer.core.models import Document
from explorer.core.paths import storable_path
from explorer.errors import EmptyFileError, FileTooLargeError, UnreadableFileError, UnsupportedFormatError
from explorer.ingest import home_city, metadata
from explorer.ingest.decoding import decode_text, unsure_note
from explorer.settings import IngestOptions

# scans are read by OCR (scan.py, ocr.py)
IMAGE_MEDIA_TYPES = {
    ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".tif": "image/tiff", ".tiff": "image/tiff",
}
SUPPORTED_SUFFIXES: frozenset[str] = frozenset({".txt", ".pdf", ".html", ".htm", *IMAGE_MEDIA_TYPES})
_USE = "use .txt, .pdf, .html or a scanned page (.png, .jpg, .tif)"


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
            yield from _walk_folder(path)
        else:
            yield path


def _walk_folder(root: Path) -> list[Path]:
    """Supported files under `root`, sorted. A subfolder that cannot be listed
    (permissions) is returned itself, and so is a file entry that is a broken
    or looping symbolic link: reading them says why (a FAILED line), instead
    of skipping them silently. Linked folders are followed once each."""
    found: list[Path] = []
    seen: set[tuple[int, int]] = set()

    def unreadable(error: OSError) -> None:
        found.append(Path(error.filename))

    for folder, dirs, names in os.walk(root, onerror=unreadable, followlinks=True):
        info = os.stat(folder)
        if (info.st_dev, info.st_ino) in seen:  # a link back to a folder already read
            dirs[:] = []
            continue
        seen.add((info.st_dev, info.st_ino))
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            path = Path(folder, name)
            if path.suffix.lower() in SUPPORTED_SUFFIXES and not _hidden(path, root):
                found.append(path)
    return sorted(found)


def _os_reason(path: Path, error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "symbolic link loop (the link points back to itself)"
    if error.errno == errno.ENOENT:
        return "broken symbolic link (its target is missing)" if path.is_symlink() else "no such file"
    return error.strerror or str(error)


def _folder_error(path: Path) -> UnreadableFileError:
    if not os.access(path, os.R_OK | os.X_OK):
        return UnreadableFileError(str(path), "cannot read the folder (permission denied); its files were skipped")
    return UnreadableFileError(str(path), "is a folder, not a file")


def _read_bytes(path: Path, limit: int) -> bytes:
    name = str(path)
    try:
        if path.is_dir():
            raise _folder_error(path)
        size = path.stat().st_size
    except OSError as error:
        raise UnreadableFileError(name, _os_reason(path, error)) from None
    if size > limit:
        raise FileTooLargeError(name, f"{size / 1048576:.1f} MB is over the {limit / 1048576:.1f} MB limit")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableFileError(name, _os_reason(path, error)) from None
    if len(data) > limit:  # the file grew between stat and read
        raise FileTooLargeError(name, f"over the {limit / 1048576:.1f} MB limit")
    return data


def read_document(path: Path, options: IngestOptions, on_page=None) -> Document:
    """Read one file into a Document; a typed InputFileError says why not."""
    return document_from_bytes(path, read_file_bytes(path, options), options, on_page)


def read_file_bytes(path: Path, options: IngestOptions) -> bytes:
    """A file's bytes after the suffix, size and access checks of `read_document`
    (the parallel ingest reads here and sends the bytes to a worker)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if path.is_dir():  # a folder the walk could not list
        raise _folder_error(path)
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnsupportedFormatError(str(path), f"unsupported file type {suffix or '(none)'}; {_USE}")
    return _read_bytes(path, options.max_file_bytes)


def _home_city(options: IngestOptions, text: str, file_name: str, source: str | None) -> str | None:
    """The user's city, else the one the source names (no default: see home_city.py)."""
    found = home_city.home_city(options.home_city, text, file_name, source)
    return found.name if found is not None else None


def document_from_bytes(path: Path, data: bytes, options: IngestOptions, on_page=None) -> Document:
    """The Document of a file's bytes, read elsewhere: workers of a parallel or
    cluster ingest get bytes, not a path on a shared filesystem. Pages read
    by OCR call `on_page(done, total)` (scan.py), which may raise to cancel."""
    return with_metadata(text_document(path, data, options, on_page), Path(path), options)


def text_document(path: Path, data: bytes, options: IngestOptions, on_page=None) -> Document:
    """The first half of `document_from_bytes`: the text, its encoding and what
    the file itself says (a web page's date and site), before the metadata
    read from the text. In between, the caller can drop the bytes (a 50 MB
    file: its bytes would sit beside the text through the metadata's scans)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnsupportedFormatError(str(path), f"unsupported file type {suffix or '(none)'}; {_USE}")
    content_hash = hashlib.sha256(data).hexdigest()
    source = options.source
    date = None
    warnings: tuple[str, ...] = ()
    ocr = None
    if suffix == ".pdf":
        from explorer.ingest.pdf import pdf_text

        text, ocr = pdf_text(path, data, on_page)
        encoding, media_type = None, "application/pdf"
    elif suffix in IMAGE_MEDIA_TYPES:
        from explorer.ingest.scan import read_image_file

        text, ocr = read_image_file(data, str(path), on_page)
        encoding, media_type = None, IMAGE_MEDIA_TYPES[suffix]
    elif suffix in (".html", ".htm"):
        from explorer.ingest.html import read_html

        page = read_html(data, str(path))
        text, encoding, media_type = page.text, page.encoding, "text/html"
        date = page.date
        source = source or page.site
        if not text.strip():
            raise EmptyFileError(str(path), "the web page holds no article text")
    else:
        decoded = decode_text(data, str(path))
        text, encoding, media_type = decoded.text, decoded.encoding, "text/plain"
        warnings = tuple(w for w in (unsure_note(decoded),) if w)
    return Document(
        path=storable_path(str(path)),  # a name that is not UTF-8 is stored quoted
        text=text,
        content_hash=content_hash,
        source=source,
        date=date,
        encoding=encoding,
        media_type=media_type,
        warnings=warnings,
        ocr=ocr,
    )


def with_metadata(document: Document, path: Path, options: IngestOptions) -> Document:
    """The second half of `document_from_bytes`: the paper, home city, date and
    page, read from the text and the file's name as it was given (`path`)."""
    text, source = document.text, document.source
    return dataclasses.replace(
        document,
        source=source or metadata.paper_name(text),
        home_city=_home_city(options, text, path.name, source),
        date=options.date or document.date or metadata.publication_date(text, path.name, None),
        page=metadata.page_number(text, path.stem),
    )
