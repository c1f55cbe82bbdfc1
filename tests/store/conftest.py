"""Hand-built documents for store tests (no NLP needed)."""

from __future__ import annotations

import pytest

from explorer.core import Article, ArticleAnalysis, Document, Mention, RelationFact
from explorer.store import Project


class Build:
    @staticmethod
    def doc(path="/news/p1.txt", version="v1", source="聊城日报", home_city="聊城市", date="2024-03-01"):
        return Document(path=path, text="", content_hash=f"{path}:{version}", source=source,
                        home_city=home_city, date=date)

    @staticmethod
    def article(text, index=0, headline=None):
        return Article(text=text, headline=headline or text[:8], index=index)

    @staticmethod
    def mention(text, surface, type_, canonical=None, aliases=(), attrs=()):
        start = text.index(surface)
        return Mention(start, start + len(surface), surface, type_, canonical or surface, tuple(aliases), tuple(attrs))

    @staticmethod
    def fact(subject, stype, relation, obj, otype, evidence, **kw):
        return RelationFact(subject, stype, relation, obj, otype, evidence, 0, len(evidence), **kw)

    @staticmethod
    def analysis(mentions=(), relations=()):
        return ArticleAnalysis(tuple(mentions), tuple(relations))

    @classmethod
    def company_page(build, path="/news/p1.txt", version="v1", source="聊城日报"):
        """An article naming a company in full with its short form, its town and an honour."""
        t = "山东罗克佳华科技有限公司（罗克佳华）位于郑家镇，荣获省级专精特新企业称号。"
        m = build.mention
        mentions = [
            m(t, "山东罗克佳华科技有限公司", "ORG", aliases=("罗克佳华",)),
            m(t, "郑家镇", "PLACE"),
            m(t, "省级专精特新企业", "HONOR"),
        ]
        facts = [
            build.fact("山东罗克佳华科技有限公司", "ORG", "located_in", "郑家镇", "PLACE", t),
            build.fact("山东罗克佳华科技有限公司", "ORG", "awarded", "省级专精特新企业", "HONOR", t, year=2023, confidence=0.9),
        ]
        return build.doc(path, version, source), [build.article(t)], [build.analysis(mentions, facts)]


@pytest.fixture
def build():
    return Build


@pytest.fixture
def project(tmp_path):
    p = Project.open(tmp_path / "test.explorer.db")
    yield p
    p.close()
