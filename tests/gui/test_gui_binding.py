import gc
import sys

from PySide6.QtCore import QLineF
from PySide6.QtGui import QPainter, QPixmap


def test_qt_binding_keeps_none_alive(qapp):
    """PySide6 6.12.0 under Python 3.11 drops a reference to None per void call and
    crashes the app after a few thousand paints; pyproject pins <6.12."""
    pixmap = QPixmap(8, 8)
    painter = QPainter(pixmap)
    gc.collect()  # garbage freed meanwhile (earlier tests' windows) would also drop None's count
    gc.disable()
    try:
        before = sys.getrefcount(None)
        for _ in range(500):
            painter.drawLine(QLineF(0, 0, 5, 5))
        after = sys.getrefcount(None)
    finally:
        gc.enable()
    painter.end()
    assert after >= before - 50
