"""PDF pages -> text in reading order, with pdfminer.six.

pdfminer.six is pure Python (no native build for the frozen app, MIT
licence) and does real layout analysis: it groups characters into lines
and text boxes and orders the boxes (`boxes_flow`) so that the columns of a
newspaper page come out one after another. Each box becomes a block of
lines with a blank line after it, the same shape as the text dumps users
bring, so one segmenter serves both.
"""

from __future__ import annotations

from pathlib import Path

from explorer.errors import BrokenPdfError


def pdf_text(path: Path, data: bytes) -> str:
    if b"%PDF-" not in data[:1024]:
        raise BrokenPdfError(str(path), "not a PDF file (no %PDF header)")
    from io import BytesIO

    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextContainer
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    params = LAParams(line_margin=0.5, boxes_flow=0.5, detect_vertical=False)
    pages: list[str] = []
    try:
        for page in extract_pages(BytesIO(data), laparams=params):
            boxes = [element.get_text().strip("\n") for element in page if isinstance(element, LTTextContainer)]
            pages.append("\n\n".join(box for box in boxes if box.strip()))
    except (PDFPasswordIncorrect, PDFEncryptionError) as error:
        raise BrokenPdfError(str(path), f"the PDF is encrypted ({type(error).__name__})") from None
    except Exception as error:  # pdfminer raises many unrelated types on damaged files
        raise BrokenPdfError(str(path), f"damaged PDF: {type(error).__name__}: {error}") from None
    text = "\n\n".join(pages)
    if not text.strip():
        raise BrokenPdfError(str(path), "the PDF has no text layer (a scanned image?)")
    return text
