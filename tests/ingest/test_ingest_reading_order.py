"""Reading order of OCR lines: columns read whole, a headline cut from the
columns it spans, stacked articles one after the other, split rows merged."""

from __future__ import annotations

from explorer.ingest.reading_order import OcrLine, blocks_text, reading_order

H = 20  # body glyph height in pixels
PITCH = 30


def column(x0: float, top: float, texts: list[str], width: float = 200) -> list[OcrLine]:
    return [OcrLine(x0, top + i * PITCH, x0 + width, top + i * PITCH + H, t, 0.99) for i, t in enumerate(texts)]


def shuffled_engine_order(lines: list[OcrLine]) -> list[OcrLine]:
    """What an engine returns: row by row across the page (columns interleaved)."""
    return sorted(lines, key=lambda ln: (round(ln.y0), ln.x0))


def test_columns_are_read_whole_left_to_right():
    lines = column(0, 100, ["甲一", "甲二", "甲三"]) + column(230, 100, ["乙一", "乙二", "乙三"]) + column(460, 100, ["丙一", "丙二"])
    blocks = reading_order(shuffled_engine_order(lines))
    assert blocks_text(blocks).split("\n\n") == ["甲一\n甲二\n甲三", "乙一\n乙二\n乙三", "丙一\n丙二"]


def test_a_headline_spanning_two_of_three_columns_is_cut_from_its_own_columns():
    headline = [OcrLine(0, 0, 430, 40, "大标题横跨两栏", 0.99)]
    left = column(0, 70, ["甲一", "甲二"]) + column(230, 70, ["乙一", "乙二"])
    right = column(460, 0, ["丙一", "丙二", "丙三", "丙四"])  # another article, full height
    blocks = reading_order(shuffled_engine_order(headline + left + right))
    assert [b.headline for b in blocks] == [True, False, False, False]
    assert blocks_text(blocks).split("\n\n") == ["大标题横跨两栏", "甲一\n甲二", "乙一\n乙二", "丙一\n丙二\n丙三\n丙四"]


def test_stacked_articles_come_one_after_the_other():
    top = column(0, 0, ["上一", "上二"]) + column(230, 0, ["上三", "上四"])
    bottom = column(0, 200, ["下一", "下二"]) + column(230, 200, ["下三", "下四"])
    text = blocks_text(reading_order(shuffled_engine_order(bottom + top)))
    assert text.split("\n\n") == ["上一\n上二", "上三\n上四", "下一\n下二", "下三\n下四"]


def test_boxes_of_one_printed_line_are_merged_left_to_right():
    row = [OcrLine(110, 0, 200, H, "后半", 0.7), OcrLine(0, 1, 100, H + 1, "前半", 0.95)]
    (block,) = reading_order(row)
    assert [ln.text for ln in block.lines] == ["前半后半"]
    assert block.lines[0].confidence == 0.7


def test_nothing_read_gives_no_blocks():
    assert reading_order([OcrLine(0, 0, 10, 10, "  ", 0.5)]) == []
