"""Numbers read by the document's own convention: a text that writes a decimal comma ("95,9 percent") groups its
thousands with dots ("179.549 new cars"); every other text is read the English way ("1,000", "3.5").

The decision is made once per document, from unambiguous evidence only (see
:func:`plancli.normalize.numbers.decimal_comma_evidence`), and kept in the document's ``user_data``.
"""

from __future__ import annotations

from decimal import Decimal

from spacy.tokens import Doc

from plancli.doctext import doc_text
from plancli.normalize.numbers import decimal_comma_evidence, parse_continental
from plancli.quantity_parts import _number_value

#: The ``Doc.user_data`` key of the per-document decision.
_KEY = "plancli_decimal_comma"


def document_number_value(doc: Doc, text: str, before_scale: bool = False) -> Decimal | None:
    """The value of the number surface ``text`` in ``doc``: read continentally when the document writes a
    decimal comma and the surface has that form, else as English. A dot number before a scale word
    (``before_scale``: "1.125 billion") is English in any text: continental writers put "1,125 billion"."""
    if before_scale and "," not in text:
        return _number_value(text)
    if text[:1].isdigit() and ("," in text or "." in text) and _decimal_comma(doc):
        value = parse_continental(text)
        if value is not None:
            return value
    return _number_value(text)


def _decimal_comma(doc: Doc) -> bool:
    decided = doc.user_data.get(_KEY)
    if decided is None:
        decided = doc.user_data[_KEY] = decimal_comma_evidence(doc_text(doc))
    return bool(decided)
