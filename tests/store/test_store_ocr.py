"""OCR provenance in the project (migration 011_ocr): stored with the
document, replaced with it, removed with it; text documents carry none."""

from __future__ import annotations

from explorer.core import Article, ArticleAnalysis, Document
from explorer.core.ocr import ArticleOcr, OcrProvenance, PageImage
from explorer.services import documents, query, scans
from explorer.store.project import Project


def _scan(content_hash: str, pages=(1, 2)) -> tuple[Document, list[Article]]:
    images = tuple(PageImage(p, 40, 60, b"\xff\xd8jpeg-%d" % p, 0.9) for p in pages)
    document = Document("/scans/issue.pdf", "", content_hash, media_type="application/pdf",
                        ocr=OcrProvenance("RapidOCR PP-OCRv4", 0.93, 0.8, images, ()))
    article = Article("市工信局公布名单，我市三家企业入选。", headline="三家企业入选",
                      ocr=ArticleOcr(0.91, ((2, 4),), ((2, (0.1, 0.2, 0.5, 0.6)),)))
    return document, [article]


def test_a_scan_is_stored_replaced_and_removed_with_its_pages(tmp_path):
    with Project.open(tmp_path / "p.db") as project:
        document, articles = _scan("a")
        project.store_document(document, articles, [ArticleAnalysis()])
        conn = project.reader()
        (article_id,) = [r[0] for r in conn.execute("SELECT id FROM articles")]
        record = query.article(project, article_id)
        assert record.ocr.confidence == 0.91 and record.ocr.document_confidence == 0.93
        assert record.ocr.low == ((2, 4),) and record.ocr.regions == ((2, (0.1, 0.2, 0.5, 0.6)),)
        assert record.ocr.pages == (1, 2) and record.ocr.region_pages == (2,)
        assert scans.page_image(project, record.ocr.document_id, 2).data == b"\xff\xd8jpeg-2"

        document, articles = _scan("b", pages=(1,))  # the file changed: its pages are replaced
        project.store_document(document, articles, [ArticleAnalysis()])
        assert [r[0] for r in conn.execute("SELECT page FROM page_images")] == [1]

        documents.remove(project, document.path)
        assert conn.execute("SELECT count(*) FROM page_images").fetchone()[0] == 0


def test_a_text_document_has_no_ocr(tmp_path):
    with Project.open(tmp_path / "p.db") as project:
        project.store_document(Document("/pages/a.txt", "", "c"), [Article("我市三家企业入选。")], [ArticleAnalysis()])
        conn = project.reader()
        assert conn.execute("SELECT ocr_confidence FROM documents").fetchone()[0] is None
        article_id = conn.execute("SELECT id FROM articles").fetchone()[0]
        assert query.article(project, article_id).ocr is None
