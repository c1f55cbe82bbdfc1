"""Bytes -> text for plain-text files: detect the encoding, never guess blindly.

Order:
1. A BOM decides (UTF-8, UTF-16, UTF-32).
2. UTF-16 without a BOM only when its NUL bytes say so: Chinese news text
   holds digits, Latin letters and line breaks, whose UTF-16 form has a NUL
   on every other byte (GBK or Big5 text never holds a NUL), and the result
   must read as text: printable ASCII and common Chinese characters.
3. Anything else with NULs or many control bytes is binary data.
4. Strict UTF-8 wins when it decodes (unless a handful of non-Chinese
   characters read far better as GBK or Big5: short GBK can be valid UTF-8).
5. Otherwise the Chinese legacy encodings: GB18030 (covers GBK and GB2312)
   and Big5 (Big5-HKSCS). Most GBK byte strings are also valid Big5 and
   every Big5 string is valid GB18030, so both are decoded and the one whose
   characters are common Chinese characters wins (character frequencies of
   jieba's HMM model, traditional text read through OpenCC). A short snippet
   whose two readings score close is an unsure guess: `Decoded.unsure` says
   so and ingest reports it.

Latin-1 is deliberately not a candidate: it decodes anything, so it would
turn garbage into "text" instead of an error.
"""

from __future__ import annotations

import codecs
import functools
import itertools
import re
import unicodedata
from dataclasses import dataclass

from explorer.errors import BinaryFileError, EmptyFileError, EncodingDetectionError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_LEGACY = ("gb18030", "big5", "big5hkscs")
_BLANK = re.compile(rb"[ \t\n\r\x0b\x0c]*").fullmatch  # what bytes.strip() removes
_MAGIC = (
    b"%PDF-", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x7fELF",
    b"MZ", b"\x1f\x8b", b"BZh", b"7z\xbc\xaf", b"Rar!", b"SQLite format 3",
    b"\xd0\xcf\x11\xe0",
)
# Mean log-probability per character: a margin below this between the GB and
# the Big5 reading is an unsure guess (measured on 2- to 64-character
# snippets of the sample pages: every wrong pick had a margin under 1.1).
UNSURE_MARGIN = 1.5
_FLOOR = -18.0  # a character the model has never seen
PLAUSIBLE_CHINESE = -11.0  # Chinese prose scores -6 to -8; random code points near the floor
_PUNCTUATION = set("，。、：；“”‘’（）《》！？…—·「」『』【】％")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    unsure: bool = False  # two encodings read the bytes about equally well


