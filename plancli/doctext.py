"""A doc's text without rebuilding it: ``Doc.text`` joins every token on each call (milliseconds a document).

plancli's extractor keeps the text it made each doc from under :data:`TEXT_KEY`; every component that needs
the whole text reads it with :func:`doc_text`. This module imports nothing heavy, so the extractor and the
quantity modules import it without a cycle.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: Where a doc may keep the text it was made from (``nlp.make_doc(text)``), to spare rebuilding ``doc.text``.
TEXT_KEY = "plancli.text"


def doc_text(doc: Doc) -> str:
    """``doc.text`` without rebuilding it when the doc keeps the text it was made from under :data:`TEXT_KEY`
    (checked against the last token's end, so a doc made from another text is never given the wrong one)."""
    found = doc.user_data.get(TEXT_KEY)
    n = len(doc)
    if isinstance(found, str) and n:
        last = doc[n - 1]
        if len(found) == last.idx + len(last.text_with_ws):
            return found
    return doc.text
