"""The fast span ruler and sentence setter give exactly what spaCy's span_ruler and the plain loop give.

Compared document by document on the samples, the development sets and
generated genre-like text (seeded, so every run checks the same documents).
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.pipeline.span_ruler import SpanRuler
from spacy.tokens import Doc

import plancli.matcher
from plancli.matcher import FastSpanRuler, WindowedMatcher, token_batches
from plancli.patterns import load_pattern_set
from plancli.pipeline import _CLOSERS, _SENT_END, RULER_NAME, SPANS_KEY, _starts_sentence, build_pipeline

ROOT = Path(__file__).resolve().parents[1]
CORPUS = sorted(
    [*ROOT.glob("samples/*.txt"), *ROOT.glob("devset*/docs/*.txt")], key=lambda path: path.as_posix()
)

# Words the patterns care about, plus ordinary genre words, to mix into generated text.
GENRE_WORDS = (
    "by in to for from at before during within until through between over the a an end of year years "
    "this next last previous same period time then that meanwhile , . : ; - – / ( ) % 2025 2030 2019 2024 "
    "25 30 14th 15th five-year Five Year plan plans period fiscal FY FY2025 Q1 H2 mid-2026 end-2027 March "
    "June Dec. 5 12 1,200 3.5 billion million half one two three twenty seventy top No. No. 1 Phase 2 "
    "5G 4K 3+2 © Copyright goals targets are as follows the following will reach increase GDP yuan "
    "Shenyang The City Province Plan Line 7 iPhone 15 China 2035 coming after efforts "
    "no later than first second quarter half middle \n \n\n “ ” \" ' !"
).split(" ")
SENTENCE_WORDS = (". ! ? … 。 ” ’ \" ' ) ] » “ ‘ ( [ « • * - – — \n \n\n   \t a The 2025 7 growth Exports ; "
                  "x Y 中").split(" ")


USER_WORDS = "goals are as : the year 2025 by in of Big Shenyang 12 % 5 five , . \n end 3".split(" ")


def genre_texts(count: int, seed: int, words: Sequence[str] = GENRE_WORDS, longest: int = 300) -> Iterator[str]:
    """Seeded random mixes: words joined by spaces, sometimes glued, sometimes split by line breaks."""
    rng = random.Random(seed)
    for _ in range(count):
        parts: list[str] = []
        for _ in range(rng.randint(1, longest)):
            parts.append(rng.choice(words))
            parts.append(rng.choice((" ", " ", " ", " ", "", "\n", "  ")))
        yield "".join(parts)


def _spans(doc: Doc) -> list[tuple[int, int, str, str]]:
    return [(span.start, span.end, span.label_, span.id_) for span in doc.spans.get(SPANS_KEY, [])]


def _full_spans(doc: Doc) -> list[tuple[int, ...]]:
    """Every field of the stored spans, character offsets and knowledge-base id included."""
    return [(s.start, s.end, s.start_char, s.end_char, s.label, s.id, s.kb_id) for s in doc.spans.get(SPANS_KEY, [])]


@pytest.fixture(scope="module")
def pipelines() -> tuple[Language, Language]:
    return _build_pipelines()


@lru_cache(maxsize=1)
def _build_pipelines() -> tuple[Language, Language]:
    """The plancli pipeline, and the same with spaCy's own span_ruler (built once; Hypothesis shares it)."""
    fast = build_pipeline()
    reference = build_pipeline()
    config = {"spans_key": SPANS_KEY, "phrase_matcher_attr": "LOWER", "validate": False, "overwrite": False}
    reference.replace_pipe(RULER_NAME, "span_ruler", config=config)
    reference.get_pipe(RULER_NAME).add_patterns(load_pattern_set(()).ruler_patterns())  # type: ignore[attr-defined]
    assert isinstance(fast.get_pipe(RULER_NAME), FastSpanRuler)
    assert type(reference.get_pipe(RULER_NAME)) is SpanRuler
    return fast, reference


def _run_until_ruler(nlp: Language, text: str) -> Doc:
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        doc = component(doc)
        if name == RULER_NAME:
            return doc
    raise AssertionError("no ruler")


def _assert_same_spans(pipelines: tuple[Language, Language], text: str) -> None:
    fast, reference = pipelines
    expected = _full_spans(_run_until_ruler(reference, text))
    assert _full_spans(_run_until_ruler(fast, text)) == expected


def test_the_built_in_patterns_need_no_whole_doc_fallback(pipelines: tuple[Language, Language]) -> None:
    ruler = pipelines[0].get_pipe(RULER_NAME)
    assert isinstance(ruler, FastSpanRuler)
    assert ruler.windowed_matcher().fallback_count == 0


