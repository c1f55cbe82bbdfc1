"""Scanned pages -> text, with RapidOCR (PP-OCRv4 detection and recognition
as ONNX models inside the rapidocr-onnxruntime wheel, Apache-2.0: nothing is
downloaded at run time) and the project's own reading order.

Images are checked before decoding: a file that is not an image, a broken
one, or one over MAX_PIXELS gets a typed error naming the file. A page's
text keeps its provenance: every line's box on the page and its
characters' confidences (those below LOW_CONFIDENCE are marked in the
reader), the page's mean confidence and a small picture of the page.
"""

from __future__ import annotations

import functools
import io
import re
from dataclasses import dataclass

from explorer.core.ocr import OcrSpan, PageImage
from explorer.errors import BrokenImageError
from explorer.ingest.reading_order import Block, OcrLine, reading_order

ENGINE = "RapidOCR PP-OCRv4"
MAX_PIXELS = 80_000_000  # an A2 broadsheet at 400 dpi is ~60 MP; 20,000 x 20,000 is refused
MAX_SIDE = 4000  # larger pages are scaled down before OCR (glyphs stay well above 20 px)
DETECTION_SIDE = 736  # the detector's smallest short side (rapidocr config Det.limit_side_len)
LOW_CONFIDENCE = 0.80
SHOWN_SIDE = 1600  # the page picture kept for the reader (JPEG, grey)
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".tif", ".tiff"})


@dataclass(frozen=True)
class OcrPage:
    text: str
    confidence: float  # mean over characters; 0 when nothing was read
    low_confidence: tuple[str, ...]  # lines with a character read below LOW_CONFIDENCE
    lines: int
    spans: tuple[OcrSpan, ...] = ()  # offsets in `text`, boxes as fractions of the page
    image: PageImage | None = None


@functools.lru_cache(maxsize=1)
def _engine():
    from rapidocr_onnxruntime import RapidOCR

    return RapidOCR()


def check_size(width: int, height: int, path: str) -> None:
    if width * height > MAX_PIXELS:
        raise BrokenImageError(path, f"the image is {width} x {height} pixels, over the {MAX_PIXELS // 1_000_000} MP limit")


def open_frames(data: bytes, path: str) -> list:
    """The pages of an image file (a multi-page TIFF has several) in RGB, or
    a typed error: not an image, broken, too large."""
    from PIL import Image, ImageSequence

    try:
        image = Image.open(io.BytesIO(data))
        frames = []
        for frame in ImageSequence.Iterator(image):
            check_size(*frame.size, path)
            frame.load()
            frames.append(frame.convert("RGB"))
    except BrokenImageError:
        raise
    except Image.DecompressionBombError as error:  # Pillow's own limit, far above ours: refused before decoding
        pixels = next(iter(re.findall(r"\d+", str(error))), "?")
        raise BrokenImageError(path, f"the image has {pixels} pixels, over the {MAX_PIXELS // 1_000_000} MP limit") from None
    except (OSError, ValueError, SyntaxError, EOFError) as error:
        raise BrokenImageError(path, f"not a readable image ({error})") from None
    if not frames:
        raise BrokenImageError(path, "the image file holds no picture")
    return frames


def open_image(data: bytes, path: str):
    """The first page of an image file (see open_frames)."""
    return open_frames(data, path)[0]


def _scaled(image):
    side = max(image.size)
    if side <= MAX_SIDE:
        return image, 1.0
    factor = MAX_SIDE / side
    return image.resize((round(image.width * factor), round(image.height * factor))), factor


def _padded(image):
    """A strip (a clipping, a line or two) padded with white to DETECTION_SIDE
    on its short side: the detector would otherwise enlarge it until its short
    side is that long, making glyphs huge and a 900 x 140 strip a 4700 x 736
    image to search. Padding right and below keeps every coordinate."""
    width, height = image.size
    if min(width, height) >= DETECTION_SIDE:
        return image
    from PIL import Image

    canvas = Image.new("RGB", (max(width, DETECTION_SIDE), max(height, DETECTION_SIDE)), "white")
    canvas.paste(image, (0, 0))
    return canvas


