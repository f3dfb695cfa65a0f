"""Calendar spans and the Five-Year Plan lexicon shared by publication dates and deadlines.

A :class:`Span` is a named period (first and last day, inclusive) before the
deadline prefixes and modifiers of :func:`plancli.normalize.deadlines.resolve_deadline`
are applied; the builders here return None for years outside ``MIN_YEAR``..``MAX_YEAR``.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

__all__ = [
    "DAY_SUFFIX",
    "MAX_YEAR",
    "MIN_YEAR",
    "MONTH_PATTERN",
    "NationalPlans",
    "names_pattern",
    "Span",
    "day_span",
    "default_plan_periods",
    "expand_two_digit",
    "fiscal_year",
    "load_plan_periods",
    "midpoint",
    "month_span",
    "months_from_publication",
    "n_year_plan",
    "this_decade",
    "names_parliament_country",
    "this_parliament",
    "year_ok",
    "year_range",
    "years_from_publication",
]

MIN_YEAR = 1900
MAX_YEAR = 2100

MONTH_PATTERN = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
#: Month-name prefix -> month number (package-private: published.py and deadlines.py read it).
_MONTH_BY_PREFIX: Mapping[str, int] = MappingProxyType(
    {
        prefix: number
        for number, prefix in enumerate(
            ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
            start=1,
        )
    }
)
DAY_SUFFIX = r"(?:st|nd|rd|th)?"


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
            and all(type(year) is int and year_ok(year) for year in value)
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


def names_pattern(names: Iterable[str]) -> re.Pattern[str]:
    """One case-sensitive pattern of whole names, longest first ("Bangladeshi" before "Bangladesh"); not inside a
    word or after a dot. It matches nothing when there are no names."""
    # "not after a word character or a dot" is checked behind each name's first letter, not before it: a pattern
    # whose branches all open with a letter is searched for by re's fast scan (three times faster over a text).
    body = "|".join(f"{re.escape(name[0])}(?<![\\w.]{re.escape(name[0])}){re.escape(name[1:])}"
                    for name in sorted(names, key=len, reverse=True) if name) or "(?!)"
    return re.compile(rf"(?:{body})(?!\w)")


@dataclass(frozen=True)
class NationalPlans:
    """Whose numbered plans an article means: "the 16th Five-Year Plan" of Nepal is not China's.

    Built from the ``national_plan_periods`` lexicon (see its description). The country without
    periods (China) reads the ``plan_periods`` lexicon, and is the default.
    """

    pattern: re.Pattern[str]
    country_of: Mapping[str, str]
    periods: Mapping[str, Mapping[int, tuple[int, int]]]

    @classmethod
    def from_lexicon(cls, entries: Mapping[str, object], origin: str = "national_plan_periods") -> NationalPlans:
        """Check and compile the lexicon's entries; a malformed entry raises ``PatternError`` with ``file:line``."""
        country_of: dict[str, str] = {}
        periods: dict[str, dict[int, tuple[int, int]]] = {}
        for country, entry in entries.items():
            names = entry.get("names") if isinstance(entry, dict) else None
            table = entry.get("periods", {}) if isinstance(entry, dict) else None
            valid = (isinstance(names, list) and all(isinstance(n, str) and n.strip() for n in names)
                     and isinstance(table, dict) and all(
                         str(k).isdigit() and isinstance(v, list) and len(v) == 2
                         and all(type(y) is int and year_ok(y) for y in v) and v[0] <= v[1]
                         for k, v in table.items()))
            if not valid:
                raise _lexicon_error(*_entry_place(origin, country),
                                     f"entry {country!r}: expected {{\"names\": [...], \"periods\": "
                                     '{"<ordinal>": [first year, last year]}}')
            for name in names:  # a dateline writes the city in capitals ("KATHMANDU, May 16 -")
                country_of.setdefault(name, country)
                country_of.setdefault(name.upper(), country)
            if table:
                periods[country] = {int(k): (v[0], v[1]) for k, v in table.items()}
        return cls(names_pattern(country_of), country_of, periods)

    def periods_for(self, text: str) -> Mapping[int, tuple[int, int]] | None:
        """The plan table of the country ``text`` is about, or None for the default (China's) table.

        A country wins with more mentions than any other country, the default included, and at least
        two unless the default country goes unnamed.
        """
        counts = Counter(self.country_of[m.group(0)] for m in self.pattern.finditer(text))
        ranked = sorted(((n, c) for c, n in counts.items() if c in self.periods), reverse=True)
        if not ranked:
            return None
        best_count, best = ranked[0]
        others = max([n for c, n in counts.items() if c != best] or [0])
        enough = best_count >= 2 or len(counts) == 1
        return self.periods[best] if enough and best_count > others else None


def _entry_place(origin: str, key: str) -> tuple[Path, int]:
    """``(file, line)`` of lexicon entry ``key``, from the lexicon's ``path:line`` origin."""
    path = Path(origin.rsplit(":", 1)[0])
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return path, 1
    return path, text.count("\n", 0, max(text.find(json.dumps(key)), 0)) + 1


@functools.cache
def default_plan_periods() -> Mapping[int, tuple[int, int]]:
    """The shipped plan periods, read once."""
    return MappingProxyType(load_plan_periods())


@functools.cache
def parliament_elections() -> tuple[tuple[dt.date, ...], int]:
    """The ``parliament_terms`` lexicon: election days in order, and the longest term in years."""
    from plancli.patterns import default_patterns_dir

    path = default_patterns_dir() / "lexicon" / "parliament_terms.json"
    entries = json.loads(path.read_text(encoding="utf-8"))["entries"]
    try:
        days = tuple(sorted(dt.date.fromisoformat(day) for day in entries["elections"]))
        longest = int(entries["max_years"])
    except (KeyError, TypeError, ValueError) as error:
        raise _lexicon_error(path, 1, f"expected 'elections': [ISO days] and 'max_years': <int> ({error})") from None
    return days, longest


