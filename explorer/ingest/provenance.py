"""OCR provenance of a document -> per article: its confidence, the
stretches of its text read below the threshold and its regions on the pages.

The splitter's articles keep `raw`, the slice of the document text they
came from, in page order without overlaps; the OCR spans are lines located
in the same text. An article's lines are the spans inside its slice. Lines
set one under another in one block (a column) make one region; a blank
line in the text (a new block) starts another, so an article over three
columns is outlined as three boxes. A line's low-confidence characters
are found again in the article's normalised text by the line's own
normalised text.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from explorer.core.models import Article, Document
from explorer.core.ocr import ArticleOcr, Box, OcrSpan
from explorer.ingest.normalise import normalise_text


def attach_ocr(document: Document, articles: Sequence[Article], simplify: bool = False) -> list[Article]:
    """The articles with their `ocr` provenance (documents read by OCR only)."""
    provenance = document.ocr
    if provenance is None:
        return list(articles)
    out = []
    cursor = 0
    for article in articles:
        start = document.text.find(article.raw, cursor) if article.raw else -1
        if start < 0:
            start = document.text.find(article.raw) if article.raw else -1
        if start < 0:  # not located: the document's figure is all we can say
            out.append(dataclasses.replace(article, ocr=ArticleOcr(provenance.confidence)))
            continue
        end = start + len(article.raw)
        cursor = end
        spans = [s for s in provenance.spans if s.start < end and s.end > start]
        if not spans:  # on a text-layer page of a mixed PDF: not OCR'd
            out.append(article)
            continue
        out.append(dataclasses.replace(article, ocr=article_ocr(document.text, article, spans, simplify)))
    return out


def article_ocr(text: str, article: Article, spans: list[OcrSpan], simplify: bool) -> ArticleOcr:
    chars = sum(s.end - s.start for s in spans)
    confidence = sum(s.confidence * (s.end - s.start) for s in spans) / chars if chars else 0.0
    return ArticleOcr(confidence, _low_stretches(text, article.text, spans, simplify), _regions(spans))


def _regions(spans: list[OcrSpan]) -> tuple[tuple[int, Box], ...]:
    """One box per block of consecutive lines (a blank line or a new page starts another)."""
    regions: list[tuple[int, Box]] = []
    previous: OcrSpan | None = None
    for span in spans:
        joined = previous is not None and previous.page == span.page and span.start - previous.end <= 1
        if joined:
            page, (x0, y0, x1, y1) = regions[-1]
            regions[-1] = (page, (min(x0, span.box[0]), min(y0, span.box[1]), max(x1, span.box[2]), max(y1, span.box[3])))
        else:
            regions.append((span.page, span.box))
        previous = span
    return tuple(regions)


def _low_stretches(text: str, body: str, spans: list[OcrSpan], simplify: bool) -> tuple[tuple[int, int], ...]:
    """[start, end) stretches of the article body whose characters were read below the threshold."""
    marked: set[int] = set()
    cursor = 0
    for span in spans:
        if not span.low:
            continue
        line = text[span.start : span.end]
        shown = normalise_text(line, simplify)
        at = body.find(shown, cursor) if shown else -1
        if at < 0:
            at = body.find(shown) if shown else -1
        if at < 0:
            continue  # a headline line, or one the normaliser reshaped beyond finding
        cursor = at + len(shown)
        if len(shown) == len(line):
            marked.update(at + i for i in span.low if i < len(shown))
        else:  # the normaliser changed the line's length: mark all of it
            marked.update(range(at, at + len(shown)))
    stretches: list[tuple[int, int]] = []
    for position in sorted(marked):
        if stretches and stretches[-1][1] == position:
            stretches[-1] = (stretches[-1][0], position + 1)
        else:
            stretches.append((position, position + 1))
    return tuple(stretches)
