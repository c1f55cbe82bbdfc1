"""Ingest progress that counts OCR pages inside files, and the time left."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from explorer.core import TaskState
from explorer.core.eta import TimeLeft, short
from explorer.services.progress import IngestProgress


@dataclass
class Job:
    seq: int
    path: str


def test_pages_move_the_fraction_inside_a_file_and_never_back():
    seen = []
    progress = IngestProgress(TaskState(lambda f, m: seen.append((round(f, 3), m))), files=4)
    progress.file(Job(0, "/in/a.txt"))
    progress.file(Job(1, "/in/issue.pdf"))
    for done in range(5):
        progress.page(Job(1, "/in/issue.pdf"), done, 4)
    progress.page(Job(2, "/in/b.png"), 1, 2)  # a worker ahead of the writer
    progress.file(Job(2, "/in/b.png"))
    assert seen[0] == (0.0, "a.txt")
    assert [f for f, _ in seen[2:7]] == [0.25, 0.312, 0.375, 0.438, 0.5]
    assert seen[3][1] == "issue.pdf · OCR 1/4"
    assert seen[7][0] == 0.625  # file 1 done at 0.5, half of file 2's pages
    assert seen[8] == (0.625, "b.png")  # stays: file 2's pages still count
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions)


def test_time_left_is_linear_in_the_work_done_and_silent_at_first():
    now = [100.0]
    left = TimeLeft(clock=lambda: now[0])
    now[0] += 1.0
    assert left.seconds(0.5) is None  # too early to tell
    now[0] += 29.0
    assert left.seconds(0.01) is None
    assert left.seconds(0.2) == 120.0
    assert left.seconds(1.0) == 0.0
    assert [short(s) for s in (3, 44, 130, 4000)] == ["5 s", "45 s", "2 min", "1 h 7 min"]


@pytest.mark.slow
def test_a_worker_process_reports_its_ocr_pages_to_the_parent():
    """ProcessPool: PageProgress travels over the worker's pipe to `pages`."""
    import io

    from PIL import Image, ImageDraw, ImageFont

    from explorer.services import parallel
    from explorer.settings import IngestOptions

    image = Image.new("RGB", (600, 80), "white")
    font = ImageFont.truetype("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 30)
    ImageDraw.Draw(image).text((20, 20), "全市重点项目进展顺利。", font=font, fill="black")
    data = io.BytesIO()
    image.save(data, "PNG")
    pages = []
    pool = parallel.ProcessPool(1, IngestOptions())
    try:
        job = parallel.Job(0, "/scans/strip.png", data=data.getvalue())
        ((_job, result),) = list(pool.results([job], TaskState(), None, lambda j, d, t: pages.append((j.seq, d, t))))
    finally:
        pool.close()
    assert pages == [(0, 0, 1), (0, 1, 1)]
    assert result.document.ocr is not None and result.document.media_type == "image/png"
    result.close()
