"""Scanned pages (issue 15): rendered newspaper pages read back whole, a
scanned and a mixed PDF through `explorer ingest` to articles, entities and
facts in reading order, per-page progress and cancel, bad input.

OCR is slow (10-20 s of CPU per full page here), so full pages are read
three times in the whole module: the 3-column page once (module fixture,
its lines serve several tests) and the two PDFs in one `explorer ingest`
(module fixture). Progress, cancel and the (cid:) case use pages of two
lines, read in a fraction of a second.
"""

from __future__ import annotations

import io
import json
import sqlite3
import struct
import zlib
from pathlib import Path

import pytest
from page_render import FONT, character_accuracy, render_page, sample_articles, sentence_whole, sentences
from PIL import Image, ImageDraw, ImageFont

from explorer.cli import main
from explorer.core import TaskState
from explorer.errors import BrokenImageError, BrokenPdfError
from explorer.ingest import SUPPORTED_SUFFIXES, read_document, split_articles
from explorer.ingest.ocr import IMAGE_SUFFIXES, ocr_lines, page_text
from explorer.ingest.pdf import TextLayerPage, cid_share, needs_ocr
from explorer.ingest.reading_order import reading_order
from explorer.settings import IngestOptions


def _whole(paragraphs, text: str) -> tuple[int, list[str]]:
    wanted = [s for p in paragraphs for s in sentences(p)]
    broken = [s for s in wanted if not sentence_whole(s, text)]
    return len(wanted), broken


# --- a 3-column page at 150 dpi, read once -------------------------------------------

@pytest.fixture(scope="module")
def page3():
    page = render_page(3, 150)
    lines = ocr_lines(page.image)  # the engine's own order
    blocks = reading_order(lines)
    text, spans = page_text(blocks, page.image.size)
    return page, lines, blocks, text, spans


@pytest.mark.slow
def test_three_columns_read_back_whole(page3):
    page, _lines, _blocks, text, _spans = page3
    assert character_accuracy(page.text, text) >= 0.97
    total, broken = _whole(page.paragraphs, text)
    assert total >= 15 and broken == []


@pytest.mark.slow
def test_the_engine_order_breaks_sentences_the_reading_order_keeps(page3):
    """What the reading order buys: raw engine order interleaves the columns."""
    page, lines, _blocks, _text, _spans = page3
    raw = "\n".join(line.text for line in lines)
    total, broken = _whole(page.paragraphs, raw)
    assert len(broken) >= total // 4


@pytest.mark.slow
def test_headline_blocks_are_found_by_glyph_height(page3):
    page, _lines, blocks, _text, _spans = page3
    flat = str.maketrans("", "", " \u3000")
    headlines = {h.translate(flat) for h in page.headlines}
    marked = ["".join(line.text for line in block.lines).translate(flat) for block in blocks if block.headline]
    assert len(marked) == len(headlines)
    assert all(character_accuracy(h, m) > 0.8 for h, m in zip(sorted(headlines), sorted(marked)))


@pytest.mark.slow
def test_every_line_has_its_box_and_place_in_the_text(page3):
    _page, _lines, _blocks, text, spans = page3
    assert spans and all(0 <= s.box[0] < s.box[2] <= 1 and 0 <= s.box[1] < s.box[3] <= 1 for s in spans)
    assert [s.start for s in spans] == sorted(s.start for s in spans)
    assert "".join(text[s.start : s.end] for s in spans) == text.replace("\n", "")
    assert all(0.0 <= s.confidence <= 1.0 for s in spans)


# --- a scanned PDF and a mixed PDF through `explorer ingest` ------------------------

def _text_pdf_page(pdf, headline: str, paragraphs: list[str]) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf.setFont("STSong-Light", 18)
    pdf.drawString(60, 780, headline)
    pdf.setFont("STSong-Light", 11)
    y = 740
    for paragraph in paragraphs:
        text = "\u3000\u3000" + paragraph
        for i in range(0, len(text), 38):
            pdf.drawString(60, y, text[i : i + 38])
            y -= 17
    pdf.showPage()


