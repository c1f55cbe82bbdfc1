"""Places matched on characters against the divisions gazetteer."""

from __future__ import annotations

from explorer.nlp import spans
from explorer.nlp.places import place_gazetteer
from tests.nlp.conftest import found
from tests.nlp.sentence_helpers import analyse, mentions


def test_two_character_counties_are_found_by_the_gazetteer():
    analysis = analyse("莘县燕店镇和冠县店子镇的农户。")
    places = {surface for surface, _ in mentions(analysis, "PLACE")}
    assert {"莘县", "冠县", "燕店镇", "店子镇"} <= places


def test_gazetteer_finds_places_inside_a_longer_word(make_doc):
    doc = make_doc([("临清市金郝庄镇政府", "ORG"), ("邀请", "v")])
    place_gazetteer(doc)
    places = {m.text: m for m in spans.mentions(doc)}
    assert set(places) == {"临清市", "金郝庄镇"}
    assert places["金郝庄镇"].attrs["level"] == "town"


def test_gazetteer_short_names_need_a_word_start(make_doc):
    doc = make_doc([("聊城", "LOC"), ("的", "u"), ("我市中", "n")])
    place_gazetteer(doc)
    assert found(doc) == {("聊城", "PLACE")}
    assert spans.mentions(doc)[0].canonical == "聊城市"


def test_the_home_citys_short_name_is_the_city_even_after_the_city_was_named():
    from explorer.core.models import Article
    from explorer.nlp import analyse_articles

    analysis = analyse_articles([Article(text="2024年株洲市重大项目集中签约。近年来，株洲先后开展招商活动。")], "株洲市")[0]
    assert {m.canonical for m in analysis.mentions if m.surface == "株洲"} == {"株洲市"}
