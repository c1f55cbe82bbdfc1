"""Saved news web pages -> headline, date and article text.

Main text, title and date come from trafilatura (maintained, Apache-2.0),
which knows far more site layouts than a hand-written extractor; the
project's own lxml rules (html_fallback) serve pages too small for it and
drop what it keeps of a 来源/时间 line. On top sits what only a newspaper
reader knows: a headline that repeats the site name loses the suffix, an
e-edition layout page (版面) is not an article (web_edition), and the bytes,
not the <meta charset>, decide the encoding.

The result is "headline\\n\\nparagraph\\n\\n...", which the segmenter reads as
one headline-first article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from explorer.errors import EmptyFileError, LayoutPageError
from explorer.ingest import html_fallback
from explorer.ingest.decoding import decode_bytes

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_TITLE_SEPARATORS = re.compile(r"\s*[_|｜]\s*|\s+[-–—]{1,2}\s+")  # never a bare —— (a headline's own dash)
# Lines of page furniture that survive extraction on some sites.
_FURNITURE_LINE = re.compile(
    r"^(?:调整字体|字体[:：]?\s*[大中小]|【?字号[:：]?|[【\[]?\s*(?:打印|关闭|收藏|纠错)|分享到|扫一扫|点击进入|全部导航|"
    r"上一篇|下一篇|返回顶部|责任编辑|编辑[:：]|来源[:：]|作者[:：]|当前位置|网站地图|版权所有).{0,60}$"
)


@dataclass
class HtmlPage:
    text: str
    encoding: str
    headline: str | None
    date: str | None
    site: str | None


def decode_html(data: bytes, path: str) -> tuple[str, str]:
    """The bytes decide: a BOM, then strict UTF-8 (pages that declare GB2312
    are often stored as UTF-8), then the declared charset, then detection."""
    if not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
        match = _META_CHARSET.search(data[:4096])
        if match:
            declared = match.group(1).decode("ascii").lower()
            declared = "gb18030" if declared in ("gb2312", "gbk", "gb18030") else declared
            try:
                return data.decode(declared), declared
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong declaration: fall back to detection
    return decode_bytes(data, path)


MAX_DEPTH_FOR_TRAFILATURA = 300  # deeper pages go to the project's iterative rules


def parse_html(text: str):
    """An lxml tree without the 255-level nesting limit (deep pages lose no
    text); markup with no document at all is an empty page."""
    import lxml.etree
    import lxml.html

    parser = lxml.html.HTMLParser(huge_tree=True, remove_comments=True)
    try:
        return lxml.html.document_fromstring(text.lstrip("\ufeff"), parser=parser)
    except (lxml.etree.ParserError, ValueError):
        raise EmptyFileError("", "the web page holds no document") from None


def _deeper_than(tree, limit: int) -> bool:
    stack = [(tree, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in node)
    return False


def clean_headline(title: str | None, site: str | None) -> str | None:
    """"冠县召开会议_某某新闻网" -> "冠县召开会议": drop a site-name suffix or prefix."""
    if not title:
        return None
    title = title.strip()
    if site and title != site:
        title = re.sub(rf"^\s*{re.escape(site)}\s*[-–—_|｜:：]*\s*|\s*[-–—_|｜]*\s*{re.escape(site)}\s*$", "", title)
    parts = [p.strip() for p in _TITLE_SEPARATORS.split(title) if p.strip()]
    return max(parts, key=len) if parts else None  # "headline_section_site": the headline is the longest


def _trafilatura(tree):
    import trafilatura

    try:
        return trafilatura.bare_extraction(
            tree, with_metadata=True, include_comments=False, include_tables=False,
            favor_precision=True, date_extraction_params={"extensive_search": True, "original_date": True},
        )
    except Exception:  # noqa: BLE001 - a parser failure on odd markup means: use our own rules
        return None


def _body_lines(text: str, headline: str | None) -> list[str]:
    lines = [re.sub(r"\s+", " ", line).strip() for line in text.split("\n")]
    lines = [ln for ln in lines if ln and not _FURNITURE_LINE.match(ln) and not html_fallback.is_info_line(ln)]
    if headline and lines and lines[0] == headline:
        lines = lines[1:]
    return lines


_HEADING_HINT = re.compile(r"title|tit\b|headline|font01|biaoti|bt\b", re.IGNORECASE)


def _heading_texts(tree) -> list[str]:
    """Texts of heading-like elements in page order (h1–h3, or a title class)."""
    texts = []
    for node in tree.iter():
        if not isinstance(node.tag, str) or node.tag in ("title", "head", "meta", "script", "style"):
            continue
        if node.tag in ("h1", "h2", "h3") or _HEADING_HINT.search(f"{node.get('class', '')} {node.get('id', '')}"):
            text = re.sub(r"\s+", " ", node.text_content()).strip()
            if 4 <= len(text) <= 80:
                texts.append(text)
    return texts


def choose_headline(tree, meta: dict[str, str], extracted_title: str | None, site: str | None) -> str | None:
    """The page's own heading that the <title> or a title meta repeats; else
    the title meta, the first <h1>, trafilatura's title or the <title>, each
    without the site name. A navigation heading (全部导航) is in no title."""
    titles = [t for t in (meta.get("articletitle"), meta.get("og:title"), meta.get("title"),
                          tree.findtext(".//title"), extracted_title) if t]
    for text in _heading_texts(tree):
        if any(text in t for t in titles):
            return text
    h1 = tree.find(".//h1")
    first = meta.get("articletitle") or (h1.text_content().strip() if h1 is not None else None)
    return clean_headline(first or extracted_title or tree.findtext(".//title"), site)


def extract_page(text: str, encoding: str) -> HtmlPage:
    """Headline, date, site and main text of one decoded page."""
    tree = parse_html(text)
    meta = html_fallback.page_meta(tree)
    deep = _deeper_than(tree, MAX_DEPTH_FOR_TRAFILATURA)  # trafilatura recurses: keep it to ordinary pages
    result = None if deep else _trafilatura(parse_html(text))  # it prunes the tree it is given
    site = meta.get("og:site_name") or meta.get("application-name") or getattr(result, "sitename", None)
    headline = choose_headline(tree, meta, getattr(result, "title", None), site)
    lines = _body_lines(result.text, headline) if result is not None and result.text else []
    if sum(len(line) for line in lines) < 20:
        lines = html_fallback.fallback_paragraphs(parse_html(text), headline)
    date = (html_fallback.meta_date(meta) or html_fallback.date_near_headline(tree, headline, lines[0] if lines else None)
            or getattr(result, "date", None))
    blocks = ([headline] if headline else []) + lines
    return HtmlPage("\n\n".join(blocks), encoding, headline, date, site)


def read_html(data: bytes, path: str) -> HtmlPage:
    """One saved article page. A layout page (版面) is refused with a typed
    error: its articles are files of their own (see web_edition)."""
    from explorer.ingest import web_edition

    text, encoding = decode_html(data, path)
    try:
        tree = parse_html(text)
    except EmptyFileError:
        raise EmptyFileError(path, "the web page holds no document") from None
    links = web_edition.article_links(tree)
    if web_edition.is_layout_page(tree, links):
        raise LayoutPageError(path, f"layout page: {len(links)} articles linked, not included")
    page = extract_page(text, encoding)
    if not page.text.strip():
        raise EmptyFileError(path, "the web page holds no article text")
    return page