def _segments(box, text: str, score: float, char_boxes, char_scores) -> list[OcrLine]:
    """One detected line, split where its characters leave a gap wider than a
    character: a detector may join the lines of two columns across a narrow
    gutter, and the characters' own boxes show where the gutter is."""
    if not char_boxes or len(char_boxes) != len(text):
        xs, ys = [p[0] for p in box], [p[1] for p in box]
        return [OcrLine(min(xs), min(ys), max(xs), max(ys), text, float(score), (float(score),) * len(text))]
    spans = [(min(p[0] for p in b), min(p[1] for p in b), max(p[0] for p in b), max(p[1] for p in b)) for b in char_boxes]
    height = max(s[3] for s in spans) - min(s[1] for s in spans)
    pieces: list[list[int]] = [[0]]
    for i in range(1, len(spans)):
        if spans[i][0] - spans[i - 1][2] > height * 0.9:
            pieces.append([])
        pieces[-1].append(i)
    scores = [float(char_scores[i]) if char_scores and i < len(char_scores) else float(score) for i in range(len(text))]
    lines = []
    for piece in pieces:
        chars = [spans[i] for i in piece]
        lines.append(OcrLine(min(c[0] for c in chars), min(c[1] for c in chars), max(c[2] for c in chars),
                             max(c[3] for c in chars), "".join(text[i] for i in piece),
                             min(scores[i] for i in piece), tuple(scores[i] for i in piece)))
    return lines


def ocr_lines(image) -> list[OcrLine]:
    """Recognised lines with their boxes (in the image's pixels) and confidences,
    in the engine's own order."""
    import numpy as np

    scaled, factor = _scaled(image)
    scaled = _padded(scaled)
    result, _ = _engine()(np.asarray(scaled)[:, :, ::-1], use_cls=False, return_word_box=True)  # BGR like OpenCV
    lines = []
    for item in result or []:
        box, text, score = item[:3]
        char_boxes = item[3] if len(item) > 3 else None
        char_scores = item[5] if len(item) > 5 else None
        for line in _segments(box, text, score, char_boxes, char_scores):
            lines.append(OcrLine(line.x0 / factor, line.y0 / factor, line.x1 / factor, line.y1 / factor,
                                 line.text, line.confidence, line.chars))
    return lines


def page_text(blocks: list[Block], size: tuple[int, int], page: int = 1) -> tuple[str, tuple[OcrSpan, ...]]:
    """The blocks as text (lines of a block one per line, a blank line between
    blocks: the PDF-dump shape) and each line's place in it and on the page."""
    width, height = size
    parts: list[str] = []
    spans: list[OcrSpan] = []
    offset = 0
    for b, block in enumerate(blocks):
        if b:
            parts.append("\n")
            offset += 1
        for n, line in enumerate(block.lines):
            if n:
                parts.append("\n")
                offset += 1
            box = (line.x0 / width, line.y0 / height, line.x1 / width, line.y1 / height)
            low = tuple(i for i, c in enumerate(line.chars) if c < LOW_CONFIDENCE)
            mean = sum(line.chars) / len(line.chars) if line.chars else line.confidence
            spans.append(OcrSpan(page, offset, offset + len(line.text), box, mean, low))
            parts.append(line.text)
            offset += len(line.text)
        parts.append("\n")
        offset += 1
    return "".join(parts).rstrip("\n"), tuple(spans)


def shown_image(image, page: int, confidence: float) -> PageImage:
    """The page as the reader shows it: grey, at most SHOWN_SIDE pixels, JPEG."""
    picture = image.convert("L")
    picture.thumbnail((SHOWN_SIDE, SHOWN_SIDE))
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=70, optimize=True)
    return PageImage(page, picture.width, picture.height, out.getvalue(), confidence)


def ocr_page(image, page: int = 1, keep_image: bool = True) -> OcrPage:
    """One page read in the project's reading order."""
    blocks = reading_order(ocr_lines(image))
    read = [line for block in blocks for line in block.lines]
    chars = [c for line in read for c in (line.chars or (line.confidence,) * len(line.text))]
    confidence = sum(chars) / len(chars) if chars else 0.0
    low = tuple(line.text for line in read if any(c < LOW_CONFIDENCE for c in line.chars))
    text, spans = page_text(blocks, image.size, page)
    picture = shown_image(image, page, confidence) if keep_image else None
    return OcrPage(text, confidence, low, len(read), spans, picture)


def ocr_image_bytes(data: bytes, path: str) -> OcrPage:
    return ocr_page(open_image(data, path))
