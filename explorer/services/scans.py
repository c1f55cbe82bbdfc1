"""Scanned pages for the reader: the picture of a page of an OCR'd document.

The GUI shows it beside an OCR'd article with the article's regions
outlined (ArticleRecord.ocr); the picture is kept in the project
(store/ocr.py), so it is there even after the scan was moved.
"""

from __future__ import annotations

from explorer.core.ocr import PageImage
from explorer.store import ocr as ocr_store


def page_image(project, document_id: int, page: int) -> PageImage | None:
    """The stored picture of one page (None: the page was not read by OCR)."""
    return ocr_store.page_image(project.reader(), document_id, page)
