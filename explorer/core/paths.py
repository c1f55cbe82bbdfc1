"""File names as text: stored, shown on a terminal, and back to the file.

On Linux a file name is bytes. A name that is not UTF-8 (a zip made on
Windows unpacked here, GBK bytes) reaches Python with lone surrogates
(`surrogateescape`), which SQLite cannot store and a terminal cannot print.
Names with control characters or newlines would garble the output. Both are
quoted the way git quotes paths (`core.quotePath` off: Chinese stays as it
is): in double quotes, with C escapes (`\\n`, `\\t`, `\\"`, `\\\\`) and octal
bytes (`\\326\\320`) for what cannot be shown. A stored name that starts with
a double quote is such a quoted name (real paths are absolute), so
`filesystem_path` can turn it back into the file's name.
"""

from __future__ import annotations

import os
import re

_ESCAPES = {"\a": "a", "\b": "b", "\t": "t", "\n": "n", "\v": "v", "\f": "f", "\r": "r", '"': '"'}
_NEEDS_QUOTES = re.compile(r'[\x00-\x1f\x7f-\x9f"\ud800-\udfff\u2028\u2029]' + (r"|\\" if os.sep == "/" else ""))
_UNESCAPE = re.compile(r'\\([0-7]{3}|[abtnvfr"\\])')
_BACK = {v: k for k, v in _ESCAPES.items()} | {"\\": "\\"}


def quote_path(path: str) -> str:
    """`path` itself, or git's quoted form when it holds control characters,
    quotes, backslashes (POSIX) or bytes that are not UTF-8."""
    if not _NEEDS_QUOTES.search(path):
        return path
    out = []
    for ch in path:
        if ch == "\\":
            out.append("\\\\")
        elif ch in _ESCAPES:
            out.append("\\" + _ESCAPES[ch])
        elif "\udc80" <= ch <= "\udcff":  # an undecodable byte (surrogateescape)
            out.append(f"\\{ord(ch) - 0xDC00:03o}")
        elif _NEEDS_QUOTES.match(ch):
            out.extend(f"\\{b:03o}" for b in ch.encode("utf-8", "surrogatepass"))
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def storable_path(path: str) -> str:
    """The name as the project stores it: itself when it is valid text,
    quoted when it holds bytes that are not UTF-8."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return quote_path(path)
    return path


def display_path(path: str) -> str:
    """The name for a terminal line: quoted names stay as they are."""
    if len(path) > 1 and path.startswith('"') and path.endswith('"'):
        return path
    return quote_path(path)


def filesystem_path(stored: str) -> str:
    """The file name a stored (possibly quoted) name stands for."""
    if not (len(stored) > 1 and stored.startswith('"') and stored.endswith('"')):
        return stored
    raw = bytearray()
    body = stored[1:-1]
    pos = 0
    for match in _UNESCAPE.finditer(body):
        raw += body[pos : match.start()].encode("utf-8", "surrogateescape")
        code = match.group(1)
        raw += bytes([int(code, 8)]) if code[0].isdigit() else _BACK[code].encode()
        pos = match.end()
    raw += body[pos:].encode("utf-8", "surrogateescape")
    return os.fsdecode(bytes(raw))
