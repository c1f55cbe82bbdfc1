"""Segmentation on hand-made pages in both orders (headline above / after body)."""

from __future__ import annotations

from explorer.core.models import Document
from explorer.ingest import split_articles
from explorer.ingest.layout import split_decks
from explorer.settings import IngestOptions


def _split(text: str, **options):
    return split_articles(Document(path="t.txt", text=text, content_hash=""), IngestOptions(**options))


def test_single_article_with_headline_on_top():
    text = (
        "阳谷县新建三所乡村学校\n"
        "——总投资1.2亿元，明年秋季启用\n\n"
        "本报讯（记者 刘洋 通讯员 陈静）近日，阳谷县教育\n"
        "和体育局传来消息，该县新建的三所乡村学\n\n"
        "校主体工程已经完工。\n\n"
        "据介绍，三所学校均按照省级标准建设。\n"
    )
    [article] = _split(text)
    assert article.headline == "阳谷县新建三所乡村学校"
    assert article.subtitle == "总投资1.2亿元，明年秋季启用"
    assert article.bylines == ("刘洋", "陈静")
    assert article.text == (
        "本报讯（记者 刘洋 通讯员 陈静）近日，阳谷县教育和体育局传来消息，该县新建的三所乡村学校主体工程已经完工。\n"
        "据介绍，三所学校均按照省级标准建设。"
    )
    assert article.kind == "news"


def test_text_without_any_headline_is_one_article():
    text = "聊城市召开会议，部署\n今年重点工作。\n\n会议要求，各部门\n\n要抓好落实。\n"
    [article] = _split(text)
    assert article.headline is None
    assert article.text == "聊城市召开会议，部署今年重点工作。\n会议要求，各部门要抓好落实。"


def test_headline_first_page_with_several_articles_and_a_kicker():
    text = (
        "冬季送温暖 情暖万家\n\n茌平区为困难群众送去棉被\n\n——共发放物资两千余件\n\n"
        "本报讯（记者 王芳）日前，茌平区民政局开展冬季\n送温暖活动。\n\n"
        "高唐县举办农民丰收节\n\n"
        "本报讯（李娜）10月1日，高唐县举办农民丰收节。\n"
    )
    first, second = _split(text)
    assert (first.kicker, first.headline, first.subtitle) == ("冬季送温暖 情暖万家", "茌平区为困难群众送去棉被", "共发放物资两千余件")
    assert first.bylines == ("王芳",)
    assert second.headline == "高唐县举办农民丰收节" and second.bylines == ("李娜",)
    assert second.text == "本报讯（李娜）10月1日，高唐县举办农民丰收节。"


def test_credit_under_a_headline_belongs_to_the_next_article():
    text = (
        "本报讯（记者 张伟）东阿县开展植树活动，\n共植树一万余株。\n\n"
        "东阿县植树一万株\n ■ 本报记者 赵磊\n\n"
        "近日，莘县蔬菜\n\n喜获丰收，菜农笑开颜。\n\n"
        "莘县蔬菜喜获丰收\n"
    )
    first, second = _split(text)
    assert first.bylines == ("张伟",) and first.headline == "东阿县植树一万株"
    assert second.bylines == ("赵磊",) and second.headline == "莘县蔬菜喜获丰收"
    assert second.text == "近日，莘县蔬菜喜获丰收，菜农笑开颜。"


def test_photo_item_and_caption():
    text = (
        "本报讯（记者 张伟）冠县举办年货节。\n\n冠县年货节开幕\n\n"
        "1月2日，市民在东昌湖畔\n赏雪景。\n\n■ 本报记者 王芳\n\n"
        "本报讯（李娜）临清市召开会议，\n部署工作。\n"
        "1月3日，会议现场。\n■ 本报通讯员 刘洋\n\n临清市部署工作\n"
    )
    news, photo, captioned = _split(text)
    assert photo.kind == "photo" and photo.headline is None
    assert photo.captions == ("1月2日，市民在东昌湖畔赏雪景。",) and photo.bylines == ("王芳",)
    assert captioned.kind == "news" and captioned.captions == ("1月3日，会议现场。",)
    assert captioned.bylines == ("李娜", "刘洋")


def test_notice_keeps_its_signature_and_date():
    text = (
        "各县（市、区）人民政府：\n为做好春节期间安全工作，现将\n\n有关事项通知如下。\n\n"
        "聊城市安全生产委员会办公室\n2022年1月10日\n\n关于做好春节期间\n安全生产工作的通知\n"
    )
    [notice] = _split(text)
    assert notice.kind == "notice"
    assert notice.headline == "关于做好春节期间安全生产工作的通知"
    assert notice.text.split("\n")[-2:] == ["聊城市安全生产委员会办公室", "2022年1月10日"]


def test_traditional_page_is_simplified_on_request():
    text = "本報訊（記者 張偉）聊城市東昌府區舉辦活動。\n\n東昌府區舉辦活動\n"
    [article] = _split(text, to_simplified=True)
    assert article.headline == "东昌府区举办活动"
    assert "聊城市东昌府区" in article.text and article.bylines == ("张伟",)
    assert "東昌府區" in article.raw  # the original slice is kept for display


