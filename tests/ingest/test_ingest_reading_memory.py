"""Reading a huge text file holds its bytes and its text, not copies of them
(issue 13: a 50 MB file decodes to about 38 MB of text)."""

from __future__ import annotations

import tracemalloc

import pytest

from explorer.errors import EmptyFileError
from explorer.ingest import decoding, home_city
from explorer.ingest.decoding import decode_text


def _peak_while(call) -> int:
    tracemalloc.start()
    try:
        call()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_decoding_a_big_utf8_file_makes_no_copy_of_its_text():
    line = "本报讯 聊城市东昌府区的示例科技有限公司获评省级专精特新中小企业。\n"
    data = (line * 40_000).encode("utf-8")  # 3.9 MB of bytes, 1.4 M characters
    text_size = len(line) * 40_000 * 2  # a str of these characters holds 2 bytes each
    peak = _peak_while(lambda: decode_text(data, "year.txt"))
    # the pieces and their join: twice the text. One data.decode() peaked at
    # 4.3 times (its buffer sized for the worst case, then widened), and
    # text.strip() made one more copy.
    assert peak < 2.5 * text_size


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32",
                                      "gb18030", "big5hkscs"])
def test_decoding_in_pieces_reads_what_one_call_reads(encoding, monkeypatch):
    monkeypatch.setattr(decoding, "DECODE_PIECE", 7)  # pieces cut through multibyte characters
    text = "本報訊 聊城市東昌府區示例科技公司 2023年\n" * 30
    data = text.encode(encoding)
    assert decoding._decode(data, encoding) == data.decode(encoding) == text.lstrip("\ufeff")
    for broken in (data[:-1] + b"\xff\xfe\xff", data[: len(data) // 2] + b"\xff" + data[len(data) // 2 :]):
        assert _outcome(decoding._decode, broken, encoding) == _outcome(bytes.decode, broken, encoding)


def _outcome(decode, data: bytes, encoding: str):
    """The text, or the reason it cannot be decoded."""
    try:
        return decode(data, encoding)
    except UnicodeDecodeError as error:
        return ("error", error.reason)


@pytest.mark.parametrize("blank", ["", " \n\t\u3000\n", "\u3000" * 10])
def test_blank_text_is_still_an_empty_file(blank):
    with pytest.raises(EmptyFileError):
        decode_text(("\ufeff" + blank).encode("utf-8"), "blank.txt")


def _news_of_two_cities() -> str:
    """Lines naming places of 南通 mostly and 苏州 less, some in traditional characters."""
    lines = []
    for i in range(3000):
        if i % 3 == 0:
            lines.append(f"第{i}条 蘇州市吴中区和南通市崇川區的企业签约。")
        else:
            lines.append(f"第{i}条 南通市海门区、如皋市和通州區的企业座谈，讨论园区建设。")
    return "\n".join(lines) + "\n"


def test_the_city_of_a_text_is_counted_a_piece_at_a_time_with_the_same_answer(monkeypatch):
    text = _news_of_two_cities()
    whole = home_city.from_content(text)
    monkeypatch.setattr(home_city, "SIMPLIFY_PIECE", 500)  # pieces of a few lines
    assert home_city.from_content(text) == whole
    assert whole is not None and whole.name == "南通市" and "places of 南通市" in whole.evidence
    peak = _peak_while(lambda: home_city.from_content(text))
    # one piece and its hits; the whole text simplified and all of its hits held 3.3 times the text
    assert peak < 0.5 * len(text) * 2
