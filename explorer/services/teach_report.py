"""What a lexicon change is, and what re-analysing for it changed.

`TeachReport.summary()` is the sentence users read after a teach:
"罗克佳华 taught as 机构: found in 14 more articles, 9 new facts".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from explorer.core.lexicon import LexiconEntry, NegativeFact, ProjectLexicon
from explorer.core.style import TYPE_STYLES


@dataclass(frozen=True)
class Change:
    """One change of the project lexicon.

    op: add (an entry), remove (every entry of a surface), undo (the last
    change), import (a shared lexicon), add-fact (a negative fact), resume
    (only finish what a killed run left)."""

    op: str
    entry: LexiconEntry | None = None
    surface: str = ""
    imported: ProjectLexicon | None = None
    negative: NegativeFact | None = None
    from_article: int | None = None  # the article the user taught it in (not counted as "more")

    @property
    def name(self) -> str:
        return self.entry.surface if self.entry else self.surface


def type_label(type_: str | None, chinese: bool = True) -> str:
    if type_ is None:
        return "不是名称" if chinese else "not a name"
    style = TYPE_STYLES.get(type_)
    return style.label if chinese and style else type_


@dataclass
class TeachReport:
    """Counts over every document swapped for one change."""

    change: Change
    documents: int = 0  # documents re-analysed and swapped
    articles: int = 0  # articles re-analysed
    mentions_before: set = field(default_factory=set)  # (article id, start, end, surface, type)
    mentions_after: set = field(default_factory=set)
    facts_before: set = field(default_factory=set)  # (subject, relation, object) visible
    facts_after: set = field(default_factory=set)
    cancelled: bool = False
    seconds: float = 0.0

    def _articles_with(self, mentions: set, surface: str) -> set[int]:
        """Articles with a mention written `surface` (of the taught type)."""
        type_ = self.change.entry.type if self.change.entry is not None else None
        return {m[0] for m in mentions if m[3] == surface and (type_ is None or m[4] == type_)}

    @property
    def found_in(self) -> int:
        """Articles where the surface is now a name and was not before (not
        counting the article it was taught in)."""
        surface = self.change.name
        new = self._articles_with(self.mentions_after, surface) - self._articles_with(self.mentions_before, surface)
        return len(new - {self.change.from_article})

    @property
    def lost_in(self) -> int:
        surface = self.change.name
        return len(self._articles_with(self.mentions_before, surface) - self._articles_with(self.mentions_after, surface))

    @property
    def new_facts(self) -> int:
        return len(self.facts_after - self.facts_before)

    @property
    def removed_facts(self) -> int:
        return len(self.facts_before - self.facts_after)

    @property
    def new_mentions(self) -> int:
        return len(self.mentions_after - self.mentions_before)

    @property
    def removed_mentions(self) -> int:
        return len(self.mentions_before - self.mentions_after)

    def summary(self, chinese: bool = True, label=None) -> str:
        """One line for the status bar or the terminal (`label`: how the GUI
        names a type in the interface language)."""
        if self.cancelled:
            return f"{self.change.name or 'lexicon'}: cancelled, nothing changed"
        counts = (f"{self.documents} documents re-analysed, {self.new_facts} new facts, "
                  f"{self.removed_facts} facts gone")
        op, entry = self.change.op, self.change.entry
        if op == "add" and entry is not None and entry.type is not None:
            shown = label(entry.type) if label is not None else type_label(entry.type, chinese)
            return (f"{entry.surface} taught as {shown}: found in {self.found_in} more "
                    f"articles, {self.new_facts} new facts" + (f", {self.removed_facts} facts gone" if self.removed_facts else ""))
        if op == "add" and entry is not None:
            return f"{entry.surface} marked as not a name: gone from {self.lost_in} articles, {self.removed_facts} facts gone"
        if op == "remove":
            return f"{self.change.surface} removed from the lexicon: {counts}"
        if op == "undo":
            return f"last lexicon change undone: {counts}"
        if op == "import":
            imported = self.change.imported or ProjectLexicon()
            return f"imported {len(imported.entries)} entries and {len(imported.negatives)} negative facts: {counts}"
        if op == "add-fact" and self.change.negative is not None:
            n = self.change.negative
            return f"{n.subject} {n.relation} {n.object} marked as wrong: {counts}"
        return f"lexicon re-analysis finished: {counts}"

    def as_dict(self) -> dict:
        return {
            "op": self.change.op, "name": self.change.name, "documents": self.documents, "articles": self.articles,
            "found_in": self.found_in, "lost_in": self.lost_in, "new_facts": self.new_facts,
            "removed_facts": self.removed_facts, "new_mentions": self.new_mentions,
            "removed_mentions": self.removed_mentions, "cancelled": self.cancelled,
            "seconds": round(self.seconds, 3), "summary": self.summary(),
        }


def tally(report: TeachReport, swap) -> None:
    """Add one document's swap (store.reanalysis.Swap) to the report."""
    report.documents += 1
    report.articles += swap.articles
    report.mentions_before |= swap.mentions_before
    report.mentions_after |= swap.mentions_after
    report.facts_before |= {f[:3] for f in swap.facts_before}
    report.facts_after |= {f[:3] for f in swap.facts_after}
