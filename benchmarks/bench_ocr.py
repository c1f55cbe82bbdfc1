"""OCR of scanned newspaper pages: speed, character accuracy and sentence
integrity, RapidOCR (the app's engine) beside Tesseract (the baseline), each
with and without the project's reading order.

Run: .venv/bin/python -m benchmarks.bench_ocr [--quick]
Needs (baseline only, the app never does): Debian's tesseract-ocr and
tesseract-ocr-chi-sim (`make bench` installs them).

Pages are rendered by tests/ingest/page_render.py from the fictional
sample corpus: 3, 4 and 5 columns at 150, 200 and 300 dpi, two articles
stacked with headlines over their columns and a captioned photo. For each
engine, the same line boxes are read two ways: in the engine's own order
(RapidOCR: top to bottom across the page; Tesseract: its page-segmentation
order, `--psm 3`) and in the project's reading order (explorer/ingest/
reading_order.py, recursive XY cut). Character accuracy is 1 - edit
distance / length, spaces ignored; a sentence is whole when its opening
and its close stand in order at the distance its length says.

Web pages (the other input of issue 15) are timed too: the project's reader
(trafilatura + the project's rules) on the five fixture layouts of
tests/ingest/web_fixtures.py, beside trafilatura alone in the same run.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests" / "ingest"))

from page_render import RenderedPage, character_accuracy, render_page, sentence_whole, sentences  # noqa: E402

from explorer.ingest.ocr import ocr_lines, page_text  # noqa: E402
from explorer.ingest.reading_order import OcrLine, reading_order  # noqa: E402

PAGES = ((3, 150), (4, 200), (5, 300))


@dataclass
class Run:
    engine: str
    order: str
    wall: float
    cpu: float
    accuracy: float
    whole: int
    sentences: int


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def rapidocr(page: RenderedPage) -> tuple[list[OcrLine], float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    lines = ocr_lines(page.image)
    return lines, time.perf_counter() - wall, time.process_time() - cpu


def tesseract(page: RenderedPage, dpi: int) -> tuple[list[OcrLine], float, float]:
    """Tesseract's lines (TSV, level 4) in its own page-segmentation order."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "page.png"
        page.image.save(path, dpi=(dpi, dpi))
        wall, cpu = time.perf_counter(), _children_cpu()
        out = subprocess.run(
            ["tesseract", str(path), "stdout", "-l", "chi_sim", "--psm", "3", "tsv"],
            capture_output=True, text=True, check=True,
        ).stdout
        wall, cpu = time.perf_counter() - wall, _children_cpu() - cpu
    lines: dict[tuple, list] = {}
    for row in out.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5" or not cells[11].strip():
            continue
        key = tuple(int(c) for c in cells[1:5])  # page, block, paragraph, line
        left, top, width, height, conf = int(cells[6]), int(cells[7]), int(cells[8]), int(cells[9]), float(cells[10])
        lines.setdefault(key, []).append((left, top, left + width, top + height, cells[11].strip(), conf / 100))
    result = []
    for words in lines.values():  # dicts keep Tesseract's order
        result.append(OcrLine(min(w[0] for w in words), min(w[1] for w in words), max(w[2] for w in words),
                              max(w[3] for w in words), "".join(w[4] for w in words), min(w[5] for w in words)))
    return result, wall, cpu


def score(page: RenderedPage, text: str) -> tuple[float, int, int]:
    wanted = [s for p in page.paragraphs for s in sentences(p)]
    return character_accuracy(page.text, text), sum(sentence_whole(s, text) for s in wanted), len(wanted)


def runs_for(engine: str, page: RenderedPage, lines: list[OcrLine], wall: float, cpu: float) -> list[Run]:
    raw = "\n".join(line.text for line in lines)
    ordered, _spans = page_text(reading_order(lines), page.image.size)
    return [Run(engine, "engine order", wall, cpu, *score(page, raw)),
            Run(engine, "reading order", wall, cpu, *score(page, ordered))]


