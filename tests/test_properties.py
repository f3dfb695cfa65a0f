"""Hypothesis properties: any text never raises, offsets are exact, numbers are finite, records are small.

The example counts are modest so ``pytest`` stays fast; ``HYPOTHESIS_PROFILE=long pytest
tests/test_properties.py`` runs 10,000 examples of each property instead.
"""

from __future__ import annotations

import json
import math
import os

from conftest import SAMPLES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

LONG = os.environ.get("HYPOTHESIS_PROFILE") == "long"


def examples(count: int) -> int:
    """``count`` normally, 10,000 in the long profile."""
    return 10_000 if LONG else count

# Fragments of the genre, so generated texts hit the interesting code paths, not only noise.
FRAGMENTS = [
    "By 2025,", " the city will", " more than", " 1,000", " 3.5", " billion", " yuan", " ($", "1.48 billion)",
    " percent", "%", " of GDP", ".", ";", ":", "\n", "\n\n", " goals:", " It is to", " By then,", " top 20",
    " 14th Five-Year Plan (2021-25)", " within this year", " Rs", " crore", " €", " 5-6%", " between 5 and 6",
    " projects", " people", " km²", " 5G", " 12+1", " “one hub and four centers”", " stood at", " FY26",
    " Updated : 2022-05-30", " twenty-five", " a million", " No. 1", " 10,000-meter-deep", "balance.Coordination",
    " 85%;The", " up to", " or more", " (", ")", "-", " ", "\u00a0", "\r\n", "\t",
]
genre_text = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=12), max_size=40).map("".join)


def _check(extractor, text: str) -> None:
    for record in extractor.extract(text):
        assert math.isfinite(record.value)
        assert record.value_max is None or math.isfinite(record.value_max)
        assert len(json.dumps(record.to_dict(), ensure_ascii=False, allow_nan=False).encode()) <= 2000
        assert 0 <= record.start < record.end <= len(text)
        assert text[record.start:record.end] == record.text
        assert record.text.strip() == record.text
        if record.value_max is not None:
            assert record.value_max > record.value
        if record.deadline is not None:
            assert record.deadline.start is None or record.deadline.start <= record.deadline.end


@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=300))
def test_any_text_never_raises_and_offsets_are_exact(extractor, text):
    _check(extractor, text)


@settings(max_examples=examples(250), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=genre_text)
def test_genre_like_text_never_raises_and_offsets_are_exact(extractor, text):
    _check(extractor, text)


def _rule_sentences() -> list[str]:
    """Every sentence of the table-driven rule tests: written in the genre, each reaching some rule's deep path."""
    from test_rules import NEGATIVE_ROWS, ROWS
    from test_statements import RULE_ROWS

    return sorted({text for text, *_ in ROWS} | {text for text, _ in NEGATIVE_ROWS}
                  | {row[0] for row in RULE_ROWS.values()})


# Articles stitched from the rule tables' sentences, in any order, joined as prose, lines or paragraphs and cut
# anywhere: rules meet each other's sentences, as in a real article (a crash on one real page got past the
# character-level properties above).
stitched_text = st.tuples(
    st.lists(st.sampled_from(_rule_sentences()), min_size=1, max_size=8),
    st.lists(st.sampled_from([" ", "\n", "\n\n", " - ", ", which was ", ": "]), min_size=8, max_size=8),
    st.integers(min_value=0, max_value=2000),
).map(lambda parts: "".join(s + sep for s, sep in zip(parts[0], parts[1]))[parts[2]:])


@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=stitched_text)
def test_stitched_rule_sentences_never_raise_and_offsets_are_exact(extractor, text):
    _check(extractor, text)


@settings(max_examples=examples(20), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(min_value=0, max_value=4000), sample=st.sampled_from(sorted(SAMPLES.glob("*.txt"))))
def test_truncated_samples_keep_exact_offsets(extractor, cut, sample):
    _check(extractor, sample.read_text(encoding="utf-8")[:cut])


@settings(max_examples=examples(200), deadline=None)
@given(text=st.text(alphabet=st.sampled_from("ab .,;A1\n"), max_size=400), limit=st.integers(min_value=1, max_value=60),
       run_on=st.integers(min_value=1, max_value=60))
def test_pieces_cover_the_text_in_order_within_the_limits(text, limit, run_on):
    from plancli.extract import split_text

    pieces = split_text(text, limit, run_on)
    assert "".join(piece for _, piece in pieces) == text
    assert all(piece for _, piece in pieces) or pieces == [(0, "")]
    for offset, piece in pieces:
        assert text[offset:offset + len(piece)] == piece
        assert len(piece) <= limit or len(pieces) == 1
