"""Readers: encodings, PDF reading order, web pages, folders, metadata."""

from __future__ import annotations

import hashlib

import pytest

from explorer.ingest import SUPPORTED_SUFFIXES, iter_input_files, read_document, split_articles
from explorer.settings import IngestOptions

SIMPLIFIED = (
    "本报讯（记者 张三）近日，聊城市东昌府区举办招聘会，共有120家企业参加，提供就业岗位3000余个。"
    "活动现场，求职者络绎不绝，企业负责人耐心解答问题。"
)
TRADITIONAL = "本報訊（記者 張三）近日，聊城市東昌府區舉辦招聘會，共有120家企業參加，提供就業崗位3000餘個。"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gbk", "gb18030"])
def test_simplified_text_round_trips(tmp_path, encoding):
    path = tmp_path / f"page-{encoding}.txt"
    data = SIMPLIFIED.encode(encoding)
    path.write_bytes(data)
    document = read_document(path, IngestOptions())
    assert document.text.lstrip("\ufeff") == SIMPLIFIED
    assert document.content_hash == hashlib.sha256(data).hexdigest()


def test_big5_is_detected_and_simplified(tmp_path):
    path = tmp_path / "big5.txt"
    path.write_bytes((TRADITIONAL * 3).encode("big5"))
    document = read_document(path, IngestOptions())
    assert document.text.startswith(TRADITIONAL)
    assert document.encoding.replace("_", "").startswith("big5")
    articles = split_articles(document, IngestOptions(to_simplified=True))
    assert "聊城市东昌府区" in articles[0].text
    kept = split_articles(document, IngestOptions(to_simplified=False))
    assert "聊城市東昌府區" in kept[0].text