def _looks_binary(data: bytes) -> bool:
    if data.startswith(_MAGIC):
        return True
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > max(8, len(sample) // 100)


def _utf16_by_nuls(data: bytes) -> str | None:
    """utf-16-le/-be when the NULs sit on one byte parity and the text decodes
    cleanly to printable characters."""
    sample = data[:8192]
    sample = sample[: len(sample) - len(sample) % 2]
    nuls = [i for i, b in enumerate(sample) if b == 0]
    if len(nuls) < 2 or len(data) % 2:
        return None
    # ASCII puts its NUL on the high byte; a Chinese character ending in 00
    # (一 U+4E00) puts one on the other side, so the parity is a majority.
    odd = sum(i % 2 for i in nuls)
    encoding = "utf-16-le" if odd >= 0.7 * len(nuls) else "utf-16-be" if odd <= 0.3 * len(nuls) else None
    if encoding is None:
        return None
    try:
        text = _decode(data, encoding)
    except UnicodeDecodeError:
        return None
    # Text, not bytes that happen to pair up: printable ASCII and Chinese
    # characters only, and Chinese ones that are common.
    odd = sum(1 for ch in text if not _text_character(ch))
    if odd > len(text) // 100 or _plausibility(text) < PLAUSIBLE_CHINESE:
        return None
    return encoding


@functools.lru_cache(maxsize=1)
def _log_probabilities() -> dict[str, float]:
    """Per character, its best log emission probability in jieba's HMM (a
    shipped, offline table of simplified and traditional characters)."""
    from jieba.finalseg.prob_emit import P

    best: dict[str, float] = {}
    for table in P.values():
        for ch, lp in table.items():
            if lp > best.get(ch, _FLOOR - 1):
                best[ch] = lp
    return best


def _plausibility(text: str) -> float:
    """Mean log-probability of the non-ASCII characters of `text`."""
    from explorer.core.text import to_simplified

    table = _log_probabilities()
    scores = []
    for ch in to_simplified(text[:4000]):
        if ch.isascii():
            if not (ch.isprintable() or ch in "\t\n\r\f"):
                scores.append(_FLOOR)
        elif ch in _PUNCTUATION:
            scores.append(-6.0)
        else:
            scores.append(table.get(ch, _FLOOR))
    return sum(scores) / len(scores) if scores else _FLOOR


def _legacy(data: bytes) -> Decoded | None:
    readings: dict[str, str] = {}
    for encoding in _LEGACY:
        if encoding == "big5hkscs" and "big5" in readings:
            continue
        try:
            readings[encoding] = _decode(data, encoding)
        except UnicodeDecodeError:
            continue
    if not readings:
        return None
    if len(readings) == 1:
        (encoding, text), = readings.items()
        return Decoded(text, encoding)
    scores = {encoding: _plausibility(text) for encoding, text in readings.items()}
    ranked = sorted(scores, key=scores.get, reverse=True)
    best, second = ranked[0], ranked[1]
    return Decoded(readings[best], best, unsure=scores[best] - scores[second] < UNSURE_MARGIN)


def _short_legacy(text: str, data: bytes) -> Decoded | None:
    """A few GBK characters can also be valid UTF-8 (食品 reads as ʳƷ): when the
    UTF-8 reading has only a few non-ASCII characters and no Chinese one, and
    a legacy reading is clearly more Chinese, that reading wins (unsure)."""
    # at most 17 are needed; listing every one cost 70 bytes a character (a 50 MB file: GBs)
    foreign = list(itertools.islice((ch for ch in text if not ch.isascii()), 17))
    if not foreign or len(foreign) > 16 or any(_is_chinese(ch) for ch in foreign) or _one_script(foreign):
        return None
    found = _legacy(data)
    if found is None or _plausibility(found.text) - _plausibility(text) < 2 * UNSURE_MARGIN:
        return None
    return Decoded(found.text, found.encoding, unsure=True)


def _one_script(chars: list[str]) -> bool:
    """Letters of one alphabet and ordinary punctuation (café, Привет): a
    real UTF-8 reading. GBK bytes read as UTF-8 give modifier letters,
    combining marks and a mix of Greek, Cyrillic, Armenian or Hebrew."""
    scripts = set()
    for ch in chars:
        category = unicodedata.category(ch)
        if category[0] in "PSZ":
            continue
        if category in ("Lm", "Mn", "Mc", "Me") or category[0] != "L":
            return False
        scripts.add(unicodedata.name(ch, "?").split()[0])
    return len(scripts) <= 1


def _text_character(ch: str) -> bool:
    if ch.isascii():
        return ch.isprintable() or ch in "\t\n\r\f"
    return _is_chinese(ch) or "\u2000" <= ch <= "\u206f" or ch in _PUNCTUATION or ch == "\u00b7"


def _is_chinese(ch: str) -> bool:
    return "\u3000" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\uff00" <= ch <= "\uffef" or ch > "\U00020000"


def decode_text(data: bytes, path: str) -> Decoded:
    """The text of `data` with its encoding, or a typed error naming the file."""
    if _BLANK(data):  # not data.strip(): that copies a 50 MB file
        raise EmptyFileError(path, "the file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = _decode(data, encoding)
            except UnicodeDecodeError as error:
                raise EncodingDetectionError(path, f"invalid {encoding} after its byte-order mark: {error.reason}") from None
            return Decoded(_non_empty(text, path), encoding.replace("-sig", ""))
    utf16 = _utf16_by_nuls(data)
    if utf16:
        return Decoded(_non_empty(_decode(data, utf16), path), utf16)
    if _looks_binary(data):
        raise BinaryFileError(path, "binary data, not text")
    try:
        text = _decode(data, "utf-8")
    except UnicodeDecodeError:
        pass
    else:
        found = _short_legacy(text, data)
        return found or Decoded(_non_empty(text, path), "utf-8")
    found = _legacy(data)
    if found is None:
        raise EncodingDetectionError(path, "not valid UTF-8, GB18030/GBK, Big5 or UTF-16 text")
    return Decoded(_non_empty(found.text, path), found.encoding, found.unsure)


DECODE_PIECE = 1 << 20  # bytes


def _decode(data: bytes, encoding: str) -> str:
    """`data.decode(encoding)`, a megabyte at a time. One call sizes its
    buffer for the worst case and widens it as it meets wider characters:
    Chinese UTF-8 peaked at four times its text (a 50 MB file: 150 MB over
    the text); pieces joined peak at twice the text. Same result, same errors."""
    if len(data) <= DECODE_PIECE:
        return data.decode(encoding)
    decoder = codecs.getincrementaldecoder(encoding)()
    view = memoryview(data)
    try:
        pieces = [decoder.decode(view[i : i + DECODE_PIECE]) for i in range(0, len(data), DECODE_PIECE)]
    except UnicodeDecodeError:
        raise
    except UnicodeError:  # utf-16/utf-32 without a byte-order mark: decode() assumes one
        return data.decode(encoding)
    pieces.append(decoder.decode(b"", True))
    return "".join(pieces)


def decode_bytes(data: bytes, path: str) -> tuple[str, str]:
    """(text, encoding name) or a typed error naming the file."""
    decoded = decode_text(data, path)
    return decoded.text, decoded.encoding


def unsure_note(decoded: Decoded) -> str | None:
    """The sentence ingest reports for an unsure guess."""
    if not decoded.unsure:
        return None
    return f"the encoding was guessed as {decoded.encoding} but the text is short: check that it reads correctly"


def _non_empty(text: str, path: str) -> str:
    if not text or text.isspace():  # not text.strip(): that copies the text (38 MB for a 50 MB file)
        raise EmptyFileError(path, "the file holds no text")
    return text
