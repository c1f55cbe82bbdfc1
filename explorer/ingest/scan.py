"""Pages -> one document text, whichever way each page was read.

An image file is read by OCR page by page (a multi-page TIFF has several);
a PDF gives some pages from its text layer and some by OCR (pdf.py). The
pages are joined with a blank line, the shape of a PDF text dump, and the
OCR'd ones keep their provenance with offsets into the joined text.

OCR is slow (seconds per page), so the caller may pass `on_page(done,
total)`: it is called before the first OCR page (0, total) and after each
one, and it may raise (a cancelled ingest stops between pages).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from explorer.core.ocr import OcrProvenance, OcrSpan, PageImage
from explorer.errors import EmptyFileError
from explorer.ingest import ocr

PageCallback = Callable[[int, int], None]


class PageAssembler:
    """Collects page texts in page order; OCR'd pages bring their spans."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.spans: list[OcrSpan] = []
        self.images: list[PageImage] = []
        self.weighted = 0.0  # confidence x characters over OCR'd pages
        self.chars = 0

    def _append(self, text: str) -> int:
        """Add a page's text; returns its offset in the joined text."""
        if not text.strip():
            return -1
        if self.parts:
            self.parts.append("\n\n")
            self.length += 2
        offset = self.length
        self.parts.append(text)
        self.length += len(text)
        return offset

    def add_text(self, text: str) -> None:
        self._append(text)

    def add_ocr(self, page: ocr.OcrPage) -> None:
        offset = self._append(page.text)
        if page.image is not None:
            self.images.append(page.image)
        if offset < 0:
            return
        self.spans.extend(dataclasses.replace(s, start=s.start + offset, end=s.end + offset) for s in page.spans)
        read = sum(s.end - s.start for s in page.spans)
        self.weighted += page.confidence * read
        self.chars += read

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def provenance(self) -> OcrProvenance | None:
        if not self.images:
            return None
        confidence = self.weighted / self.chars if self.chars else 0.0
        return OcrProvenance(ocr.ENGINE, confidence, ocr.LOW_CONFIDENCE, tuple(self.images), tuple(self.spans))


def read_image_file(data: bytes, path: str, on_page: PageCallback | None = None) -> tuple[str, OcrProvenance | None]:
    """The text of a scanned image file, in reading order, with its provenance."""
    frames = ocr.open_frames(data, path)
    pages = PageAssembler()
    if on_page is not None:
        on_page(0, len(frames))
    for number, frame in enumerate(frames, 1):
        pages.add_ocr(ocr.ocr_page(frame, number))
        if on_page is not None:
            on_page(number, len(frames))
    if not pages.text.strip():
        raise EmptyFileError(path, "OCR found no text in the image")
    return pages.text, pages.provenance()
