"""Publication dates from an article's header lines: string in, ``datetime.date`` out."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import io
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from plancli.normalize.periods import (
    _MONTH_BY_PREFIX,
    DAY_SUFFIX,
    MONTH_PATTERN,
    year_ok,
)

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

__all__ = ["DATELINE_CHARS", "HEADER_LINE_LIMIT", "HEADER_LINE_MAX_CHARS", "find_published"]

HEADER_LINE_LIMIT = 15
"""How many non-empty lines at the top of an article may hold the publication date."""
DATELINE_CHARS = 60
#: A dateline opening a paragraph: "WASHINGTON, ", "HÀ NỘI, ", "ROME (May 5, 2021)-".
_DATELINE_RE = re.compile(r"^(?=[^\W\d_])(?:[^\W\d_]|[ .’'-]){1,40}(?:,\s|\s\((?=[^\W\d_]{3,9}\.?\s+\d{1,2},?\s+\d{4}\)))")
HEADER_LINE_MAX_CHARS = 200
"""Longer lines are body text, not a dateline."""


_HEADER_DATE_RE = re.compile(
    rf"""
      (?<![\d./-])(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})(?!\d)
    | (?<![\d./-])(?P<ymd_year>\d{{4}})(?P<ymd_sep>[/.])(?P<ymd_month>\d{{1,2}})(?P=ymd_sep)
      (?P<ymd_day>\d{{1,2}})(?!\d|[./-]\d)
    | (?P<cjk_year>\d{{4}})\s*年\s*(?P<cjk_month>\d{{1,2}})\s*月\s*(?P<cjk_day>\d{{1,2}})\s*日
    | (?<![\d./-])(?P<dmy_first>\d{{1,2}})(?P<dmy_sep>[/.-])(?P<dmy_second>\d{{1,2}})(?P=dmy_sep)
      (?P<dmy_year>\d{{4}})(?!\d|[./-]\d)
    | (?P<text>\b{MONTH_PATTERN}\.?\s+\d{{1,2}}{DAY_SUFFIX},?\s+\d{{4}}\b
      | \b\d{{1,2}}{DAY_SUFFIX}\s+(?:of\s+)?{MONTH_PATTERN}\.?,?\s+\d{{4}}\b)
    """,
    re.IGNORECASE | re.VERBOSE | re.ASCII,
)


def find_published(text: str) -> dt.date | None:
    """The publication date in an article's header lines, or None.

    Reads only the first ``HEADER_LINE_LIMIT`` non-empty lines shorter than
    ``HEADER_LINE_MAX_CHARS``; the earliest line holding a full day-month-year
    date wins.  A bare year or a date without a year ("Jan 5 (Reuters)") is
    never taken, and a missing part is never filled in from today. Failing a full date, a dateline of
    month and year ("OTTAWA, Dec. 2020 – ...", a line "March 2021" or "2021-03") gives the first day of that month.
    """
    lines = list(_header_lines(text))
    for line in lines:
        for match in _HEADER_DATE_RE.finditer(line):
            published = _header_match_to_date(match)
            if published is not None:
                return published
    for line in lines:
        iso_month = _ISO_MONTH_LINE_RE.match(line)
        if iso_month is not None:  # a line "2022-11": the first day of that month
            iso_year, iso_number = int(iso_month["year"]), int(iso_month["month"])
            if 1 <= iso_number <= 12 and iso_number != (iso_year + 1) % 100 and year_ok(iso_year):  # "2011-12": FY
                return dt.date(iso_year, iso_number, 1)
        month_year = _MONTH_YEAR_LINE_RE.match(line)
        if month_year is not None:
            month = _MONTH_BY_PREFIX.get(month_year["month"][:3].lower())
            year = int(month_year["year"])
            if month is not None and year_ok(year):
                return dt.date(year, month, 1)
    return None

#: A line holding only a year and month, ISO style ("2022-11").
_ISO_MONTH_LINE_RE = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})$", re.ASCII)
#: A month-and-year dateline: the whole line, or after a place ("OTTAWA, Ontario, Dec. 2020 – ...").
_MONTH_YEAR_LINE_RE = re.compile(
    rf"^(?:(?:[^\W\d_]|[ .’'-]){{1,40}},\s*(?:(?:[^\W\d_]|[ .’'-]){{1,30}},\s*)?)?"
    rf"(?P<month>{MONTH_PATTERN})\.?,?\s+(?P<year>\d{{4}})\s*(?:$|[-–—:|(])",
    re.IGNORECASE,
)


def _header_lines(text: str) -> Iterator[str]:
    """The short, whitespace-collapsed lines among the first non-empty lines."""
    seen = 0
    for raw_line in io.StringIO(text, newline=None):
        line = raw_line.strip()
        if not line:
            continue
        seen += 1
        if seen > HEADER_LINE_LIMIT:
            return
        if len(line) < HEADER_LINE_MAX_CHARS:
            yield " ".join(line.split()).replace(" ,", ",")  # a scraped "Jan 11 , 2020"
        elif _DATELINE_RE.match(line):  # a dateline opening a paragraph: "WASHINGTON, April 8, 2024 — ..."
            yield " ".join(line[:DATELINE_CHARS].split())


def _header_match_to_date(match: re.Match[str]) -> dt.date | None:
    """Turn one candidate from ``_HEADER_DATE_RE`` into a date, if it is a real one."""
    groups = match.groupdict()
    try:
        if groups["iso"]:
            found: dt.date | None = dt.date.fromisoformat(groups["iso"])
        elif groups["ymd_year"]:
            found = dt.date(int(groups["ymd_year"]), int(groups["ymd_month"]), int(groups["ymd_day"]))
        elif groups["cjk_year"]:
            found = dt.date(int(groups["cjk_year"]), int(groups["cjk_month"]), int(groups["cjk_day"]))
        elif groups["dmy_year"]:
            found = _numeric_day_first(
                int(groups["dmy_first"]), int(groups["dmy_second"]), int(groups["dmy_year"]), groups["dmy_sep"]
            )
        else:
            found = _parse_text_date(groups["text"])
    except ValueError:
        return None
    if found is None or not year_ok(found.year):
        return None
    return found


def _numeric_day_first(first: int, second: int, year: int, separator: str) -> dt.date | None:
    """``12.03.2024`` is day-first (European); ``12/03/2024`` and ``05-13-2024`` only when unambiguous."""
    if separator == "." or first > 12 or first == second:
        return dt.date(year, second, first)
    if second > 12:
        return dt.date(year, first, second)
    return None


_SIMPLE_TEXT_DATE_RE = re.compile(
    r"^(?:(?P<month1>[A-Za-z]{3,9})\.?\s+(?P<day1>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year1>\d{4})"
    r"|(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month2>[A-Za-z]{3,9})\.?,?\s+(?P<year2>\d{4}))$"
)


_MONTH_NAMES = frozenset(calendar.month_name[1:]) | frozenset(m.lower() for m in calendar.month_name[1:])


def _parse_text_date(candidate: str) -> dt.date | None:
    """Parse a short month-name date like "May 19, 2023".

    The two common shapes are read directly (dateparser costs tens of
    milliseconds a call); anything else goes to dateparser, English only.
    """
    simple = _SIMPLE_TEXT_DATE_RE.match(candidate.strip())
    if simple is not None:
        month_name = (simple["month1"] or simple["month2"]).lower()
        month = _MONTH_BY_PREFIX.get(month_name[:3])
        if month is not None and (month_name in _MONTH_NAMES or len(month_name) <= 4):
            day, year = int(simple["day1"] or simple["day2"]), int(simple["year1"] or simple["year2"])
            return dt.date(year, month, day)
    found = _header_date_parser().get_date_data(candidate).date_obj
    return found.date() if found is not None else None


@functools.cache
def _header_date_parser() -> DateDataParser:
    """English-only dateparser that refuses to fill in a missing day, month or year."""
    from dateparser.date import DateDataParser  # slow to import: only on first use

    return DateDataParser(
        languages=["en"],
        settings={"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DATES_FROM": "past"},
    )
