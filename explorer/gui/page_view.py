"""The scanned page beside an OCR'd article, the article's regions outlined.

The picture comes from the project (services/scans.py through the
backend's `page_image`), the regions from the article's OCR provenance
(fractions of the page, one box per column block). The page is fitted to
the panel's width and scrolled to the article's first region; an article
over several pages gets a page chooser.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QComboBox, QGraphicsScene, QGraphicsView, QHBoxLayout, QLabel, QVBoxLayout, QWidget

OUTLINE = QColor("#d32f2f")


class PageView(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.ocr = None
        self.fetch = None  # (document_id, page) -> PageImage | None
        self.caption = QLabel(self)
        self.caption.setStyleSheet("color:#555")
        self.chooser = QComboBox(self)
        self.chooser.currentIndexChanged.connect(self._chosen)
        self.scene = QGraphicsScene(self)
        self.view = QGraphicsView(self.scene, self)
        self.view.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.view.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.view.setBackgroundBrush(QBrush(QColor("#e6e6e6")))
        top = QHBoxLayout()
        top.setContentsMargins(6, 4, 6, 2)
        top.addWidget(self.caption, 1)
        top.addWidget(self.chooser)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        self.regions: list = []  # the outline items of the page shown

    def show_article(self, ocr, fetch) -> bool:
        """Show the first page the article occupies; False when no picture is stored."""
        self.ocr, self.fetch = ocr, fetch
        pages = [p for p in (ocr.region_pages or ocr.pages) if p in ocr.pages]
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for page in pages:
            self.chooser.addItem(self.tr("第 %1 页").replace("%1", str(page)), page)
        self.chooser.blockSignals(False)
        self.chooser.setVisible(len(pages) > 1)
        if not pages:
            self.scene.clear()
            self.regions = []
            self.caption.setText(self.tr("没有保存这篇文章的扫描页。"))
            return False
        return self.show_page(pages[0])

    def _chosen(self, index: int) -> None:
        page = self.chooser.itemData(index)
        if page is not None:
            self.show_page(int(page))

    def show_page(self, page: int) -> bool:
        image = self.fetch(self.ocr.document_id, page) if self.fetch is not None else None
        self.scene.clear()
        self.regions = []
        pixmap = QPixmap()
        if image is None or not pixmap.loadFromData(image.data):
            self.caption.setText(self.tr("无法读取第 %1 页的扫描图。").replace("%1", str(page)))
            return False
        self.scene.addPixmap(pixmap)
        self.scene.setSceneRect(QRectF(pixmap.rect()))
        pen = QPen(OUTLINE, max(2.0, pixmap.width() / 400))
        fill = QBrush(QColor(OUTLINE.red(), OUTLINE.green(), OUTLINE.blue(), 28))
        for region_page, (x0, y0, x1, y1) in self.ocr.regions:
            if region_page == page:
                rect = QRectF(x0 * pixmap.width(), y0 * pixmap.height(), (x1 - x0) * pixmap.width(), (y1 - y0) * pixmap.height())
                self.regions.append(self.scene.addRect(rect.adjusted(-4, -4, 4, 4), pen, fill))
        text = self.tr("扫描页 %1 · 识别置信度 %2% · 红框为本文所在区域")
        self.caption.setText(text.replace("%1", str(page)).replace("%2", f"{image.confidence * 100:.1f}"))
        self._fit()
        return True

    def _fit(self) -> None:
        """Page width fitted to the panel; the article's first region in view."""
        rect = self.scene.sceneRect()
        if rect.isEmpty():
            return
        self.view.resetTransform()
        scale = max(0.05, (self.view.viewport().width() - 4) / rect.width())
        self.view.scale(scale, scale)
        if self.regions:
            self.view.centerOn(self.regions[0].rect().center())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()
