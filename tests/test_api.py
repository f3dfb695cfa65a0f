"""The library API: extract, extract_many, the record, and the spaCy components."""

from __future__ import annotations

import dataclasses
import json

import pytest

import plancli
from plancli import Document, Target


def test_extract_returns_frozen_records_with_provenance():
    text = "Updated: 2024-01-05\n\nBy 2025, the added value of the digital economy will account for 48 percent of GDP."
    (record,) = plancli.extract(text, source="news.txt")
    assert isinstance(record, Target)
    assert (record.value, record.unit, record.kind, record.status) == (48, "percent", "share", "target")
    assert record.doc == "news.txt" and record.published == "2024-01-05"
    assert text[record.start:record.end] == record.text == "48 percent"
    assert record.sentence.startswith("By 2025,") and record.base == "GDP"
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.value = 1  # type: ignore[misc]


def test_to_dict_has_exactly_the_documented_fields_and_is_json():
    (record,) = plancli.extract("The city will invest 10 billion yuan ($1.48 billion) in roads by 2026.")
    data = record.to_dict()
    assert tuple(data) == plancli.FIELDS
    assert data["equivalent"] == {"value": 1480000000, "unit": "USD", "text": "($1.48 billion)"}
    assert data["deadline"] == {"text": "by 2026", "start": None, "end": "2026-12-31"}
    json.dumps(data)


def test_published_argument_overrides_header_and_resolves_relative_deadlines():
    text = "Updated: 2022-05-30\nThe district will sign 80 projects within this year."
    (from_header,) = plancli.extract(text)
    (overridden,) = plancli.extract(text, published="2024-02-01")
    assert from_header.deadline.end == "2022-12-31"
    assert overridden.deadline.end == "2024-12-31" and overridden.published == "2024-02-01"


def test_bad_published_date_is_a_value_error():
    with pytest.raises(ValueError):
        plancli.extract("x", published="30/05/2022")


def test_extract_many_streams_one_list_per_input_in_order():
    texts = [
        "Exports will reach 5 billion yuan by 2025.",
        "Nothing to see here.",
        Document("Imports stood at 3 billion yuan in 2022.", source="b.txt", published="2023-01-01"),
    ]
    results = list(plancli.extract_many(iter(texts)))
    assert [len(r) for r in results] == [1, 0, 1]
    assert results[0][0].status == "target" and results[2][0].status == "actual"
    assert results[2][0].doc == "b.txt" and results[2][0].published == "2023-01-01"


def test_components_work_in_a_users_pipeline():
    import spacy

    from plancli.pipeline import add_to_pipeline

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    add_to_pipeline(nlp)
    assert nlp.pipe_names == ["sentencizer", "plancli_ruler", "plancli_quantities", "plancli_targets"]
    doc = nlp("The province aims to cut coal use by 10 percent by 2027.")
    (record,) = doc._.targets
    assert (record.kind, record.direction, record.deadline.end) == ("growth", "down", "2027-12-31")


def test_factories_are_registered_with_spacy():
    from spacy.language import Language

    import plancli.pipeline  # noqa: F401

    for name in ("plancli_sentences", "plancli_quantities", "plancli_targets"):
        assert Language.has_factory(name)


def test_run_together_sentences_are_split():
    text = "Output rose 5 percent in 2022.The city will add 30 parks by 2026."
    records = plancli.extract(text, published="2023-03-01")
    assert [r.status for r in records] == ["actual", "target"]
    assert records[1].sentence == "The city will add 30 parks by 2026."


@pytest.mark.parametrize("layout", [True, False])
def test_records_of_a_piece_move_by_its_offset_and_take_the_whole_texts_date(layout: bool) -> None:
    """A piece of a long text: its records' offsets (evidence too) index the whole text, with the whole text's date."""
    from plancli.extract import _LAYOUT_KEY, _shift, get_extractor, records_from_doc
    from plancli.normalize.layout import analysis_text

    extractor = get_extractor()
    piece = ("Officials said on Monday that the province will build 120 new schools by 2027.\n\n"
             "Last year it built 35 schools, up 12 percent from 2023.")
    cleaned, offsets = analysis_text(piece, extractor.layout)
    doc = extractor.nlp.make_doc(cleaned)
    if layout:
        doc.user_data[_LAYOUT_KEY] = (piece, offsets)
    doc._.published = "unknown"
    doc = extractor.nlp(doc)
    expected = [_shift(record, 5_000, "2024-05-01") for record in records_from_doc(doc)]
    assert len(expected) >= 2 and all(record.evidence is not None for record in expected)
    assert records_from_doc(doc, offset=5_000, published="2024-05-01") == expected
