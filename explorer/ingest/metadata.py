"""Publication metadata found in a page's text or its file name.

Dates: the user's --date wins; then a masthead date (a date with 星期/周 or a
page number next to it); then a date in the file name (2022-01-05, 20220105);
then a dated notice (a line holding only a full date, as under an issuing
body). A file name beats a notice date because a notice is dated the day it
was issued, usually the day before publication.
"""

from __future__ import annotations

import datetime as _dt
import re

from explorer.ingest.layout import DATE_LINE, FULL_DATE, edge_lines
from explorer.ingest.normalise import fold_width, normalise_text

_MASTHEAD_DATE = re.compile(FULL_DATE + r"\s*(星期|周|礼拜)[一二三四五六日天]")
_DATE_NEAR_PAGE = re.compile(FULL_DATE + r".{0,20}第\s*\d+\s*版|第\s*\d+\s*版.{0,20}" + FULL_DATE)
_DATE_LINE = re.compile(DATE_LINE.pattern, re.MULTILINE)  # a dated line anywhere in the text
_NAME_DATE = re.compile(r"(?<!\d)(\d{4})[-_.]?(\d{2})[-_.]?(\d{2})(?!\d)")
_TEXT_PAGE = re.compile(r"第\s*(\d{1,3})\s*版|(?<![A-Za-z0-9])([A-H]\d{1,2})\s*版")
_NAME_PAGE = re.compile(
    r"第\s*(\d{1,3})\s*版|(?i:(?:^|[_\-\s.])(?:page|p)[_\-]?(\d{1,3}))(?=$|[_\-\s.])"
    r"|(?:^|[_\-\s.])([A-H]\d{2})(?=$|[_\-\s.])"
)
_PAPER = re.compile(r"([\u4e00-\u9fff]{2,8}?(?:日报|晚报|早报|都市报|时报|商报|法治报|法制报|经济报|青年报|农民报))")


def _iso(year: str, month: str, day: str) -> str | None:
    try:
        return _dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def _edges(text: str, head: int = 6, tail: int = 3) -> str:
    """The masthead and footer lines, where papers print date, page and name."""
    return "\n".join(edge_lines(text, head, tail))


def date_from_text(text: str) -> str | None:
    edges = normalise_text(_edges(text))
    for pattern in (_MASTHEAD_DATE, _DATE_NEAR_PAGE):
        match = pattern.search(edges)
        if match:
            groups = [g for g in match.groups() if g and g.isdigit()][:3]
            if len(groups) == 3 and (iso := _iso(*groups)):
                return iso
    return None


def dated_notice(text: str) -> str | None:
    dates = [_iso(*m.groups()) for m in _DATE_LINE.finditer(fold_width(text))]
    dates = [d for d in dates if d]
    return max(dates) if dates else None


def date_from_name(name: str) -> str | None:
    for match in _NAME_DATE.finditer(name):
        year = int(match.group(1))
        if 1900 <= year <= 2100 and (iso := _iso(*match.groups())):
            return iso
    return None


def publication_date(text: str, name: str, given: str | None) -> str | None:
    return given or date_from_text(text) or date_from_name(name) or dated_notice(text)


def page_number(text: str, name: str) -> str | None:
    match = _NAME_PAGE.search(name)
    if match:
        return next(g for g in match.groups() if g)
    match = _TEXT_PAGE.search(normalise_text(_edges(text, 4, 2)))
    if match:
        return next(g for g in match.groups() if g)
    return None


def paper_name(text: str) -> str | None:
    match = _PAPER.search(normalise_text(_edges(text, 4, 2)))
    return match.group(1) if match else None