@pytest.mark.parametrize("path", CORPUS, ids=lambda path: f"{path.parent.parent.name}/{path.name}")
def test_same_spans_as_span_ruler_on_corpus(pipelines: tuple[Language, Language], path: Path) -> None:
    _assert_same_spans(pipelines, path.read_text(encoding="utf-8"))


def test_same_spans_as_span_ruler_on_generated_text(pipelines: tuple[Language, Language]) -> None:
    for text in genre_texts(80, seed=9):
        _assert_same_spans(pipelines, text)


@settings(max_examples=150, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(GENRE_WORDS), max_size=60), st.lists(st.sampled_from([" ", "", "\n"]), max_size=60))
def test_same_spans_as_span_ruler_property(words: list[str], gaps: list[str]) -> None:
    text = "".join(word + (gaps[i] if i < len(gaps) else " ") for i, word in enumerate(words))
    _assert_same_spans(_build_pipelines(), text)


# Patterns a user might write: windowed ones (optional, repeated, token-level attributes) and ones
# the analyser must hand to spaCy's Matcher over the whole doc.
USER_PATTERNS: list[dict[str, Any]] = [
    {"label": "X_A", "id": "star", "pattern": [{"LOWER": "goals"}, {"LOWER": {"IN": ["are", "as"]}, "OP": "*"},
                                                {"ORTH": ":"}]},
    {"label": "X_A", "id": "plus", "pattern": [{"IS_DIGIT": True, "OP": "+"}, {"LOWER": "year"}]},
    {"label": "X_A", "id": "plus_mid", "pattern": [{"LOWER": "the"}, {"IS_ALPHA": True, "OP": "+"},
                                                    {"SHAPE": "dddd"}]},
    {"label": "X_A", "id": "star_first", "pattern": [{"IS_PUNCT": True, "OP": "*"}, {"LIKE_NUM": True}]},
    {"label": "X_A", "id": "sent_start", "pattern": [{"IS_SENT_START": True, "IS_TITLE": True},
                                                      {"IS_LOWER": True, "OP": "?"}]},
    {"label": "X_A", "id": "spacy", "pattern": [{"SPACY": False, "LIKE_NUM": True}, {"ORTH": "%"}]},
    {"label": "X_A", "id": "length", "pattern": [{"LENGTH": {">=": 5}, "IS_TITLE": True}, {"LENGTH": 4}]},
    {"label": "X_A", "id": "not_in", "pattern": [{"LOWER": {"NOT_IN": ["the", "a"]}, "IS_ALPHA": True},
                                                  {"LOWER": "year"}]},
    {"label": "X_A", "id": "regex", "pattern": [{"TEXT": {"REGEX": "^[A-Z]"}}, {"LOWER": {"REGEX": "^\\d+$"}}]},
    {"label": "X_A", "id": "norm", "pattern": [{"NORM": "by"}, {"SHAPE": "dddd"}]},
    {"label": "X_A", "id": "same_key", "pattern": [{"LOWER": "by"}, {"SHAPE": "dddd"}]},
    {"label": "X_A", "id": "same_key", "pattern": [{"LOWER": "in"}, {"SHAPE": "dddd", "OP": "?"}]},
    {"label": "X_A", "id": "wildcard", "pattern": [{"LOWER": "of"}, {}, {"OP": "?"}]},
    {"label": "X_B", "id": "negated", "pattern": [{"LOWER": "the"}, {"LOWER": "year", "OP": "!"}]},
    {"label": "X_B", "id": "counted", "pattern": [{"LIKE_NUM": True, "OP": "{2}"}]},
    {"label": "X_A", "id": "quantified", "pattern": [{"LOWER": {"IN": ["the", "a"]}}, {"IS_ALPHA": True, "OP": "{1,3}"},
                                                      {"LOWER": {"IN": ["of", "by"]}}, {"LIKE_NUM": True, "OP": "{0,2}"}]},
    {"label": "X_A", "id": "quantified_open", "pattern": [{"LOWER": "by"}, {"IS_DIGIT": True, "OP": "{1,}"}]},
    {"label": "X_B", "id": "all_optional", "pattern": [{"LOWER": "the", "OP": "?"}, {"LOWER": "end", "OP": "?"}]},
    {"label": "X_B", "id": "only_wildcards", "pattern": [{}, {"IS_SENT_START": True}]},
    {"label": "X_A", "id": "lower_case_keys", "pattern": [{"lower": "by"}, {"shape": "dddd"}]},
    {"label": "X_B", "id": "lower_case_op", "pattern": [{"LOWER": "by", "op": "?"}, {"SHAPE": "dddd"}]},
    {"label": "X_B", "id": "phrase", "pattern": "end of the year"},
]


