"""Numbers a machine translation garbled beyond reading.

One engine renders a full-width digit one of a Chinese source as "65,438 +0" ("1.3" comes out as
"65,438 +0.3", "10" as "65,438 +00"): neither 65,438 nor the "+0..." after it is a figure of the story.
"""

from __future__ import annotations

from spacy.tokens import Doc

from plancli.doctext import doc_text

#: The surface that stands for a full-width "1".
_GARBLED_ONE = frozenset({"65,438", "65438"})


def garbled_tokens(doc: Doc) -> set[int]:
    """Token indices of every "65,438 +0..." garble: the 65,438 and the signed number after it."""
    out: set[int] = set()
    if "+0" not in doc_text(doc):
        return out  # the garble is rare: one scan of the text in C before any token is looked at
    for i in range(len(doc) - 1):
        if doc[i].text in _GARBLED_ONE and doc[i + 1].text.startswith("+0"):
            out.update((i, i + 1))
    return out