def test_utf8_is_preferred_when_it_decodes(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_bytes("聊城".encode())  # short: a detector could call it anything
    assert read_document(path, IngestOptions()).encoding == "utf-8"


def test_metadata_from_options_and_file_name(tmp_path):
    path = tmp_path / "聊城日报_2022-01-05_A03.txt"
    path.write_text(SIMPLIFIED, encoding="utf-8")
    document = read_document(path, IngestOptions(home_city="临清市"))
    assert (document.date, document.page, document.home_city) == ("2022-01-05", "A03", "临清市")
    given = read_document(path, IngestOptions(date="2021-12-31", source="聊城日报"))
    assert (given.date, given.source) == ("2021-12-31", "聊城日报")
    compact = tmp_path / "20220106.txt"
    compact.write_text(SIMPLIFIED, encoding="utf-8")
    assert read_document(compact, IngestOptions()).date == "2022-01-06"


def test_masthead_gives_paper_date_and_page(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("聊城日报\n2022年1月5日 星期三 第3版\n\n" + SIMPLIFIED, encoding="utf-8")
    document = read_document(path, IngestOptions())
    assert (document.source, document.date, document.page) == ("聊城日报", "2022-01-05", "3")


def test_folders_are_walked_sorted_and_filtered(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ("b/2.txt", "a.html", "b/1.pdf", "notes.docx", ".hidden/x.txt", ".y.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    single = tmp_path / "notes.docx"
    found = list(iter_input_files([tmp_path, single]))
    assert found == [tmp_path / "a.html", tmp_path / "b/1.pdf", tmp_path / "b/2.txt", single]
    assert SUPPORTED_SUFFIXES == {".txt", ".pdf", ".html", ".htm", ".png", ".jpg", ".jpeg", ".tif", ".tiff"}  # scans: OCR


def _pdf(path, draw):
    pytest.importorskip("reportlab")
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=(600, 800))
    draw(pdf)
    pdf.save()


def test_pdf_columns_come_out_in_reading_order(tmp_path):
    path = tmp_path / "columns.pdf"
    left = [f"Left column sentence number {i} continues here" for i in range(12)]
    right = [f"Right column sentence number {i} continues here" for i in range(12)]

    def draw(pdf):
        pdf.setFont("Helvetica", 9)
        for i, (a, b) in enumerate(zip(left, right, strict=True)):
            pdf.drawString(40, 700 - 12 * i, a)
            pdf.drawString(320, 700 - 12 * i, b)

    _pdf(path, draw)
    document = read_document(path, IngestOptions())
    assert document.media_type == "application/pdf"
    text = document.text
    positions = [text.index(line) for line in left + right]
    assert positions == sorted(positions)  # the whole left column before the right one


def test_pdf_chinese_text(tmp_path):
    path = tmp_path / "chinese.pdf"

    def draw(pdf):
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont

        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        pdf.setFont("STSong-Light", 12)
        pdf.drawString(72, 700, "本报讯（记者 张三）聊城市召开会议。")
        pdf.drawString(72, 600, "聊城市召开会议")

    _pdf(path, draw)
    document = read_document(path, IngestOptions())
    assert "聊城市召开会议。" in document.text.replace(" ", "")
    articles = split_articles(document)
    assert [a.headline for a in articles] == ["聊城市召开会议"]


NEWS_PAGE = """<!DOCTYPE html><html><head>
<meta charset="gbk"><title>临清市举办招聘会 - 聊城新闻网</title>
<meta property="og:site_name" content="聊城新闻网">
<meta name="publishdate" content="2022-01-05 08:30">
<style>p {{ color: red }}</style><script>var x = "脚本";</script></head>
<body><header><div class="logo">聊城新闻网</div></header>
<nav><a href="/">首页</a><a href="/n">本地新闻</a></nav>
<div class="main"><div id="content" class="article">
<h1>临清市举办招聘会</h1>
<p>本报讯（记者 张三）1月4日，临清市举办招聘会，共有120家企业参加。</p>
<p>活动现场，求职者络绎不绝。</p>
<div class="related"><h3>相关新闻</h3><ul><li><a>冠县开展活动</a></li></ul></div>
</div><aside>热门排行 东阿县新闻</aside></div>
<footer>版权所有 聊城新闻网</footer></body></html>"""


@pytest.mark.parametrize("encoding", ["gbk", "utf-8"])
def test_web_page_keeps_only_the_article(tmp_path, encoding):
    html = NEWS_PAGE.replace("{{", "{").replace("}}", "}").replace('charset="gbk"', f'charset="{encoding}"')
    path = tmp_path / "news.html"
    path.write_bytes(html.encode(encoding))
    document = read_document(path, IngestOptions())
    assert document.media_type == "text/html"
    assert (document.date, document.source) == ("2022-01-05", "聊城新闻网")
    for furniture in ("首页", "脚本", "冠县", "东阿县", "版权所有", "color"):
        assert furniture not in document.text
    articles = split_articles(document)
    assert len(articles) == 1
    assert articles[0].headline == "临清市举办招聘会"
    assert articles[0].bylines == ("张三",)
    assert articles[0].text.split("\n") == [
        "本报讯（记者 张三）1月4日，临清市举办招聘会，共有120家企业参加。",
        "活动现场，求职者络绎不绝。",
    ]


def test_web_page_date_from_the_line_under_the_headline(tmp_path):
    html = (
        "<html><head><title>冠县召开会议_聊城新闻网</title></head><body>"
        "<div class='nav'><a>首页</a></div><div class='content'>"
        "<h1>冠县召开会议</h1><div class='info'>2022年01月06日 09:12 来源：聊城日报</div>"
        "<p>本报讯（张燕）冠县召开会议</p><p>会议部署了今年的工作。</p></div></body></html>"
    )
    path = tmp_path / "page.htm"
    path.write_text(html, encoding="utf-8")
    document = read_document(path, IngestOptions())
    assert document.date == "2022-01-06"
    [article] = split_articles(document)
    assert article.headline == "冠县召开会议" and article.bylines == ("张燕",)
    assert "会议部署了今年的工作。" in article.text and "首页" not in article.raw


def test_pdf_newspaper_page_with_two_column_articles(tmp_path):
    path = tmp_path / "page.pdf"
    first = "本报讯（记者 张伟）东阿县开展植树活动，共植树一万余株。活动现场，干部群众挥锹铲土，扶苗培土。据了解，今年该县计划新增造林面积两万亩。"
    second = "本报讯（李娜）莘县蔬菜喜获丰收，菜农笑开颜。连日来，莘县各蔬菜基地迎来采收高峰，大棚内黄瓜长势喜人。"

    def draw(pdf):
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont

        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))

        def column(text, x, y):
            for k in range(0, len(text), 14):
                pdf.drawString(x, y - (k // 14) * 14, text[k : k + 14])

        for headline, body, top in (("东阿县植树一万余株", first, 740), ("莘县蔬菜喜获丰收", second, 480)):
            pdf.setFont("STSong-Light", 20)
            pdf.drawString(40, top, headline)
            pdf.setFont("STSong-Light", 11)
            half = (len(body) // 28 + 1) * 14  # fill the left column, the rest on the right
            column(body[:half], 40, top - 40)
            column(body[half:], 210, top - 40)

    _pdf(path, draw)
    articles = split_articles(read_document(path, IngestOptions()))
    assert [(a.headline, a.bylines) for a in articles] == [("东阿县植树一万余株", ("张伟",)), ("莘县蔬菜喜获丰收", ("李娜",))]
    assert [a.text.replace("\n", "") for a in articles] == [first, second]


def test_web_page_text_keeps_document_order_and_skips_comments(tmp_path):
    html = (
        "<html><head><title>标题</title></head><body><article><h1>东阿县召开会议</h1>"
        "<p>会议指出，<b>要抓好</b>落实。<!-- 注释 --></p><p>第二段<br>换行。</p></article></body></html>"
    )
    path = tmp_path / "order.html"
    path.write_text(html, encoding="utf-8")
    [article] = split_articles(read_document(path, IngestOptions()))
    assert article.headline == "东阿县召开会议"
    assert "会议指出，要抓好落实。" in article.text and "注释" not in article.text
    assert "第二段换行。" in article.text.replace("\n", "")


def test_web_page_source_line_is_dropped_and_the_opener_credit_read(tmp_path):
    page = (
        '<html><head><meta charset="utf-8"><title>冠县新闻</title></head><body>'
        "<nav>首页 | 要闻</nav><article><h1>冠县新建三座口袋公园</h1>"
        "<p>来源：聊城日报 2024-05-06 09:10</p>"
        "<p>本报讯（记者 孟晓燕 通讯员 刘一鸣）近日，冠县新建的三座口袋公园正式开放，市民休闲又添好去处。</p>"
        "<p>据介绍，公园总面积约1.2万平方米。</p></article><footer>版权所有</footer></body></html>"
    )
    path = tmp_path / "web.html"
    path.write_text(page, encoding="utf-8")
    [article] = split_articles(read_document(path, IngestOptions()), IngestOptions())
    assert article.headline == "冠县新建三座口袋公园"
    assert article.bylines == ("孟晓燕", "刘一鸣")
    assert article.text.startswith("本报讯")
    assert "来源" not in article.text
