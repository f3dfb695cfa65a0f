"""Publication dates and target deadlines: string in, ``datetime.date`` out.

Conventions used by :func:`resolve_deadline` (``start``, ``end`` are inclusive):

* ``end`` is the last day of the named period, ``start`` its first day:
  "in 2023" -> 2023-01-01..2023-12-31, "Q3 2024" -> 2024-07-01..2024-09-30.
* Deadlines ("by", "until", "till", "no later than", "before") and points in time
  ("the end of 2025", "mid-2024", "2025-end") have ``start=None``.
  "before X" ends the day before X begins: "before 2026" -> 2025-12-31.
* Relative phrases need the publication date, else they resolve to None.
  "this year" / "next year" name a calendar year (published.year, +1);
  "within this year" / "within the year" run from publication to 31 Dec.
* "in the next N years", "within N years", "after N years of efforts" run from
  the publication date to 31 Dec of ``published.year + N``; "over the next decade" is N = 10;
  "(by the end of) this decade" ends with the next round year (2025 -> 2030).
* "within 18 months", "in the next six months" end with the month N months after publication;
  "by mid-century" is 2050.
* "the June quarter of 2024" is the quarter ending in June (April..June).
* "through to 2025", "up until 2025" are deadlines like "by 2025".
* "between October 16, 2023, and February 15, 2024" runs from the first date to the end of the second.
* An "N-year (action) plan" covers ``published.year`` .. ``published.year + N - 1``.
* Five-Year Plans come from the ``plan_periods`` lexicon; an explicit
  parenthesized range ("(2021-25)") wins over the lexicon.
* Fiscal years are labelled by the calendar year they end in: with the default
  April start, FY26 = FY 2025-26 = 2025-04-01..2026-03-31.
* Years outside 1900..2100 never resolve.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import io
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal

from plancli.normalize.numbers import CARDINALS, ORDINAL_WORDS

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

__all__ = [
    "HEADER_LINE_LIMIT",
    "HEADER_LINE_MAX_CHARS",
    "MAX_YEAR",
    "MIN_YEAR",
    "find_published",
    "load_plan_periods",
    "resolve_deadline",
]

MIN_YEAR = 1900
MAX_YEAR = 2100
HEADER_LINE_LIMIT = 15
"""How many non-empty lines at the top of an article may hold the publication date."""
DATELINE_CHARS = 60
_DATELINE_RE = re.compile(r"^[A-Z][A-Za-z .’'-]{1,40},\s")
HEADER_LINE_MAX_CHARS = 200
"""Longer lines are body text, not a dateline."""
_MAX_PHRASE_CHARS = 300

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_MONTH_BY_PREFIX: Mapping[str, int] = MappingProxyType(
    {
        prefix: number
        for number, prefix in enumerate(
            ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
            start=1,
        )
    }
)
_DAY_SUFFIX = r"(?:st|nd|rd|th)?"


# --- publication dates -------------------------------------------------------

_HEADER_DATE_RE = re.compile(
    rf"""
      (?<![\d./-])(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})(?!\d)
    | (?<![\d./-])(?P<ymd_year>\d{{4}})(?P<ymd_sep>[/.])(?P<ymd_month>\d{{1,2}})(?P=ymd_sep)
      (?P<ymd_day>\d{{1,2}})(?!\d|[./-]\d)
    | (?P<cjk_year>\d{{4}})\s*年\s*(?P<cjk_month>\d{{1,2}})\s*月\s*(?P<cjk_day>\d{{1,2}})\s*日
    | (?<![\d./-])(?P<dmy_first>\d{{1,2}})(?P<dmy_sep>[/.])(?P<dmy_second>\d{{1,2}})(?P=dmy_sep)
      (?P<dmy_year>\d{{4}})(?!\d|[./-]\d)
    | (?P<text>\b{_MONTH}\.?\s+\d{{1,2}}{_DAY_SUFFIX},?\s+\d{{4}}\b
      | \b\d{{1,2}}{_DAY_SUFFIX}\s+(?:of\s+)?{_MONTH}\.?,?\s+\d{{4}}\b)
    """,
    re.IGNORECASE | re.VERBOSE | re.ASCII,
)


def find_published(text: str) -> dt.date | None:
    """The publication date in an article's header lines, or None.

    Reads only the first ``HEADER_LINE_LIMIT`` non-empty lines shorter than
    ``HEADER_LINE_MAX_CHARS``; the earliest line holding a full day-month-year
    date wins.  A bare year or a date without a year ("Jan 5 (Reuters)") is
    never taken, and a missing part is never filled in from today.
    """
    for line in _header_lines(text):
        for match in _HEADER_DATE_RE.finditer(line):
            published = _header_match_to_date(match)
            if published is not None:
                return published
    return None


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
            yield " ".join(line.split())
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
    if found is None or not _year_ok(found.year):
        return None
    return found


def _numeric_day_first(first: int, second: int, year: int, separator: str) -> dt.date | None:
    """``12.03.2024`` is day-first (European); ``12/03/2024`` only when unambiguous."""
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


# --- plan periods lexicon ----------------------------------------------------


def load_plan_periods(path: Path | None = None) -> dict[int, tuple[int, int]]:
    """Five-Year Plan ordinal -> (first year, last year), read from the ``plan_periods`` lexicon."""
    from plancli.patterns import default_patterns_dir

    lexicon_path = path if path is not None else default_patterns_dir() / "lexicon" / "plan_periods.json"
    source = lexicon_path.read_text(encoding="utf-8")
    try:
        data = json.loads(source)
    except json.JSONDecodeError as error:
        raise _lexicon_error(lexicon_path, error.lineno, f"invalid JSON: {error.msg}") from error
    entries = data.get("entries") if isinstance(data, dict) else None
    if not isinstance(entries, dict):
        raise _lexicon_error(lexicon_path, 1, "expected an object with an 'entries' object")
    periods: dict[int, tuple[int, int]] = {}
    for key, value in entries.items():
        valid_years = (
            isinstance(value, list)
            and len(value) == 2
            and all(type(year) is int and _year_ok(year) for year in value)
            and value[0] <= value[1]
        )
        if not (key.isascii() and key.isdigit()) or not valid_years:
            line = source.count("\n", 0, max(source.find(f'"{key}"'), 0)) + 1
            raise _lexicon_error(
                lexicon_path,
                line,
                f"entry {key!r}: {value!r}; expected \"<ordinal>\": [first year, last year], "
                'e.g. "14": [2021, 2025]',
            )
        periods[int(key)] = (value[0], value[1])
    return periods


def _lexicon_error(path: Path, line: int, message: str) -> ValueError:
    """A ``PatternError`` whose message starts with ``file:line:``."""
    from plancli.patterns import (
        PatternError,  # imported late: keeps this module dependency-free
    )

    return PatternError(f"{path}:{line}: {message}")


@functools.cache
def _default_plan_periods() -> Mapping[int, tuple[int, int]]:
    """The shipped plan periods, read once."""
    return MappingProxyType(load_plan_periods())


# --- deadlines ---------------------------------------------------------------

_PrefixKind = Literal["by", "before", "within", "period"]
_Modifier = Literal["end", "mid"]


@dataclass(frozen=True, slots=True)
class _Span:
    """A named period before prefixes and modifiers are applied."""

    first: dt.date
    last: dt.date
    relative: bool = False
    """Anchored to the publication date ("this year")."""
    from_publication: bool = False
    """Runs from the publication date ("in the next three years")."""


_PHRASE_TRANSLATION: Mapping[int, str | None] = MappingProxyType(
    str.maketrans(
        {
            **dict.fromkeys("'\"`\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u2032"),
            **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
        }
    )
)
_HYPHEN_SPACING_RE = re.compile(r"\s*-\s*")
_PREFIX_RE = re.compile(
    r"^(?:(?P<by>at\s+the\s+latest\s+by|by|until|till|til|up\s+until|up\s+to|no\s+later\s+than"
    r"|not\s+later\s+than|(?:right\s+)?(?:through|out|up)\s+(?:to|until|till))"
    r"|(?P<before>before|prior\s+to|ahead\s+of)"
    r"|(?P<within>within)"
    r"|(?P<period>in\s+the\s+course\s+of|in|during|for|over|throughout|through|from|at|on|across))\s+"
    r"(?:(?:around|about|approximately|roughly|circa|as\s+early\s+as|as\s+late\s+as)\s+)?",
    re.ASCII,
)
_PAREN_RANGE_RE = re.compile(
    r"\s*\(\s*(?P<first>\d{4})\s*(?:-|to|through)\s*(?P<last>\d{4}|\d{2})\s*\)", re.ASCII
)
_END_LEAD_RE = re.compile(
    r"^(?:the\s+)?(?:very\s+)?(?:end|close|conclusion|completion|latter\s+part|late)"
    r"(?:[\s-]+of[\s-]+|[\s-]+)(?:the\s+)?",
    re.ASCII,
)
_MID_LEAD_RE = re.compile(r"^(?:the\s+)?(?:middle|mid)(?:[\s-]+of[\s-]+|[\s-]*)(?:the\s+)?", re.ASCII)
_END_INNER_RE = re.compile(r"[\s-]end\b", re.ASCII)
_TRAILING_RE = re.compile(r"(?:\s+(?:period|timeframe|time\s+frame|at\s+the\s+(?:latest|earliest)))+$", re.ASCII)

_YEAR_EXPR = (
    r"(?:(?:the\s+)?(?:year\s+(?:of\s+)?)?(?P<year>\d{4})(?:\s+year)?"
    r"|(?:the\s+)?(?:(?P<rel>this|current|present|next|coming|following|last|previous)\s+)?year)"
)
_RELATIVE_YEAR_OFFSETS: Mapping[str | None, int] = MappingProxyType(
    {None: 0, "this": 0, "current": 0, "present": 0, "next": 1, "coming": 1, "following": 1, "last": -1, "previous": -1}
)
#: "a", "an" and "one" to "ten": counts of years ("within five years").
_NUMBER_WORDS: Mapping[str, int] = MappingProxyType({w: v for w, v in CARDINALS.items() if 1 <= v <= 10})
_NUMBER = rf"(?P<n>\d{{1,2}}|{'|'.join(sorted(_NUMBER_WORDS, key=lambda w: (-len(w), w)))})"
_ORDINAL_WORDS = ORDINAL_WORDS
_QUARTER_WORDS: Mapping[str, int] = MappingProxyType(
    {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4, "last": 4}
)
_HALF_WORDS: Mapping[str, int] = MappingProxyType({"first": 1, "1st": 1, "second": 2, "2nd": 2, "latter": 2, "last": 2})
_FISCAL = r"(?:fy|fiscal(?:\s+year)?|financial\s+year)"

_FYP_RE = re.compile(
    r"^(?:the\s+)?(?:(?:countrys|nations|chinas|national)\s+)?"
    rf"(?:(?P<num>\d{{1,2}}){_DAY_SUFFIX}|(?P<word>{'|'.join(_ORDINAL_WORDS)}))[\s-]*"
    r"(?:national\s+)?(?:(?:five|5)[\s-]*years?[\s-]*plans?|fyp|5yp)$",
    re.ASCII,
)
_FISCAL_QUARTER_RE = re.compile(
    r"^(?:the\s+)?(?:q(?P<q>[1-4])|(?P<qword>first|second|third|fourth|1st|2nd|3rd|4th|final|last)\s+quarter)"
    rf"[\s-]*(?:of\s+)?(?:the\s+)?{_FISCAL}[\s-]*(?P<a>\d{{4}}|\d{{2}})(?:-(?P<b>\d{{4}}|\d{{2}}))?$",
    re.ASCII,
)
_FISCAL_RE = re.compile(
    rf"^(?:the\s+)?{_FISCAL}[\s-]*(?P<a>\d{{4}}|\d{{2}})(?:-(?P<b>\d{{4}}|\d{{2}}))?$", re.ASCII
)
_FISCAL_BARE_RE = re.compile(r"^(?:the\s+)?(?P<a>\d{4})-(?P<b>\d{2})$", re.ASCII)
_RANGE_RE = re.compile(
    r"^(?:the\s+)?(?:between\s+(?P<a1>\d{4})\s+and\s+(?P<b1>\d{4}|\d{2})"
    r"|(?P<a2>\d{4})\s*(?:-|to|through|thru|till|until)\s*(?P<b2>\d{4}|\d{2}))$",
    re.ASCII,
)
_QUARTER_RE = re.compile(
    r"^(?:the\s+)?(?:q(?P<q>[1-4])|(?P<qword>first|second|third|fourth|1st|2nd|3rd|4th|final|last)\s+quarter)"
    rf"[\s-]*(?:of\s+)?{_YEAR_EXPR}$",
    re.ASCII,
)
_QUARTER_AFTER_RE = re.compile(r"^(?P<year>\d{4})[\s-]*q(?P<q>[1-4])$", re.ASCII)
_HALF_RE = re.compile(
    r"^(?:the\s+)?(?:h(?P<h>[12])|(?P<hword>first|second|1st|2nd|latter|last)\s+half)"
    rf"[\s-]*(?:of\s+)?{_YEAR_EXPR}$",
    re.ASCII,
)
_HALF_AFTER_RE = re.compile(r"^(?P<year>\d{4})[\s-]*h(?P<h>[12])$", re.ASCII)
_ISO_DAY_RE = re.compile(r"^(?P<iso>\d{4}-\d{2}-\d{2})$", re.ASCII)
_MONTH_DAY_YEAR_RE = re.compile(
    rf"^(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}}){_DAY_SUFFIX},?\s+(?P<year>\d{{4}})$", re.ASCII
)
_DAY_MONTH_YEAR_RE = re.compile(
    rf"^(?:the\s+)?(?P<day>\d{{1,2}}){_DAY_SUFFIX}\s+(?:of\s+)?(?P<month>{_MONTH})\.?,?\s+(?P<year>\d{{4}})$",
    re.ASCII,
)
_MONTH_YEAR_RE = re.compile(rf"^(?P<month>{_MONTH})\.?,?\s+(?:of\s+)?{_YEAR_EXPR}$", re.ASCII)
_YEAR_RE = re.compile(rf"^{_YEAR_EXPR}$", re.ASCII)
_NEXT_YEARS_RE = re.compile(
    rf"^(?:the\s+)?(?:next|coming|following|upcoming|future|subsequent)\s+{_NUMBER}\s+years?$", re.ASCII
)
_N_YEARS_RE = re.compile(rf"^{_NUMBER}\s+years?(?:\s+time)?$", re.ASCII)
_AFTER_YEARS_RE = re.compile(
    rf"^after\s+{_NUMBER}\s+years?\s+(?:of\s+)?(?:[a-z-]+\s+){{0,2}}?"
    r"(?:efforts?|work|development|construction|struggle|striving)$",
    re.ASCII,
)
_DATE_RANGE_RE = re.compile(
    rf"^(?:between|from)\s+(?P<a>{_MONTH}\.?\s+\d{{1,2}}{_DAY_SUFFIX},?\s+\d{{4}}|\d{{1,2}}{_DAY_SUFFIX}\s+(?:of\s+)?"
    rf"{_MONTH}\.?,?\s+\d{{4}}|{_MONTH}\.?,?\s+\d{{4}})\s*,?\s+(?:and|to|until|till|through)\s+(?P<b>.+)$",
    re.ASCII,
)
_MONTH_QUARTER_RE = re.compile(
    rf"^(?:the\s+)?(?P<month>march|june|september|december)\s+quarter[\s-]*(?:of\s+)?{_YEAR_EXPR}$", re.ASCII
)
_NEXT_DECADE_RE = re.compile(
    r"^(?:the\s+)?(?:next|coming|following|upcoming)\s+(?:decade|ten[\s-]+years?)$", re.ASCII
)
_N_MONTHS_RE = re.compile(
    rf"^(?:the\s+)?(?:(?:next|coming|following|upcoming)\s+)?(?P<n>\d{{1,2}}|an?|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|eighteen|twenty-four|thirty-six)\s+months?$",
    re.ASCII,
)
_MID_CENTURY_RE = re.compile(r"^(?:the\s+)?(?:mid|middle)[\s-]*(?:of\s+the\s+)?century$", re.ASCII)
_MONTH_WORDS: Mapping[str, int] = MappingProxyType(
    {**_NUMBER_WORDS, "eleven": 11, "twelve": 12, "eighteen": 18, "twenty-four": 24, "thirty-six": 36}
)
_THIS_DECADE_RE = re.compile(r"^(?:(?:the|this|current|present)\s+)?decade$", re.ASCII)
_FISCAL_HALF_RE = re.compile(
    r"^(?:the\s+)?(?:h(?P<h>[12])|(?P<hword>first|second|1st|2nd|latter|last)\s+half)"
    rf"[\s-]*(?:of\s+)?(?:the\s+)?{_FISCAL}[\s-]*(?P<a>\d{{4}}|\d{{2}})(?:-(?P<b>\d{{4}}|\d{{2}}))?$",
    re.ASCII,
)
_PLAN_RE = re.compile(
    # The matcher decides which words may follow ("action", "development", "goals", ...).
    rf"^(?:(?:a|an|the|this|its|our|new)\s+)*{_NUMBER}[\s-]year(?:[\s-]+[a-z-]+){{0,4}}$",
    re.ASCII,
)


def resolve_deadline(
    phrase: str,
    published: dt.date | None,
    periods: Mapping[int, tuple[int, int]] | None = None,
    *,
    fiscal_start_month: int = 4,
) -> tuple[dt.date | None, dt.date] | None:
    """``(start, end)`` of the period a deadline phrase names, or None when it cannot be resolved.

    ``periods`` maps Five-Year Plan ordinals to (first, last) years and defaults to
    the shipped lexicon.  See the module docstring for the conventions; "by then"
    is left to the caller, which knows the previous deadline.
    """
    if not 1 <= fiscal_start_month <= 12:
        raise ValueError(f"fiscal_start_month must be 1..12, got {fiscal_start_month}")
    text = _normalize_phrase(phrase)
    if not text or len(text) > _MAX_PHRASE_CHARS:
        return None
    if (between := _DATE_RANGE_RE.match(text)) is not None:
        # "between October 16, 2023, and February 15, 2024": from the first day to the end of the second.
        first = resolve_deadline(between["a"], published, periods, fiscal_start_month=fiscal_start_month)
        last = resolve_deadline(between["b"], published, periods, fiscal_start_month=fiscal_start_month)
        if first is None or last is None or (first[0] or first[1]) > last[1]:
            return None
        return first[0] or first[1], last[1]
    prefix, rest = _split_prefix(text)
    if _MID_CENTURY_RE.match(rest):
        return None, dt.date(2050, 12, 31)  # "by mid-century": 2050, the climate pledges' horizon
    explicit_range, rest = _pop_parenthesized_range(rest)
    modifier, core = _split_modifier(rest)
    try:
        span = explicit_range or _parse_core(core, published, periods, fiscal_start_month)
        if span is None:
            return None
        return _apply(span, prefix, modifier, published)
    except ValueError:  # an impossible calendar date such as "February 30, 2025"
        return None


def _normalize_phrase(phrase: str) -> str:
    """Lower-case, drop quotes, straighten dashes, collapse whitespace, trim punctuation."""
    text = " ".join(phrase.translate(_PHRASE_TRANSLATION).lower().split())
    return _HYPHEN_SPACING_RE.sub("-", text).strip(" ,.;:!?")


def _split_prefix(text: str) -> tuple[_PrefixKind | None, str]:
    """Split "by 2025" into ("by", "2025")."""
    match = _PREFIX_RE.match(text)
    if match is None:
        return None, text
    kind: _PrefixKind
    if match["by"]:
        kind = "by"
    elif match["before"]:
        kind = "before"
    elif match["within"]:
        kind = "within"
    else:
        kind = "period"
    return kind, text[match.end() :]


def _pop_parenthesized_range(text: str) -> tuple[_Span | None, str]:
    """Take an explicit "(2021-25)" out of the phrase; it wins over any lexicon lookup."""
    match = _PAREN_RANGE_RE.search(text)
    if match is None:
        return None, text
    remainder = (text[: match.start()] + text[match.end() :]).strip()
    return _year_range(match["first"], match["last"]), remainder


def _split_modifier(text: str) -> tuple[_Modifier | None, str]:
    """Split "the end of 2025" / "2025-end" / "mid-2024" into a modifier and the period."""
    text = _TRAILING_RE.sub("", text)
    modifier: _Modifier | None = None
    if match := _END_LEAD_RE.match(text):
        modifier, text = "end", text[match.end() :]
    elif match := _MID_LEAD_RE.match(text):
        modifier, text = "mid", text[match.end() :]
    stripped = _END_INNER_RE.sub("", text)
    if stripped != text:
        modifier, text = "end", stripped
    return modifier, text.strip()


def _parse_core(
    core: str,
    published: dt.date | None,
    periods: Mapping[int, tuple[int, int]] | None,
    fiscal_start_month: int,
) -> _Span | None:
    """The period a prefix-free, modifier-free phrase names."""
    if match := _FYP_RE.match(core):
        return _plan_period(match, periods)
    if match := _FISCAL_QUARTER_RE.match(core):
        fiscal = _fiscal_year(match["a"], match["b"], fiscal_start_month)
        quarter = int(match["q"]) if match["q"] else _QUARTER_WORDS[match["qword"]]
        return None if fiscal is None else _months(fiscal.first.year, fiscal.first.month + 3 * (quarter - 1), 3)
    if match := _FISCAL_HALF_RE.match(core):
        fiscal = _fiscal_year(match["a"], match["b"], fiscal_start_month)
        half = int(match["h"]) if match["h"] else _HALF_WORDS[match["hword"]]
        return None if fiscal is None else _months(fiscal.first.year, fiscal.first.month + 6 * (half - 1), 6)
    if match := _FISCAL_RE.match(core):
        return _fiscal_year(match["a"], match["b"], fiscal_start_month)
    if (match := _FISCAL_BARE_RE.match(core)) and int(match["b"]) == (int(match["a"]) + 1) % 100:
        return _fiscal_year(match["a"], match["b"], fiscal_start_month)
    if match := _RANGE_RE.match(core):
        return _year_range(match["a1"] or match["a2"], match["b1"] or match["b2"])
    if match := _QUARTER_RE.match(core) or _QUARTER_AFTER_RE.match(core):
        groups = match.groupdict()
        quarter = int(groups["q"]) if groups["q"] else _QUARTER_WORDS[groups["qword"]]
        return _within_year(match, published, 1 + 3 * (quarter - 1), 3)
    if match := _HALF_RE.match(core) or _HALF_AFTER_RE.match(core):
        groups = match.groupdict()
        half = int(groups["h"]) if groups["h"] else _HALF_WORDS[groups["hword"]]
        return _within_year(match, published, 1 + 6 * (half - 1), 6)
    if match := _ISO_DAY_RE.match(core):
        return _day(dt.date.fromisoformat(match["iso"]))
    if match := _MONTH_DAY_YEAR_RE.match(core) or _DAY_MONTH_YEAR_RE.match(core):
        year = int(match["year"])
        return _day(dt.date(year, _MONTH_BY_PREFIX[match["month"][:3]], int(match["day"]))) if _year_ok(year) else None
    if match := _MONTH_YEAR_RE.match(core):
        return _within_year(match, published, _MONTH_BY_PREFIX[match["month"][:3]], 1)
    if match := _YEAR_RE.match(core):
        return _within_year(match, published, 1, 12)
    if match := _MONTH_QUARTER_RE.match(core):
        # "the June quarter": the three months ending in June (Australian and business usage).
        return _within_year(match, published, _MONTH_BY_PREFIX[match["month"][:3]] - 2, 3)
    if _NEXT_DECADE_RE.match(core):
        return _years_from_publication(10, published)
    if _THIS_DECADE_RE.match(core):
        return _this_decade(published)
    if match := _N_MONTHS_RE.match(core):
        return _months_from_publication(_MONTH_WORDS.get(match["n"]) or int(match["n"]), published)
    if match := _NEXT_YEARS_RE.match(core) or _N_YEARS_RE.match(core) or _AFTER_YEARS_RE.match(core):
        return _years_from_publication(_count(match["n"]), published)
    if match := _PLAN_RE.match(core):
        return _n_year_plan(_count(match["n"]), published)
    return None


def _apply(
    span: _Span, prefix: _PrefixKind | None, modifier: _Modifier | None, published: dt.date | None
) -> tuple[dt.date | None, dt.date] | None:
    """Turn a span into ``(start, end)`` under the prefix and modifier conventions."""
    if modifier == "mid":
        end = _midpoint(span)
    elif prefix == "before" and modifier is None and not span.from_publication:
        end = span.first - dt.timedelta(days=1)
    else:
        end = span.last
    start: dt.date | None
    if prefix in ("by", "before") or modifier is not None:
        start = None
    elif span.from_publication or (prefix == "within" and span.relative):
        start = published
    else:
        start = span.first
    if not _year_ok(end.year) or (start is not None and start > end):
        return None
    return start, end


def _midpoint(span: _Span) -> dt.date:
    """30 June for a year, the 15th for a month, else the middle day."""
    if (span.first.month, span.first.day, span.last.month, span.last.day) == (1, 1, 12, 31) and (
        span.first.year == span.last.year
    ):
        return dt.date(span.first.year, 6, 30)
    if span.first.day == 1 and (span.last + dt.timedelta(days=1)).day == 1 and span.first.month == span.last.month:
        return span.first.replace(day=15)
    return span.first + (span.last - span.first) // 2


def _year_ok(year: int) -> bool:
    """Whether a year is in the supported window."""
    return MIN_YEAR <= year <= MAX_YEAR


def _count(word: str) -> int:
    """ "three" or "3" -> 3."""
    return int(word) if word.isdigit() else _NUMBER_WORDS[word]


def _expand_two_digit(year: str) -> int:
    """ "26" -> 2026, "99" -> 1999; four digits pass through."""
    value = int(year)
    if len(year) != 2:
        return value
    return 2000 + value if value < 70 else 1900 + value


def _months(year: int, month: int, count: int) -> _Span | None:
    """``count`` whole months starting at ``month`` of ``year`` (months may overflow into later years)."""
    start_year, start_month = year + (month - 1) // 12, (month - 1) % 12 + 1
    end_index = start_month - 1 + count
    end_year, end_month = start_year + end_index // 12, end_index % 12 + 1
    if not (_year_ok(start_year) and _year_ok(end_year - (end_month == 1))):
        return None
    return _Span(dt.date(start_year, start_month, 1), dt.date(end_year, end_month, 1) - dt.timedelta(days=1))


def _day(day: dt.date) -> _Span | None:
    """A single day."""
    return _Span(day, day) if _year_ok(day.year) else None


def _within_year(match: re.Match[str], published: dt.date | None, month: int, count: int) -> _Span | None:
    """``count`` months from ``month`` of the year the match names (digits or "this/next year")."""
    groups = match.groupdict()
    if groups.get("year") is not None:
        year, relative = int(groups["year"]), False
    elif published is None:
        return None
    else:
        year, relative = published.year + _RELATIVE_YEAR_OFFSETS[groups.get("rel")], True
    span = _months(year, month, count) if _year_ok(year) else None
    if span is None:
        return None
    return _Span(span.first, span.last, relative=relative)


def _year_range(first: str, last: str) -> _Span | None:
    """ "2021", "25" -> 2021-01-01..2025-12-31; None when backwards or out of range."""
    first_year = int(first)
    last_year = int(last)
    if len(last) == 2:
        last_year += first_year // 100 * 100
        if last_year < first_year:
            last_year += 100
    if not (_year_ok(first_year) and _year_ok(last_year)) or last_year < first_year:
        return None
    return _Span(dt.date(first_year, 1, 1), dt.date(last_year, 12, 31))


def _fiscal_year(first: str, second: str | None, start_month: int) -> _Span | None:
    """FY26 / FY2026 / FY 2025-26: the fiscal year ending in 2026 (starting ``start_month``)."""
    first_year = _expand_two_digit(first)
    if second is None:
        start_year = first_year if start_month == 1 else first_year - 1
    else:
        expected = (first_year + 1) % 100 if len(second) == 2 else first_year + 1
        if int(second) != expected:
            return None
        start_year = first_year
    return _months(start_year, start_month, 12) if _year_ok(start_year) else None


def _plan_period(match: re.Match[str], periods: Mapping[int, tuple[int, int]] | None) -> _Span | None:
    """The years of the numbered Five-Year Plan, from ``periods`` or the shipped lexicon."""
    ordinal = int(match["num"]) if match["num"] else _ORDINAL_WORDS[match["word"]]
    years = (periods if periods is not None else _default_plan_periods()).get(ordinal)
    if years is None:
        return None
    return _year_range(str(years[0]), str(years[1]))


def _years_from_publication(count: int, published: dt.date | None) -> _Span | None:
    """ "in the next N years": publication date .. 31 Dec of ``published.year + N``."""
    if published is None or not _year_ok(published.year + count):
        return None
    return _Span(published, dt.date(published.year + count, 12, 31), relative=True, from_publication=True)


def _months_from_publication(count: int, published: dt.date | None) -> _Span | None:
    """ "within 18 months": publication date .. the last day of the month ``count`` months later."""
    if published is None:
        return None
    later = _months(published.year, published.month + count, 1)
    return None if later is None else _Span(published, later.last, relative=True, from_publication=True)


def _this_decade(published: dt.date | None) -> _Span | None:
    """ "this decade": publication .. the decade's end, read as the next round year ("the end of the decade"
    in 2025 -> 2030)."""
    if published is None:
        return None
    return _Span(published, dt.date((published.year // 10 + 1) * 10, 12, 31), relative=True, from_publication=True)


def _n_year_plan(count: int, published: dt.date | None) -> _Span | None:
    """ "a three-year action plan": ``published.year`` .. ``published.year + N - 1``."""
    if published is None or count < 1 or not (_year_ok(published.year) and _year_ok(published.year + count - 1)):
        return None
    return _Span(dt.date(published.year, 1, 1), dt.date(published.year + count - 1, 12, 31), relative=True)
