"""Folding text the way names are stored, so a query finds what it means.

Names in a project are simplified Chinese with ASCII letters and digits (the
ingest normalises articles that way), so a query typed in traditional
characters (羅克佳華) or with full-width letters (ｌｃｓ) is folded the same
way before it is looked up. One function for every caller: the store's
search, the CLI and the GUI's suggestions.

OpenCC's table ships inside its wheel (offline); it is imported on first use
only, so `core` stays free of third-party imports at import time.
"""

from __future__ import annotations

import functools
import unicodedata

# Full-width ASCII (！ to ～) is U+FF01..U+FF5E, 0xFEE0 above ASCII; the
# ideographic space is a space. Nothing else changes length.
_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_WIDTH.update({0x3000: ord(" "), 0x00A0: ord(" ")})


def fold_width(text: str) -> str:
    """Full-width letters, digits and ASCII punctuation -> ASCII (same length)."""
    return text.translate(_WIDTH)


@functools.lru_cache(maxsize=1)
def _t2s():
    try:
        import opencc  # a declared dependency; bundled data, no download
    except ImportError:  # pragma: no cover - without it, queries are only width-folded
        return None
    return opencc.OpenCC("t2s").convert


def to_simplified(text: str) -> str:
    convert = _t2s()
    return convert(text) if convert is not None else text


def fold_query(text: str) -> str:
    """A search query as names are stored: width folded, traditional ->
    simplified, compatibility forms composed, spaces trimmed and collapsed."""
    text = unicodedata.normalize("NFC", fold_width(text or ""))
    text = " ".join(text.split())
    if not text:
        return ""
    if any(ord(ch) > 0x2E80 for ch in text):
        text = to_simplified(text)
    return text
