"""Provenance of text read by OCR: where each line sat on which page, how
sure the engine was, and a picture of each scanned page.

A Document read (wholly or partly) by OCR carries an `OcrProvenance`; the
splitter turns it into one `ArticleOcr` per article (its confidence, the
stretches of its text read below the threshold, its regions on the pages),
which the store keeps and the reader shows. Boxes are fractions of the page
(0..1), so they fit the page image whatever size it is shown at.
"""

from __future__ import annotations

from dataclasses import dataclass

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 as fractions of the page


@dataclass(frozen=True)
class OcrSpan:
    """One printed line read by OCR, located in `Document.text`."""

    page: int  # 1-based page of the file
    start: int  # offsets of the line in Document.text
    end: int
    box: Box
    confidence: float  # mean over the line's characters
    low: tuple[int, ...] = ()  # positions (from `start`) of characters read below the threshold


@dataclass(frozen=True)
class PageImage:
    """A scanned page as shown beside the text (JPEG, scaled for the screen)."""

    page: int
    width: int
    height: int
    data: bytes
    confidence: float  # mean over the page's characters


@dataclass(frozen=True)
class OcrProvenance:
    engine: str
    confidence: float  # mean over every character read by OCR
    threshold: float  # characters below it are marked
    pages: tuple[PageImage, ...]  # the pages read by OCR (a mixed PDF's text pages have none)
    spans: tuple[OcrSpan, ...]


@dataclass(frozen=True)
class ArticleOcr:
    """What the reader shows of an OCR'd article."""

    confidence: float
    low: tuple[tuple[int, int], ...] = ()  # [start, end) stretches of Article.text read below the threshold
    regions: tuple[tuple[int, Box], ...] = ()  # (page, box): one per column block the article occupies


@dataclass(frozen=True)
class ArticleOcrView:
    """An OCR'd article as the reader shows it (read side)."""

    document_id: int
    confidence: float  # the article's
    document_confidence: float
    low: tuple[tuple[int, int], ...] = ()
    regions: tuple[tuple[int, Box], ...] = ()
    pages: tuple[int, ...] = ()  # pages of the document with a stored picture

    @property
    def region_pages(self) -> tuple[int, ...]:
        """The pages the article occupies, in order."""
        return tuple(dict.fromkeys(page for page, _ in self.regions))
