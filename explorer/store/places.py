"""Administrative hierarchy for PLACE entities, from explorer.core.gazetteer.

The gazetteer (China's administrative divisions, bundled) is written by the
NLP side; until it is present, or if its data is missing, places are simply
not linked (no crash, no hierarchy: `located in 南通市` then only matches
places that the text itself links with located_in/part_of).
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass


@dataclass(frozen=True)
class PlaceLink:
    code: str
    level: str | None
    path_codes: str  # "/370000/371500/371502/" root first, for LIKE '%/code/%'
    path_names: tuple[str, ...]  # leaf first: (金沙街道, 通州区, 南通市, 江苏省)


@functools.lru_cache(maxsize=1)
def gazetteer():
    """The loaded gazetteer, or None when it is not available."""
    try:
        from explorer.core import gazetteer as module  # written in parallel; optional

        return module.load_gazetteer()
    except Exception:  # noqa: BLE001 - any failure means "no hierarchy", never a crash
        return None


def _chain(gaz, division) -> list:
    """Divisions from the leaf up to the root."""
    try:
        chain = list(gaz.path(division.code))
    except Exception:  # noqa: BLE001
        chain = [division]
    if chain and chain[0].code != division.code:
        chain.reverse()
    return chain


def _rank(division) -> int:
    rank = getattr(division, "rank", None)
    if isinstance(rank, int):
        return rank
    return {"province": 0, "city": 1, "district": 2, "county": 2}.get(getattr(division, "level", ""), 3)


def link_place(name: str, home_city: str | None = None) -> PlaceLink | None:
    """The division `name` denotes; with several candidates, prefer the one under
    the source's home city, else a unique province or city, else give up rather
    than guess (a wrong link would put a company in the wrong county)."""
    gaz = gazetteer()
    if gaz is None:
        return None
    try:
        candidates = list(gaz.lookup(name))
    except Exception:  # noqa: BLE001
        return None
    if not candidates:
        return None
    # a short form ("南通") counts only for county level and above: town short
    # forms such as 新区 are ordinary words
    candidates = [c for c in candidates if c.name == name or _rank(c) <= 2]
    if not candidates:
        return None
    chains = [_chain(gaz, c) for c in candidates]
    if len(chains) > 1 and home_city:
        local = [ch for ch in chains if any(d.name == home_city or getattr(d, "short", None) == home_city for d in ch)]
        if len(local) == 1:
            chains = local
    if len(chains) > 1:
        # several places share the name: only a unique province or city is safe
        ranks = sorted(_rank(ch[0]) for ch in chains)
        if ranks[0] > 1 or ranks[0] == ranks[1]:
            return None
        chains = [ch for ch in chains if _rank(ch[0]) == ranks[0]]
    chain = chains[0]
    leaf = chain[0]
    return PlaceLink(
        code=str(leaf.code),
        level=getattr(leaf, "level", None),
        path_codes="/" + "/".join(str(d.code) for d in reversed(chain)) + "/",
        path_names=tuple(d.name for d in chain),
    )


def code_of(name: str, home_city: str | None = None) -> str | None:
    link = link_place(name, home_city)
    return link.code if link else None


def attrs_json(attrs: dict) -> str:
    return json.dumps(attrs, ensure_ascii=False, sort_keys=True)
