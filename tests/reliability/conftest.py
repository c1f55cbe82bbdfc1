"""Fixtures for the reliability tests: generated corpora and a copy of the sample."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:  # the shared checks module, whatever pytest's import mode
    sys.path.insert(0, str(HERE))


def _corpus_gen():
    """benchmarks/corpus_gen.py, loaded by path (benchmarks/ is not an installed package)."""
    spec = importlib.util.spec_from_file_location("_explorer_corpus_gen", REPO / "benchmarks" / "corpus_gen.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def generate_corpus():
    """`generate_corpus(out_dir, pages, seed)` -> list of page paths."""
    return _corpus_gen().generate


@pytest.fixture
def small_corpus(tmp_path, generate_corpus, sample_dir) -> Path:
    """Four invented pages plus the GBK and HTML sample pages (other readers)."""
    corpus = tmp_path / "corpus"
    generate_corpus(corpus, 4, seed=11)
    for page in sorted(sample_dir.iterdir()):
        if page.suffix in (".html",) or "gbk" in page.name:
            shutil.copy(page, corpus / page.name)
    return corpus
