"""Scanned pages -> text, with RapidOCR (PP-OCRv4 detection and recognition
as ONNX models inside the rapidocr-onnxruntime wheel, Apache-2.0: nothing is
downloaded at run time) and the project's own reading order.

Images are checked before decoding: a file that is not an image, a broken
one, or one over MAX_PIXELS gets a typed error naming the file. A page's
text keeps its provenance: the mean recognition confidence and the lines
below LOW_CONFIDENCE, which the reader marks.
"""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass

from explorer.errors import BrokenImageError
from explorer.ingest.reading_order import OcrLine, blocks_text, reading_order

MAX_PIXELS = 80_000_000  # an A2 broadsheet at 400 dpi is ~60 MP; 20,000 x 20,000 is refused
MAX_SIDE = 4000  # larger pages are scaled down before OCR (glyphs stay well above 20 px)
LOW_CONFIDENCE = 0.80
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".webp"})


@dataclass(frozen=True)
class OcrPage:
    text: str
    confidence: float  # mean over lines, weighted by characters; 0 when nothing was read
    low_confidence: tuple[str, ...]  # lines read below LOW_CONFIDENCE
    lines: int


@functools.lru_cache(maxsize=1)
def _engine():
    from rapidocr_onnxruntime import RapidOCR

    return RapidOCR()


def open_image(data: bytes, path: str):
    """A PIL image in RGB, or a typed error: not an image, broken, too large."""
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        image = Image.open(io.BytesIO(data))
        width, height = image.size
        if width * height > MAX_PIXELS:
            raise BrokenImageError(path, f"the image is {width} x {height} pixels, over the {MAX_PIXELS // 1_000_000} MP limit")
        image.load()
    except BrokenImageError:
        raise
    except Image.DecompressionBombError:
        raise BrokenImageError(path, f"the image is over the {MAX_PIXELS // 1_000_000} MP limit") from None
    except (OSError, ValueError, SyntaxError) as error:
        raise BrokenImageError(path, f"not a readable image ({error})") from None
    return image.convert("RGB")


def _scaled(image):
    side = max(image.size)
    if side <= MAX_SIDE:
        return image, 1.0
    factor = MAX_SIDE / side
    return image.resize((round(image.width * factor), round(image.height * factor))), factor


def _segments(box, text: str, score: float, char_boxes, char_scores) -> list[OcrLine]:
    """One detected line, split where its characters leave a gap wider than a
    character: a detector may join the lines of two columns across a narrow
    gutter, and the characters' own boxes show where the gutter is."""
    if not char_boxes or len(char_boxes) != len(text):
        xs, ys = [p[0] for p in box], [p[1] for p in box]
        return [OcrLine(min(xs), min(ys), max(xs), max(ys), text, float(score))]
    spans = [(min(p[0] for p in b), min(p[1] for p in b), max(p[0] for p in b), max(p[1] for p in b)) for b in char_boxes]
    height = max(s[3] for s in spans) - min(s[1] for s in spans)
    pieces: list[list[int]] = [[0]]
    for i in range(1, len(spans)):
        if spans[i][0] - spans[i - 1][2] > height * 0.9:
            pieces.append([])
        pieces[-1].append(i)
    lines = []
    for piece in pieces:
        chars = [spans[i] for i in piece]
        confidence = min(float(char_scores[i]) for i in piece) if char_scores else float(score)
        lines.append(OcrLine(min(c[0] for c in chars), min(c[1] for c in chars), max(c[2] for c in chars),
                             max(c[3] for c in chars), "".join(text[i] for i in piece), confidence))
    return lines


def ocr_lines(image) -> list[OcrLine]:
    """Recognised lines with their boxes (in the image's pixels) and confidences."""
    import numpy as np

    scaled, factor = _scaled(image)
    result, _ = _engine()(np.asarray(scaled)[:, :, ::-1], use_cls=False, return_word_box=True)  # BGR like OpenCV
    lines = []
    for item in result or []:
        box, text, score = item[:3]
        char_boxes = item[3] if len(item) > 3 else None
        char_scores = item[5] if len(item) > 5 else None
        for line in _segments(box, text, score, char_boxes, char_scores):
            lines.append(OcrLine(line.x0 / factor, line.y0 / factor, line.x1 / factor, line.y1 / factor,
                                 line.text, line.confidence))
    return lines


def ocr_page(image) -> OcrPage:
    lines = ocr_lines(image)
    blocks = reading_order(lines)
    read = [line for block in blocks for line in block.lines]
    chars = sum(len(line.text) for line in read)
    confidence = sum(line.confidence * len(line.text) for line in read) / chars if chars else 0.0
    low = tuple(line.text for line in read if line.confidence < LOW_CONFIDENCE)
    return OcrPage(blocks_text(blocks), confidence, low, len(read))


def ocr_image_bytes(data: bytes, path: str) -> OcrPage:
    return ocr_page(open_image(data, path))
