"""Ranges whose second number carries the scale word alone: "$3.8-4.3 trillion", "$2 to 3 billion in aid".

The currency comes with the first number and the scale with the second; both numbers share both. The second
number has no unit of its own, so it is no quantity that could close the range by itself.
"""

from __future__ import annotations

from decimal import Decimal

from spacy.tokens import Doc

from plancli.quantity_locale import document_number_value
from plancli.quantity_parts import Quantity, _SpanIndex
from plancli.normalize.numbers import MAX_VALUE, to_float


def bare_scaled_upper(doc: Doc, index: _SpanIndex, i: int) -> tuple[Decimal, Decimal, int] | None:
    """(value, scale, end) of a digit number starting at token ``i`` followed directly by a scale word with no
    currency or unit after it ("4.3 trillion in investments"); None for anything else."""
    number = index.starting_at("NUMBER", i)
    if number is None or not doc[i].text[:1].isdigit():
        return None
    scale = index.starting_at("SCALE", number.end)
    value = document_number_value(doc, number.text, True)
    if scale is None or value is None or index.starting_at("CURRENCY", scale.end) is not None \
            or index.starting_at("UNIT", scale.end) is not None:
        return None
    return value, Decimal(scale.id_), scale.end


def share_scale(quantity: Quantity, low: Decimal, upper: tuple[Decimal, Decimal, int]) -> None:
    """Give the money amount ``quantity`` (bare value ``low``) the scale of the bare upper number and close the
    range with it, when the pair reads low to high."""
    high, scale, end = upper
    if 0 < low < high and high * scale < MAX_VALUE:
        quantity.value, quantity.value_max = to_float(low * scale), to_float(high * scale)
        quantity.extras["scale"] = scale
        quantity.end = end