@pytest.fixture(scope="module")
def user_rulers() -> tuple[Language, Language]:
    fast = spacy.blank("en")
    fast.add_pipe("sentencizer")
    reference = spacy.blank("en")
    reference.add_pipe("sentencizer")
    import plancli.matcher  # noqa: F401  (registers the factory)

    fast.add_pipe("plancli_span_ruler", name="ruler", config={"spans_key": SPANS_KEY})
    reference.add_pipe("span_ruler", name="ruler", config={"spans_key": SPANS_KEY})
    for nlp in (fast, reference):
        nlp.get_pipe("ruler").add_patterns(USER_PATTERNS)  # type: ignore[attr-defined]
    return fast, reference


def test_user_patterns_the_analyser_cannot_handle_fall_back(user_rulers: tuple[Language, Language]) -> None:
    ruler = user_rulers[0].get_pipe("ruler")
    assert isinstance(ruler, FastSpanRuler)
    assert ruler.windowed_matcher().fallback_count == 5  # negated, counted, all_optional, only_wildcards, lower_case_op


def test_user_patterns_same_spans_as_span_ruler(user_rulers: tuple[Language, Language]) -> None:
    fast, reference = user_rulers
    texts = [
        *genre_texts(30, seed=4),
        *genre_texts(60, seed=5, words=USER_WORDS, longest=120),
        *(path.read_text(encoding="utf-8") for path in CORPUS[:4]),
    ]
    for text in texts:
        assert _full_spans(fast(text)) == _full_spans(reference(text))


@pytest.mark.parametrize(
    "config",
    [{"overwrite": False}, {"spans_filter": {"@misc": "spacy.first_longest_spans_filter.v1"}},
     {"annotate_ents": True}, {"spans_key": None, "annotate_ents": True}],
)
def test_other_ruler_settings_behave_as_span_ruler(config: dict[str, Any]) -> None:
    """Settings plancli does not use take spaCy's own code path, with the windowed matches."""
    rulers = []
    for factory in ("plancli_span_ruler", "span_ruler"):
        nlp = spacy.blank("en")
        ruler = nlp.add_pipe(factory, name="ruler", config={"spans_key": SPANS_KEY, **config})
        ruler.add_patterns([p for p in USER_PATTERNS if p["label"] == "X_A"])  # type: ignore[attr-defined]
        rulers.append(nlp)
    for text in genre_texts(20, seed=7, words=USER_WORDS, longest=60):
        docs = []
        for nlp in rulers:
            doc = nlp.make_doc(text)
            doc.spans[SPANS_KEY] = [doc[0:1]] if len(doc) else []
            docs.append(nlp.get_pipe("ruler")(doc))
        fast_doc, reference_doc = docs
        assert _full_spans(fast_doc) == _full_spans(reference_doc)
        fast_ents, reference_ents = ([(e.start, e.end, e.label) for e in doc.ents] for doc in docs)
        assert fast_ents == reference_ents
    fast_ruler, reference_ruler = (nlp.get_pipe("ruler") for nlp in rulers)
    doc = rulers[0].make_doc("by 2025 the goals are as : in 12")
    assert fast_ruler.match(doc) == reference_ruler.match(doc)  # type: ignore[attr-defined]


def test_patterns_added_later_are_matched(user_rulers: tuple[Language, Language]) -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("plancli_span_ruler", config={"spans_key": SPANS_KEY})
    by_year = [{"LOWER": "by"}, {"SHAPE": "dddd"}]
    ruler.add_patterns([{"label": "X_A", "pattern": by_year}])  # type: ignore[attr-defined]
    assert _spans(nlp("by 2025")) == [(0, 2, "X_A", "")]
    ruler.add_patterns([{"label": "X_B", "pattern": [{"LOWER": "by"}]}])  # type: ignore[attr-defined]
    assert _spans(nlp("by 2025")) == [(0, 1, "X_B", ""), (0, 2, "X_A", "")]
    ruler.remove("X_A")  # type: ignore[attr-defined]
    assert _spans(nlp("by 2025")) == [(0, 1, "X_B", "")]


def test_pipeline_pickles_after_use(pipelines: tuple[Language, Language]) -> None:
    """nlp.pipe(n_process=...) and Spark pickle pipelines, flag tables and windowed matcher included."""
    import pickle

    nlp = pipelines[0]
    text = "By 2025, the city will build 30 parks. In 2023 it built 12."
    before = _full_spans(_run_until_ruler(nlp, text))
    copy = pickle.loads(pickle.dumps(nlp))
    assert _full_spans(_run_until_ruler(copy, text)) == before != []


@pytest.mark.parametrize(
    ("lengths", "size", "tokens", "expected"),
    [
        ([3, 3, 3], 2, 100, [[3, 3], [3]]),  # at most ``size`` docs
        ([40, 40, 40], 64, 100, [[40, 40], [40]]),  # at most ``tokens`` tokens together
        ([5, 500, 5], 64, 100, [[5], [500], [5]]),  # a longer doc goes alone
        ([0, 0], 64, 100, [[0, 0]]),
        ([], 64, 100, []),
    ],
)
def test_token_batches(lengths: list[int], size: int, tokens: int, expected: list[list[int]]) -> None:
    docs = [["w"] * n for n in lengths]  # only len() is read
    assert [[len(doc) for doc in batch] for batch in token_batches(docs, size, tokens)] == expected  # type: ignore[arg-type]


