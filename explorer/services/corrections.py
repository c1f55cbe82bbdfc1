"""User corrections: rename, merge, split, change type, delete a fact, undo, redo.

Each is recorded as an edit in the project and re-applied when the articles
are ingested again (see explorer/store/edits.py for how).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from explorer.core import ENTITY_TYPES, StaleCorrection
from explorer.errors import NotFoundError, QueryError


def _entity(project, entity_id: int) -> int:
    return project.graph_reader().effective_id(entity_id)


# Control characters (Cc), format characters that hide text (bidi overrides,
# zero-width), surrogates and the Unicode non-characters: none belongs in a
# name, and several cannot be written to XML at all.
_BAD_NAME_CHARS = re.compile(
    "[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]"
)


def rename(project, entity_id: int, new_name: str) -> int:
    """Show the entity under `new_name`; the old name stays an alias."""
    new_name = new_name.strip()
    if not new_name:
        raise QueryError("a name cannot be empty")
    bad = _BAD_NAME_CHARS.search(new_name) or any((ord(c) & 0xFFFE) == 0xFFFE for c in new_name)
    if bad:
        raise QueryError("a name cannot hold control characters, line breaks or non-characters")
    return project.correct("rename", {"entity": _entity(project, entity_id), "name": new_name})


def merge(project, keep_id: int, other_id: int) -> int:
    """Fold `other` into `keep`: its mentions, facts and names move over."""
    keep, other = _entity(project, keep_id), _entity(project, other_id)
    if keep == other:
        merged = _merged_into(project, keep) | ({other_id} - {keep})
        if merged:  # a name of a merged entity finds the survivor: this merge was done before
            ids = ", ".join(f"#{i}" for i in sorted(merged))
            raise QueryError(f"already merged: {ids} merged into #{keep} (undo the merge to separate them)")
        raise QueryError("cannot merge an entity with itself")
    return project.correct("merge", {"keep": keep, "other": other})


def _merged_into(project, keep: int) -> set[int]:
    """Entities an active merge folded into `keep`."""
    return {
        e["params"]["other"] for e in project.edit_history()
        if e["active"] and e["op"] == "merge" and _entity(project, e["params"]["keep"]) == keep
    }


def split(project, entity_id: int, article_ids: Sequence[int], new_name: str | None = None) -> int:
    """Move the mentions and facts of `article_ids` to a new entity
    (two people who share a name); returns the edit id."""
    entity = _entity(project, entity_id)
    if not article_ids:
        raise QueryError("choose the articles that speak of the other entity")
    name = (new_name or "").strip() or project.graph_reader().names_of([entity])[entity][0]
    return project.correct("split", {"entity": entity, "name": name, "article_ids": list(article_ids)})


def split_entity_id(project, edit_id: int) -> int:
    """The id of the entity a split created."""
    for edit in project.edit_history():
        if edit["id"] == edit_id and edit["op"] == "split":
            return edit["params"]["new"]
    raise NotFoundError(f"split edit {edit_id}")


def set_type(project, entity_id: int, new_type: str) -> int:
    if new_type not in ENTITY_TYPES:
        raise QueryError(f"unknown type {new_type!r}; use one of {', '.join(ENTITY_TYPES)}")
    return project.correct("set_type", {"entity": _entity(project, entity_id), "type": new_type})


def delete_fact(project, relation_id: int) -> int:
    """Hide a wrong fact (every statement of it), now and after re-ingest."""
    fact = project.graph_reader().fact(relation_id)
    return project.correct("delete_fact", {
        "subject": fact.subject_id, "relation": fact.relation, "object": fact.object_id,
        "role": fact.role, "year": fact.year,
    })


def undo(project) -> dict | None:
    """Undo the last correction; returns it, or None if there was none."""
    return project.undo()


def redo(project) -> dict | None:
    return project.redo()


def history(project) -> list[dict]:
    return project.edit_history()


def not_applying(project) -> list[StaleCorrection]:
    """Corrections that no longer apply: a split whose articles were changed
    or removed by a later ingest (each ingest also reports the ones it made
    stale, in `FileOutcome.stale_corrections`)."""
    return project.stale_corrections()
