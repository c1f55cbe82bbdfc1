"""The map step of an ingest: one file's bytes -> its articles and analyses.

The same functions run in the ingesting process, in a local worker process
(services/parallel.py) and on a Dask worker (services/cluster.py). They take
bytes, not a path to open, so a worker needs no shared filesystem, and they
return plain records that pickle. Nothing here writes: the one writer stores
the result.

Articles go through the NLP in windows of at most `WINDOW_ARTICLES` articles
and `WINDOW_CHARS` characters, so a huge file (a year of pages in one text
dump) never holds more than one window of spaCy Docs. Company short names are
shared across the articles of one window: every ordinary page is one window,
so its result is what analysing it whole gives.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from explorer.core import Article, ArticleAnalysis, Document
from explorer.errors import InputFileError
from explorer.ingest.articles import iter_articles
from explorer.ingest.reading import text_document, with_metadata
from explorer.settings import IngestOptions

WINDOW_ARTICLES = 256
WINDOW_CHARS = 400_000


@dataclass(frozen=True)
class InputFailure:
    """A file that could not be analysed, and why (what FileOutcome shows)."""

    path: str
    reason: str
    error_type: str


@dataclass(frozen=True)
class AnalysedBatch:
    """Consecutive articles of one document with what the NLP found in them."""

    articles: tuple[Article, ...]
    analyses: tuple[ArticleAnalysis, ...]


@dataclass(frozen=True)
class AnalysedDocument:
    """A whole document's result, as one task returns it (Dask)."""

    document: Document
    batches: tuple[AnalysedBatch, ...]


def failure_of(path: str, error: Exception) -> InputFailure:
    if isinstance(error, InputFileError):
        reason = getattr(error, "reason", None) or error.message
        return InputFailure(path, reason, type(error).__name__)
    return InputFailure(path, f"internal error: {type(error).__name__}: {error}", "InternalError")


def windows(articles: Iterable[Article]) -> Iterator[list[Article]]:
    """Consecutive runs of articles small enough to analyse at once."""
    window: list[Article] = []
    chars = 0
    for article in articles:
        if window and (len(window) >= WINDOW_ARTICLES or chars + len(article.text) > WINDOW_CHARS):
            yield window
            window, chars = [], 0
        window.append(article)
        chars += len(article.text)
    if window:
        yield window


def analyse_stream(
    path: str, data: bytes, options: IngestOptions, nlp=None, check: Callable[[], None] | None = None,
    on_page: Callable[[int, int], None] | None = None,
) -> Iterator[Document | AnalysedBatch]:
    """The document (without its text, which nobody stores) first, then its
    analysed batches in article order. InputFileError says why a file fails.
    `on_page(done, total)` follows the pages read by OCR (ingest/scan.py)."""
    from explorer.nlp import analyse_articles, load_pipeline

    read = text_document(Path(path), data, options, on_page)
    del data  # this frame held the only reference: the bytes go before the metadata's scans of the text
    document = with_metadata(read, Path(path), options)
    del read
    articles = iter_articles(document, options)  # streamed: a huge file never holds all its articles at once
    home_city = document.home_city
    yield dataclasses.replace(document, text="")
    del document
    nlp = nlp or load_pipeline()
    for window in windows(articles):
        if check is not None:
            check()
        with memory_zone(nlp):
            analyses = analyse_articles(window, home_city, nlp=nlp, lexicon=options.lexicon)
        yield AnalysedBatch(tuple(window), tuple(analyses))


def memory_zone(nlp):
    """spaCy's memory zone (3.8): the words and strings a window adds to the
    vocabulary are forgotten after it. The analyses are plain records, and
    without the zone the vocabulary keeps every word and every article's
    whole text (the tokenizer's one token) for as long as the process runs:
    about 1 MB per 1,000 articles, 90 MB for a 50 MB file (issue 13)."""
    zone = getattr(nlp, "memory_zone", None)
    return zone() if zone is not None else contextlib.nullcontext()


def analyse_bytes(path: str, data: bytes, options: IngestOptions) -> AnalysedDocument | InputFailure:
    """One file's whole result (a Dask task: pure, so a retry is harmless).
    Bad input is a result, not an exception, so it is not retried."""
    try:
        parts = iter(analyse_stream(path, data, options))
        document = next(parts)
        assert isinstance(document, Document)
        return AnalysedDocument(document, tuple(parts))  # type: ignore[arg-type]
    except InputFileError as error:
        return failure_of(path, error)


class StagedDocument:
    """One document's batches on their way to the writer. The first batch is
    kept in memory (every ordinary page is one batch); further batches are
    pickled to an unnamed temporary file, so a huge file costs disk, not
    memory, and the writer still stores the document in one transaction."""

    def __init__(self, document: Document):
        self.document = document
        self.articles = 0
        self._first: AnalysedBatch | None = None
        self._spill: IO[bytes] | None = None
        self._batches = 0

    def add(self, batch: AnalysedBatch) -> None:
        self.articles += len(batch.articles)
        self._batches += 1
        if self._first is None:
            self._first = batch
            return
        if self._spill is None:
            self._spill = tempfile.TemporaryFile(prefix="explorer-ingest-")  # noqa: SIM115 - closed by close()
        pickle.dump(batch, self._spill, protocol=pickle.HIGHEST_PROTOCOL)

    def batches(self) -> Iterator[tuple[tuple[Article, ...], tuple[ArticleAnalysis, ...]]]:
        """(articles, analyses) pairs in order, read back one at a time."""
        if self._first is not None:
            yield self._first.articles, self._first.analyses
        if self._spill is not None:
            self._spill.flush()
            self._spill.seek(0)
            for _ in range(self._batches - 1):
                batch = pickle.load(self._spill)  # our own file, written above in this process
                yield batch.articles, batch.analyses

    def close(self) -> None:
        self._first = None
        if self._spill is not None:
            self._spill.close()
            self._spill = None


def default_workers() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not Linux
        return max(1, os.cpu_count() or 1)
