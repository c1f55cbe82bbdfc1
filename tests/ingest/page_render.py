"""Render newspaper-like page images for the OCR tests and bench_ocr.

Articles of the fictional sample corpus are set in 3–5 columns with a
headline spanning the columns above them, a photo box with its caption,
and a second article stacked below the first: the layouts on which an OCR
engine's own line order interleaves columns. The expected text comes back
with the image, in reading order.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

REPO = Path(__file__).resolve().parents[2]
FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")  # fonts-wqy-microhei, installed by the Makefile
SAMPLES = REPO / "resources" / "sample"


@dataclass(frozen=True)
class RenderedPage:
    image: Image.Image
    headlines: tuple[str, ...]
    paragraphs: tuple[str, ...]  # body paragraphs and captions, in reading order
    reading: tuple[str, ...] = ()  # headlines, paragraphs and captions as a reader reads the page

    @property
    def text(self) -> str:
        return "\n".join(self.reading)


def sample_articles(limit: int = 6) -> list[tuple[str, list[str]]]:
    """(headline, paragraphs) of news articles of the sample corpus."""
    from explorer.ingest import read_document, split_articles
    from explorer.settings import IngestOptions

    found = []
    for path in sorted(SAMPLES.glob("*.txt")):
        for article in split_articles(read_document(path, IngestOptions()), IngestOptions()):
            if article.headline and article.kind == "news" and len(article.text) > 200:
                found.append((article.headline, [p for p in article.text.split("\n") if p.strip()]))
    return found[:limit]


NO_LINE_START = frozenset("。，、；：？！）》」』”’…%")  # Chinese typesetting (禁则): never first on a line
NO_LINE_END = frozenset("（《「『“‘")  # never last on a line


def _wrap(draw, text: str, font, width: float, indent: bool) -> list[str]:
    """Lines of a column as a newspaper sets them: closing punctuation never
    starts a line (the character before it moves down with it), opening
    punctuation never ends one."""
    lines, current = [], "\u3000\u3000" if indent else ""
    for char in text:
        if draw.textlength(current + char, font=font) > width:
            carry = ""
            while char in NO_LINE_START and len(current.strip("\u3000")) > 1 and (not carry or carry[0] in NO_LINE_START):
                current, carry = current[:-1], current[-1] + carry
            while len(current) > 1 and current[-1] in NO_LINE_END:
                current, carry = current[:-1], current[-1] + carry
            lines.append(current)
            current = carry
        current += char
    return lines + ([current] if current else [])


class _Setter:
    def __init__(self, image: Image.Image, dpi: int):
        self.draw = ImageDraw.Draw(image)
        self.scale = dpi / 72
        self.body = ImageFont.truetype(str(FONT), round(10.5 * self.scale))
        self.head = ImageFont.truetype(str(FONT), round(20 * self.scale))
        self.small = ImageFont.truetype(str(FONT), round(9 * self.scale))
        self.margin = round(36 * self.scale)
        self.width = image.width - 2 * self.margin

    def headline(self, text: str, top: float) -> float:
        self.draw.text((self.margin, top), text, font=self.head, fill="black")
        return top + self.head.size * 1.9

    def columns(self, paragraphs: list[str], top: float, bottom: float, count: int) -> tuple[float, list[str]]:
        """Flow paragraphs through `count` columns between top and bottom; what fits is returned."""
        gutter = self.body.size * 1.5
        col_width = (self.width - gutter * (count - 1)) / count
        pitch = self.body.size * 1.55
        lines = [(ln, i) for i, p in enumerate(paragraphs) for ln in _wrap(self.draw, p, self.body, col_width, True)]
        per_column = max(1, int((bottom - top) // pitch))
        lines = lines[: per_column * count]
        placed = {i for _, i in lines}
        last_whole = max((i for i in placed if all(j in placed for j in range(i + 1))), default=-1)
        lines = [(ln, i) for ln, i in lines if i <= last_whole]  # whole paragraphs only
        per_column = -(-len(lines) // count)
        for n, (line, _) in enumerate(lines):
            col, row = divmod(n, per_column)
            self.draw.text((self.margin + col * (col_width + gutter), top + row * pitch), line, font=self.body, fill="black")
        return top + per_column * pitch, paragraphs[: last_whole + 1]

    def photo(self, caption: str, top: float, span: float) -> float:
        box_height = self.body.size * 8
        right = self.margin + self.width * span
        self.draw.rectangle((self.margin, top, right, top + box_height), fill=(150, 150, 150))
        self.draw.text((self.margin, top + box_height + self.small.size * 0.6), caption, font=self.small, fill="black")
        return top + box_height + self.small.size * 3


def render_page(
    columns: int, dpi: int = 150, articles: list[tuple[str, list[str]]] | None = None, stacked: int = 2,
) -> RenderedPage:
    """An A4-proportioned page: article 1 over `columns` columns, a captioned
    photo, then article 2 over `columns` columns. With `stacked=1`, article 1
    and its photo only, the page cut below them (a clipping: less to OCR)."""
    articles = (articles or sample_articles())[:stacked]
    width = round(8.27 * dpi)
    image = Image.new("RGB", (width, round(11.69 * dpi)), "white")
    setter = _Setter(image, dpi)
    headlines, paragraphs, reading = [], [], []
    top = setter.margin
    for n, (headline, body) in enumerate(articles[:2]):
        top = setter.headline(headline, top)
        bottom = top + (image.height - 2 * setter.margin) * (0.38 if n == 0 else 0.30)
        top, placed = setter.columns(body, top, bottom, columns)
        headlines.append(headline)
        paragraphs.extend(placed)
        reading.extend([headline, *placed])
        top += setter.body.size * 2.5
        if n == 0:
            caption = "图为工人在生产车间忙碌。（本报记者 孙明浩 摄）"
            top = setter.photo(caption, top, 0.6)
            paragraphs.append(caption)
            reading.append(caption)
    if stacked == 1:
        image = image.crop((0, 0, image.width, min(image.height, round(top + setter.margin))))
    return RenderedPage(image, tuple(headlines), tuple(paragraphs), tuple(reading))


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def character_accuracy(expected: str, actual: str) -> float:
    strip = str.maketrans("", "", " \n\u3000\t")
    expected, actual = expected.translate(strip), actual.translate(strip)
    return 1 - edit_distance(expected, actual) / max(1, len(expected))


def sentences(text: str) -> list[str]:
    import re

    return [s for s in re.split(r"(?<=[。！？])", text.replace("\u3000", "")) if len(s) >= 12]


def sentence_whole(sentence: str, text: str, anchor: int = 5, slack: int = 3) -> bool:
    """The sentence stands in one piece: words from its opening and its close
    occur in order at the distance its length says (so a character misread
    anywhere, or a line of another column in between, shows)."""
    drop = str.maketrans("", "", " \n\u3000")
    flat, sentence = text.translate(drop), sentence.translate(drop)
    anchor = min(anchor, max(2, len(sentence) // 4))
    for i in range(0, min(8, len(sentence) - 2 * anchor)):
        head = sentence[i : i + anchor]
        for j in range(0, min(8, len(sentence) - 2 * anchor - i)):
            tail_at = len(sentence) - anchor - j
            tail = sentence[tail_at : tail_at + anchor]
            start = flat.find(head)
            while start >= 0:
                end = flat.find(tail, start)
                if end >= 0 and abs((end - start) - (tail_at - i)) <= slack:
                    return True
                start = flat.find(head, start + 1)
    return False
