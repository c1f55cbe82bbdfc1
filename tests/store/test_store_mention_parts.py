"""Headline and byline mentions are stored with their part; body offsets stay body offsets."""

from __future__ import annotations

from explorer.core import Article, ArticleAnalysis, Mention
from explorer.core.models import Credit


def test_headline_and_byline_mentions_keep_their_part(project, build):
    text = "本报讯（记者 王某某）甲乙集团今天开工。"
    headline = "丙丁镇迎来新项目"
    body = build.mention(text, "甲乙集团", "ORG")
    reporter = build.mention(text, "王某某", "PERSON")
    in_headline = Mention(0, 3, "丙丁镇", "PLACE", "丙丁镇", part="headline")
    printed_apart = Mention(0, 3, "赵某某", "PERSON", "赵某某", part="byline")
    analysis = ArticleAnalysis((body, reporter, in_headline, printed_apart), (),
                               credits=(Credit("王某某", "记者"), Credit("赵某某", "摄影")))
    project.store_document(build.doc("/p.txt"), [Article(text=text, headline=headline)], [analysis])
    conn = project.reader()
    rows = set(conn.execute("SELECT part, start, end, surface FROM mentions"))
    assert rows == {("body", 11, 15, "甲乙集团"), ("body", 7, 10, "王某某"), ("headline", 0, 3, "丙丁镇"),
                    ("byline", 0, 3, "赵某某")}
    [(article_id, bylines)] = conn.execute("SELECT id, bylines FROM articles")
    assert "王某某" in bylines and "赵某某" in bylines  # the credits are the article's bylines
    record = project.graph_reader().article_record(article_id)
    spans = {(m.start, m.end) for m in record.mentions}
    assert spans == {(11, 15), (7, 10)}  # only body offsets index the text the reader shows
    assert all(text[m.start : m.end] for m in record.mentions)
    names = {r[0] for r in conn.execute("SELECT name FROM entities")}
    assert {"丙丁镇", "赵某某", "甲乙集团", "王某某"} <= names  # a headline-only name is an entity too
