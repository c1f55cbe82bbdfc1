"""Issue 13 D6 and D18: short GBK and Big5 text is read as what it is, UTF-16
needs a BOM or its NUL pattern, and an unsure guess is said to be unsure.

Snippets come from the bundled (invented) sample pages, cut at random but
seeded places, encoded as a Windows or Taiwanese editor would save them."""

from __future__ import annotations

import functools
import random

import pytest

from explorer.core.text import to_simplified
from explorer.errors import BinaryFileError
from explorer.ingest import read_document
from explorer.ingest.decoding import decode_text
from explorer.settings import IngestOptions


@pytest.fixture(scope="module")
def prose(sample_dir) -> str:
    text = "".join((sample_dir / name).read_text(encoding="utf-8") for name in (
        "liaocheng-daily_2023-09-08_p01.txt", "liaocheng-daily_2023-03-14_p02.txt"))
    return "".join(text.split())


@functools.lru_cache(maxsize=1)
def _s2t():
    import opencc

    return opencc.OpenCC("s2t")


def _to_traditional(text: str) -> str:
    return _s2t().convert(text)


def _snippets(prose: str, length: int, count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [prose[i : i + length] for i in (rng.randrange(len(prose) - length) for _ in range(count))]


@pytest.mark.parametrize("encoding", ["gbk", "big5"])
def test_d6_eight_character_snippets_decode_exactly(prose, encoding):
    wrong = []
    for snippet in _snippets(prose, 8, 300, seed=13):
        if encoding == "big5":
            snippet = _to_traditional(snippet)
        try:
            data = snippet.encode(encoding)
        except UnicodeEncodeError:
            continue  # a character the encoding lacks
        decoded = decode_text(data, "x.txt")
        assert not decoded.encoding.startswith("utf-16")
        if decoded.text != snippet:
            wrong.append((snippet, decoded))
    assert wrong == []


@pytest.mark.parametrize("encoding", ["gbk", "big5"])
def test_d6_very_short_snippets_are_right_or_flagged_unsure(prose, encoding):
    """Two to four characters cannot always be told apart; then the guess must
    say it is unsure (a wrong guess stated with confidence is the defect)."""
    total = wrong_and_sure = 0
    for length in (2, 3, 4):
        for snippet in _snippets(prose, length, 200, seed=length):
            if encoding == "big5":
                snippet = _to_traditional(snippet)
            try:
                data = snippet.encode(encoding)
            except UnicodeEncodeError:
                continue
            decoded = decode_text(data, "x.txt")
            total += 1
            assert not decoded.encoding.startswith("utf-16")
            wrong_and_sure += decoded.text != snippet and not decoded.unsure
    assert wrong_and_sure <= total // 100  # measured: 0-3 of ~600, all short GBK that is valid UTF-8


def test_d6_an_unsure_guess_is_carried_to_the_document(tmp_path):
    path = tmp_path / "short.txt"
    path.write_bytes("平台".encode("gbk"))  # also valid UTF-8 (ƽ̨) and Big5
    document = read_document(path, IngestOptions())
    assert document.text == "平台" and document.encoding == "gb18030"
    assert document.warnings and "guessed" in document.warnings[0]
    sure = tmp_path / "long.txt"
    sure.write_bytes("聊城市人民政府召开常务会议，研究部署经济发展工作。".encode("gbk"))
    assert read_document(sure, IngestOptions()).warnings == ()


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_d18_utf16_without_bom_is_detected_by_its_nuls(sample_dir, tmp_path, encoding):
    text = (sample_dir / "liaocheng-daily_2023-09-08_p01.txt").read_text(encoding="utf-8")
    path = tmp_path / "page.txt"
    path.write_bytes(text.encode(encoding))
    document = read_document(path, IngestOptions())
    assert document.encoding == encoding and document.text == text


def test_d18_nul_patterns_that_are_not_text_stay_binary(tmp_path):
    path = tmp_path / "blob.txt"
    path.write_bytes(b"abc\x00\x01\x02\x03def" * 50)  # NULs on one parity, but not text
    with pytest.raises(BinaryFileError):
        read_document(path, IngestOptions())


def test_real_utf8_in_other_alphabets_stays_utf8():
    for text in ("café", "naïve résumé", "Ελληνικά", "Привет мир", "—“quote”"):
        decoded = decode_text(text.encode("utf-8"), "x.txt")
        assert (decoded.text, decoded.encoding, decoded.unsure) == (text, "utf-8", False)


def test_traditional_text_reads_as_big5_not_gbk(prose):
    snippet = _to_traditional(prose[100:160])
    decoded = decode_text(snippet.encode("big5", "ignore"), "x.txt")
    assert decoded.encoding in ("big5", "big5hkscs") and to_simplified(decoded.text)
