"""A file of several generated pages (benchmarks/corpus_gen.py), for the memory tests."""

from __future__ import annotations

from pathlib import Path

from benchmarks import corpus_gen


def long_page(folder: Path, seed: int) -> Path:
    """Five generated pages in one file: about thirty articles. The seed picks
    the words, so a test can have words the process has not seen yet."""
    path = folder / "year.txt"
    path.write_bytes(b"\n\n".join(p.read_bytes() for p in corpus_gen.generate(folder, 5, seed=seed)))
    return path
