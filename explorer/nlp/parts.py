"""The parts of an article the pipeline reads: its headline, its body and its credits.

The headline is read together with the body (headline, a line break, the
body) so that names resolve alike in both; the mentions are then handed back
to the part they were found in, with offsets into that part, so that body
offsets still index Article.text. Credited people (bylines) become PERSON
mentions and Credit records (credits.py).
"""

from __future__ import annotations

import dataclasses

from explorer.core.models import Article, ArticleAnalysis, Mention
from explorer.nlp import credits


def compose(article: Article) -> str:
    """What the pipeline reads for an article: its headline, then its text."""
    return f"{article.headline}\n{article.text}" if article.headline else article.text


def _head_length(article: Article) -> int:
    return len(article.headline) + 1 if article.headline else 0


def _placed(mention: Mention, head: int) -> Mention | None:
    """The mention in its own part: headline offsets, else body offsets; None across the break."""
    if head and mention.end <= head - 1:
        return dataclasses.replace(mention, part="headline")
    if mention.start >= head:
        return dataclasses.replace(mention, start=mention.start - head, end=mention.end - head, part="body")
    return None


def _byline_mentions(article: Article, found, mentions: list[Mention], head: int) -> list[Mention]:
    """A PERSON mention for each credited name, where it is written (else in the byline itself)."""
    spans = {(m.part, m.start, m.end) for m in mentions if m.type == "PERSON"}
    added, seen = [], set()
    for credit in found:
        part, start = ("headline", credit.start) if credit.start < head else ("body", credit.start - head)
        seen.add(credit.name)
        if (part, start, start + len(credit.name)) not in spans:
            added.append(Mention(start, start + len(credit.name), credit.name, "PERSON", credit.name, part=part))
    for name in article.bylines:  # ■ 本报记者 X: a credit printed apart from the text
        if name not in seen and not any(m.type == "PERSON" and m.canonical == name for m in mentions + added):
            added.append(Mention(0, len(name), name, "PERSON", name, part="byline"))
    return added


HALF_BRACKETS = str.maketrans({"（": "(", "）": ")"})


def _written_brackets(mentions: tuple[Mention, ...]) -> dict[str, str]:
    """中科金佳(北京)油田技术开发有限公司 written with ASCII brackets keeps them in its
    canonical name (the rules read brackets full-width; the name is the article's)."""
    renamed = {}
    for m in mentions:
        if ("(" in m.surface or ")" in m.surface) and "（" in m.canonical:
            written = m.canonical.translate(HALF_BRACKETS)
            if m.surface.translate(HALF_BRACKETS) in written:
                renamed[m.canonical] = written
    return renamed


def _renamed(analysis: ArticleAnalysis, renamed: dict[str, str]) -> ArticleAnalysis:
    if not renamed:
        return analysis
    mentions = tuple(dataclasses.replace(m, canonical=renamed.get(m.canonical, m.canonical)) for m in analysis.mentions)
    relations = tuple(dataclasses.replace(r, subject=renamed.get(r.subject, r.subject), object=renamed.get(r.object, r.object))
                      for r in analysis.relations)
    return dataclasses.replace(analysis, mentions=mentions, relations=relations)


def finish(analysis: ArticleAnalysis, article: Article) -> ArticleAnalysis:
    """Mentions in their own parts, relations' evidence in body offsets, and the credits."""
    head = _head_length(article)
    found = credits.find_credits(compose(article))
    credited = {(c.start, c.end) for c in found}
    kept = []
    for mention in analysis.mentions:
        crossing = any(s < mention.end and mention.start < e and (mention.start, mention.end) != (s, e) for s, e in credited)
        if crossing and mention.type == "PERSON":
            continue  # 记者任媛媛徐飞 read as one person: the credit's names win
        placed = _placed(mention, head)
        if placed is not None:
            kept.append(placed)
    kept += _byline_mentions(article, found, kept, head)
    relations = tuple(
        dataclasses.replace(r, evidence_start=r.evidence_start - head, evidence_end=r.evidence_end - head)
        if r.evidence_start >= head else dataclasses.replace(r, evidence_start=0, evidence_end=0)
        for r in analysis.relations
    ) if head else analysis.relations
    done = dataclasses.replace(analysis, mentions=tuple(kept), relations=relations,
                               credits=credits.credits_of(found, article.bylines))
    return _renamed(done, _written_brackets(done.mentions))
