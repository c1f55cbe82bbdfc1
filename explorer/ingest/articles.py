"""Page -> articles: group layout units into Article records.

Pages come in two orders. Text dumps of printed pages put a headline AFTER
its body; e-edition text and single web articles put it on top. The order
is decided per page from where the headlines sit (does the page start with
a body and end with a headline?), then units are grouped around headlines,
article openers (本报讯, a notice's salutation) and ■ credits.
"""

from __future__ import annotations

import itertools
import re
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from explorer.core.models import Article, Document
from explorer.ingest.layout import NOTICE_END, Unit, iter_units, split_decks
from explorer.ingest.normalise import join_wrapped, normalise_text
from explorer.ingest.web_text import iter_paragraph_units, lines_are_paragraphs
from explorer.settings import IngestOptions

_PAREN_CREDIT = re.compile(r"^\s*\S{0,16}?[讯电息道訊電]\s*[（(]([^（()）]{1,60})[）)]")
_CREDIT_NOISE = re.compile(r"[■□▲●◆◇★▼:：（）()]|[文图圖][/／][文图圖]")
_ROLE_PREFIX = re.compile(
    r"^(本[报報])?(特约|见习|实习|首席|特約|見習|實習)?"
    r"(摄影记者|记者|通讯员|摄影|编辑|攝影記者|記者|通訊員|攝影|編輯)?"
)
_ROLE_SUFFIX = re.compile(r"(摄|攝|报道|報道|報導)$")
_PHOTO_CREDIT = re.compile(r"[（(]\s*([^（）()]{2,30}?)\s*[摄攝]\s*[）)]\s*$")
_NAME = re.compile(r"^[\u4e00-\u9fff·]{2,6}$")


@dataclass
class _Draft:
    units: list[Unit] = field(default_factory=list)
    headline: Unit | None = None

    @property
    def body(self) -> list[Unit]:
        return [u for u in self.units if u.role == "paragraph"]


def names_in_credit(text: str) -> tuple[str, ...]:
    """Person names from a credit: each token loses its role words
    (本报记者, 通讯员, ... 摄) and what remains must look like a name."""
    names = []
    for token in re.split(r"[\s、，,/／]+", _CREDIT_NOISE.sub(" ", text)):
        token = _ROLE_SUFFIX.sub("", _ROLE_PREFIX.sub("", token, count=1))
        if _NAME.match(token):
            names.append(token)
    return tuple(names)


_ROLE_WORDS = ("本报", "记者", "通讯员", "摄影", "实习生", "特约", "見習", "記者", "通訊員")


def _join_credit_lines(lines: list[str]) -> str:
    """Join the lines of an opener for byline reading: a break inside a role
    word (通讯|员) joins tight, a break between names keeps them apart."""
    out = lines[0] if lines else ""
    for line in lines[1:]:
        split_word = any(
            out.endswith(word[:k]) and line.startswith(word[k:]) for word in _ROLE_WORDS for k in range(1, len(word))
        )
        left = _ROLE_PREFIX.sub("", re.split(r"[\s（(]", out)[-1], count=1)
        right = re.match(r"[\u4e00-\u9fff]*", line).group()
        split_name = len(left) == 1 or len(right) == 1  # 张|博: no one-character names
        out += ("" if split_word or split_name else " ") + line
    return out


def _opener_bylines(paragraph: str) -> tuple[str, ...]:
    match = _PAREN_CREDIT.match(paragraph[:80])
    return names_in_credit(match.group(1)) if match else ()


def _headline_first(first_content: Unit | None) -> bool:
    """True when headlines sit above their bodies on this page: the first
    unit that is not a credit is a headline (or there is none).

    A page whose content opens with a body puts its headlines after their
    bodies; when it holds no headline at all, the two orders group it the
    same way. So the first unit decides, and a huge file streams."""
    return first_content is None or first_content.role == "headline"