@functools.cache
def _parliament_names() -> re.Pattern[str]:
    from plancli.patterns import default_patterns_dir

    path = default_patterns_dir() / "lexicon" / "parliament_terms.json"
    return names_pattern(json.loads(path.read_text(encoding="utf-8"))["entries"].get("names", []))


def names_parliament_country(text: str) -> bool:
    """Whether ``text`` names the country whose parliament ``parliament_terms`` lists (see its description)."""
    return _parliament_names().search(text) is not None


def this_parliament(published: dt.date | None) -> Span | None:
    """ "over this Parliament": publication .. the end of the year the current term may run to at the latest
    (the last election on or before publication plus the longest term), as the writer meant it."""
    if published is None:
        return None
    elections, longest = parliament_elections()
    past = [day for day in elections if day <= published]
    if not past:
        return None
    end_year = past[-1].year + longest
    if not year_ok(end_year):
        return None
    return Span(published, dt.date(end_year, 12, 31), relative=True, from_publication=True)


@dataclass(frozen=True, slots=True)
class Span:
    """A named period before prefixes and modifiers are applied."""

    first: dt.date
    last: dt.date
    relative: bool = False
    """Anchored to the publication date ("this year")."""
    from_publication: bool = False
    """Runs from the publication date ("in the next three years")."""


def midpoint(span: Span) -> dt.date:
    """30 June for a year, the 15th for a month, else the middle day."""
    if (span.first.month, span.first.day, span.last.month, span.last.day) == (1, 1, 12, 31) and (
        span.first.year == span.last.year
    ):
        return dt.date(span.first.year, 6, 30)
    if span.first.day == 1 and (span.last + dt.timedelta(days=1)).day == 1 and span.first.month == span.last.month:
        return span.first.replace(day=15)
    return span.first + (span.last - span.first) // 2


def year_ok(year: int) -> bool:
    """Whether a year is in the supported window."""
    return MIN_YEAR <= year <= MAX_YEAR


def expand_two_digit(year: str) -> int:
    """ "26" -> 2026, "99" -> 1999; four digits pass through."""
    value = int(year)
    if len(year) != 2:
        return value
    return 2000 + value if value < 70 else 1900 + value


def month_span(year: int, month: int, count: int) -> Span | None:
    """``count`` whole months starting at ``month`` of ``year`` (months may overflow into later years)."""
    start_year, start_month = year + (month - 1) // 12, (month - 1) % 12 + 1
    end_index = start_month - 1 + count
    end_year, end_month = start_year + end_index // 12, end_index % 12 + 1
    if not (year_ok(start_year) and year_ok(end_year - (end_month == 1))):
        return None
    return Span(dt.date(start_year, start_month, 1), dt.date(end_year, end_month, 1) - dt.timedelta(days=1))


def day_span(day: dt.date) -> Span | None:
    """A single day."""
    return Span(day, day) if year_ok(day.year) else None


def year_range(first: str, last: str) -> Span | None:
    """ "2021", "25" -> 2021-01-01..2025-12-31; None when backwards or out of range."""
    first_year = int(first)
    last_year = int(last)
    if len(last) == 2:
        last_year += first_year // 100 * 100
        if last_year < first_year:
            last_year += 100
    if not (year_ok(first_year) and year_ok(last_year)) or last_year < first_year:
        return None
    return Span(dt.date(first_year, 1, 1), dt.date(last_year, 12, 31))


def fiscal_year(first: str, second: str | None, start_month: int) -> Span | None:
    """FY26 / FY2026 / FY 2025-26: the fiscal year ending in 2026 (starting ``start_month``)."""
    first_year = expand_two_digit(first)
    if second is None:
        start_year = first_year if start_month == 1 else first_year - 1
    else:
        expected = (first_year + 1) % 100 if len(second) == 2 else first_year + 1
        if int(second) != expected:
            return None
        start_year = first_year
    return month_span(start_year, start_month, 12) if year_ok(start_year) else None


def years_from_publication(count: int, published: dt.date | None) -> Span | None:
    """ "in the next N years": publication date .. 31 Dec of ``published.year + N``."""
    if published is None or not year_ok(published.year + count):
        return None
    return Span(published, dt.date(published.year + count, 12, 31), relative=True, from_publication=True)


def months_from_publication(count: int, published: dt.date | None) -> Span | None:
    """ "within 18 months": publication date .. the last day of the month ``count`` months later."""
    if published is None:
        return None
    later = month_span(published.year, published.month + count, 1)
    return None if later is None else Span(published, later.last, relative=True, from_publication=True)


def this_decade(published: dt.date | None) -> Span | None:
    """ "this decade": publication .. the decade's end, read as the next round year ("the close of the decade"
    written in 2024 -> 2030)."""
    if published is None:
        return None
    return Span(published, dt.date((published.year // 10 + 1) * 10, 12, 31), relative=True, from_publication=True)


def n_year_plan(count: int, published: dt.date | None) -> Span | None:
    """ "a three-year action plan": ``published.year`` .. ``published.year + N - 1``."""
    if published is None or count < 1 or not (year_ok(published.year) and year_ok(published.year + count - 1)):
        return None
    return Span(dt.date(published.year, 1, 1), dt.date(published.year + count - 1, 12, 31), relative=True)
