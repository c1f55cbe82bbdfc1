"""Saved news web pages -> headline + article text, with lxml.

The page is decoded from its BOM, its <meta charset> or, failing both, the
bytes. Page furniture (nav, header, footer, aside, script, forms, share and
"相关新闻" blocks) is removed, then the article body is the <article>
element, an element whose id/class says content, or else the element with
the most paragraph text. The result is "headline\\n\\nparagraph\\n\\n...",
which the segmenter reads as one headline-first article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from explorer.ingest.decoding import decode_bytes

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "button", "select", "template", "svg")
_FURNITURE = re.compile(
    r"(^|[\s_-])(nav|navbar|menu|breadcrumb|crumb|footer|header|sidebar|side|related|recommend|share|comment|"
    r"copyright|advert|ads?|banner|toolbar|pager|pagination|hot|rank)([\s_-]|$)",
    re.IGNORECASE,
)
_RELATED_HEAD = re.compile(r"^\s*(相关新闻|相关阅读|相关链接|相关报道|延伸阅读|推荐阅读|热点推荐|热门推荐|猜你喜欢|更多新闻|责任编辑)")
_CONTENT_HINT = re.compile(r"(content|article|main|text|detail|TRS_Editor|news_?body|post)", re.IGNORECASE)
_BLOCKS = ("p", "div", "section", "li", "h2", "h3", "h4", "blockquote", "td", "br", "tr")
_DATE_META = (
    "article:published_time", "publishdate", "pubdate", "publish_date", "publishtime",
    "og:article:published_time", "date", "dc.date", "dcterms.created", "firstpublishedtime",
)
_ISO = re.compile(r"(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})")


# The source/time/author line under a headline, not article text.
_INFO_LINE = re.compile(
    r"^(.{0,40}(来源|作者|编辑|发布时间|发布日期|时间|浏览|点击|字号)\s*[：:].{0,80}"
    r"|\d{4}[-/年]\d{1,2}[-/月]\d{1,2}日?\s*\d{1,2}:\d{2}(:\d{2})?.{0,60})$"
)


@dataclass
class HtmlPage:
    text: str
    encoding: str
    headline: str | None
    date: str | None
    site: str | None


def decode_html(data: bytes, path: str) -> tuple[str, str]:
    match = _META_CHARSET.search(data[:4096])
    if match and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        declared = match.group(1).decode("ascii").lower()
        declared = "gb18030" if declared in ("gb2312", "gbk", "gb18030") else declared
        try:
            return data.decode(declared), declared
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: fall back to detection
    return decode_bytes(data, path)


def _collect(node, parts: list[str]) -> None:
    """Text in document order, a line break around block elements; comments skipped."""
    if isinstance(node.tag, str):
        block = node.tag in _BLOCKS
        if block:
            parts.append("\n")
        parts.append(node.text or "")
        for child in node:
            _collect(child, parts)
            parts.append(child.tail or "")
        if block:
            parts.append("\n")


def _text_of(element) -> str:
    parts: list[str] = []
    _collect(element, parts)
    return "".join(parts)


def _paragraphs(element) -> list[str]:
    text = _text_of(element)
    return [re.sub(r"\s+", " ", p).strip() for p in text.split("\n") if p.strip()]


def _attached(node, root) -> bool:
    """Still in the tree (not inside a block dropped earlier in this pass)."""
    while node is not None and node is not root:
        node = node.getparent()
    return node is root


def _score(element) -> int:
    return sum(len((p.text_content() or "").strip()) for p in element.findall("p"))


def _date_near(text: str, headline: str) -> str | None:
    """The date printed under the headline (来源/时间 line) when no meta gives one."""
    position = text.find(headline)
    window = text[position + len(headline) : position + len(headline) + 300] if position >= 0 else ""
    match = _ISO.search(window)
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None


def read_html(data: bytes, path: str) -> HtmlPage:
    import lxml.html

    text, encoding = decode_html(data, path)
    root = lxml.html.document_fromstring(text.lstrip("\ufeff"))
    meta = {}
    for node in root.iter("meta"):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").lower()
        if key and node.get("content"):
            meta.setdefault(key, node.get("content").strip())
    date = None
    for key in _DATE_META:
        if key in meta and (m := _ISO.search(meta[key])):
            date = f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
            break
    title = root.findtext(".//title") or ""
    h1 = root.find(".//h1")
    headline = (h1.text_content() if h1 is not None else "").strip() or re.split(r"\s*[-_|–—]{1,2}\s*", title.strip())[0] or None
    if date is None and headline:
        date = _date_near(root.text_content(), headline)
    for tag in _DROP_TAGS:
        for node in list(root.iter(tag)):
            node.drop_tree()
    for node in list(root.iter()):
        if not isinstance(node.tag, str) or not _attached(node, root):
            continue
        marker = f"{node.get('class', '')} {node.get('id', '')}"
        if _FURNITURE.search(marker) and not _CONTENT_HINT.search(node.get("id", "")):
            node.drop_tree()
        elif node.tag in ("div", "section", "h2", "h3", "h4", "p", "ul") and _RELATED_HEAD.match(node.text_content() or ""):
            # the heading of a related-news block and everything after it in its parent
            parent = node.getparent()
            for sibling in list(node.itersiblings()):
                sibling.drop_tree()
            node.drop_tree()
            if parent is not None and parent.getparent() is not None and not (parent.text_content() or "").strip():
                parent.drop_tree()
    body = root.find(".//article")
    if body is None:
        hinted = [n for n in root.iter() if isinstance(n.tag, str) and _CONTENT_HINT.search(f"{n.get('class', '')} {n.get('id', '')}")]
        hinted = [n for n in hinted if _score(n) > 0]
        candidates = hinted or [n for n in root.iter("div", "section", "td", "body") if _score(n) > 0]
        body = max(candidates, key=_score, default=root.find(".//body"))
    for h1_node in body.iter("h1") if body is not None else ():
        h1_node.drop_tree()
        break
    paragraphs = _paragraphs(body) if body is not None else []
    if headline and paragraphs and paragraphs[0] == headline:
        paragraphs = paragraphs[1:]
    paragraphs = [p for p in paragraphs if not _INFO_LINE.match(p)]
    blocks = ([headline] if headline else []) + paragraphs
    site = meta.get("og:site_name") or meta.get("application-name")
    return HtmlPage("\n\n".join(blocks), encoding, headline, date, site)
