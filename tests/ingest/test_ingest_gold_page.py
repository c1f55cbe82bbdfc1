"""The shared real page against its gold article list (read, never copied)."""

from __future__ import annotations

import json
import re

import pytest

from explorer.ingest import read_document, split_articles
from explorer.settings import IngestOptions

PAGE = "000_6772ab316b97875f"


def _squash(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "")


@pytest.fixture(scope="module")
def page(shared_dir):
    path = shared_dir / "corpus" / f"{PAGE}.txt"
    gold = json.loads((shared_dir / "corpus" / f"{PAGE}.gold.json").read_text(encoding="utf-8"))
    document = read_document(path, IngestOptions())
    return document, split_articles(document, IngestOptions()), gold["articles"]


def _full_headline(article) -> str | None:
    if article.headline is None:
        return None
    parts = [article.kicker, article.headline, article.subtitle]
    return "——".join(p for p in parts if p)


def test_page_splits_into_the_gold_articles(page):
    _, articles, gold = page
    assert len(articles) == len(gold)
    for article, expected in zip(articles, gold, strict=True):
        assert _full_headline(article) == expected["headline"]
        assert list(article.bylines) == expected["bylines"]
        assert _squash(article.text).startswith(_squash(expected["begins"]))


def test_photo_item_and_notice_kinds(page):
    _, articles, gold = page
    kinds = [a.kind for a in articles]
    for article, expected in zip(articles, gold, strict=True):
        if expected["headline"] is None:
            assert article.kind == "photo" and article.captions
    assert "notice" in kinds
    assert kinds.count("news") >= len(gold) - 2


def test_no_character_lost_or_duplicated_on_the_page(page):
    document, articles, _ = page
    assert _squash("".join(a.raw for a in articles)) == _squash(document.text)
    position = 0
    for article in articles:  # raw slices are in page order and do not overlap
        found = document.text.index(article.raw, position)
        assert found >= position
        position = found + len(article.raw)


def test_bodies_are_unwrapped(page):
    _, articles, _ = page
    for article in articles:
        assert article.text == article.text.strip()
        for paragraph in article.text.split("\n"):
            assert paragraph  # no blank paragraphs left by column breaks
    first = articles[0].text.split("\n")[0]
    assert "印发《" in first  # a blank line inside the sentence at a column break was joined


def test_document_metadata(page):
    document, _, _ = page
    assert document.home_city == "聊城市"
    assert document.encoding == "utf-8"
    assert document.date == "2022-01-04"  # the dated notice; no masthead or dated file name
    assert len(document.content_hash) == 64


def test_split_does_not_depend_on_the_neighbouring_articles(page):
    """Reorder the page's articles: each must still come out with its own
    headline and bylines (the rules read layout, not positions on one page)."""
    import random

    from explorer.core.models import Document

    _, articles, gold = page
    for seed in range(30):
        order = list(range(len(articles)))
        random.Random(seed).shuffle(order)
        text = "\n\n".join(articles[i].raw for i in order) + "\n"
        result = split_articles(Document(path="shuffled.txt", text=text, content_hash=""))
        assert [(_full_headline(a), list(a.bylines)) for a in result] == [
            (gold[i]["headline"], gold[i]["bylines"]) for i in order
        ], f"order {order}"
