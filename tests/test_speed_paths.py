"""The per-doc shortcuts of the statement rooms give exactly what reading spaCy's objects gives.

* the token view (:class:`~plancli.statements.common.Tokens`) equals each ``Token``'s attributes;
* the ruler's rows equal ``doc.spans`` and are refused once that group was changed;
* the records are the same whether the rooms read the ruler's rows or the spans themselves;
* the kept doc text is used only while it is the doc's text;
* ``spacy.blank`` with plancli's registered tokenizer tokenizes like the tokenizer tuned after the fact.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from plancli.matcher import ROWS_KEY, ROWS_ONLY_KEY, ruler_rows
from plancli.matcher_flags import LEXEMES_KEY, doc_lexemes
from plancli.pipeline import RULER_NAME, SPANS_KEY, _tune_tokenizer, build_pipeline
from plancli.statements.common import TEXT_KEY, TokenReader, doc_text, tokens_of

ROOT = Path(__file__).resolve().parents[1]
CORPUS = sorted([*ROOT.glob("samples/*.txt"), *ROOT.glob("tests/devsets/*/docs/*.txt")], key=lambda p: p.as_posix())

# Sentences in the genre, with line breaks, headings, quotes and odd spacing.
TEXTS = [
    "Binhai District will raise the share of renewables to 40% by 2030.\n\nMain targets\n- 12 new parks;\n",
    "The plan sets goals:\n  • forest cover of 25% by 2027\n  • 3,000 km of rail\n",
    "Source: “City Daily”  Exports rose 6.5%,the bureau said.Imports fell 2 %\tin May.",
    "",
    "\n\n \t",
]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline()


def _docs(nlp: Language) -> list[Doc]:
    return list(nlp.pipe([*TEXTS, *(path.read_text(encoding="utf-8") for path in CORPUS[:12])]))


def test_token_view_equals_token_attributes(nlp: Language) -> None:
    reader = TokenReader()
    for doc in _docs(nlp):
        for tokens in (reader.read(doc), reader.read(doc), tokens_of(doc)):  # fresh, remembered, and built on call
            assert len(tokens) == len(doc)
            assert tokens.text == [t.text for t in doc]
            assert tokens.lower == [t.lower_ for t in doc]
            assert tokens.space == [t.is_space for t in doc]
            assert tokens.line_break == [t.is_space and "\n" in t.text for t in doc]
            assert tokens.punct == [t.is_punct for t in doc]
            assert tokens.title == [t.is_title for t in doc]
            assert tokens.like_num == [t.like_num for t in doc]
            assert tokens.alpha == [t.is_alpha for t in doc]
            assert tokens.upper == [t.is_upper for t in doc]
            assert tokens.lowercase == [t.is_lower for t in doc]
            for row, token in zip(tokens.rows, doc):  # a row reads like its token
                assert (row.text, row.lower_, row.is_space, row.is_punct, row.is_title, row.like_num, row.is_alpha,
                        row.is_upper, row.is_lower) == (token.text, token.lower_, token.is_space, token.is_punct,
                                                        token.is_title, token.like_num, token.is_alpha,
                                                        token.is_upper, token.is_lower)
            assert tokens.counts() == Counter(t.text for t in doc)


def test_lexemes_follow_the_tokens(nlp: Language) -> None:
    doc = nlp.make_doc("Rates rose 5% and rates fell 5%.")
    unique, inverse = doc_lexemes(doc)
    assert [int(unique[k]) for k in inverse] == [t.orth for t in doc]
    with doc.retokenize() as retokenizer:  # the tokens change: the kept lexemes are not used
        retokenizer.merge(doc[0:2])
    unique, inverse = doc_lexemes(doc)
    assert [int(unique[k]) for k in inverse] == [t.orth for t in doc]


def test_ruler_rows_equal_the_spans(nlp: Language) -> None:
    for doc in _docs(nlp):
        rows = ruler_rows(doc, SPANS_KEY)
        assert rows is not None
        assert rows == [(s.start, s.end, s.label, s.id) for s in doc.spans[SPANS_KEY]]
        assert LEXEMES_KEY not in doc.user_data  # the last component dropped them


def test_ruler_rows_refused_after_the_spans_change(nlp: Language) -> None:
    doc = nlp("Binhai will build 12 parks by 2030.")
    assert ruler_rows(doc, SPANS_KEY) is not None
    doc.spans[SPANS_KEY] = [*doc.spans[SPANS_KEY], Span(doc, 0, 1, label="TARGET_CUE")]
    assert ruler_rows(doc, SPANS_KEY) is None
    assert ruler_rows(doc, "other key") is None


def test_records_same_from_spans_and_from_rows(nlp: Language) -> None:
    """The rooms read the ruler's rows when they are there, else the spans of ``doc.spans``: the records
    are the same."""
    texts = [*TEXTS, *(path.read_text(encoding="utf-8") for path in CORPUS)]
    without = []
    for doc in nlp.pipe(texts, disable=["plancli_quantities", "plancli_targets"]):
        del doc.user_data[f"{ROWS_KEY}:{SPANS_KEY}"]
        for name in ("plancli_quantities", "plancli_targets"):
            doc = nlp.get_pipe(name)(doc)
        without.append(doc._.targets)
    with_rows = [doc._.targets for doc in nlp.pipe(texts)]
    assert with_rows == without
    assert sum(map(len, with_rows)) > 100


def test_rows_only_docs_give_the_same_rows_and_records(nlp: Language) -> None:
    """A doc marked rows-only (as the extractor marks its docs) gets no ``doc.spans`` group, the same rows
    and the same records; rows are refused once something writes the group after all."""
    texts = [*TEXTS, *(path.read_text(encoding="utf-8") for path in CORPUS[:12])]
    marked = []
    for text in texts:
        doc = nlp.make_doc(text)
        doc.user_data[ROWS_ONLY_KEY] = True
        marked.append(doc)
    for doc, plain in zip(nlp.pipe(marked), nlp.pipe(texts)):
        assert SPANS_KEY not in doc.spans
        assert ruler_rows(doc, SPANS_KEY) == ruler_rows(plain, SPANS_KEY)
        assert doc._.targets == plain._.targets
    doc = nlp.make_doc("Binhai will build 12 parks by 2030.")
    doc.user_data[ROWS_ONLY_KEY] = True
    doc = nlp(doc)
    assert ruler_rows(doc, SPANS_KEY)
    doc.spans[SPANS_KEY] = []
    assert ruler_rows(doc, SPANS_KEY) is None


def test_doc_text_used_only_while_it_is_the_text(nlp: Language) -> None:
    text = "Exports rose 6.5% in May.\n"
    doc = nlp.make_doc(text)
    assert doc_text(doc) == text
    doc.user_data[TEXT_KEY] = text
    assert doc_text(doc) is text
    doc.user_data[TEXT_KEY] = text + "x"  # not this doc's text
    assert doc_text(doc) == text
    assert doc_text(nlp.make_doc("")) == ""


def test_registered_tokenizer_equals_the_tuned_one(nlp: Language) -> None:
    tuned = spacy.blank("en")
    _tune_tokenizer(tuned)
    assert nlp.tokenizer.rules == tuned.tokenizer.rules  # type: ignore[attr-defined]
    for text in [*TEXTS, *(path.read_text(encoding="utf-8") for path in CORPUS)]:
        assert [t.text for t in nlp.make_doc(text)] == [t.text for t in tuned.make_doc(text)]


def test_ruler_is_plancli_span_ruler(nlp: Language) -> None:
    assert nlp.get_pipe_meta(RULER_NAME).factory == "plancli_span_ruler"


@pytest.mark.parametrize(("attr", "values", "inside"), [
    ("ORTH", ("to", "w5", "2030"), True),
    ("LOWER", ("by", "W7"), False),
    ("LENGTH", (2, -1, 4), True),  # a user's odd value matches nothing
    ("LOWER", (), True),
])
def test_set_test_same_on_big_and_small_batches(attr: str, values: tuple[object, ...], inside: bool) -> None:
    """A cold start's big batch of new lexemes takes numpy's search; one lexeme at a time takes the set."""
    from plancli.matcher_flags import _LARGE_BATCH, LexemeBatch, _Membership

    vocab = spacy.blank("en").vocab
    words = [f"w{i}" for i in range(_LARGE_BATCH + 50)] + ["to", "By", "2030", "a"]
    orths = [vocab[word].orth for word in words]
    hashes = frozenset(v if isinstance(v, int) else vocab.strings.add(str(v)) for v in values)
    test = _Membership(attr, hashes, inside=inside)
    big = test(LexemeBatch(vocab, orths)).tolist()
    assert big == [test(LexemeBatch(vocab, [orth])).tolist()[0] for orth in orths]
