"""Target deadlines: a deadline phrase (and the publication date) in, ``(start, end)`` dates out.

Conventions used by :func:`resolve_deadline` (``start``, ``end`` are inclusive):

* ``end`` is the last day of the named period, ``start`` its first day:
  "in 2023" -> 2023-01-01..2023-12-31, "Q3 2024" -> 2024-07-01..2024-09-30.
* Deadlines ("by", "until", "till", "no later than", "before") and points in time
  ("the end of 2025", "mid-2024", "2025-end") have ``start=None``.
  "before X" ends the day before X begins ("before June 2026" -> 2026-05-31), but "before 2030" names a goal's year
  as "by 2030" does (news and annotators date it 2030): 2030-12-31.
* Relative phrases need the publication date, else they resolve to None.
  "this year" / "next year" name a calendar year (published.year, +1);
  "within this year" / "within the year" run from publication to 31 Dec.
* "in the next N years", "within N years", "after N years of efforts" run from
  the publication date to 31 Dec of ``published.year + N``; "over the next decade" and "within a decade" are
  N = 10, "over the next two decades" N = 20;
  "(by the end of) this decade" ends with the next round year (2025 -> 2030).
* "within 18 months", "in the next six months" end with the month N months after publication;
  "by mid-century" is 2050.
* "over this Parliament" runs from publication to the end of the year the term ends (``parliament_terms``).
* "the June quarter of 2024" is the quarter ending in June (April..June).
* "through to 2025", "up until 2025", "between now (this year) and 2025" are deadlines like "by 2025", and so is
  "to the end of 2025" (translated plans: "to the end of 2025, the city's racks reach 30,000").
* A decade is its ten years: "in the 2030s" 2030..2039, "by the early 2030s" ends 2033, "by the late 2030s"
  ends 2039, "by the mid-2030s" ends at the decade's midpoint.
* "between March 9, 2021, and August 30, 2022" runs from the first date to the end of the second.
* An "N-year (action) plan" covers ``published.year`` .. ``published.year + N - 1``.
* Five-Year Plans come from the ``plan_periods`` lexicon; an explicit
  parenthesized range ("(2021-25)") wins over the lexicon.
* Fiscal years are labelled by the calendar year they end in: with the default
  April start, FY26 = FY 2025-26 = 2025-04-01..2026-03-31.
* "the next fiscal year" is the budget season's next year, whatever month the country's year starts in:
  published before the April start, the year from April (ending next year); in April to June, the year from
  July (ending next year: Pakistan's, Egypt's, Australia's budgets are presented then); from July on, the year
  from the April after (ending the year after next). "the next fiscal year 2024-25" is that year.
  "the current (this) fiscal year" is the year before that one: published in September 2025, the year ending
  in 2026; in May 2025, the year ending in June 2025.
* Years outside 1900..2100 never resolve.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Literal

from plancli.normalize.numbers import CARDINALS, ORDINAL_WORDS
from plancli.normalize.periods import (
    _MONTH_BY_PREFIX,
    DAY_SUFFIX,
    MONTH_PATTERN,
    Span,
    day_span,
    default_plan_periods,
    fiscal_year,
    midpoint,
    month_span,
    months_from_publication,
    n_year_plan,
    this_decade,
    this_parliament,
    year_ok,
    year_range,
    years_from_publication,
)

__all__ = ["NUMBER_WORDS", "resolve_deadline"]

_MAX_PHRASE_CHARS = 300

_PrefixKind = Literal["by", "before", "within", "period"]
_Modifier = Literal["end", "mid"]


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
    r"^(?:(?P<by>at\s+the\s+latest\s+by|by|come|between\s+(?:now|today|this\s+year)\s+and|from\s+(?:now|today|this\s+year)\s+(?:until|till|to|through)|deadlines?\s+(?:of|in)|time(?:line|frame)\s+(?:of|in)|until|till|til|up\s+until|up\s+to|no\s+later\s+than"
    r"|not\s+later\s+than|(?:right\s+)?(?:through|out|up)\s+(?:to|until|till)|to(?=\s+the\s+(?:very\s+)?end\s+of\s))"
    r"|(?P<before>before|prior\s+to|ahead\s+of)"
    r"|(?P<within>within)"
    r"|(?P<period>in\s+the\s+course\s+of|in|during|for|over|throughout|through|from|at|on|across))\s+"
    r"(?:(?:around|about|approximately|roughly|circa|as\s+early\s+as|as\s+late\s+as|less\s+than|fewer\s+than|under)\s+)?",
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
#: "a", "an" and "one" to "fifty": counts of years ("within five years", "a fifteen-year plan").
#: Number words for counts of years and months ("a fifteen-year plan", "within three years"), one to fifty.
NUMBER_WORDS: Mapping[str, int] = MappingProxyType({w: v for w, v in CARDINALS.items() if 1 <= v <= 50})
_NUMBER = rf"(?P<n>\d{{1,2}}|{'|'.join(sorted(NUMBER_WORDS, key=lambda w: (-len(w), w)))})"
_ORDINAL_WORDS = ORDINAL_WORDS
_QUARTER_WORDS: Mapping[str, int] = MappingProxyType(
    {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4, "last": 4}
)
_HALF_WORDS: Mapping[str, int] = MappingProxyType({"first": 1, "1st": 1, "second": 2, "2nd": 2, "latter": 2, "last": 2})
_FISCAL = r"(?:fy|fiscal(?:\s+year)?|financial\s+year)"

_FYP_RE = re.compile(
    r"^(?:the\s+)?(?:(?:countrys|nations|chinas|national)\s+)?"
    rf"(?:(?P<num>\d{{1,2}})(?!\d){DAY_SUFFIX}|(?P<word>{'|'.join(_ORDINAL_WORDS)}))[\s-]*"
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
_NEXT_FISCAL_RE = re.compile(
    rf"^(?:the\s+)?(?:next|coming|upcoming|following)\s+{_FISCAL}(?:\s+(?P<a>\d{{4}})(?:[-/](?P<b>\d{{4}}|\d{{2}}))?)?$",
    re.ASCII,
)
_THIS_FISCAL_RE = re.compile(rf"^(?:the\s+)?(?:this|current|present)\s+{_FISCAL}$", re.ASCII)
_MID_YEAR_START = 7  # July: the start of the fiscal years whose budgets are presented in April to June
_FISCAL_BARE_RE = re.compile(r"^(?:the\s+)?(?P<a>\d{4})-(?P<b>\d{2})$", re.ASCII)
#: "2024-25 to 2030-31": from the first fiscal year's start to the last one's end.
_FISCAL_RANGE_RE = re.compile(
    r"^(?:the\s+)?(?P<a>\d{4})-(?P<a2>\d{2})\s*(?:-|to|through|thru|till|until|and)\s*(?P<b>\d{4})-(?P<b2>\d{2})$",
    re.ASCII,
)
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
    rf"^(?P<month>{MONTH_PATTERN})\.?\s+(?P<day>\d{{1,2}}){DAY_SUFFIX},?\s+(?P<year>\d{{4}})$", re.ASCII
)
_DAY_MONTH_YEAR_RE = re.compile(
    rf"^(?:the\s+)?(?P<day>\d{{1,2}}){DAY_SUFFIX}\s+(?:of\s+)?(?P<month>{MONTH_PATTERN})\.?,?\s+(?P<year>\d{{4}})$",
    re.ASCII,
)
_MONTH_YEAR_RE = re.compile(rf"^(?P<month>{MONTH_PATTERN})\.?,?\s+(?:of\s+)?{_YEAR_EXPR}$", re.ASCII)
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
    rf"^(?:between|from)\s+(?P<a>{MONTH_PATTERN}\.?\s+\d{{1,2}}{DAY_SUFFIX},?\s+\d{{4}}|\d{{1,2}}{DAY_SUFFIX}\s+(?:of\s+)?"
    rf"{MONTH_PATTERN}\.?,?\s+\d{{4}}|{MONTH_PATTERN}\.?,?\s+\d{{4}})\s*,?\s+(?:and|to|until|till|through)\s+(?P<b>.+)$",
    re.ASCII,
)
_MONTH_QUARTER_RE = re.compile(
    rf"^(?:the\s+)?(?P<month>march|june|september|december)\s+quarter[\s-]*(?:of\s+)?{_YEAR_EXPR}$", re.ASCII
)
_NEXT_DECADE_RE = re.compile(
    r"^(?:(?:the\s+)?(?:next|coming|following|upcoming)|an?|one)\s+(?:decade|ten[\s-]+years?)$", re.ASCII
)
#: "over the next two decades": twenty years from publication.
_NEXT_DECADES_RE = re.compile(
    r"^(?:the\s+)?(?:next|coming|following|upcoming)\s+(?P<n>two|three|four|five|[2-5])\s+decades$", re.ASCII
)
_N_MONTHS_RE = re.compile(
    rf"^(?:the\s+)?(?:(?:next|coming|following|upcoming)\s+)?(?P<n>\d{{1,2}}|an?|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|eighteen|twenty-four|thirty-six)\s+months?$",
    re.ASCII,
)
_MID_CENTURY_RE = re.compile(r"^(?:the\s+)?(?:mid|middle)[\s-]*(?:of\s+the\s+)?century$", re.ASCII)
_MONTH_WORDS: Mapping[str, int] = MappingProxyType(
    {**NUMBER_WORDS, "eleven": 11, "twelve": 12, "eighteen": 18, "twenty-four": 24, "thirty-six": 36}
)
#: "the 2030s", "the early 2030s" ("mid-" and "late" are modifiers of the whole decade).
_DECADE_RE = re.compile(r"^(?:the\s+)?(?P<early>early[\s-]+)?(?P<decade>\d{3}0)['\u2019]?s$")
_EARLY_DECADE_YEARS = 4  # "the early 2030s": 2030-2033
_THIS_DECADE_RE = re.compile(r"^(?:(?:the|this|current|present)\s+)?decade$", re.ASCII)
_THIS_PARLIAMENT_RE = re.compile(
    r"^(?:(?:the\s+)?(?:rest|remainder)\s+of\s+)?(?:this|the\s+current|current)\s+parliament(?:ary\s+term)?$",
    re.ASCII,
)
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
        # "between March 9, 2021, and August 30, 2022": from the first day to the end of the second.
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


def _pop_parenthesized_range(text: str) -> tuple[Span | None, str]:
    """Take an explicit "(2021-25)" out of the phrase; it wins over any lexicon lookup."""
    match = _PAREN_RANGE_RE.search(text)
    if match is None:
        return None, text
    remainder = (text[: match.start()] + text[match.end() :]).strip()
    return year_range(match["first"], match["last"]), remainder


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
) -> Span | None:
    """The period a prefix-free, modifier-free phrase names."""
    if match := _FYP_RE.match(core):
        return _plan_period(match, periods)
    if match := _FISCAL_QUARTER_RE.match(core):
        fiscal = fiscal_year(match["a"], match["b"], fiscal_start_month)
        quarter = int(match["q"]) if match["q"] else _QUARTER_WORDS[match["qword"]]
        return None if fiscal is None else month_span(fiscal.first.year, fiscal.first.month + 3 * (quarter - 1), 3)
    if match := _FISCAL_HALF_RE.match(core):
        fiscal = fiscal_year(match["a"], match["b"], fiscal_start_month)
        half = int(match["h"]) if match["h"] else _HALF_WORDS[match["hword"]]
        return None if fiscal is None else month_span(fiscal.first.year, fiscal.first.month + 6 * (half - 1), 6)
    if match := _FISCAL_RE.match(core):
        return fiscal_year(match["a"], match["b"], fiscal_start_month)
    if match := _NEXT_FISCAL_RE.match(core):
        if match["a"] is not None:
            return fiscal_year(match["a"], match["b"], fiscal_start_month)
        return _next_fiscal_year(published, fiscal_start_month)
    if _THIS_FISCAL_RE.match(core):
        return _this_fiscal_year(published, fiscal_start_month)
    if (match := _FISCAL_BARE_RE.match(core)) and int(match["b"]) == (int(match["a"]) + 1) % 100:
        return fiscal_year(match["a"], match["b"], fiscal_start_month)
    if match := _FISCAL_RANGE_RE.match(core):
        first = fiscal_year(match["a"], match["a2"], fiscal_start_month)
        last = fiscal_year(match["b"], match["b2"], fiscal_start_month)
        return None if first is None or last is None or last.last < first.first else Span(first.first, last.last)
    if match := _RANGE_RE.match(core):
        return year_range(match["a1"] or match["a2"], match["b1"] or match["b2"])
    if match := _QUARTER_RE.match(core) or _QUARTER_AFTER_RE.match(core):
        groups = match.groupdict()
        quarter = int(groups["q"]) if groups["q"] else _QUARTER_WORDS[groups["qword"]]
        return _within_year(match, published, 1 + 3 * (quarter - 1), 3)
    if match := _HALF_RE.match(core) or _HALF_AFTER_RE.match(core):
        groups = match.groupdict()
        half = int(groups["h"]) if groups["h"] else _HALF_WORDS[groups["hword"]]
        return _within_year(match, published, 1 + 6 * (half - 1), 6)
    if match := _ISO_DAY_RE.match(core):
        return day_span(dt.date.fromisoformat(match["iso"]))
    if match := _MONTH_DAY_YEAR_RE.match(core) or _DAY_MONTH_YEAR_RE.match(core):
        year = int(match["year"])
        return day_span(dt.date(year, _MONTH_BY_PREFIX[match["month"][:3]], int(match["day"]))) if year_ok(year) else None
    if match := _MONTH_YEAR_RE.match(core):
        return _within_year(match, published, _MONTH_BY_PREFIX[match["month"][:3]], 1)
    if match := _YEAR_RE.match(core):
        return _within_year(match, published, 1, 12)
    if match := _MONTH_QUARTER_RE.match(core):
        # "the June quarter": the three months ending in June (Australian and business usage).
        return _within_year(match, published, _MONTH_BY_PREFIX[match["month"][:3]] - 2, 3)
    if match := _DECADE_RE.match(core):
        first = int(match["decade"])
        return year_range(str(first), str(first + (_EARLY_DECADE_YEARS if match["early"] else 10) - 1))
    if _NEXT_DECADE_RE.match(core):
        return years_from_publication(10, published)
    if match := _NEXT_DECADES_RE.match(core):
        return years_from_publication(10 * _count(match["n"]), published)
    if _THIS_DECADE_RE.match(core):
        return this_decade(published)
    if _THIS_PARLIAMENT_RE.match(core):
        return this_parliament(published)
    if match := _N_MONTHS_RE.match(core):
        return months_from_publication(_MONTH_WORDS.get(match["n"]) or int(match["n"]), published)
    if match := _NEXT_YEARS_RE.match(core) or _N_YEARS_RE.match(core) or _AFTER_YEARS_RE.match(core):
        return years_from_publication(_count(match["n"]), published)
    if match := _PLAN_RE.match(core):
        return n_year_plan(_count(match["n"]), published)
    return None


def _next_fiscal_year(published: dt.date | None, fiscal_start_month: int) -> Span | None:
    """ "the next fiscal year" read in the budget season (see the module docstring)."""
    if published is None:
        return None
    if published.month < fiscal_start_month:
        first = dt.date(published.year, fiscal_start_month, 1)
    elif published.month < _MID_YEAR_START:
        first = dt.date(published.year, _MID_YEAR_START, 1)
    else:
        first = dt.date(published.year + 1, fiscal_start_month, 1)
    span = month_span(first.year, first.month, 12)
    return None if span is None else Span(span.first, span.last, relative=True)


def _this_fiscal_year(published: dt.date | None, fiscal_start_month: int) -> Span | None:
    """ "the current fiscal year": the year before :func:`_next_fiscal_year`'s, so the two never name the same year
    (in April to June, the year to June that a budget presented then closes)."""
    following = _next_fiscal_year(published, fiscal_start_month)
    if following is None:
        return None
    span = month_span(following.first.year - 1, following.first.month, 12)
    return None if span is None else Span(span.first, span.last, relative=True)


def _apply(
    span: Span, prefix: _PrefixKind | None, modifier: _Modifier | None, published: dt.date | None
) -> tuple[dt.date | None, dt.date] | None:
    """Turn a span into ``(start, end)`` under the prefix and modifier conventions."""
    if modifier == "mid":
        end = midpoint(span)
    elif prefix == "before" and modifier is None and not span.from_publication and not _whole_year(span):
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
    if not year_ok(end.year) or (start is not None and start > end):
        return None
    return start, end


def _whole_year(span: Span) -> bool:
    """Whether a span is one calendar year ("2030"): a goal "before 2030" is dated 2030, like "by 2030"."""
    return (span.first.month, span.first.day, span.last.month, span.last.day) == (1, 1, 12, 31) \
        and span.first.year == span.last.year


def _count(word: str) -> int:
    """ "three" or "3" -> 3."""
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


def _within_year(match: re.Match[str], published: dt.date | None, month: int, count: int) -> Span | None:
    """``count`` months from ``month`` of the year the match names (digits or "this/next year")."""
    groups = match.groupdict()
    if groups.get("year") is not None:
        year, relative = int(groups["year"]), False
    elif published is None:
        return None
    else:
        year, relative = published.year + _RELATIVE_YEAR_OFFSETS[groups.get("rel")], True
    span = month_span(year, month, count) if year_ok(year) else None
    if span is None:
        return None
    return Span(span.first, span.last, relative=relative)


def _plan_period(match: re.Match[str], periods: Mapping[int, tuple[int, int]] | None) -> Span | None:
    """The years of the numbered Five-Year Plan, from ``periods`` or the shipped lexicon."""
    ordinal = int(match["num"]) if match["num"] else _ORDINAL_WORDS[match["word"]]
    years = (periods if periods is not None else default_plan_periods()).get(ordinal)
    if years is None:
        return None
    return year_range(str(years[0]), str(years[1]))