def test_pipe_in_flag_batches_finds_the_spans_of_one_doc_at_a_time(
        pipelines: tuple[Language, Language], monkeypatch: pytest.MonkeyPatch) -> None:
    """New words reach the flag table a batch at a time (batches cut by doc count and by tokens): the spans are
    those of spaCy's span_ruler on each doc alone."""
    monkeypatch.setattr(plancli.matcher, "FLAG_BATCH_DOCS", 5)
    monkeypatch.setattr(plancli.matcher, "FLAG_BATCH_TOKENS", 400)
    fast = build_pipeline()  # a cold flag table: every batch brings new words
    texts = list(genre_texts(30, seed=11))
    piped = [_full_spans(doc) for doc in fast.pipe(texts, batch_size=2)]
    assert piped == [_full_spans(_run_until_ruler(pipelines[1], text)) for text in texts]


def test_windowed_matcher_on_empty_doc() -> None:
    nlp = spacy.blank("en")
    matcher = WindowedMatcher(nlp.vocab, [("k", [{"LOWER": "by"}, {"SHAPE": "dddd", "OP": "?"}])])
    assert matcher(nlp("")) == []


# --- sentence boundaries ----------------------------------------------------------------------


def reference_sentence_starts(doc: Doc) -> list[bool]:
    """The sentence rules as the original token-by-token scan (the specification)."""
    n = len(doc)
    starts = [False] * n
    starts[0] = True
    i = 0
    while i < n:
        token = doc[i]
        if token.is_space and "\n" in token.text:
            j = i + 1
            while j < n and doc[j].is_space:
                j += 1
            if j < n:
                starts[j] = True
            i = j
            continue
        if token.text in _SENT_END:
            j = i + 1
            while j < n and (doc[j].text in _CLOSERS or doc[j].text in _SENT_END):
                j += 1
            spaces = j
            while j < n and doc[j].is_space:
                j += 1
            if j < n and (_starts_sentence(doc[j].text) or any("\n" in t.text for t in doc[spaces:j])):
                starts[j] = True
            i = j if j > i else i + 1
            continue
        i += 1
    for i in range(2, n):  # after a citation marker "[2]": a capitalized word or a dash bullet
        if doc[i].text == "]" and doc[i - 1].text.isdigit() and doc[i - 2].text == "[":
            j = i + 1
            while j < n and doc[j].is_space:
                j += 1
            if j < n and (_starts_sentence(doc[j].text) or doc[j].text in {"-", "–", "—"}):
                starts[j] = True
    return starts


@pytest.fixture(scope="module")
def sentencizer(nlp: Language) -> Any:
    return nlp.get_pipe("plancli_sentences")


@pytest.mark.parametrize("path", CORPUS[:20], ids=lambda path: f"{path.parent.parent.name}/{path.name}")
def test_sentence_starts_match_the_scan_on_corpus(nlp: Language, sentencizer: Any, path: Path) -> None:
    doc = nlp.make_doc(path.read_text(encoding="utf-8"))
    assert sentencizer.sentence_starts(doc).tolist() == reference_sentence_starts(doc)


def test_sentence_starts_match_the_scan_on_generated_text(nlp: Language, sentencizer: Any) -> None:
    for text in [*genre_texts(300, seed=1, words=SENTENCE_WORDS), *genre_texts(50, seed=2)]:
        doc = nlp.make_doc(text)
        if len(doc):
            assert sentencizer.sentence_starts(doc).tolist() == reference_sentence_starts(doc), text


@pytest.mark.parametrize(
    ("text", "first_words"),
    [
        ("Output rose 5%. Exports fell.", ["Output", "Exports"]),
        ("It said: “We will grow.” The city agreed.", ["It", "The"]),
        ("Growth was 6.5%.\n\nexports rose.", ["Growth", "exports"]),  # a line break after a full stop ends the sentence
        ("The plan\nthe city will build", ["The", "the"]),
        ("Targets; the city will build 20 parks", ["Targets"]),
        ("Done.) Next, the city", ["Done", "Next"]),
        ("Sales will reach 9 trillion yuan by 2030 [1] - Exports grew 5% [2] In 2024, output rose", ["Sales", "-", "In"]),
        ("as shown in table [3] and the city", ["as"]),
    ],
)
def test_sentence_rules(nlp: Language, text: str, first_words: list[str]) -> None:
    doc = nlp(text)
    assert [sent[0].text for sent in doc.sents if not sent[0].is_space] == first_words
