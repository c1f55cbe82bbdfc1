"""OCR line boxes -> text in newspaper reading order.

An OCR engine returns lines in the order it found them, which on a
multi-column page interleaves the columns: line 1 of column 1, line 1 of
column 2, ... This module finds the layout first, by a recursive XY cut:
a horizontal band of white taller than a line gap separates blocks stacked
on the page (a headline above its columns, one article above another); a
vertical band of white (a gutter) separates columns. Blank bands are cut
in that order at every level, so a headline spanning two of three columns
is cut from its own columns, not from the third. Within a column the
lines are read top to bottom, boxes of one printed line left to right.

A block of lines whose glyphs are clearly taller than the page's body text
is a headline block; blocks come out as the same "lines, blank line, next
block" shape as a PDF text dump, so one segmenter serves both.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

HEADLINE_RATIO = 1.4  # glyph height over the page's body glyph height
BLOCK_GAP = 0.9  # white band between stacked blocks, in body line heights
GUTTER = 0.6  # white band between columns, in body line heights


@dataclass(frozen=True)
class OcrLine:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    confidence: float
    chars: tuple[float, ...] = ()  # each character's confidence, when the engine gives them

    @property
    def height(self) -> float:
        return self.y1 - self.y0


@dataclass(frozen=True)
class Block:
    lines: tuple[OcrLine, ...]
    headline: bool


def _gaps(intervals: list[tuple[float, float]], minimum: float) -> list[float]:
    """Midpoints of the white bands at least `minimum` wide between intervals."""
    cuts = []
    intervals = sorted(intervals)
    reach = intervals[0][1]
    for start, end in intervals[1:]:
        if start - reach >= minimum:
            cuts.append((start + reach) / 2)
        reach = max(reach, end)
    return cuts


def _split(lines: list[OcrLine], cuts: list[float], vertical: bool) -> list[list[OcrLine]]:
    parts: list[list[OcrLine]] = [[] for _ in range(len(cuts) + 1)]
    for line in lines:
        centre = (line.x0 + line.x1) / 2 if vertical else (line.y0 + line.y1) / 2
        parts[sum(centre > cut for cut in cuts)].append(line)
    return [p for p in parts if p]


def _rows(lines: list[OcrLine], line_height: float) -> list[OcrLine]:
    """Top to bottom; boxes of one printed line merged left to right."""
    rows: list[list[OcrLine]] = []
    for line in sorted(lines, key=lambda ln: (ln.y0 + ln.y1) / 2):
        centre = (line.y0 + line.y1) / 2
        if rows and abs(centre - (rows[-1][0].y0 + rows[-1][0].y1) / 2) < line_height * 0.5:
            rows[-1].append(line)
        else:
            rows.append([line])
    merged = []
    for row in rows:
        row.sort(key=lambda ln: ln.x0)
        chars = tuple(c for ln in row for c in (ln.chars if len(ln.chars) == len(ln.text) else (ln.confidence,) * len(ln.text)))
        merged.append(OcrLine(
            min(ln.x0 for ln in row), min(ln.y0 for ln in row), max(ln.x1 for ln in row), max(ln.y1 for ln in row),
            "".join(ln.text for ln in row), min(ln.confidence for ln in row), chars,
        ))
    return merged


def _xy_cut(lines: list[OcrLine], line_height: float) -> list[list[OcrLine]]:
    if len(lines) <= 1:
        return [lines]
    stacked = _gaps([(ln.y0, ln.y1) for ln in lines], BLOCK_GAP * line_height)
    if stacked:
        parts = _split(lines, stacked, vertical=False)
    else:
        gutters = _gaps([(ln.x0, ln.x1) for ln in lines], GUTTER * line_height)
        if not gutters:
            return [_rows(lines, line_height)]
        parts = _split(lines, gutters, vertical=True)
    return [block for part in parts for block in _xy_cut(part, line_height)]


def reading_order(lines: list[OcrLine]) -> list[Block]:
    """The page's blocks in reading order, headline blocks marked."""
    lines = [ln for ln in lines if ln.text.strip()]
    if not lines:
        return []
    body_height = statistics.median(ln.height for ln in lines)
    blocks = []
    for group in _xy_cut(lines, body_height):
        tall = statistics.median(ln.height for ln in group) >= HEADLINE_RATIO * body_height
        blocks.append(Block(tuple(group), headline=tall))
    return blocks


def blocks_text(blocks: list[Block]) -> str:
    """Lines of a block one per line, a blank line between blocks (PDF-dump shape)."""
    return "\n\n".join("\n".join(line.text for line in block.lines) for block in blocks)
