"""Character-level normalisation and line unwrapping.

Readers keep the original text (for display and offsets); the NLP reads the
normalised form built here. `normalise_text` is idempotent and never joins
lines, so it is also safe for search queries; `unwrap_lines` undoes the hard
line-wrapping of newspaper columns and only ever drops line breaks.
"""

from __future__ import annotations

import re

from explorer.core.text import to_simplified as traditional_to_simplified
from explorer.ingest.layout import ends_sentence

# Full-width ASCII letters and digits (and the symbols that live inside Latin
# tokens: ＠ in mail addresses, ％ in figures) fold to their half-width form.
_FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF1A)}  # ０-９
_FOLD.update({cp: cp - 0xFEE0 for cp in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ
_FOLD.update({cp: cp - 0xFEE0 for cp in range(0xFF41, 0xFF5B)})  # ａ-ｚ
_FOLD.update({0xFF20: ord("@"), 0xFF05: ord("%"), 0x3000: ord(" "), 0x00A0: ord(" ")})

_CJK = r"\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef"
_SPACE_RUN = re.compile(r"[ \t]+")
# A space is noise next to CJK text unless it separates two Han characters
# (headline decks, bylines "记者 张三 李四" keep theirs).
_SPACE_CJK_ASCII = re.compile(rf"(?<=[{_CJK}]) (?=[0-9A-Za-z%.])|(?<=[0-9A-Za-z%.]) (?=[{_CJK}])")
_SPACE_CJK_PUNCT = re.compile(
    r" (?=[，。、；：！？）》」』”’%])|(?<=[，。、；：！？（《「『“‘]) "
    r"|(?<=[\u4e00-\u9fff]) (?=[（《「『“])|(?<=[）》」』”]) (?=[\u4e00-\u9fff])"
)


# Cc except tab/LF/CR, soft hyphen, zero-width and bidi marks, BOM, private
# use (PDF glyphs without Unicode), lone surrogates, and the Unicode
# non-characters (U+FDD0..U+FDEF and the last two code points of every
# plane), which are not text and cannot be written to XML.
_NONCHARACTERS = "\ufdd0-\ufdef\ufffe\uffff" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(1, 17)
)
_CONTROLS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\ue000-\uf8ff\ud800-\udfff" + _NONCHARACTERS + "]"
)


def strip_controls(text: str) -> str:
    """Drop control/format characters (NUL, zero-width spaces, BOM); CR becomes LF."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _CONTROLS.sub("", text)


def fold_width(text: str) -> str:
    """Full-width letters and digits -> ASCII (same length, offsets kept)."""
    return text.translate(_FOLD)


def normalise_text(text: str, to_simplified: bool = False) -> str:
    """The character normalisation of Article.text: controls out, full-width
    letters/digits folded, spaces tidied, optionally traditional -> simplified.
    Line breaks are kept as they are."""
    text = strip_controls(text).translate(_FOLD)
    if to_simplified:
        text = traditional_to_simplified(text)
    lines = []
    for line in text.split("\n"):
        line = _SPACE_RUN.sub(" ", line).strip()
        line = _SPACE_CJK_ASCII.sub("", line)
        line = _SPACE_CJK_PUNCT.sub("", line)
        lines.append(line)
    return "\n".join(lines)


_ASCII_WORD_END = re.compile(r"[A-Za-z]$")
_ASCII_WORD_START = re.compile(r"^[A-Za-z]")


# A row of a published list starts its own line, whatever the wrapping: a list
# marker (一、 （二） 3. ④) begins one, and a short group heading with a count
# (宜都市（3个）) is one. Joining them would run the list into one line.
_LIST_MARKER = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十0-9]{1,3}[）)]|[0-9]{1,2}[.、．](?![0-9])|[①-⑳])")
_COUNTED_HEADING = re.compile(r"^[^，。；,;]{2,16}[（(][0-9一二三四五六七八九十]{1,3}[个家项名所户条][）)][:：]?$")
# 武汉市：武昌区、蔡甸区、江夏区 — a group heading with its items on one line; the
# line after it starts afresh too
_GROUP_ROW = re.compile(r"^[\u4e00-\u9fff]{2,10}[:：]\s*(?:[^，。；,;：:、\s]{1,24}\s*、\s*)*[^，。；,;：:、\s]{1,24}$")


def _list_row(line: str) -> bool:
    return bool(_LIST_MARKER.match(line) or _COUNTED_HEADING.match(line) or _GROUP_ROW.match(line))


# a short line that is a whole name (甲市人民政府, 乙县丙镇) or a list's heading is a
# row of a table, however the page was wrapped
_NAME_ROW_END = re.compile(r"(?:人民政府|有限公司|有限责任公司|集团|镇|乡|街道|村|社区|单位|[）)])$")
_SHORT_ROW = 0.6


# a line of three or more names set out with 、 and nothing else (甲县、乙市、丙区)
_ENUMERATION_ROW = re.compile(r"^[^，。；,;！？：:、]{2,24}(?:、[^，。；,;！？：:、]{2,24}){2,}$")


def stands_as_row(line: str) -> bool:
    """A line that is a row of a list on its own, however short: a list marker,
    a counted group heading, a whole name, or names set out with 、."""
    return _list_row(line) or _NAME_ROW_END.search(line) is not None or _ENUMERATION_ROW.match(line) is not None


def _short_row(line: str, width: int) -> bool:
    return width >= 12 and 3 <= len(line) <= _SHORT_ROW * width and not re.search(r"[，。；,;！？]", line) \
        and (_LIST_MARKER.match(line) is not None or _NAME_ROW_END.search(line) is not None)


def join_wrapped(lines: list[str]) -> str:
    """Join the lines of one paragraph: Chinese text joins with nothing, a
    Latin word broken at a line end keeps a space, and the rows of a list
    keep their line breaks (a list marker, a counted group heading, or a short
    line that is a whole name)."""
    out: list[str] = []
    row = False
    width = max((len(line.strip()) for line in lines), default=0)
    for line in lines:
        line = line.strip()
        if not line:
            continue
        starts_row = _list_row(line)
        if out and (starts_row or _short_row(out[-1], width)
                    or row and (_COUNTED_HEADING.match(out[-1]) or _GROUP_ROW.match(out[-1]))):
            out.append("\n")
        elif out and _ASCII_WORD_END.search(out[-1]) and _ASCII_WORD_START.match(line):
            out.append(" ")
        out.append(line)
        row = starts_row
    return "".join(out)


def unwrap_lines(text: str) -> str:
    """Undo hard wrapping in plain text: lines join into paragraphs, a blank
    line ends a paragraph only after sentence-final punctuation (otherwise it
    is a column break inside a sentence). Only line breaks are removed or
    turned into spaces between Latin words; paragraphs are separated by "\\n"."""
    paragraphs: list[list[str]] = []
    current: list[str] = []
    pending_break = False
    for line in text.split("\n"):
        if not line.strip():
            if current and ends_sentence(current[-1]):
                pending_break = True
            continue
        if pending_break and current:
            paragraphs.append(current)
            current = []
        pending_break = False
        current.append(line)
    if current:
        paragraphs.append(current)
    return "\n".join(join_wrapped(p) for p in paragraphs)
