"""Saved web pages: headline, date and main text on five site layouts, the
bytes deciding the charset, e-edition layout pages, saved `_files` folders
and pages nested deeper than lxml's default limit."""

from __future__ import annotations

import pytest
from web_fixtures import BODY, GB_OVER_UTF8, LAYOUTS, layout_page

from explorer.errors import LayoutPageError
from explorer.ingest import iter_input_files, read_document, split_articles
from explorer.ingest.html import clean_headline, read_html
from explorer.settings import IngestOptions

FURNITURE = ("全部导航", "分享", "相关新闻", "点击进入", "版权所有", "网友", "字体", "责编", "当前位置", "上一篇", "来源")


@pytest.mark.parametrize("page", LAYOUTS, ids=lambda p: p.name)
def test_each_layout_gives_headline_date_and_only_the_article(page):
    result = read_html(page.html.encode(page.encoding), page.name)
    assert result.headline == page.headline
    assert result.date == page.date
    assert result.text.split("\n\n") == [page.headline, *BODY]
    assert not [word for word in FURNITURE if word in result.text]


def test_a_page_read_from_disk_is_one_article_with_its_byline(tmp_path):
    page = LAYOUTS[0]
    path = tmp_path / page.name
    path.write_text(page.html, encoding="utf-8")
    document = read_document(path, IngestOptions())
    (article,) = split_articles(document)
    assert document.date == page.date and document.media_type == "text/html"
    assert article.headline == page.headline
    assert article.bylines == ("林晓", "赵一鸣")
    assert article.text.endswith("总投资86亿元。")


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_the_bytes_decide_the_charset_not_the_declaration(encoding):
    """A GB2312 declaration over UTF-8 bytes (or over real GBK bytes) reads right."""
    result = read_html(GB_OVER_UTF8.html.encode(encoding), GB_OVER_UTF8.name)
    assert result.text.split("\n\n") == [GB_OVER_UTF8.headline, *BODY]
    assert result.encoding == encoding


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("冠县召开会议_某某新闻网", None, "冠县召开会议"),
        ("某某新闻网-冠县召开会议", "某某新闻网", "冠县召开会议"),
        ("冠县召开会议 - 人民网", "人民网", "冠县召开会议"),
        ("冠县召开会议——某某新闻网", "某某新闻网", "冠县召开会议"),
        ("裂变新要素 催生新动能——东昌府区加快推动制造业创新发展", None, "裂变新要素 催生新动能——东昌府区加快推动制造业创新发展"),
    ],
)
def test_a_headline_loses_the_site_name_but_keeps_its_own_dash(title, site, expected):
    assert clean_headline(title, site) == expected


def _edition(tmp_path, with_articles: bool):
    names = ["content_1.htm", "content_2.htm", "content_3.htm"]
    (tmp_path / "node_01.htm").write_text(layout_page(names), encoding="utf-8")
    if with_articles:
        for name in names:
            (tmp_path / name).write_text(LAYOUTS[2].html, encoding="utf-8")
    return tmp_path / "node_01.htm", [tmp_path / n for n in names]


def test_a_layout_page_alone_is_refused_with_the_count(tmp_path):
    layout, _ = _edition(tmp_path, with_articles=False)
    assert list(iter_input_files([layout])) == [layout]
    with pytest.raises(LayoutPageError, match="layout page: 3 articles linked, not included"):
        read_document(layout, IngestOptions())


def test_a_layout_page_stands_for_its_articles_saved_beside_it(tmp_path):
    layout, articles = _edition(tmp_path, with_articles=True)
    assert list(iter_input_files([layout])) == articles
    # a folder walk meets the articles and the layout page: each article once
    assert list(iter_input_files([tmp_path])) == articles
    assert list(iter_input_files([layout, articles[0]])) == articles


def test_a_page_saved_with_its_files_folder(tmp_path):
    page = tmp_path / "news.html"
    page.write_text(LAYOUTS[0].html, encoding="utf-8")
    assets = tmp_path / "news_files"
    assets.mkdir()
    (assets / "ad_frame.html").write_text("<html><body><p>广告位招租热线电话</p></body></html>", encoding="utf-8")
    (assets / "style.css").write_text("body{}", encoding="utf-8")
    other = tmp_path / "notes_files"  # not beside a page of that name: an ordinary folder
    other.mkdir()
    (other / "kept.txt").write_text("正文", encoding="utf-8")
    assert list(iter_input_files([tmp_path])) == [page, other / "kept.txt"]
    (article,) = split_articles(read_document(page, IngestOptions()))
    assert article.headline == LAYOUTS[0].headline


def test_text_nested_deeper_than_255_levels_is_kept():
    deep = "<div>" * 400 + "".join(f"<p>{line}</p>" for line in BODY) + "</div>" * 400
    html = f"<html><head><meta charset='utf-8'><title>深层页面</title></head><body><h1>深层页面</h1>{deep}</body></html>"
    result = read_html(html.encode("utf-8"), "deep.html")
    assert result.text.split("\n\n")[1:] == list(BODY)
