"""span_text: ``doc[start:end].text`` read from the doc's text, for every token range."""

from __future__ import annotations

import spacy

from plancli.statements.common import TEXT_KEY, span_text

TEXT = "Binhai  District will plant 2 million trees by 2030.\n\nMain targets:\n- 12 new parks;\n  - 40%  of power "


def test_span_text_equals_the_span_text_for_every_range() -> None:
    nlp = spacy.blank("en")
    for keep_text in (False, True):
        doc = nlp.make_doc(TEXT)
        if keep_text:
            doc.user_data[TEXT_KEY] = TEXT
        n = len(doc)
        for start in range(n + 1):
            for end in range(n + 2):
                assert span_text(doc, start, end) == doc[start:end].text, (start, end)


def test_span_text_of_an_empty_doc() -> None:
    assert span_text(spacy.blank("en").make_doc(""), 0, 3) == ""
