"""PDF pages -> text in reading order: the text layer where there is a
usable one, OCR where there is not, page by page.

The text layer is read with pdfminer.six: pure Python (no native build for
the frozen app, MIT licence) and real layout analysis: it groups characters
into lines and text boxes and orders the boxes (`boxes_flow`) so that the
columns of a newspaper page come out one after another. Each box becomes a
block of lines with a blank line after it, the same shape as the text dumps
users bring, so one segmenter serves both.

A page has no usable text layer when it holds a picture and (almost) no
text (a scan), or when its text is mostly `(cid:N)` glyph codes (a font
without a Unicode map, often an encrypted file opened with the empty
password). Such a page is rendered with pypdfium2 (Apache-2.0/BSD) at
RENDER_DPI and read by OCR (ocr.py), so a PDF mixing text pages and
scanned pages reads each page by its own path.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from explorer.core.ocr import OcrProvenance
from explorer.errors import BrokenPdfError
from explorer.ingest import ocr
from explorer.ingest.scan import PageAssembler, PageCallback

RENDER_DPI = 250
MIN_TEXT_CHARS = 20  # fewer visible characters over a picture: the page is a scan
_CID = re.compile(r"\(cid:\d+\)")


@dataclass(frozen=True)
class TextLayerPage:
    text: str
    picture: bool  # the page draws an image


def cid_share(text: str) -> float:
    """Share of the visible glyphs that are unmapped `(cid:N)` codes."""
    cids = len(_CID.findall(text))
    others = len("".join(_CID.sub("", text).split()))
    return cids / (cids + others) if cids else 0.0


def needs_ocr(page: TextLayerPage) -> bool:
    if cid_share(page.text) >= 0.5:
        return True
    return page.picture and len("".join(page.text.split())) < MIN_TEXT_CHARS


def _has_picture(element) -> bool:
    from pdfminer.layout import LTFigure, LTImage

    if isinstance(element, LTImage):
        return True
    return isinstance(element, LTFigure) and any(_has_picture(child) for child in element)


def text_layer(path: Path, data: bytes) -> list[TextLayerPage]:
    """Every page's text layer (pdfminer), with whether it draws a picture."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextContainer
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    params = LAParams(line_margin=0.5, boxes_flow=0.5, detect_vertical=False)
    pages: list[TextLayerPage] = []
    try:
        for page in extract_pages(BytesIO(data), laparams=params):
            boxes = [element.get_text().strip("\n") for element in page if isinstance(element, LTTextContainer)]
            text = "\n\n".join(box for box in boxes if box.strip())
            pages.append(TextLayerPage(text, any(_has_picture(element) for element in page)))
    except (PDFPasswordIncorrect, PDFEncryptionError) as error:
        raise BrokenPdfError(str(path), f"the PDF is encrypted ({type(error).__name__})") from None
    except Exception as error:  # pdfminer raises many unrelated types on damaged files
        raise BrokenPdfError(str(path), f"damaged PDF: {type(error).__name__}: {error}") from None
    return pages


def render_page(document, index: int, dpi: int = RENDER_DPI):
    """Page `index` as a PIL image at `dpi`, its longer side at most ocr.MAX_SIDE."""
    page = document[index]
    width, height = page.get_size()  # in points
    scale = min(dpi / 72, ocr.MAX_SIDE / max(width, height, 1))
    return page.render(scale=scale).to_pil().convert("RGB")


def _open_for_rendering(path: Path, data: bytes):
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        raise BrokenPdfError(str(path), f"the PDF cannot be rendered for OCR ({error})") from None


def pdf_text(path: Path, data: bytes, on_page: PageCallback | None = None) -> tuple[str, OcrProvenance | None]:
    """The PDF's text, page by page by the right path, and the OCR provenance
    (None when every page had a usable text layer)."""
    if b"%PDF-" not in data[:1024]:
        raise BrokenPdfError(str(path), "not a PDF file (no %PDF header)")
    pages = text_layer(path, data)
    if not pages:
        raise BrokenPdfError(str(path), "the PDF has no pages")
    scanned = [i for i, page in enumerate(pages) if needs_ocr(page)]
    rendering = _open_for_rendering(path, data) if scanned else None
    assembled = PageAssembler()
    if on_page is not None and scanned:
        on_page(0, len(scanned))
    try:
        for index, page in enumerate(pages):
            if index not in scanned:
                assembled.add_text(page.text)
                continue
            assembled.add_ocr(ocr.ocr_page(render_page(rendering, index), index + 1))
            if on_page is not None:
                on_page(scanned.index(index) + 1, len(scanned))
    finally:
        if rendering is not None:
            rendering.close()
    if not assembled.text.strip():
        reason = "OCR found no text on its scanned pages" if scanned else "the PDF has no text layer and no scanned page"
        raise BrokenPdfError(str(path), reason)
    return assembled.text, assembled.provenance()
