"""The rules around a number: units after it, ranges, counted nouns, glosses.

:class:`UnitRules` is the half of :class:`plancli.quantities.QuantityFinder`
that reads what stands after (or before) a number span: unit pairs, spelled
numbers, fractions and multiples, unit words and surfaces, range words,
counted nouns, "number of" phrases and a parenthetical equivalent.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from decimal import Decimal

from spacy.tokens import Doc, Span, Token

from plancli.normalize.currencies import CurrencyNames, LocalCurrencies
from plancli.normalize.numbers import (
    FRACTION_DENOMINATORS,
    MULTIPLE_WORDS,
    SPELLED_PARTS,
    parse_decimal,
    parse_fraction,
    parse_multiple,
    singular,
    to_float,
)
from plancli.normalize.units import UnitVocabulary, lookup_unit

#: Scale words that are single letters ("5m", "$3k") only count next to a currency.
from plancli.quantity_parts import (
    RATE_ADVERBS,
    RATE_LEADS,
    Quantity,
    _MAX_NOUN_WORDS,
    _MAX_REMEMBERED,
    _MAX_UNIT_TOKENS,
    _OPEN_QUOTE_MARKS,
    _RANGE_WORDS,
    _SpanIndex,
    _UNIT_LABELS,
    _UNIT_PAIR,
    _UNSEEN,
    _VERB_LABELS,
    _acronym_plural,
    _bounded_quantity,
    _is_plural,
    _looks_like_year,
    _number_value,
    _skip_space,
)


#: Period nouns after a number: "10 years plan" is a length of time, not a count of the noun before it.
_PERIOD_WORDS = frozenset({"year", "decade", "month", "week", "day"})

#: Words after "N of" that open the whole a part is taken from: "4 of the 5 products", "33 of its reactors".
_PARTITIVE_DETERMINERS = frozenset({"the", "its", "their", "our", "these", "those", "all"})

def _line_start(doc: Doc, i: int) -> bool:
    """The number before token ``i`` opens a line: "1.1 Building More Homes" (a heading), "47  Bad ..." (a note)."""
    m = i - 1
    while m >= 0 and (doc[m].like_num or doc[m].text in {",", "."}):
        m -= 1
    return m < 0 or doc[m].is_space and "\n" in doc[m].text or doc[m].text == "\n"


#: Words a paragraph must run to before "7 Second, we have ..." at its start reads as a paragraph number.
_PARAGRAPH_MIN_WORDS = 20


def _paragraph_number(doc: Doc, start: int, end: int) -> bool:
    """ "7  Second, we have ...", "10.44  Lessons learnt from ...": a number opening a long paragraph
    before a capitalised word numbers the paragraph (prose spells a sentence-initial number out).
    Headlines ("2,000 New Teachers Hired") are short lines."""
    if end >= len(doc) or not doc[end].is_title or not _line_start(doc, end):
        return False
    k = end
    while k < len(doc) and k - end <= _PARAGRAPH_MIN_WORDS and not (doc[k].is_space and "\n" in doc[k].text):
        k += 1
    return k - end > _PARAGRAPH_MIN_WORDS


#: Particles that end a hyphenated noun: "start-up companies", "drop-in centres", "spin-off firms".
_HYPHEN_PARTICLES = frozenset({"up", "in", "out", "on", "off", "down", "over", "back", "by"})

#: Words that open a hyphenated modifier: "on-water", "off-grid", "in-house", "up-to-date", "all-electric",
#: "top-tier", "first-class".
_HYPHEN_PREFIXES = frozenset({"all", "on", "off", "in", "up", "out", "down", "top", "first"})

#: Time nouns that a worker noun before them turns into a unit of work ("person-days", "job years").
_LABOUR_TIMES = (_PERIOD_WORDS - {"decade"}) | {"hour"}
#: Kinds of quantity whose unit a bare number after a linker takes: counts, physical units, money.
_ELIDED_FROM = frozenset({"count", "unit", "currency"})

#: A fraction written with a slash: "1/4", "2/3" (a date such as "3/4/2024" has two slashes).
_SLASH_FRACTION = re.compile(r"^([1-9])/([2-9]|10)$")

#: How far back (in tokens) a signed percent looks for its word of reduction or the cut listed before it.
_REDUCTION_REACH = 8
#: How far back (in tokens) a table cell looks for its row label.
_ROW_LABEL_REACH = 40
#: Marks a value line of a table may hold besides its number.
_CELL_MARKS = frozenset({"%", "-", "–", "(", ")", "/", "$", "€", "£"})


def _alone_on_line(doc: Doc, start: int, j: int) -> bool:
    """The tokens ``start:j`` fill their line: a line break (or the text's edge) on both sides."""
    before = start == 0 or doc[start - 1].is_space and "\n" in doc[start - 1].text
    after = j >= len(doc) or doc[j].is_space and "\n" in doc[j].text
    return before and after


#: "15,820 of them": a part of the things counted before it in the sentence, in their unit.
_PARTITIVE_PRONOUNS = frozenset({"them", "these", "those"})

#: Span labels of a verb that changes a counted noun's level ("increase", "raise", "cut", "reach").
_CHANGE_VERB_LABELS = ("PREDICATE", "DIRECTION_UP", "DIRECTION_DOWN", "TARGET_CUE")
#: Words that size "numbers" rather than name what is counted ("record numbers", "growing numbers").
_SIZE_WORDS = frozenset({"record", "large", "larger", "small", "growing", "rising", "high", "higher", "huge", "greater"})


def _point_after(doc: Doc, k: int) -> int | None:
    """The end of "point" or "percentage point" at ``k`` (after a fraction: "a quarter point", "half a
    percentage point", "three-quarters of a point"), or None."""
    if k + 1 < len(doc) and doc[k].lower_ == "of":
        k += 1
    if k + 1 < len(doc) and doc[k].lower_ == "a":
        k += 1
    if k < len(doc) and doc[k].lower_ == "point":
        return k + 1
    if k + 1 < len(doc) and doc[k].lower_ == "percentage" and doc[k + 1].lower_ == "point":
        return k + 2
    return None


def _shouted(doc: Doc, k: int) -> bool:
    """Token ``k`` stands in a line written in capitals ("STATE TO BUILD 300 NEW SCHOOLS"): at least four
    words around it on its line, every one upper-case."""
    words = 0
    for step in (-1, 1):
        m = k + step
        while 0 <= m < len(doc) and abs(m - k) <= 6 and not (doc[m].is_space and "\n" in doc[m].text):
            if doc[m].is_alpha:
                if not doc[m].is_upper:
                    return False
                words += 1
            m += step
    return words >= 3


#: The most words in a row label whose opening plural noun a table's cells count.
_MAX_LABEL_WORDS = 6
#: Marks that close a quoted name ("‘Cost Rental’ homes").
_CLOSE_QUOTE_MARKS = frozenset({"”", "»", "’", '"', "'"})
#: Words that open a sentence adding to the count the sentence before gave ("Another 40,000 are on the way").
_MORE_OPENERS = frozenset({"another", "further"})


def _sentence_opening_more(doc: Doc, start: int) -> int | None:
    """The first token of the sentence that ``start`` (an elided count) continues with "Another" or "A further",
    or None: such a count may take its unit from the sentence before."""
    k = start - 1
    if k < 0 or doc[k].lower_ not in _MORE_OPENERS:
        return None
    if doc[k].is_sent_start:
        return k
    return k - 1 if k >= 1 and doc[k - 1].lower_ == "a" and doc[k - 1].is_sent_start else None


def _breakdown_part(doc: Doc, j: int, value: Decimal) -> bool:
    """A bare count of 100 or more (``j``: the token after it) that is a part of a breakdown: a closing bracket
    ("Agency B (600,000)") or a lowercase word that is no counted noun ("54,707 under construction") follows."""
    return value >= 100 and j < len(doc) and (doc[j].text == ")" or doc[j].is_lower and doc[j].is_alpha)


#: The most tokens in the label of a list item ("Social Programmes & Internships:") before its figure.
_MAX_ITEM_LABEL = 8


#: How far before a list item its lead-in ("The jobs break down as follows:") may stand, in tokens.
_MAX_LEAD_IN = 300


def _list_item_opening(doc: Doc, start: int, antecedent: Quantity | None, plurals: Mapping[str, str]
                       ) -> int | None:
    """The first token of a list item "Label: 48,000 under ..." whose bare figure (``start``) follows a colon, when
    the figure before it (``antecedent``) follows a colon too, as in the item before ("Farming: 50,000 jobs ..."),
    and the item's label or the list's lead-in names the antecedent's noun ("The jobs break down as follows:"):
    the items count the same things. None for anything else ("The plan sets these goals:" lists different things)."""
    if start < 2 or doc[start - 1].text != ":" or antecedent is None or antecedent.start < 1 \
            or doc[antecedent.start - 1].text != ":":
        return None
    for k in range(start - 2, max(-1, start - 2 - _MAX_ITEM_LABEL), -1):
        if doc[k].is_sent_start:
            return k if _names_noun(doc, k, start, antecedent.unit, plurals) \
                or _lead_in_names(doc, k, antecedent.unit, plurals) else None
        if doc[k].is_punct and doc[k].text not in {"&", "-", "–", "/"}:
            return None
    return None


def _names_noun(doc: Doc, first: int, end: int, noun: str | None, plurals: Mapping[str, str]) -> bool:
    return noun is not None and any(singular(doc[k].lower_, plurals) == noun for k in range(first, end))


def _lead_in_names(doc: Doc, item: int, noun: str | None, plurals: Mapping[str, str]) -> bool:
    """Whether the lead-in of the list whose item starts at ``item`` (the nearest earlier sentence ending in a colon
    with no figure after it) names ``noun``."""
    for k in range(item - 1, max(-1, item - _MAX_LEAD_IN), -1):
        if doc[k].text == ":" and (k + 1 == len(doc) or doc[k + 1].is_space or doc[k + 1].is_sent_start):
            sentence = doc[k].sent
            return _names_noun(doc, sentence.start, k, noun, plurals)
    return False


class UnitRules:
    """Unit, range, counted-noun and gloss rules; the word lists are set by ``QuantityFinder.__init__``."""

    scales: dict[str, Decimal]
    currency_aliases: dict[str, str]
    currencies: CurrencyNames
    currency_letters: dict[str, str]
    dollars: LocalCurrencies
    unit_aliases: dict[str, str]
    percent_aliases: dict[str, str]
    enumeration_nouns: frozenset[str]
    count_modifiers: frozenset[str]
    year_before: frozenset[str]
    year_nouns: frozenset[str]
    age_nouns: frozenset[str]
    plurals: Mapping[str, str]
    implicit_units: dict[str, str]
    non_count: frozenset[str]
    money_nouns: frozenset[str]
    frequency_after: frozenset[str]
    duration_measures: frozenset[str]
    time_before: frozenset[str]
    time_after: frozenset[str]
    time_after_opening: frozenset[str]
    not_fraction_before: frozenset[str]
    fraction_followers: frozenset[str]
    dimension_words: frozenset[str]
    down_words: frozenset[str]
    reduction_links: frozenset[str]
    cut_list_links: frozenset[str]
    slash_labels: frozenset[str]
    slash_alternatives: frozenset[str]
    multiple_linkers: frozenset[str]
    compound_heads: frozenset[str]
    not_compound_modifiers: frozenset[str]
    adjective_endings: tuple[str, ...]
    labour_modifiers: frozenset[str]
    bare_rate_followers: frozenset[str]
    elided_before_number: frozenset[str]
    elided_before_of: frozenset[str]
    elided_not_antecedents: frozenset[str]
    breakdown_openers: frozenset[str]
    point_words: frozenset[str]
    index_words: frozenset[str]
    headline_verbs: frozenset[str]
    goal_nouns: frozenset[str]
    unit_vocab: UnitVocabulary
    _surfaces: dict[str, tuple[str, str] | None]

    def _assemble(self, doc: Doc, index: _SpanIndex, number: Span, nested: bool = False) -> Quantity | None:
        """One number span's quantity; implemented by ``QuantityFinder``."""
        raise NotImplementedError

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

    @staticmethod
    def _bare_scale(doc: Doc, index: _SpanIndex, start: int) -> bool:
        """A scale word standing for its number after a comparator, the "a" dropped as in non-native English:
        "create over million job opportunities", "some billion people". Only the spelled word ("million", not
        "m"), before a lower-case word: "over a million" keeps its "a", and "millions" is no figure."""
        word = doc[start].lower_
        return word in _BARE_SCALE_WORDS and index.ending_at("COMPARATOR", start) is not None \
            and start + 1 < len(doc) and doc[start + 1].is_lower and doc[start + 1].is_alpha

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
            if (point_end := _point_after(doc, after)) is not None:
                return Quantity(first, point_end, to_float(value / 100), "percentage_point", "percent", comparator,
                                extras={"scale": Decimal(1)})  # "a quarter point", "half a percentage point"
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

    def _glued_scale_before_noun(self, doc: Doc, index: _SpanIndex, j: int, noun_end: int) -> bool:
        """ "2.7m combined digital and physical sales": a scale letter glued to the number opens the counted
        noun phrase read after it, and the phrase is words only (no second number sharing the noun) and names
        nothing sized by its length ("5m flood walls", "2m steel barriers" are metres)."""
        glued_scale = index.starting_at("SCALE", j)
        return glued_scale is not None and j > 0 and not doc[j - 1].whitespace_ and noun_end > glued_scale.end + 1 \
            and all(doc[k].is_alpha or doc[k].text in {"-", "–"} for k in range(glued_scale.end, noun_end)) \
            and not any(doc[k].lower_ in self.dimension_words for k in range(glued_scale.end, noun_end))

    def _glued_rate(self, doc: Doc, end: int, suffix: str) -> tuple[str, int] | None:
        """ "100km/hr": a glued unit, a slash and a word with no space between, that the unit lexicon
        knows whole ("km/hr"); returns (unit, end token)."""
        if end + 1 >= len(doc) or doc[end - 1].whitespace_ or doc[end].text != "/" or doc[end].whitespace_:
            return None
        rate = self.unit_aliases.get(f"{suffix}/{doc[end + 1].text}".lower())
        return (rate, end + 2) if rate is not None else None

    def _row_label_unit(self, doc: Doc, start: int, j: int) -> tuple[str, str] | None:
        """A table laid out one cell per line: a number alone on its line takes the unit in brackets that
        ends its row's label line above ("Electricity output (MW)\n1,602.32\n3,077.96"), or counts the plural
        noun that opens it ("Villages Connected to Electricity\n8,587"); only value lines may lie between.
        Returns (unit, unit type). Looks back at most :data:`_ROW_LABEL_REACH` tokens."""
        if not _alone_on_line(doc, start, j):
            return None
        k = start - 1
        line_end = k  # the newline token ending the line being read
        while k >= max(0, start - _ROW_LABEL_REACH):
            if doc[k].is_space and "\n" in doc[k].text or k == 0:
                first = k if k == 0 and not doc[k].is_space else k + 1
                words = [t for t in doc[first:line_end] if not t.is_space]
                if words and not all(t.like_num or t.text in _CELL_MARKS for t in words):
                    unit = self._bracketed_unit(words)
                    if unit is not None:
                        return unit, "unit"
                    counted = self._label_noun(words)
                    return (counted, "count") if counted is not None else None
                line_end = k
            k -= 1
        return None

    def _label_noun(self, words: list[Token]) -> str | None:
        """The plural noun in capitals that opens a short row label ("Villages Connected to Electricity",
        "Schools Built"), singular; None for a label of a rate or a share ("... (%)"), or of a unit or money
        ("Tonnes Exported", "Funds Released"): a number under it is an amount, not a count."""
        first = words[0]
        if len(words) > _MAX_LABEL_WORDS or any(t.text in {"%", "(", ")"} for t in words) or not first.is_title \
                or not first.is_alpha or first.lower_ in self.non_count or not _is_plural(first.lower_, self.plurals):
            return None
        noun = singular(first.lower_, self.plurals)
        if first.lower_ in self.money_nouns or any(
                word in self.unit_aliases or word in self.currency_aliases for word in (first.lower_, noun)):
            return None
        return noun

    def _bracketed_unit(self, words: list[Token]) -> str | None:
        """The unit in brackets closing a label line: "(MW)", "(km)", "(tonnes)"."""
        if len(words) < 4 or words[-1].text != ")" or words[-3].text != "(":
            return None
        surface = words[-2].text
        return self.unit_aliases.get(surface.lower()) or lookup_unit(surface, self.unit_vocab)

    def _reduction_before(self, doc: Doc, start: int) -> bool:
        """The signed percent at ``start`` sizes a cut: a word of reduction with only link words between
        ("reduction targets are -60%", "a cut of -5%"), or an earlier signed percent of the same list that does
        ("-60% by 2030, -80% by 2040"). "exports fell to -3%" or "growth was -1.2%" keep their sign."""
        k, first = start - 1, max(doc[start].sent.start, start - _REDUCTION_REACH)
        while k >= first:
            token = doc[k]
            if token.text[:1] in "-−" and token.text[1:2].isdigit():
                first = max(doc[start].sent.start, k - _REDUCTION_REACH)  # the cut listed before
            elif not (token.lower_ in self.reduction_links or token.lower_ in self.cut_list_links
                      or token.like_num and len(token.text) == 4):
                return token.lower_ in self.down_words and doc[k + 1].lower_ in self.reduction_links
            k -= 1
        return False

    def _slash_fraction(self, doc: Doc, number: Span) -> Quantity | None:
        """ "1/4 houses have solar panels", "2/3 of the adults": a fraction of a group, a share in percent. Only
        before a plural noun or "of the/all": "1/4 cup" is a measure, a lone "3/4" may be a date."""
        match = _SLASH_FRACTION.match(number.text)
        numerator, denominator = (int(match.group(1)), int(match.group(2))) if match else (0, 0)
        k = number.end
        if not 0 < numerator < denominator or k >= len(doc):
            return None
        before = doc[number.start - 1] if number.start > 0 else None
        if before is not None and (before.lower_ in self.slash_labels or before.is_title and not before.is_sent_start):
            return None  # "Class 9/10 students", "Phase 1/2 works": two labels, no fraction
        if doc[k].lower_ == "of":
            group = k + 1 < len(doc) and doc[k + 1].lower_ in _PARTITIVE_DETERMINERS | _PARTITIVE_PRONOUNS
        else:
            group = doc[k].is_alpha and doc[k].is_lower and _is_plural(doc[k].lower_, self.plurals) \
                and doc[k].lower_ not in self.slash_alternatives
        if not group:
            return None
        share = Decimal(numerator) * 100 / Decimal(denominator)
        return Quantity(number.start, number.end, to_float(share.quantize(Decimal("0.01"))), "percent", "percent",
                        extras={"scale": Decimal(1), "fraction": True})

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
        if noun_end < len(doc) and singular(doc[noun_end].lower_, self.plurals) in self.year_nouns:
            return False  # "beat their 2020 renewables target": the noun and the year qualify a goal
        if doc[noun_end - 1].lower_ in self.headline_verbs:
            return False  # "Decree 45 of 2019 sets rules": a verb after the year
        if comparator_span is not None:
            return True
        if start == 0:
            return False
        previous = doc[start - 1]
        if previous.text == "," and start >= 2 and not doc[start - 2].like_num:
            return True  # "Rome, 2000 nurseries by June": a plural noun after it (a year's noun returned above)
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

    def _baseline_with_level_unit(self, doc: Doc, index: _SpanIndex, start: int, j: int, value: Decimal,
                                  scale: Decimal, comparator_span: Span | None) -> Quantity | None:
        """ "from 20 to 35 percent", "rose from 26 to 61 clinics": the bare baseline takes the new level's unit
        (and its scale: "from 2.6 to 3 million people"), also after the level's comparator ("from 35 to over
        50 GW"). ``j`` is the "to" token."""
        level = _skip_space(doc, j + 1)
        comparator = index.starting_at("COMPARATOR", level)
        upper = self._next_quantity(doc, index, comparator.end if comparator is not None else level)
        if upper is None or upper.value_max is not None or upper.unit_type == "rank" or upper.start not in {
                level, comparator.end if comparator is not None else level}:
            return None
        upper_scale = Decimal(upper.extras.get("scale", 1))  # type: ignore[arg-type]
        if upper_scale > 1 and value > 100 * Decimal(str(upper.value)) / upper_scale:
            upper_scale = Decimal(1)  # "from 6,500 to 15 thousand": the baseline is written in full
            # (but "from 12,500 to 13,800 thousand tonnes" shares the scale: the bare numbers are alike)
        low = _bounded_quantity(comparator_span.start if comparator_span is not None else start, j,
                                value * (scale if scale != 1 else upper_scale), upper.unit, upper.unit_type,
                                comparator_span.id_ if comparator_span is not None else "=")
        if low is not None:
            low.extras["scale"] = scale if scale != 1 else upper_scale
        return low

    def _part_of_measure(self, doc: Doc, index: _SpanIndex, start: int, j: int, value: Decimal, scale: Decimal,
                         comparator_span: Span | None) -> Quantity | None:
        """ "(10.7 of 10 GW)", "4.9 of the 5 GW planned": a bare number before "of" and a measured quantity
        takes its unit (and scale). ``j`` is the "of" token."""
        if j + 1 >= len(doc) or doc[j].lower_ != "of":
            return None
        k = j + 1
        if doc[k].lower_ in _PARTITIVE_DETERMINERS and k + 1 < len(doc) and doc[k + 1].like_num:
            k += 1
        if index.starting_at("NUMBER", k) is None:
            return None
        whole = self._next_quantity(doc, index, k)
        if whole is None or whole.unit_type != "unit" or whole.value_max is not None:
            return None
        return self._baseline_with_level_unit(doc, index, start, k - 1, value, scale, comparator_span)

    def _age_years(self, doc: Doc, start: int, j: int) -> int | None:
        """ "raise life expectancy to 73 years", "the retirement age of 67 years": an age is a level in years
        (other "N years" are spans of time). The end token of "years", or None."""
        k = _skip_space(doc, j)
        if k >= len(doc) or doc[k].lower_ not in {"year", "years"} or k + 1 < len(doc) and doc[k + 1].lower_ == "of":
            return None
        if not any(doc[m].lower_ in self.age_nouns for m in range(max(0, start - 6), start)):
            return None
        return k + 1

    def _glued_cell(self, number: Span) -> Quantity | None:
        """ "intensity7%": a flattened web table runs a percent into the previous cell's last word. The
        quantity is the number and its percent sign (its span keeps the word: a token is never split)."""
        digits = number[0].text.lstrip("abcdefghijklmnopqrstuvwxyz")
        value = parse_decimal(digits)
        if value is None:
            return None
        quantity = _bounded_quantity(number.start, number.end, value, "percent", "percent", "=")
        if quantity is not None:
            quantity.extras["scale"] = Decimal(1)
        return quantity

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
        if i + 1 < len(doc) and doc[i].lower_ in self.count_modifiers:
            i += 1  # "2.3m additional households", "5m new jobs"
        token = doc[i]
        return self._unit_at(index, i) is not None or (
            token.is_alpha and token.is_lower and _is_plural(token.lower_, self.plurals)
            and token.lower_ not in self.non_count)

    def _time_reference(self, doc: Doc, start: int, end: int) -> bool:
        """Whether the duration ``doc[start:end]`` names a time ("the last eight months", "two weeks ago",
        "Three days after the launch, ...", "three months in, ..."): a word of ``time_reference_words`` before it
        (past an enumeration of numbers) or right after it. Also the hyphenated length of a named event ("the
        two-day Global Investors Meet", "a 3-day Summit"): the event's time, no measure (a lower-case noun after
        it is a modifier's, refused by the caller)."""
        if _named_event_length(doc, end):
            return True
        k = start - 1
        while k >= 0 and (doc[k].like_num or doc[k].text == "," or doc[k].lower_ in {"and", "or"}):
            k -= 1  # "the last six, seven, eight months"
        if k >= 0 and doc[k].lower_ in self.time_before and "from" not in {t.lower_ for t in doc[max(0, k - 2):k]}:
            return True  # but "from the previous 18 weeks to 12 weeks" is a baseline
        if end < len(doc) and doc[end].lower_ in self.time_after:
            return True
        opens = start == 0 or doc[start].is_sent_start or doc[start - 1].text in {",", ";"} or doc[start - 1].is_space
        if opens and end < len(doc) and doc[end].lower_ in self.time_after_opening:
            return True
        return end + 1 < len(doc) and doc[end].lower_ == "in" and (doc[end + 1].is_punct or doc[end + 1].lower_ == "and")

    def _duration_measure(self, doc: Doc, i: int) -> bool:
        """Whether the words from ``i`` after a duration name what it measures ("months of import cover",
        "hours of power cuts"): then the duration is a quantity, not a modifier or a relative date."""
        i += i < len(doc) and doc[i].lower_ == "of"
        return i < len(doc) and doc[i].lower_ in self.duration_measures

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
            if not words and k == i and token.text in _OPEN_QUOTE_MARKS and glued and doc[k + 1].is_alpha:
                k += 1  # 'build 100,000 "social houses"': the counted noun in quotes
                continue
            if token.text in {"-", "–"} and words and glued and doc[k + 1].is_alpha:
                k += 1  # "high-tech": one word
                continue
            if len(token) > 2 and token.text.endswith("-") and token.text[:-1].isalpha() and token.is_lower \
                    and k + 1 < len(doc) and doc[k + 1].lower_ in {"and", "or", "to"}:
                words.append(k)  # "small- and medium-sized enterprises": a suspended hyphen
                k += 1
                continue
            if token.like_num and glued and doc[k + 1].is_alpha and doc[k + 1].is_upper:
                words.append(k)  # "5G base stations"
                k += 2
                continue
            if len(token) <= 3 and token.text[:1].isdigit() and token.text[1:].isalpha() and token.text[1:].isupper():
                words.append(k)  # "5G-A base stations", "3D printers": one token
                k += 1
                continue
            if token.lower_ in {"and", "or"} and k + 1 < len(doc) and doc[k + 1].like_num and value != 1:
                shared = self._shared_noun(doc, k + 1)  # "80 million domestic and 70 million foreign visitors"
                if shared is not None:
                    return i, (k if words else i), shared
                break
            if token.lower_ in {"and", "&"} and words and k + 1 < len(doc) and doc[k + 1].is_alpha \
                    and doc[k + 1].lower_ not in self.non_count:
                before_and = before_and or len(words)
                k += 1  # "health and wellness centres"
                continue
            if token.text == "," and words and k + 1 < len(doc) \
                    and self._modifier_list(doc, k + 1):
                k += 1  # "micro, small and medium enterprises": a list of modifiers before one noun
                continue
            hyphened = words and (token.lower_ in _HYPHEN_PARTICLES or token.is_upper) \
                and doc[k - 1].text in {"-", "–"} and not doc[k - 1].whitespace_ \
                and not doc[k - 2].whitespace_  # "start-up", "drop-in", "5G-A": one word
            prefix = token.lower_ in _HYPHEN_PREFIXES and k + 2 < len(doc) and doc[k + 1].text in {"-", "–"} \
                and not token.whitespace_ \
                and not doc[k + 1].whitespace_ and doc[k + 2].is_alpha  # "on-water", "off-grid", "in-house"
            if words and token.lower_ in self.non_count and doc[k - 1].is_alpha and doc[k - 1].is_lower \
                    and _is_plural(token.lower_, self.plurals) and singular(token.lower_, self.plurals) in \
                    self.compound_heads and " " in self._compound_unit(doc, k, singular(token.lower_, self.plurals)):
                words.append(k)  # "80,000 charging points": a vague head that its modifier names
                head = k
                break
            if words and doc[words[-1]].lower_ in self.labour_modifiers and token.is_alpha \
                    and singular(token.lower_, self.plurals) in _LABOUR_TIMES:
                words.append(k)  # "40 crore person-days", "900 job years": a unit of work
                head = k
                break
            joined = words and doc[k - 1].text in {"-", "–"} and not doc[k - 1].whitespace_ \
                and not doc[k - 2].whitespace_ and k + 1 < len(doc) and doc[k + 1].is_alpha and doc[k + 1].is_lower \
                and doc[k + 1].lower_ not in self.non_count  # "market-rate rental units": a modifier's second half
            if not token.is_alpha or token.lower_ in self.non_count and not hyphened and not prefix and not joined and not (
                    not words and token.is_upper and len(token) > 1 and k + 1 < len(doc) and doc[k + 1].is_lower):
                break  # a function word ends the phrase, but "IT" in "4 IT cities" is an acronym
            if not words and token.is_title and token.i > 0 and not _is_plural(token.lower_, self.plurals) \
                    and not (token.lower_ in self.count_modifiers and k + 1 < len(doc) and doc[k + 1].is_title
                             and _is_plural(doc[k + 1].lower_, self.plurals)):
                titled = None if _line_start(doc, i) else self._title_noun(doc, k)
                if titled is not None:
                    return i, titled[0], titled[1]  # "35 Multi-Modal Logistics Parks", "750,000 New York homes"
                break  # a name ("3 Gorges"), but a headline's "2,000 New Teachers" counts
            if not words and token.is_upper and len(token) > 1 and not (
                    len(token) <= 5 and k + 1 < len(doc) and doc[k + 1].is_lower) and not _shouted(doc, k):
                break  # an acronym, but a headline in capitals counts: "24 POWER FIRMS"
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
                and doc[following].lower_ not in self.non_count or k + 2 < len(doc) and not token.whitespace_ \
                and doc[k + 1].text in {"-", "–"} and doc[k + 2].is_alpha  # "youth-led firms", "staff-run clinics"
            if _is_plural(token.lower_, self.plurals) and not (token.is_upper and len(token) > 1
                                                               and not _shouted(doc, k)) \
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
        if unit in self.compound_heads and head - 1 in words:
            unit = self._compound_unit(doc, head, unit)
        elif unit in _LABOUR_TIMES and len(words) > 1 and doc[words[-2]].lower_ in self.labour_modifiers:
            unit = f"{doc[words[-2]].lower_}-{unit}"
        # "working spaces and project incubators": keep a coordinated plural noun in the phrase.
        if end + 1 < len(doc) and doc[end].lower_ == "and":
            k = end + 1
            extra = 0
            while k < len(doc) and extra < 3 and doc[k].is_alpha and doc[k].lower_ not in self.non_count \
                    and not doc[k].like_num:  # "14 tech hubs and two depots": another count begins
                extra += 1
                if _is_plural(doc[k].lower_, self.plurals):
                    end = k + 1
                    break
                k += 1
        return i, end, unit

    def _modifier_list(self, doc: Doc, k: int) -> bool:
        """Lower-case words from ``k`` run through "and"/"or" to a plural noun, with no other comma: the rest of
        a list of modifiers ("small and medium enterprises" after "micro,")."""
        seen_and = False
        for m in range(k, min(len(doc), k + 5)):
            token = doc[m]
            if token.lower_ in {"and", "or"} and m > k:
                seen_and = True
                continue
            if not (token.is_alpha and token.is_lower) or token.lower_ in self.non_count:
                return False
            if _is_plural(token.lower_, self.plurals):
                return seen_and
        return False

    def _partitive_noun(self, doc: Doc, j: int) -> tuple[int, int, str] | None:
        """ "3 of the 7 new depots", "21 of its coal plants", "9 of the country's 38 provinces": the part
        counts the whole's noun (``j``: the token after the number); also past the part's share in brackets
        ("38 (74.5%) of the 51 indicators") and a word that sets the part apart ("5 of the remaining 13")."""
        if j < len(doc) and doc[j].text == "(":
            close = next((k for k in range(j + 1, min(len(doc), j + _GLOSS_TOKENS)) if doc[k].text == ")"), None)
            if close is None or not any(doc[k].like_num for k in range(j + 1, close)):
                return None
            j = close + 1
        if j + 3 < len(doc) and doc[j].lower_ == "of" and doc[j + 1].lower_ == "which" \
                and doc[j + 2].lower_ in {"are", "were", "will", "is"}:
            k = j + 3  # "40 smelters, 13 of which are nickel smelters": the noun after the verb
            if doc[k].lower_ == "be" and k + 1 < len(doc):
                k += 1
        elif j + 2 < len(doc) and doc[j].lower_ == "out" and doc[j + 1].lower_ == "of" and doc[j + 2].like_num:
            k = j + 2  # "22 out of 48 countries"
        elif j + 2 < len(doc) and doc[j].lower_ == "of" and doc[j + 1].like_num \
                and not (doc[j + 1].text.isdigit() and _looks_like_year(doc[j + 1].text, int(doc[j + 1].text))):
            k = j + 1  # "65 of 70 programmes active"
        elif j + 2 >= len(doc) or doc[j].lower_ != "of" or doc[j + 1].lower_ not in _PARTITIVE_DETERMINERS:
            return None
        else:
            k = j + 2
            if k + 1 < len(doc) and doc[k].lower_ in _SET_APART and doc[k + 1].like_num:
                k += 1  # "5 of the remaining 13 indicators", "4 of the other 12 provinces"
        if k + 2 < len(doc) and doc[k].is_alpha and doc[k + 1].text in {"'s", "’s"}:
            k += 2  # "of the State's 240 taluks"
        if k < len(doc) and doc[k].like_num:
            k += 1  # "of the 5 new products", "of its four plants"
        k = _skip_space(doc, k)
        noun = self._counted_noun(doc, k, 2.0)
        return noun if noun is not None and noun[0] == k else None

    def _title_noun(self, doc: Doc, k: int) -> tuple[int, str] | None:
        """A counted noun named in capitals: "55 Solar Parks", "200,000 Electric Vehicle Charging Piles",
        "540,000 Community Services Card holders", "1,500 Land Bank parcels". Words in capitals (no function
        words) up to a plural: the last capitalised plural, or a lower-case plural right after them.
        Returns (end token, unit) or None ("10 Downing Street": no plural)."""
        head: int | None = None
        m = k
        while m < len(doc) and m < k + 6:
            token = doc[m]
            if token.text in {"-", "–"} and not token.whitespace_ and not doc[m - 1].whitespace_:
                m += 1
                continue
            if token.text in _CLOSE_QUOTE_MARKS and m > k and not doc[m - 1].whitespace_:
                m += 1  # "2,000 ‘Cost Rental’ homes": a quoted name before the counted noun
                continue
            if not token.is_alpha or token.lower_ in self.non_count:
                break
            if not token.is_title:
                if token.is_lower and _is_plural(token.lower_, self.plurals) and m > k:
                    head = m  # "Land Bank parcels"
                break
            if _is_plural(token.lower_, self.plurals):
                head = m
            m += 1
        if head is None or head == k:
            return None
        unit = singular(doc[head].lower_, self.plurals)
        if unit in self.compound_heads:
            unit = self._compound_unit(doc, head, unit)
        return head + 1, unit

    def _compound_unit(self, doc: Doc, head: int, unit: str) -> str:
        """ "heat pump", "base station", "multi-purpose centre": a vague head noun keeps the noun before it."""
        k = head - 1
        word = doc[k].lower_
        if not doc[k].is_alpha or len(word) < 3 or word in self.not_compound_modifiers or word in self.count_modifiers \
                or word.endswith(self.adjective_endings) or _is_plural(word, self.plurals):
            return unit
        if k > 1 and doc[k - 1].text == "-" and not doc[k - 1].whitespace_ and not doc[k - 2].whitespace_ \
                and doc[k - 2].is_alpha:
            word = f"{doc[k - 2].lower_}-{word}"  # "multi-purpose centres"
        return f"{word} {unit}"

    def _period_after(self, doc: Doc, j: int) -> bool:
        """A period word follows the number: "introduces 10 years plan" counts no noun before it."""
        k = _skip_space(doc, j)
        return k + 1 < len(doc) and singular(doc[k].lower_, self.plurals) in _PERIOD_WORDS \
            and doc[k + 1].lower_ != "of"  # "turns 16 years of age" stays as it was

    def _one_in_n(self, doc: Doc, index: _SpanIndex, start: int, j: int, value: Decimal,
                  comparator_span: Span | None) -> Quantity | None:
        """ "one in five homes", "nine in 10 adults", "1 in every 4 buses": a share in percent."""
        if j + 1 >= len(doc) or doc[j].lower_ != "in":
            return None
        k = j + 1
        if k < len(doc) and doc[k].lower_ == "every":
            k += 1
        whole_span = index.starting_at("NUMBER", k) if k < len(doc) else None
        if whole_span is None or len(whole_span) != 1:
            return None
        whole = _number_value(whole_span.text)
        if whole is None or _looks_like_year(whole_span.text, whole) or not 0 < value < whole <= 1000:
            return None
        if whole_span.end < len(doc) and index.starting_at("SCALE", _skip_space(doc, whole_span.end)) is not None:
            return None  # "1 in 5 million"
        if self._period_after(doc, whole_span.end) or self._unit_word_at(doc, index, _skip_space(doc, whole_span.end)):
            return None  # "5 in 12 months", "2 in 10 GW"
        share = _bounded_quantity(comparator_span.start if comparator_span is not None else start, whole_span.end,
                                  value * 100 / whole, "percent", "percent",
                                  comparator_span.id_ if comparator_span is not None else "=")
        if share is not None:
            share.extras["fraction"] = True
        return share

    def _bare_growth_rate(self, doc: Doc, start: int, j: int, value: Decimal, scale: Decimal,
                          comparator_span: Span | None) -> Quantity | None:
        """A growth rate without its percent sign: "annual economic growth of 10.2 for ten years", "a growth rate
        of 7.5 in 2026". Only right after "growth (rate) of" and before no noun, and below 50."""
        first = comparator_span.start if comparator_span is not None else start
        if scale != 1 or not 0 < value < 50 or first < 2 or doc[first - 1].lower_ != "of":
            return None
        growth = first - 2
        if doc[growth].lower_ == "rate" and growth > 0:
            growth -= 1
        if doc[growth].lower_ != "growth":
            return None
        if j < len(doc) and (doc[j].is_alpha and doc[j].lower_ not in self.bare_rate_followers or doc[j].like_num):
            return None
        return _bounded_quantity(first, j, value, "percent", "percent", comparator_span.id_
                                 if comparator_span is not None else "=")

    def _elided_count(self, doc: Doc, start: int, j: int, text: str, value: Decimal, scale: Decimal,
                      comparator_span: Span | None) -> Quantity | None:
        """A bare number after a linker ("up from 24,000", "an increase of 20,000", "a further 50 million"):
        a quantity without a unit yet, marked ``elided``; :meth:`_resolve_elided` gives it the unit of the
        quantity before it in the sentence, or drops it."""
        first = comparator_span.start if comparator_span is not None else start
        spelled_scale = not text[:1].isdigit()  # "one million" is one number span: its scale is in its value
        if _looks_like_year(text, value) or spelled_scale and not (
                value * scale >= 1_000_000 and text.replace(" ", "").isalpha()
                and text.split(" ", 1)[0].lower() not in {"a", "an"}):
            return None  # a spelled number only with a scale: "plant one million" repeats "one million trees";
            # "worth over a trillion" is a rough size, no figure
        linked = self._linked_count(doc, first, j, value, scale, comparator_span)
        named_goal = j < len(doc) and doc[j].lower_ in self.goal_nouns  # "the 20,000 target should be passed"
        if linked is None and (scale >= 1_000_000 or spelled_scale
                               or value >= 1000 and (len(str(value).strip("0")) >= 2 or named_goal)) \
                and not (j < len(doc) and doc[j].like_num):  # a round "1,000" may repeat by chance
            repeated = self._repeated_amount(first, j, value, scale, comparator_span)
            if repeated is not None and named_goal and scale < 1_000_000 and len(str(value).strip("0")) < 2:
                # only the goal noun names it: it repeats no money, and only the things its "for <nouns>" names
                named = doc[j + 2].lower_ if j + 2 < len(doc) and doc[j + 1].lower_ in {"for", "of"} \
                    and doc[j + 2].is_alpha else ""
                repeated.extras["round_goal"] = singular(named, self.plurals) if named else ""
            return repeated
        return linked

    def _linked_count(self, doc: Doc, first: int, j: int, value: Decimal, scale: Decimal,
                      comparator_span: Span | None) -> Quantity | None:
        """The elided count after a linker word or before a rate (see :meth:`_elided_count`)."""
        if first < 1:
            return None
        if j < len(doc) and (doc[j].like_num or doc[j].text in {"%", "-", "–"}):
            return None  # another number, or a part of one
        before = doc[first - 1].lower_
        of_them = j + 1 < len(doc) and doc[j].lower_ == "of" and doc[j + 1].lower_ in _PARTITIVE_PRONOUNS
        if not (before in self.elided_before_number or of_them
                or before == "of" and first > 1 and doc[first - 2].lower_ in self.elided_before_of
                or value * scale >= 100 and self._rate_after(doc, j)
                or before in self.breakdown_openers and _breakdown_part(doc, j, value * scale)):
            return None
        quantity = _bounded_quantity(first, j + 2 if of_them else j, value * scale, "", "count",
                                     comparator_span.id_ if comparator_span is not None else "=")
        if quantity is not None:
            quantity.extras["scale"] = scale
            quantity.extras["elided"] = True
        return quantity

    @staticmethod
    def _repeated_amount(first: int, j: int, value: Decimal, scale: Decimal, comparator_span: Span | None
                         ) -> Quantity | None:
        """ "pledges 13.6b for solar", "we have to deliver 260,000": a figure without its unit, as headlines
        and quotes write it; it takes the unit of the same figure elsewhere in the article ("$13.6 billion",
        "260,000 homes"), or is dropped."""
        quantity = _bounded_quantity(first, j, value * scale, "", "count",
                                     comparator_span.id_ if comparator_span is not None else "=")
        if quantity is not None:
            quantity.extras["scale"] = scale
            quantity.extras["elided"] = "repeated"
        return quantity

    def _rate_after(self, doc: Doc, j: int) -> bool:
        """ "per year", "a month", "each year", "annually" follow the number: "2 million homes by 2030, or
        400,000 per year" restates the total as a rate of the same things."""
        k = _skip_space(doc, j)
        if k < len(doc) and doc[k].lower_ in RATE_ADVERBS:
            return True
        return k + 1 < len(doc) and doc[k].lower_ in RATE_LEADS \
            and singular(doc[k + 1].lower_, self.plurals) in _PERIOD_WORDS

    @staticmethod
    def _counted_millions(doc: Doc, found: list[Quantity]) -> None:
        """ "a billion trees at 5m per year": an "m" read as metres is million when the quantity before it in
        the sentence counts things and the rate, in millions, is no more than that count (the rate counts the
        same things). Otherwise it stays a length: "20,000 seedlings along a shoreline eroding at 2m per year"."""
        before: Quantity | None = None
        for q in found:
            millions = q.extras.pop("millions", None)
            if isinstance(millions, float) and before is not None and before.unit_type == "count" \
                    and millions <= before.value and before.end <= q.start \
                    and not any(doc[k].is_sent_start for k in range(before.end, q.start + 1)):
                q.value, q.unit, q.unit_type = millions, before.unit, "count"
                q.extras["scale"] = 1_000_000
            before = q

    def _resolve_elided(self, doc: Doc, found: list[Quantity]) -> list[Quantity]:
        """Each elided count takes the unit of the nearest count, unit or money amount before it in its
        sentence ("1.07 billion people, an increase of 6.36 million"), or is dropped. A repeated figure
        takes the unit of the first stated figure within 0.5% of it (looked up, not searched: linear time)."""
        stated = _first_by_value(q for q in found if "elided" not in q.extras and q.unit and q.unit_type in _ELIDED_FROM)
        values = sorted(stated)
        out: list[Quantity] = []
        antecedent: Quantity | None = None  # the last quantity kept whose unit an elided count may take
        for q in found:
            if "elided" not in q.extras:
                out.append(q)
                antecedent = q if q.unit_type in _ELIDED_FROM else antecedent
                continue
            if q.extras.pop("elided") == "repeated":
                same = _near_value(stated, values, q.value)
                counted = q.extras.pop("round_goal", None)  # "the 20,000 target": no money ("$20,000 each")
                if same is not None and counted is not None \
                        and (same.unit_type == "currency" or (counted and counted != same.unit)):
                    same = None
                if same is not None:
                    q.unit, q.unit_type = same.unit, same.unit_type
                    out.append(q)
                    antecedent = q if q.unit_type in _ELIDED_FROM else antecedent
                continue
            opening = _sentence_opening_more(doc, q.start)
            if opening is None:
                opening = _list_item_opening(doc, q.start, antecedent, self.plurals)  # "Internships: 48,000 under ..."
            if antecedent is None or antecedent.end > q.start or antecedent.unit in self.elided_not_antecedents or any(
                    doc[k].is_sent_start and k != opening or doc[k].text in {";", "；"}
                    for k in range(antecedent.end, q.start + 1)):
                same = _near_value(stated, values, q.value) if _distinct_figure(q) else None
                if same is not None and same.unit_type == "count" and same.unit not in self.elided_not_antecedents:
                    # "Minister: One million to be connected"
                    q.unit, q.unit_type = same.unit, same.unit_type  # repeats "one million customers" below
                    out.append(q)
                continue
            if not antecedent.value or not 1e-3 <= q.value / antecedent.value <= 1e3:
                continue
            q.unit, q.unit_type = antecedent.unit, antecedent.unit_type
            out.append(q)
            antecedent = q  # it has the antecedent's kind
        return out

    def _noun_before(self, doc: Doc, index: _SpanIndex, start: int, text: str, value: float | Decimal
                     ) -> tuple[int, int, str] | None:
        """Machine-translated order, the counted noun first: "smart factories 50", "projects more than 500"."""
        k = start - 1
        if k < 1 or _looks_like_year(text, value) or not text[:1].isdigit():
            return None
        if doc[k].lower_ in {"from", "to"}:
            changed = self._changed_noun(doc, index, k)  # "increase beneficiaries from 2.6 million to 10 million"
            if changed is None:
                return None
            k = changed
        elif index.covering(k, "PREDICATE") is not None and k > 1 and doc[k].is_lower:
            k -= 1  # "cloud-using enterprises reached 8,000"
        head = doc[k]
        if not (head.is_lower and head.is_alpha and _is_plural(head.lower_, self.plurals)) \
                or head.lower_ in self.non_count or any(index.covering(k, label) for label in _VERB_LABELS):
            return None
        if k > 0 and doc[k - 1].like_num:
            return None  # "5 projects 3": the noun already has its number
        if head.lower_ in self.headline_verbs and k > 0 and (doc[k - 1].is_upper or doc[k - 1].is_title):
            return None  # "Ministry sets 36 billion export goal": a headline's verb after its actor
        first = k
        while first - 1 >= 0 and first > k - 3 and (doc[first - 1].is_lower or doc[first - 1].like_num) \
                and doc[first - 1].is_alpha and doc[first - 1].lower_ not in self.non_count \
                and not any(index.covering(first - 1, label) for label in _VERB_LABELS):
            first -= 1
        return first, k + 1, singular(head.lower_, self.plurals)

    def _shared_noun(self, doc: Doc, k: int) -> str | None:
        """The unit of the next number's counted noun when a number shares it: "80 million domestic and 70 million
        international visitors" (``k``: the next number's first token), or None."""
        m = k
        while m < len(doc) and m < k + 4 and (doc[m].like_num or doc[m].lower_ in self.scales):
            m += 1
        if m >= len(doc) or _looks_like_year(doc[k].text, int(doc[k].text) if doc[k].text.isdigit() else 0):
            return None
        noun = self._counted_noun(doc, m, 2.0)
        return noun[2] if noun is not None and noun[0] == m else None

    def _elided_noun(self, doc: Doc, k: int) -> tuple[int, int, str] | None:
        """The counted noun of the number before "including" (``k``): "create 2 million jobs, including 500,000 in
        construction" counts jobs too."""
        for m in range(k - 1, max(-1, k - 12), -1):
            if doc[m].text in {";", "；", "."} or doc[m + 1].is_sent_start:
                return None
            if doc[m].like_num or doc[m].lower_ in self.scales:
                if m + 1 < len(doc) and (doc[m + 1].like_num or doc[m + 1].lower_ in self.scales) \
                        or doc[m].text.isdecimal() and _looks_like_year(doc[m].text, int(doc[m].text)):
                    continue  # a scale word follows, or a year ("40 schools by 2028, including 12 ...")
                noun = self._counted_noun(doc, _skip_space(doc, m + 1), 2.0)
                return noun if noun is not None and noun[1] <= k else None
        return None

    def _changed_noun(self, doc: Doc, index: _SpanIndex, k: int) -> int | None:
        """The counted noun a change verb takes before "from X to Y" or "to Y": "raise beneficiaries to 10 million",
        "expand clinics from 300 to 450" (the noun's index), or None. ``k`` is the "from" or "to" token."""
        m = k - 1
        if doc[k].lower_ == "to" and m > 0 and (doc[m].like_num or doc[m].lower_ in self.scales):
            while m > 0 and (doc[m].like_num or doc[m].lower_ in self.scales):
                m -= 1
            if doc[m].lower_ != "from":
                return None
            m -= 1
        if m > 1 and doc[m - 1].is_lower and doc[m - 1].is_alpha and not doc[m - 1].lower_.endswith("s") \
                and not doc[m - 2].is_stop and not any(index.covering(m - 1, label) for label in _CHANGE_VERB_LABELS):
            verb = m - 2  # "cut maternal deaths to 104": one modifier (no verb: "makes sales") before the noun
        else:
            verb = m - 1
        if verb < 0 or not any(index.covering(verb, label) for label in _CHANGE_VERB_LABELS):
            return None
        return m

    def _number_of(self, doc: Doc, start: int) -> tuple[int, int, str] | None:
        """A bare number whose clause names what it counts: "the number of metro lines will reach 12",
        "a permanent population of 1 million"."""
        if start > 1 and doc[start - 1].lower_ in {"including", "includes", "include"}:
            return self._elided_noun(doc, start - 1)
        if (index_level := _index_level(doc, start)) is not None:
            return index_level
        for k in range(start - 2, max(-1, start - 16), -1):
            if doc[k].text in {";", "；", "."} or doc[k + 1].is_sent_start or doc[k].like_num and not (
                    doc[k].text.isdecimal() and _looks_like_year(doc[k].text, int(doc[k].text))) \
                    and not (k > 0 and doc[k - 1].lower_ in {"per", "every"}):  # "beds per 1,000 people"
                return None  # never across a sentence, a clause or another number (a year may stand between)
            if doc[k].lower_ == "number" and doc[k + 1].lower_ == "of":
                noun = self._counted_noun(doc, _after_possessor(doc, k + 2, start), 2.0)
                if noun is not None and noun[1] <= start:
                    return noun
                return None
            if doc[k].lower_ == "numbers" and k > 0 and doc[k - 1].is_alpha and not doc[k - 1].is_upper \
                    and doc[k - 1].lower_ not in self.non_count and doc[k - 1].lower_ not in _SIZE_WORDS:
                return k - 1, k + 1, singular(doc[k - 1].lower_, self.plurals)  # "double tourist numbers to 40 million"
            if doc[k].lower_ in {"per", "every"} and doc[k + 1].like_num:
                return self._rate_numerator(doc, k)  # "doctors per 1,000 population will reach 3.6"
            if doc[k].lower_ in self.implicit_units and not (k > 1 and doc[k - 1].like_num
                                                             and doc[k - 2].lower_ in {"per", "every"}):
                return k, k + 1, self.implicit_units[doc[k].lower_]  # "a population of 10 million"
        return None

    def _rate_numerator(self, doc: Doc, k: int) -> tuple[int, int, str] | None:
        """The plural noun right before the "per" or "every" (``k``) of a rate per population: what its bare level
        counts ("patents per 10,000 people", "beds per 1,000 residents"); None when no such noun stands there."""
        head = doc[k - 1] if k > 0 else None
        if head is None or not (head.is_lower and head.is_alpha and _is_plural(head.lower_, self.plurals)) \
                or head.lower_ in self.non_count:
            return None
        return k - 1, k, singular(head.lower_, self.plurals)

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


def _named_event_length(doc: Doc, end: int) -> bool:
    """The duration ending at ``end`` is glued to its number by a hyphen ("two-day", "3-day") and a capitalized
    word follows it in the same sentence: the length of a named event."""
    unit = end - 1
    return 1 <= unit and end < len(doc) and doc[unit - 1].text in {"-", "–"} and not doc[unit - 1].whitespace_ \
        and doc[end].is_title and doc[end].is_alpha and not doc[end].is_sent_start


#: Words between a partitive's determiner and the whole's number: "of the remaining 13", "of the other 12".
_SET_APART = frozenset({"remaining", "other", "existing", "total"})
#: The most tokens of a bracketed share between a part and its "of" ("38 (74.5%) of the 51").
_GLOSS_TOKENS = 8


#: Inequality indexes whose level is a fraction below one, by their name's first word ("the Gini coefficient").
_FRACTION_INDEXES = {"gini": "Gini coefficient"}
#: How far before (tokens, within the sentence) and after an index level its index may be named.
_INDEX_REACH_BEFORE, _INDEX_REACH_AFTER = 40, 8
_FRACTION_LEVEL = re.compile(r"0?\.\d{1,3}")


def _index_level(doc: Doc, start: int) -> tuple[int, int, str] | None:
    """A level written "0.38" in a sentence that names an inequality index: "cut the Gini coefficient to 0.38",
    "inequality from 0.509 to 0.493 in the Gini coefficient", "the Gini coefficient - a measure of ... - does
    not exceed 0.35". Returns the index's name token and unit, or None."""
    if not _FRACTION_LEVEL.fullmatch(doc[start].text):
        return None
    for k in range(start - 1, max(-1, start - _INDEX_REACH_BEFORE), -1):
        if doc[k].lower_ in _FRACTION_INDEXES:
            return k, k + 1, _FRACTION_INDEXES[doc[k].lower_]
        if doc[k].is_sent_start or doc[k].text in {";", "."}:
            break
    for k in range(start + 1, min(len(doc), start + _INDEX_REACH_AFTER)):
        if doc[k].lower_ in _FRACTION_INDEXES:
            return k, k + 1, _FRACTION_INDEXES[doc[k].lower_]
        if doc[k].is_sent_start or doc[k].text in {";", "."} or doc[k].like_num and k > start + 2:
            break
    return None


#: Scale words that may stand for a whole number after a comparator (see :meth:`UnitRules._bare_scale`).
_BARE_SCALE_WORDS = frozenset({"million", "billion", "trillion"})

#: The most words a possessor names before its "'s": "the number of the Netherlands' ...", "of China's ...".
_POSSESSOR_WORDS = 3


def _after_possessor(doc: Doc, k: int, end: int) -> int:
    """The first token after a named possessor at ``k`` ("China's", "the country's", "Ontario's") when one
    opens the counted phrase of "the number of", else ``k``: "the number of China's broadband users" counts users."""
    m = k + (k < end and doc[k].lower_ == "the")
    for poss in range(m, min(end - 1, m + _POSSESSOR_WORDS)):
        if doc[poss + 1].lower_ in {"'s", "’s", "'", "’"} and doc[poss].is_alpha \
                and (doc[poss].is_title or doc[poss].is_upper or m > k):
            return poss + 2
        if not (doc[poss].is_alpha and (doc[poss].is_title or doc[poss].is_upper or m > k)):
            break
    return k


def _distinct_figure(q: Quantity) -> bool:
    """A figure unlikely to match another by chance: millions or more ("one million") or with two significant
    digits or more ("13,600"); "2,000" may be any round number."""
    return abs(q.value) >= 1_000_000 or len(f"{abs(q.value):f}".replace(".", "").strip("0")) >= 2


def _first_by_value(quantities: Iterable[Quantity]) -> dict[float, Quantity]:
    """The first quantity stated with each value."""
    first: dict[float, Quantity] = {}
    for q in quantities:
        first.setdefault(q.value, q)
    return first


_SAME_VALUE = 0.005  # relative difference within which a repeated figure is the same figure
_NEAR_VALUES = 8  # distinct stated values looked at around a repeated figure, at most


def _near_value(stated: Mapping[float, Quantity], values: list[float], value: float) -> Quantity | None:
    """The earliest stated quantity whose value is within 0.5% of ``value`` (``values``: ``stated``'s keys, sorted)."""
    low = bisect_left(values, value - _SAME_VALUE * value)
    near = [stated[v] for v in values[low:low + _NEAR_VALUES] if abs(v - value) <= _SAME_VALUE * value]
    return min(near, key=lambda q: q.start) if near else None
