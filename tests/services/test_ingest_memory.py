"""Huge files in bounded memory (issue 13): articles go through the NLP in
windows, and the store takes them in batches inside one transaction, so a
file is still replaced atomically: whole old or whole new."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest
import store_dump

import explorer.nlp
from explorer.core import TaskState
from explorer.ingest import read_document, split_articles
from explorer.services import analysis, ingest
from explorer.services import project as project_service
from explorer.settings import IngestOptions
from tests.services import generated_pages


@pytest.fixture(scope="module")
def long_page(tmp_path_factory) -> Path:
    return generated_pages.long_page(tmp_path_factory.mktemp("pages"), seed=3)


@pytest.fixture(scope="module")
def analysed(long_page):
    options = IngestOptions()
    document = read_document(long_page, options)
    articles = split_articles(document, options)
    analyses = explorer.nlp.analyse_articles(articles, document.home_city)
    assert len(articles) > 20
    return dataclasses.replace(document, text=""), articles, analyses


def _staged(document, articles, analyses, size: int) -> analysis.StagedDocument:
    staged = analysis.StagedDocument(document)
    for i in range(0, len(articles), size):
        staged.add(analysis.AnalysedBatch(tuple(articles[i:i + size]), tuple(analyses[i:i + size])))
    return staged


def test_a_document_stored_in_batches_equals_one_stored_whole(analysed, tmp_path):
    document, articles, analyses = analysed
    whole, batched = tmp_path / "whole.explorer.db", tmp_path / "batched.explorer.db"
    with project_service.open_project(whole) as project:
        project.store_document(document, articles, analyses)
    staged = _staged(document, articles, analyses, 4)
    assert staged._spill is not None  # all but the first batch went to disk
    with project_service.open_project(batched) as project:
        result = project.store_document_batches(document, staged.batches())
    staged.close()
    assert result.articles == len(articles)
    assert store_dump.differences(whole, batched) == []


def test_a_failure_between_batches_keeps_the_old_version_whole(analysed, tmp_path):
    document, articles, analyses = analysed
    db = tmp_path / "p.explorer.db"
    with project_service.open_project(db) as project:
        project.store_document(document, articles[:10], analyses[:10])
    before = store_dump.dump(db)
    changed = dataclasses.replace(document, content_hash="changed")

    def batches_then_a_crash():
        yield articles[:8], analyses[:8]
        yield articles[8:16], analyses[8:16]
        raise OSError("disk gone while reading the spilled batches")

    with project_service.open_project(db) as project, pytest.raises(OSError):
        project.store_document_batches(changed, batches_then_a_crash())
    assert store_dump.dump(db) == before


def test_a_huge_file_goes_through_the_nlp_in_windows(long_page, tmp_path, monkeypatch):
    monkeypatch.setattr(analysis, "WINDOW_ARTICLES", 6)
    seen = []
    real = explorer.nlp.analyse_articles

    def counting(articles, home_city, **kwargs):
        seen.append(len(articles))
        return real(articles, home_city, **kwargs)

    monkeypatch.setattr(explorer.nlp, "analyse_articles", counting)
    db = tmp_path / "p.explorer.db"
    with project_service.open_project(db) as project:
        report = ingest.run(project, [long_page], IngestOptions(), TaskState())
    assert max(seen) <= 6 and len(seen) >= 4
    assert report.files[0].status == "added" and report.articles == sum(seen)
    conn = sqlite3.connect(db)
    stored = conn.execute("SELECT count(*), min(idx), max(idx) FROM articles").fetchone()
    conn.close()
    assert stored == (sum(seen), 0, sum(seen) - 1)  # every article once, in page order


def test_windows_cut_by_articles_and_by_characters(monkeypatch):
    from explorer.core import Article

    monkeypatch.setattr(analysis, "WINDOW_ARTICLES", 3)
    monkeypatch.setattr(analysis, "WINDOW_CHARS", 10)
    articles = [Article(text="字" * n, index=i) for i, n in enumerate([4, 4, 4, 1, 1, 1, 1, 30, 2])]
    sizes = [[a.index for a in w] for w in analysis.windows(articles)]
    assert sizes == [[0, 1], [2, 3, 4], [5, 6], [7], [8]]
    assert [a.index for w in analysis.windows(articles) for a in w] == list(range(9))