def _image_pdf_page(pdf, image: Image.Image, dpi: int) -> None:
    from reportlab.lib.utils import ImageReader

    width, height = image.width * 72 / dpi, image.height * 72 / dpi
    pdf.setPageSize((width, height))
    pdf.drawImage(ImageReader(image), 0, 0, width=width, height=height)
    pdf.showPage()


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    from reportlab.pdfgen import canvas

    folder = tmp_path_factory.mktemp("scans")
    scan = render_page(5, 300)
    scan.image.save(folder / "scanned.pdf", "PDF", resolution=300)  # an image saved as PDF
    articles = sample_articles(6)
    clipping = render_page(3, 150, articles=articles[3:4], stacked=1)
    pdf = canvas.Canvas(str(folder / "mixed.pdf"))
    _text_pdf_page(pdf, *articles[2])
    _image_pdf_page(pdf, clipping.image, 150)
    pdf.save()
    project = folder / "p.db"
    code = main(["--project", str(project), "ingest", str(folder / "scanned.pdf"), str(folder / "mixed.pdf")])
    conn = sqlite3.connect(project)
    yield code, conn, scan, articles[2], clipping, project
    conn.close()


def _articles(conn, name: str) -> list[tuple]:
    return conn.execute(
        "SELECT a.id, a.headline, a.subtitle, a.text, a.ocr FROM articles a JOIN documents d ON d.id = a.document_id "
        "WHERE d.path LIKE ? ORDER BY a.idx", (f"%{name}",),
    ).fetchall()


@pytest.mark.slow
def test_a_scanned_pdf_becomes_articles_in_reading_order(ingested):
    code, conn, scan, *_ = ingested
    assert code == 0
    rows = _articles(conn, "scanned.pdf")
    flat = str.maketrans("", "", " \u3000")
    headlines = [(r[1] or "").translate(flat) for r in rows]
    assert headlines[:2] == [h.translate(flat) for h in scan.headlines]
    read = "\n".join("\n".join(x for x in (r[1], r[2], r[3]) if x) for r in rows)
    assert character_accuracy(scan.text, read) >= 0.97
    total, broken = _whole(scan.paragraphs, read)
    assert total >= 15 and broken == []


@pytest.mark.slow
def test_entities_and_facts_of_a_scan_cite_whole_sentences(ingested):
    _code, conn, scan, *_ = ingested
    doc = conn.execute("SELECT id FROM documents WHERE path LIKE '%scanned.pdf'").fetchone()[0]
    arts = "SELECT id FROM articles WHERE document_id = ?"
    types = {t for (t,) in conn.execute(
        f"SELECT DISTINCT e.type FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE m.article_id IN ({arts})", (doc,))}
    assert {"ORG", "PLACE"} <= types
    evidence = [s for (s,) in conn.execute(f"SELECT sentence FROM evidence WHERE article_id IN ({arts})", (doc,))]
    assert evidence
    assert all(sentence_whole(sentence, scan.text) for sentence in evidence)  # cited whole, never across columns


@pytest.mark.slow
def test_the_scan_keeps_its_provenance(ingested):
    _code, conn, *_ = ingested
    doc, media, confidence = conn.execute(
        "SELECT id, media_type, ocr_confidence FROM documents WHERE path LIKE '%scanned.pdf'").fetchone()
    assert media == "application/pdf" and confidence > 0.9
    (page, width, height, image), = conn.execute(
        "SELECT page, width, height, image FROM page_images WHERE document_id = ?", (doc,)).fetchall()
    assert page == 1 and Image.open(io.BytesIO(image)).size == (width, height)
    first, second = (json.loads(r[4]) for r in _articles(conn, "scanned.pdf")[:2])
    assert first["confidence"] > 0.9 and first["regions"] and second["regions"]
    assert all(0 <= v <= 1 for r in first["regions"] + second["regions"] for v in r[1:])
    assert max(r[4] for r in first["regions"]) <= min(r[2] for r in second["regions"]) + 0.01  # article 1 above article 2


