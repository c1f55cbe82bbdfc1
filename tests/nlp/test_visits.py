"""visits.py: the firms and sites of an official visit lie in the place visited."""

from __future__ import annotations

from tests.nlp.sentence_helpers import analyse, triples


def test_the_stops_of_a_visit_lie_in_the_district_visited():
    facts = triples(analyse("3月18日，市委书记王建国到东昌府区调研经济运行工作。"
                            "王建国先后来到山东华鑫电气有限公司、甲乙食品有限公司，察看生产情况。"))
    assert ("山东华鑫电气有限公司", "located_in", "东昌府区") in facts
    assert ("甲乙食品有限公司", "located_in", "东昌府区") in facts


def test_a_visit_to_a_city_places_nothing():
    facts = triples(analyse("省工信厅调研组到聊城市调研。调研组考察了山东华鑫电气有限公司。"))
    assert not {s for s, r, o in facts if r == "located_in" and s == "山东华鑫电气有限公司"}


def test_the_scene_ends_where_the_report_moves_to_another_place():
    facts = triples(analyse("王建国到东昌府区调研，察看了山东华鑫电气有限公司。"
                            "随后，王建国到临清市调研，走访了丙丁纺织有限公司。"))
    assert ("丙丁纺织有限公司", "located_in", "临清市") in facts
    assert ("丙丁纺织有限公司", "located_in", "东昌府区") not in facts


def test_a_visit_to_two_places_places_nothing():
    facts = triples(analyse("调研组赴临清市和阳谷县调研。调研组到山东华鑫电气有限公司实地调研。"))
    assert not {o for s, r, o in facts if r == "located_in" and s == "山东华鑫电气有限公司"}


def test_a_visit_written_with_zai():
    facts = triples(analyse("王建国在东昌府区调研时，先后来到山东华鑫电气有限公司察看生产。"))
    assert ("山东华鑫电气有限公司", "located_in", "东昌府区") in facts
