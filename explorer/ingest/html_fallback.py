"""The project's own lxml extractor, used when trafilatura finds no main text
(very small pages) and for the pieces trafilatura does not give: a page date
printed under the headline and the 来源 lines to drop.

Page furniture (nav, header, footer, aside, script, forms, share and
"相关新闻" blocks) is removed, then the article body is the <article>
element, an element whose id/class says content, or else the element with
the most paragraph text. The result is "headline\\n\\nparagraph\\n\\n...",
which the segmenter reads as one headline-first article.
"""

from __future__ import annotations

import re

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


def _text_of(element) -> str:
    """Text in document order, a line break around block elements; comments
    skipped. Iterative: a page nested thousands of levels deep must not
    exhaust the stack."""
    from lxml import etree

    parts: list[str] = []
    for event, node in etree.iterwalk(element, events=("start", "end")):
        element_node = isinstance(node.tag, str)
        block = element_node and node.tag in _BLOCKS
        if event == "start":
            if block:
                parts.append("\n")
            if element_node:
                parts.append(node.text or "")
        else:
            if block:
                parts.append("\n")
            if node is not element:
                parts.append(node.tail or "")
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


def page_meta(root) -> dict[str, str]:
    """<meta> name/property/itemprop -> content (the first of each)."""
    meta: dict[str, str] = {}
    for node in root.iter("meta"):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").lower()
        if key and node.get("content"):
            meta.setdefault(key, node.get("content").strip())
    return meta


def meta_date(meta: dict[str, str]) -> str | None:
    for key in _DATE_META:
        if key in meta and (m := _ISO.search(meta[key])):
            return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    return None


def fallback_headline(root) -> str | None:
    title = root.findtext(".//title") or ""
    h1 = root.find(".//h1")
    return (h1.text_content() if h1 is not None else "").strip() or re.split(r"\s*[-_|–—]{1,2}\s*", title.strip())[0] or None


def date_near_headline(root, headline: str | None, first_line: str | None = None) -> str | None:
    """A date printed around the headline: in the lines above the body's first
    line (an e-edition's 版次 bar) or just under the headline (来源/时间 line)."""
    text = root.text_content()
    if first_line and (end := text.find(first_line[:20])) > 0:
        head = text[:end]
        if headline and headline in head:
            head = head[: head.find(headline) + len(headline) + 300]
        for match in reversed(list(_ISO.finditer(head))):
            if (found := _valid(match)) is not None:
                return found
    return _date_near(text, headline) if headline else None


def _valid(match: re.Match) -> str | None:
    year, month, day = (int(g) for g in match.groups())
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None


def _drop_furniture(root) -> None:
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


def fallback_paragraphs(root, headline: str | None) -> list[str]:
    """The article's paragraphs by the project's own rules (changes `root`)."""
    _drop_furniture(root)
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
    return [p for p in paragraphs if not is_info_line(p)]


def is_info_line(line: str) -> bool:
    """The source/time/author line under a headline."""
    return bool(_INFO_LINE.match(line))
