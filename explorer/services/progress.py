"""Progress of an ingest that counts OCR pages inside files.

A text file is read in a blink, a scanned page takes seconds and a scanned
issue minutes: counting files alone would hold the bar still for the whole
scan. The fraction is (files done + the share of OCR pages read in each
file still being analysed) / files, never going back; the message names
the file and, while OCR runs, the page ("scan.pdf · OCR 3/16"). The front
ends turn the fraction into time left (core/eta.py).
"""

from __future__ import annotations

from pathlib import Path

from explorer.core import TaskState


class IngestProgress:
    def __init__(self, state: TaskState, files: int):
        self.state = state
        self.files = max(files, 1)
        self.head = 0  # the file the writer waits for: every file before it is done
        self.pages: dict[int, float] = {}  # file seq -> share of its OCR pages read
        self.shown = 0.0

    def file(self, job) -> None:
        """The writer now waits for `job` (mapper `announce`)."""
        self.head = job.seq
        for seq in [s for s in self.pages if s < job.seq]:
            del self.pages[seq]
        self._report(Path(job.path).name)

    def page(self, job, done: int, total: int) -> None:
        """`done` of the `total` OCR pages of `job` are read (mapper `pages`)."""
        self.pages[job.seq] = done / total if total else 1.0
        self._report(f"{Path(job.path).name} · OCR {done}/{total}")

    def _report(self, message: str) -> None:
        running = sum(share for seq, share in self.pages.items() if seq >= self.head)
        self.shown = max(self.shown, min(1.0, (self.head + running) / self.files))
        self.state.progress(self.shown, message)
