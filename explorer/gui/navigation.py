"""Back/forward history and the breadcrumb of the path walked."""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel


@dataclass(frozen=True)
class Place:
    """Somewhere the user went: an entity page (the centre of the canvas)."""

    entity_id: int
    label: str = ""


class History:
    """A browser-style history: visiting after going back drops the forward part."""

    def __init__(self, limit: int = 200):
        self.places: list[Place] = []
        self.index = -1
        self.limit = limit

    @property
    def current(self) -> Place | None:
        return self.places[self.index] if self.index >= 0 else None

    def visit(self, place: Place) -> None:
        if self.current is not None and self.current.entity_id == place.entity_id:
            self.places[self.index] = place
            return
        del self.places[self.index + 1 :]
        self.places.append(place)
        if len(self.places) > self.limit:
            del self.places[0]
        self.index = len(self.places) - 1

    def can_back(self) -> bool:
        return self.index > 0

    def can_forward(self) -> bool:
        return self.index < len(self.places) - 1

    def back(self) -> Place | None:
        if not self.can_back():
            return None
        self.index -= 1
        return self.current

    def forward(self) -> Place | None:
        if not self.can_forward():
            return None
        self.index += 1
        return self.current

    def go(self, index: int) -> Place | None:
        if 0 <= index < len(self.places):
            self.index = index
            return self.current
        return None

    def rename(self, entity_id: int, label: str) -> None:
        self.places = [Place(p.entity_id, label) if p.entity_id == entity_id else p for p in self.places]

    def trail(self, length: int = 8) -> list[tuple[int, Place]]:
        """The last `length` places up to the current one, with their indexes."""
        start = max(0, self.index + 1 - length)
        return [(i, self.places[i]) for i in range(start, self.index + 1)]


class Breadcrumb(QLabel):
    """The path walked so far; each step is a link back to it."""

    stepClicked = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.linkActivated.connect(lambda link: self.stepClicked.emit(int(link.split(":")[1])))
        self.setContentsMargins(6, 2, 6, 2)

    def show_history(self, history: History) -> None:
        trail = history.trail()
        parts = []
        if trail and trail[0][0] > 0:
            parts.append("…")
        for index, place in trail:
            label = html.escape(place.label or str(place.entity_id))
            if index == history.index:
                parts.append(f"<b>{label}</b>")
            else:
                parts.append(f"<a href='step:{index}'>{label}</a>")
        self.setText(" › ".join(parts))
