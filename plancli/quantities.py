"""The ``plancli_quantities`` component: number spans + unit spans -> quantities.

It reads the span ruler's matches (``doc.spans["plancli"]``) and assembles
each NUMBER with what stands around it: a comparator before ("more than"), a
currency symbol before or a scale, currency, percent, unit or counted noun
after, a range ("5 to 6 percent"), a comparator after ("or more") and a
parenthetical gloss in another currency ("($1.48 billion)"). Numbers inside a
DEADLINE or NOT_QUANTITY match, years and bare numbers are dropped.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

import numpy as np
from spacy.attrs import IS_ALPHA, IS_SPACE, ORTH
from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.tokens import Doc, Span

from plancli.normalize.currencies import BARE_DOLLAR, cldr_currencies, dollar_countries, merged_currencies
from plancli.normalize.numbers import (
    FRACTION_DENOMINATORS,
    MAX_VALUE,
    MULTIPLE_WORDS,
    SPELLED_PARTS,
    parse_decimal,
    parse_fraction,
    parse_multiple,
    singular,
    split_glued,
    to_float,
)
from plancli.normalize.units import UnitVocabulary, lookup_unit
from plancli.patterns import PatternSet

#: Scale words that are single letters ("5m", "$3k") only count next to a currency.
_AMBIGUOUS_SCALES = {"m", "b", "k", "cr", "mn"}
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
_GLUED_RANGE = re.compile(r"^(\d+(?:\.\d+)?)(?:[–—]|-(?=[^\w\s]|[A-Z]{1,3}\$))(?:[^\w\s.,]{1,2}|[A-Z]{1,3}\$)?(\d+(?:\.\d+)?)$")
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


class QuantityFinder:
    """Assemble quantities from span-ruler matches; results go to ``doc._.quantities``."""

    def __init__(self, patterns: PatternSet, spans_key: str) -> None:
        self.spans_key = spans_key
        self.scales = {alias: Decimal(key) for alias, key in _alias_map(patterns.lexicon("scales")).items()}
        self.currency_aliases = _alias_map(patterns.lexicon("currencies"))
        self.currencies = merged_currencies(patterns.lexicon("currencies"), cldr_currencies(patterns))
        self.currency_letters = _alias_map(patterns.lexicon("currency_letters"))
        self.dollars = dollar_countries(patterns.lexicon("dollar_countries"))
        self.unit_aliases = _alias_map(patterns.lexicon("units"))
        self.percent_aliases = _alias_map(patterns.lexicon("percents"))
        enumeration = patterns.lexicon("enumeration_nouns")
        self.enumeration_nouns = frozenset(w.lower() for w in enumeration.get("enumeration", ()))
        self.count_modifiers = frozenset(w.lower() for w in enumeration.get("count_modifiers", ()))
        year_words = patterns.lexicon("year_words")
        self.year_before = frozenset(w.lower() for w in year_words.get("before", ()))
        self.year_nouns = frozenset(w.lower() for w in year_words.get("nouns_after", ()))
        self.plurals: Mapping[str, str] = patterns.lexicon("plurals")
        self.implicit_units = _alias_map(patterns.lexicon("implicit_units"))
        non_count = patterns.lexicon("non_count_nouns")
        self.non_count = frozenset(w for words in non_count.values() for w in words)
        # Word lists of the fraction and multiple rules (patterns/lexicon/<name>.json).
        self.frequency_after = patterns.words("frequency_after")
        self.not_fraction_before = patterns.words("not_fraction_before")
        self.fraction_followers = patterns.words("fraction_followers")
        self.multiple_linkers = patterns.words("multiple_linkers")
        self.unit_vocab = UnitVocabulary.from_patterns(patterns)
        self._surfaces: dict[str, tuple[str, str] | None] = {}  # see _surface_unit

    def __call__(self, doc: Doc) -> Doc:
        doc._.quantities = self.find(doc)
        return doc

    # -- assembly -----------------------------------------------------------------

    def find(self, doc: Doc) -> list[Quantity]:
        spans = doc.spans[self.spans_key] if self.spans_key in doc.spans else []
        strings = doc.vocab.strings  # label ids: "PERCENT" is one of spaCy's symbols, not a string hash
        index = _SpanIndex(spans, {strings[label]: label for label in _CONTEXT_LABELS})
        blocked = index.covered(("DEADLINE",))
        excluded = self._excluded_tokens(doc, index)
        consumed: set[int] = set()
        found: list[Quantity] = []
        for number in index.longest("NUMBER"):
            if number.start in consumed or any(i in blocked or i in excluded for i in range(number.start, number.end)):
                continue
            rank = index.covering(number.start, "RANK")
            if rank is not None:
                rank_value = _number_value(number.text)
                if rank_value is not None and rank_value <= MAX_VALUE:
                    found.append(Quantity(rank.start, rank.end, to_float(rank_value), "rank", "rank", "<="))
                    consumed.update(range(rank.start, rank.end))
                continue
            pair = self._unit_pair(number)
            if pair:
                found.extend(pair)  # "20MW/40MWh": a battery's power and its energy, in one token
                consumed.update(range(number.start, number.end))
                continue
            quantity = self._assemble(doc, index, number)
            if quantity is None:
                continue
            consumed.update(range(quantity.start, quantity.end))
            self._attach_equivalent(doc, index, quantity, consumed)
            found.append(quantity)
        found.sort(key=lambda q: q.start)
        if any(q.extras.get("bare_dollar") for q in found):
            local = self.dollars.local_currency(doc.text)
            if local is not None:
                for q in found:
                    if q.extras.get("bare_dollar"):
                        q.unit = local
        return found

    def _excluded_tokens(self, doc: Doc, index: _SpanIndex) -> set[int]:
        """Number tokens inside NOT_QUANTITY matches, and spelled numbers inside quotes (slogans)."""
        excluded: set[int] = set()
        meaningful = index.covered(("CURRENCY", "COMPARATOR", "SCALE", "RANK", "PERCENT", "UNIT"))
        for span in index.by_label.get("NOT_QUANTITY", ()):
            if span.label_ != "NOT_QUANTITY":
                continue
            if span.id_ in {"name_with_number", "brand_with_number"} and span.start in meaningful:
                continue
            excluded.update(range(span.start, span.end))
        excluded.update(_quoted_words(doc))
        return excluded

    def _assemble(self, doc: Doc, index: _SpanIndex, number: Span, nested: bool = False) -> Quantity | None:
        """The quantity around ``number``. A ``nested`` call (the second number of a range) never looks
        for a range of its own, so a chain "5-6-5-6-..." costs linear time and no recursion."""
        if _is_fraction_or_multiple(number.text):
            return self._fraction_or_multiple(doc, index, number)
        start, end = number.start, number.end
        text = number.text
        currency: str | None = None
        currency_surface = ""
        unit: str | None = None
        unit_type = ""
        scale = Decimal(1)
        needs_scale = False
        glued = split_glued(text) if len(number) == 1 else None
        glued_max: Decimal | None = None
        value: Decimal
        if (range_match := _GLUED_RANGE.match(text)) is not None:
            low, high = Decimal(range_match.group(1)), Decimal(range_match.group(2))
            if low >= high or _looks_like_year(range_match.group(1), low):
                return None  # "2021–2025": a period; "10–5": a score
            value, glued_max = low, high  # "2.5–3 GtCO2e", "40–45%": a range in one token
        elif glued is not None and (glued[0] or glued[2]):
            prefix, value, suffix = glued
            if prefix:
                currency = self.currencies.code_for_symbol(prefix) or self.currency_aliases.get(prefix.lower())
                if currency is None and len(prefix) == 1 and prefix.lower() in self.currency_letters:
                    currency, needs_scale = self.currency_letters[prefix.lower()], True  # "N55.46 billion"
                if currency is None:
                    return None  # "G20", "A380": a name, not money
                if prefix.isalpha() and prefix.lower() not in self.currency_aliases:
                    needs_scale = True  # "KRW250.5 billion" yes, "COP30" (a conference) no
                currency_surface = prefix
            if suffix:
                suffix_key = suffix.lower()
                if suffix_key in self.scales:
                    scale = self.scales[suffix_key]
                elif suffix_key in self.unit_aliases:
                    unit, unit_type = self.unit_aliases[suffix_key], "unit"
                elif suffix in _GLUED_ONLY_UNITS:
                    unit, unit_type = _GLUED_ONLY_UNITS[suffix], "unit"
                elif (pint_unit := lookup_unit(suffix, self.unit_vocab)) is not None:
                    unit, unit_type = pint_unit, "unit"
                else:
                    return None
        else:
            if text.lower() in self.scales:
                return None  # "million" alone (LIKE_NUM says yes): only a scale after a number
            parsed = _number_value(text)
            if parsed is None:
                return None
            value = parsed
            if text.isalpha() or text.endswith("-"):
                end, value = self._extend_spelled(doc, number, value)
        comparator = "="

        # Left: currency symbol or code ("$", "US$", "RMB", "Rs", "KES"), then a comparator.
        left = index.ending_at("CURRENCY", start)
        if left is not None and currency is None:
            currency, currency_surface = left.id_, left.text
            start = left.start
        elif currency is None and start > 0 and (not doc[start - 1].is_alpha or doc[start - 1].is_upper):
            code = self.currencies.code_for_symbol(doc[start - 1].text)
            if code is not None:
                currency, currency_surface, start = code, doc[start - 1].text, start - 1
        if start > 0 and doc[start - 1].lower_ in {"per", "every", "each"}:
            return None  # "water use per 10,000 yuan of GDP": a denominator, not a quantity
        if index.ending_at("COMPARATOR", start) is None and start > 0 and doc[start - 1].lower_ == "between":
            comparator_span = None
            between = start - 1
        else:
            comparator_span, between = index.ending_at("COMPARATOR", start), None

        # Right: scale words (across one line break: "$9.8\nbillion"), then the unit.
        j = end
        while (scale_span := index.starting_at("SCALE", _skip_space(doc, j))) is not None:
            word = scale_span.text.lower()
            if word in _AMBIGUOUS_SCALES and currency is None and not self._currency_after(doc, index, scale_span.end) \
                    and not self._measured_after(doc, index, scale_span.end):
                break
            scale *= Decimal(scale_span.id_)
            j = scale_span.end
        if needs_scale and scale == 1:
            return None
        if unit is None and currency is None and j < len(doc) and doc[_skip_space(doc, j)].lower_ in ("times", "fold") \
                and not self._frequency_after(doc, _skip_space(doc, j) + 1):
            k = _skip_space(doc, j)
            comparator_span = index.ending_at("COMPARATOR", start)
            first = comparator_span.start if comparator_span is not None else start
            return _bounded_quantity(first, k + 1, value * scale, "times", "multiple",
                                     comparator_span.id_ if comparator_span is not None else "=")
        if unit is None and j + 1 < len(doc) and doc[j].text == "-" and not doc[j - 1].whitespace_ \
                and self._unit_word_at(doc, index, j + 1):
            j += 1  # "an 810-MW project"
        if unit is None:
            k = _skip_space(doc, j)
            found_span = False
            for label in _UNIT_LABELS:
                span = index.starting_at(label, k)
                if span is None or k > j and doc[k].is_title and len(doc[k]) > 2:
                    continue  # "7  Second, we have ...": a list number before a new sentence
                if label == "CURRENCY" and index.starting_at("NUMBER", _skip_space(doc, span.end)) is not None:
                    break  # "$1bn $2bn": the next symbol belongs to the next number
                found_span = True
                if label == "CURRENCY":
                    if currency is None:
                        currency, currency_surface = span.id_, span.text
                    unit_type = "currency"
                elif label == "PERCENT":
                    unit, unit_type = span.id_, "percent"
                else:
                    unit, unit_type = span.id_, "unit"
                    if unit in _DURATIONS and span.end < len(doc) and doc[span.end].is_lower \
                            and doc[span.end].is_alpha and doc[span.end].lower_ not in self.non_count:
                        return None  # "a 1 hour traffic circle": a modifier, not a measurement
                    if unit in _DURATIONS and span.end < len(doc) and doc[span.end].lower_ == "of":
                        return None  # "within 12 months of the launch": a relative date
                    # "35 micrograms per cubic meter": a compound unit.
                    if span.end + 1 < len(doc) and doc[span.end].lower_ in {"per", "/"}:
                        denominator = index.starting_at("UNIT", span.end + 1)
                        if denominator is not None:
                            unit = f"{unit} / {denominator.id_}"
                            span = denominator
                j = span.end
                break
            if not found_span:
                words = self._unit_words(doc, k)
                if words is not None:
                    kind, name, j = words
                    if kind == "currency":
                        if currency is None:
                            currency, currency_surface = name, doc[k].text
                        unit_type = "currency"
                    else:
                        unit, unit_type = name, kind
        if currency is not None:
            unit, unit_type = currency, "currency"
        from_baseline = _after_from(doc, start)
        if unit is None and glued_max is None and not nested and not from_baseline and self._range_word(doc, j, between):
            # "5 to 6 percent", "10 to 15 billion yuan": the unit (and scale) come with the second number.
            upper = self._next_quantity(doc, index, j + 1)
            if upper is not None and upper.value_max is None and upper.unit_type != "rank" \
                    and not _looks_like_year(text, value):
                upper_scale = Decimal(upper.extras.get("scale", 1))  # type: ignore[arg-type]
                low = value * (scale if scale != 1 else upper_scale)
                if low < MAX_VALUE and to_float(low) < upper.value:
                    start = comparator_span.start if comparator_span is not None else (
                        between if between is not None else start)
                    comparator = comparator_span.id_ if comparator_span is not None else upper.comparator
                    extras: dict[str, object] = {"scale": upper_scale}
                    if upper.extras.get("bare_dollar"):
                        extras["bare_dollar"] = True
                    return Quantity(start, upper.end, to_float(low), upper.unit, upper.unit_type, comparator,
                                    upper.value, upper.noun_start, upper.noun_end, extras=extras)
        noun_start = noun_end = None
        if unit is None and self._compound_modifier(doc, index, j):
            return None  # "one-stop services", "24-hour service", "10,000-meter-deep"
        if unit is None:
            before = comparator_span.start if comparator_span is not None else start
            noun = (self._counted_noun(doc, j, value) or self._number_of(doc, start)
                    or self._noun_before(doc, index, before, text, value))
            if noun is None:
                return None
            noun_start, noun_end, unit = noun
            unit_type = "count"
            follows = noun_start == j
            j = max(j, noun_end) if noun_start >= j else j
            if _looks_like_year(text, value) and scale == 1 and not (
                    follows and self._year_counts(doc, start, comparator_span, noun_end, unit)):
                return None
            if text.isalpha() and value < 10 and comparator_span is None and scale == 1 and (
                    value < 2 or not follows or unit in self.enumeration_nouns
                    or doc[_skip_space(doc, noun_start)].lower_ not in self.count_modifiers):
                return None  # "two driving forces", "four aspects": enumerations; "eight new colleges" counts
        if comparator_span is not None:
            comparator, start = comparator_span.id_, comparator_span.start
        after = index.starting_at("COMPARATOR_AFTER", j)
        if after is not None and comparator == "=":
            comparator, j = after.id_, after.end
        elif comparator == "=" and j < len(doc) and doc[j].lower_ in {"above", "below"} and (
                j + 1 == len(doc) or doc[j + 1].is_punct or doc[j + 1].is_space):
            # Translated "300 billion yuan above," = more than 300 billion yuan.
            comparator, j = (">" if doc[j].lower_ == "above" else "<"), j + 1
        quantity = _bounded_quantity(start, j, value * scale, unit, unit_type, comparator, noun_start, noun_end)
        if quantity is None:
            return None
        quantity.extras["scale"] = scale
        if unit_type == "currency" and currency_surface.lower() in BARE_DOLLAR:
            quantity.extras["bare_dollar"] = True
        if glued_max is not None:
            quantity.value_max = to_float(glued_max * scale)
            return quantity
        # "5% to 6%", "€10 billion and €15 billion": a second number with the same unit closes a range;
        # "3.70%-4.20%": the tokenizer keeps the hyphen on the second number.
        if not nested and not from_baseline and j < len(doc) and len(doc[j]) > 1 and doc[j].text[0] in "-–" \
                and not doc[j - 1].whitespace_ and (upper_number := index.starting_at("NUMBER", j)) is not None:
            upper = self._assemble(doc, index, upper_number, nested=True)
            if upper is not None and upper.unit == unit and upper.value > quantity.value and upper.value_max is None:
                quantity.value_max, quantity.end = upper.value, upper.end
        elif not nested and not from_baseline and self._range_word(doc, j, between):
            upper = self._next_quantity(doc, index, j + 1)
            if upper is not None and upper.unit == unit and upper.value > quantity.value and upper.value_max is None:
                quantity.value_max, quantity.end = upper.value, upper.end
                if between is not None and comparator_span is None:
                    quantity.start = between
        return quantity

    def _unit_pair(self, number: Span) -> list[Quantity]:
        """Two quantities with units written as one token: "20MW/40MWh" (never a ratio such as "MW/MWh")."""
        match = _UNIT_PAIR.match(number.text) if len(number) == 1 else None
        if match is None:
            return []
        out: list[Quantity] = []
        for digits, surface in ((match.group(1), match.group(2)), (match.group(3), match.group(4))):
            unit = self.unit_aliases.get(surface.lower()) or lookup_unit(surface, self.unit_vocab)
            value = parse_decimal(digits)
            if unit is None or value is None:
                return []
            quantity = _bounded_quantity(number.start, number.end, value, unit, "unit", "=")
            if quantity is None:
                return []
            out.append(quantity)
        return out

    def _extend_spelled(self, doc: Doc, number: Span, value: Decimal) -> tuple[int, Decimal]:
        """Grow a spelled-out number over the words that continue it: "TWELVE THOUSAND FIVE HUNDRED",
        "twenty-\nfive" (a hyphen at a line end)."""
        best_end, best_value = number.end, value
        k = number.end
        limit = min(len(doc), number.end + 10)
        while k < limit:
            token = doc[k]
            if token.is_space:
                if token.text.count("\n") > 1 or not doc[k - 1].text.endswith("-"):
                    break
            elif token.text not in ("-", "–") and token.lower_ not in SPELLED_PARTS:
                break
            k += 1
            if token.is_space or token.text in ("-", "–") or token.lower_ == "and":
                continue
            extended = parse_decimal(doc[number.start:k].text.replace("–", "-"))
            if extended is None:
                break
            best_end, best_value = k, extended
        return best_end, best_value

    def _fraction_or_multiple(self, doc: Doc, index: _SpanIndex, number: Span) -> Quantity | None:
        """ "two-thirds of", "a quarter of", "by half": a share in percent; "16-fold", "more than double": a multiple."""
        text = number.text
        start, end = number.start, number.end
        comparator_span = index.ending_at("COMPARATOR", start)
        comparator = comparator_span.id_ if comparator_span is not None else "="
        first = comparator_span.start if comparator_span is not None else start
        before = doc[start - 1].lower_ if start > 0 else ""
        after = _skip_space(doc, end)
        next_word = doc[after].lower_ if after < len(doc) else ""
        last_word = text.lower().replace("–", "-").split("-")[-1].split()[-1]
        if last_word in FRACTION_DENOMINATORS:
            value = parse_fraction(text)
            if value is None or before in self.not_fraction_before:
                return None
            if next_word == "of":
                following = doc[after + 1: after + 3] if after + 1 < len(doc) else doc[after:after]
                if not following or following[0].like_num or (
                        len(following) > 1 and following[1].lower_ in {"year", "decade", "century", "month"}):
                    return None  # "half of 2025", "a quarter of the year"
            elif next_word not in self.fraction_followers and before != "by":
                return None  # "a third term", "a half-day"
            return Quantity(first, end, to_float(value), "percent", "percent", comparator,
                            extras={"scale": Decimal(1), "fraction": True})
        multiple = parse_multiple(text)
        if multiple is None:
            return None
        if text.lower() in MULTIPLE_WORDS and (comparator_span is None and before not in self.multiple_linkers
                                               or next_word in ("-", "digit", "digits")):
            return None  # "to double the capacity" (a verb), "double-digit"
        return _bounded_quantity(first, end, multiple, "times", "multiple", comparator)

    def _unit_words(self, doc: Doc, k: int) -> tuple[str, str, int] | None:
        """A percent word, currency name or pint unit in the few tokens at ``k``, longest first:
        "per\ncent", "Kenyan shillings", "circuit kilometres", "µg/m³", "L/100 km".

        Returns (unit type, unit, end token) or None. Only these few words are looked up.
        """
        ends: list[int] = []
        if k >= len(doc) or doc[k].is_punct and doc[k].text not in {"°", "˚"}:
            return None
        pieces: list[str] = []  # the text of each token from k on, with its trailing space
        i = k
        while i < len(doc) and len(ends) < _MAX_UNIT_TOKENS:
            token = doc[i]
            if token.is_space:
                if token.text.count("\n") > 1 or not ends:
                    break
                pieces.append(token.text_with_ws)
                i += 1
                continue
            if token.is_punct and token.text not in {"/", "-", "°", "˚"} or token.like_num and (
                    not ends or doc[i - 1].text != "/"):
                break  # a unit never runs into the next number, except a denominator ("L / 100 km")
            pieces.append(token.text_with_ws)
            i += 1
            ends.append(i)
        for stop in reversed(ends):
            surface = " ".join("".join(pieces[:stop - k]).split())
            found = self._surface_unit(surface)
            if found is None:
                continue
            kind, name = found
            if kind == "pound":
                weighs = stop < len(doc) and doc[stop].lower_ in ("of", "heavier", "lighter") or any(
                    doc[i].lower_.startswith("weigh") for i in range(max(0, k - 4), k))
                return ("unit", "lb", stop) if weighs else ("currency", "GBP", stop)
            return kind, name, stop
        return None

    def _surface_unit(self, surface: str) -> tuple[str, str] | None:
        """What a few words after a number name: ("percent"|"currency"|"unit", name), ("pound", ""), or None.

        Remembered per surface (a bounded table: these are the same few hundred words in every doc).
        """
        known = self._surfaces.get(surface, _UNSEEN)
        if known is not _UNSEEN:
            return known  # type: ignore[return-value]
        key = surface.lower()
        found: tuple[str, str] | None = None
        if key in self.percent_aliases:
            found = "percent", self.percent_aliases[key]
        elif key in ("pound", "pounds"):
            found = "pound", ""
        elif (code := self.currencies.code_for_name(surface)) is not None:
            found = "currency", code
        elif key in self.unit_aliases:
            found = "unit", self.unit_aliases[key]
        elif (unit := lookup_unit(surface.replace(" / ", "/").replace(" /", "/").replace("/ ", "/"),
                                    self.unit_vocab)) is not None:
            found = "unit", unit
        if len(self._surfaces) >= _MAX_REMEMBERED:
            self._surfaces.clear()
        self._surfaces[surface] = found
        return found

    def _year_counts(self, doc: Doc, start: int, comparator_span: Span | None, noun_end: int, unit: str) -> bool:
        """A number from 1900 to 2100 that counts things: "build 1950 parks", "more than 2000 nurses"."""
        if unit in self.year_nouns or doc[noun_end - 1].lower_ == unit:
            return False  # "2025 targets", "2020 levels"; a singular noun is a year's attribute
        if comparator_span is not None:
            return True
        if start == 0:
            return False
        previous = doc[start - 1]
        return previous.is_alpha and previous.is_lower and previous.lower_ not in self.year_before

    def _range_word(self, doc: Doc, j: int, between: int | None) -> bool:
        """A range continues at ``j``: "-", "to", or "and" after "between"."""
        return j + 1 < len(doc) and (doc[j].text in _RANGE_WORDS or (between is not None and doc[j].lower_ == "and"))

    def _next_quantity(self, doc: Doc, index: _SpanIndex, i: int) -> Quantity | None:
        """The quantity whose number starts at ``i`` (after an optional currency symbol), without a range of its own."""
        currency = index.starting_at("CURRENCY", i)
        first = currency.end if currency is not None else i
        if currency is None and i + 1 < len(doc) and (not doc[i].is_alpha or doc[i].is_upper) \
                and self.currencies.code_for_symbol(doc[i].text) is not None:
            first = i + 1  # "€10 billion to €15 billion": a CLDR symbol
        number = index.starting_at("NUMBER", first)
        return self._assemble(doc, index, number, nested=True) if number is not None else None

    def _compound_modifier(self, doc: Doc, index: _SpanIndex, j: int) -> bool:
        """A number hyphenated to a word that is not a unit: "one-stop", "three-tier"."""
        return (j + 1 < len(doc) and doc[j].text in {"-", "–"} and not doc[j - 1].whitespace_
                and not doc[j].whitespace_ and doc[j + 1].is_alpha and not self._unit_word_at(doc, index, j + 1))

    def _unit_at(self, index: _SpanIndex, i: int) -> Span | None:
        for label in _UNIT_LABELS:
            span = index.starting_at(label, i)
            if span is not None:
                return span
        return None

    def _unit_word_at(self, doc: Doc, index: _SpanIndex, i: int) -> bool:
        """A unit, percent or currency (a span or a looked-up word) starts at ``i``."""
        return self._unit_at(index, i) is not None or (i < len(doc) and self._unit_words(doc, i) is not None)

    def _measured_after(self, doc: Doc, index: _SpanIndex, i: int) -> bool:
        """A unit or a plural counted noun follows: "4.7m tonnes", "5m people" (so "m" is million, not metres)."""
        if i >= len(doc):
            return False
        token = doc[i]
        return self._unit_at(index, i) is not None or (
            token.is_alpha and token.is_lower and _is_plural(token.lower_, self.plurals)
            and token.lower_ not in self.non_count)

    def _frequency_after(self, doc: Doc, i: int) -> bool:
        return i < len(doc) and doc[i].lower_ in self.frequency_after

    def _currency_after(self, doc: Doc, index: _SpanIndex, i: int) -> bool:
        if index.starting_at("CURRENCY", i) is not None:
            return True
        words = self._unit_words(doc, i) if i < len(doc) else None
        return words is not None and words[0] == "currency"

    def _counted_noun(self, doc: Doc, i: int, value: float | Decimal) -> tuple[int, int, str] | None:
        """The counted noun phrase after a number: "120 projects", "2,000 high-tech enterprises".

        Returns (first token, end token, unit): the unit is the singular head noun.
        """
        words: list[int] = []
        k = i
        head: int | None = None
        before_and = 0  # how many words came before a coordinating "and"
        while k < len(doc) and len(words) < _MAX_NOUN_WORDS:
            token = doc[k]
            if token.is_space and k + 1 < len(doc) and token.text.count("\n") <= 1 and doc[k + 1].is_lower:
                k += 1  # "101,000 new\nrental homes", "361  medium-sized  biogas  plants"
                continue
            glued = not token.whitespace_ and k + 1 < len(doc)
            if token.text in {"-", "–"} and words and glued and doc[k + 1].is_alpha:
                k += 1  # "high-tech": one word
                continue
            if token.like_num and glued and doc[k + 1].is_alpha and doc[k + 1].is_upper:
                words.append(k)  # "5G base stations"
                k += 2
                continue
            if token.lower_ in {"and", "&"} and words and k + 1 < len(doc) and doc[k + 1].is_alpha \
                    and doc[k + 1].lower_ not in self.non_count:
                before_and = before_and or len(words)
                k += 1  # "health and wellness centres"
                continue
            if not token.is_alpha or token.lower_ in self.non_count and not (
                    not words and token.is_upper and len(token) > 1 and k + 1 < len(doc) and doc[k + 1].is_lower):
                break  # a function word ends the phrase, but "IT" in "4 IT cities" is an acronym
            if not words and token.is_title and token.i > 0 and not _is_plural(token.lower_, self.plurals):
                break
            if not words and token.is_upper and len(token) > 1 and not (
                    len(token) <= 5 and k + 1 < len(doc) and doc[k + 1].is_lower):
                break
            if not words and not (token.is_lower or token.is_title or token.is_upper or _acronym_plural(token.text)):
                break  # "iPhone"-style names
            words.append(k)
            if _acronym_plural(token.text):
                head = k  # "1.5 million EVs", "2,000 SMEs"
                break
            # "data", "staff", "logistics": also modifiers of a following noun
            invariant = self.plurals.get(token.lower_) == token.lower_ or token.lower_.endswith("ics")
            following = _skip_space(doc, k + 1)
            modifier_next = following < len(doc) and doc[following].is_alpha and doc[following].is_lower \
                and doc[following].lower_ not in self.non_count
            if _is_plural(token.lower_, self.plurals) and not (token.is_upper and len(token) > 1) \
                    and not (invariant and modifier_next):
                head = k
                break
            k += 1
        if head is None:
            if value == 1 and words and words[0] == _skip_space(doc, i):
                head = words[(before_and or len(words)) - 1]  # "1 national urban park": its last noun
            else:
                return None
        end = head + 1
        head_text = doc[head].text
        unit = head_text[:-1].lower() if _acronym_plural(head_text) else singular(doc[head].lower_, self.plurals)
        # "working spaces and project incubators": keep a coordinated plural noun in the phrase.
        if end + 1 < len(doc) and doc[end].lower_ == "and":
            k = end + 1
            extra = 0
            while k < len(doc) and extra < 3 and doc[k].is_alpha and doc[k].lower_ not in self.non_count \
                    and not doc[k].like_num:  # "18 IT parks and three centres": another count begins
                extra += 1
                if _is_plural(doc[k].lower_, self.plurals):
                    end = k + 1
                    break
                k += 1
        return i, end, unit

    def _noun_before(self, doc: Doc, index: _SpanIndex, start: int, text: str, value: float | Decimal
                     ) -> tuple[int, int, str] | None:
        """Machine-translated order, the counted noun first: "smart factories 50", "projects more than 500"."""
        k = start - 1
        if k < 1 or _looks_like_year(text, value) or not text[:1].isdigit():
            return None
        if index.covering(k, "PREDICATE") is not None and k > 1 and doc[k].is_lower:
            k -= 1  # "cloud-using enterprises reached 8,000"
        head = doc[k]
        if not (head.is_lower and head.is_alpha and _is_plural(head.lower_, self.plurals)) \
                or head.lower_ in self.non_count or any(index.covering(k, label) for label in _VERB_LABELS):
            return None
        if k > 0 and doc[k - 1].like_num:
            return None  # "5 projects 3": the noun already has its number
        first = k
        while first - 1 >= 0 and first > k - 3 and (doc[first - 1].is_lower or doc[first - 1].like_num) \
                and doc[first - 1].is_alpha and doc[first - 1].lower_ not in self.non_count \
                and not any(index.covering(first - 1, label) for label in _VERB_LABELS):
            first -= 1
        return first, k + 1, singular(head.lower_, self.plurals)

    def _number_of(self, doc: Doc, start: int) -> tuple[int, int, str] | None:
        """A bare number whose clause names what it counts: "the number of metro lines will reach 12",
        "a permanent population of 1 million"."""
        for k in range(start - 2, max(-1, start - 16), -1):
            if doc[k].text in {";", "；", "."} or doc[k + 1].is_sent_start or doc[k].like_num:
                return None  # never across a sentence, a clause or another number
            if doc[k].lower_ == "number" and doc[k + 1].lower_ == "of":
                noun = self._counted_noun(doc, k + 2, 2.0)
                if noun is not None and noun[1] <= start:
                    return noun
                return None
            if doc[k].lower_ in self.implicit_units:
                return k, k + 1, self.implicit_units[doc[k].lower_]  # "a population of 10 million"
        return None

    def _attach_equivalent(self, doc: Doc, index: _SpanIndex, quantity: Quantity, consumed: set[int]) -> None:
        """A money amount followed by "(...another amount...)" keeps the gloss as its equivalent."""
        if quantity.unit_type != "currency" or quantity.end >= len(doc) or doc[quantity.end].text != "(":
            return
        close = next((k for k in range(quantity.end + 1, min(len(doc), quantity.end + 10)) if doc[k].text == ")"), None)
        if close is None:
            return
        number = next((found for k in range(quantity.end + 1, close)
                       if (found := index.starting_at("NUMBER", k)) is not None), None)
        if number is None:
            return
        inner = self._assemble(doc, index, number, nested=True)
        if inner is None or inner.unit_type != "currency" or inner.end > close:
            return
        quantity.equivalent = (inner.value, inner.unit, doc[quantity.end].idx, doc[close].idx + 1)
        consumed.update(range(quantity.end, close + 1))
        quantity.extras["equivalent_tokens"] = (quantity.end, close + 1)


class _SpanIndex:
    """Span-ruler matches indexed by label and by first/last token (the longest, then the first, per position).

    Built for every doc from hundreds of matches, most of them never looked up by
    position: only ``by_label`` is filled up front, a label's start and end tables
    when that label is first asked for.
    """

    def __init__(self, spans: Iterable[Span], labels: Mapping[int, str]) -> None:
        self.by_label: dict[str, list[Span]] = defaultdict(list)
        self._starts: dict[str, dict[int, Span]] = {}
        self._ends: dict[str, dict[int, Span]] = {}
        self._cover: dict[str, dict[int, Span]] = {}
        self._longest: dict[str, list[Span]] = {}
        by_label = self.by_label
        for span in spans:
            label = labels.get(span.label)
            if label is not None:
                by_label[label].append(span)

    def starting_at(self, label: str, i: int) -> Span | None:
        table = self._starts.get(label)
        if table is None:
            table = self._starts[label] = {}
            for span in self.by_label.get(label, ()):
                start, end = span.start, span.end
                known = table.get(start)
                if known is None or end > known.end:
                    table[start] = span
        return table.get(i)

    def ending_at(self, label: str, i: int) -> Span | None:
        table = self._ends.get(label)
        if table is None:
            table = self._ends[label] = {}
            for span in self.by_label.get(label, ()):
                start, end = span.start, span.end
                known = table.get(end)
                if known is None or start < known.start:
                    table[end] = span
        return table.get(i)

    def covering(self, i: int, label: str) -> Span | None:
        """A match of ``label`` that covers token ``i`` (token -> span table built once per label)."""
        table = self._cover.get(label)
        if table is None:
            table = {}
            for span in self.by_label.get(label, ()):
                for k in range(span.start, span.end):
                    table.setdefault(k, span)
            self._cover[label] = table
        return table.get(i)

    def covered(self, labels: tuple[str, ...]) -> set[int]:
        """Token indices inside any match of ``labels``."""
        out: set[int] = set()
        for label in labels:
            for span in self.by_label.get(label, ()):
                out.update(range(span.start, span.end))
        return out

    def longest(self, label: str) -> list[Span]:
        """Non-overlapping matches of ``label``, longest first where they overlap, in text order (cached)."""
        cached = self._longest.get(label)
        if cached is not None:
            return cached
        chosen: list[Span] = []
        taken: set[int] = set()
        for span in sorted(self.by_label.get(label, ()), key=lambda s: (-(s.end - s.start), s.start)):
            if any(i in taken for i in range(span.start, span.end)):
                continue
            chosen.append(span)
            taken.update(range(span.start, span.end))
        chosen.sort(key=lambda s: s.start)
        self._longest[label] = chosen
        return chosen


_OPEN_QUOTES = np.array([hash_string(quote) for quote in ("“", "«")], dtype=np.uint64)
_CLOSE_QUOTES = np.array([hash_string(quote) for quote in ("”", "»")], dtype=np.uint64)


def _quoted_words(doc: Doc) -> list[int]:
    """Alphabetic tokens inside “…” or «…» quotes (nested quotes count, a line break closes them all).

    Works on per-doc arrays: only quote marks and line breaks are visited one by one.
    """
    if len(doc) == 0:
        return []
    table = doc.to_array([ORTH, IS_ALPHA, IS_SPACE])
    orth = table[:, 0]
    opens = np.isin(orth, _OPEN_QUOTES)
    if not opens.any():
        return []
    closes = np.isin(orth, _CLOSE_QUOTES)
    space = table[:, 2] != 0
    breaks = np.zeros(len(doc), dtype=bool)
    if space.any():
        spaces, which = np.unique(orth[space], return_inverse=True)
        strings = doc.vocab.strings
        breaks[space] = np.array(["\n" in strings[int(o)] for o in spaces.tolist()], dtype=bool)[which.reshape(-1)]
    alpha = table[:, 1] != 0
    found: list[int] = []
    depth = 0
    previous = 0
    for event in np.flatnonzero(opens | closes | breaks).tolist():
        if depth:
            found.extend((np.flatnonzero(alpha[previous:event]) + previous).tolist())
        if opens[event]:
            depth += 1
        elif closes[event]:
            depth = max(0, depth - 1)
        else:
            depth = 0
        previous = event + 1
    if depth:
        found.extend((np.flatnonzero(alpha[previous:]) + previous).tolist())
    return found


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
    """``j``, or the token after it when ``j`` is extra spacing within a paragraph (at most one line break)."""
    if j < len(doc) and doc[j].is_space and doc[j].text.count("\n") <= 1 and j + 1 < len(doc):
        return j + 1
    return j


def _after_from(doc: Doc, start: int) -> bool:
    """The number is a baseline: "from 43 percent", "from the current 43 percent"."""
    for k in range(start - 1, max(-1, start - 4), -1):
        if doc[k].lower_ == "from":
            return True
        if not (doc[k].is_alpha and doc[k].is_lower):
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
    """ "EVs", "SMEs", "NGOs": an upper-case abbreviation with a plural s."""
    return len(text) >= 3 and text.endswith("s") and text[:-1].isupper() and text[:-1].isalpha()


def _looks_like_year(text: str, value: float | Decimal) -> bool:
    return text.isdigit() and len(text) == 4 and 1900 <= value <= 2100