def _mark_subheadings(units: Iterator[Unit]) -> Iterator[Unit]:
    """On a headline-after-body page, a one-line "headline" inside a body is a
    sub-heading (小标题) when the plain paragraphs under it run on into the next
    headline with no opener or credit between: it stays in the body."""
    previous: Unit | None = None  # the unit before, as read
    unit = next(units, None)
    while unit is not None:
        if unit.role != "headline" or len(unit.lines) != 1 or previous is None or previous.role != "paragraph":
            yield unit
            previous, unit = unit, next(units, None)
            continue
        run: list[Unit] = []
        after = next(units, None)
        while after is not None and after.role == "paragraph" and not after.opens:
            run.append(after)
            after = next(units, None)
        subheading = bool(run) and after is not None and after.role == "headline"
        yield Unit("paragraph", unit.lines) if subheading else unit
        yield from run
        previous, unit = (run[-1] if run else unit), after


def group_units(units: Iterable[Unit]) -> list[_Draft]:
    return list(iter_drafts(units))


def iter_drafts(units: Iterable[Unit], headline_first: bool | None = None) -> Iterator[_Draft]:
    """Units -> article drafts, in page order, one at a time. The order of
    headline and body is read from the page unless the caller knows it."""
    units = (u for u in units if u.role != "furniture")  # mastheads belong to no article
    head: list[Unit] = []  # the credits on top and the first other unit
    for unit in units:
        head.append(unit)
        if unit.role != "credit":
            break
    if headline_first is None:
        headline_first = _headline_first(head[-1] if head and head[-1].role != "credit" else None)
    stream: Iterator[Unit] = itertools.chain(head, units)
    if not headline_first:
        stream = _mark_subheadings(stream)
    closed: deque[_Draft] = deque()  # the last one waits: a trailing credit may join it
    current = _Draft()
    previous: Unit | None = None

    def close() -> None:
        nonlocal current
        if current.units or current.headline:
            closed.append(current)
        current = _Draft()

    for unit in stream:
        if unit.role == "headline":
            if headline_first:
                close()
                current.headline = unit
                current.units.append(unit)
            elif current.body:
                current.headline = unit
                current.units.append(unit)
                close()
            else:  # a headline with no body before it: it heads what follows
                current.headline = unit
                current.units.append(unit)
        elif unit.role == "credit":
            # after a headline (on a headline-after page) or after another
            # credit, a credit opens the next article
            opens_next = previous is not None and (
                (previous.role == "headline" and not headline_first)
                or (previous.role == "credit" and current.body)
            )
            if opens_next:
                close()
            current.units.append(unit)
        else:
            if current.body and (unit.opens or _ended_by_credit(current)):
                close()
            current.units.append(unit)
        previous = unit
        while len(closed) > 1:
            yield closed.popleft()
    if closed and not current.body and current.headline is None:
        closed[-1].units.extend(current.units)  # a trailing credit closes the last article
    else:
        close()
    yield from closed


def _single_article(units: Iterable[Unit]) -> _Draft:
    draft = _Draft()
    for position, unit in enumerate(u for u in units if u.role != "furniture"):
        if unit.role == "headline" and position == 0:
            # the reader writes the headline as the first line, alone
            draft.headline = Unit("headline", unit.lines[:1])
            draft.units.append(draft.headline)
            if len(unit.lines) > 1:
                draft.units.append(Unit("paragraph", unit.lines[1:]))
            continue
        elif unit.role == "headline":
            unit = Unit("paragraph", unit.lines)
        draft.units.append(unit)
    return draft


def _ended_by_credit(draft: _Draft) -> bool:
    """A body followed by its closing credit and no headline is a finished photo item."""
    return bool(draft.units) and draft.units[-1].role == "credit" and draft.headline is None


