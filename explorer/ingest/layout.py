"""Reading a newspaper page's lines: what is body, headline, credit.

Text dumps of newspaper PDFs come one text box after another: body columns
wrapped at a fixed width, blank lines between boxes (often inside a
sentence, at a column break), headlines as their own short boxes, often
AFTER the body they belong to. The rules here use only general layout cues:
sentence-final punctuation, 本报讯-style openers, ■ credits, salutation lines
of notices, line widths. Nothing is tuned to one page.
"""

from __future__ import annotations

import functools
import re
import statistics
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field

TERMINAL = re.compile(
    r"([。！？!?…；;][”’」』）)\"']*"  # 。 and friends, maybe inside closing quotes
    r"|[。！？…][（(][^（）()]{1,30}[）)]"  # 。（本报记者 张三 摄）
    r"|[（(][^（）()]{0,30}[摄攝完][）)])\s*$"  # （张三 摄） （完）
)
OPENER = re.compile(
    r"^\s*(本[报報][讯訊]|本[报報][\u4e00-\u9fff\d]{1,12}(讯|电|訊|電)|新[华華]社[\u4e00-\u9fff\d]{0,14}[电電]"
    r"|中新社[\u4e00-\u9fff\d]{0,14}[电電]|[\u4e00-\u9fff]{2,6}[网網][\u4e00-\u9fff\d]{0,14}(讯|电|消息|訊|電)"
    r"|据[\u4e00-\u9fff]{2,10}(报道|消息|報導|報道))"
    r"(?=\s*[（(，,：:\s]|\s*$)"  # the dateline is followed by its credit or a comma
)
CREDIT_MARK = re.compile(r"^\s*[■□▲●◆◇★▼]\s*\S")
MAX_CREDIT_CHARS = 40
_ROLE = r"(本[报報])?(特约|见习|实习|特約|見習|實習)?(记者|通讯员|摄影记者|記者|通訊員|攝影記者)"
_NAMES = r"[\u4e00-\u9fff·]{2,5}(\s+[\u4e00-\u9fff·]{2,5}){0,5}"
CREDIT_PLAIN = re.compile(
    rf"^\s*[（(]?\s*({_ROLE}\s*[\u4e00-\u9fff·\s]{{2,30}}([摄攝]|报道|報道)"  # 本报记者 张三 摄
    rf"|{_ROLE}\s+{_NAMES}(\s+{_ROLE}\s+{_NAMES})*)\s*[）)]?\s*$"  # 记者 张三 通讯员 李四
)
FULL_DATE = r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"  # 2022年1月4日, also read by metadata
DATE_LINE = re.compile(r"^\s*" + FULL_DATE + r"\s*$")
FIELD_LINE = re.compile(
    r"^\s*(联系电话|咨询电话|监督电话|举报电话|电话|传真|电子邮箱|邮箱|E-?mail|地址|邮编|网址|联系人)"
    r"\s*[：:]", re.IGNORECASE
)
# Page furniture: mastheads, folios, editor credits, lone page numbers.
FURNITURE = re.compile(
    r"\d\s*日\s*(星期|周)[一二三四五六日天]|第\s*\d{1,3}\s*版|^[A-H]\d{1,2}\s*版?$|^\d{1,3}$"
    r"|责任编辑|责编|美编|校对|组版|版式设计|^编辑[：:]"
    r"|^[\u4e00-\u9fff]{2,8}(日报|晚报|早报|都市报|时报|商报)$"
    # web pages: "来源：本报 2023-11-02 08:30", "发布时间：…" above the article
    r"|^\s*(来源|來源|发布时间|發布時間|發佈時間|浏览次数|瀏覽次數)\s*[：:]"
)
SALUTATION = re.compile(r"^[^，。；！？]{2,40}[：:]\s*$")
# Characters that cannot end a headline: a line ending in one is a wrap.
DANGLING = set("的和与及或把从向并而跟")
HEADLINE_FORBIDDEN = re.compile(r"[，。；！？!?,;]")
SUBTITLE_FORBIDDEN = re.compile(r"[。；！？!?;]")  # a "——" subtitle may hold commas
NOTICE_END = re.compile(r"(通知|公告|通告|决定|意见|办法|通报|批复|函|报告|规定|方案|细则|公示|启事|声明|倡议书)$")
QUANTITY_END = re.compile(r"\d+(\.\d+)?\s*[万亿千百萬億]?(元|人|个|家|件|项|吨|亩|户|次|名|所|座|公里|米|%|％|倍|年|天)$")


_HAN = re.compile(r"[\u4e00-\u9fff]")


def ends_sentence(line: str) -> bool:
    return bool(TERMINAL.search(line))


