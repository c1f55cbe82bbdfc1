"""The project lexicon in the pipeline (nlp/taught.py), on Docs built by hand:
a taught name wins where it crosses the grammar, nested names stay, not-a-name
surfaces go, canonical names and negative facts apply, and the lexicon
survives the trip to another process inside the Doc."""

from __future__ import annotations

from spacy.tokens import Doc

from explorer.core.lexicon import LexiconEntry, NegativeFact, ProjectLexicon
from explorer.core.models import ArticleAnalysis, Mention, RelationFact
from explorer.nlp import spans, taught
from tests.nlp.conftest import found

FIRM = LexiconEntry("星澜智造", "ORG", "聊城星澜智能制造有限公司")


def _doc(make_doc, text: str, lexicon: ProjectLexicon):
    doc = make_doc([(text, "n")])
    taught.attach(doc, lexicon.to_plain())
    return doc


def test_a_taught_name_becomes_a_mention_wherever_it_is_written(make_doc):
    doc = _doc(make_doc, "星澜智造在东昌府区投产，星澜智造获评。", ProjectLexicon((FIRM,)))
    taught.add_taught(doc)
    taught.reassert_taught(doc)
    mentions = [(m.start, m.end, m.label, m.canonical, m.source) for m in spans.mentions(doc)]
    assert mentions == [(0, 4, "ORG", "聊城星澜智能制造有限公司", "taught"), (12, 16, "ORG", "聊城星澜智能制造有限公司", "taught")]
    assert doc._.project_lexicon is None  # the Doc leaves the pipeline without it


def test_the_taught_name_wins_where_it_crosses_or_retypes_the_grammar_and_nested_names_stay(make_doc):
    lexicon = ProjectLexicon((LexiconEntry("东昌府区星澜", "ORG"), LexiconEntry("凤祥股份", "ORG")))
    doc = _doc(make_doc, "东昌府区星澜智造与凤祥股份", lexicon)
    spans.add(doc, 0, 4, "PLACE", "gazetteer")  # nested inside the taught name: stays
    spans.add(doc, 4, 8, "PERSON", "lac")  # crosses it: gives way
    spans.add(doc, 9, 13, "PERSON", "lac")  # same span, another type: gives way
    taught.add_taught(doc)
    assert found(doc) == {("东昌府区", "PLACE"), ("东昌府区星澜", "ORG"), ("凤祥股份", "ORG")}


def test_the_resolver_cannot_drop_a_taught_name_unless_a_longer_name_contains_it(make_doc):
    doc = _doc(make_doc, "星澜智造公司和星澜智造", ProjectLexicon((LexiconEntry("星澜智造", "ORG"),)))
    taught.add_taught(doc)
    spans.remove(doc, spans.mentions(doc))  # a cleanup that dropped both
    spans.add(doc, 0, 6, "ORG", "compound")  # and found the longer name around the first
    taught.reassert_taught(doc)
    assert sorted((m.start, m.end, m.source) for m in spans.mentions(doc)) == [(0, 6, "compound"), (7, 11, "taught")]


def test_not_a_name_removes_the_grammars_mentions(make_doc):
    doc = _doc(make_doc, "新能源汽车产业", ProjectLexicon((LexiconEntry("新能源汽车", None),)))
    spans.add(doc, 0, 5, "ORG", "lac")
    taught.add_taught(doc)
    assert found(doc) == set()
    spans.add(doc, 0, 5, "ORG", "short_form")  # a later rule finds it again
    taught.reassert_taught(doc)
    assert found(doc) == set()


def test_aliases_rename_what_the_grammar_found_but_add_nothing(make_doc):
    alias = LexiconEntry("凤祥股份", "ORG", "山东凤祥股份有限公司", "rename")
    doc = _doc(make_doc, "凤祥股份和凤祥股份", ProjectLexicon((alias,)))
    spans.add(doc, 0, 4, "ORG", "enumeration")
    taught.add_taught(doc)
    taught.reassert_taught(doc)
    assert [(m.start, m.canonical) for m in spans.mentions(doc)] == [(0, "山东凤祥股份有限公司")]


def test_the_lexicon_travels_inside_the_doc_to_another_process(make_doc, vocab):
    doc = _doc(make_doc, "星澜智造", ProjectLexicon((FIRM,)))
    back = Doc(vocab).from_bytes(doc.to_bytes())  # what nlp.pipe(n_process=2) does
    taught.add_taught(back)
    assert found(back) == {("星澜智造", "ORG")}


def test_finish_applies_canonical_names_to_facts_and_drops_negative_facts():
    lexicon = ProjectLexicon((FIRM,), (NegativeFact("聊城星澜智能制造有限公司", "awarded", "省级示范"),))
    fact = RelationFact("星澜智造", "ORG", "awarded", "国家级小巨人", "HONOR", "…")
    wrong = RelationFact("星澜智造", "ORG", "awarded", "省级示范", "HONOR", "…")
    analysis = ArticleAnalysis((Mention(0, 4, "星澜智造", "ORG", "星澜智造"),), (fact, wrong))
    out = taught.finish(analysis, lexicon)
    assert [(r.subject, r.object) for r in out.relations] == [("聊城星澜智能制造有限公司", "国家级小巨人")]
    assert taught.finish(analysis, None) is analysis and taught.finish(analysis, ProjectLexicon()) is analysis


def test_a_later_entry_of_a_surface_overrides_an_earlier_one():
    lexicon = ProjectLexicon((LexiconEntry("星澜", "PERSON"), LexiconEntry("星澜", "ORG")))
    assert lexicon.by_surface()["星澜"].type == "ORG"
    assert taught.compiled(lexicon).names["星澜"].type == "ORG"
