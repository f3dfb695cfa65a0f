"""Counts of things whose size is a hyphenated money figure: "six trillion-yuan industries", "eight
100-billion-yuan enterprises", "about 80 10-billion-yuan projects".

The money figure is part of the counted noun (a class of industry, enterprise or project by its output or
investment), not an amount: the quantity is the count before it. Without a count the figure stays an amount
("a 50-billion-yuan industry", "the first trillion-yuan industry").
"""

from __future__ import annotations

from decimal import Decimal
from typing import Protocol

from spacy.tokens import Doc, Span

from plancli.quantity_parts import Quantity, _bounded_quantity, _number_value, _SpanIndex

_HYPHENS = frozenset({"-", "–"})
_ARTICLES = frozenset({"a", "an"})
_GRADE_WORDS = frozenset({"level", "class", "scale", "grade"})  # "100-billion-yuan-level": a translation's grade


class _NounRules(Protocol):
    def _currency_after(self, doc: Doc, index: _SpanIndex, i: int) -> bool: ...

    def _counted_noun(self, doc: Doc, i: int, value: float | Decimal) -> tuple[int, int, str] | None: ...


def sized_count(rules: _NounRules, doc: Doc, index: _SpanIndex, number: Span, first: int, value: Decimal,
                comparator: str) -> Quantity | None:
    """The count of ``number`` when a hyphenated money size and a counted noun follow it ("eight
    100-billion-yuan enterprises": 8 enterprises; "One trillion-yuan industry": 1 industry), else None.
    ``first``: the quantity's first token (its comparator's), ``value``: the number's value."""
    start, end = number.start, number.end
    if end >= len(doc) or start > 0 and doc[start - 1].lower_ in _ARTICLES:
        return None  # "a one trillion-dollar economy": the number is the size
    if end - start > 1 and index.starting_at("SCALE", end - 1) is not None:
        head = _number_value(doc[start:end - 1].text)  # "One trillion-yuan": "One" counts, "trillion" sizes
        if head is None or not doc[start].like_num or not doc[end - 2].whitespace_:
            return None
        value, end = head, end - 1
    elif not doc[end - 1].whitespace_:
        return None
    size_end = _money_size_end(rules, doc, index, end)
    if size_end is None or not doc[size_end - 1].whitespace_:
        return None
    noun = rules._counted_noun(doc, size_end, value)
    if noun is None or noun[0] != size_end:
        return None
    return _bounded_quantity(first, noun[1], value, noun[2], "count", comparator, end, noun[1])


def _money_size_end(rules: _NounRules, doc: Doc, index: _SpanIndex, k: int) -> int | None:
    """The end of a hyphenated money size at token ``k`` ("trillion-yuan", "100-billion-yuan"): an optional
    number, a scale word and a currency word, glued by hyphens, perhaps with a grade word ("-level"); else None."""
    if doc[k].like_num and doc[k].text[:1].isdigit():
        if not _glued_hyphen(doc, k):
            return None
        k += 2
    scale = index.starting_at("SCALE", k)
    if scale is None or scale.end != k + 1 or not _glued_hyphen(doc, k):
        return None
    currency = k + 2
    if currency >= len(doc) or not doc[currency].is_alpha or not rules._currency_after(doc, index, currency):
        return None
    if _glued_hyphen(doc, currency) and doc[currency + 2].lower_ in _GRADE_WORDS:
        return currency + 3  # "100-billion-yuan-level clusters"
    return currency + 1


def _glued_hyphen(doc: Doc, k: int) -> bool:
    """Token ``k`` is joined by a hyphen, with no space, to the token after the hyphen."""
    return k + 2 < len(doc) and doc[k + 1].text in _HYPHENS and not doc[k].whitespace_ \
        and not doc[k + 1].whitespace_


def grouped_head(number: Span, blocked: set[int], excluded: set[int]) -> Span | None:
    """The first group of a space-grouped number whose last group starts an excluded compound ("14
    100-billion-yuan sectors" is 14 sectors, not 14,100), else None."""
    if number.end - 1 not in excluded or not number.id_.startswith("space_grouped"):
        return None
    if any(i in blocked or i in excluded for i in range(number.start, number.end - 1)):
        return None
    return Span(number.doc, number.start, number.start + 1, label=number.label)