def width(text: str) -> float:
    """Display width in Chinese characters (Latin letters and digits count half)."""
    return sum(0.5 if ord(c) < 128 else 1.0 for c in text.strip())


@dataclass
class Line:
    number: int
    start: int
    end: int
    text: str
    blank_before: bool

    @functools.cached_property
    def kind(self) -> str:
        text = self.text
        # A credit names a few people; a long ■ line is body text that happens
        # to open with a bullet and must not be dropped.
        if (CREDIT_MARK.match(text) and len(text) <= MAX_CREDIT_CHARS) or CREDIT_PLAIN.match(text):
            return "credit"
        if len(text) <= 60 and FURNITURE.search(text) and not HEADLINE_FORBIDDEN.search(text):
            return "furniture"
        if OPENER.match(text):
            return "opener"
        if DATE_LINE.match(text):
            return "date"
        if FIELD_LINE.match(text):
            return "field"
        if SALUTATION.match(text):
            return "salutation"
        return "text"


@dataclass
class Unit:
    """A paragraph, a headline block or a credit line, in page order."""

    role: str  # paragraph | headline | credit | furniture
    lines: list[Line] = field(default_factory=list)
    opens: bool = False  # a paragraph that starts an article (本报讯, salutation)

    @property
    def start(self) -> int:
        return self.lines[0].start

    @property
    def end(self) -> int:
        return self.lines[-1].end


def split_lines(text: str) -> list[Line]:
    return list(iter_lines(text))


def iter_lines(text: str) -> Iterator[Line]:
    """The non-blank lines of `text`, one at a time (the text is never split
    whole: a 50 MB file has a million lines)."""
    offset = 0
    blank = True
    number = 0
    while True:
        newline = text.find("\n", offset)
        raw = text[offset:] if newline < 0 else text[offset:newline]
        stripped = raw.strip()
        if stripped:
            start = offset + len(raw) - len(raw.lstrip())
            yield Line(number, start, start + len(stripped), stripped, blank)
            blank = False
        else:
            blank = True
        if newline < 0:
            return
        offset = newline + 1
        number += 1


def edge_lines(text: str, head: int, tail: int) -> list[str]:
    """`lines[:head] + lines[-tail:]` of the text's non-blank lines (the
    masthead and footer), read from both ends instead of splitting it all."""
    top: list[str] = []
    offset = 0
    while len(top) <= head + tail:  # one more than needed: then the ends do not meet
        newline = text.find("\n", offset)
        raw = text[offset:] if newline < 0 else text[offset:newline]
        if raw.strip():
            top.append(raw)
        if newline < 0:  # the whole text was read
            return top[:head] + top[-tail:]
        offset = newline + 1
    bottom: list[str] = []
    end = len(text)
    while len(bottom) < tail:
        newline = text.rfind("\n", 0, end)
        raw = text[newline + 1 : end]
        if raw.strip():
            bottom.append(raw)
        end = newline
    return top[:head] + bottom[::-1]


class Lookahead:
    """Lines read on demand: the reader looks at most five lines past the one
    in hand, so only those are held."""

    def __init__(self, lines: Iterator[Line]):
        self._lines = lines
        self._buffer: deque[Line] = deque()

    def get(self, k: int) -> Line | None:
        """The k-th line from the one in hand (0), or None past the end."""
        while len(self._buffer) <= k:
            line = next(self._lines, None)
            if line is None:
                return None
            self._buffer.append(line)
        return self._buffer[k]

    def advance(self, n: int = 1) -> None:
        for _ in range(n):
            self._buffer.popleft()


def headline_candidate(line: Line) -> bool:
    text = line.text
    if line.kind != "text" or not 2 <= width(text) <= 40 or len(_HAN.findall(text)) < 2:
        return False
    forbidden = SUBTITLE_FORBIDDEN if text.startswith("—") else HEADLINE_FORBIDDEN
    if forbidden.search(text) or text[-1] in DANGLING or text[-1] in "、：:，,":
        return False
    return True


def _typical_width(paragraphs: list[Unit]) -> float | None:
    """The column width of recent body text: median of non-final paragraph lines."""
    widths = [width(line.text) for unit in paragraphs[-4:] for line in unit.lines[:-1]]
    return statistics.median(widths) if len(widths) >= 3 else None


def _is_indented_first_line(line: Line, recent: list[Unit]) -> bool:
    """A lone short line that is as wide as an indented first paragraph line of
    the column before it is a paragraph broken at a column end, not a headline."""
    typical = _typical_width(recent)
    return typical is not None and typical - 3 <= width(line.text) <= typical - 1


def read_units(text: str) -> list[Unit]:
    """Group the page's lines into paragraphs, headline blocks and credits."""
    return list(iter_units(text))


