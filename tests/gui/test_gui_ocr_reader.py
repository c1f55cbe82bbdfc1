"""The reader's OCR provenance (issue 15): a badge with the confidence, the
characters read with low confidence marked, the scanned page beside the
text with the article's regions outlined."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw
from PySide6.QtWidgets import QGraphicsRectItem

from explorer.core import ArticleRecord
from explorer.core.ocr import ArticleOcrView, PageImage
from explorer.core.views import ArticleMention
from explorer.gui.article_reader import LOW_STYLE, ArticleReader, render_article_html, render_header_html

TEXT = "本报讯 市工信局近日公布名单，我市三家企业入选。"


def _page(page: int) -> PageImage:
    image = Image.new("L", (400, 560), 255)
    ImageDraw.Draw(image).rectangle((40, 40, 360, 200), fill=128)
    out = io.BytesIO()
    image.save(out, "JPEG")
    return PageImage(page, 400, 560, out.getvalue(), 0.93)


def _record(regions=((1, (0.1, 0.1, 0.5, 0.4)), (1, (0.55, 0.1, 0.9, 0.4))), pages=(1,)) -> ArticleRecord:
    low_at = TEXT.index("三家")
    ocr = ArticleOcrView(7, 0.912, 0.95, ((low_at, low_at + 2),), regions, pages)
    mention = ArticleMention(3, TEXT.index("市工信局"), TEXT.index("市工信局") + 4, "ORG", "市工信局")
    return ArticleRecord(1, TEXT, headline="三家企业入选", path="/scans/p1.png", mentions=(mention,), ocr=ocr)


def test_an_ocr_article_shows_its_badge_and_marks_low_confidence_characters():
    record = _record()
    header = render_header_html(record)
    assert "OCR" in header and "91.2%" in header
    html = render_article_html(record)
    assert f"<span style='{LOW_STYLE}'>三家</span>" in html
    assert "href='entity:3'" in html  # mentions still link


def test_a_text_article_has_no_badge_and_no_page_button(qtbot):
    record = ArticleRecord(1, TEXT, headline="三家企业入选")
    assert "OCR" not in render_header_html(record)
    reader = ArticleReader()
    qtbot.addWidget(reader)
    reader.show()
    reader.show_article(record)
    assert not reader.page_button.isVisible()


def test_the_scanned_page_is_shown_with_the_article_outlined(qtbot):
    asked = []
    reader = ArticleReader()
    reader.page_source = lambda document, page: asked.append((document, page)) or _page(page)
    qtbot.addWidget(reader)
    reader.resize(900, 600)
    reader.show()
    reader.show_article(_record())
    assert reader.page_button.isVisible()
    reader.page_button.setChecked(True)
    view = reader.page_view
    assert view.isVisible() and asked == [(7, 1)]
    outlines = [item for item in view.scene.items() if isinstance(item, QGraphicsRectItem)]
    assert len(outlines) == 2
    left = min(outlines, key=lambda item: item.rect().x()).rect()
    assert abs(left.x() - (0.1 * 400 - 4)) < 1 and abs(left.bottom() - (0.4 * 560 + 4)) < 1
    assert "93.0%" in view.caption.text()
    reader.page_button.setChecked(False)
    assert not view.isVisible()


def test_an_article_over_two_pages_gets_a_page_chooser(qtbot):
    reader = ArticleReader()
    reader.page_source = lambda _document, page: _page(page)
    qtbot.addWidget(reader)
    reader.show()
    reader.show_article(_record(regions=((2, (0.1, 0.5, 0.9, 0.9)), (3, (0.1, 0.1, 0.9, 0.3))), pages=(1, 2, 3)))
    reader.page_button.setChecked(True)
    chooser = reader.page_view.chooser
    assert chooser.isVisible() and [chooser.itemData(i) for i in range(chooser.count())] == [2, 3]
    chooser.setCurrentIndex(1)
    outlines = [item for item in reader.page_view.scene.items() if isinstance(item, QGraphicsRectItem)]
    assert len(outlines) == 1 and outlines[0].rect().y() < 0.2 * 560


def test_a_missing_page_picture_says_so(qtbot):
    reader = ArticleReader()
    reader.page_source = lambda _document, _page: None
    qtbot.addWidget(reader)
    reader.show()
    reader.show_article(_record())
    reader.page_button.setChecked(True)
    assert "无法读取" in reader.page_view.caption.text()
