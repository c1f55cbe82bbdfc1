"""Draw the app icon with QPainter and write every format the builds need.

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_icons.py

Writes packaging/linux/icons/explorer-{48,128,256}.png (hicolor sizes),
packaging/icons/explorer.ico (Windows) and packaging/icons/explorer.icns
(macOS). The .ico and .icns are written by hand: both are a small header
around PNG images, so no Pillow is needed. The outputs are committed, so a
build does not need to run this; rerun it after changing the drawing.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
LINUX_SIZES = (48, 128, 256)
ICO_SIZES = (16, 32, 48, 256)
# icns element types holding PNG data, by pixel size
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 128: b"ic07", 256: b"ic08"}

# (x, y) in a 0..1 square; colours follow the entity colours of the GUI
NODES = [
    ((0.30, 0.32), "#e4572e"),  # person
    ((0.70, 0.28), "#2e86ab"),  # organisation
    ((0.50, 0.55), "#f5f5f5"),  # hub
    ((0.28, 0.74), "#3bb273"),  # place
    ((0.72, 0.74), "#f0a202"),  # honour
]
EDGES = [(0, 2), (1, 2), (2, 3), (2, 4), (0, 1), (3, 4)]


def render_png(size: int) -> bytes:
    """The icon at `size` pixels as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
    from PySide6.QtGui import QBrush, QColor, QImage, QLinearGradient, QPainter, QPen

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    margin = size * 0.04
    rect = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    gradient = QLinearGradient(rect.topLeft(), rect.bottomRight())
    gradient.setColorAt(0.0, QColor("#24415f"))
    gradient.setColorAt(1.0, QColor("#10202f"))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(gradient))
    p.drawRoundedRect(rect, size * 0.18, size * 0.18)

    def at(point):
        x, y = point
        return QPointF(rect.left() + x * rect.width(), rect.top() + y * rect.height())

    p.setPen(QPen(QColor(255, 255, 255, 170), max(1.0, size * 0.035), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    for a, b in EDGES:
        p.drawLine(at(NODES[a][0]), at(NODES[b][0]))
    p.setPen(QPen(QColor("#10202f"), max(1.0, size * 0.02)))
    for i, (point, colour) in enumerate(NODES):
        radius = size * (0.12 if i == 2 else 0.09)
        p.setBrush(QColor(colour))
        p.drawEllipse(at(point), radius, radius)
    p.end()

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """A Windows .ico whose entries are PNG images (Vista and later)."""
    sizes = sorted(images)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        data = images[size]
        dim = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset + len(blobs))
        blobs += data
    return header + entries + blobs


def icns_bytes(images: dict[int, bytes]) -> bytes:
    """A macOS .icns whose elements are PNG images."""
    body = b""
    for size in sorted(images):
        data = images[size]
        body += ICNS_TYPES[size] + struct.pack(">I", 8 + len(data)) + data
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    sizes = sorted(set(LINUX_SIZES) | set(ICO_SIZES) | set(ICNS_TYPES))
    pngs = {size: render_png(size) for size in sizes}
    linux = HERE / "linux" / "icons"
    linux.mkdir(parents=True, exist_ok=True)
    for size in LINUX_SIZES:
        (linux / f"explorer-{size}.png").write_bytes(pngs[size])
    icons = HERE / "icons"
    icons.mkdir(parents=True, exist_ok=True)
    (icons / "explorer.ico").write_bytes(ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    (icons / "explorer.icns").write_bytes(icns_bytes({s: pngs[s] for s in ICNS_TYPES}))
    for path in sorted([*linux.glob("*.png"), *icons.iterdir()]):
        print(f"{path.relative_to(HERE.parent)}  {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
