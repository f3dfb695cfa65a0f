"""The ``plancli_quantities`` component: number spans + unit spans -> quantities.

It reads the span ruler's matches (``doc.spans["plancli"]``) and assembles
each NUMBER with what stands around it: a comparator before ("more than"), a
currency symbol before or a scale, currency, percent, unit or counted noun
after, a range ("5 to 6 percent"), a comparator after ("or more") and a
parenthetical gloss in another currency ("($1.48 billion)"). Numbers inside a
DEADLINE or NOT_QUANTITY match, years and bare numbers are dropped.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from spacy.tokens import Doc, Span

from plancli.doctext import doc_text
from plancli.normalize.currencies import (
    cldr_currencies,
    currency_families,
    dollar_countries,
    merged_currencies,
    shared_words,
)
from plancli.normalize.numbers import (
    MAX_VALUE,
    singular,
    split_glued,
    to_float,
)
from plancli.normalize.units import UnitVocabulary, lookup_unit, rate_unit
from plancli.matcher import ruler_rows
from plancli.patterns import PatternSet

#: Scale words that are single letters ("5m", "$3k") only count next to a currency.
from plancli.quantity_parts import (
    RATE_LEADS,
    Quantity,
    _AMBIGUOUS_SCALES,
    _CONTEXT_LABELS,
    _DURATIONS,
    _GLUED_ONLY_UNITS,
    _GLUED_RANGE,
    _GLUED_SCALED_RANGE,
    _SpanIndex,
    _UNIT_LABELS,
    _VERB_LABELS,
    _ZERO_PADDED,
    _after_from,
    _alias_map,
    _bounded_quantity,
    _is_fraction_or_multiple,
    _is_plural,
    _looks_like_year,
    _number_value,
    _quoted_words,
    _skip_space,
)
from plancli.quantity_garble import garbled_tokens
from plancli.quantity_locale import document_number_value
from plancli.quantity_ranges import bare_scaled_upper, share_scale
from plancli.quantity_sized import grouped_head, sized_count
from plancli.quantity_units import _PARTITIVE_DETERMINERS, _PERIOD_WORDS, _SLASH_FRACTION, UnitRules, _paragraph_number


def _spelled_multiplier(doc: Doc, quantity: Quantity) -> Decimal:
    """The "hundred" or "thousand" that ends a spelled number ("five thousand people": 1000), else 1."""
    end = quantity.noun_start if quantity.noun_start is not None else quantity.end
    last = doc[end - 1].lower_ if quantity.start < end else ""
    return Decimal({"hundred": 100, "thousand": 1000}.get(last, 1))


class QuantityFinder(UnitRules):
    """Assemble quantities from span-ruler matches; results go to ``doc._.quantities``."""

    def __init__(self, patterns: PatternSet, spans_key: str) -> None:
        self.spans_key = spans_key
        self.scales = {alias: Decimal(key) for alias, key in _alias_map(patterns.lexicon("scales")).items()}
        self.currency_aliases = _alias_map(patterns.lexicon("currencies"))
        # Aliases written in capitals: "SH2" (a road) is no "Sh" (shillings), "RMB5 billion" is yuan.
        self.capital_aliases = frozenset(alias for aliases in patterns.lexicon("currencies").values()
                                         for alias in aliases if alias.isupper())
        cldr = cldr_currencies(patterns)
        self.currencies = merged_currencies(patterns.lexicon("currencies"), cldr)
        self.currency_letters = _alias_map(patterns.lexicon("currency_letters"))
        self.dollars = dollar_countries(patterns.lexicon("dollar_countries"), patterns.words("local_government_words"))
        self.shared_currency_words = shared_words(patterns.lexicon("shared_currency_words"))
        self.currency_families = currency_families(cldr, self.shared_currency_words.values())
        self.unit_aliases = _alias_map(patterns.lexicon("units"))
        self.percent_aliases = _alias_map(patterns.lexicon("percents"))
        enumeration = patterns.lexicon("enumeration_nouns")
        self.enumeration_nouns = frozenset(w.lower() for w in enumeration.get("enumeration", ()))
        self.count_modifiers = frozenset(w.lower() for w in enumeration.get("count_modifiers", ()))
        year_words = patterns.lexicon("year_words")
        self.year_before = frozenset(w.lower() for w in year_words.get("before", ()))
        self.year_nouns = frozenset(w.lower() for w in year_words.get("nouns_after", ()))
        self.age_nouns = frozenset(w.lower() for w in year_words.get("ages", ()))
        self.plurals: Mapping[str, str] = patterns.lexicon("plurals")
        self.implicit_units = _alias_map(patterns.lexicon("implicit_units"))
        non_count = patterns.lexicon("non_count_nouns")
        self.non_count = frozenset(w for words in non_count.values() for w in words)
        self.money_nouns = patterns.words("money_nouns")
        # Word lists of the fraction and multiple rules (patterns/lexicon/<name>.json).
        self.frequency_after = patterns.words("frequency_after")
        self.duration_measures = patterns.words("duration_measures")
        self.comparator_fillers = patterns.words("comparator_fillers")
        self.negation_stops = patterns.words("negation_stops")
        self.phrase_fillers = frozenset(patterns.lexicon("comparator_fillers").get("after_phrases", ()))
        self.list_bullets = patterns.words("list_bullets")
        time_reference = patterns.lexicon("time_reference_words")
        self.time_before = frozenset(time_reference.get("before", ()))
        self.time_after = frozenset(time_reference.get("after", ()))
        self.time_after_opening = frozenset(time_reference.get("after_opening", ()))
        self.not_fraction_before = patterns.words("not_fraction_before")
        self.fraction_followers = patterns.words("fraction_followers")
        self.dimension_words = patterns.words("dimension_words")
        self.down_words = patterns.words("direction_down")
        self.reduction_links = patterns.words("reduction_links")
        self.cut_list_links = patterns.words("cut_list_links")
        self.slash_labels = patterns.words("slash_labels")
        self.slash_alternatives = patterns.words("slash_alternatives")
        self.multiple_linkers = patterns.words("multiple_linkers")
        self.bare_rate_followers = patterns.words("bare_rate_followers")
        linkers = patterns.lexicon("elided_unit_linkers")
        self.elided_before_number = frozenset(linkers.get("before_number", ()))
        self.elided_before_of = frozenset(linkers.get("before_of", ()))
        self.elided_not_antecedents = frozenset(linkers.get("not_antecedents", ()))
        self.breakdown_openers = frozenset(linkers.get("breakdown_openers", ()))
        compound = patterns.lexicon("compound_heads")
        self.compound_heads = frozenset(w.lower() for w in compound.get("heads", ()))
        self.not_compound_modifiers = frozenset(w.lower() for w in compound.get("not_modifiers", ()))
        self.adjective_endings = tuple(compound.get("adjective_endings", ()))
        self.labour_modifiers = frozenset(w.lower() for w in compound.get("labour_modifiers", ()))
        indexes = patterns.lexicon("market_indexes")
        self.point_words = frozenset(indexes.get("points", ()))
        self.index_words = frozenset(indexes.get("index_words", ()))
        self.headline_verbs = patterns.words("headline_verbs")
        self.goal_nouns = patterns.words("goal_nouns")
        self.unit_vocab = UnitVocabulary.from_patterns(patterns)
        self._surfaces: dict[str, tuple[str, str] | None] = {}  # see _surface_unit
        self._quote_kinds: dict[int, int] = {}  # see _quoted_words

    def __call__(self, doc: Doc) -> Doc:
        doc._.quantities = self.find(doc)
        return doc

    # -- assembly -----------------------------------------------------------------

    def _subject_noun(self, doc: Doc, index: _SpanIndex, first: int, j: int, value: Decimal
                      ) -> tuple[int, int, str] | None:
        """The counted noun of a bare number that ends its clause as the level its subject reaches or runs at
        ("Annual visitors to the park will rise to 33,000 per year", "Passenger trips reached 1.2 billion
        a year"): the plural noun among the first words of the sentence, with no other number between it
        and this one. Small numbers ("over 2°C") and numbers with a sign after them never take it."""
        k = _skip_space(doc, j)
        if value < 100 or k < len(doc) and not (doc[k].is_alpha or doc[k].text in {".", ",", ";"}):
            return None
        rate = k + 1 < len(doc) and doc[k].lower_ in RATE_LEADS \
            and singular(doc[k + 1].lower_, self.plurals) in _PERIOD_WORDS
        reach = first > 0 and (doc[first - 1].lower_ in {"to", "reach", "reached", "reaches", "exceed", "exceeded"}
                               or index.ending_at("PREDICATE", first) is not None)
        if not (rate or reach) or not doc.has_annotation("SENT_START"):
            return None
        clause_start = self._clause_start(doc, index.sentence_bounds(doc, first)[0], first)
        for i in range(clause_start, min(first, clause_start + _SUBJECT_REACH)):
            token = doc[i]
            if token.like_num or index.covering(i, "NUMBER") is not None:
                return None
            if (i == clause_start or doc[i - 1].lower_ not in _DETERMINERS) and any(
                    (span := index.covering(i, label)) is not None and doc[span.end - 1].lower_ != "of"
                    for label in _VERB_LABELS):
                return None  # the verb came first: the noun is no subject ("a total of", "the scale of", "the
                # total scale of" are nouns)
            # the clause's first word may be capitalised and have a participle after it: "People receiving ..."
            if token.is_alpha and (token.is_lower or i == clause_start and token.is_title) \
                    and _is_plural(token.lower_, self.plurals) \
                    and token.lower_ not in self.non_count and (i + 1 >= len(doc) or not doc[i + 1].is_lower
                                                               or doc[i + 1].lower_ in {"to", "in", "of", "at", "on",
                                                                                        "will", "are", "were", "have"}
                                                               or i == clause_start and doc[i + 1].lower_.endswith("ing")):
                if index.covers_any("NUMBER", i + 1, first):
                    return None
                return i, i + 1, singular(token.lower_, self.plurals)
        return None

    @staticmethod
    def _clause_start(doc: Doc, sentence_start: int, first: int) -> int:
        """Where the clause holding token ``first`` starts: after the last comma or semicolon before it in the
        sentence ("By the end of 2025, the charging piles in the city will reach 700,000") and a joining
        "and"/"while" after that break (", and the swap stations will reach 310")."""
        start = sentence_start
        for k in range(first - 1, max(sentence_start, first - _CLAUSE_REACH) - 1, -1):
            if doc[k].text in {",", ";"}:
                start = k + 1
                break
        while start < first and (doc[start].is_space or doc[start].lower_ in {"and", "while", "but"}):
            start += 1
        return start

    def _borrow_scale(self, doc: Doc, index: _SpanIndex, quantity: Quantity, j: int, value: Decimal) -> None:
        """A money amount without a scale word takes the next amount's across a range word ("$89 to $93 billion",
        "$89 — $93 billion", "between $2 and $3 million", never a bare "and": "$12 and $13 million in grants")
        when the pair then reads low to high."""
        upper = self._next_quantity(doc, index, j + 1)
        if upper is None and (bare := bare_scaled_upper(doc, index, _skip_space(doc, j + 1))) is not None:
            share_scale(quantity, value, bare)  # "$3.8-4.3 trillion in investments"
            return
        if upper is None or upper.unit != quantity.unit:
            return
        upper_scale = Decimal(upper.extras.get("scale", 1))  # type: ignore[arg-type]
        if upper_scale > 1 and 0 < value * upper_scale <= Decimal(str(upper.value)):
            quantity.value = to_float(value * upper_scale)
            quantity.extras["scale"] = upper_scale

    @staticmethod
    def _sign(doc: Doc, number: Span) -> tuple[int, str, int]:
        """(sign, number text without it, start): "minus 5", "minus-5", and "-1.3%" / "+0.2%" written apart
        from what comes before (a market table's moves); "3.70%-4.20%" keeps its hyphen for the range.
        A glued "~" ("~1.2mm") or "sub-" ("sub-7 nanometer") is dropped here; :meth:`_assemble` reads it as
        the comparator ("~" or "<")."""
        text, start = number.text, number.start
        for mark in ("~", "sub-", "Sub-"):
            if text.startswith(mark) and text[len(mark):len(mark) + 1].isdigit():
                text = text[len(mark):]
        if start > 0 and doc[start - 1].lower_ == "minus":
            return -1, text, start - 1
        if text.lower().startswith("minus-"):
            return -1, text[len("minus-"):], start
        if len(number) == 1 and len(text) > 1 and text[0] in "-−+" and text[1].isdigit() and (
                start == 0 or doc[start - 1].whitespace_ or doc[start - 1].text in {"(", ":"}):
            if _range_dash(doc, start):
                return 1, text[1:], start  # "by 40 -50%": a spaced range dash, no minus ("Stoxx 50 -1.3%" keeps it)
            return (1 if text[0] == "+" else -1), text[1:], start
        return 1, text, start

    def _index_points(self, doc: Doc, index: _SpanIndex, start: int, j: int) -> int | None:
        """The end of "points" after a number that measures a stock index, or None.

        The sentence names an index ("the Nasdaq ... 58.06 points") or a move verb stands
        right before the number ("rose 64.06 points"); "a 10-point plan" never gets here.
        """
        k = _skip_space(doc, j)
        if k >= len(doc) or doc[k].lower_ not in self.point_words or k != j:
            return None
        moved = any(index.ending_at(label, start) is not None for label in ("DIRECTION_UP", "DIRECTION_DOWN")) or (
            start > 0 and doc[start - 1].lower_ in {"up", "down"})
        if moved:
            return k + 1
        sentence = index.sentence_bounds(doc, start) if doc.has_annotation("SENT_START") else (max(0, start - 30), k)
        return k + 1 if index.has_word(doc, "index_words", self.index_words, *sentence) else None

    def _dollar_symbol(self, symbol: str) -> str | None:
        """The currency of a dollar sign with its country letters ("HK$", "C$", "A$", "US$"), or None."""
        return self.currencies.code_for_symbol(symbol) or self.currency_aliases.get(symbol.lower())

    def find(self, doc: Doc) -> list[Quantity]:
        strings = doc.vocab.strings  # label ids: "PERCENT" is one of spaCy's symbols, not a string hash
        labels = {strings[label]: label for label in _CONTEXT_LABELS}
        rows = ruler_rows(doc, self.spans_key)
        if rows is not None:  # spans only for the labels read here, when read (the ruler's rows hold them all)
            index = _SpanIndex((), labels, doc, rows)
        else:
            index = _SpanIndex(doc.spans[self.spans_key] if self.spans_key in doc.spans else [], labels)
        blocked = index.covered(("DEADLINE",))
        blocked.difference_update(self._not_years(doc, index))
        excluded = self._excluded_tokens(doc, index)
        excluded.update(garbled_tokens(doc))  # "65,438 +0.3": a machine translation's "1.3"
        consumed: set[int] = set()
        found: list[Quantity] = []
        for number in index.longest("NUMBER"):
            head = grouped_head(number, blocked, excluded)
            number = number if head is None else head  # "14 100-billion-yuan sectors": 14 and a size
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
            if quantity is None or _exchange_rate_base(doc, quantity):
                continue
            consumed.update(range(quantity.start, quantity.end))
            self._attach_equivalent(doc, index, quantity, consumed)
            found.append(quantity)
        found.sort(key=lambda q: q.start)
        if any("millions" in q.extras for q in found):
            self._counted_millions(doc, found)
        if any("elided" in q.extras for q in found):
            found = self._resolve_elided(doc, found)
        _shared_comparators(doc, index, found, self.comparator_fillers, self.phrase_fillers, self.negation_stops)
        shared = {(q.extras["shared_currency"], q.unit) for q in found if "shared_currency" in q.extras}
        if shared:
            mentions = self.dollars.mentions(doc_text(doc))
            for family, default in shared:
                local = self.dollars.local_currency(mentions, default, self.currency_families[family])
                if local is not None:
                    for q in found:
                        if q.extras.get("shared_currency") == family and q.unit == default:
                            q.unit = local
        return found

    def _not_years(self, doc: Doc, index: _SpanIndex) -> set[int]:
        """Numbers in a deadline match that are no years: a four-digit number outside 1900-2100 ("in 1500
        centres"); the second number of a "year - yy" match before a percent or not after the year ("plan into
        2030 - 30% of sales"; "2025-26" is a span of years)."""
        out: set[int] = set()
        for span in index.by_label.get("DEADLINE", ()):
            out.update(k for k in range(span.start, span.end) if doc[k].text.isdigit() and len(doc[k].text) == 4
                       and not 1900 <= int(doc[k].text) <= 2100)
            if span.id_ == "next_n_years" and doc[span.start].lower_ in {"to", "from", "at"} and any(
                    doc[k].lower_ in self.age_nouns for k in range(max(0, span.start - 6), span.start)):
                out.update(range(span.start, span.end))  # "raise life expectancy to 73 years": an age
            if span.id_ != "year_range_short":
                continue
            last = span.end - 1
            year = doc[last - 2].text if last >= 2 else ""
            if index.starting_at("PERCENT", span.end) is not None or (
                    year.isdigit() and doc[last].text.isdigit() and int(doc[last].text) <= int(year[-2:])):
                out.add(last)
        return out

    def _opens_line(self, doc: Doc, i: int) -> bool:
        """Whether token ``i`` opens a line or a bulleted list item (after "•", "-" or a line break)."""
        k = i - 1
        while k >= 0 and doc[k].is_space and "\n" not in doc[k].text:
            k -= 1
        return k < 0 or "\n" in doc[k].text or doc[k].text in self.list_bullets and (
            k == 0 or doc[k - 1].is_space or "\n" in doc[k - 1].whitespace_)

    def _excluded_tokens(self, doc: Doc, index: _SpanIndex) -> set[int]:
        """Number tokens inside NOT_QUANTITY matches, and spelled numbers inside quotes (slogans)."""
        excluded: set[int] = set()
        meaningful = index.covered(("CURRENCY", "COMPARATOR", "SCALE", "RANK", "PERCENT", "UNIT"))
        for span in index.by_label.get("NOT_QUANTITY", ()):
            if span.label_ != "NOT_QUANTITY":
                continue
            if span.id_ in {"name_with_number", "brand_with_number"} and span.start in meaningful:
                continue
            if span.id_ == "name_with_number" and self._opens_line(doc, span.start):
                continue  # "• Brought 312 empty homes back into use": a list item's verb, no name
            if span.id_ in {"name_with_number", "titled_name_with_number"} and span.end in meaningful \
                    and not doc[span.end].is_title:
                continue  # "in Shandong for 92 million yuan" measures; "Holding 1095 Days No. 1" is a name
            excluded.update(range(span.start, span.end))
        excluded.update(_quoted_words(doc, self._quote_kinds))
        return excluded

    def _assemble(self, doc: Doc, index: _SpanIndex, number: Span, nested: bool = False) -> Quantity | None:
        """The quantity around ``number``. A ``nested`` call (the second number of a range) never looks
        for a range of its own, so a chain "5-6-5-6-..." costs linear time and no recursion."""
        if number.id_ == "glued_cell":
            return self._glued_cell(number)  # "intensity7%": a table cell run into the one before
        if _is_fraction_or_multiple(number.text):
            return self._fraction_or_multiple(doc, index, number)
        if _SLASH_FRACTION.match(number.text):
            return self._slash_fraction(doc, number)  # "1/4 houses", "2/3 of adults"
        if _ZERO_PADDED.match(number.text):
            return None  # "04", "012": a line or item number (bills from PDF), never an amount
        if number.text[:1].isdigit() and _paragraph_number(doc, number.start, number.end):
            return None  # "7  Households too can take part ...": a numbered paragraph
        start, end = number.start, number.end
        text = number.text
        sign, text, start = self._sign(doc, number)
        if sign < 0 and number.text[:1] in "-−" and _percent_at(doc, number) and self._reduction_before(doc, start):
            sign = 1  # "emission reduction targets are -60% by 2030": the size of the cut
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
        elif (range_match := _GLUED_SCALED_RANGE.match(text)) is not None \
                and range_match.group(2) in self.scales:
            low, high = (Decimal(range_match.group(k).replace(",", "")) for k in (1, 3))
            if low >= high:
                return None
            value, glued_max, scale = low, high, self.scales[range_match.group(2)]  # "2.5bn-£2.8bn", "27mn-31mn"
        elif glued is not None and (glued[0] or glued[2]):
            prefix, value, suffix = glued
            if prefix:
                currency = self.currencies.code_for_symbol(prefix) or (
                    None if prefix.isupper() and prefix not in self.capital_aliases
                    else self.currency_aliases.get(prefix.lower()))
                if currency is None and prefix.isalpha() and start > 0 and doc[start - 1].text == "$" \
                        and (currency := self._dollar_symbol(prefix + "$")) is not None:
                    start -= 1  # "$US113 trillion", "$A82 million": the country after the sign
                    prefix = prefix + "$"
                if currency is None and prefix.isupper() and prefix.lower() in self.currency_letters:
                    currency, needs_scale = self.currency_letters[prefix.lower()], True  # "N55.46 billion"
                if currency is None:
                    return None  # "G20", "A380": a name, not money
                if prefix.isalpha() and prefix.lower() not in self.currency_aliases and "," not in text:
                    needs_scale = True  # "KRW250.5 billion", "RM77,200" yes, "COP30" (a conference) no
                currency_surface = prefix
            if suffix:
                suffix_key = suffix.lower()
                if suffix_key in self.scales:
                    scale = self.scales[suffix_key]
                elif suffix_key in self.unit_aliases:
                    unit, unit_type = self.unit_aliases[suffix_key], "unit"
                elif suffix_key in self.percent_aliases:
                    unit, unit_type = self.percent_aliases[suffix_key], "percent"  # "40pc"
                elif suffix == "p" and not prefix:
                    currency, currency_surface = "GBX", suffix  # "164p": a share price in pence
                elif suffix in _GLUED_ONLY_UNITS:
                    unit, unit_type = _GLUED_ONLY_UNITS[suffix], "unit"
                elif (pint_unit := lookup_unit(suffix, self.unit_vocab)) is not None:
                    unit, unit_type = pint_unit, "unit"
                else:
                    return None
                if unit_type == "unit" and (rate := self._glued_rate(doc, end, suffix)) is not None:
                    unit, end = rate  # "100km/hr": the tokenizer split the rate at its slash
        else:
            if text.lower() in self.scales and not self._bare_scale(doc, index, start):
                return None  # "million" alone (LIKE_NUM says yes): only a scale after a number
            parsed = document_number_value(  # "95,9 percent" in a text that writes decimal commas
                doc, text, index.starting_at("SCALE", end) is not None)
            if parsed is None:
                return None
            value = parsed
            if text.replace("-", "").isalpha() or text.endswith("-"):
                end, value = self._extend_spelled(doc, number, value)  # "twenty-eight thousand six hundred"
        comparator = "="

        # Left: currency symbol or code ("$", "US$", "RMB", "Rs", "KES"), then a comparator.
        left = index.ending_at("CURRENCY", start)
        if left is not None and currency is None and left.text != "won":  # "won four finals": the verb
            currency, currency_surface = left.id_, left.text
            start = left.start
            if left.text == "$" and start > 0 and doc[start - 1].is_upper and doc[start - 1].is_alpha \
                    and len(doc[start - 1]) <= 3 and doc[start - 1].text not in {"A", "I"} \
                    and (code := self._dollar_symbol(doc[start - 1].text + "$")):
                currency, currency_surface, start = code, doc[start - 1].text + "$", start - 1  # "HK $3.7 billion"
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

        if currency is None and unit is None and glued_max is None and not nested and (sized := sized_count(
                self, doc, index, number, comparator_span.start if comparator_span is not None else start, value,
                comparator_span.id_ if comparator_span is not None else "=")) is not None:
            return sized  # "eight 100-billion-yuan enterprises": 8 enterprises, not an amount
        # Right: scale words (across one line break: "$9.8\nbillion"), then the unit.
        j = end
        millions_at_rate = False
        if j + 1 < len(doc) and doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_ \
                and (hyphened := index.starting_at("SCALE", j + 1)) is not None and (currency is not None or (
                    hyphened.text.lower() not in _AMBIGUOUS_SCALES and self._measured_after(doc, index, hyphened.end))):
            j += 1  # "$1.2-billion", "Rs 45,000-crore", "13-million people"
        while (scale_span := index.starting_at("SCALE", _skip_space(doc, j))) is not None:
            word = scale_span.text.lower()
            if word in _AMBIGUOUS_SCALES and currency is None and not self._currency_after(doc, index, scale_span.end) \
                    and not self._measured_after(doc, index, scale_span.end):
                millions_at_rate = word == "m" and self._rate_after(doc, scale_span.end)  # "5m per year"
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
                    if unit in _DURATIONS and self._time_reference(doc, start, span.end):
                        return None  # "these two months", "three days after the launch": a time, not a measure
                    if unit in _DURATIONS and not self._duration_measure(doc, span.end):
                        if span.end < len(doc) and doc[span.end].is_lower and doc[span.end].is_alpha \
                                and doc[span.end].lower_ not in self.non_count:
                            return None  # "a 1 hour traffic circle": a modifier, not a measurement
                        if span.end < len(doc) and doc[span.end].lower_ == "of":
                            return None  # "within 12 months of the launch": a relative date
                    # "35 micrograms per cubic meter": a compound unit.
                    if span.end + 1 < len(doc) and doc[span.end].lower_ in {"per", "/"}:
                        denominator = index.starting_at("UNIT", span.end + 1)
                        if denominator is not None:
                            unit = rate_unit(unit, denominator.id_)
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
        if unit is None and currency is None and scale == 1 and not nested and (
                share := self._one_in_n(doc, index, start, j, value, comparator_span)) is not None:
            return share  # "one in five homes", "nine in 10 adults"
        from_baseline = _after_from(doc, start)
        # "1- 1.5 percent", "5 -6 percent": the hyphen glued to one of the two numbers
        split_dash = j < len(doc) and j == end and doc[j].like_num and (
            text.endswith(("-", "–")) or doc[j].text[:1] in "-–" and doc[j - 1].whitespace_)
        if unit is None and glued_max is None and not nested and not from_baseline and (
                split_dash or self._range_word(doc, j, between)):
            # "5 to 6 percent", "10 to 15 billion yuan": the unit (and scale) come with the second number.
            upper = self._next_quantity(doc, index, j if split_dash else j + 1)
            if upper is not None and upper.value_max is None and upper.unit_type != "rank" \
                    and not _looks_like_year(text, value):
                upper_scale = Decimal(upper.extras.get("scale", 1))  # type: ignore[arg-type]
                if upper_scale == 1 and scale == 1:
                    upper_scale = _spelled_multiplier(doc, upper)  # "four to five thousand people"
                low = value * (scale if scale != 1 else upper_scale)
                if low < MAX_VALUE and _change_then_level(doc, start, j, to_float(low * sign), upper.value,
                                                          upper.unit_type):
                    # "by 1,800 to 12,000 units": the change, in the unit of the level after it
                    return Quantity(comparator_span.start if comparator_span is not None else start, j,
                                    to_float(low * sign), upper.unit, upper.unit_type,
                                    comparator_span.id_ if comparator_span is not None else "=",
                                    extras={"scale": upper_scale})
                if low < MAX_VALUE and to_float(low) < upper.value:
                    start = comparator_span.start if comparator_span is not None else (
                        between if between is not None else start)
                    comparator = comparator_span.id_ if comparator_span is not None else upper.comparator
                    extras: dict[str, object] = {"scale": upper_scale}
                    if "shared_currency" in upper.extras:
                        extras["shared_currency"] = upper.extras["shared_currency"]
                    return _within_range(Quantity(start, upper.end, to_float(low), upper.unit, upper.unit_type,
                                                  comparator, upper.value, upper.noun_start, upper.noun_end,
                                                  extras=extras), comparator_span)
        if unit is None and from_baseline and not nested and glued_max is None and j < len(doc) \
                and doc[j].lower_ == "to" and not _looks_like_year(text, value):
            baseline = self._baseline_with_level_unit(doc, index, start, j, value, scale, comparator_span)
            if baseline is not None:
                return baseline
        if unit is None and not nested and glued_max is None and j < len(doc) and doc[j].lower_ == "of" \
                and not _looks_like_year(text, value) and text[:1].isdigit() and (
                    part := self._part_of_measure(doc, index, start, j, value, scale, comparator_span)) is not None:
            return part  # "(10.7 of 10 GW)": the part is measured in the whole's unit
        if unit is None and scale == 1 and (age_end := self._age_years(doc, start, j)) is not None:
            unit, unit_type, j = "year", "unit", age_end  # "life expectancy to 73 years"
        if unit is None and (points_end := self._index_points(doc, index, start, j)) is not None:
            unit, unit_type, j = "point", "unit", points_end  # "the Dow lost 190 points"
        if unit is None and scale == 1 and not nested and (row_unit := self._row_label_unit(doc, start, j)) is not None:
            unit, unit_type = row_unit  # "Electricity output (MW)\n1,602.32": the row label's unit
        noun_start = noun_end = None
        if unit is None and self._compound_modifier(doc, index, j):
            return None  # "one-stop services", "24-hour service", "10,000-meter-deep"
        if unit is None:
            before = comparator_span.start if comparator_span is not None else start
            noun = (self._counted_noun(doc, j, value * scale) or self._number_of(doc, start)
                    or self._partitive_noun(doc, j)
                    or (None if self._period_after(doc, j) else self._noun_before(doc, index, before, text, value)))
            if noun is None and not nested and text[:1].isdigit() and not _looks_like_year(text, value):
                noun = self._subject_noun(doc, index, before, j, value * scale)  # "Visitors ... rise to 33,000 a year"
            if noun is None:
                return self._bare_growth_rate(doc, start, j, value, scale, comparator_span) or (
                    None if nested else self._elided_count(doc, start, j, text, value, scale, comparator_span))
            noun_start, noun_end, unit = noun
            unit_type = "count"
            if noun_start == j and scale == 1 and self._glued_scale_before_noun(doc, index, j, noun_end):
                scale = Decimal(index.starting_at("SCALE", j).id_)  # type: ignore[union-attr]  # "2.7m digital sales"
            if (code := self.currencies.code_for_name(unit)) is not None:
                unit, unit_type = code, "currency"  # "eight or nine euros", "280 million of the 1.5 billion shekels"
            follows = noun_start == j
            j = max(j, noun_end) if follows else j  # "3 of the 7 new depots": the 5 is a quantity of its own
            if _looks_like_year(text, value) and scale == 1 and not (
                    follows and self._year_counts(doc, start, comparator_span, noun_end, unit)):
                return None
            enumerated = unit in self.enumeration_nouns or unit.rsplit(" ", 1)[-1] in self.enumeration_nouns
            enumerates = value < 2 or not follows or enumerated  # "four aspects", "five key priority areas"
            new_things = doc[_skip_space(doc, noun_start)].lower_ in self.count_modifiers  # "two new colleges"
            named_set = start > 0 and doc[start - 1].lower_ in _PARTITIVE_DETERMINERS  # "the five schemes"
            agents = start > 0 and doc[start - 1].lower_ == "by"  # "a plan issued by eight departments"
            if text.isalpha() and value < 10 and comparator_span is None and scale == 1 and (
                    enumerates or not new_things and (value < 4 or named_set or agents)):
                return None  # "two driving forces", "the two sides"; "seven games", "two new colleges" count
            if text.isalpha() and value < 10 and scale == 1 and enumerated:
                return None  # "around three main pillars"
        if comparator_span is not None:
            comparator, start = comparator_span.id_, comparator_span.start
        elif number.text[:1] == "~" or number.text[:4].lower() == "sub-":
            comparator = "~" if number.text[0] == "~" else "<"  # "~1.2mm", "sub-300 sq m"
        after = index.starting_at("COMPARATOR_AFTER", j)
        if after is not None and comparator == "=":
            comparator, j = after.id_, after.end
        elif comparator == "=" and j < len(doc) and doc[j].lower_ in {"above", "below"} and (
                j + 1 == len(doc) or doc[j + 1].is_punct or doc[j + 1].is_space):
            # Translated "300 billion yuan above," = more than 300 billion yuan.
            comparator, j = (">" if doc[j].lower_ == "above" else "<"), j + 1
        quantity = _bounded_quantity(start, j, value * scale * sign, unit, unit_type, comparator, noun_start, noun_end)
        if quantity is None:
            return None
        quantity.extras["scale"] = scale
        if millions_at_rate and unit_type == "unit":
            quantity.extras["millions"] = to_float(value * sign * 1_000_000)  # see _counted_millions
        if not nested and scale == 1 and unit_type == "currency" and self._range_word(doc, j, between):
            self._borrow_scale(doc, index, quantity, j, value * sign)  # "from $10 to $15 billion"
        if unit_type == "currency" and currency_surface.lower() in self.shared_currency_words:
            quantity.extras["shared_currency"] = self.shared_currency_words[currency_surface.lower()]
        if glued_max is not None:
            quantity.value_max = to_float(glued_max * scale)
            return _within_range(quantity, comparator_span)
        # "5% to 6%", "€10 billion and €15 billion": a second number with the same unit closes a range;
        # "3.70%-4.20%" (or spaced, "40% -50%"): the tokenizer keeps the hyphen on the second number.
        if not nested and not from_baseline and j < len(doc) and len(doc[j]) > 1 and doc[j].text[0] in "-–" \
                and (not doc[j - 1].whitespace_ or _range_dash(doc, j)) and (upper_number := index.starting_at("NUMBER", j)) is not None:
            upper = self._assemble(doc, index, upper_number, nested=True)
            if upper is not None and upper.unit == unit and upper.value > quantity.value and upper.value_max is None:
                quantity.value_max, quantity.end = upper.value, upper.end
        elif not nested and not from_baseline and self._range_word(doc, j, between):
            upper = self._next_quantity(doc, index, j + 1)
            if upper is not None and upper.unit == unit and upper.value > quantity.value and upper.value_max is None \
                    and not _change_then_level(doc, start, j, quantity.value, upper.value):
                quantity.value_max, quantity.end = upper.value, upper.end
                if between is not None and comparator_span is None:
                    quantity.start = between
        return _within_range(quantity, comparator_span)


#: Tokens that end a coordination gap: the next figure is the second member of the first one's list.
_COORDINATORS = frozenset({"and", "or"})
#: The most tokens between two coordinated figures of one unit ("27 months for projects involving extraction and").
_MAX_COORDINATION_GAP = 8
#: The most filler words between a comparator and its number ("up to an additional 250 MW").
_MAX_FILLERS = 2
#: Tokens that close a clause: no comparator reaches over them.
_CLAUSE_ENDS = frozenset({",", ".", ";", ":", "!", "?", "(", ")", "while", "whereas", "but", "which", "compared",
                          "from"})


def _shared_comparators(doc: Doc, index: _SpanIndex, found: list[Quantity], fillers: frozenset[str],
                        phrase_fillers: frozenset[str] = frozenset(),
                        negation_stops: frozenset[str] = frozenset()) -> None:
    """Comparators a figure gets from outside its own words (``found`` is in document order).

    A comparator a few filler words before the number ("up to an additional 250 MW", "at least by 1 percent"); a
    bound set off by commas after the counted noun ("800,000 new homes, at minimum, by 2030"); a comparator stated
    once before two figures joined by "and" or "or" ("exceed 2.2 trillion yuan and 2.4 trillion yuan
    respectively", "around two million cars and one million heat pumps", "not exceed 27 months for extraction
    and 15 months for processing"). A comma list keeps its later members bare ("more than 75% in Europe, 55% in
    Japan"): writers repeat the bound when they mean it.
    """
    previous: Quantity | None = None
    for quantity in found:
        if quantity.comparator in _NEGATED and _negated(doc, quantity.start, negation_stops):
            quantity.comparator = _NEGATED[quantity.comparator]  # "no household should pay more than 30%"
        if quantity.comparator == "=":
            bound = _comparator_over_fillers(doc, index, quantity.start, fillers, phrase_fillers) \
                or _aside_comparator(doc, index, quantity.end)
            if bound is not None:
                quantity.comparator = bound
            elif previous is not None and _coordinated(doc, previous, quantity):
                quantity.comparator = previous.comparator
        previous = quantity


#: A bound under a negation turns over: "should not spend more than" is at most, "must not fall below" at least.
_NEGATED = {">": "<=", "<": ">="}
#: Words that negate the verb before a comparator, and the modals a "no <subject>" negation runs through.
_NEGATIONS = frozenset({"not", "n't", "never"})
_MODALS = frozenset({"should", "shall", "must", "can", "could", "will", "would", "may"})
#: How far back a negation may stand from the comparator ("no hard-working family should spend more than").
_NEGATION_REACH = 8


def _negated(doc: Doc, start: int, stops: frozenset[str] = frozenset()) -> bool:
    """Whether the comparator opening at ``start`` stands under a negation in its clause: "not" or "never" a few
    words before it ("should not spend more than"), or "no <subject> <modal>" ("no family should pay more than")."""
    modal = False
    for k in range(start - 1, max(-1, start - 1 - _NEGATION_REACH), -1):
        token = doc[k]
        if token.lower_ in stops:  # lexicon negation_stops
            return False  # "did not say whether more than 500", "does not cover the more than 2,000 villages"
        if token.is_punct and token.text not in {"-", "–"} or token.like_num or token.is_sent_start and k < start - 1:
            return token.is_sent_start and token.lower_ == "no" and modal
        if token.lower_ in _NEGATIONS and doc[k + 1].lower_ not in {"only", "just", "merely"}:
            return True  # but "not only adds more than 500 homes"
        modal = modal or token.lower_ in _MODALS
        if token.lower_ == "no" and modal:
            return True
    return False


def _comparator_over_fillers(doc: Doc, index: _SpanIndex, start: int, fillers: frozenset[str],
                             phrase_fillers: frozenset[str] = frozenset()) -> str | None:
    """The comparator that ends a few ``fillers`` before ``start`` ("up to | an additional | 250 MW"), or None.
    The figure keeps its own start: the filler words belong to what it measures. A preposition of
    ``phrase_fillers`` only follows a comparator of two or more words ("at least | in | 15 hectares"): after
    one ("exceeded in 12 provinces", "brought about by 3 new laws") it opens the word's own phrase."""
    k = start
    while k > 0 and start - k < _MAX_FILLERS and doc[k - 1].lower_ in fillers:
        k -= 1
        span = index.ending_at("COMPARATOR", k)
        if span is not None:
            if len(span) < 2 and any(t.lower_ in phrase_fillers for t in doc[k:start]):
                return None
            return span.id_
    return None


def _aside_comparator(doc: Doc, index: _SpanIndex, end: int) -> str | None:
    """The bound of ", at minimum," after a figure's last token ``end``, or None."""
    if end >= len(doc) or doc[end].text != ",":
        return None
    after = index.starting_at("COMPARATOR_AFTER", end + 1)
    if after is None or after.end < len(doc) and not doc[after.end].is_punct:
        return None
    return after.id_


def _coordinated(doc: Doc, first: Quantity, second: Quantity) -> bool:
    """Whether bare ``second`` is the second member of a pair that ``first`` (with a comparator) opens: only
    "and" or "or" between them, or, for figures of one unit, a short clause of the first ending in one."""
    if first.comparator == "=" or first.value_max is not None or second.value_max is not None:
        return False
    if first.unit != second.unit and first.comparator != "~":
        return False  # "up to 500 engineers and 2,000 technicians": a limit of other things is each one's own
    opening = doc[second.start]
    if opening.is_alpha and not opening.like_num:  # the second figure has its own opener ("ramping up to 5 GW")
        return False
    gap = doc[max(first.end, first.noun_end or 0):second.start]
    if not gap or gap[-1].lower_ not in _COORDINATORS:
        return False
    return len(gap) == 1 or (first.unit == second.unit and len(gap) <= _MAX_COORDINATION_GAP and not any(
        t.lower_ in _CLAUSE_ENDS or t.is_sent_start or t.like_num for t in gap))


def _within_range(quantity: Quantity, comparator_span: Span | None) -> Quantity:
    """"within 2.5 to 4.5%", "within the 10-11 percent band": "within" a range is the range itself, both bounds
    given (comparator "=" with ``value_max``), not an upper limit as in "within 3%"."""
    if quantity.value_max is not None and comparator_span is not None \
            and comparator_span.text.lower().split()[0] == "within":
        quantity.comparator = "="
    return quantity


def _range_dash(doc: Doc, start: int) -> bool:
    """The hyphen that opens token ``start`` ("-50") joins a range to the number before it (spacing and a "%"
    skipped): "by 40 -50%", "40% -50%"; the pair must read low to high, so "Stoxx 50 -1.3%" is a move."""
    k = start - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    if k > 0 and doc[k].text == "%":
        k -= 1
    if k < 0 or not doc[k].like_num:
        return False
    low, high = _number_value(doc[k].text), _number_value(doc[start].text[1:].rstrip("%"))
    return low is not None and high is not None and low < high


#: Tokens from a clause's start in which its subject noun is looked for ("the total scale of charging piles").
_SUBJECT_REACH = 6
#: Words after which a verb-like word is a noun or adjective ("the total scale of", "its increase").
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "this", "that"})
#: Tokens back from a number in which its clause's start (a comma or semicolon) is looked for.
_CLAUSE_REACH = 25


