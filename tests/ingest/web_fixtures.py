"""Saved news pages shaped like real Chinese news sites (invented text).

Each layout carries what real pages carry around the article: navigation,
a source/time line, share bars, related news, comments, a footer. The
expected headline, date and first/last body lines are stated beside each.
"""

from __future__ import annotations

from dataclasses import dataclass

BODY = (
    "本报讯（记者 林晓 通讯员 赵一鸣）5月5日，青川县召开重点项目建设推进会。",
    "会议指出，华兴精密机械有限公司年产8万套零部件项目已完成主体施工。",
    "据了解，全县今年共有省重点项目12个，总投资86亿元。",
)


@dataclass(frozen=True)
class WebPage:
    name: str
    html: str
    headline: str
    date: str
    encoding: str = "utf-8"


def _paragraphs(tag: str = "p") -> str:
    return "".join(f"<{tag}>{line}</{tag}>" for line in BODY)


NAV = ('<div class="nav"><a href="/">首页</a><a href="/a">时政</a><a href="/b">全部导航</a>'
       '<a href="/c">专题</a></div>')
RELATED = ('<div class="related"><h3>相关新闻</h3><ul><li><a href="/n/1.html">青川县举行招商推介会活动取得成果</a></li>'
           '<li><a href="/n/2.html">点击进入更多新闻>></a></li></ul></div>')
COMMENTS = '<div class="comment"><h4>网友评论</h4><p>网友甲：点赞家乡发展越来越好！</p></div>'
FOOTER = '<div class="footer"><p>版权所有 青川新闻网 备案号12345678</p><p>联系我们 网站地图</p></div>'

PORTAL = WebPage(  # a national portal: h1, 来源 line, share bar, 责编 line
    "portal.html",
    '<html><head><meta charset="utf-8"><title>青川县召开重点项目建设推进会--地方--人民网</title>'
    '<meta name="publishdate" content="2023-05-06"></head><body>' + NAV +
    '<div class="col_w660"><h1>青川县召开重点项目建设推进会</h1>'
    '<div class="box01"><div class="fl">2023年05月06日08:30 | 来源：青川日报</div>'
    '<div class="fr">分享到：微信 微博</div></div><div class="rm_txt_con">' + _paragraphs() +
    '<div class="edit">(责编：王五、李六)</div></div></div>' + RELATED + COMMENTS + FOOTER + "</body></html>",
    "青川县召开重点项目建设推进会", "2023-05-06",
)

GOV_TRS = WebPage(  # a government site on TRS: ArticleTitle/PubDate metas, TRS_Editor body, font-size tools
    "gov.htm",
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
    '<meta name="ArticleTitle" content="青川县召开重点项目建设推进会"><meta name="PubDate" content="2023-05-06 09:12">'
    '<title>青川县人民政府</title></head><body>' + NAV +
    '<div class="position">当前位置：首页 > 政务动态</div><div class="article"><div class="title">'
    '<h2>青川县召开重点项目建设推进会</h2></div><div class="info">发布时间：2023-05-06 来源：县发改局 '
    '【字体：大 中 小】 【打印】 【关闭】</div><div class="TRS_Editor">' + _paragraphs() +
    '</div></div>' + FOOTER + "</body></html>",
    "青川县召开重点项目建设推进会", "2023-05-06",
)

E_EDITION_ARTICLE = WebPage(  # a paper's e-edition article page: tables, founder tags, date in the page
    "content_12345.htm",
    '<html><head><meta charset="utf-8"><title>青川日报数字报-青川县召开重点项目建设推进会</title>'
    '<meta name="description" content="青川日报"></head><body><table><tr><td class="dh">'
    '<a href="node_01.htm">第01版：要闻</a> 2023年05月06日</td></tr><tr><td>'
    '<table><tr><td class="font01">青川县召开重点项目建设推进会</td></tr>'
    '<tr><td><founder-content>' + _paragraphs() + "</founder-content></td></tr></table>"
    '</td></tr><tr><td><a href="content_12344.htm">上一篇</a> <a href="content_12346.htm">下一篇</a>'
    "</td></tr></table>" + FOOTER + "</body></html>",
    "青川县召开重点项目建设推进会", "2023-05-06",
)

GB_OVER_UTF8 = WebPage(  # declares GB2312, stored as UTF-8 (common after a CMS migration)
    "declared_gb2312.html",
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
    '<title>青川县召开重点项目建设推进会_青川新闻网</title></head><body>' + NAV +
    '<div class="main"><div class="tit"><h1>青川县召开重点项目建设推进会</h1></div>'
    '<div class="time">2023-05-06 10:20:11 来源：青川新闻网 调整字体 大 中 小</div>'
    '<div id="content">' + _paragraphs() + "</div></div>" + RELATED + FOOTER + "</body></html>",
    "青川县召开重点项目建设推进会", "2023-05-06",
)

MODERN = WebPage(  # a modern CMS: <article>, JSON-LD date, og:site_name, a comment block
    "modern.html",
    '<html><head><meta charset="utf-8"><meta property="og:site_name" content="青川观察">'
    '<meta property="og:title" content="青川县召开重点项目建设推进会 | 青川观察">'
    '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2023-05-06T07:45:00+08:00"}'
    "</script><title>青川县召开重点项目建设推进会 | 青川观察</title></head><body><header>" + NAV +
    '</header><main><article><h1>青川县召开重点项目建设推进会</h1><div class="meta">青川观察 2023-05-06</div>' +
    _paragraphs() + '<div class="share-bar">分享 收藏</div></article></main>' + COMMENTS +
    "<footer>" + FOOTER + "</footer></body></html>",
    "青川县召开重点项目建设推进会", "2023-05-06",
)

LAYOUTS = (PORTAL, GOV_TRS, E_EDITION_ARTICLE, GB_OVER_UTF8, MODERN)


def layout_page(article_files: list[str]) -> str:
    """An e-edition 版面 page: the page image map and a headline list."""
    areas = "".join(f'<area shape="rect" coords="0,0,10,10" href="{f}">' for f in article_files)
    items = "".join(f'<li><a href="{f}">青川县第{i + 1}条新闻标题文字</a></li>' for i, f in enumerate(article_files))
    return ('<html><head><meta charset="utf-8"><title>青川日报数字报</title></head><body>'
            '<div><a href="node_02.htm">下一版</a> 第01版：要闻</div><img usemap="#m" src="p1.jpg">'
            f'<map name="m">{areas}</map><ul>{items}</ul></body></html>')
