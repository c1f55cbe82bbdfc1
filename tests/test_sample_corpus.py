"""The bundled sample corpus and its gold annotations agree with each other.

The pages are fictional, written for explorer; the gold files let the NLP work
be measured beyond the one real page in ../shared/. These tests keep both
honest: the files decode as declared, look like PDF text, every annotated
name and evidence string is really in the page, and no run of the real page
was copied in.
"""

from __future__ import annotations

import json
import re
import statistics
import sys
from pathlib import Path

import opencc
import pytest
from lxml import html as lxml_html

try:
    from benchmarks import corpus_gen
except ImportError:  # pytest started from elsewhere than the repository root
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from benchmarks import corpus_gen

GOLD_DIR = Path(__file__).resolve().parent / "data" / "sample_gold"
ENTITY_TYPES = {"PERSON", "ORG", "PLACE", "PROGRAM", "HONOR"}
RELATIONS = {"located_in", "awarded", "role_at", "issued_by", "participates_in", "part_of"}
RUN = 20  # no run this long of the shared page may appear in ours

_t2s = opencc.OpenCC("t2s").convert


def _gold_files() -> list[Path]:
    return sorted(GOLD_DIR.glob("*.gold.json"))


def _gold(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _page_text(page: Path, encoding: str) -> str:
    return page.read_bytes().decode(encoding)


def _article_text(page: Path) -> str:
    """The article of an HTML page, without the page chrome around it."""
    tree = lxml_html.fromstring(page.read_bytes().decode("utf-8"))
    (article,) = tree.xpath("//article")
    return "".join(article.itertext())


def _flat(page: Path, encoding: str) -> str:
    """The text with line breaks removed, as one string to look names up in."""
    text = _article_text(page) if page.suffix == ".html" else _page_text(page, encoding)
    return text.replace("\r", "").replace("\n", "")


def _no_space(text: str) -> str:
    return re.sub(r"\s+", "", text)


GOLDS = _gold_files()
IDS = [p.name.removesuffix(".gold.json") for p in GOLDS]
TXT_GOLDS = [g for g in GOLDS if _gold(g)["document"].endswith(".txt")]


def test_sample_pages_and_gold_files_pair_up(sample_dir):
    pages = sorted(p.name for p in sample_dir.iterdir() if p.suffix in {".txt", ".html"})
    assert len(pages) >= 4
    assert sorted(_gold(g)["document"] for g in GOLDS) == pages
    assert (sample_dir / "README.md").read_text(encoding="utf-8").count("fictional") >= 1
    assert any(p.endswith("_gbk.txt") for p in pages)
    assert any(p.endswith(".html") for p in pages)


@pytest.mark.parametrize("gold_path", GOLDS, ids=IDS)
def test_page_decodes_in_its_declared_encoding(sample_dir, gold_path):
    gold = _gold(gold_path)
    page = sample_dir / gold["document"]
    raw = page.read_bytes()
    text = raw.decode(gold["encoding"])
    assert "本报讯" in text or "本報訊" in text
    if page.name.endswith("_gbk.txt"):
        assert gold["encoding"] == "gb18030"
        with pytest.raises(UnicodeDecodeError):
            raw.decode("utf-8")  # really a legacy encoding, not UTF-8 by accident


@pytest.mark.parametrize("gold_path", TXT_GOLDS, ids=[g.name.removesuffix(".gold.json") for g in TXT_GOLDS])
def test_text_page_looks_like_pdf_extraction(sample_dir, gold_path):
    gold = _gold(gold_path)
    page = sample_dir / gold["document"]
    text = _page_text(page, gold["encoding"])
    lines = [line for line in text.splitlines() if line.strip()]
    assert statistics.median(len(line) for line in lines) < 20
    # a column break (blank line) falls inside a sentence at least once
    assert re.search(r"[^。：！？”\n]\n\n[^\n■]", text)
    flat = _flat(page, gold["encoding"])
    for article in gold["articles"]:
        start = flat.find(article["begins"])
        assert start >= 0, article["begins"]
        if article["headline"]:
            # the headline is printed after the first line of its body
            assert flat.find(article["headline"], start) > start, article["headline"]


def test_html_page_is_traditional_and_has_page_chrome(sample_dir):
    (page,) = sample_dir.glob("*.html")
    tree = lxml_html.fromstring(page.read_bytes().decode("utf-8"))
    for xpath in ("//nav", "//footer", "//aside", "//article//h1"):
        assert tree.xpath(xpath), xpath
    article = _article_text(page)
    assert _t2s(article) != article  # traditional characters, not simplified


@pytest.mark.parametrize("gold_path", GOLDS, ids=IDS)
def test_gold_names_and_evidence_occur_in_the_page(sample_dir, gold_path):
    gold = _gold(gold_path)
    flat = _flat(sample_dir / gold["document"], gold["encoding"])
    simplified = _t2s(flat)
    found = lambda s: s in flat or s in simplified  # noqa: E731
    canonicals = {}
    for entity in gold["entities"]:
        assert entity["type"] in ENTITY_TYPES, entity
        for form in (entity["name"], *entity["aliases"]):
            assert found(form), f"{form!r} not in {gold['document']}"
        key = (entity["canonical"], entity["type"])
        assert key not in canonicals, f"{key} listed twice"
        canonicals[key] = entity
    names = {canonical for canonical, _ in canonicals}
    for relation in gold["relations"]:
        assert relation["relation"] in RELATIONS, relation
        assert relation["subject"] in names and relation["object"] in names, relation
        assert found(relation["evidence"]), relation["evidence"]
        if relation["relation"] == "role_at":
            assert relation["role"], relation
    for article in gold["articles"]:
        for person in article["bylines"]:
            assert any(e["name"] == person and e["type"] == "PERSON" for e in gold["entities"])


def _shared_runs(shared_dir: Path) -> set[str]:
    text = _no_space((shared_dir / "corpus" / "000_6772ab316b97875f.txt").read_text(encoding="utf-8"))
    return {text[i:i + RUN] for i in range(len(text) - RUN + 1)}


def _copied_runs(text: str, runs: set[str]) -> list[str]:
    text = _no_space(text)
    return [text[i:i + RUN] for i in range(len(text) - RUN + 1) if text[i:i + RUN] in runs]


def test_no_run_of_the_shared_page_is_copied(sample_dir, shared_dir):
    runs = _shared_runs(shared_dir)
    for gold_path in GOLDS:
        gold = _gold(gold_path)
        page = sample_dir / gold["document"]
        text = _page_text(page, gold["encoding"])
        assert not _copied_runs(_t2s(text), runs), page.name


def test_generated_corpus_copies_nothing_from_the_shared_page(tmp_path, shared_dir):
    runs = _shared_runs(shared_dir)
    for page in corpus_gen.generate(tmp_path, pages=30, seed=7):
        assert not _copied_runs(page.read_text(encoding="utf-8"), runs), page.name


def test_generator_is_deterministic_and_varied(tmp_path):
    first = corpus_gen.generate(tmp_path / "a", pages=20, seed=3)
    second = corpus_gen.generate(tmp_path / "b", pages=20, seed=3)
    other = corpus_gen.generate(tmp_path / "c", pages=20, seed=4)
    assert len(first) == 20 and [p.name for p in first] == [p.name for p in second]
    texts = [p.read_text(encoding="utf-8") for p in first]
    assert texts == [p.read_text(encoding="utf-8") for p in second]
    assert texts != [p.read_text(encoding="utf-8") for p in other]
    assert len(set(texts)) == 20
    companies = set(re.findall(r"山东[^，。、“”（）\s]{2,12}?有限公司", "".join(t.replace("\n", "") for t in texts)))
    assert len(companies) >= 40


def test_generated_pages_look_like_the_sample(tmp_path):
    (page,) = corpus_gen.generate(tmp_path, pages=1, seed=11)
    text = page.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip()]
    assert statistics.median(len(line) for line in lines) < 20
    assert "本报讯（记者" in text and "■ 本报" in text
    assert re.search(r"\n——[^\n]+\n", text)  # a subtitle line under a feature headline


def test_wrap_keeps_cjk_line_rules():
    lines = corpus_gen.wrap("这是一句话，“引号里的内容”不能让引号落在行尾。2023年的数字也不拆开。", 12)
    assert all(not line.startswith(tuple(corpus_gen.NO_LINE_START)) for line in lines)
    assert all(not line.endswith(tuple(corpus_gen.NO_LINE_END)) for line in lines)
    assert "".join(lines) == "这是一句话，“引号里的内容”不能让引号落在行尾。2023年的数字也不拆开。"
    assert any("2023" in line for line in lines)
