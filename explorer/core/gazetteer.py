"""China's administrative divisions, loaded from the packaged table.

Both the NLP pipeline (to find and resolve place names) and the store (to
place entities in the hierarchy) need it, and they may not import each
other, so it lives in core and uses only the standard library. The table
is built by tools/build_gazetteer.py; see docs/nlp.md for source and licence.
"""

from __future__ import annotations

import functools
import gzip
from collections import defaultdict
from pathlib import Path
from typing import NamedTuple

DATA_FILE = Path(__file__).resolve().parent / "data" / "divisions.tsv.gz"

# Coarse rank of each level, province first; used to prefer bigger units.
LEVEL_RANK = {
    "province": 0,
    "city": 1,
    "zone": 2,
    "district": 2,
    "county": 2,
    "county_city": 2,
    "street": 3,
    "town": 3,
    "township": 3,
    "community": 4,
    "village": 4,
}


class Division(NamedTuple):
    """One division; a NamedTuple because 120k of them are built at start-up."""

    code: str
    name: str
    level: str
    parent: str | None
    short: str

    @property
    def rank(self) -> int:
        return LEVEL_RANK.get(self.level, 5)


class Gazetteer:
    """Lookup by full or short name, and walks up the hierarchy."""

    def __init__(self, divisions: list[Division]):
        self._by_code = {d.code: d for d in divisions}
        self._by_name: dict[str, list[Division]] = defaultdict(list)
        for division in divisions:
            self._by_name[division.name].append(division)
            if division.short != division.name:
                self._by_name[division.short].append(division)

    def __len__(self) -> int:
        return len(self._by_code)

    def __contains__(self, name: str) -> bool:
        return name in self._by_name

    def get(self, code: str) -> Division | None:
        return self._by_code.get(code)

    def lookup(self, name: str) -> list[Division]:
        """Divisions whose full or short name is `name`, biggest units first."""
        return sorted(self._by_name.get(name, ()), key=lambda d: (d.rank, d.code))

    def parent(self, code: str) -> Division | None:
        division = self._by_code.get(code)
        if division is None or not division.parent:
            return None
        return self._by_code.get(division.parent)

    def path(self, code: str) -> list[Division]:
        """The division itself, then its parents up to the province."""
        chain = []
        division = self._by_code.get(code)
        while division is not None:
            chain.append(division)
            division = self._by_code.get(division.parent) if division.parent else None
        return chain

    def children(self, code: str) -> list[Division]:
        return [d for d in self._by_code.values() if d.parent == code]

    def divisions(self):
        """Every division, in table order."""
        return self._by_code.values()

    def names(self) -> set[str]:
        """Every full and short name the gazetteer knows."""
        return set(self._by_name)

    def is_within(self, code: str, ancestor_code: str) -> bool:
        return any(d.code == ancestor_code for d in self.path(code))


def parse_table(text: str) -> list[Division]:
    divisions = []
    make = Division._make
    for line in text.splitlines()[1:]:
        fields = line.split("\t")
        if not fields[3]:
            fields[3] = None
        divisions.append(make(fields))
    return divisions


@functools.lru_cache(maxsize=1)
def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """The packaged gazetteer (cached: it is read once per process)."""
    data = gzip.decompress((path or DATA_FILE).read_bytes()).decode("utf-8")
    return Gazetteer(parse_table(data))
