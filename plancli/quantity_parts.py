"""The pieces :class:`plancli.quantities.QuantityFinder` builds with.

:class:`Quantity` itself, the span index over a doc's span-ruler matches, the
quoted-word finder, and the small pure helpers (number values, plurals, years)
the finder's rules share.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

import numpy as np
from spacy.attrs import LOWER, SENT_START
from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.tokens import Doc, Span

from plancli.matcher_flags import doc_lexemes
from plancli.patterns import load_pattern_set
from plancli.normalize.numbers import (
    FRACTION_DENOMINATORS,
    MAX_VALUE,
    MULTIPLE_WORDS,
    parse_decimal,
    split_glued,
    to_float,
)

#: Scale words that are single letters ("5m", "$3k") only count next to a currency.
_AMBIGUOUS_SCALES = {"m", "m.", "b", "k", "cr", "mn"}
_MAX_NOUN_WORDS = 6
_DURATIONS = {"second", "minute", "hour", "day", "week", "month"}
_RANGE_WORDS = {"-", "–", "—", "to", "~"}
_UNIT_LABELS = ("CURRENCY", "PERCENT", "UNIT")
_CONTEXT_LABELS = (
    "NUMBER", "SCALE", "CURRENCY", "PERCENT", "UNIT", "COMPARATOR", "COMPARATOR_AFTER",
    "RANK", "NOT_QUANTITY", "DEADLINE", "PREDICATE", "TARGET_CUE", "ACTUAL_CUE",
)
_VERB_LABELS = ("PREDICATE", "TARGET_CUE", "ACTUAL_CUE", "COMPARATOR")
#: Two quantities with their units in one token: "20MW/40MWh".
_UNIT_PAIR = re.compile(r"^(\d[\d,]*(?:\.\d+)?)([A-Za-zµ]{1,6})/(\d[\d,]*(?:\.\d+)?)([A-Za-zµ]{1,6})$")
#: A range in one token: "2.5–3", "10-$15" (the tokenizer keeps an en dash, or a hyphen before a symbol).
#: Verbs after which "from X to Y" is a range, not a change: "revenue ranging from $98 billion to $102 billion".
RANGE_VERBS = frozenset({"range", "ranges", "ranged", "ranging", "vary", "varies", "varied", "varying"})
#: A number written with a leading zero: a line or item number, never an amount.
_ZERO_PADDED = re.compile(r"^0\d+$")
_GLUED_RANGE = re.compile(r"^(\d+(?:\.\d+)?)(?:[–—]|-(?=[^\w\s]|[A-Z]{1,3}\$))(?:[^\w\s.,]{1,2}|[A-Z]{1,3}\$)?(\d+(?:\.\d+)?)$")
#: A range in one token whose numbers both carry the same glued scale: "2.5bn-£2.8bn", "204mn-254mn".
#: A comma must open a group of exactly three digits: "€1,2bn-€1,8bn" (decimal commas) is left out, as "€1,2bn" is.
_GROUPED = r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_GLUED_SCALED_RANGE = re.compile(
    rf"^{_GROUPED}([a-z]{{1,3}})[-–—](?:[^\w\s.,]{{1,2}}|[A-Z]{{1,3}}\$)?{_GROUPED}\2$")
#: The most tokens a unit or currency phrase after a number may span ("circuit kilometres", "µg / m³").
_MAX_UNIT_TOKENS = 4
#: Letters that are a unit only glued to a number. Temperatures ("1.5C") are left out for now: warming
#: limits are benchmarks, and the target rules would call them targets.
_GLUED_ONLY_UNITS: dict[str, str] = {}


#: Most entries in a per-finder memo table before it starts afresh.
_MAX_REMEMBERED = 50_000
_UNSEEN = object()


@dataclass
class Quantity:
    """A number with its unit and comparator, as token offsets into the Doc."""

    start: int  # first token (comparator or currency symbol included)
    end: int  # one past the last token
    value: float  # computed exactly with Decimal, converted once
    unit: str
    unit_type: str  # "percent", "currency", "unit", "count", "rank", "multiple"
    comparator: str = "="
    value_max: float | None = None
    noun_start: int | None = None  # the counted noun phrase, for counts
    noun_end: int | None = None
    equivalent: tuple[float, str, int, int] | None = None  # value, unit, start char, end char
    extras: dict[str, object] = field(default_factory=dict)



#: A span-ruler row: first token, end token, label hash, id hash.
Row = tuple[int, int, int, int]


class _RowSpans(dict[str, list[Span]]):
    """``label -> spans`` read from the ruler's rows, each ``Span`` made when first read (a doc has thousands
    of cue matches that only :meth:`_SpanIndex.covering` and :meth:`_SpanIndex.covered` look at, by
    position)."""

    def __init__(self, doc: Doc, rows: dict[str, list[Row]]) -> None:
        super().__init__()
        self.doc = doc
        self.rows = rows
        self._made: dict[str, list[Span | None]] = {}

    def span(self, label: str, n: int) -> Span:
        """The ``Span`` of row ``n`` of ``label``, the same object on every call."""
        made = self._made.get(label)
        if made is None:
            made = self._made[label] = [None] * len(self.rows[label])
        span = made[n]
        if span is None:
            start, end, label_id, span_id = self.rows[label][n]
            span = made[n] = Span(self.doc, start, end, label=label_id, span_id=span_id)
        return span

    def get(self, label: str, default: object = None) -> object:  # type: ignore[override]
        found = dict.get(self, label)
        if found is None:
            if label not in self.rows:
                return default
            found = self[label] = [self.span(label, n) for n in range(len(self.rows[label]))]
        return found


class _SpanIndex:
    """Span-ruler matches indexed by label and by first/last token (the longest, then the first, per position).

    Built for every doc from hundreds of matches, most of them never looked up by
    position: only ``by_label`` is filled up front, a label's start and end tables
    when that label is first asked for. Built from the ruler's ``rows`` of ``doc``,
    a match becomes a ``Span`` only when read.
    """

    def __init__(self, spans: Iterable[Span], labels: Mapping[int, str], doc: Doc | None = None,
                 rows: Iterable[Row] = ()) -> None:
        self.by_label: dict[str, list[Span]] = defaultdict(list)
        self._starts: dict[str, dict[int, int]] = {}  # label -> first token -> match number
        self._ends: dict[str, dict[int, int]] = {}  # label -> end token -> match number
        self._cover: dict[str, dict[int, int]] = {}  # token -> the first match covering it, by its position
        self._longest: dict[str, list[Span]] = {}
        self._sorted_cover: dict[str, list[int]] = {}  # label -> the tokens its matches cover, in order
        self._words: dict[str, list[int]] = {}  # key -> positions of a word list's tokens, in order
        self._sentence_starts: list[int] | None = None
        by_label = self.by_label
        for span in spans:
            label = labels.get(span.label)
            if label is not None:
                by_label[label].append(span)
        if doc is not None:
            by_rows: dict[str, list[Row]] = {}
            for row in rows:
                label = labels.get(row[2])
                if label is not None:
                    by_rows.setdefault(label, []).append(row)
            self.by_label = _RowSpans(doc, by_rows)

    def _bounds(self, label: str) -> list[tuple[int, int]]:
        """``(start, end)`` of each match of ``label``, in order, without making spans."""
        if isinstance(self.by_label, _RowSpans):
            return [(row[0], row[1]) for row in self.by_label.rows.get(label, ())]
        return [(span.start, span.end) for span in self.by_label.get(label, ())]

    def _span(self, label: str, n: int) -> Span:
        if isinstance(self.by_label, _RowSpans):
            return self.by_label.span(label, n)
        return self.by_label[label][n]

    def starting_at(self, label: str, i: int) -> Span | None:
        """The longest match of ``label`` starting at token ``i`` (the first of equals); a table of match numbers
        is built once per label, and only a match returned becomes a ``Span``."""
        table = self._starts.get(label)
        if table is None:
            table = self._starts[label] = {}
            bounds = self._bounds(label)
            for n, (start, end) in enumerate(bounds):
                known = table.get(start)
                if known is None or end > bounds[known][1]:
                    table[start] = n
        n = table.get(i)
        return None if n is None else self._span(label, n)

    def ending_at(self, label: str, i: int) -> Span | None:
        """The longest match of ``label`` ending at token ``i`` (the first of equals), as :meth:`starting_at`."""
        table = self._ends.get(label)
        if table is None:
            table = self._ends[label] = {}
            bounds = self._bounds(label)
            for n, (start, end) in enumerate(bounds):
                known = table.get(end)
                if known is None or start < bounds[known][0]:
                    table[end] = n
        n = table.get(i)
        return None if n is None else self._span(label, n)

    def covering(self, i: int, label: str) -> Span | None:
        """A match of ``label`` that covers token ``i`` (token -> span table built once per label)."""
        table = self._cover.get(label)
        if table is None:
            table = {}
            for n, (start, end) in enumerate(self._bounds(label)):
                for k in range(start, end):
                    table.setdefault(k, n)
            self._cover[label] = table
        n = table.get(i)
        return None if n is None else self._span(label, n)

    def covered(self, labels: tuple[str, ...]) -> set[int]:
        """Token indices inside any match of ``labels``."""
        out: set[int] = set()
        for label in labels:
            for start, end in self._bounds(label):
                out.update(range(start, end))
        return out

    def covers_any(self, label: str, start: int, end: int) -> bool:
        """Whether a match of ``label`` covers any token in ``[start, end)`` (a bisection, not a scan)."""
        tokens = self._sorted_cover.get(label)
        if tokens is None:
            tokens = self._sorted_cover[label] = sorted(self.covered((label,)))
        k = bisect_left(tokens, start)
        return k < len(tokens) and tokens[k] < end

    def has_word(self, doc: Doc, key: str, words: frozenset[str], start: int, end: int) -> bool:
        """Whether a token in ``[start, end)`` is one of ``words`` (lower-cased); the doc's positions of the
        words are found once per ``key``, then bisected."""
        positions = self._words.get(key)
        if positions is None:
            hashes = np.array([hash_string(word) for word in words], dtype=np.uint64)
            lower = doc.to_array([LOWER]).reshape(-1) if len(doc) else np.zeros(0, dtype=np.uint64)
            positions = self._words[key] = np.flatnonzero(np.isin(lower, hashes)).tolist()
        k = bisect_left(positions, start)
        return k < len(positions) and positions[k] < end

    def sentence_bounds(self, doc: Doc, i: int) -> tuple[int, int]:
        """``(start, end)`` of the sentence of token ``i`` (``Token.sent`` walks the sentence on every call;
        the doc's sentence starts are found once here, then bisected). Needs ``SENT_START`` annotation."""
        starts = self._sentence_starts
        if starts is None:
            marks = doc.to_array([SENT_START]).reshape(-1) if len(doc) else np.zeros(0, dtype=np.int32)
            starts = self._sentence_starts = [0] + [k for k in np.flatnonzero(marks == 1).tolist() if k > 0]
        k = bisect_right(starts, i)
        return starts[k - 1], starts[k] if k < len(starts) else len(doc)

    def longest(self, label: str) -> list[Span]:
        """Non-overlapping matches of ``label``, longest first where they overlap, in text order (cached)."""
        cached = self._longest.get(label)
        if cached is not None:
            return cached
        bounds = self._bounds(label)
        picked: list[int] = []  # match numbers; only the chosen matches become spans
        taken: set[int] = set()
        for n in sorted(range(len(bounds)), key=[(start - end, start) for start, end in bounds].__getitem__):
            start, end = bounds[n]
            if not taken.isdisjoint(range(start, end)):
                continue
            picked.append(n)
            taken.update(range(start, end))
        picked.sort(key=lambda n: bounds[n][0])
        chosen = [self._span(label, n) for n in picked]
        self._longest[label] = chosen
        return chosen


#: Words that make a figure a rate: "annually", "yearly" after it, or a lead before a period word ("a year",
#: "per month", "each week", "every year").
RATE_ADVERBS = frozenset({"annually", "yearly"})
RATE_LEADS = frozenset({"a", "per", "each", "every"})
#: Period words after a lead that make a figure yearly ("a year", "per annum").
YEAR_WORDS = frozenset({"year", "annum"})


#: Quote marks: each opening mark and the mark that closes it (a straight one opens and closes by turns).
_QUOTE_PAIRS = {"“": "”", "«": "»", "‘": "’", '"': '"', "'": "'"}
_OPEN_QUOTE_MARKS = frozenset(_QUOTE_PAIRS)
#: Single quotes are apostrophes too ("farmers' incomes", "farmers’ plots"): :func:`_quoted_words` skips them.
_SINGLE_QUOTES = frozenset({"‘", "'"})
_NAME_QUOTES = {mark: close for mark, close in _QUOTE_PAIRS.items() if mark not in _SINGLE_QUOTES}
_OPEN_QUOTES = frozenset(hash_string(mark) for mark, close in _NAME_QUOTES.items() if close != mark)
_CLOSE_QUOTES = frozenset(hash_string(close) for mark, close in _NAME_QUOTES.items() if close != mark)
_STRAIGHT_QUOTE = hash_string(next(mark for mark, close in _NAME_QUOTES.items() if close == mark))
_ANY_OPEN_QUOTES = _OPEN_QUOTES | {_STRAIGHT_QUOTE}
_NAME_QUOTE_TOKENS = 4  # a quote this short is a name ("Ten Industries"), a longer one speech
# What a lexeme is to :func:`_quoted_words` (one bit each; a lexeme is at most one of them).
_OPENS, _CLOSES, _STRAIGHT, _BREAK = 1, 2, 4, 8


def _quoted_words(doc: Doc, known: dict[int, int] | None = None) -> list[int]:
    """Alphabetic tokens inside a short quote on one line: “Ten Industries”, «Double Eleven», "Three Rivers".

    A quote of at most :data:`_NAME_QUOTE_TOKENS` tokens is a name, so its number words count nothing;
    longer quotes are speech ("We will build ten schools," she said) and unclosed ones run on. Each distinct
    lexeme is classified once (``known``: the caller's memo of lexeme -> kind, kept across docs); only quote
    marks and line breaks are visited one by one.
    """
    if len(doc) == 0:
        return []
    unique, inverse = doc_lexemes(doc)
    orths = unique.tolist()
    if _ANY_OPEN_QUOTES.isdisjoint(orths):
        return []
    if known is None:
        known = {}
    elif len(known) >= _MAX_REMEMBERED:
        known.clear()
    kinds = []
    for orth in orths:
        kind = known.get(orth)
        if kind is None:
            kind = known[orth] = _quote_kind(doc, orth)
        kinds.append(kind)
    by_token = np.array(kinds, dtype=np.uint8)[inverse]
    events = np.flatnonzero(by_token)
    found: list[int] = []
    opened: int | None = None  # the innermost open quote of the line
    for event, kind in zip(events.tolist(), by_token[events].tolist()):
        closing = kind == _CLOSES or (kind == _STRAIGHT and opened is not None)
        if closing and opened is not None and event - opened - 1 <= _NAME_QUOTE_TOKENS:
            found.extend(k for k in range(opened + 1, event) if doc[k].is_alpha)
        opened = event if kind in (_OPENS, _STRAIGHT) and not closing else None
    return found


def _quote_kind(doc: Doc, orth: int) -> int:
    """What lexeme ``orth`` is to :func:`_quoted_words`: an opening, closing or straight quote mark, a line
    break (a space token holding one), or none of them (0)."""
    if orth in _OPEN_QUOTES:
        return _OPENS
    if orth in _CLOSE_QUOTES:
        return _CLOSES
    if orth == _STRAIGHT_QUOTE:
        return _STRAIGHT
    lexeme = doc.vocab[orth]
    return _BREAK if lexeme.is_space and "\n" in lexeme.orth_ else 0


def _alias_map(entries: Mapping[str, object]) -> dict[str, str]:
    """Lower-cased alias -> canonical key, for a lexicon of ``key: [aliases]``."""
    out: dict[str, str] = {}
    for key, aliases in entries.items():
        if isinstance(aliases, list):
            for alias in aliases:
                out[alias.lower()] = key
    return out


def _number_value(text: str) -> Decimal | None:
    glued = split_glued(text)
    if glued is not None and not glued[0] and not glued[2]:
        return glued[1]
    return parse_decimal(text)


def _bounded_quantity(start: int, end: int, value: Decimal, unit: str, unit_type: str, comparator: str,
                      noun_start: int | None = None, noun_end: int | None = None) -> Quantity | None:
    """A Quantity with the exact ``value`` converted once; None beyond the range of real quantities."""
    if not value.is_finite() or abs(value) > MAX_VALUE:
        return None
    return Quantity(start, end, to_float(value), unit, unit_type, comparator, None, noun_start, noun_end,
                    extras={"scale": Decimal(1)})


def _skip_space(doc: Doc, j: int) -> int:
    """``j``, or the token after it when ``j`` is extra spacing within a paragraph (at most one line break), or a
    blank line that a page break put inside a sentence: the word after it is a scale or percent word, which cannot
    open a paragraph ("1.5\n\ntrillion"); but not after a row value ("grain stored: 2.5\n\nmillion people")."""
    if j + 1 < len(doc):
        token = doc[j]
        if token.is_space and (token.text.count("\n") <= 1 or (
                doc[j + 1].lower_ in _bridge_words() and not _after_label(doc, j))):
            return j + 1
    return j


@lru_cache(maxsize=1)
def _bridge_words() -> frozenset[str]:
    """The built-in one-word scales and the first words of the percent words: "million", "crore", "percent", "per"
    (not "ten" of "ten thousand")."""
    patterns = load_pattern_set()
    scales = (alias for aliases in patterns.lexicon("scales").values() for alias in aliases if " " not in alias)
    percents = (alias.split()[0] for aliases in patterns.lexicon("percents").values() for alias in aliases)
    return frozenset(word.lower() for word in (*scales, *percents) if len(word) > 2)


def _after_label(doc: Doc, j: int) -> bool:
    """The number before ``j`` follows a colon on its own line: a table row's complete value ("Label: 2.5")."""
    for k in range(j - 2, max(-1, j - 5), -1):
        if doc[k].text == ":":
            return True
        if doc[k].is_space:
            return False
    return False


def _after_from(doc: Doc, start: int) -> bool:
    """The number is a baseline: "from 43 percent", "from the current 43 percent"; but "ranging from 3 to 4"
    opens a range."""
    for k in range(start - 1, max(-1, start - 4), -1):
        token = doc[k]
        if token.lower_ == "from":
            return k == 0 or doc[k - 1].lower_ not in RANGE_VERBS
        if not (token.is_alpha and token.is_lower):
            return False
    return False


def _is_fraction_or_multiple(text: str) -> bool:
    last = text.lower().replace("–", "-").replace("-", " ").split()
    return bool(last) and (last[-1] in FRACTION_DENOMINATORS or last[-1].endswith("fold")
                           or last[-1] in MULTIPLE_WORDS)


def _is_plural(word: str, plurals: Mapping[str, str]) -> bool:
    if word in plurals:
        return True
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ous"))


def _acronym_plural(text: str) -> bool:
    """ "EVs", "SMEs", "NGOs", "MoUs", "FASTags": an abbreviation (two capitals first) with a plural s."""
    return len(text) >= 3 and text.endswith("s") and text[:-1].isalpha() and (
        text[:-1].isupper() or text[:2].isupper())


def _looks_like_year(text: str, value: float | Decimal) -> bool:
    return text.isdigit() and len(text) == 4 and 1900 <= value <= 2100
