"""Time left of long work, from the fraction done so far.

Linear in the work done: after a fifth of the pages in 30 s, two more
minutes. Nothing is said before the first 2 % or the first two seconds,
when any guess is noise. Both front ends use it (the ingest dialog and the
CLI's progress lines), each saying it in its own words.
"""

from __future__ import annotations

import time
from collections.abc import Callable


class TimeLeft:
    def __init__(self, clock: Callable[[], float] = time.monotonic):
        self.clock = clock
        self.started = clock()

    def restart(self) -> None:
        self.started = self.clock()

    def seconds(self, fraction: float) -> float | None:
        """Seconds left at `fraction` done, or None while it cannot be told."""
        elapsed = self.clock() - self.started
        if fraction < 0.02 or elapsed < 2.0:
            return None
        if fraction >= 1.0:
            return 0.0
        return elapsed * (1.0 - fraction) / fraction


def short(seconds: float) -> str:
    """'45 s', '3 min', '1 h 20 min' (CLI wording)."""
    if seconds < 60:
        return f"{max(1, round(seconds / 5) * 5)} s"
    if seconds < 3600:
        return f"{round(seconds / 60)} min"
    return f"{int(seconds // 3600)} h {round(seconds % 3600 / 60)} min"
