"""The whole pipeline on the four fictional sample pages (resources/sample),
scored against gold files written independently of the pipeline
(tests/data/sample_gold). A floor on the macro average catches regressions
in how the rules generalise beyond the page they were developed on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from explorer.ingest import read_document, split_articles
from explorer.nlp import analyse_articles, scoring
from explorer.settings import IngestOptions

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "resources" / "sample"
GOLD = REPO / "tests" / "data" / "sample_gold"
ENTITY_FLOOR = 0.93  # reached 0.98 (round 2); the rules were tuned on these pages too
RELATION_FLOOR = 0.90  # reached 0.98


def score_sample(path: Path) -> dict[str, scoring.Score]:
    gold = json.loads((GOLD / f"{path.stem}.gold.json").read_text(encoding="utf-8"))
    options = IngestOptions(home_city=gold["publication"]["home_city"])
    articles = split_articles(read_document(path, options), options)
    analyses = analyse_articles(articles, options.home_city)
    return scoring.score_document(analyses, gold, [b for a in articles for b in a.bylines])


@pytest.fixture(scope="module")
def sample_scores():
    pages = sorted(p for p in SAMPLES.glob("liaocheng-daily_*") if (GOLD / f"{p.stem}.gold.json").exists())
    if len(pages) < 4:
        pytest.skip("sample pages or their gold files are missing")
    return {page.name: score_sample(page) for page in pages}


def test_entity_f1_on_the_sample_pages(sample_scores):
    macro = sum(s["ALL"].f1 for s in sample_scores.values()) / len(sample_scores)
    assert macro >= ENTITY_FLOOR, {name: round(s["ALL"].f1, 3) for name, s in sample_scores.items()}


def test_relation_f1_on_the_sample_pages(sample_scores):
    macro = sum(s["RELATIONS"].f1 for s in sample_scores.values()) / len(sample_scores)
    assert macro >= RELATION_FLOOR, {name: round(s["RELATIONS"].f1, 3) for name, s in sample_scores.items()}


def test_traditional_sample_page_gets_simplified_canonical_names(sample_scores):
    web = next(s for name, s in sample_scores.items() if name.endswith(".html"))
    assert web["PERSON"].recall == 1.0  # every name found despite traditional characters