@pytest.mark.slow
def test_a_mixed_pdf_reads_each_page_by_its_own_path(ingested):
    _code, conn, _scan, text_article, clipping, project = ingested
    rows = _articles(conn, "mixed.pdf")
    flat = str.maketrans("", "", " \u3000")
    text_page = next(r for r in rows if (r[1] or "").translate(flat) == text_article[0].translate(flat))
    scanned = next(r for r in rows if character_accuracy(clipping.headlines[0].translate(flat), (r[1] or "").translate(flat)) > 0.8)
    assert text_page[0] < scanned[0]  # page order
    assert text_page[4] is None and scanned[4] is not None  # only the scanned page is OCR
    assert character_accuracy("".join(text_article[1]), text_page[3]) > 0.99  # the text layer, exactly
    _total, broken = _whole(clipping.paragraphs, scanned[3])
    assert broken == []
    doc = conn.execute("SELECT id FROM documents WHERE path LIKE '%mixed.pdf'").fetchone()[0]
    assert [p for (p,) in conn.execute("SELECT page FROM page_images WHERE document_id = ?", (doc,))] == [2]

    from explorer.services import query, scans
    from explorer.store.project import Project

    with Project.open(project, create=False) as opened:
        record = query.article(opened, scanned[0])
        assert record.ocr is not None and record.ocr.pages == (2,) and record.ocr.region_pages == (2,)
        assert scans.page_image(opened, record.ocr.document_id, 2).data[:2] == b"\xff\xd8"  # JPEG
        assert query.article(opened, text_page[0]).ocr is None


# --- small pages: progress, cancel, the (cid:) text layer ---------------------------

def _lines_image(lines: list[str], size=(900, 140)) -> Image.Image:
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), 30)
    for n, line in enumerate(lines):
        draw.text((30, 20 + n * 50), line, font=font, fill="black")
    return image


SMALL = [["本报讯 市工信局近日公布名单。", "我市三家企业入选省级名单。"],
         ["记者从市发展改革委获悉。", "全市重点项目进展顺利。"],
         ["高新区新建两座标准厂房。", "园区企业订单排到六月。"]]


def _tiff(path: Path) -> Path:
    frames = [_lines_image(lines) for lines in SMALL]
    frames[0].save(path, save_all=True, append_images=frames[1:])
    return path


def _project(tmp_path):
    from explorer.store.project import Project

    return Project.open(tmp_path / "p.db")


def test_a_multipage_scan_reports_progress_page_by_page(tmp_path):
    from explorer.services import ingest

    seen: list[tuple[float, str]] = []
    with _project(tmp_path) as project:
        report = ingest.run(project, [_tiff(tmp_path / "issue.tif")], IngestOptions(), TaskState(lambda f, m: seen.append((f, m))))
        assert report.totals()["stored"] == 1
        pages = [r[0] for r in project.reader().execute("SELECT page FROM page_images ORDER BY page")]
    assert pages == [1, 2, 3]
    ocr = [(f, m) for f, m in seen if "OCR" in m]
    assert [m.rsplit(" ", 1)[-1] for _f, m in ocr] == ["0/3", "1/3", "2/3", "3/3"]
    fractions = [f for f, _m in seen]
    assert fractions == sorted(fractions) and 0.3 < ocr[1][0] < 0.4


def test_cancel_during_ocr_stores_nothing_of_that_file(tmp_path):
    from explorer.services import ingest

    text = tmp_path / "a.txt"
    text.write_text("本报讯 市工信局公布名单，我市三家企业入选。\n", encoding="utf-8")
    states: list[TaskState] = []

    def cancel_after_page_1(_fraction: float, message: str) -> None:
        if message.endswith("OCR 1/3"):
            states[0].cancel()

    state = TaskState(cancel_after_page_1)
    states.append(state)
    with _project(tmp_path) as project:
        report = ingest.run(project, [text, _tiff(tmp_path / "issue.tif")], IngestOptions(), state)
        assert report.cancelled
        conn = project.reader()
        assert [Path(p).name for (p,) in conn.execute("SELECT path FROM documents")] == ["a.txt"]
        assert conn.execute("SELECT count(*) FROM page_images").fetchone()[0] == 0


