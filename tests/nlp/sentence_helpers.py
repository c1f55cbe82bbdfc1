"""Run the whole pipeline on one invented sentence and look at what it found.

Shared by the rule tests (generalisation, round 3, round 4): each asserts one
pattern of news writing on a short sentence with invented names."""

from __future__ import annotations

from explorer.core.models import Article
from explorer.nlp import analyse_articles


def analyse(text: str):
    return analyse_articles([Article(text=text)], "聊城市")[0]


def mentions(analysis, kind=None):
    return {(m.surface, m.canonical) for m in analysis.mentions if kind is None or m.type == kind}


def triples(analysis):
    return {(r.subject, r.relation, r.object) for r in analysis.relations}
