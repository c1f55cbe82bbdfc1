"""NetworkX views of the knowledge graph and the algorithms on them.

The store builds these graphs; the GUI, export and CLI consume them. The
attribute contract below is what they rely on; keep it stable.

Graph type: `networkx.MultiDiGraph` (several facts may link the same two
entities; direction is subject -> object).

Nodes
    key         entity id (int)
    name        str            display name (after user corrections)
    type        str            PERSON | ORG | PLACE | PROGRAM | HONOR
    aliases     list[str]      other names the entity is known by
    mentions    int            number of mentions across all articles
    level       str | None     administrative level for places (province,
                               city, district, town, ...), else None

Edges (u = subject id, v = object id)
    key         relation id (int): the smallest id of the facts with the same
                subject, relation, object, role and year (they are one edge)
    relation    str            located_in | awarded | role_at | issued_by |
                               participates_in | part_of
    role        str | None     e.g. a title for role_at
    year        int | None
    confidence  float          best extractor confidence among the statements
    evidence    list[dict]     {"sentence", "article_id", "headline", "date",
                               "source"}, one per statement of the fact
                               (empty when the graph was built without evidence)

The store never hands a sqlite connection to this package: it passes a
`GraphReader` (rows in, graphs out), so a neighbourhood is read straight from
SQLite without loading the whole project.
"""

from explorer.graph.build import (
    EdgeRow,
    FactRow,
    GraphReader,
    NodeRow,
    build_graph,
    build_graph_from_facts,
    neighbourhood,
)
from explorer.graph.algorithms import (
    centrality_ranking,
    connecting_subgraph,
    parse_pattern,
    match_pattern,
    shortest_paths,
)

__all__ = [
    "EdgeRow",
    "FactRow",
    "GraphReader",
    "NodeRow",
    "build_graph",
    "build_graph_from_facts",
    "centrality_ranking",
    "connecting_subgraph",
    "match_pattern",
    "neighbourhood",
    "parse_pattern",
    "shortest_paths",
]
