"""Bytes -> text for plain-text files: detect the encoding, never guess.

Order: a BOM decides (UTF-8, UTF-16, UTF-32); strict UTF-8 wins when it
decodes; otherwise charset-normalizer chooses among the encodings Chinese
text actually comes in (GB18030 covers GBK and GB2312; Big5 and Big5-HKSCS
for traditional text). Latin-1 is deliberately not a candidate: it decodes
anything, so it would turn garbage into "text" instead of an error.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from explorer.errors import BinaryFileError, EmptyFileError, EncodingDetectionError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CANDIDATES = ["gb18030", "big5", "big5hkscs", "utf_16_le", "utf_16_be"]
_MAGIC = (
    b"%PDF-", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x7fELF",
    b"MZ", b"\x1f\x8b", b"BZh", b"7z\xbc\xaf", b"Rar!", b"SQLite format 3",
    b"\xd0\xcf\x11\xe0",
)


def _looks_binary(data: bytes) -> bool:
    if data.startswith(_MAGIC):
        return True
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > max(8, len(sample) // 100)


def decode_bytes(data: bytes, path: str) -> tuple[str, str]:
    """(text, encoding name) or a typed error naming the file."""
    if not data.strip():
        raise EmptyFileError(path, "the file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as error:
                raise EncodingDetectionError(path, f"invalid {encoding} after its byte-order mark: {error.reason}") from None
            return _non_empty(text, path), encoding.replace("-sig", "")
    if _looks_binary(data):
        raise BinaryFileError(path, "binary data, not text")
    try:
        return _non_empty(data.decode("utf-8"), path), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data, cp_isolation=_CANDIDATES).best()
    if best is None:
        raise EncodingDetectionError(path, "not valid UTF-8, GB18030/GBK, Big5 or UTF-16 text")
    return _non_empty(str(best), path), best.encoding


def _non_empty(text: str, path: str) -> str:
    if not text.strip():
        raise EmptyFileError(path, "the file holds no text")
    return text
