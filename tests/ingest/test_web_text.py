"""Text that keeps a paragraph per line (copied from a web page): a headline on
top, photo captions, list headings and rows stand on their own lines; a
poster's broken phrases and a bracketed note still join (invented names)."""

from __future__ import annotations

from explorer.core.models import Document
from explorer.ingest import split_articles
from explorer.ingest.web_text import lines_are_paragraphs
from explorer.settings import IngestOptions

PROSE = "甲市工业和信息化局近日公布了年度评选结果，全市共有十七家企业上榜，数量居全省前列，比上年增加五家，各县市区均有企业入选，其中乙县最多。"


def _articles(text):
    return split_articles(Document(path="t.txt", text=text, content_hash=""), IngestOptions())


def test_long_lines_that_end_their_sentences_mark_paragraph_per_line_text():
    assert lines_are_paragraphs("标题\n" + PROSE + "\n" + PROSE)
    wrapped = "\n".join(PROSE[i : i + 16] for i in range(0, len(PROSE), 16))
    assert not lines_are_paragraphs(wrapped)  # a printed column wraps far below 60 characters
    assert not lines_are_paragraphs(PROSE[:-1] + "，然后\n" + PROSE[:-1] + "，并且\n" + PROSE)


def test_the_headline_on_top_a_caption_and_a_lists_rows_keep_their_lines():
    text = "\n".join([
        "甲市公布首批“最美工厂” 3家企业上榜", "图为乙丙服饰股份有限公司的车间", PROSE,
        "甲市第一批“最美工厂”企业名单（排名不分先后）", "乙丙服饰股份有限公司", "丁戊机械制造有限公司", "己庚集团辛壬汽车零部件有限公司",
    ])
    [article] = _articles(text)
    assert article.headline == "甲市公布首批“最美工厂” 3家企业上榜"
    assert article.text.split("\n") == [
        "图为乙丙服饰股份有限公司的车间", PROSE, "甲市第一批“最美工厂”企业名单（排名不分先后）",
        "乙丙服饰股份有限公司", "丁戊机械制造有限公司", "己庚集团辛壬汽车零部件有限公司",
    ]


def test_a_numbered_section_heading_stays_in_its_article_and_a_date_is_no_headline():
    text = "\n".join(["甲市人民政府关于表彰先进单位的通报", PROSE, "一、工业经济发展规模奖", "乙县、丙市、丁县", "二、招商引资奖", "丙市、戊区、己县",
                      PROSE, "二○三○年三月二十六日"])
    [article] = _articles(text)
    assert article.headline == "甲市人民政府关于表彰先进单位的通报"
    assert "二、招商引资奖\n丙市、戊区、己县" in article.text
    assert article.text.endswith("二○三○年三月二十六日")


def test_a_second_article_starts_at_a_headline_between_finished_prose_and_a_dateline():
    text = "\n".join(["乙县新增三家省级企业", PROSE, "丙县召开项目推进会", "本报讯（记者 张三）" + PROSE])
    first, second = _articles(text)
    assert (first.headline, second.headline) == ("乙县新增三家省级企业", "丙县召开项目推进会")
    assert second.bylines == ("张三",)


def test_a_posters_broken_phrases_and_an_open_title_join_but_names_stay_rows():
    text = "\n".join([
        PROSE, "甲省文化和旅游厅发布了", "《关于公布第二批省级全域旅游", "示范区创建单位名单的通知》", "截至目前", "我市共有3家",
        "省级示范企业", "乙丙科技有限公司", "丁戊电子有限公司", "第二批省级示范区创建单位名单", "(32家)",
    ])
    [article] = _articles(text)
    assert article.text.split("\n")[1:] == [
        "甲省文化和旅游厅发布了《关于公布第二批省级全域旅游示范区创建单位名单的通知》截至目前我市共有3家省级示范企业",
        "乙丙科技有限公司", "丁戊电子有限公司", "第二批省级示范区创建单位名单(32家)",
    ]
