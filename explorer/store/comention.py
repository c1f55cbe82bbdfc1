"""Co-mentions: pairs of entities named in the same article.

Most entities of a local page have no typed relation with each other, so a
graph of facts alone is mostly isolated dots. Being named in the same
article is weaker evidence than a stated fact, but it is what a reader sees
(Datashare and Aleph offer it too); it is read here for a given set of
entities only, weighted by the number of articles, strongest first.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

PAIR_LIMIT = 5000


def comentions(
    conn: sqlite3.Connection, entity_ids: Iterable[int], min_articles: int = 1, limit: int = PAIR_LIMIT,
) -> list[tuple[int, int, int]]:
    """(a, b, articles) for pairs of `entity_ids` named in the same articles,
    a < b, most shared articles first."""
    ids = json.dumps(sorted({int(i) for i in entity_ids}))
    return [tuple(row) for row in conn.execute(
        "WITH m AS (SELECT DISTINCT article_id, entity_id FROM mentions "
        "           WHERE entity_id IN (SELECT value FROM json_each(?))) "
        "SELECT x.entity_id, y.entity_id, count(*) AS n FROM m x JOIN m y "
        "ON y.article_id = x.article_id AND y.entity_id > x.entity_id "
        "GROUP BY x.entity_id, y.entity_id HAVING n >= ? ORDER BY n DESC, x.entity_id, y.entity_id LIMIT ?",
        (ids, min_articles, limit),
    )]
