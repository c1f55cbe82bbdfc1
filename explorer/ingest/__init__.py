"""Files in, articles out: readers (txt, pdf, html), normalisation and page
segmentation. See docs/ingest.md."""

from explorer.ingest.articles import split_articles
from explorer.ingest.normalise import normalise_text, unwrap_lines
from explorer.ingest.reading import (
    SUPPORTED_SUFFIXES,
    document_from_bytes,
    iter_input_files,
    read_document,
    read_file_bytes,
)

__all__ = [
    "SUPPORTED_SUFFIXES",
    "document_from_bytes",
    "iter_input_files",
    "normalise_text",
    "read_document",
    "read_file_bytes",
    "split_articles",
    "unwrap_lines",
]
