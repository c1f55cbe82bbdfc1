"""Relation patterns on hand-placed mentions."""

from __future__ import annotations

from explorer.nlp import spans
from explorer.nlp.relations import relations


def _doc(make_doc, text, marks):
    doc = make_doc([(c, "n") for c in text])
    for surface, label, attrs in marks:
        start = text.index(surface)
        spans.add(doc, start, start + len(surface), label, attrs.pop("source", "test"), **attrs)
    return doc


def _triples(doc):
    return {(r.subject, r.relation, r.object) for r in doc._.relations}


def test_located_in_from_weiyu_and_adjacent_places(make_doc):
    text = "位于冠县烟庄街道王村的中共王村党支部旧址游人如织。"
    doc = _doc(make_doc, text, [
        ("冠县", "PLACE", {"code": "151405", "level": "county", "source": "gazetteer"}),
        ("烟庄街道", "PLACE", {"code": "151405003", "level": "street", "source": "gazetteer"}),
        ("王村的", "PLACE", {}),  # placeholder replaced below
    ])
    spans.remove(doc, [m for m in spans.mentions(doc) if m.text == "王村的"])
    spans.add(doc, 8, 10, "PLACE", "gazetteer", code="151405003029", level="village")
    spans.add(doc, 11, 20, "PLACE", "facility")
    doc._.roles = []
    relations(doc)
    triples = _triples(doc)
    assert ("烟庄街道", "located_in", "冠县") in triples
    assert ("王村", "located_in", "烟庄街道") in triples
    assert ("中共王村党支部旧址", "located_in", "王村") in triples


def test_awarded_needs_a_trigger_in_the_clause(make_doc):
    text = "山东宏升达机器人科技有限公司顺利通过2021年度省级新型研发机构备案，实现了东昌府区省级新型研发机构零的突破。"
    doc = _doc(make_doc, text, [
        ("山东宏升达机器人科技有限公司", "ORG", {}),
        ("东昌府区", "PLACE", {"code": "151401"}),
    ])
    first = text.index("省级新型研发机构")
    second = text.index("省级新型研发机构", first + 1)
    spans.add(doc, first, first + 8, "HONOR", "honor")
    spans.add(doc, second, second + 8, "HONOR", "honor")
    doc._.roles = []
    relations(doc)
    facts = doc._.relations
    assert _triples(doc) == {("山东宏升达机器人科技有限公司", "awarded", "省级新型研发机构")}
    assert facts[0].year == 2021 and "备案" in facts[0].evidence
    assert text[facts[0].evidence_start : facts[0].evidence_end] == facts[0].evidence


def test_issued_by_and_participates_in(make_doc):
    text = "近日，市政府印发《行动方案》。东昌府区通过实施“专精特新”工程，推动发展。"
    doc = _doc(make_doc, text, [
        ("市政府", "ORG", {}),
        ("行动方案", "PROGRAM", {}),
        ("东昌府区", "PLACE", {"code": "151401"}),
        ("“专精特新”工程", "PROGRAM", {}),
    ])
    doc._.roles = []
    relations(doc)
    assert _triples(doc) == {
        ("行动方案", "issued_by", "市政府"),
        ("东昌府区", "participates_in", "“专精特新”工程"),
    }


def test_awarded_from_a_list_the_subject_joins_later(make_doc):
    text = "省工信厅公布了山东省瞪羚企业名单，我市鲁西化工集团股份有限公司等32家企业入选。"
    doc = _doc(make_doc, text, [
        ("省工信厅", "ORG", {}),
        ("山东省瞪羚企业", "HONOR", {}),
        ("鲁西化工集团股份有限公司", "ORG", {}),
    ])
    doc._.roles = []
    relations(doc)
    assert _triples(doc) == {("鲁西化工集团股份有限公司", "awarded", "山东省瞪羚企业")}


def test_the_agent_of_a_passive_is_not_the_winner(make_doc):
    text = "该校被教育部认定为全国青少年校园足球特色学校。"
    doc = _doc(make_doc, text, [("教育部", "ORG", {}), ("全国青少年校园足球特色学校", "HONOR", {})])
    doc._.roles = []
    relations(doc)
    assert _triples(doc) == set()
