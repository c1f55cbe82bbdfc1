"""E-edition layout pages (版面): the page of a paper's web edition that lists
its articles (node_01.html: a page image with an <area> per article and a
list of headlines) rather than holding one.

Such a page is not an article, so reading it alone is refused with a clear
error ("layout page: N articles linked, not included"). Where the linked
article files were saved beside it, the import reads those instead: the
input list expands a layout page into its articles, once each, so a folder
holding both the layout page and its articles gives every article once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

_ARTICLE_HREF = re.compile(r"\.s?html?$", re.IGNORECASE)
_CJK = re.compile(r"[\u4e00-\u9fff]")
_LAYOUT_NAME = re.compile(r"^(?:node|layout|bm|banmian|page)_?\d+\.s?html?$", re.IGNORECASE)
_QUICK_HREF = re.compile(rb"""href\s*=\s*["']?[^"'\s>]+\.s?html?""", re.IGNORECASE)
MIN_LINKS = 3


def _local_target(href: str) -> str | None:
    """The relative file an article link points to, or None for other links."""
    parts = urlsplit(href.strip())
    if parts.scheme or parts.netloc or not _ARTICLE_HREF.search(parts.path):
        return None
    return unquote(parts.path)


def article_links(tree) -> list[str]:
    """Distinct local .htm(l) targets of links that carry a headline-like text
    (or an <area> of the page image), in page order."""
    targets: dict[str, None] = {}
    for node in tree.iter("a", "area"):
        target = _local_target(node.get("href") or "")
        if target is None:
            continue
        label = node.text_content() if node.tag == "a" else (node.get("alt") or node.get("title") or "headline")
        if node.tag == "area" or len(_CJK.findall(label)) >= 5:
            targets.setdefault(target, None)
    return list(targets)


def _text_outside_links(tree) -> int:
    body = tree.find(".//body")
    if body is None:
        return 0
    total = len(_CJK.findall(body.text_content()))
    in_links = sum(len(_CJK.findall(a.text_content())) for a in body.iter("a"))
    scripts = sum(len(_CJK.findall(s.text_content())) for s in body.iter("script", "style"))
    return total - in_links - scripts


def is_layout_page(tree, links: list[str]) -> bool:
    """Many article links and little text of its own: a table of contents."""
    return len(links) >= MIN_LINKS and _text_outside_links(tree) < max(200, 10 * len(links))


def _linked_files(path: Path) -> list[Path] | None:
    """The article files beside a layout page, or None when it is not one."""
    try:
        data = path.read_bytes()
    except OSError:
        return None  # reading it later reports the problem
    if len(_QUICK_HREF.findall(data[:2_000_000])) < MIN_LINKS and not _LAYOUT_NAME.match(path.name):
        return None
    from explorer.ingest.html import decode_html, parse_html

    try:
        tree = parse_html(decode_html(data, str(path))[0])
    except Exception:  # noqa: BLE001 - undecodable or unparsable: the reader says why
        return None
    links = article_links(tree)
    if not is_layout_page(tree, links):
        return None
    found = [path.parent / link for link in links]
    return [p for p in found if p.is_file() and p.resolve() != path.resolve()]


def expand_layout_pages(paths: Iterable[Path]) -> Iterator[Path]:
    """Each path once; a web page that is a layout page with its articles
    saved beside it stands for those articles (one without them is kept, and
    reading it says why nothing was included)."""
    seen: set[Path] = set()
    for path in paths:
        linked = _linked_files(path) if path.suffix.lower() in (".html", ".htm", ".shtml") else None
        for item in linked or [path]:
            key = item.resolve() if item.exists() else item
            if key not in seen:
                seen.add(key)
                yield item