def test_deck_rules():
    assert split_decks(["关于发布春运", "安全工作的通知"]) == ["关于发布春运安全工作的通知"]
    assert split_decks(["稳住基本盘 激活新动能", "全市经济运行稳中向好"]) == ["稳住基本盘 激活新动能", "全市经济运行稳中向好"]
    assert split_decks(["主题", "——副题"]) == ["主题", "副题"]
    assert split_decks(["签约项目30个", "总投资超百亿"]) == ["签约项目30个", "总投资超百亿"]
    assert split_decks(["“十四五”", "规划纲要发布"]) == ["“十四五”规划纲要发布"]


def test_traditional_bylines_without_conversion():
    [article] = _split("本報訊（記者 張偉 通訊員 陳靜）東阿縣舉辦活動。\n\n東阿縣舉辦活動\n", to_simplified=False)
    assert article.bylines == ("張偉", "陳靜")


def test_names_in_credits():
    from explorer.ingest.articles import names_in_credit

    assert names_in_credit("■ 本报记者 齐如文 摄") == ("齐如文",)
    assert names_in_credit("记者 朱海波 通讯员 张博 魏艳霞") == ("朱海波", "张博", "魏艳霞")
    assert names_in_credit("本报通讯员张庆安") == ("张庆安",)
    assert names_in_credit("文/图 本报记者 王芳") == ("王芳",)


def test_masthead_and_folio_lines_belong_to_no_article():
    text = (
        "聊城日报\n2022年1月5日 星期三\n第3版\n责任编辑：王芳\n\n"
        "本报讯（记者 张伟）东阿县开展植树活动，共植\n\n3\n\n树一万余株。\n\n东阿县植树一万株\n\n"
        "本报讯（李娜）莘县蔬菜喜获丰收。\n\n莘县蔬菜喜获丰收\n"
    )
    first, second = _split(text)
    assert first.headline == "东阿县植树一万株" and second.headline == "莘县蔬菜喜获丰收"
    assert first.text == "本报讯（记者 张伟）东阿县开展植树活动，共植树一万余株。"
    assert "聊城日报" not in first.raw


def test_bracketed_photo_credit_marks_a_caption():
    text = (
        "本报讯（记者 张伟）东阿县开展植树活动。\n\n"
        "图为植树现场。（本报记者 王芳 摄）\n\n东阿县开展植树活动\n"
    )
    [article] = _split(text)
    assert article.bylines == ("张伟", "王芳")
    assert article.captions == ("图为植树现场。（本报记者 王芳 摄）",)


def test_trailing_reporter_line_is_a_credit_not_a_headline():
    text = "冠县召开会议\n\n冠县召开会议，部署今年工作。\n\n记者 张燕 通讯员 张清强\n"
    [article] = _split(text)
    assert article.headline == "冠县召开会议"
    assert article.bylines == ("张燕", "张清强")
    assert article.text == "冠县召开会议，部署今年工作。"


def test_agency_datelines_open_articles():
    text = (
        "新华社北京1月4日电（记者 刘洋）全国会议召开。\n\n全国会议召开\n\n"
        "人民网济南1月4日电 山东发布新规。\n\n山东发布新规\n"
    )
    first, second = _split(text)
    assert (first.headline, first.bylines) == ("全国会议召开", ("刘洋",))
    assert second.headline == "山东发布新规"


def test_subheading_inside_a_body_does_not_split_the_article():
    text = (
        "本报讯（记者 张伟）东阿县加快发展，成效明显。\n\n"
        "创新驱动激发活力\n\n"
        "该县建设了三个研发平台，\n吸引人才两百余名。\n\n"
        "东阿县高质量发展势头强劲\n\n"
        "本报讯（李娜）莘县蔬菜喜获丰收。\n\n莘县蔬菜喜获丰收\n"
    )
    first, second = _split(text)
    assert first.headline == "东阿县高质量发展势头强劲"
    assert first.text.split("\n") == [
        "本报讯（记者 张伟）东阿县加快发展，成效明显。",
        "创新驱动激发活力",
        "该县建设了三个研发平台，吸引人才两百余名。",
    ]
    assert second.headline == "莘县蔬菜喜获丰收"


def test_opener_credit_wrapped_over_lines():
    from explorer.ingest.articles import _join_credit_lines

    assert _join_credit_lines(["本报讯（记者 朱海波 通讯", "员 张博 魏艳霞）1月4日"]).startswith("本报讯（记者 朱海波 通讯员 张博")
    assert "通讯员张博" in _join_credit_lines(["本报讯（记者 朱海波 通讯员张", "博 魏艳霞）"])
    assert "张博 魏艳霞" in _join_credit_lines(["本报讯（通讯员 张博", "魏艳霞）"])


def test_headline_above_an_unpunctuated_first_body_line():
    text = (
        "聊城市召开全市工作会议\n\n"
        "市重污染天气应急指挥部各成员单\n位：经会商，决定启动应急响应。\n"
    )
    [article] = _split(text)
    assert article.headline == "聊城市召开全市工作会议"
    assert article.text == "市重污染天气应急指挥部各成员单位：经会商，决定启动应急响应。"
