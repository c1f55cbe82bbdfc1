"""What a long ingest keeps in memory does not grow with the file (issue 13):
the NLP's vocabulary forgets each window's words, with the same analyses."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import explorer.nlp
from explorer.core import Document
from explorer.services import analysis
from explorer.settings import IngestOptions
from tests.services import generated_pages


@pytest.fixture(scope="module")
def long_page(tmp_path_factory) -> Path:
    return generated_pages.long_page(tmp_path_factory.mktemp("pages"), seed=5)


def test_the_vocabulary_forgets_each_windows_words_and_the_analyses_are_the_same(long_page, monkeypatch):
    monkeypatch.setattr(analysis, "WINDOW_ARTICLES", 6)
    nlp = explorer.nlp.load_pipeline()
    before = len(nlp.vocab.strings)
    parts = list(analysis.analyse_stream(str(long_page), long_page.read_bytes(), IngestOptions(), nlp))
    # without the zone every word and each article's whole text stayed: thousands of strings here
    assert len(nlp.vocab.strings) == before
    document, batches = parts[0], parts[1:]
    assert isinstance(document, Document) and len(batches) >= 4
    for batch in batches:  # the same window analysed outside any zone finds the same
        plain = explorer.nlp.analyse_articles(list(batch.articles), document.home_city, nlp=nlp)
        assert list(batch.analyses) == plain
    assert len(nlp.vocab.strings) > before + 100  # what the zone kept out


def test_a_pipeline_without_memory_zones_still_analyses():
    """spaCy before 3.8 has no memory zone: the window runs without one."""

    class Old:
        pass

    with analysis.memory_zone(Old()):
        pass


def test_a_full_piece_cache_of_the_segmenter_stays_small(long_page):
    """LAC's cached pieces are kept through a whole ingest: at 20,000 of
    them they held about 55 MB of a 50 MB file's peak."""
    import tracemalloc

    from explorer.nlp import segment

    paragraphs = long_page.read_text(encoding="utf-8").split("\n\n")
    texts = ["".join(p.split()) for p in paragraphs if len(p) > 20]  # the lines of a column joined
    segment.lac_words_many(texts[:2])  # the model is loaded before measuring
    segment.clear_cache()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        segment.lac_words_many(texts)
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    pieces = len(segment._PIECE_CACHE)
    segment.clear_cache()
    assert pieces > 100
    assert held / pieces * segment.PIECE_CACHE_SIZE < 25e6  # about 3.5 KB a piece: 70 MB at 20,000


class _WatchedBytes(bytes):
    """File bytes that say when they are freed."""

    freed: list[bool] = []

    def __del__(self):
        _WatchedBytes.freed.append(True)


def test_the_bytes_are_freed_before_the_metadata_scans_the_text(long_page, monkeypatch):
    """A 50 MB file's bytes sat beside its text while the home city, paper and
    date were read from it: the peak of the reading stage."""
    from explorer.ingest import reading

    seen = []
    real = reading.with_metadata

    def watching(document, path, options):
        seen.append(bool(_WatchedBytes.freed))
        return real(document, path, options)

    monkeypatch.setattr(analysis, "with_metadata", watching)
    _WatchedBytes.freed = []
    data = _WatchedBytes(long_page.read_bytes())
    stream = analysis.analyse_stream(str(long_page), data, IngestOptions(), explorer.nlp.load_pipeline())
    del data
    document = next(stream)
    stream.close()
    assert seen == [True]
    whole = reading.document_from_bytes(long_page, long_page.read_bytes(), IngestOptions())
    assert document == dataclasses.replace(whole, text="")  # the same metadata as read in one go
    assert whole.home_city == "聊城市"
