"""Text that keeps one paragraph per line: an article copied from a web page.

A printed page's text wraps every column at a fixed width, so a line that
does not end its sentence runs on into the next one (layout.py). Text copied
from a web page or saved by a site keeps each paragraph on one long line, and
there a line without a full stop is something else: the headline on top, a
photo caption, a list's heading, one row of a list. Joining those lines runs
a headline into its caption and a list's rows into one another, so such text
is read line by line instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from explorer.ingest.normalise import stands_as_row
from explorer.ingest.layout import (
    DANGLING,
    Line,
    Unit,
    headline_candidate,
    Lookahead,
    ends_sentence,
    iter_lines,
    width,
)

# No newspaper column is this wide: a line this long is a paragraph of its own.
PARAGRAPH_WIDTH = 60
# A paragraph-per-line text ends most of its long lines with a full stop (or
# the colon that opens a list); a wrapped page's long lines are rare anyway.
_PARAGRAPH_END = re.compile(r"[：:]\s*$")
_SAMPLE = 200_000
_LONG_LINE = re.compile(rf"[^\n]{{{PARAGRAPH_WIDTH + 1},}}")
# What follows a headline: an article's dateline or credit, or a paragraph.
_BODY_WIDTH = 30


def lines_are_paragraphs(text: str) -> bool:
    """True when the text keeps a paragraph per line: it has lines wider than
    any printed column, and at least half of them end their sentence."""
    long_lines = ended = 0
    for match in _LONG_LINE.finditer(text, 0, _SAMPLE):  # the text is never split whole
        line = match.group()
        if width(line) > PARAGRAPH_WIDTH:
            long_lines += 1
            ended += bool(ends_sentence(line) or _PARAGRAPH_END.search(line))
    return long_lines > 0 and ended * 2 >= long_lines


_MAX_WRAP = 6
# a bracketed note on a line of its own, (32家), belongs to the line above it
_NOTE = re.compile(r"^[（(][^（）()]{1,12}[）)]$")
# a photo caption under the headline is not part of the headline's phrase
_CAPTION = re.compile(r"^(?:图为|图片|上图|下图|图[：:])")
_PHRASE_WIDTH = 24
_PAIRS = ("“”", "《》", "（）", "()", "「」", "‘’")


def _runs_on(text: str) -> bool:
    """A line that cannot end where it does: a bracket or quote left open, or
    a last word that joins to what follows (的, 和). Copied poster text breaks
    its phrases like that: 《关于公布第二批省级 | 示范区创建单位名单的通知》."""
    return text[-1:] in DANGLING or any(text.count(a) > text.count(b) for a, b in _PAIRS)


def _phrase_broken(line: Line, following: Line | None) -> bool:
    """A short line of poster text (a phone-sized post breaks a sentence into
    phrases: 截至目前 | 我市共有8家 | 国家级X企业) that the next line goes on:
    neither ends a sentence or stands as a list's row."""
    if following is None or following.kind != "text":
        return False
    if _runs_on(line.text) or _NOTE.match(following.text):
        return True
    return not stands_as_row(following.text) and not _CAPTION.match(following.text) and _open_phrase(line)


def _open_phrase(line: Line) -> bool:
    return width(line.text) <= _PHRASE_WIDTH and not ends_sentence(line.text) and not _CAPTION.match(line.text) \
        and not _PARAGRAPH_END.search(line.text) and not stands_as_row(line.text)


def _body_line(line: Line | None) -> bool:
    """A line an article's body can open with."""
    if line is None:
        return False
    if line.kind in ("opener", "credit", "salutation"):
        return True
    return line.kind == "text" and width(line.text) > _BODY_WIDTH and ends_sentence(line.text)


def _stands_as_headline(line: Line, previous: Line | None, following: Line | None, after_credit: bool) -> bool:
    """A short line heads an article when it is the text's first, follows a
    credit, or sits between a finished paragraph and the next article's body.
    A list's heading and its rows are followed by more rows: they stay body."""
    if not headline_candidate(line):
        return False
    if previous is None or after_credit:  # the headline on top, unless a poster's first phrase
        return not (following is not None and _phrase_broken(line, following) and _open_phrase(following))
    # a numbered or counted section heading (二、X名单) stays in its article
    return ends_sentence(previous.text) and _body_line(following) and not stands_as_row(line.text)


def iter_paragraph_units(text: str) -> Iterator[Unit]:
    """The units of a paragraph-per-line text: every line is a unit of its
    own, a headline with its "——" subtitle, a credit or a paragraph."""
    lines = Lookahead(iter_lines(text))
    previous: Line | None = None  # the last line that was not page furniture
    last_role: str | None = None
    held: Unit | None = None  # a headline waits for its subtitle
    while (line := lines.get(0)) is not None:
        lines.advance()
        kind = line.kind
        if held is not None and kind == "text" and line.text.startswith("—") and headline_candidate(line):
            held.lines.append(line)
            previous = line
            continue
        if held is not None:
            yield held
            held = None
        if kind == "furniture":
            yield Unit("furniture", [line])
            continue
        if kind == "credit":
            unit = Unit("credit", [line])
        elif _stands_as_headline(line, previous, lines.get(0), last_role == "credit"):
            held = Unit("headline", [line])
            previous, last_role = line, "headline"
            continue
        else:
            unit = Unit("paragraph", [line], opens=kind in ("opener", "salutation"))
            while len(unit.lines) < _MAX_WRAP and _phrase_broken(unit.lines[-1], following := lines.get(0)):
                unit.lines.append(following)
                lines.advance()
        previous, last_role = unit.lines[-1], unit.role
        yield unit
    if held is not None:
        yield held
