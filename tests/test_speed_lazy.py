"""The statement rooms' on-demand readings give what reading everything up front gives.

* :class:`~plancli.statements.actor.Actors` reads a sentence's names only when a record, a later sentence's
  carried subject or the document's actor needs them (a carried subject only from the names in that role);
  every sentence's names, carried subject and the document's actor equal those of one pass over all
  sentences.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from plancli.pipeline import build_pipeline
from plancli.statements import actor as actor_room
from plancli.statements.common import doc_text

ROOT = Path(__file__).resolve().parents[1]
CORPUS = sorted([*ROOT.glob("samples/*.txt"), *ROOT.glob("tests/devsets/*/docs/*.txt")], key=lambda p: p.as_posix())

# Texts in the genre: paragraphs that go on about their subject or start afresh, headings, a dateline.
TEXTS = [
    "HARBOR CITY, May 3 (Coast News) -- The Harbor Authority said on Monday it will add 4 berths by 2027.\n\n"
    "It also plans to dredge 12 km of channel. The Harbor Authority expects 2 million containers.\n\n"
    "Port Upgrades\n\nMinistry of Transport officials said 300 jobs would follow. Vesta Shipping will hire 80.",
    "Ruvania's National Water Plan aims to cut water losses by 20% by 2030.\n"
    "Meanwhile, Ruvania will build 5 dams. The Minister for Energy and Water said 2 GW will be added.\n\n"
    "Source: Daily Ledger\nOrvano Construction announced it will build 500 homes. GW of capacity: 3.",
    "Binhai District will open 30 new clinics by 2026. Officials in Binhai said work starts soon.\n"
    "The district aims to train 400 nurses. Binhai District Health Bureau will hire 90 doctors.",
    "",
]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline()


def _eager(actors: actor_room.Actors, doc: Doc, place: str | None) -> tuple[dict[int, object], dict[int, str],
                                                                               str | None]:
    """Every sentence's names, carried subject and the document's actor, read in one pass in text order."""
    reader = actors._reader
    tokens, texts = reader.doc, reader.texts
    by_sentence: dict[int, tuple[actor_room.Name, ...]] = {}
    carried: dict[int, str] = {}
    last: str | None = None
    for index, sent in enumerate(doc.sents):
        start, end = sent.start, sent.end
        if actor_room._opens_paragraph(tokens, start, end) and (
                actor_room._is_break(tokens[start:end], texts[start:end], reader.words.story_words)
                or not actor_room._refers_back(tokens[start:start + 3], reader.vocab)):
            last = None
        names = by_sentence[index] = tuple(reader.names(start, end))
        if last is not None:
            carried[index] = last
        last = next((n.actor for n in names if n.role in ("subject", "speaker")), last)
    return by_sentence, carried, actor_room._document_actor(len(doc), by_sentence, place)


def test_actors_on_demand_equal_one_pass(nlp: Language) -> None:
    targets = nlp.get_pipe("plancli_targets")
    texts = [*TEXTS, *(path.read_text(encoding="utf-8") for path in CORPUS)]
    checked = 0
    for doc in nlp.pipe(texts):
        text = doc_text(doc)
        place, _ = actor_room._dateline(text[:actor_room._DATELINE_CHARS])
        build = lambda: actor_room.Actors.build(doc, text, {}, targets.vocab, targets.actor_words)  # noqa: E731
        by_sentence, carried, document = _eager(build(), doc, place)
        # The document's actor first (read from few sentences), then each sentence from the last one back.
        actors = build()
        assert actors.document == document
        for index in reversed(range(len(by_sentence))):
            assert actors.carried(index) == carried.get(index)
            assert actors.names(index) == by_sentence[index]
        reader = actors._reader
        for index, sent in enumerate(doc.sents):
            assert reader.subject(sent.start, sent.end) == next(
                (n.actor for n in by_sentence[index] if n.role in ("subject", "speaker")), None)
        # A record's actor, asked in text order.
        actors = build()
        for index, sent in enumerate(doc.sents):
            for name in by_sentence[index]:
                expected = next((n.actor for n in reversed(by_sentence[index])
                                 if n.start < name.start + 1 and n.role in ("subject", "speaker", "source")), None)
                if expected is not None:
                    assert actors.record(sent, name.start + 1, None) == expected
        checked += document is not None
    assert checked >= 3  # the texts do have document actors


def test_span_index_from_rows_equals_from_spans(nlp: Language) -> None:
    """The quantity finder's index over the ruler's rows (spans made when read) answers as one over spans."""
    from plancli.matcher import ruler_rows
    from plancli.pipeline import SPANS_KEY
    from plancli.quantity_parts import _CONTEXT_LABELS, _SpanIndex

    texts = [*TEXTS, *(path.read_text(encoding="utf-8") for path in CORPUS[:10])]
    for doc in nlp.pipe(texts):
        strings = doc.vocab.strings
        labels = {strings[label]: label for label in _CONTEXT_LABELS}
        rows = ruler_rows(doc, SPANS_KEY)
        assert rows is not None
        spans = [span for span in doc.spans[SPANS_KEY] if span.label in labels]
        lazy, eager = _SpanIndex((), labels, doc, rows), _SpanIndex(spans, labels)

        def same(a: object, b: object) -> bool:
            key = lambda s: None if s is None else (s.start, s.end, s.label_, s.id_)  # noqa: E731
            return key(a) == key(b)

        for label in _CONTEXT_LABELS:
            for i in range(len(doc) + 1):
                assert same(lazy.covering(i, label), eager.covering(i, label))
                assert same(lazy.starting_at(label, i), eager.starting_at(label, i))
                assert same(lazy.ending_at(label, i), eager.ending_at(label, i))
            assert lazy.covered((label,)) == eager.covered((label,))
            assert [(s.start, s.end) for s in lazy.longest(label)] == [(s.start, s.end) for s in eager.longest(label)]
            assert [(s.start, s.end, s.id_) for s in lazy.by_label.get(label, ())] == \
                [(s.start, s.end, s.id_) for s in eager.by_label.get(label, ())]
            made = lazy.by_label.get(label, ())
            for i in range(len(doc)):
                found = lazy.covering(i, label)
                assert found is None or any(span is found for span in made)  # one Span per match
