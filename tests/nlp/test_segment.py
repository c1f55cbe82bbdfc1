"""LAC segmentation and base entities: the piece cache, batching and the simplified view."""

from __future__ import annotations

from explorer.nlp.segment import base_entities
from tests.nlp.conftest import found
from tests.nlp.sentence_helpers import analyse, mentions, triples


def test_piece_cache_and_batching_do_not_change_the_words():
    from explorer.nlp import segment

    texts = ["市工信局党组成员、副局长吴明启表示。", "位于冠县烟庄街道王村的旧址。", "市工信局党组成员、副局长吴明启表示。",
             "山东省文化和旅游厅发布通知。"]  # two pieces of equal length share an ONNX batch
    segment.clear_cache()
    batched = segment.lac_words_many(texts)
    segment.clear_cache()
    assert batched == [segment.lac_words(t) for t in texts]
    assert batched[0] == batched[2]


def test_corner_quotes_of_traditional_papers_read_like_double_quotes():
    text = "山東甲乙生物科技有限公司名列其中，成爲該縣第3家國家級專精特新「小巨人」企業。東阿縣實施「科技型企業培育工程」。"
    analysis = analyse(text)
    assert ("國家級專精特新「小巨人」企業", "国家级专精特新“小巨人”企业") in mentions(analysis, "HONOR")
    assert ("东阿县", "participates_in", "科技型企业培育工程") in triples(analysis)
    assert all(text[m.start : m.end] == m.surface for m in analysis.mentions)


def test_base_entities_keep_names_and_drop_non_names(make_doc):
    doc = make_doc([("记者", "n"), ("尹腾淑", "PER"), ("在", "p"), ("聊城市", "LOC"), ("3", "PER")])
    base_entities(doc)
    assert found(doc) == {("尹腾淑", "PERSON"), ("聊城市", "PLACE")}


def test_a_full_piece_cache_never_loses_the_pieces_of_the_batch(monkeypatch):
    from explorer.nlp import segment

    segment.clear_cache()
    monkeypatch.setattr(segment, "PIECE_CACHE_SIZE", 3)
    first = segment.lac_words_many(["聊城市召开会议。", "东昌府区举办活动。"])
    # the second batch reuses a cached piece and overflows the cache with new ones
    second = segment.lac_words_many(["聊城市召开会议。冠县建设新区。莘县发展农业。阳谷县开展培训。"])
    assert [w for w, _ in second[0]][: len(first[0])] == [w for w, _ in first[0]]
    assert "".join(w for w, _ in second[0]) == "聊城市召开会议。冠县建设新区。莘县发展农业。阳谷县开展培训。"
    segment.clear_cache()


def test_ascii_punctuation_of_web_pages_reads_as_chinese_punctuation():
    from explorer.nlp.segment import simplified_view

    text = "狮山(风梅岭)产业园开工,总投资1,750亿元;版本4.0。"
    view = simplified_view(text)
    assert len(view) == len(text)
    assert view == "狮山（风梅岭）产业园开工，总投资1,750亿元；版本4.0。"


def test_a_bracket_glued_to_the_next_word_is_cut_off():
    from explorer.nlp.segment import _unglue

    assert _unglue([("甲乙", "ORG"), ("（", "w"), ("广东", "LOC"), ("）纸业有限公司", "w")]) == [
        ("甲乙", "ORG"), ("（", "w"), ("广东", "LOC"), ("）", "w"), ("纸业有限公司", "n")]
    assert _unglue([("）。", "w")]) == [("）。", "w")]
