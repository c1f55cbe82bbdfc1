"""The LAC core (explorer/nlp/segment.py): batched CRF decoding gives exactly
the paths of decoding one piece at a time."""

from __future__ import annotations

import numpy as np

from explorer.nlp import segment


def test_viterbi_of_many_pieces_of_mixed_lengths_equals_one_at_a_time():
    rng = np.random.default_rng(3)
    n_tags = 59
    transitions_t = rng.normal(size=(n_tags, n_tags)).astype(np.float32)
    emissions = [rng.normal(scale=3, size=(length, n_tags)).astype(np.float32)
                 for length in (1, 7, 7, 30, 2, 199, 64, 1, 30)]
    many = segment.viterbi_many(emissions, transitions_t)
    assert many == [segment.viterbi(e, transitions_t) for e in emissions]
    assert [len(p) for p in many] == [len(e) for e in emissions]


def test_pieces_tagged_in_one_batch_get_the_words_they_get_alone(monkeypatch):
    texts = ["市工信局党组成员、副局长吴明启表示。", "位于冠县烟庄街道王村的旧址。",
             "山东省文化和旅游厅发布通知。冠县。", "聊城市东昌府区郑家镇的山东示例科技有限公司获评省级专精特新中小企业。"]
    segment.clear_cache()
    alone = [segment.lac_words(t) for t in texts]
    for run_tokens, viterbi_pieces in ((1, 1), (4096, 64)):
        monkeypatch.setattr(segment, "RUN_TOKENS", run_tokens)
        monkeypatch.setattr(segment, "VITERBI_PIECES", viterbi_pieces)
        segment.clear_cache()
        assert segment.lac_words_many(texts) == alone
    segment.clear_cache()
