"""Reading, sharing and listing the project lexicon (issue 16).

Changes go through `services.teach` (they re-analyse what they concern);
this module answers "what has the project been taught" for the lexicon
panel and `explorer lexicon list`, and reads and writes the shared TSV.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from explorer.core import TaskState
from explorer.core.lexicon import (
    LexiconEntry,
    LexiconFormatError,
    NegativeFact,
    parse_tsv,
    to_tsv,
)
from explorer.errors import InputFileError
from explorer.services import teach
from explorer.store import lexicon as store_lexicon


@dataclass(frozen=True)
class EntryView:
    """One lexicon entry as users see it, with what it affects."""

    entry: LexiconEntry
    mentions: int  # stored mentions written as its surface
    articles: int  # articles whose text contains its surface

    def as_dict(self) -> dict:
        e = self.entry
        return {
            "surface": e.surface, "type": e.type_label, "canonical": e.canonical, "origin": e.origin,
            "created": e.created, "active": e.active, "edit": e.edit_id, "mentions": self.mentions,
            "articles": self.articles,
        }


def entries(project, include_inactive: bool = False) -> list[EntryView]:
    """Entries, newest first, with the mentions and articles they concern."""
    conn = project.reader()
    chosen = [e for e in store_lexicon.load(conn).entries if include_inactive or e.active]
    counts = store_lexicon.mention_counts(conn, (e.surface for e in chosen))
    return [
        EntryView(e, counts.get(e.surface, 0), len(store_lexicon.articles_containing(conn, e.surface)))
        for e in reversed(chosen)
    ]


def negatives(project, include_inactive: bool = False) -> list[NegativeFact]:
    return [n for n in store_lexicon.load(project.reader()).negatives if include_inactive or n.active]


def pending_documents(project) -> int:
    """Documents a killed re-analysis left to do (`teach.resume` finishes them)."""
    return len(store_lexicon.pending_documents(project.reader()))


def can_undo(project) -> bool:
    return any(not c["undone"] for c in store_lexicon.changes(project.reader()))


def export_tsv(project, path: str | Path) -> tuple[int, int]:
    """Write the active entries and negative facts as TSV; returns their numbers."""
    lexicon = store_lexicon.load(project.reader()).active()
    Path(path).write_text(to_tsv(lexicon), encoding="utf-8")
    return len(lexicon.entries), len(lexicon.negatives)


def read_tsv(path: str | Path):
    """A shared lexicon file, checked line by line (InputFileError says which line is wrong)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputFileError(str(path), "no such file") from None
    except UnicodeDecodeError:
        raise InputFileError(str(path), "not UTF-8 text (a lexicon TSV is written in UTF-8)") from None
    except OSError as exc:
        raise InputFileError(str(path), exc.strerror or str(exc)) from None
    try:
        return parse_tsv(text)
    except LexiconFormatError as exc:
        raise InputFileError(str(path), str(exc)) from None


def import_tsv(project, path: str | Path, state: TaskState | None = None, *, nlp=None) -> teach.TeachReport:
    """Add a shared lexicon to the project (one undoable change) and re-analyse what it concerns."""
    imported = read_tsv(path)
    if not imported:
        raise InputFileError(str(path), "no entries (lines 'name<TAB>SURFACE<TAB>TYPE…' or 'not-fact<TAB>…')")
    return teach.import_lexicon(project, imported, state, nlp=nlp)
