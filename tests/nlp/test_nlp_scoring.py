from explorer.core.models import ArticleAnalysis, Mention, RelationFact
from explorer.nlp.scoring import score_document

GOLD = {
    "entities": [
        {"name": "市工信局", "type": "ORG", "canonical": "聊城市工业和信息化局", "aliases": ["工信局"]},
        {"name": "吴明启", "type": "PERSON", "canonical": "吴明启", "aliases": []},
        {"name": "聊城市", "type": "PLACE", "canonical": "聊城市", "aliases": ["我市"]},
    ],
    "relations": [{"subject": "吴明启", "relation": "role_at", "object": "聊城市工业和信息化局"}],
}


def test_entities_match_on_any_form_and_type():
    analysis = ArticleAnalysis(mentions=(
        Mention(0, 4, "市工信局", "ORG", "聊城市工业和信息化局"),
        Mention(5, 8, "吴明启", "PERSON", "吴明启"),
        Mention(9, 11, "我市", "ORG", "聊城市"),  # wrong type
    ), relations=(RelationFact("吴明启", "PERSON", "role_at", "工信局", "ORG", "…"),))
    scores = score_document([analysis], GOLD)
    assert scores["ALL"].tp_pred == 2 and scores["ALL"].n_pred == 3
    assert scores["ALL"].tp_gold == 2 and scores["ALL"].n_gold == 3
    assert scores["RELATIONS"].f1 == 1.0  # 工信局 maps to the gold canonical name


def test_each_entity_counts_once_per_document():
    mention = Mention(0, 3, "吴明启", "PERSON", "吴明启")
    scores = score_document([ArticleAnalysis(mentions=(mention, mention)), ArticleAnalysis(mentions=(mention,))], GOLD)
    assert scores["PERSON"].n_pred == 1


def test_contract_scoring_reads_the_extract_json():
    from explorer.nlp.scoring import score_contract

    document = {"path": "a.txt", "home_city": "聊城市", "articles": [{
        "headline": "h", "bylines": [],
        "entities": [
            {"name": "市工信局", "type": "ORG", "canonical": "聊城市工业和信息化局", "start": 0, "end": 4},
            {"name": "吴明启", "type": "PERSON", "canonical": "吴明启", "start": 5, "end": 8},
            {"name": "我市", "type": "PLACE", "canonical": "聊城市", "start": 9, "end": 11},
            {"name": "张三", "type": "PERSON", "canonical": "张三", "start": 12, "end": 14},
        ],
        "relations": [{"subject": "吴明启", "relation": "role_at", "object": "工信局"},
                      {"subject": "张三", "relation": "role_at", "object": "聊城市工业和信息化局"}],
    }]}
    scores = score_contract(document, GOLD)
    assert (scores["ALL"].tp_pred, scores["ALL"].n_pred, scores["ALL"].tp_gold) == (3, 4, 3)
    assert scores["RELATIONS"].tp_gold == 1 and scores["RELATIONS"].n_pred == 2
    assert scores["REL:role_at"].precision == 0.5
