"""The mention record: typed, ranked by the rule that found it, and carried
across processes inside a Doc (spaCy sends docs as Doc.to_bytes)."""

from __future__ import annotations

from spacy.tokens import Doc

from explorer.nlp import spans


def test_mentions_survive_doc_serialisation(make_doc, vocab):
    doc = make_doc([("聊城市", "LOC"), ("工信局", "n")])
    spans.add(doc, 0, 3, "PLACE", "gazetteer", code="1514", level="city")
    spans.add(doc, 0, 6, "ORG", "org_extender", canonical="聊城市工业和信息化局")
    back = Doc(vocab).from_bytes(doc.to_bytes())
    restored = spans.mentions(back)
    assert [type(m) for m in restored] == [spans.Mention, spans.Mention]
    assert (restored[1].text, restored[1].canonical, restored[1].label) == ("聊城市工信局", "聊城市工业和信息化局", "ORG")
    assert restored[0].attrs == {"code": "1514", "level": "city"} and restored[0].rule.division


def test_a_second_rule_confirms_a_segmenter_guess(make_doc):
    doc = make_doc([("聊城大学", "ORG")])
    first = spans.add(doc, 0, 4, "ORG", "lac")
    assert first.guess
    again = spans.add(doc, 0, 4, "ORG", "org_extender")
    assert again is first and not first.guess and first.also_lac and first.grown
    assert len(spans.mentions(doc)) == 1


def test_precedence_table_ranks_rules():
    assert spans.RULES["lac"].rank < spans.RULES["facility"].rank < spans.RULES["gazetteer"].rank < spans.RULES["title"].rank
    assert spans.RULES["deixis"].refers and spans.RULES["anaphora"].refers and not spans.RULES["gazetteer"].refers


def test_a_name_never_runs_over_a_line_break(make_doc):
    text = "甲镇\n乙新区丙镇"
    doc = make_doc([(c, "n") for c in text])
    assert spans.add(doc, 0, len(text), "PLACE", "test") is None
    assert spans.add(doc, 3, len(text), "PLACE", "test") is not None


def test_words_are_found_by_position(make_doc):
    doc = make_doc([("市长", "n"), ("齐家滨", "a"), ("，", "w"), ("强调", "v")])
    assert [w.text for w in spans.words_between(doc, 1, 4)] == ["市长", "齐家滨"]
    assert spans.word_at(doc, 2, 5).text == "齐家滨"
    assert spans.word_at(doc, 2, 4) is None  # no one word is exactly 齐家
    spans.set_words(doc, [spans.Word("市长齐家滨", "n", 0)])
    assert spans.word_at(doc, 0, 5) is not None  # new words, new starts
