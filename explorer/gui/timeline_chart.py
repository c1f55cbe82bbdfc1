"""Articles per month as a small bar chart; a click on a bar asks for that month."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QToolTip, QWidget

BAR_COLOUR = QColor("#2e86ab")
EMPTY_COLOUR = QColor("#d9dde2")
HOVER_COLOUR = QColor("#e4572e")


class TimelineChart(QWidget):
    monthClicked = Signal(str)  # "2023-03"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.months: list = []  # core.overview.MonthCount
        self._hover = -1
        self.setMouseTracking(True)
        self.setMinimumHeight(96)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("每月文章数；点击某月查看当月的文档"))

    def set_months(self, months) -> None:
        self.months = list(months)
        self._hover = -1
        self.update()

    def _plot(self) -> QRectF:
        return QRectF(8, 6, max(1.0, self.width() - 16), max(1.0, self.height() - 26))

    def bar_rect(self, index: int) -> QRectF:
        plot = self._plot()
        step = plot.width() / max(len(self.months), 1)
        peak = max((m.articles for m in self.months), default=0) or 1
        height = plot.height() * self.months[index].articles / peak
        return QRectF(plot.left() + index * step + step * 0.12, plot.bottom() - height, step * 0.76, max(height, 1.5))

    def month_at(self, x: float) -> int:
        plot = self._plot()
        if not self.months or not plot.left() <= x <= plot.right():
            return -1
        return min(len(self.months) - 1, int((x - plot.left()) / (plot.width() / len(self.months))))

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        plot = self._plot()
        painter.setPen(QColor("#b8bec6"))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        if not self.months:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("没有带日期的文章"))
            return
        for index, month in enumerate(self.months):
            colour = HOVER_COLOUR if index == self._hover else (BAR_COLOUR if month.articles else EMPTY_COLOUR)
            painter.fillRect(self.bar_rect(index), colour)
        painter.setPen(QColor("#555555"))
        step = plot.width() / len(self.months)
        every = max(1, int(62 / max(step, 1)))  # a label every ~62 px
        for index in range(0, len(self.months), every):
            x = plot.left() + index * step
            painter.drawText(QRectF(x, plot.bottom() + 2, 62, 16), Qt.AlignmentFlag.AlignLeft, self.months[index].month)

    def mouseMoveEvent(self, event) -> None:
        index = self.month_at(event.position().x())
        if index != self._hover:
            self._hover = index
            self.update()
        if index >= 0:
            month = self.months[index]
            text = self.tr("%1：%2 篇文章").replace("%1", month.month).replace("%2", str(month.articles))
            QToolTip.showText(event.globalPosition().toPoint(), text, self)

    def leaveEvent(self, _event) -> None:
        self._hover = -1
        self.update()

    def mouseReleaseEvent(self, event) -> None:
        index = self.month_at(event.position().x())
        if index >= 0 and event.button() == Qt.MouseButton.LeftButton:
            self.monthClicked.emit(self.months[index].month)
