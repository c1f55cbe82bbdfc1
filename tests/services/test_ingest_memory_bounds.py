"""What a long ingest keeps in memory does not grow with the file (issue 13):
the NLP's vocabulary forgets each window's words, with the same analyses."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

import explorer.nlp
from explorer.core import Document
from explorer.services import analysis
from explorer.settings import IngestOptions

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def long_page(tmp_path_factory) -> Path:
    """Several generated pages in one file: about thirty articles."""
    spec = importlib.util.spec_from_file_location("_bounds_corpus_gen", REPO / "benchmarks" / "corpus_gen.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    folder = tmp_path_factory.mktemp("pages")
    pages = module.generate(folder, 5, seed=5)
    path = folder / "year.txt"
    path.write_bytes(b"\n\n".join(p.read_bytes() for p in pages))
    return path


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