def build_article(draft: _Draft, text: str, index: int, simplify: bool) -> Article:
    def norm(value: str) -> str:
        return normalise_text(value, simplify).strip()

    body = draft.body
    paragraphs = [norm(join_wrapped([line.text for line in u.lines])) for u in body]
    credits = [u for u in draft.units if u.role == "credit"]
    bylines: list[str] = []
    opener = next((u for u in body[:3] if u.opens), None)  # a web page may put a line above it
    if opener is not None:
        # the credit of a 本报讯 opener can wrap over lines; the raw lines keep
        # the spaces between names that joining may remove
        bylines.extend(_opener_bylines(normalise_text(_join_credit_lines([ln.text for ln in opener.lines[:3]]), simplify)))
    for credit in credits:
        bylines.extend(names_in_credit(normalise_text(credit.lines[0].text, simplify)))
    photo_credited = [p for p in paragraphs if _PHOTO_CREDIT.search(p)]
    for paragraph in photo_credited:  # "……（本报记者 张三 摄）" closes a caption
        bylines.extend(names_in_credit(_PHOTO_CREDIT.search(paragraph).group(1)))
    decks = split_decks([norm(ln.text) for ln in draft.headline.lines]) if draft.headline else []
    kicker = headline = subtitle = None
    if len(decks) >= 3:
        kicker, headline, subtitle = decks[0], decks[1], "——".join(decks[2:])
    elif len(decks) == 2:
        headline, subtitle = decks
    elif decks:
        headline = decks[0]
    kind = "news"
    captions: list[str] = []
    ends_with_credit = bool(draft.units) and any(u.role == "credit" for u in draft.units[-2:])
    if headline is None and credits and ends_with_credit and paragraphs:
        kind = "photo"
        captions.append(paragraphs[0])
    else:
        captions.extend(_captions(draft, paragraphs) + photo_credited)
        if _is_notice(headline, body):
            kind = "notice"
    start = min(u.start for u in draft.units)
    end = max(u.end for u in draft.units)
    return Article(
        text="\n".join(p for p in paragraphs if p),
        headline=headline,
        subtitle=subtitle,
        kicker=kicker,
        bylines=tuple(dict.fromkeys(bylines)),
        captions=tuple(captions),
        kind=kind,
        raw=text[start:end],
        index=index,
    )


def _captions(draft: _Draft, paragraphs: list[str]) -> list[str]:
    """A short paragraph set tight above a ■ credit (same text box) captions a photo."""
    body = draft.body
    captions = []
    for before, unit in zip(draft.units, draft.units[1:]):
        if unit.role != "credit" or before.role != "paragraph" or before is body[0]:
            continue
        if not unit.lines[0].blank_before and sum(len(ln.text) for ln in before.lines) <= 80:
            captions.append(paragraphs[next(i for i, u in enumerate(body) if u is before)])
    return captions


def _is_notice(headline: str | None, body: list[Unit]) -> bool:
    """An announcement: a 关于…的通知-style headline over a non-news body, a
    salutation (各成员单位：) on top, or an issuing date at the bottom."""
    if not body:
        return False
    if headline and NOTICE_END.search(headline) and body[0].lines[0].kind != "opener":
        return True
    return body[0].lines[0].kind == "salutation" or body[-1].lines[-1].kind == "date"


def split_articles(document: Document, options: IngestOptions | None = None) -> list[Article]:
    """The articles of a document in page order; one article when the file holds one."""
    return list(iter_articles(document, options))


def iter_articles(document: Document, options: IngestOptions | None = None) -> Iterator[Article]:
    """`split_articles` one article at a time: lines, units and drafts are
    read as the articles are asked for, so a huge file holds its text and a
    page's worth of them, not every line at once (issue 13)."""
    simplify = (options or IngestOptions()).to_simplified
    paragraph_lines = lines_are_paragraphs(document.text)
    units = iter_paragraph_units(document.text) if paragraph_lines else iter_units(document.text)
    if document.media_type == "text/html":
        drafts: Iterable[_Draft] = [_single_article(units)]  # a web page is one article by construction
    else:  # text copied from the web puts its headlines on top
        drafts = iter_drafts(units, headline_first=True if paragraph_lines else None)
    articles = (
        build_article(d, document.text, i, simplify) for i, d in enumerate(d for d in drafts if d.units)
    )
    if document.ocr is not None:  # confidence and page regions per article (provenance.py)
        from explorer.ingest.provenance import attach_ocr

        yield from attach_ocr(document, list(articles), simplify)
        return
    yield from articles
