"""The scorer of shared/corpus/ANNOTATION.md ("Scoring"), used by the tests
and benchmarks/bench_nlp.py.

Per document, each entity counted once. A predicted entity (its canonical
name plus every surface form) is right when one of those forms equals a
gold form (name, canonical or alias) of the same type; a gold entity is
found when some predicted entity of its type carries one of its forms.
Relations match on (subject, relation, object) after mapping names to gold
canonical names.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from explorer.core.models import ArticleAnalysis


@dataclass
class Score:
    tp_pred: int = 0  # predicted items that are right
    n_pred: int = 0
    tp_gold: int = 0  # gold items that are found
    n_gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp_pred / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Score") -> None:
        self.tp_pred += other.tp_pred
        self.n_pred += other.n_pred
        self.tp_gold += other.tp_gold
        self.n_gold += other.n_gold


def gold_forms(entity: dict) -> set[str]:
    return {entity["name"], entity["canonical"], *entity.get("aliases", ())}


def predicted_entities(analyses: Iterable[ArticleAnalysis], bylines: Iterable[str] = ()) -> list[tuple[str, set[str]]]:
    """(type, forms) per predicted entity: mentions grouped by type and canonical name."""
    grouped: dict[tuple[str, str], set[str]] = {}
    for analysis in analyses:
        for mention in analysis.mentions:
            grouped.setdefault((mention.type, mention.canonical), {mention.canonical}).add(mention.surface)
    for name in bylines:
        grouped.setdefault(("PERSON", name), {name})
    return [(kind, forms) for (kind, _), forms in grouped.items()]


def score_entities(predicted: Sequence[tuple[str, set[str]]], gold: Sequence[dict]) -> dict[str, Score]:
    """Scores per type plus "ALL"."""
    scores: dict[str, Score] = {}
    for kind, forms in predicted:
        score = scores.setdefault(kind, Score())
        score.n_pred += 1
        if any(forms & gold_forms(g) for g in gold if g["type"] == kind):
            score.tp_pred += 1
    for entity in gold:
        score = scores.setdefault(entity["type"], Score())
        score.n_gold += 1
        if any(forms & gold_forms(entity) for kind, forms in predicted if kind == entity["type"]):
            score.tp_gold += 1
    total = Score()
    for score in scores.values():
        total.add(score)
    scores["ALL"] = total
    return scores


def _canonical_map(gold: Sequence[dict]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for entity in gold:
        for form in gold_forms(entity):
            mapping.setdefault(form, entity["canonical"])
    return mapping


def _relation_sets(predicted, gold_relations, gold_entities):
    mapping = _canonical_map(gold_entities)
    pred = {(mapping.get(s, s), r, mapping.get(o, o)) for s, r, o in predicted}
    gold = {(mapping.get(g["subject"], g["subject"]), g["relation"], mapping.get(g["object"], g["object"])) for g in gold_relations}
    return pred, gold


def score_relations(predicted: Iterable[tuple[str, str, str]], gold_relations: Sequence[dict], gold_entities: Sequence[dict]) -> Score:
    pred, gold = _relation_sets(predicted, gold_relations, gold_entities)
    return Score(tp_pred=len(pred & gold), n_pred=len(pred), tp_gold=len(pred & gold), n_gold=len(gold))


def score_relations_by_type(predicted, gold_relations: Sequence[dict], gold_entities: Sequence[dict]) -> dict[str, Score]:
    """One Score per relation type (located_in, awarded, ...)."""
    pred, gold = _relation_sets(predicted, gold_relations, gold_entities)
    scores: dict[str, Score] = {}
    for relation in sorted({t[1] for t in pred | gold}):
        p = {t for t in pred if t[1] == relation}
        g = {t for t in gold if t[1] == relation}
        scores[relation] = Score(tp_pred=len(p & g), n_pred=len(p), tp_gold=len(p & g), n_gold=len(g))
    return scores


def score_document(analyses: Sequence[ArticleAnalysis], gold: dict, bylines: Iterable[str] = ()) -> dict[str, Score]:
    """Entity scores per type ("ALL" for all) and "RELATIONS" for one document."""
    scores = score_entities(predicted_entities(analyses, bylines), gold["entities"])
    triples = [(r.subject, r.relation, r.object) for a in analyses for r in a.relations]
    scores["RELATIONS"] = score_relations(triples, gold["relations"], gold["entities"])
    return scores


def contract_entities(document: dict) -> list[tuple[str, set[str]]]:
    """(type, forms) per predicted entity of one document of the `explorer extract`
    JSON: its entities grouped by type and canonical name, each with every name."""
    grouped: dict[tuple[str, str], set[str]] = {}
    for article in document["articles"]:
        for entity in article["entities"]:
            grouped.setdefault((entity["type"], entity["canonical"]), {entity["canonical"]}).add(entity["name"])
    return [(kind, forms) for (kind, _), forms in grouped.items()]


def score_contract(document: dict, gold: dict) -> dict[str, Score]:
    """Scores of one document of `explorer extract … --format json` output, read
    the way an outside evaluation reads it: entities and relations of the JSON
    only (credits are not relations). Keys: the entity types, "ALL",
    "RELATIONS" and "REL:<relation>" per relation type."""
    scores = score_entities(contract_entities(document), gold["entities"])
    triples = [(r["subject"], r["relation"], r["object"]) for a in document["articles"] for r in a["relations"]]
    scores["RELATIONS"] = score_relations(triples, gold["relations"], gold["entities"])
    for relation, score in score_relations_by_type(triples, gold["relations"], gold["entities"]).items():
        scores[f"REL:{relation}"] = score
    return scores