def web_pages() -> None:
    """Headline, date and body right on the fixture layouts; ms per page (best of 3)."""
    import json

    import trafilatura
    from web_fixtures import BODY, LAYOUTS

    from explorer.ingest.html import read_html

    def best(action) -> float:
        times = []
        for _ in range(3):
            started = time.perf_counter()
            action()
            times.append(time.perf_counter() - started)
        return min(times) * 1000

    ours = [0, 0, 0]
    alone = [0, 0, 0]
    ms_ours = ms_alone = 0.0
    for page in LAYOUTS:
        data = page.html.encode(page.encoding)
        result = read_html(data, page.name)
        ours = [ours[0] + (result.headline == page.headline), ours[1] + (result.date == page.date),
                ours[2] + (result.text.split("\n\n") == [page.headline, *BODY])]
        plain = json.loads(trafilatura.extract(page.html, output_format="json", with_metadata=True) or "{}")
        text = plain.get("text") or ""
        alone = [alone[0] + (plain.get("title") == page.headline), alone[1] + (plain.get("date") == page.date),
                 alone[2] + ([ln for ln in text.split("\n") if ln.strip()] == list(BODY))]
        ms_ours += best(lambda data=data, name=page.name: read_html(data, name))
        ms_alone += best(lambda html=page.html: trafilatura.extract(html, output_format="json", with_metadata=True))
    n = len(LAYOUTS)
    print(f"\nweb pages ({n} site layouts): {'headline':>8} {'date':>5} {'body exact':>10} {'ms/page':>8}")
    print(f"  explorer (trafilatura + rules) {ours[0]:>4}/{n} {ours[1]:>3}/{n} {ours[2]:>8}/{n} {ms_ours / n:>8.0f}")
    print(f"  trafilatura alone              {alone[0]:>4}/{n} {alone[1]:>3}/{n} {alone[2]:>8}/{n} {ms_alone / n:>8.0f}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one page (3 columns, 150 dpi)")
    parser.add_argument("--web", action="store_true", help="web pages only (no OCR)")
    args = parser.parse_args(argv or [])
    web_pages()
    if args.web:
        return
    pages = PAGES[:1] if args.quick else PAGES
    has_tesseract = shutil.which("tesseract") is not None
    if not has_tesseract:
        print("tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-chi-sim): no baseline")
    ocr_lines(render_page(3, 100, stacked=1).image)  # load the models outside the timings
    runs: list[Run] = []
    for columns, dpi in pages:
        page = render_page(columns, dpi)
        label = f"{columns} columns, {dpi} dpi, {page.image.width}x{page.image.height}"
        print(f"page: {label}", flush=True)
        runs += runs_for("RapidOCR", page, *rapidocr(page))
        if has_tesseract:
            runs += runs_for("Tesseract", page, *tesseract(page, dpi))
    print(f"\n{len(pages)} pages; cores: {os.cpu_count()}; load average: {os.getloadavg()[0]:.1f}")
    print(f"{'engine':<10} {'order':<14} {'pages/min':>9} {'CPU s/page':>10} {'char acc':>8} {'sentences whole':>16}")
    summary = {}
    for engine in dict.fromkeys(r.engine for r in runs):
        for order in ("engine order", "reading order"):
            chosen = [r for r in runs if r.engine == engine and r.order == order]
            wall = sum(r.wall for r in chosen) / len(chosen)
            cpu = sum(r.cpu for r in chosen) / len(chosen)
            accuracy = sum(r.accuracy for r in chosen) / len(chosen)
            whole, total = sum(r.whole for r in chosen), sum(r.sentences for r in chosen)
            summary[engine, order] = (60 / wall, accuracy, whole / max(total, 1))
            print(f"{engine:<10} {order:<14} {60 / wall:>9.1f} {cpu:>10.1f} {accuracy:>8.3f} {whole:>9}/{total:<6}")
    if has_tesseract:
        ours, base = summary["RapidOCR", "reading order"], summary["Tesseract", "engine order"]
        print(f"\nRapidOCR + reading order vs Tesseract as it reads the page: {ours[0] / base[0]:.2f}x pages/min, "
              f"char accuracy {ours[1]:.3f} vs {base[1]:.3f}, sentences whole {ours[2]:.0%} vs {base[2]:.0%}")
    raw, ordered = summary["RapidOCR", "engine order"], summary["RapidOCR", "reading order"]
    print(f"what the reading order buys (RapidOCR): sentences whole {raw[2]:.0%} -> {ordered[2]:.0%}, "
          f"char accuracy {raw[1]:.3f} -> {ordered[1]:.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