def test_a_text_layer_of_cid_codes_counts_as_none_and_is_read_by_ocr(tmp_path):
    """Issue 13, D19: unmapped glyph codes are not text."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("wqy", str(FONT), subfontIndex=0))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(420, 120), pageCompression=0)
    pdf.setFont("wqy", 16)
    pdf.drawString(20, 80, "记者从市发展改革委获悉。")
    pdf.drawString(20, 50, "全市重点项目进展顺利。")
    pdf.showPage()
    pdf.save()
    path = tmp_path / "cid.pdf"
    path.write_bytes(buffer.getvalue().replace(b"/ToUnicode", b"/ToUnicodX"))  # no Unicode map: (cid:N) text
    document = read_document(path, IngestOptions())
    assert "(cid:" not in document.text and document.ocr is not None
    assert character_accuracy("记者从市发展改革委获悉。全市重点项目进展顺利。", document.text) > 0.9


def test_cid_share_and_which_pages_need_ocr():
    assert cid_share("(cid:12)(cid:13)(cid:14) 1") == 0.75
    assert cid_share("市工信局公布名单") == 0.0
    assert needs_ocr(TextLayerPage("(cid:1)(cid:2)(cid:3)年", picture=False))
    assert needs_ocr(TextLayerPage("第3版", picture=True))  # a scan with a stray text line
    assert not needs_ocr(TextLayerPage("第3版", picture=False))  # a blank page: nothing to read
    assert not needs_ocr(TextLayerPage("市工信局公布名单，我市三家企业入选省级专精特新中小企业。", picture=True))


def test_an_ocr_split_carries_confidence_and_regions_per_article(tmp_path):
    path = tmp_path / "clip.png"
    _lines_image(SMALL[0]).save(path)
    document = read_document(path, IngestOptions())
    assert document.media_type == "image/png" and 0.8 < document.ocr.confidence <= 1.0
    (article,) = split_articles(document, IngestOptions())
    assert article.ocr is not None and article.ocr.regions
    assert {page for page, _box in article.ocr.regions} == {1}


# --- bad input ----------------------------------------------------------------------

def _png_header(width: int, height: int) -> bytes:
    """A PNG whose header claims width x height (nothing is decoded before the check)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00")) + chunk(b"IEND", b"")


def test_a_20000_square_image_is_refused_before_decoding(tmp_path):
    path = tmp_path / "huge.png"
    path.write_bytes(_png_header(20_000, 20_000))
    with pytest.raises(BrokenImageError, match="400000000 pixels, over the 80 MP limit"):
        read_document(path, IngestOptions())


def test_a_corrupt_image_is_a_typed_error(tmp_path):
    path = tmp_path / "broken.jpg"
    buffer = io.BytesIO()
    _lines_image(SMALL[0]).save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue()[:400])  # cut short
    with pytest.raises(BrokenImageError, match="broken.jpg"):
        read_document(path, IngestOptions())
    path.write_bytes(b"this is not a picture at all")
    with pytest.raises(BrokenImageError):
        read_document(path, IngestOptions())


def test_a_zero_page_pdf_is_a_typed_error(tmp_path):
    body = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    out = b"%PDF-1.4\n"
    offsets = []
    for n, obj in enumerate(body, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 3\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    path = tmp_path / "empty.pdf"
    path.write_bytes(out)
    with pytest.raises(BrokenPdfError, match="no pages"):
        read_document(path, IngestOptions())


def test_image_files_are_inputs():
    assert IMAGE_SUFFIXES <= SUPPORTED_SUFFIXES
