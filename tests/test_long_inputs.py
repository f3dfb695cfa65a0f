"""Helpers that stop walking a long sentence token by token (red-team item 14): the same answers as spaCy's."""

from __future__ import annotations

import plancli
from plancli.statements.readings import _sentence_end


def test_sentence_end_is_the_sentence_end_or_the_reach() -> None:
    doc = plancli.Extractor().nlp("Build 20 schools. " * 3 + "Cut 5 % and 6 % and 7 % of waste by 2030 in 40 towns.")
    assert len(list(doc.sents)) == 4
    for i in range(len(doc)):
        for reach in (i + 1, i + 3, i + 8, len(doc) + 5):
            assert _sentence_end(doc, i, reach) == min(doc[i].sent.end, reach), (i, reach)


def test_numbered_lines_keep_their_sentences() -> None:
    """Page.line numbers glued to the text ("1.5to ..."): each record's sentence is its own line's."""
    text = "".join(f"{i // 30 + 1}.{i % 30 + 1}to reduce emissions by {i + 10} tonnes\n" for i in range(60))
    records = plancli.extract(text, published="2025-06-01")
    assert records and all(r.text in r.sentence for r in records)