def _exchange_rate_base(doc: Doc, quantity: Quantity) -> bool:
    """ "($1 = 0.9168 euros)": a wire story's exchange-rate note; the one unit of money before "=" is no
    figure of the story (the rate after it is read as usual)."""
    return quantity.unit_type == "currency" and quantity.value == 1 and quantity.end < len(doc) \
        and doc[quantity.end].text == "="


def _percent_at(doc: Doc, number: Span) -> bool:
    """A percent sign or word glued to or right after the number: "-60%", "-60 %", "-60 percent"."""
    return number.text.endswith("%") or number.end < len(doc) and doc[number.end].lower_ in {"%", "percent"}


def _change_then_level(doc: Doc, start: int, j: int, low: float, high: float, unit_type: str | None = None) -> bool:
    """ "raised by 50 GW to 500 GW": a change and the new level, not a range (a range is close: "by 40% to 45%").
    With the unit only after the second number (``unit_type`` given) the level must be far above the change and no
    share: "by 1,800 to 12,000 units" is one, "by 2,000 to 5,000 trips" and "by 20 to 45 percent" are ranges."""
    if unit_type is not None and (high < 5 * low or unit_type in {"percent", "percentage_point"}):
        return False
    return start > 0 and doc[start - 1].lower_ == "by" and doc[j].lower_ == "to" and high >= 2 * low


__all__ = ["Quantity", "QuantityFinder"]
