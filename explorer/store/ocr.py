"""OCR provenance in the project: the confidence of a document read by OCR,
each article's confidence, low-confidence stretches and page regions, and
the page pictures the reader shows beside the text.

The pictures are stored in the project (a grey JPEG of about 150 KB per
page), not as a path to the scan: the reader still shows them after the
scans are moved, and they are written in the same transaction as the
document's articles, so an ingest that stops half-way leaves neither.
"""

from __future__ import annotations

import json
import sqlite3

from explorer.core.models import Article, Document
from explorer.core.ocr import ArticleOcr, ArticleOcrView, PageImage


def migrate_011(db) -> None:
    """011_ocr: documents.ocr_confidence, articles.ocr (JSON), page_images.
    Statements one by one: nothing here commits."""
    for sql in (
        "ALTER TABLE documents ADD COLUMN ocr_confidence REAL",  # NULL: no page was read by OCR
        "ALTER TABLE articles ADD COLUMN ocr TEXT",  # NULL: not OCR'd; else {"confidence", "low", "regions"}
        ("CREATE TABLE page_images (document_id INTEGER NOT NULL, page INTEGER NOT NULL, width INTEGER NOT NULL, "
         "height INTEGER NOT NULL, confidence REAL, image BLOB NOT NULL, PRIMARY KEY (document_id, page))"),
    ):
        db.execute(sql)


def store_pages(conn: sqlite3.Connection, document_id: int, document: Document) -> None:
    """The document's OCR confidence and page pictures (replacing older ones)."""
    conn.execute("DELETE FROM page_images WHERE document_id = ?", (document_id,))
    provenance = document.ocr
    confidence = provenance.confidence if provenance is not None else None
    conn.execute("UPDATE documents SET ocr_confidence = ? WHERE id = ?", (confidence, document_id))
    for page in provenance.pages if provenance is not None else ():
        conn.execute(
            "INSERT INTO page_images(document_id, page, width, height, confidence, image) VALUES (?,?,?,?,?,?)",
            (document_id, page.page, page.width, page.height, page.confidence, page.data),
        )


def remove_pages(conn: sqlite3.Connection, document_id: int) -> None:
    conn.execute("DELETE FROM page_images WHERE document_id = ?", (document_id,))


def article_json(article: Article) -> str | None:
    if article.ocr is None:
        return None
    ocr = article.ocr
    return json.dumps({
        "confidence": round(ocr.confidence, 4),
        "low": [list(s) for s in ocr.low],
        "regions": [[page, *(round(v, 5) for v in box)] for page, box in ocr.regions],
    })


def parse_article_json(text: str | None) -> ArticleOcr | None:
    if not text:
        return None
    data = json.loads(text)
    return ArticleOcr(
        float(data.get("confidence", 0.0)),
        tuple((int(a), int(b)) for a, b in data.get("low", ())),
        tuple((int(r[0]), (float(r[1]), float(r[2]), float(r[3]), float(r[4]))) for r in data.get("regions", ())),
    )


def article_view(conn: sqlite3.Connection, article_id: int) -> ArticleOcrView | None:
    """What the reader needs to show an article's OCR provenance (None: not OCR'd)."""
    row = conn.execute(
        "SELECT a.ocr, a.document_id, d.ocr_confidence FROM articles a JOIN documents d ON d.id = a.document_id "
        "WHERE a.id = ?",
        (article_id,),
    ).fetchone()
    if row is None or row[0] is None:
        return None
    ocr = parse_article_json(row[0])
    assert ocr is not None
    pages = tuple(r[0] for r in conn.execute(
        "SELECT page FROM page_images WHERE document_id = ? ORDER BY page", (row[1],)
    ))
    return ArticleOcrView(row[1], ocr.confidence, row[2] or 0.0, ocr.low, ocr.regions, pages)


def page_image(conn: sqlite3.Connection, document_id: int, page: int) -> PageImage | None:
    row = conn.execute(
        "SELECT page, width, height, image, confidence FROM page_images WHERE document_id = ? AND page = ?",
        (document_id, page),
    ).fetchone()
    if row is None:
        return None
    return PageImage(row[0], row[1], row[2], bytes(row[3]), row[4] or 0.0)