def iter_units(text: str) -> Iterator[Unit]:
    """`read_units` one unit at a time, in page order. A unit is handed out
    once it is final: only the last paragraph can still grow (its sentence
    runs on, maybe across page furniture), so it and the units after it wait
    until its sentence ends."""
    lines = Lookahead(iter_lines(text))
    pending: list[Unit] = []  # made, not yet final
    recent: deque[Unit] = deque(maxlen=4)  # the last paragraphs: the column width
    last_role: str | None = None  # role of the last unit made
    open_sentence = False  # the last body line stopped inside a sentence
    while (line := lines.get(0)) is not None:
        kind = line.kind
        step = 1
        if kind == "furniture":  # a sentence may run on across a page header
            pending.append(Unit("furniture", [line]))
            last_role = "furniture"
        elif open_sentence and kind in ("text", "opener", "date", "field"):
            recent[-1].lines.append(line)
            open_sentence = kind in ("text", "opener") and not ends_sentence(line.text)
        elif kind == "credit":
            pending.append(Unit("credit", [line]))
            last_role, open_sentence = "credit", False
        elif (headline := _headline_block(line, lines, recent, last_role == "credit")) is not None:
            pending.append(Unit("headline", headline))
            last_role, open_sentence = "headline", False
            step = max(len(headline), 1)
        else:
            unit = Unit("paragraph", [line], opens=kind in ("opener", "salutation"))
            pending.append(unit)
            recent.append(unit)
            last_role = "paragraph"
            open_sentence = _opens_sentence(line, lines.get(1))
        lines.advance(step)
        if not open_sentence:
            yield from pending
            pending.clear()
        elif len(pending) > 1:  # everything before the paragraph still open is final
            still_open = next(i for i, unit in enumerate(pending) if unit is recent[-1])
            yield from pending[:still_open]
            del pending[:still_open]
    yield from pending


def _opens_sentence(line: Line, following: Line | None) -> bool:
    """After a new paragraph's first line: does its sentence run on?"""
    if line.kind == "salutation":
        return True  # a notice's body follows its salutation
    if line.kind == "text" and following is not None and following.kind == "date":
        return False  # the issuing body above a date: a signature
    return line.kind in ("text", "opener") and not ends_sentence(line.text)


def _headline_block(line: Line, lines: Lookahead, recent: deque[Unit], after_credit: bool) -> list[Line] | None:
    """The headline block that starts at `line`, the one in hand, if it is one."""
    if not headline_candidate(line):
        return None
    block = [line]
    j = 1
    while len(block) < 4 and (candidate := lines.get(j)) is not None and headline_candidate(candidate):
        block.append(candidate)
        j += 1
    nxt = lines.get(j)
    if nxt is not None and nxt.kind in ("text", "field") and not nxt.blank_before:
        # the block's last text box runs on into a body: only the
        # boxes above it can be a headline
        cut = max((t for t in range(1, len(block)) if block[t].blank_before), default=0)
        block = block[:cut]
        nxt = lines.get(cut)
    if block and _is_headline(block, nxt, list(recent), after_credit):
        return block
    return None


def _is_headline(block: list[Line], nxt: Line | None, paragraphs: list[Unit], after_credit: bool) -> bool:
    if nxt is None:
        return True
    if nxt.kind == "date":
        return False  # a signature line over a date
    if nxt.kind in ("opener", "credit", "salutation"):
        return True
    if not nxt.blank_before:
        return False  # same text box as the body that follows: a wrapped line
    if len(block) > 1 or after_credit:  # a closing credit: what follows is no longer its body
        return True
    return not _is_indented_first_line(block[0], paragraphs)


def split_decks(lines: list[str]) -> list[str]:
    """Headline lines -> decks (kicker / main / subtitle). A line continues the
    deck above unless that deck reads as complete: it has an inner space
    (parallel phrases), ends in a quantity, is at least as wide as the next
    line, or the next line starts with a dash."""
    decks: list[str] = []
    for line in lines:
        line = line.strip()
        if not decks:
            decks.append(line)
            continue
        previous = decks[-1]
        if line.startswith("—") or _deck_complete(previous, line):
            decks.append(line)
        else:
            decks[-1] = previous + line
    return [d.lstrip("—").strip() for d in decks if d.lstrip("—").strip()]


def _deck_complete(previous: str, line: str) -> bool:
    if _unbalanced(previous):
        return False
    if previous.startswith("关于") and not NOTICE_END.search(previous):
        return False
    if " " in previous.strip() or QUANTITY_END.search(previous):
        return True
    return width(previous) >= width(line)


def _unbalanced(text: str) -> bool:
    pairs = ("“”", "《》", "（）", "()", "「」", "‘’")
    return any(text.count(a) > text.count(b) for a, b in pairs)
