import html
import opencc
from pages_common import E, R, SAMPLE, write_gold, check

s2t = opencc.OpenCC("s2t").convert
t2s = opencc.OpenCC("t2s").convert

STEM = "liaocheng-daily_2023-11-02_web"
title = "福泽堂入选国家级专精特新“小巨人”企业"
paras = [
    "本报讯（记者 吴佳宁 通讯员 黄志强）11月1日，记者从东阿县工信局获悉，在工业和信息化部日前公布的第五批专精特新“小巨人”企业名单中，位于东阿县铜城街道的山东福泽堂生物科技有限公司名列其中，成为该县第3家国家级专精特新“小巨人”企业。",
    "福泽堂成立于2009年，专注于中药提取物和功能性食品研发，先后获评山东省瞪羚企业、山东省“一企一技术”研发中心，拥有发明专利21项。",
    "“我们将以此为新起点，继续加大研发投入，争取三年内建成省级工程研究中心。”公司董事长陈立春说。",
    "近年来，东阿县实施“科技型企业培育工程”，全县高新技术企业数量由2020年的38家增加到目前的76家。东阿县委常委、副县长冯玉霞表示，该县将进一步落实《东阿县支持企业创新发展十条措施》，推动更多企业走专精特新发展之路。",
]
related = ["秋季农业生产进展顺利", "第三批省重点项目名单公布", "冬季供暖准备工作全面就绪", "残疾人康复服务进社区"]
nav = ["首页", "本地新闻", "经济", "社会", "文化", "图片"]

T = lambda s: html.escape(s2t(s), quote=False)
page = f"""<!DOCTYPE html>
<html lang="zh-Hant">
<head>
<meta charset="utf-8">
<title>{T(title)} - {T("示例新闻网")}</title>
</head>
<body>
<header class="site-header">
<div class="logo">{T("示例新闻网")}</div>
<nav class="main-nav">
{chr(10).join(f'<a href="/{i}.html">{T(n)}</a>' for i, n in enumerate(nav))}
</nav>
</header>
<main>
<div class="breadcrumb"><a href="/">{T("首页")}</a> &gt; <a href="/1.html">{T("本地新闻")}</a> &gt; {T("正文")}</div>
<article class="news">
<h1>{T(title)}</h1>
<div class="meta">{T("来源：本报")}　2023-11-02 08:30</div>
<div class="content">
{chr(10).join(f"<p>{T(p)}</p>" for p in paras)}
</div>
</article>
<aside class="related-news">
<h2>{T("相关新闻")}</h2>
<ul>
{chr(10).join(f'<li><a href="/news/{i}.html">{T(r)}</a></li>' for i, r in enumerate(related, 101))}
</ul>
</aside>
</main>
<footer class="site-footer">
<p>{T("本页是 explorer 项目虚构的示例新闻，按 CC0 发布。")}</p>
<p>{T("关于我们 | 联系方式 | 网站地图")}</p>
</footer>
</body>
</html>
"""
(SAMPLE / f"{STEM}.html").write_text(page, encoding="utf-8")


def Et(name, type_, canonical=None, aliases=()):
    return E(s2t(name), type_, canonical or name, [s2t(a) for a in aliases])


entities = [
    Et("吴佳宁", "PERSON"), Et("黄志强", "PERSON"), Et("陈立春", "PERSON"), Et("冯玉霞", "PERSON"),
    Et("东阿县工信局", "ORG", "东阿县工业和信息化局"),
    Et("工业和信息化部", "ORG"),
    Et("山东福泽堂生物科技有限公司", "ORG", aliases=["福泽堂"]),
    Et("东阿县委", "ORG", "中共东阿县委"),
    Et("东阿县", "PLACE", aliases=["该县", "全县"]),
    Et("铜城街道", "PLACE"),
    Et("专精特新“小巨人”企业", "HONOR", "国家级专精特新“小巨人”企业", ["国家级专精特新“小巨人”企业"]),
    Et("山东省瞪羚企业", "HONOR"),
    Et("山东省“一企一技术”研发中心", "HONOR"),
    Et("省级工程研究中心", "HONOR"),
    Et("高新技术企业", "HONOR"),
    Et("科技型企业培育工程", "PROGRAM"),
    Et("《东阿县支持企业创新发展十条措施》", "PROGRAM"),
]
relations = [
    R("山东福泽堂生物科技有限公司", "located_in", "铜城街道", s2t("位于东阿县铜城街道的山东福泽堂生物科技有限公司")),
    R("铜城街道", "located_in", "东阿县", s2t("东阿县铜城街道")),
    R("山东福泽堂生物科技有限公司", "awarded", "国家级专精特新“小巨人”企业", s2t("山东福泽堂生物科技有限公司名列其中，成为该县第3家国家级专精特新“小巨人”企业"), year=2023),
    R("山东福泽堂生物科技有限公司", "awarded", "山东省瞪羚企业", s2t("先后获评山东省瞪羚企业")),
    R("山东福泽堂生物科技有限公司", "awarded", "山东省“一企一技术”研发中心", s2t("先后获评山东省瞪羚企业、山东省“一企一技术”研发中心")),
    R("陈立春", "role_at", "山东福泽堂生物科技有限公司", s2t("公司董事长陈立春"), role="董事长"),
    R("东阿县", "participates_in", "科技型企业培育工程", s2t("东阿县实施“科技型企业培育工程”")),
    R("冯玉霞", "role_at", "中共东阿县委", s2t("东阿县委常委、副县长冯玉霞"), role="县委常委"),
    R("东阿县", "participates_in", "《东阿县支持企业创新发展十条措施》", s2t("该县将进一步落实《东阿县支持企业创新发展十条措施》")),
]

meta = [{"headline": s2t(title), "begins": s2t(paras[0][:16]), "bylines": ["吳佳寧", "黃志強"],
         "note": "web page: the headline is in <h1> before the body"}]
write_gold(f"{STEM}.html", "utf-8", "2023-11-02", meta, entities, relations,
           ["Traditional characters: names are the traditional surface forms, canonical names are simplified.",
            "Only the article is annotated; navigation, related-news links and footer are page chrome."])
flat = s2t("".join(paras))
check(STEM + ".html", flat, entities, relations)
print(t2s(s2t("".join(paras))) == "".join(paras))
