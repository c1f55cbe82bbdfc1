"""Worker-side helpers around the canvas's graphs (plain functions, no Qt).

The canvas asks the store for neighbourhoods without evidence (about half the
time); these functions add back what the canvas left out when it is needed:
how many entities the cut neighbourhood really has, and the evidence of every
edge when the current view is exported.
"""

from __future__ import annotations

COUNT_CAP = 10_000  # counting stops here; shown as "10000+"


def count_neighbourhood(backend, entity_id, hops: int, cap: int = COUNT_CAP) -> int:
    """Entities within `hops` of `entity_id`; negative (-cap) when there are at least `cap`."""
    size = backend.neighbourhood(entity_id, hops, limit=cap, with_evidence=False).number_of_nodes()
    return -size if size >= cap else size


def evidence_dicts(fact) -> list[dict]:
    """A Fact's evidence in the graph's edge-attribute form (explorer.graph contract)."""
    return [
        {"sentence": e.sentence, "article_id": e.article_id, "headline": e.headline, "date": e.date, "source": e.source}
        for e in fact.evidence
    ]


def view_with_evidence(backend, view, center, hops: int, limit: int, facts: dict | None = None):
    """A copy of `view` (what the canvas shows) whose edges carry their evidence:
    one neighbourhood read with evidence covers the centre's edges; edges added
    by expanding other nodes are read one by one (`backend.fact`). Facts the
    canvas already fetched (`facts`, edge key -> Fact) are reused."""
    graph = view.copy()
    missing = {key for _a, _b, key, data in graph.edges(keys=True, data=True) if not data.get("evidence")}
    if not missing:
        return graph
    found: dict = {}
    for key in list(missing):
        if facts and key in facts:
            found[key] = evidence_dicts(facts[key])
    if center is not None and len(found) < len(missing):
        full = backend.neighbourhood(center, hops, limit=limit, with_evidence=True)
        for _a, _b, key, data in full.edges(keys=True, data=True):
            if key in missing and key not in found and data.get("evidence"):
                found[key] = list(data["evidence"])
    for key in missing - set(found):
        found[key] = evidence_dicts(backend.fact(key))
    for _a, _b, key, data in graph.edges(keys=True, data=True):
        if key in found:
            data["evidence"] = found[key]
    return graph
